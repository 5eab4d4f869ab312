"""The compiled records index: each records file is parsed once and kept, parsed, by its content.

Parsing YAML with line numbers costs about 0.8 ms a record, and every run paid it for every
file before it could check anything — a pre-commit hook on one changed article with 10,000
records spent seconds reading records that had not changed. Here each file's records are stored
in SQLite (beside the result cache, one row per file) under a key made of factcheck's own code,
the path as given and the file's bytes: a run reads the rows of unchanged files and parses only
a file that is new or edited. The same file at the same path always gives the same Records, so
findings do not depend on whether the records came from YAML or from the index
(tests/test_records_index.py). Errors are not stored: a file that cannot be read is parsed, and
refused with its line, on every run, exactly as without the index.

Rows hold plain JSON with a tag for each value JSON has no word for (a date, a tuple), never
pickled objects: the index is data, not code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.model import DateValue, FactValue, Record

FILENAME = "records.sqlite3"


class RecordsIndex:
    def __init__(self, directory: Path | None = None, warn: Callable[[str], None] | None = None):
        from factcheck.cache import Cache

        self._cache = Cache(directory, warn, filename=FILENAME)
        self.parsed: list[str] = []  # the files parsed from YAML in this run (new or edited)
        self.reused: list[str] = []  # the files read from the index

    def records_of(self, path: Path, parse: Callable[[Path], list[Record]]) -> list[Record]:
        """The file's records: from the index when its content is unchanged, else parsed and stored."""
        try:
            content = path.read_bytes()
        except OSError:
            return parse(path)  # the parser reports what is wrong with it, with the path
        key = _key(str(path), content)
        stored = self._cache.get(key)
        if stored is not None:
            try:
                records = [_record(item) for item in json.loads(stored[0])]
            except (ValueError, KeyError, TypeError):
                self._cache.delete(key)  # a row this code cannot read: parse the file again
            else:
                self.reused.append(str(path))
                return records
        records = parse(path)
        self.parsed.append(str(path))
        try:
            body = json.dumps([_plain_record(record) for record in records], ensure_ascii=False, separators=(",", ":"))
        except _Unstorable:
            return records  # a value the index has no tag for: this file is parsed on every run
        self._cache.put(key, body)
        return records

    def close(self) -> None:
        self._cache.close()


def _key(path: str, content: bytes) -> str:
    from factcheck.resultcache import code_digest

    digest = hashlib.sha256(code_digest().encode())
    digest.update(b"\0" + path.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(content)
    return "records:" + digest.hexdigest()


class _Unstorable(TypeError):
    pass


def _plain_record(record: Record) -> dict:
    return {
        "id": record.id, "type": record.type, "name": record.name, "aliases": list(record.aliases),
        "sources": list(record.sources), "origin": record.origin,
        "facts": [[key, [[_plain(v.value), _plain(v.qualifiers)] for v in values]] for key, values in record.facts.items()],
    }


def _record(item: dict) -> Record:
    facts = {key: tuple(FactValue(_value(value), _value(qualifiers)) for value, qualifiers in values)
             for key, values in item["facts"]}
    return Record(id=item["id"], type=item["type"], name=item["name"], aliases=tuple(item["aliases"]), facts=facts,
                  sources=tuple(item["sources"]), origin=item["origin"])


def _plain(value: Any) -> Any:
    """A value as JSON; what JSON cannot say as itself (dates, tuples, mappings with keys that are
    not text) goes in a one-key object whose key says its type."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Unstorable("not a finite number")
        return value
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, DateValue):
        return {"dates": [value.earliest.isoformat(), value.latest.isoformat(), value.precision, value.relative]}
    if isinstance(value, tuple):
        return {"tuple": [_plain(v) for v in value]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {"map": [[_plain(k), _plain(v)] for k, v in value.items()]}
    raise _Unstorable(type(value).__name__)


def _value(plain: Any) -> Any:
    if isinstance(plain, list):
        return [_value(v) for v in plain]
    if isinstance(plain, dict):
        (tag, content), = plain.items()
        if tag == "date":
            return dt.date.fromisoformat(content)
        if tag == "dates":
            earliest, latest, precision, relative = content
            return DateValue(dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest), precision, relative)
        if tag == "datetime":
            return dt.datetime.fromisoformat(content)
        if tag == "tuple":
            return tuple(_value(v) for v in content)
        if tag == "map":
            return {_value(k): _value(v) for k, v in content}
        raise KeyError(tag)
    return plain
