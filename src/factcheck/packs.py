"""Knowledge packs: reference records compiled from Wikidata JSON dumps, read-only, pinned in the config.

A pack is one SQLite file in the compiled-index format (records stored as the same plain JSON
as factcheck.records_index keeps them):

    manifest  key → JSON value: format, dump_date, dumps, items, content_hash, types, classes, subclasses
    records   qid (the number of the Q-id) → type and the record's plain JSON
    names     folded name or alias (words joined by spaces) → qid, whether it is the label, type;
              its primary key is the name, so a look-up is an index seek and never a scan

`check` opens a pack read-only (a `mode=ro` URI) and, for each article, looks up the names the
article writes (its recogniser's names and its runs of capitalised words, see
Checker._pack_records) after the newsroom's own records: a record a pack finds is that article's
alone, and never one whose name a local record has.

Building (`factcheck records build DUMP… -o PACK`) reads the dumps twice, cut into
partitions (a gzip file is one partition; plain JSON is cut into byte ranges, bz2 at the starts
of its streams when a parallel compressor made several):

1. classes: every P279 "subclass of" edge, so that the types asked for keep their subclasses as
   the dump itself has them (an item of a subclass of film is a film);
2. select: each entity whose P31 class is one of those (or a subclass) is kept, trimmed to what the
   mapping reads, and every item's label is kept too (a director's Q-id is named by its label);
   both go to a temporary SQLite file per partition, never a dictionary in memory;
3. map: once the client has merged every partition's labels into one table, each partition's kept
   entities are mapped with the same mapping as `records pull` (factcheck.wikidata._record).

Then one writer, in the client, writes the pack: rows in sorted order, a fixed page size, no time
but the dump's own date, VACUUM at the end — so the same dumps give the same bytes however many
partitions or workers built them.

Partitions run in this process one after the other (memory stays bounded: one line at a time, and
SQLite for everything that grows), or with `--scheduler`/`--workers` as tasks on a Dask cluster.
Each finished partition is a file in the work folder (`PACK.work/`, beside a manifest of the
build's settings); a build that stops is resumed by the same command from the partitions it
finished. Workers read the dumps and write their partition files themselves, so on a cluster the
dumps and the work folder must be at the same paths on every machine (a shared file system).
"""

from __future__ import annotations

import bz2
import contextlib
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.errors import UserError
from factcheck.fix import write_atomically
from factcheck.model import Record
from factcheck.stages import Interrupted
from factcheck.text import is_common_word, name_key

FORMAT_VERSION = 1
SUFFIX = ".fcpack"
PAGE_SIZE = 4096
APPLICATION_ID = 0x66637061  # "fcpa": `file` and sqlite3 show what the file is
DEFAULT_PARTITION_BYTES = 256 * 1024 * 1024
LOOKUP_BATCH = 500  # names per SQL query (SQLite's limit on parameters is far above)
RECORD_BATCH = 2000  # entities mapped at a time when the pack is written: bounded memory
MAX_WARNINGS_SHOWN = 50
PHASES = ("classes", "select", "map")  # the passes, each a task per partition
FAIL_ONCE_ENV = "FACTCHECK_PACK_FAIL_ONCE"  # "select:1": that partition's task fails once (tests of resumption)

_BZ2_STREAM = re.compile(rb"BZh[1-9]\x31\x41\x59\x26\x53\x59")  # a stream's header and its first block's magic
_PROPERTY_ID = re.compile(r"^P[1-9]\d*$")
_ITEM_ID = re.compile(r"^Q[1-9]\d*$")
_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)")
# the datavalue type each kind of mapped value needs (factcheck.wikidata.PROPERTY_FACTS)
_VALUE_TYPES = {"time": "time", "item": "wikibase-entityid", "ordinal": "string", "duration": "quantity",
                "quantity": "quantity"}


# ---------------------------------------------------------------- reading a pack


