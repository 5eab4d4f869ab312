"""The pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit on a throw-away repository.

pre-commit clones this project, installs it (and its dependencies, from the package
index pip is configured with) into an environment of its own under PRE_COMMIT_HOME,
and runs `factcheck check` on the staged article, as it does for a newsroom that
puts the README's snippet in its .pre-commit-config.yaml.

Why `pre-commit run` with a config and not `pre-commit try-repo`: try-repo writes a
config of its own that names only the hook id, so the `args: [--records, records]`
of a .pre-commit-config.yaml never reach the hook (and without records there is
nothing to find); it also installs into a new temporary store on every call,
ignoring PRE_COMMIT_HOME. And like try-repo's clone (HEAD plus changes to tracked
files), the repository pre-commit clones here is a commit of this checkout's working
tree: its tracked and untracked, not ignored files. In a fresh clone (CI) that is
exactly HEAD; in a working checkout it includes files not committed yet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

# spawns processes or checks many articles: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
RECORDS_FILE = ROOT / "fixtures" / "records" / "mission-impossible.yaml"
GIT_IDENTITY = ("-c", "user.name=factcheck tests", "-c", "user.email=tests@factcheck.invalid", "-c", "commit.gpgsign=false")
# Installing the hook's environment (the package, spaCy and the English model) is the slow part.
INSTALL_TIMEOUT = 900

ARTICLE = """\
---
title: Dead Reckoning wraps filming
date: 2022-12-21
---

# Dead Reckoning wraps filming

Mission: Impossible – Dead Reckoning – Part {part} will release on July 12, 2023.
"""


def _environment(pre_commit_home: Path) -> dict[str, str]:
    # GIT_* variables (set when the tests run inside a git hook) would point git at the wrong repository.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(pre_commit_home)
    env["PRE_COMMIT_COLOR"] = "never"
    env.pop("PRE_COMMIT", None)
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    completed = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, f"git {' '.join(args)} failed:\n{completed.stdout}{completed.stderr}"
    return completed.stdout


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit store for the session: the hook's environment is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repository(tmp_path_factory, pre_commit_home) -> tuple[Path, str]:
    """A git repository holding this checkout's working tree in one commit: (path, commit)."""
    env = _environment(pre_commit_home)
    listing = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    snapshot = tmp_path_factory.mktemp("factcheck-hook-repo")
    copied = 0
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if not (source.is_file() or source.is_symlink()):
            continue  # deleted in the working tree
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
        copied += 1
    assert (snapshot / ".pre-commit-hooks.yaml").is_file(), "the hook manifest is missing from the repository"
    assert copied > 10
    _git("init", "-q", cwd=snapshot, env=env)
    _git("add", "-A", cwd=snapshot, env=env)
    _git("commit", "-q", "--no-verify", "-m", "factcheck working tree", cwd=snapshot, env=env)
    return snapshot, _git("rev-parse", "HEAD", cwd=snapshot, env=env).strip()


@pytest.fixture
def newsroom(tmp_path, hook_repository, pre_commit_home):
    """A newsroom's repository: an article, its records, and a .pre-commit-config.yaml using the hook."""
    repository, commit = hook_repository
    env = _environment(pre_commit_home)
    _git("init", "-q", cwd=tmp_path, env=env)
    (tmp_path / "records").mkdir()
    shutil.copy(RECORDS_FILE, tmp_path / "records" / RECORDS_FILE.name)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {repository.as_posix()}\n"
        f"    rev: {commit}\n"
        "    hooks:\n"
        "      - id: factcheck\n"
        "        args: [--records, records]\n",
        encoding="utf-8",
    )
    return tmp_path


def _pre_commit(newsroom: Path, pre_commit_home: Path) -> subprocess.CompletedProcess:
    env = _environment(pre_commit_home)
    _git("add", "-A", cwd=newsroom, env=env)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", "article.md", "--verbose", "--color", "never"],
        cwd=newsroom, env=env, capture_output=True, text=True, encoding="utf-8", timeout=INSTALL_TIMEOUT,
    )


def test_hook_fails_on_a_planted_error_and_passes_once_it_is_fixed(newsroom, pre_commit_home):
    article = newsroom / "article.md"
    article.write_text(ARTICLE.format(part="On"), encoding="utf-8")

    began = time.monotonic()
    failed = _pre_commit(newsroom, pre_commit_home)
    first_run = time.monotonic() - began
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "factcheck....." in output and "Failed" in output, output
    assert "- exit code: 1" in output, output
    assert (  # the report wraps its lines to 80 columns in a log
        "article.md:8:40: error [name-near-miss] “Part On” looks like a misspelling of “Part One” "
        "(as in “Mission: Impossible – Dead Reckoning Part One”)"
    ) in _flat(output), output
    assert "suggestion: Part One" in output, output

    article.write_text(ARTICLE.format(part="One"), encoding="utf-8")
    began = time.monotonic()
    passed = _pre_commit(newsroom, pre_commit_home)
    second_run = time.monotonic() - began
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "factcheck....." in output and "Passed" in output, output
    assert "error [" not in output, output
    # the environment was installed by the first run and reused by the second
    assert "Installing environment" not in output, output
    print(f"pre-commit: {first_run:.1f} s with the install, {second_run:.1f} s reusing it")


