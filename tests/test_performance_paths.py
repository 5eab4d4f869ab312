"""What the speed work must not change: findings are the same with and without the
result cache and with one or two processes; a warm run does not load spaCy."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, RECORDS, ROOT

# spawns processes or checks many articles: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(out), "--articles", "90", "--seed", "3"], check=True, capture_output=True)
    shutil.copy(RECORDS / "mission-impossible.yaml", out / "records")
    shutil.copy(FIXTURES / "articles" / "mission-impossible-bts.md", out / "articles")
    return out


def _check(corpus, *args):
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(corpus / "articles"), "--records", str(corpus / "records"),
         "--format", "json", "--fail-on", "never", *args],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout), completed.stderr


def test_findings_are_identical_with_and_without_cache_and_with_one_or_two_processes(corpus, tmp_path):
    cache = tmp_path / "cache"
    one_process, _ = _check(corpus, "--no-cache", "--processes", "1")
    two_processes, _ = _check(corpus, "--no-cache", "--processes", "2")
    cold, _ = _check(corpus, "--cache-dir", str(cache))
    warm, _ = _check(corpus, "--cache-dir", str(cache))
    assert one_process["summary"]["findings"] > 20
    assert one_process == two_processes == cold == warm


def test_a_warm_run_does_not_load_spacy(corpus, tmp_path):
    cache = tmp_path / "cache"
    _check(corpus, "--cache-dir", str(cache))
    code = (
        "import sys, contextlib, io\n"
        "from factcheck.cli import main\n"
        f"args = ['check', {str(corpus / 'articles')!r}, '--records', {str(corpus / 'records')!r}, '--format', 'json', '--cache-dir', {str(cache)!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(args)\n"
        "print('spacy' in sys.modules, 'dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_a_changed_file_or_record_is_checked_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    work = tmp_path / "work"
    shutil.copytree(corpus, work)
    first, _ = _check(work, "--cache-dir", str(cache))
    article = work / "articles" / "mission-impossible-bts.md"
    article.write_text(article.read_text().replace("June 28, 2024", "June 29, 2024"))
    second, _ = _check(work, "--cache-dir", str(cache))
    texts = {x["text"] for f in second["files"] for x in f["findings"]}
    assert "June 29, 2024" in texts and "June 28, 2024" not in texts
    records = work / "records" / "mission-impossible.yaml"
    records.write_text(records.read_text().replace("        - Rob Delaney\n", "        - Rob Delaney\n        - Angela Bassett\n"))
    third, _ = _check(work, "--cache-dir", str(cache))
    assert "Angela Bassett" not in {x["text"] for f in third["files"] for x in f["findings"]}