class Pack:
    """A pack opened read-only. Picklable (a worker process opens its own connection)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.name
        self._connection: sqlite3.Connection | None = None
        try:
            rows = self._connect().execute("SELECT key, value FROM manifest").fetchall()
            self.manifest = {key: json.loads(value) for key, value in rows}
        except (sqlite3.Error, ValueError) as error:
            self.close()
            raise UserError(f"not a factcheck pack ({_sqlite_reason(error)})", str(path)) from None
        if self.manifest.get("format") != FORMAT_VERSION:
            self.close()
            raise UserError(f"a pack of format {self.manifest.get('format')!r}; this factcheck reads format "
                            f"{FORMAT_VERSION}: build it again with `factcheck records build`", str(path))
        self.content_hash = str(self.manifest.get("content_hash", ""))

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if not self.path.is_file():
                raise UserError("pack does not exist" if not self.path.exists() else "pack is not a file", str(self.path))
            uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
            try:
                self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error as error:
                raise UserError(f"cannot open the pack ({_sqlite_reason(error)})", str(self.path)) from None
        return self._connection

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_connection": None}

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def lookup(self, candidates: dict[tuple[str, ...], frozenset[str] | None]) -> list[Record]:
        """The records the pack names by the candidates (folded name → the types it may have, None
        for any): for each name its one item whose label is that name, else its one item with that
        alias; a name several items share is nobody's (as `records pull` decides, wikidata._choose)."""
        keys = [" ".join(key) for key in candidates if key]
        if not keys:
            return []
        hits: dict[str, list[tuple[int, int, str]]] = {}
        try:
            connection = self._connect()
            for first in range(0, len(keys), LOOKUP_BATCH):
                batch = keys[first:first + LOOKUP_BATCH]
                query = f"SELECT key, qid, label, type FROM names WHERE key IN ({','.join('?' * len(batch))})"
                for key, qid, label, kind in connection.execute(query, batch):
                    hits.setdefault(key, []).append((qid, label, kind))
        except sqlite3.Error as error:
            raise UserError(f"cannot read the pack ({_sqlite_reason(error)})", str(self.path)) from None
        chosen: list[int] = []
        for key, types in candidates.items():
            found = [hit for hit in hits.get(" ".join(key), ()) if types is None or hit[2] in types]
            for group in ([hit for hit in found if hit[1]], [hit for hit in found if not hit[1]]):
                if len({hit[0] for hit in group}) == 1:
                    chosen.append(group[0][0])
                    break
                if group:
                    break  # ambiguous: several items have this name
        return self.records(sorted(set(chosen)))

    def records(self, qids: list[int]) -> list[Record]:
        """The pack's records of these items, named after the pack and the item."""
        from factcheck.records_index import _record

        found = []
        try:
            connection = self._connect()
            for first in range(0, len(qids), LOOKUP_BATCH):
                batch = qids[first:first + LOOKUP_BATCH]
                query = f"SELECT qid, body FROM records WHERE qid IN ({','.join('?' * len(batch))}) ORDER BY qid"
                found.extend(connection.execute(query, batch).fetchall())
        except sqlite3.Error as error:
            raise UserError(f"cannot read the pack ({_sqlite_reason(error)})", str(self.path)) from None
        return [self._named(_record(json.loads(body)), qid) for qid, body in found]

    def _named(self, record: Record, qid: int) -> Record:
        # the evidence names the pack and the item: "films-2026-11.fcpack:Q65767901", its source the item's page
        return replace(record, id=f"{self.name}:Q{qid}", origin=f"{self.name}: Q{qid}")

    def find(self, id_or_name: str) -> list[Record]:
        """`records show`: an item by its Q-id, or every item with this name or alias."""
        if _ITEM_ID.match(id_or_name.strip().upper()):
            return self.records([int(id_or_name.strip()[1:])])
        key = " ".join(name_key(id_or_name))
        try:
            rows = self._connect().execute("SELECT qid FROM names WHERE key = ? ORDER BY label DESC, qid", (key,)).fetchall()
        except sqlite3.Error as error:
            raise UserError(f"cannot read the pack ({_sqlite_reason(error)})", str(self.path)) from None
        return self.records(list(dict.fromkeys(qid for qid, in rows)))


def open_packs(paths: Iterable[Path]) -> list[Pack]:
    """Each pack once, in the order given (an earlier pack's record wins a name both have)."""
    packs: list[Pack] = []
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved not in seen:
            seen.add(resolved)
            packs.append(Pack(Path(path)))
    return packs


def _sqlite_reason(error: Exception) -> str:
    text = str(error)
    return "not an SQLite database, or a damaged one" if "file is not a database" in text or "no such table" in text else text


# ---------------------------------------------------------------- reading dumps


@dataclass(frozen=True)
class Partition:
    """A piece of one dump file: bytes [start, end) of the file (end None: to its end). Lines belong
    to the partition in which they start; for bz2, start and end are the starts of streams."""

    index: int
    path: str
    compression: str  # gzip | bz2 | plain
    start: int = 0
    end: int | None = None

    def where(self, line: int | None, offset: int) -> str:
        """A line's place for a message: its line number when the partition starts the file, else
        the byte offset of its start: in the file (plain JSON), or in the text of the bz2 streams
        from the partition's first (whose place in the file is given)."""
        if line is not None:
            return f"{self.path}:{line}"
        if self.compression == "plain":
            return f"{self.path}: byte {self.start + offset}"
        return f"{self.path}: byte {offset} of the text from the bz2 stream at byte {self.start}"