def test_hook_manifest_matches_the_article_suffixes_factcheck_reads():
    import re

    import yaml

    from factcheck.load import ARTICLE_SUFFIXES

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    for suffix in ARTICLE_SUFFIXES:
        assert files.search(f"articles/story{suffix}"), suffix
        assert files.search(f"articles/STORY{suffix.upper()}"), suffix
    for other in ("records/film.yaml", "src/app.py", "article.md.bak", "image.png"):
        assert not files.search(other), other


def test_try_repo_against_this_checkout_uses_the_newsroom_config(tmp_path, hook_repository, pre_commit_home):
    """`pre-commit try-repo` passes no args to the hook, so the newsroom's factcheck.toml
    (found by walking up from the article) says where the records are."""
    repository, _ = hook_repository
    env = _environment(pre_commit_home)
    _git("init", "-q", cwd=tmp_path, env=env)
    (tmp_path / "records").mkdir()
    shutil.copy(RECORDS_FILE, tmp_path / "records" / RECORDS_FILE.name)
    (tmp_path / "factcheck.toml").write_text('records = ["records"]\n', encoding="utf-8")
    article = tmp_path / "article.md"

    def try_repo() -> subprocess.CompletedProcess:
        _git("add", "-A", cwd=tmp_path, env=env)
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(repository), "factcheck", "--files", "article.md", "--verbose", "--color", "never"],
            cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=INSTALL_TIMEOUT,
        )

    article.write_text(ARTICLE.format(part="On"), encoding="utf-8")
    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "error [name-near-miss] “Part On”" in _flat(failed.stdout + failed.stderr)

    article.write_text(ARTICLE.format(part="One"), encoding="utf-8")
    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr


def _flat(text: str) -> str:
    """The output with its wrapped lines joined: words separated by single spaces."""
    return " ".join(text.split())


def _readme_hook_block() -> str:
    """The .pre-commit-config.yaml block of the README's pre-commit section, as written there."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use in pre-commit"):]
    return re.search(r"```yaml\n(repos:.*?)```", section, re.DOTALL).group(1)


def test_the_readme_hook_block_works_in_a_new_repository_after_factcheck_init(tmp_path, hook_repository, pre_commit_home):
    """A newsroom follows the README: `factcheck init`, then the README's block in its
    .pre-commit-config.yaml (this checkout's clone as `repo:`, its commit as `rev:`). A commit with
    a planted error is stopped; after `factcheck check --fix` it goes through. The hook's
    environment has no Dask."""
    import re

    import yaml

    repository, commit = hook_repository
    env = _environment(pre_commit_home)
    _git("init", "-q", cwd=tmp_path, env=env)
    init = subprocess.run([sys.executable, "-m", "factcheck", "init"], cwd=tmp_path, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    block = _readme_hook_block()
    written = yaml.safe_load(block)
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", str(written["repos"][0]["rev"])), "the README's rev: is a commit or a tag"
    config = re.sub(r"(?m)^(\s*- repo:).*$", rf"\1 {repository.as_posix()}", block)
    config = re.sub(r"(?m)^(\s*rev:).*$", rf"\1 {commit}", config)
    (tmp_path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    assert yaml.safe_load(config)["repos"][0]["hooks"] == written["repos"][0]["hooks"]
    article = tmp_path / "article.md"
    article.write_text("---\ndate: 2024-06-01\n---\n\nThe Example Film, directed by Jane Directer, opened last month.\n",
                       encoding="utf-8")
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    def commit() -> subprocess.CompletedProcess:
        _git("add", "-A", cwd=tmp_path, env=env)
        return subprocess.run(["git", *GIT_IDENTITY, "commit", "-q", "-m", "story"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=INSTALL_TIMEOUT)

    blocked = commit()
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "“Jane Directer” looks like a misspelling of “Jane Director”" in _flat(output), output
    fixed = subprocess.run([sys.executable, "-m", "factcheck", "check", "article.md", "--fix"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert "Jane Director," in article.read_text(encoding="utf-8"), fixed.stderr
    passed = commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert _git("log", "--oneline", cwd=tmp_path, env=env).strip()
    environments = list(pre_commit_home.glob("repo*/py_env-*"))
    assert environments and not any(list(e.glob("lib/python*/site-packages/dask")) for e in environments), \
        "the hook's environment installed Dask"
