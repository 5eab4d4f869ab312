"""Reference records: YAML files a newsroom keeps about films, people, events, organisations …"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.model import FactValue, Record
from factcheck.text import name_key
from factcheck.yamlfile import LineDict, load_yaml

RECORD_SUFFIXES = (".yaml", ".yml")
ENTITY_KEYS = {"id", "type", "name", "aliases", "facts", "sources"}
REQUIRED_KEYS = ("id", "type", "name")
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class RecordSet:
    records: list[Record] = field(default_factory=list)
    by_id: dict[str, Record] = field(default_factory=dict)
    # folded name tokens → (record, the name or alias as written)
    by_name: dict[tuple[str, ...], list[tuple[Record, str]]] = field(default_factory=dict)
    # indexes built from the records once, not per article; emptied when a record is added
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key, build):
        """A value derived from the records, built on first use."""
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]

    def with_records(self, extra: list[Record]) -> "RecordSet":
        """A copy with more records; names the records already have keep their record."""
        copy = RecordSet(list(self.records), dict(self.by_id), {k: list(v) for k, v in self.by_name.items()})
        for record in extra:
            if record.id not in copy.by_id and not any(name_key(n) in self.by_name for n in record.names):
                copy.add(record)
        return copy

    def add(self, record: Record) -> None:
        self.derived.clear()
        self.records.append(record)
        self.by_id[record.id] = record
        for name in record.names:
            key = name_key(name)
            if key:
                self.by_name.setdefault(key, []).append((record, name))

    def person_names(self, person_facts: set[tuple[str, str]] | None = None) -> dict[tuple[str, ...], str]:
        """Names of people that the records mention as fact values (cast, director …);
        with `person_facts`, only those (entity type, fact) pairs count."""
        return self.memo(("person_names", frozenset(person_facts) if person_facts is not None else None),
                         lambda: self._person_names(person_facts))

    def _person_names(self, person_facts: set[tuple[str, str]] | None) -> dict[tuple[str, ...], str]:
        names: dict[tuple[str, ...], str] = {}
        for record in self.records:
            for key, values in record.facts.items():
                if person_facts is not None and (record.type, key) not in person_facts:
                    continue
                for fact in values:
                    if isinstance(fact.value, str) and _looks_like_person(fact.value):
                        names.setdefault(name_key(fact.value), fact.value)
        return names


def _looks_like_person(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def find_record_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in RECORD_SUFFIXES and p.is_file())
            if not found:
                raise UserError("no records files (*.yaml, *.yml) in this directory", str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UserError("records path does not exist", str(path))
    return files


def load_records(paths: Iterable[Path]) -> RecordSet:
    record_set = RecordSet()
    seen: dict[str, str] = {}
    for path in find_record_files(paths):
        for record in parse_records(load_yaml(path), str(path)):
            if record.id in seen:
                raise UserError(
                    f"duplicate record id {record.id!r} (first defined at {seen[record.id]})",
                    *record.origin.rsplit(":", 1),
                )
            seen[record.id] = record.origin
            record_set.add(record)
    return record_set


def parse_records(data: Any, path: str) -> list[Record]:
    if data is None:
        return []
    if not isinstance(data, dict) or "entities" not in data:
        raise UserError("a records file must be a mapping with an 'entities:' list", path, 1)
    entities = data["entities"]
    if not isinstance(entities, list):
        raise UserError("'entities' must be a list", path, data.line_of("entities"))
    return [_parse_entity(entity, path, data.line_of("entities")) for entity in entities]


def _parse_entity(entity: Any, path: str, parent_line: int) -> Record:
    if not isinstance(entity, LineDict):
        raise UserError("each entity must be a mapping with id, type and name", path, parent_line)
    for key in entity:
        if key not in ENTITY_KEYS:
            allowed = ", ".join(sorted(ENTITY_KEYS))
            raise UserError(f"unknown entity key {key!r} (allowed: {allowed})", path, entity.line_of(key))
    for key in REQUIRED_KEYS:
        if not isinstance(entity.get(key), str) or not entity[key].strip():
            raise UserError(f"entity needs a non-empty text {key!r}", path, entity.line_of(key))
    aliases = _string_list(entity, "aliases", path)
    sources = _string_list(entity, "sources", path)
    facts_data = entity.get("facts") or LineDict()
    if not isinstance(facts_data, dict):
        raise UserError("'facts' must be a mapping of fact names to values", path, entity.line_of("facts"))
    facts = {
        str(key): _parse_fact_values(value, path, facts_data.line_of(key))
        for key, value in facts_data.items()
    }
    return Record(
        id=entity["id"].strip(),
        type=entity["type"].strip().lower(),
        name=entity["name"].strip(),
        aliases=tuple(aliases),
        facts=facts,
        sources=tuple(sources),
        origin=f"{path}:{entity.line}",
    )


def _string_list(entity: LineDict, key: str, path: str) -> list[str]:
    value = entity.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UserError(f"{key!r} must be a list of texts", path, entity.line_of(key))
    return [item.strip() for item in value if item.strip()]


def _parse_fact_values(value: Any, path: str, line: int) -> tuple[FactValue, ...]:
    items = value if isinstance(value, list) else [value]
    parsed = []
    for item in items:
        if isinstance(item, dict):
            if "value" not in item:
                raise UserError("a qualified fact value needs a 'value:' key", path, getattr(item, "line", line))
            qualifiers = {str(k): v for k, v in item.items() if k != "value"}
            parsed.append(FactValue(_scalar(item["value"], path, item.line_of("value")), qualifiers))
        else:
            parsed.append(FactValue(_scalar(item, path, line)))
    return tuple(parsed)


def _scalar(value: Any, path: str, line: int) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise UserError(f"a fact value must be a date, a number or a text, not {value!r}", path, line)
    if isinstance(value, str):
        value = value.strip()
        if _ISO_DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise UserError(f"not a real date: {value}", path, line) from None
    return value


def group_by_type(records: Iterable[Record]) -> dict[str, list[Record]]:
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.type].append(record)
    return groups