def compression_of(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            magic = handle.read(3)
    except OSError as error:
        raise UserError(f"cannot read the dump: {error.strerror or error}", str(path)) from None
    if magic[:2] == b"\x1f\x8b":
        return "gzip"
    if magic == b"BZh":
        return "bz2"
    return "plain"


def plan_partitions(paths: list[Path], partition_bytes: int) -> list[Partition]:
    """The same dumps and size always give the same partitions."""
    partitions: list[Partition] = []
    for path in paths:
        kind = compression_of(path)
        size = path.stat().st_size
        if kind == "gzip" or size <= partition_bytes:
            starts = [0]  # a gzip member can only be read from its start
        elif kind == "plain":
            starts = list(range(0, size, partition_bytes))
        else:
            starts = _bz2_stream_starts(path, partition_bytes, size)
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else None
            partitions.append(Partition(len(partitions), str(path), kind, start, end))
    return partitions


def _bz2_stream_starts(path: Path, partition_bytes: int, size: int) -> list[int]:
    """The first stream start at or after each multiple of partition_bytes (a file of one stream is
    one partition)."""
    starts = [0]
    with open(path, "rb") as handle:
        target = partition_bytes
        while target < size:
            found = _next_stream(handle, max(target, starts[-1] + 1))
            if found is None:
                break
            starts.append(found)
            target = max(found + 1, target + partition_bytes)
    return starts


def _next_stream(handle, offset: int, chunk: int = 1 << 20) -> int | None:
    handle.seek(offset)
    carried = b""
    position = offset
    while True:
        data = handle.read(chunk)
        if not data:
            return None
        window = carried + data
        match = _BZ2_STREAM.search(window)
        if match:
            return position - len(carried) + match.start()
        carried = window[-9:]
        position += len(data)


def _previous_stream_ends_a_line(handle, start: int) -> bool:
    """Whether the text just before the bz2 stream at `start` ends with a line break (then the
    stream's first line is its partition's; else it ends the previous partition's last line)."""
    back = 1 << 21
    while True:  # back far enough to hold the previous stream's start (the file's own start at worst)
        handle.seek(max(0, start - back))
        before = handle.read(start - max(0, start - back))
        matches = list(_BZ2_STREAM.finditer(before))
        if matches or back >= start:
            break
        back *= 2
    if not matches:
        return False
    try:
        text = bz2.BZ2Decompressor().decompress(before[matches[-1].start():])
    except OSError:
        return False  # damaged: its partition reports it
    return text.endswith(b"\n")


class DumpProblem(Exception):
    """A dump that cannot be read on (truncated, damaged): the lines before it are kept."""


def _bz2_chunks(path: str, start: int, end: int | None) -> Iterator[tuple[bytes, bool]]:
    """Decompressed text of the streams from `start` on, each chunk with whether it comes from a
    stream that starts before `end` (text after that is read only to finish a line)."""
    with open(path, "rb") as handle:
        handle.seek(start)
        position = start
        stream_start = start
        decompressor = bz2.BZ2Decompressor()
        while True:
            data = handle.read(1 << 20)
            if not data:
                if not decompressor.eof and position > stream_start:
                    raise DumpProblem(f"truncated bz2 stream (the file ends at byte {position})")
                return
            position += len(data)
            while data:
                try:
                    text = decompressor.decompress(data)
                except (OSError, EOFError) as error:
                    raise DumpProblem(f"damaged bz2 data near byte {position}: {error}") from None
                ours = end is None or stream_start < end
                if text:
                    yield text, ours
                if decompressor.eof:
                    data = decompressor.unused_data
                    stream_start = position - len(data)
                    decompressor = bz2.BZ2Decompressor()
                else:
                    data = b""


def dump_lines(partition: Partition) -> Iterator[tuple[int | None, int, bytes]]:
    """(line number or None, byte offset of the line's start, the line) of each line the partition
    holds. A damaged or truncated compressed file ends with DumpProblem after its last whole line."""
    path = partition.path
    try:
        if partition.compression == "gzip":
            with gzip.open(path, "rb") as handle:
                offset = 0
                number = 0
                try:
                    for number, line in enumerate(handle, 1):
                        yield number, offset, line
                        offset += len(line)
                except EOFError:
                    raise DumpProblem(f"truncated gzip stream after line {number} "
                                      f"(byte {handle.fileobj.tell() if handle.fileobj else '?'} of the file)") from None
                except (OSError, zlib.error) as error:
                    raise DumpProblem(f"damaged gzip data after line {number}: {error}") from None
        elif partition.compression == "plain":
            with open(path, "rb") as handle:
                offset = partition.start
                if offset:
                    handle.seek(offset - 1)
                    offset += len(handle.readline()) - 1  # the rest of a line that began before: not ours
                number = 0 if partition.start == 0 else None
                while partition.end is None or offset < partition.end:
                    line = handle.readline()
                    if not line:
                        return
                    if number is not None:
                        number += 1
                    yield number, offset, line
                    offset += len(line)
        else:
            yield from _bz2_lines(partition)
    except OSError as error:
        raise UserError(f"cannot read the dump: {error.strerror or error}", path) from None


def _bz2_lines(partition: Partition) -> Iterator[tuple[int | None, int, bytes]]:
    skip = False
    if partition.start:
        with open(partition.path, "rb") as handle:
            skip = not _previous_stream_ends_a_line(handle, partition.start)
    number = 0 if partition.start == 0 else None
    offset = 0  # in the decompressed text from `start`
    pending = b""
    for text, ours in _bz2_chunks(partition.path, partition.start, partition.end):
        if not ours and not pending and not skip:
            return  # our streams ended on a line break: nothing of ours continues here
        pending += text
        lines = pending.split(b"\n")
        pending = lines.pop()
        for line in lines:
            line += b"\n"
            if skip:  # the end of the previous partition's last line
                skip = False
            else:
                if number is not None:
                    number += 1
                yield number, offset, line
            offset += len(line)
            if not ours:
                return  # the line that began in our last stream is finished
    if pending and not skip:
        yield (number + 1 if number is not None else None), offset, pending


def entity_lines(partition: Partition) -> Iterator[tuple[str, bytes]]:
    """(where, the entity's JSON) of each entity line: the full dump's `[`, `]` and trailing commas
    (one entity per line) and wikibase-dump-filter's NDJSON alike."""
    for number, offset, line in dump_lines(partition):
        text = line.strip()
        if text.endswith(b","):
            text = text[:-1].rstrip()
        if text in (b"", b"[", b"]"):
            continue
        yield partition.where(number, offset), text


# ---------------------------------------------------------------- the passes (run on workers)


def scan_classes(partition: Partition) -> list[tuple[int, int]]:
    """Pass 1: the P279 edges (subclass, class) of the partition's items. Lines are parsed only when
    they mention P279; what cannot be read is reported by pass 2."""
    from factcheck.wikidata import _claims, best_statements, item_id

    edges: list[tuple[int, int]] = []
    try:
        for _, text in entity_lines(partition):
            if b'"P279"' not in text:
                continue
            try:
                entity = json.loads(text)
            except ValueError:
                continue
            qid = entity.get("id") if isinstance(entity, dict) else None
            if not isinstance(qid, str) or not _ITEM_ID.match(qid):
                continue
            for statement in best_statements(_claims(entity, "P279")):
                parent = item_id(statement["mainsnak"])
                if parent and _ITEM_ID.match(parent):
                    edges.append((int(qid[1:]), int(parent[1:])))
    except DumpProblem:
        pass
    return sorted(set(edges))


_SELECT_SCHEMA = """
CREATE TABLE selected (qid INTEGER PRIMARY KEY, type TEXT NOT NULL, entity TEXT NOT NULL);
CREATE TABLE labels (qid INTEGER PRIMARY KEY, entity TEXT NOT NULL);
"""


def select_entities(partition: Partition, classes: dict[int, str], types: list[str], target: str) -> dict:
    """Pass 2: the partition's entities of the kept classes, trimmed to what the mapping reads, and
    every item's label, into the SQLite file `target` (written beside it, then renamed). Returns
    the counts and the warnings (a malformed line, an unknown property, a truncated stream)."""
    from factcheck.wikidata import PROPERTY_FACTS, TYPE_PRIORITY, classes_of, readable

    _fail_once_for_tests("select", partition.index, Path(target).parent)
    temporary = f"{target}.tmp-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    connection = sqlite3.connect(temporary)
    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SELECT_SCHEMA)
    warnings: list[str] = []
    entities = kept = 0
    latest = ""
    wanted = set(types)
    try:
        for where, text in entity_lines(partition):
            try:
                entity = json.loads(text)
            except ValueError as error:
                warnings.append(f"{where}: not a JSON entity ({_json_reason(error)}); skipped")
                continue
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                warnings.append(f"{where}: not a Wikidata entity (no id); skipped")
                continue
            qid = entity["id"]
            if not _ITEM_ID.match(qid):
                continue  # properties, lexemes: no records
            entities += 1
            modified = entity.get("modified")
            if isinstance(modified, str) and modified > latest:
                latest = modified
            label = _label_entity(entity)
            if label is not None:
                connection.execute("INSERT OR IGNORE INTO labels VALUES (?, ?)", (int(qid[1:]), _compact(readable(label))))
            found = {classes[int(c[1:])] for c in classes_of(entity) if _ITEM_ID.match(c) and int(c[1:]) in classes}
            kind = next((t for t in TYPE_PRIORITY if t in found and t in wanted), None)
            if kind is None:
                continue
            trimmed = _trimmed(entity, kind, PROPERTY_FACTS[kind], where, warnings)
            connection.execute("INSERT OR IGNORE INTO selected VALUES (?, ?, ?)", (int(qid[1:]), kind, _compact(trimmed)))
            kept += 1
    except DumpProblem as problem:
        warnings.append(f"{partition.path}: {problem}; the entities before it are kept")
    connection.commit()
    connection.close()
    os.replace(temporary, target)
    return {"entities": entities, "kept": kept, "warnings": warnings, "latest_modified": latest}


