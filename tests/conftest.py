from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "articles" / "mission-impossible-bts.md"
RECORDS = FIXTURES / "records"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """The result and Wikidata caches of every run in the tests live in a temporary folder."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys):
    """Run the CLI in this process, as the console script does."""

    def run(*args: str) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def run_process(*args: str, stdin: bytes | None = None, cwd: Path = ROOT, timeout: float = 120) -> CliResult:
    """Run `python -m factcheck` as a separate process (what a user's shell does)."""
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        input=stdin, capture_output=True, cwd=cwd, timeout=timeout,
    )
    return CliResult(completed.returncode, completed.stdout.decode(), completed.stderr.decode())


@pytest.fixture(scope="session")
def seed_report():
    result = run_process("check", SEED, "--records", RECORDS, "--format", "json")
    assert result.code == 1, result.err
    return result.json()


@pytest.fixture(scope="module")
def server():
    """A real HTTP server on 127.0.0.1, threaded: a handler that sleeps must not hold up the next request."""
    from pytest_httpserver import HTTPServer

    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.fixture
def release():
    """Set at the end of each test, so that any handler still waiting on it returns."""
    import threading

    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def fake(server, monkeypatch):
    """The Wikidata API replayed from fixtures/wikidata, with the client's pauses made short."""
    from factcheck import wikidata
    from wikidata_fake import FakeWikidata

    monkeypatch.setattr(wikidata, "MIN_INTERVAL", 0.0)
    monkeypatch.setattr(wikidata, "BACKOFF", 0.01)
    monkeypatch.setattr(wikidata, "MAX_SLEEP", 0.05)
    server.clear()
    replay = FakeWikidata()
    server.expect_request("/w/api.php").respond_with_handler(replay.handler)
    yield replay
    replay.wait_idle()
    server.clear()


_SPAWNS = ("run_process(", "run_bounded(", "subprocess.run(", "subprocess.Popen(", "Popen(")


def pytest_collection_modifyitems(items):
    """A test that starts a factcheck process (or any process) is `slow`: `pytest -m "not slow"`
    leaves it out of the quick loop; the full suite and CI run everything."""
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        if function is None or item.get_closest_marker("slow"):
            continue
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        if any(call in source for call in _SPAWNS):
            item.add_marker(pytest.mark.slow)


# Bounds on elapsed time in tests catch hangs and runaway work (a fetch that drips for two minutes,
# a YAML bomb that expands), never speed (bench/ measures that): on a shared, loaded machine a step
# can take several times as long, so every bound is stretched by this factor.
HANG_BOUND_FACTOR = 5


def within(seconds: float) -> float:
    return seconds * HANG_BOUND_FACTOR
