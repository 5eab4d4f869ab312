"""Hostile files: each ends in one line on stderr and exit code 2, quickly and in little
memory — or, where it is within the limits, is checked normally. Nothing hangs, nothing
is executed, nothing outside the checked file is written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import RECORDS, ROOT, SEED, run_process, within
from factcheck import fix, load, yamlfile
from factcheck.errors import UserError

SMALL = "Tom Cruise stars in the film, which opened on July 12, 2023.\n"


def one_line_error(result, *expected: str) -> str:
    assert result.code == 2, (result.code, result.out[-500:], result.err[-2000:])
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("factcheck: error: "), lines[0]
    assert "Traceback" not in result.err
    for part in expected:
        assert part in lines[0], (part, lines[0])
    return lines[0]


class Bounded:
    """Time and peak Python memory of a block."""

    def __enter__(self):
        tracemalloc.start()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


@pytest.fixture
def warm(cli, tmp_path):
    """Import what a check imports, so that measuring memory measures the file, not the imports."""
    cli("check", tmp_path / "warm-up-missing.md")
    return cli


def mkfifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(path)
    return path


def run_bounded(*args, seconds: float = 20, **kwargs):
    """A real process that must be done within `seconds` (a FIFO that blocks would not be)."""
    start = time.perf_counter()
    try:
        result = run_process(*args, timeout=seconds, **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck {' '.join(map(str, args))} did not return within {seconds} s")
    result.seconds = time.perf_counter() - start
    return result


# --- size ------------------------------------------------------------------------------


@pytest.mark.slow  # writes and measures a 50 MB file
def test_a_50_mb_article_is_refused_before_it_is_read(warm, tmp_path):
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB to stat, nothing to write
    with Bounded() as bound:
        result = warm("check", huge)
    one_line_error(result, str(huge), "larger than 10,000,000 bytes", "FACTCHECK_MAX_FILE_BYTES")
    assert bound.seconds < within(2)
    assert bound.peak < 5_000_000  # none of it was read


def test_a_50_mb_article_on_standard_input_is_refused_after_the_limit(tmp_path):
    result = run_bounded("check", "-", stdin=b"Tom Cruise stars. " * 2_800_000)
    one_line_error(result, "<stdin>", "larger than 10,000,000 bytes")
    assert result.seconds < within(10)


def test_the_size_limit_is_set_by_an_environment_variable(cli, tmp_path, monkeypatch):
    article = tmp_path / "article.md"
    article.write_text(SMALL * 30)  # 1,860 bytes
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "1000")
    one_line_error(cli("check", article), str(article), "larger than 1,000 bytes")
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "1_000_000")
    assert cli("check", article, "--no-cache").code in (0, 1)
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "ten megabytes")
    one_line_error(cli("check", article), "FACTCHECK_MAX_FILE_BYTES must be a positive whole number")


@pytest.mark.slow  # writes and measures a 5 MB line
def test_a_5_mb_line_is_refused_at_once_naming_the_limit(warm, tmp_path):
    line = tmp_path / "one-line.txt"
    line.write_text((SMALL.strip() + " ") * 82_000)  # 5 MB, under the byte limit, no line break
    assert 4_900_000 < line.stat().st_size < 10_000_000
    with Bounded() as bound:
        result = warm("check", line)
    one_line_error(result, str(line), "characters: longer than 1,000,000", "FACTCHECK_MAX_TEXT_CHARS")
    assert bound.seconds < within(5)


@pytest.mark.slow  # a near-limit text through the whole pipeline
def test_a_long_line_within_the_limit_is_checked_normally(cli, tmp_path, monkeypatch):
    line = tmp_path / "one-line.md"
    line.write_text("Mission: Impossible – Dead Reckoning – Part On will release globally on June 28, 2024. " * 300)
    start = time.perf_counter()
    result = cli("check", line, "--records", RECORDS, "--format", "json", "--no-cache")
    assert result.code == 1, result.err
    findings = result.json()["files"][0]["findings"]
    assert {f["rule"] for f in findings} >= {"name-near-miss"}
    assert all(f["line"] == 1 for f in findings)
    assert time.perf_counter() - start < within(30)
    # the text limit is configurable too
    monkeypatch.setenv("FACTCHECK_MAX_TEXT_CHARS", "1000")
    one_line_error(cli("check", line), "longer than 1,000", "FACTCHECK_MAX_TEXT_CHARS")


def test_raising_the_text_limit_raises_spacys_limit_too(monkeypatch):
    from factcheck.api import Checker

    monkeypatch.setenv("FACTCHECK_MAX_TEXT_CHARS", "2000000")
    checker = Checker.from_paths([])
    checker.check_text(SMALL)
    assert checker.nlp.max_length > 2_000_000


@pytest.mark.slow  # a near-limit text through the whole pipeline
def test_a_900_kb_word_is_blanked_not_tokenized(cli, tmp_path):
    blob = tmp_path / "blob.md"
    blob.write_text("$" * 900_000 + "\n\n" + SMALL)  # spaCy's tokenizer would take hours on it
    start = time.perf_counter()
    result = cli("check", blob, "--no-cache", "--format", "json")
    assert result.code == 0, result.err
    assert time.perf_counter() - start < within(20)


@pytest.mark.slow  # a near-limit text
def test_too_much_to_analyse_is_refused_by_the_token_limit(cli, tmp_path, monkeypatch):
    soup = tmp_path / "soup.md"
    soup.write_text(("$" * 99 + " ") * 9_000)  # 900 kB, 891,000 tokens: 15 GB in spaCy's recogniser
    start = time.perf_counter()
    one_line_error(cli("check", soup, "--no-cache"), str(soup), "more than 100,000 words and symbols", "FACTCHECK_MAX_TOKENS")
    assert time.perf_counter() - start < within(5)
    article = tmp_path / "article.md"
    article.write_text(SMALL * 3)
    monkeypatch.setenv("FACTCHECK_MAX_TOKENS", "20")
    one_line_error(cli("check", article, "--no-cache"), str(article), "more than 20 words and symbols")


# Masking is linear: each of these took from minutes to hours on 1,000,000 characters.
PATHOLOGICAL = {
    "brackets.md": "[" * 300_000,
    "images.md": "![" * 150_000,
    "comments.html": "<!--" * 75_000,
    "tags.html": "<p " * 100_000,
    "scripts.html": "<pre>" * 60_000 + "</script>",
    "backtick-runs.md": "".join("`" * k + "a" for k in range(1, 770)),
    "blank-line.md": "x" + " " * 300_000 + "\n",
}


@pytest.mark.slow  # masks megabytes of markup
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_markup_is_masked_in_linear_time(tmp_path, name, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_TOKENS", "10000000")  # the masking is measured here, not that limit
    article = tmp_path / name
    article.write_text(PATHOLOGICAL[name])
    start = time.perf_counter()
    document = load.load_document(str(article))
    assert len(document.text) == len(document.source)
    assert time.perf_counter() - start < within(5)


# --- YAML: alias bombs, deep nesting, recursion, Python tags --------------------------

LAUGHS = "lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)  # 9**10 = 3,486,784,401 values in 1 kB
BOMBS = {
    "billion-laughs": (LAUGHS, "alias bomb"),
    "deep": ("x: " + "[" * 300 + "]" * 300 + "\n", "nested more than 100 levels deep"),
    "deep-mapping": "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v: 1\n",
    "recursive": ("x: &a [1, *a]\n", "refers to a value that contains it"),
    "many-aliases": ("a: &a x\nb: [" + ", ".join(["*a"] * 1500) + "]\n", "more than 1000 aliases"),
}
BOMBS["deep-mapping"] = (BOMBS["deep-mapping"], "nested more than 100 levels deep")


def _bomb_in(place: str, yaml_text: str, tmp_path: Path) -> tuple[list[str], Path, int]:
    """Arguments that make factcheck read the YAML from `place`, the file it is in, and its first line there."""
    if place == "records":
        records = tmp_path / "records.yaml"
        records.write_text(yaml_text)
        return ["check", str(SEED), "--records", str(records)], records, 1
    if place == "rules":
        rules = tmp_path / "house-rules"
        rules.mkdir()
        (rules / "house.yaml").write_text(yaml_text)
        return ["check", str(SEED), "--rules", str(rules)], rules / "house.yaml", 1
    article = tmp_path / "article.md"
    article.write_text(f"---\n{yaml_text}---\n{SMALL}")
    return ["check", str(article)], article, 2


@pytest.mark.slow  # traces memory while each bomb is refused
@pytest.mark.parametrize("place", ["records", "rules", "front matter"])
@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_yaml_bombs_are_refused_quickly_and_in_little_memory(warm, tmp_path, place, bomb):
    text, message = BOMBS[bomb]
    args, path, _ = _bomb_in(place, text, tmp_path)
    with Bounded() as bound:
        result = warm(*args)
    line = one_line_error(result, "invalid YAML", message)
    assert re.search(rf"{re.escape(str(path))}:\d+: ", line), line
    assert bound.seconds < within(10)  # about 0.5 s (3 s traced); an expansion would take hours
    assert bound.peak < 60_000_000


def test_the_expanded_size_bound_counts_every_use_of_an_alias():
    # 2 ** 21 values from 21 aliases: few aliases, little nesting, far too much to walk
    doubling = "a0: &a0 [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 21))
    with pytest.raises(UserError, match="expands to more than 1,000,000 values"):
        yamlfile.parse_yaml(doubling, "doubling.yaml")
    # shared values under the bound are fine
    data = yamlfile.parse_yaml("a: &a [x, y]\nb: [*a, *a, *a]\n", "ok.yaml")
    assert data["b"] == [["x", "y"]] * 3


@pytest.mark.parametrize("place", ["records", "rules", "front matter"])
def test_python_tags_are_errors_and_are_never_executed(warm, tmp_path, place):
    marker = tmp_path / "executed"
    text = f"x: !!python/object/apply:os.system ['touch {marker}']\n"
    args, path, line = _bomb_in(place, text, tmp_path)
    one_line_error(warm(*args), f"{path}:{line}: ", "invalid YAML", "python/object/apply:os.system")
    assert not marker.exists()


@pytest.mark.parametrize(
    "value, expected",
    [("2020-02-30", "day is out of range"), ("1" * 5000, "Exceeds the limit")],
)
def test_unquoted_values_python_cannot_hold_are_errors_at_their_line(cli, tmp_path, value, expected):
    records = tmp_path / "films.yaml"
    records.write_text(f"entities:\n  - id: x\n    type: film\n    name: X Film\n    facts:\n      release_date: {value}\n")
    one_line_error(cli("check", SEED, "--records", records), f"{records}:6: ", "bad value", expected)


def test_a_control_character_in_yaml_names_its_line(cli, tmp_path):
    records = tmp_path / "films.yaml"
    records.write_text("entities:\n  - id: x\n    type: film\n    name: X\x1f Film\n")
    one_line_error(cli("check", SEED, "--records", records), f"{records}:4: ", "unacceptable character #x001f")


def test_the_yaml_limits_are_set_by_environment_variables(cli, tmp_path, monkeypatch):
    records = tmp_path / "films.yaml"
    # bigger than any built-in rule file, which the limits apply to as well (the rule files grow with their examples)
    limit = max(path.stat().st_size for path in (ROOT / "rules").rglob("*.yaml")) + 1000
    entries = limit // 40 + 200  # (each entry is about 40 bytes)
    records.write_text("entities:\n" + "".join(f"  - {{id: f{i}, type: film, name: Film {i}}}\n" for i in range(entries)))
    assert limit < records.stat().st_size
    monkeypatch.setenv("FACTCHECK_MAX_YAML_BYTES", str(limit))
    one_line_error(cli("check", SEED, "--records", records), str(records), f"larger than {limit:,} bytes", "FACTCHECK_MAX_YAML_BYTES")
    monkeypatch.setenv("FACTCHECK_MAX_YAML_BYTES", "1000000")
    monkeypatch.setenv("FACTCHECK_MAX_YAML_NODES", "1000")
    one_line_error(cli("check", SEED, "--records", records), str(records), "expands to more than 1,000 values")


# --- TOML ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["[" * 50_000 + "]" * 50_000, "{a = " * 5_000 + "1" + "}" * 5_000])
def test_a_deeply_nested_config_is_one_line(cli, tmp_path, value):
    (tmp_path / "factcheck.toml").write_text(f"x = {value}\n")
    article = tmp_path / "article.md"
    article.write_text(SMALL)
    one_line_error(cli("check", article), "nested too deeply")


def test_a_deeply_nested_config_error_names_the_file(cli, tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n")
    article = tmp_path / "article.md"
    article.write_text(SMALL)
    one_line_error(cli("check", article), str(config))


# --- paths: links, loops, unreadable files, FIFOs and devices ---------------------------


def _tree_with_loops(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    real = root / "sub" / "real.md"
    real.write_text(SMALL)
    (root / "sub" / "up").symlink_to("..")  # a folder loop
    (root / "self").symlink_to(".")  # and another: two make a glob's ** walk exponential
    (root / "a.md").symlink_to("b.md")  # a file loop
    (root / "b.md").symlink_to("a.md")
    (root / "gone.md").symlink_to("nowhere.md")  # a broken link
    return root, real


def _checked_paths(result) -> list[str]:
    assert result.code in (0, 1), result.err
    return [entry["path"] for entry in result.json()["files"]]


def test_a_walk_through_symbolic_link_loops_ends(tmp_path):
    root, real = _tree_with_loops(tmp_path)
    result = run_bounded("check", root, "--format", "json", "--no-cache")
    assert _checked_paths(result) == [str(real)]


def test_a_recursive_glob_through_symbolic_link_loops_ends(tmp_path):
    root, real = _tree_with_loops(tmp_path)
    result = run_bounded("check", f"{root}/**/*.md", "--format", "json", "--no-cache")
    assert _checked_paths(result) == [str(real)]


@pytest.mark.parametrize("name, expected", [("a.md", "a loop of symbolic links"), ("gone.md", "broken symbolic link")])
def test_a_bad_link_given_explicitly_is_named(cli, tmp_path, name, expected):
    root, _ = _tree_with_loops(tmp_path)
    one_line_error(cli("check", root / name), str(root / name), expected)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything; the next test covers the same code path")
def test_an_unreadable_file_in_a_walk_is_named(cli, tmp_path):
    (tmp_path / "fine.md").write_text(SMALL)
    secret = tmp_path / "secret.md"
    secret.write_text(SMALL)
    secret.chmod(0)
    one_line_error(cli("check", tmp_path), str(secret), "cannot read: Permission denied")


def test_an_unreadable_file_in_a_walk_is_named_even_as_root(cli, tmp_path, monkeypatch):
    (tmp_path / "fine.md").write_text(SMALL)
    secret = tmp_path / "secret.md"
    secret.write_text(SMALL)
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    one_line_error(cli("check", tmp_path), str(secret), "cannot read: Permission denied")


def test_an_unreadable_folder_in_a_walk_is_named(cli, tmp_path, monkeypatch):
    (tmp_path / "fine.md").write_text(SMALL)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text(SMALL)
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    one_line_error(cli("check", tmp_path), str(locked), "cannot read this folder")


def test_a_fifo_given_explicitly_is_refused_without_blocking(tmp_path):
    fifo = mkfifo(tmp_path / "pipe.md")
    result = run_bounded("check", fifo, seconds=20)
    one_line_error(result, str(fifo), "not a regular file (a FIFO)")
    assert result.seconds < within(10)


def test_a_fifo_in_a_walk_is_skipped_without_blocking(tmp_path):
    mkfifo(tmp_path / "pipe.md")
    (tmp_path / "real.md").write_text(SMALL)
    result = run_bounded("check", tmp_path, "--format", "json", "--no-cache")
    assert _checked_paths(result) == [str(tmp_path / "real.md")]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_given_explicitly_is_refused_at_once(device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    result = run_bounded("check", device, seconds=20)
    one_line_error(result, device, "not a regular file (a device)")
    assert result.seconds < within(10)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_as_standard_input_is_bounded(device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with open(device, "rb") as stdin:
        start = time.perf_counter()
        completed = subprocess.run([sys.executable, "-m", "factcheck", "check", "-"], stdin=stdin,
                                   capture_output=True, cwd=ROOT, timeout=30)
    err = completed.stderr.decode()
    assert completed.returncode == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert ("larger than 10,000,000 bytes" if device == "/dev/zero" else "empty") in err  # read up to the limit, no further
    assert time.perf_counter() - start < within(15)


def test_a_fifo_among_the_rules_is_refused_without_blocking(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    fifo = mkfifo(rules / "house.yaml")
    one_line_error(run_bounded("check", SEED, "--rules", rules), str(fifo), "not a regular file (a FIFO)")


def test_a_fifo_as_baseline_is_refused_and_never_replaced(tmp_path):
    fifo = mkfifo(tmp_path / "baseline.json")
    (tmp_path / "real.md").write_text(SMALL)
    one_line_error(run_bounded("check", tmp_path / "real.md", "--baseline", fifo), str(fifo), "not a regular file (a FIFO)")
    result = run_bounded("check", tmp_path / "real.md", "--write-baseline", fifo)
    one_line_error(result, str(fifo), "not a regular file; not replaced")
    assert fifo.is_fifo()


def test_a_baseline_in_a_loop_of_links_is_one_line(cli, tmp_path):
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    (tmp_path / "real.md").write_text(SMALL)
    one_line_error(cli("check", tmp_path / "real.md", "--baseline", tmp_path / "a.json"), "a loop of symbolic links")
    one_line_error(cli("check", tmp_path / "real.md", "--write-baseline", tmp_path / "a.json", "--no-cache"), "a loop of symbolic links")
    assert (tmp_path / "a.json").is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "real.md"]


def test_a_deeply_nested_baseline_is_one_line(cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "real.md").write_text(SMALL)
    one_line_error(cli("check", tmp_path / "real.md", "--baseline", baseline), str(baseline), "nested too deeply")


# --- encodings ------------------------------------------------------------------------


def test_a_cp1252_article_names_file_line_and_encoding(cli, tmp_path):
    legacy = tmp_path / "legacy.md"
    legacy.write_bytes("First line\nThe café said “no comment” – twice.\n".encode("cp1252"))
    line = one_line_error(cli("check", legacy), f"{legacy}:2: ", "not UTF-8", "looks like cp1252", "iconv -f cp1252 -t UTF-8")
    assert len(line) < 200


def test_a_latin1_article_gets_a_guess_too(cli, tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Le café de Noël a ouvert le 2 mai 2023.\n".encode("latin-1"))
    one_line_error(cli("check", legacy), f"{legacy}:1: ", "not UTF-8", "looks like cp1252")


def test_a_utf16_article_is_named_as_such(cli, tmp_path):
    wide = tmp_path / "wide.md"
    wide.write_bytes(SMALL.encode("utf-16"))
    one_line_error(cli("check", wide), str(wide), "UTF-16")


def test_a_file_of_no_known_encoding_gets_no_guess(cli, tmp_path):
    noise = tmp_path / "noise.txt"
    noise.write_bytes(b"Text \x81\x8d\x8f\x90\x9d then more.\n")
    line = one_line_error(cli("check", noise), f"{noise}:1: ", "not UTF-8", "save it as UTF-8")
    assert "looks like" not in line


def test_a_cp1252_records_file_names_file_line_and_encoding(cli, tmp_path):
    records = tmp_path / "films.yaml"
    records.write_bytes("entities:\n  - id: x\n    type: film\n    name: Amélie\n".encode("cp1252"))
    one_line_error(cli("check", SEED, "--records", records), f"{records}:4: ", "looks like cp1252")


# --- security -------------------------------------------------------------------------


def test_no_shell_is_ever_used():
    offenders = []
    for source in sorted((ROOT / "src").rglob("*.py")):
        for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"shell\s*=\s*True|os\.system\s*\(|os\.popen\s*\(|yaml\.load\s*\(|yaml\.unsafe_load|yaml\.full_load|UnsafeLoader|FullLoader", text):
                offenders.append(f"{source.relative_to(ROOT)}:{number}: {text.strip()}")
    assert not offenders, offenders


def test_fix_writes_through_a_symbolic_link_and_nowhere_else(cli, tmp_path):
    articles, store = tmp_path / "articles", tmp_path / "store"
    articles.mkdir()
    store.mkdir()
    real = store / "story.md"
    original = SEED.read_bytes()
    real.write_bytes(original)
    (store / "other.md").write_text("Untouched.\n")
    link = articles / "story.md"
    link.symlink_to(os.path.relpath(real, articles))
    (articles / "notes.txt").write_text("Untouched too.\n")

    def snapshot() -> dict[str, tuple]:
        return {
            str(p.relative_to(tmp_path)): (p.is_symlink(), os.readlink(p) if p.is_symlink() else p.read_bytes())
            for p in sorted(tmp_path.rglob("*"))
            if p.is_symlink() or p.is_file()
        }

    before = snapshot()
    result = cli("check", link, "--records", RECORDS, "--fix", "--no-cache")
    assert result.code == 1, result.err
    after = snapshot()
    fixed = real.read_bytes()
    assert fixed == original.replace(b"Part On will", b"Part One will")
    assert link.is_symlink() and os.readlink(link) == before["articles/story.md"][1]
    assert {k: v for k, v in after.items() if k != "store/story.md"} == {k: v for k, v in before.items() if k != "store/story.md"}
    assert not list(tmp_path.rglob("*.factcheck-tmp"))


def test_fix_never_overwrites_a_file_changed_since_it_was_read(tmp_path):
    article = tmp_path / "story.md"
    article.write_text("Dead Reckoning Part On opens.\n")
    document = load.load_document(str(article))
    article.write_text("Dead Reckoning Part On opens. An editor added this.\n")
    edit = fix.Edit(document.source.index("Part On"), document.source.index("Part On") + 7, "Part On", "Part One", "name-near-miss")
    with pytest.raises(UserError, match="changed since it was checked"):
        fix.fix_file(document, [edit])
    assert article.read_text() == "Dead Reckoning Part On opens. An editor added this.\n"


def test_extract_on_a_folder_of_several_articles_asks_for_one(cli, tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("The film opened on June 28, 2024.\n")
    one_line_error(cli("extract", tmp_path), str(tmp_path), "names 2 articles")
    (tmp_path / "b.md").unlink()
    assert cli("extract", tmp_path, "--published", "2024-07-01").code == 0


def test_extract_shows_a_file_name_that_looks_like_markup_as_written(cli, tmp_path, monkeypatch):
    """A file name is the user's text, not rich markup: "[bold red]" is shown, not obeyed (issue 12, Also)."""
    (tmp_path / "[bold red]x.md").write_text("The film opened on June 28, 2024.\n")
    monkeypatch.chdir(tmp_path)  # a short name, on one line of the report
    result = cli("extract", "[bold red]x.md", "--published", "2024-07-01")
    assert result.code == 0, result.err
    assert "[bold red]x.md" in result.out