def _fail_once_for_tests(phase: str, index: int, work: Path) -> None:
    """FACTCHECK_PACK_FAIL_ONCE=select:1 makes that partition's task fail the first time it runs
    (a marker in the work folder remembers it): an interrupted build, for the tests of resumption."""
    if os.environ.get(FAIL_ONCE_ENV) != f"{phase}:{index}":
        return
    marker = work / f"failed-once-{phase}-{index:05d}"
    if not marker.exists():
        marker.touch()
        raise RuntimeError(f"{FAIL_ONCE_ENV} asked partition {index} to fail once")


def _json_reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    return str(error)


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _label_entity(entity: dict) -> dict | None:
    """What a linked item needs to be named: its English (or mul) label, and a country's P297 code."""
    from factcheck.wikidata import LANGUAGES

    labels = entity.get("labels")
    kept = {lang: labels[lang] for lang in LANGUAGES if isinstance(labels, dict) and isinstance(labels.get(lang), dict)}
    claims = entity.get("claims")
    code = claims.get("P297") if isinstance(claims, dict) and isinstance(claims.get("P297"), list) else None
    if not kept and not code:
        return None
    found: dict[str, Any] = {"id": entity["id"], "labels": kept}
    if code:
        found["claims"] = {"P297": code}
    return found


def _trimmed(entity: dict, kind: str, mapping: dict[str, tuple[str, str]], where: str, warnings: list[str]) -> dict:
    """The entity with only what the mapping reads (labels, aliases, P31, the type's properties
    without their references, the English Wikipedia sitelink); a property it cannot read is
    reported. Its texts are made writable as `records pull` makes them (wikidata.readable): the
    statements carry none into a record (their items are named by their own labels)."""
    from factcheck.wikidata import LANGUAGES, PROPERTY_LABELS, readable

    qid = entity["id"]
    claims = entity.get("claims")
    if not isinstance(claims, dict):
        if claims not in (None, [], {}):
            warnings.append(f"{where}: {qid}: its claims are not a mapping of properties; left out")
        claims = {}
    kept: dict[str, list] = {}
    for prop, statements in claims.items():
        if not isinstance(prop, str) or not _PROPERTY_ID.match(prop):
            warnings.append(f"{where}: {qid}: unknown property {prop!r} (not a property id); its statements are left out")
            continue
        if prop != "P31" and prop not in mapping:
            continue
        if not isinstance(statements, list):
            warnings.append(f"{where}: {qid}: {prop} is not a list of statements; left out")
            continue
        if prop in mapping:
            expected = _VALUE_TYPES[mapping[prop][1]]
            shown = f"{prop} ({PROPERTY_LABELS.get(prop, mapping[prop][0])})"
            good = []
            for statement in statements:
                snak = statement.get("mainsnak") if isinstance(statement, dict) else None
                if not isinstance(snak, dict):
                    warnings.append(f"{where}: {qid}: a {shown} statement has no main value; left out")
                    continue
                value = snak.get("datavalue")
                if snak.get("snaktype", "value") == "value" and (not isinstance(value, dict) or value.get("type") != expected):
                    got = value.get("type") if isinstance(value, dict) else "no"
                    warnings.append(f"{where}: {qid}: {shown} holds a {got} value, not {expected}; left out")
                    continue
                good.append(statement)
            statements = good
        kept[prop] = [{k: v for k, v in s.items() if k != "references"} if isinstance(s, dict) else s for s in statements]
    labels, aliases = entity.get("labels"), entity.get("aliases")
    sitelinks = entity.get("sitelinks")
    return {
        "id": qid,
        "labels": readable({lang: labels[lang] for lang in LANGUAGES if isinstance(labels, dict) and lang in labels}),
        "aliases": readable({lang: aliases[lang] for lang in LANGUAGES if isinstance(aliases, dict) and lang in aliases}),
        "claims": kept,
        "sitelinks": readable({"enwiki": sitelinks["enwiki"]}) if isinstance(sitelinks, dict) and isinstance(sitelinks.get("enwiki"), dict) else {},
    }


