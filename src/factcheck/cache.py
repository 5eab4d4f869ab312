"""An on-disk cache of HTTP responses, in one SQLite file.

Entries are keyed by request (`request_key`: the URL and its parameters,
sorted) and hold the response body (zlib-compressed) and the time it was
fetched. Whether an entry is still fresh is the caller's decision (`get`
returns the fetch time; `fresh` compares it with a TTL), so an offline run can
still use an old answer.

Sharing and crashes: the database runs in WAL mode with a busy timeout, and
every write is one `BEGIN IMMEDIATE … COMMIT` transaction, so several processes
can read and write the same file, and a process killed in the middle of a write
leaves the last committed state behind (SQLite rolls the torn transaction back
on the next open).

A cache that cannot be used never stops a run: a file that is not a database,
or is damaged, is renamed aside (`<name>.corrupt-<time>`) with one warning and a
new one is started; a folder that cannot be written to, or any other failure,
turns the cache off with one warning (every `get` is then a miss and every
`put` does nothing).
"""

from __future__ import annotations

import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlencode

import platformdirs

CACHE_FILE = "wikidata.sqlite3"
BUSY_TIMEOUT_SECONDS = 10.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, body BLOB NOT NULL, fetched REAL NOT NULL)"
# OperationalErrors that mean "try later" or "cannot open", not "the file is damaged"
_TRANSIENT = ("locked", "busy", "unable to open", "readonly", "read-only", "disk i/o", "disk is full", "out of memory")


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("factcheck"))


def request_key(url: str, params: Mapping[str, object] | None = None) -> str:
    """The cache key of a GET request: the URL and its parameters in sorted order."""
    if not params:
        return url
    return f"{url}?{urlencode(sorted((str(k), str(v)) for k, v in params.items()))}"


def fresh(fetched: float, ttl_days: float, now: float | None = None) -> bool:
    return (now if now is not None else time.time()) - fetched <= ttl_days * 86400


class Cache:
    """A response cache in `directory/CACHE_FILE` (default: the user cache folder)."""

    def __init__(
        self,
        directory: Path | None = None,
        warn: Callable[[str], None] | None = None,
        filename: str = CACHE_FILE,
    ):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / filename
        self._warn = warn or (lambda message: None)
        self._connection: sqlite3.Connection | None = None
        self.disabled: str | None = None  # why the cache is off, once it is

    # -- public -----------------------------------------------------------------

    def get(self, key: str) -> tuple[str, float] | None:
        """The body and fetch time (seconds since the epoch) stored for `key`, or None."""
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT body, fetched FROM responses WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error)
            return None
        if row is None:
            return None
        try:
            return zlib.decompress(row[0]).decode("utf-8"), float(row[1])
        except (zlib.error, UnicodeDecodeError, TypeError, ValueError):
            self.delete(key)  # one bad entry: forget it, keep the rest
            return None

    def put(self, key: str, body: str, fetched: float | None = None) -> None:
        connection = self._connect()
        if connection is None:
            return
        data = zlib.compress(body.encode("utf-8"))
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute(
                    "INSERT OR REPLACE INTO responses (key, body, fetched) VALUES (?, ?, ?)",
                    (key, data, fetched if fetched is not None else time.time()),
                )
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self._failed(error)

    def delete(self, key: str) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("DELETE FROM responses WHERE key = ?", (key,))
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            self._failed(error)

    def keys(self) -> list[str]:
        connection = self._connect()
        if connection is None:
            return []
        try:
            return [row[0] for row in connection.execute("SELECT key FROM responses ORDER BY key")]
        except sqlite3.Error as error:
            self._failed(error)
            return []

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- opening and failures -----------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self.disabled is not None:
            return None
        if self._connection is not None:
            return self._connection
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._disable(f"cannot create the cache folder {self.directory}: {error.strerror or error}")
            return None
        for attempt in range(2):
            try:
                self._connection = self._open()
                return self._connection
            except sqlite3.Error as error:
                self.close()
                if attempt == 0 and _corrupt(error) and self._move_aside(error):
                    continue
                self._disable(f"cannot use the cache {self.path}: {error}")
                return None
        return None

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and not os.access(self.path, os.R_OK):
            raise sqlite3.DatabaseError("file is not readable")
        # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(_SCHEMA)
            # reading the schema and one row catches a damaged header or table root
            connection.execute("SELECT key, fetched FROM responses LIMIT 1").fetchall()
        except BaseException:
            connection.close()
            raise
        return connection

    def _failed(self, error: sqlite3.Error) -> None:
        """An error while in use: a damaged file is moved aside (once); anything else turns the cache off."""
        self.close()
        if _corrupt(error) and self._move_aside(error):
            try:
                self._connection = self._open()
                return
            except sqlite3.Error as again:
                error = again
        if not _transient(error):
            self._disable(f"cannot use the cache {self.path}: {error}")

    def _move_aside(self, error: sqlite3.Error) -> bool:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            pass
        except OSError as move_error:
            self._disable(f"the cache {self.path} is unreadable ({error}) and cannot be moved aside: {move_error.strerror or move_error}")
            return False
        for suffix in ("-wal", "-shm", "-journal"):
            try:
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
            except OSError:
                pass
        self._warn(f"the cache {self.path} was unreadable ({error}); moved it aside to {aside.name} and started a new one")
        return True

    def _disable(self, reason: str) -> None:
        if self.disabled is None:
            self.disabled = reason
            self._warn(f"{reason}; continuing without the cache")
        self.close()


def _transient(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and any(word in text for word in _TRANSIENT)


def _corrupt(error: sqlite3.Error) -> bool:
    if _transient(error):
        return False
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and any(
        word in text for word in ("not a database", "malformed", "corrupt", "not readable", "no such table", "unsupported file format")
    )
