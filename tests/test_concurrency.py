"""Two `factcheck check` runs at once, 20 times, sharing one --cache-dir (the result cache and
the Wikidata cache live there): both give the same report as a run on its own, and every
SQLite file under the cache folder stays sound.

Most rounds check a new revision of the article (both runs miss the result cache, check,
and write the same entry at the same moment); the others check it again (both read it).
Every fifth round looks names up on a local stand-in for Wikidata with --online, so both
runs write and read the Wikidata cache at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

# spawns processes or checks many articles: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow

ROUNDS = 20
ONLINE_ARTICLE = (
    "Tom Cruise stars in Mission: Impossible – Dead Reckoning Part One, directed by "
    "Christopher McQuarrie. The film opened on July 12, 2023.\n"
)


@pytest.fixture(scope="module")
def wikidata_url():
    from pytest_httpserver import HTTPServer
    from wikidata_fake import FakeWikidata

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    fake = FakeWikidata()
    server.expect_request("/w/api.php").respond_with_handler(fake.handler)
    yield server.url_for("/")
    fake.wait_idle()
    server.clear()
    server.stop()


def sqlite_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file() and p.read_bytes()[:16] == b"SQLite format 3\x00")


def assert_sound(database: Path) -> int:
    """integrity_check passes and every table reads; the number of rows."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", database
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)
    finally:
        connection.close()


def both(workspace: Path, args: list[str]) -> list[subprocess.CompletedProcess]:
    command = [sys.executable, "-m", "factcheck", "check", *args]
    processes = [subprocess.Popen(command, cwd=workspace, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def test_parallel_runs_agree_and_leave_a_sound_cache(tmp_path, cli, monkeypatch, wikidata_url):
    workspace, cache = tmp_path / "work", tmp_path / "shared-cache"
    workspace.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    article, online_article = workspace / "article.md", workspace / "online.md"
    online_article.write_text(ONLINE_ARTICLE, encoding="utf-8")

    # what one run on its own reports (the revision comments change nothing in it)
    article.write_text(seed, encoding="utf-8")
    monkeypatch.chdir(workspace)
    alone = cli("check", "article.md", "--records", SEED.parents[1] / "records", "--no-cache", "--format", "json")
    assert alone.code == 1, alone.err
    expected = alone.json()
    online_expected = None

    for round_number in range(ROUNDS):
        if round_number % 5 == 4:
            args = ["online.md", "--online", "--wikidata-url", wikidata_url, "--cache-dir", str(cache), "--format", "json"]
        else:
            article.write_text(f"{seed}\n<!-- revision {round_number // 2} -->\n", encoding="utf-8")
            args = ["article.md", "--records", str(SEED.parents[1] / "records"), "--cache-dir", str(cache), "--format", "json"]
        first, second = both(workspace, args)
        for result in (first, second):
            err = result.stderr.decode(errors="replace")
            assert result.returncode in (0, 1) and "Traceback" not in err, (round_number, result.returncode, err[-2000:])
        assert first.returncode == second.returncode, round_number
        assert first.stdout == second.stdout, f"round {round_number}: the two runs disagree"
        report = json.loads(first.stdout)
        if "--online" in args:
            online_expected = online_expected or report
            assert report == online_expected, f"round {round_number}: the online report changed"
        else:
            assert report == expected, f"round {round_number}: not what a run on its own reports"
        for database in sqlite_files(cache):
            assert_sound(database)

    databases = {p.name: assert_sound(p) for p in sqlite_files(cache)}
    # both caches were written (when the result cache exists: it is optional for this test)
    assert any(name.startswith("wikidata") for name in databases), databases
    assert all(rows > 0 for rows in databases.values()), databases