# ---------------------------------------------------------------- writing a pack


_PACK_SCHEMA = """
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE records (qid INTEGER PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, qid INTEGER NOT NULL, label INTEGER NOT NULL, type TEXT NOT NULL,
                    PRIMARY KEY (key, qid)) WITHOUT ROWID;
"""


def write_pack(output: Path, records: Iterable[tuple[int, Record]], manifest: dict) -> dict:
    """Write a pack of (qid, record), deterministically: the same records and manifest give the same
    bytes, in whatever order they come. Returns the manifest as written (with the item count and
    the content hash). The file appears whole or not at all (a rename)."""
    writer = _PackWriter(Path(output))
    try:
        for qid, record in records:
            writer.add(qid, record)
        return writer.finish(manifest)
    finally:
        writer.close()


def _name_rows(qid: int, record: Record) -> list[tuple[str, int, int, str]]:
    """(folded name, qid, 1 for the label, type) of each name and alias of a record."""
    rows, seen = [], set()
    for position, name in enumerate(record.names):
        key = " ".join(name_key(name))
        if not key or key in seen or (position and is_common_word(name)):
            continue  # an alias "May" would find every May (records.RecordSet.add)
        seen.add(key)
        rows.append((key, qid, int(position == 0), record.type))
    return rows


def _record_body(record: Record) -> str:
    from factcheck.records_index import _plain_record

    return json.dumps(_plain_record(record), ensure_ascii=False, separators=(",", ":"))


_STAGED_SCHEMA = """
CREATE TABLE records (qid INTEGER PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, qid INTEGER NOT NULL, label INTEGER NOT NULL, type TEXT NOT NULL);
"""


