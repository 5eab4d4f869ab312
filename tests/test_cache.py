"""factcheck.cache: the SQLite response cache survives kills, corruption and a second process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from factcheck.cache import CACHE_FILE, Cache, fresh, request_key


def test_put_get_and_keys(tmp_path):
    with Cache(tmp_path) as cache:
        assert cache.get("k") is None
        cache.put("k", "body ✓", fetched=1000.0)
        assert cache.get("k") == ("body ✓", 1000.0)
        cache.put("k", "newer", fetched=2000.0)
        assert cache.get("k") == ("newer", 2000.0)
        assert cache.keys() == ["k"]
    assert sqlite3.connect(tmp_path / CACHE_FILE).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_request_key_sorts_parameters():
    assert request_key("https://x/w/api.php", {"b": "2", "a": "1"}) == request_key("https://x/w/api.php", {"a": "1", "b": "2"})
    assert request_key("https://x/w/api.php", {"a": "1"}) != request_key("https://x/w/api.php", {"a": "2"})


def test_freshness():
    assert fresh(1000.0, ttl_days=1, now=1000.0 + 86399)
    assert not fresh(1000.0, ttl_days=1, now=1000.0 + 86401)


def test_default_folder_is_the_user_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = Cache()
    if sys.platform.startswith("linux"):
        assert cache.path == tmp_path / "factcheck" / CACHE_FILE


@pytest.mark.parametrize("garbage", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_corrupt_file_is_moved_aside_with_a_warning(tmp_path, garbage):
    (tmp_path / CACHE_FILE).write_bytes(garbage)
    warnings: list[str] = []
    with Cache(tmp_path, warn=warnings.append) as cache:
        assert cache.get("k") is None
        cache.put("k", "v")
        assert cache.get("k")[0] == "v"
    assert len(warnings) == 1 and "moved it aside" in warnings[0] and "\n" not in warnings[0]
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage


def test_a_damaged_table_is_moved_aside_on_read(tmp_path):
    with Cache(tmp_path) as cache:
        for n in range(200):
            cache.put(f"key{n}", "x" * 2000 + str(n))
    with sqlite3.connect(tmp_path / CACHE_FILE) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray((tmp_path / CACHE_FILE).read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):  # trash every page but the first (header and schema)
        data[offset:offset + page] = b"\x07" * page
    (tmp_path / CACHE_FILE).write_bytes(bytes(data))
    warnings: list[str] = []
    with Cache(tmp_path, warn=warnings.append) as cache:
        for n in range(200):
            cache.get(f"key{n}")  # never raises
        cache.put("after", "ok")
        assert cache.get("after")[0] == "ok"
    assert warnings and all("\n" not in w for w in warnings)


def test_an_unwritable_folder_turns_the_cache_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    warnings: list[str] = []
    cache = Cache(blocker / "cache", warn=warnings.append)
    assert cache.get("k") is None
    cache.put("k", "v")
    assert cache.get("k") is None
    assert len(warnings) == 1 and "continuing without the cache" in warnings[0]


WRITER = textwrap.dedent("""
    import os, sys
    from factcheck.cache import Cache
    cache = Cache(sys.argv[1])
    n = 0
    while True:
        cache.put(f"{sys.argv[2]}{n}", os.urandom(40_000).hex() + str(n))  # many pages a write
        n += 1
        if n >= 20:
            print("ready", flush=True)  # one line a write from the 20th: the test kills mid-write
        if len(sys.argv) > 3 and n >= int(sys.argv[3]):
            break
""")


def test_a_killed_writer_leaves_a_readable_cache(tmp_path):
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), "k"], stdout=subprocess.PIPE)
    try:
        for _ in range(10):  # ten writes in: the next one is under way when the signal comes
            assert process.stdout.readline().strip() == b"ready"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    warnings: list[str] = []
    with Cache(tmp_path, warn=warnings.append) as cache:
        keys = cache.keys()
        assert len(keys) >= 20
        for key in keys:
            body, _ = cache.get(key)
            assert body.endswith(key[1:])
    assert warnings == []
    with sqlite3.connect(tmp_path / CACHE_FILE) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_processes_share_the_cache(tmp_path):
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), prefix, "60"], stdout=subprocess.DEVNULL)
               for prefix in ("a", "b")]
    with Cache(tmp_path) as reader:
        while any(w.poll() is None for w in writers):
            reader.keys()  # reading while both write
            time.sleep(0.01)
    assert [w.wait(30) for w in writers] == [0, 0]
    with Cache(tmp_path) as cache:
        keys = set(cache.keys())
    assert keys == {f"{p}{n}" for p in "ab" for n in range(60)}