class _PackWriter:
    """The one writer of a pack. Rows are staged first (from records, or from the partition files
    of pass 3), then inserted into the pack in sorted order by single queries (SQLite sorts on
    disk), with a fixed page size and no time in the file; VACUUM at the end."""

    def __init__(self, output: Path):
        self.output = output
        self.temporary = output.with_name(f"{output.name}.tmp-{os.getpid()}")
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()
        self.connection: sqlite3.Connection | None = None
        with self._failures():
            self.connection = sqlite3.connect(self.temporary)
            self.connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self.connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self.connection.execute(f"PRAGMA user_version={FORMAT_VERSION}")
            self.connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;" + _PACK_SCHEMA)
            # the part a row came from: of two copies of an item, the first partition's wins
            self.connection.executescript(
                "CREATE TEMP TABLE staged_records (qid INTEGER NOT NULL, part INTEGER NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL);"
                "CREATE TEMP TABLE staged_names (key TEXT NOT NULL, qid INTEGER NOT NULL, label INTEGER NOT NULL, type TEXT NOT NULL, part INTEGER NOT NULL);")

    @contextlib.contextmanager
    def _failures(self):
        try:
            yield
        except OSError as error:
            raise UserError(f"cannot write the pack: {error.strerror or error}", str(self.output)) from None
        except sqlite3.Error as error:
            raise UserError(f"cannot write the pack: {error}", str(self.output)) from None

    def add(self, qid: int, record: Record, part: int = 0) -> None:
        with self._failures():
            self.connection.execute("INSERT INTO staged_records VALUES (?, ?, ?, ?)", (qid, part, record.type, _record_body(record)))
            self.connection.executemany("INSERT INTO staged_names VALUES (?, ?, ?, ?, ?)",
                                        [(*row, part) for row in _name_rows(qid, record)])

    def add_partition(self, path: Path, part: int) -> None:
        """The records and names pass 3 wrote for one partition."""
        with self._failures():
            self.connection.execute("ATTACH DATABASE ? AS part", (str(path),))
            self.connection.execute("INSERT INTO staged_records SELECT qid, ?, type, body FROM part.records", (part,))
            self.connection.execute("INSERT INTO staged_names SELECT key, qid, label, type, ? FROM part.names", (part,))
            self.connection.commit()
            self.connection.execute("DETACH DATABASE part")

    def finish(self, manifest: dict) -> dict:
        connection = self.connection
        with self._failures():
            connection.execute("INSERT OR IGNORE INTO records SELECT qid, type, body FROM staged_records ORDER BY qid, part")
            # the part each item's record came from, by its key: its names are that copy's
            connection.execute("CREATE TEMP TABLE first_part (qid INTEGER PRIMARY KEY, part INTEGER NOT NULL)")
            connection.execute("INSERT INTO first_part SELECT qid, min(part) FROM staged_records GROUP BY qid")
            connection.execute("""
                INSERT OR IGNORE INTO names
                SELECT n.key, n.qid, max(n.label), n.type FROM staged_names n
                JOIN first_part f ON f.qid = n.qid AND f.part = n.part
                GROUP BY n.key, n.qid ORDER BY n.key, n.qid""")
            for table in ("staged_records", "staged_names", "first_part"):
                connection.execute(f"DROP TABLE {table}")
            digest = hashlib.sha256()
            count = 0
            for qid, body in connection.execute("SELECT qid, body FROM records ORDER BY qid"):
                digest.update(f"{qid}\0{body}\n".encode())
                count += 1
            for row in connection.execute("SELECT key, qid, label, type FROM names ORDER BY key, qid"):
                digest.update(("\0".join(map(str, row)) + "\n").encode())
            written = {**manifest, "format": FORMAT_VERSION, "items": count, "content_hash": digest.hexdigest()}
            connection.executemany("INSERT INTO manifest VALUES (?, ?)",
                                   sorted((key, json.dumps(value, ensure_ascii=False, sort_keys=True)) for key, value in written.items()))
            connection.commit()
            connection.execute("VACUUM")
            connection.close()
            self.connection = None
            with open(self.temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(self.temporary, self.output)
        return written

    def close(self) -> None:
        """After finish, nothing; after a failure, the temporary file goes."""
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        with contextlib.suppress(OSError):
            self.temporary.unlink()


# ---------------------------------------------------------------- the build (client side)


@dataclass
class BuildOptions:
    dumps: list[Path]
    output: Path
    types: list[str] = field(default_factory=list)  # empty: every type the mapping knows
    dump_date: dt.date | None = None
    scheduler: str | None = None
    workers: int | None = None  # a local Dask cluster of this many workers
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    work: Path | None = None  # default: PACK.work beside the pack
    restart: bool = False
    keep_work: bool = False


@dataclass
class BuildResult:
    manifest: dict
    partitions: int
    computed: int  # partition tasks run by this build (all passes)
    resumed: int  # partition tasks an earlier build had finished
    warnings: list[str]
    entities: int = 0  # items read from the dumps


def build(options: BuildOptions, say: Callable[[str], None] = lambda message: None) -> BuildResult:
    """Build the pack; `say` hears how far an interrupted build got (one line)."""
    from factcheck.wikidata import PROPERTY_FACTS

    types = sorted(dict.fromkeys(options.types or PROPERTY_FACTS), key=list(PROPERTY_FACTS).index)
    _validate(options, types)
    dumps = [Path(p) for p in options.dumps]
    partitions = plan_partitions(dumps, options.partition_bytes)
    work = options.work or options.output.with_name(options.output.name + ".work")
    settings = _settings(dumps, types, options)
    with _WorkFolder(work) as folder:
        folder.prepare(settings, options.restart)
        runner = _Runner(options, folder)
        try:
            # pass 1: the class graph
            todo = [p for p in partitions if not folder.done("classes", p.index)]
            runner.run("classes", todo, lambda p: (scan_classes, p))
            classes, roots = _kept_classes(folder, partitions, types)
            # pass 2: the entities of those classes, and every item's label
            todo = [p for p in partitions if not folder.done("select", p.index)]
            runner.run("select", todo, lambda p: (select_entities, p, classes, types, str(folder.part("select", p.index, ".sqlite3"))))
            metas = [folder.meta("select", p.index) for p in partitions]
            dump_date = options.dump_date or _dump_date(dumps, metas)
            # pass 3: each partition's kept entities mapped to records, with the labels of all partitions
            labels = _merged_labels(folder, partitions)
            fetched = dt.datetime(dump_date.year, dump_date.month, dump_date.day, tzinfo=dt.timezone.utc).timestamp()
            todo = [p for p in partitions if not folder.done("map", p.index)]
            runner.run("map", todo, lambda p: (map_records, str(folder.part("select", p.index, ".sqlite3")), str(labels),
                                                fetched, str(folder.part("map", p.index, ".sqlite3"))))
        except (KeyboardInterrupt, Interrupted):
            finished = sum(folder.done(phase, p.index) for phase in PHASES for p in partitions)
            say(f"build interrupted with {finished} of {len(PHASES) * len(partitions)} partition tasks finished; "
                "run the same command to resume")
            raise
        finally:
            runner.close()
        warnings = [line for meta in metas for line in meta["warnings"]]
        manifest = {
            "dump_date": dump_date.isoformat(),
            "dumps": [path.name for path in dumps],
            "types": types,
            "classes": roots,
            "subclasses": len(classes) - sum(len(v) for v in roots.values()),
        }
        writer = _PackWriter(options.output)
        try:
            for partition in partitions:
                writer.add_partition(folder.part("map", partition.index, ".sqlite3"), partition.index)
            written = writer.finish(manifest)
        finally:
            writer.close()
        resumed = len(PHASES) * len(partitions) - runner.computed
        if not options.keep_work:
            folder.remove()
    return BuildResult(written, len(partitions), runner.computed, resumed, warnings, sum(meta["entities"] for meta in metas))


def _validate(options: BuildOptions, types: list[str]) -> None:
    from factcheck.wikidata import PROPERTY_FACTS

    if not options.dumps:
        raise UserError("name at least one Wikidata JSON dump (.json.gz, .json.bz2, .json or NDJSON)")
    for dump in options.dumps:
        if not Path(dump).exists():
            raise UserError("dump does not exist", str(dump))
        if not Path(dump).is_file():
            raise UserError("dump is not a file", str(dump))
    unknown = [t for t in types if t not in PROPERTY_FACTS]
    if unknown:
        raise UserError(f"--type {unknown[0]!r} is no type a pack can keep (known: {', '.join(PROPERTY_FACTS)})")
    if options.scheduler and options.workers:
        raise UserError("--workers starts a local cluster; with --scheduler the cluster's workers are used")
    if options.partition_bytes < 1:
        raise UserError("--partition-size must be at least 1 byte")
    output = Path(options.output)
    if output.is_dir():
        raise UserError("is a directory; -o names the pack file", str(output))
    if not output.parent.is_dir():
        raise UserError("no such directory for the pack", str(output.parent))


def _settings(dumps: list[Path], types: list[str], options: BuildOptions) -> dict:
    """What the work folder's partitions depend on: a resumed build must have the same."""
    from factcheck import __version__
    from factcheck.resultcache import code_digest

    return {
        "format": FORMAT_VERSION,
        "dumps": [{"path": str(p.resolve()), "size": p.stat().st_size, "modified_ns": p.stat().st_mtime_ns} for p in dumps],
        "types": types,
        "partition_bytes": options.partition_bytes,
        "factcheck": f"{__version__} {code_digest.__wrapped__()[:16]}",
    }


def _kept_classes(folder: "_WorkFolder", partitions: list[Partition], types: list[str]) -> tuple[dict[int, str], dict[str, list[str]]]:
    """Every class to keep (its number → our type): the types' classes (wikidata.TYPE_CLASSES) and
    their subclasses by the dump's P279 edges, walked in SQLite (the graph of a full dump is large).
    A class under two types' classes takes the type TYPE_PRIORITY puts first."""
    from factcheck.wikidata import TYPE_CLASSES, TYPE_PRIORITY

    roots = {t: sorted((q for q, kind in TYPE_CLASSES.items() if kind == t), key=lambda q: int(q[1:])) for t in types}
    path = folder.path / "classes.sqlite3"
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                                 "CREATE TABLE edges (child INTEGER NOT NULL, parent INTEGER NOT NULL);"
                                 "CREATE TABLE roots (qid INTEGER NOT NULL, rank INTEGER NOT NULL);")
        for partition in partitions:
            connection.executemany("INSERT INTO edges VALUES (?, ?)", folder.meta("classes", partition.index)["edges"])
        connection.execute("CREATE INDEX edges_by_parent ON edges (parent)")
        connection.executemany("INSERT INTO roots VALUES (?, ?)",
                               [(int(q[1:]), TYPE_PRIORITY.index(t)) for t, qs in roots.items() for q in qs])
        rows = connection.execute("""
            WITH RECURSIVE kept(qid, rank) AS (
                SELECT qid, rank FROM roots
                UNION
                SELECT edges.child, kept.rank FROM edges JOIN kept ON edges.parent = kept.qid
            )
            SELECT qid, min(rank) FROM kept GROUP BY qid ORDER BY qid""").fetchall()
    finally:
        connection.close()
        path.unlink(missing_ok=True)
    return {qid: TYPE_PRIORITY[rank] for qid, rank in rows}, roots


def _dump_date(dumps: list[Path], metas: list[dict]) -> dt.date:
    """The dump's own date: in its file name (wikidata-20261104-all.json.gz), else the latest
    `modified` of its entities; never the day of the build (the pack would change every day)."""
    for path in dumps:
        match = _DATE_IN_NAME.search(path.name)
        if match:
            with contextlib.suppress(ValueError):
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
    latest = max((meta.get("latest_modified") or "" for meta in metas), default="")
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(latest[:10])
    raise UserError("the dump's date is neither in its file name nor in its entities' 'modified': give --dump-date YYYY-MM-DD",
                    str(dumps[0]))


def _merged_labels(folder: "_WorkFolder", partitions: list[Partition]) -> Path:
    """Every partition's labels in one table (the first copy of an item wins), which every map task
    reads: a director's label may be in any partition. Kept in the work folder for a resumed build."""
    path = folder.path / "labels.sqlite3"
    done = folder.path / "labels.json"
    if done.exists() and path.exists():
        return path
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                                 "CREATE TABLE labels (qid INTEGER PRIMARY KEY, entity TEXT NOT NULL);")
        for partition in partitions:
            connection.execute("ATTACH DATABASE ? AS part", (str(folder.part("select", partition.index, ".sqlite3")),))
            connection.execute("INSERT OR IGNORE INTO main.labels SELECT * FROM part.labels ORDER BY qid")
            connection.commit()
            connection.execute("DETACH DATABASE part")
    finally:
        connection.close()
    os.replace(temporary, path)
    write_atomically(done, "{}\n")
    return path


def map_records(select_path: str, labels_path: str, fetched: float, target: str) -> dict:
    """Pass 3: a partition's kept entities as `records pull` maps them (wikidata._record), with the
    labels of the items they link to read from the merged label table a batch at a time, and their
    names; into the SQLite file `target` (written beside it, then renamed)."""
    from factcheck.wikidata import ITEM_URL, _linked_ids, _record

    temporary = f"{target}.tmp-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    output = sqlite3.connect(temporary)
    selected = sqlite3.connect(f"file:{quote(select_path)}?mode=ro", uri=True)
    labels_table = sqlite3.connect(f"file:{quote(labels_path)}?mode=ro", uri=True)
    count = 0
    try:
        output.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _STAGED_SCHEMA)
        last = 0
        while True:
            batch = selected.execute("SELECT qid, type, entity FROM selected WHERE qid > ? ORDER BY qid LIMIT ?",
                                     (last, RECORD_BATCH)).fetchall()
            if not batch:
                break
            last = batch[-1][0]
            entities = [(qid, kind, {**json.loads(body), "_fetched": fetched}) for qid, kind, body in batch]
            wanted = sorted({int(q[1:]) for _, kind, entity in entities for q in _linked_ids(entity, kind) if _ITEM_ID.match(q)})
            labels: dict[str, dict] = {}
            for first in range(0, len(wanted), LOOKUP_BATCH):
                chunk = wanted[first:first + LOOKUP_BATCH]
                for qid, body in labels_table.execute(
                        f"SELECT qid, entity FROM labels WHERE qid IN ({','.join('?' * len(chunk))})", chunk):
                    labels[f"Q{qid}"] = json.loads(body)
            for qid, kind, entity in entities:
                record = replace(_record(entity, labels, ITEM_URL, kind), id=f"Q{qid}")
                output.execute("INSERT INTO records VALUES (?, ?, ?)", (qid, record.type, _record_body(record)))
                output.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", _name_rows(qid, record))
                count += 1
        output.commit()
    finally:
        output.close()
        selected.close()
        labels_table.close()
    os.replace(temporary, target)
    return {"records": count}


# what a build writes in its work folder (and the temporary files beside them)
# (text files go through fix.write_atomically, whose temporary is ".NAME.XXXX.factcheck-tmp"; the
# SQLite files are written beside their target as "NAME.tmp-PID")
_WORK_FILE = re.compile(r"^\.?(?:settings\.json|lock|labels\.(?:sqlite3|json)|classes\.sqlite3|"
                        r"(?:classes|select|map)-\d{5,}\.(?:json|sqlite3)|failed-once-\w+-\d{5,})"
                        r"(?:\.tmp-\d+|\.\w+\.factcheck-tmp)?$")


class _WorkFolder:
    """PACK.work/: the build's settings, each finished partition's files, and a lock against a
    second build writing to it (as `audit` keeps its parts)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = None

    def __enter__(self) -> "_WorkFolder":
        from factcheck.fix import lock_work_folder

        self._lock = lock_work_folder(self.path, "the build's partitions",
                                      "another `factcheck records build` is writing to this work folder")
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def prepare(self, settings: dict, restart: bool) -> None:
        target = self.path / "settings.json"
        foreign = sorted(p.name for p in self.path.iterdir() if not _WORK_FILE.match(p.name))
        if foreign:  # never delete what a build did not write (--work names any folder)
            raise UserError(f"holds files that are not a build's partitions ({', '.join(foreign[:3])}); "
                            "choose another --work or move them", str(self.path))
        for stale in [*self.path.glob("*.tmp-*"), *self.path.glob(".*.factcheck-tmp")]:
            stale.unlink(missing_ok=True)
        if target.exists() and not restart:
            try:
                previous = json.loads(target.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                previous = None
            if previous == settings:
                return
            changed = sorted(k for k in set(settings) | set(previous or {}) if (previous or {}).get(k) != settings.get(k))
            raise UserError(f"an earlier build with other settings ({', '.join(changed) or 'unreadable settings'}) left its "
                            "partitions here; run the same command as then to resume, or add --restart to discard them",
                            str(self.path))
        for path in self.path.iterdir():
            if path.name != "lock":
                path.unlink()
        write_atomically(target, json.dumps(settings, indent=2, sort_keys=True) + "\n")

    def part(self, phase: str, index: int, suffix: str) -> Path:
        return self.path / f"{phase}-{index:05d}{suffix}"

    def done(self, phase: str, index: int) -> bool:
        """A partition is finished once its .json is there (written last)."""
        return self.part(phase, index, ".json").exists()

    def meta(self, phase: str, index: int) -> dict:
        return json.loads(self.part(phase, index, ".json").read_text(encoding="utf-8"))

    def finish(self, phase: str, index: int, meta: dict) -> None:
        write_atomically(self.part(phase, index, ".json"), json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n")

    def remove(self) -> None:
        for path in list(self.path.iterdir()):
            if _WORK_FILE.match(path.name):
                path.unlink()
        with contextlib.suppress(OSError):
            self.path.rmdir()


class _Runner:
    """Runs partition tasks here, one after the other, or on a Dask cluster (`--scheduler`, or a
    local cluster of `--workers`); a finished partition's result is kept in the work folder at once,
    so a build that stops loses only the partitions in flight."""

    def __init__(self, options: BuildOptions, folder: _WorkFolder):
        self.options = options
        self.folder = folder
        self.computed = 0
        self._client = self._cluster = None

    def run(self, phase: str, todo: list[Partition], task: Callable[[Partition], tuple]) -> None:
        if not todo:
            return
        if not (self.options.scheduler or self.options.workers):
            for partition in todo:
                function, *arguments = task(partition)
                try:
                    result = function(*arguments)
                except DumpProblem as problem:
                    raise UserError(str(problem), partition.path) from None
                except (RuntimeError, sqlite3.Error) as error:
                    raise self._failed(partition, error) from None
                self._keep(phase, partition, result)
            return
        self._run_on_cluster(phase, todo, task)

    def _keep(self, phase: str, partition: Partition, result: Any) -> None:
        self.folder.finish(phase, partition.index, {"edges": result} if phase == "classes" else result)
        self.computed += 1

    def _failed(self, partition: Partition, error: BaseException) -> UserError:
        return UserError(f"partition {partition.index} ({partition.path} from byte {partition.start}) failed "
                         f"({type(error).__name__}: {error}); the finished partitions are kept in {self.folder.path}: "
                         "run the same command to resume")

    def _run_on_cluster(self, phase: str, todo: list[Partition], task: Callable[[Partition], tuple]) -> None:
        from distributed import as_completed

        if self._client is None:
            from factcheck.audit import connect

            self._client, self._cluster = connect(self.options.scheduler, self.options.workers)
        submitted = []
        shared: dict[int, Any] = {}  # a mapping every task of the pass takes (the kept classes): sent to each worker once
        for partition in todo:
            function, *arguments = task(partition)
            for position, argument in enumerate(arguments):
                if isinstance(argument, dict):
                    if id(argument) not in shared:
                        shared[id(argument)] = self._client.scatter(argument, broadcast=True, hash=False)
                    arguments[position] = shared[id(argument)]
            # no retries: a task that raised reads the same bytes again; a worker that died is
            # rescheduled by Dask itself
            future = self._client.submit(function, *arguments, pure=False, retries=0,
                                         key=f"factcheck-pack-{phase}-{partition.index:05d}-{uuid.uuid4().hex[:8]}")
            submitted.append((future, partition))
        partition_of = {future.key: partition for future, partition in submitted}
        try:
            for future in as_completed([future for future, _ in submitted]):
                partition = partition_of[future.key]
                try:
                    result = future.result()
                except DumpProblem as problem:
                    raise UserError(str(problem), partition.path) from None
                except Exception as error:  # noqa: BLE001 — the finished partitions stay
                    raise self._failed(partition, error) from None
                self._keep(phase, partition, result)
                future.release()
        except BaseException:
            with contextlib.suppress(Exception):
                self._client.cancel([future for future, _ in submitted])
            raise

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

