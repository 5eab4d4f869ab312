"""Reference records: YAML files a newsroom keeps about films, people, events, organisations …"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import ChainMap, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import UserError
from factcheck.facts import describe_key, sub_key_unit
from factcheck.model import ARTICLE_ORIGIN, DateValue, FactValue, Record
from factcheck.text import is_common_word, name_key
from factcheck.yamlfile import LineDict, load_yaml

if TYPE_CHECKING:
    from factcheck.records_index import RecordsIndex

RECORD_SUFFIXES = (".yaml", ".yml")
ENTITY_KEYS = {"id", "type", "name", "aliases", "facts", "sources"}
REQUIRED_KEYS = ("id", "name")  # without a type an entity is just an "entity"
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXPONENT_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+")


@dataclass
class RecordSet:
    records: list[Record] = field(default_factory=list)
    by_id: dict[str, Record] = field(default_factory=dict)
    # folded name tokens → (record, the name or alias as written)
    by_name: dict[tuple[str, ...], list[tuple[Record, str]]] = field(default_factory=dict)
    # indexes built from the records once, not per article; emptied when a record is added
    derived: dict = field(default_factory=dict, repr=False, compare=False)
    # the set this one was copied from for one article (with_records): what only the loaded records
    # decide is built there, once for the run
    base: "RecordSet | None" = field(default=None, repr=False, compare=False)
    # the records a copy holds beyond its base's (with_records), so that no question about them reads them all
    added: list[Record] = field(default_factory=list, repr=False, compare=False)

    def memo(self, key, build):
        """A value derived from the records, built on first use."""
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]

    def facts_memo(self, key, build):
        """A value derived from the records' facts (build takes a list of records, returns a dict or a
        list): built once for the run on the set every article's copy comes from, and for a copy only
        over what an online look-up added for that article. (The names an article adds have no facts.)"""
        root = self.base or self
        shared = root.memo(("facts", key), lambda: build([r for r in root.records if r.origin != ARTICLE_ORIGIN]))
        extra = [r for r in self.added if r.origin != ARTICLE_ORIGIN] if root is not self else []
        if not extra:
            return shared

        def merged():
            added = build(extra)
            return {**added, **shared} if isinstance(shared, dict) else [*shared, *added]

        return self.memo(("facts+", key), merged)

    def facts_owner(self) -> "RecordSet":
        """The set whose facts this one's are: the loaded set every article's copy comes from, unless
        an online look-up added records with facts for this article. What is built from facts alone
        is memoised there, once for the run, not again for each article."""
        root = self.base or self
        if root is self or not any(r.facts for r in self.added if r.origin != ARTICLE_ORIGIN):
            return root
        return self

    def added_names(self) -> dict[tuple[str, ...], list[tuple[Record, str]]]:
        """The names this copy has that its base has not (the article's own, an online look-up's)."""
        if self.base is None:
            return {}
        # every layer of the copy's ChainMap (with_records) above the loaded names, the newest last
        return {key: named for layer in reversed(self.by_name.maps[:-1]) for key, named in layer.items()}

    def with_records(self, extra: list[Record]) -> "RecordSet":
        """A copy with more records; names the records already have keep their record. The loaded
        names are shared, not copied (a copy per article would cost as much as the records): the
        copy's own names go in a layer of their own."""
        names = self.by_name.new_child() if isinstance(self.by_name, ChainMap) else ChainMap({}, self.by_name)
        copy = RecordSet(list(self.records), dict(self.by_id), names, base=self.base or self, added=list(self.added))
        for record in extra:
            # a record none of whose names is known: add() sets only new keys, in the copy's own layer
            if record.id not in copy.by_id and not any(name_key(n) in self.by_name for n in record.names):
                copy.add(record)
                copy.added.append(record)
        return copy

    def add(self, record: Record) -> None:
        self.derived.clear()
        self.records.append(record)
        self.by_id[record.id] = record
        for name in record.names:
            key = name_key(name)
            if key and not (name != record.name and is_common_word(name)):  # an alias "May" would link every May
                self.by_name.setdefault(key, []).append((record, name))

    def implied_names(self) -> dict[tuple[str, ...], tuple[Record, str, int | None]]:
        """Shorter names an article uses for an event or thing the records name with its year and
        organiser: "2023 FIFA Women's World Cup final" is "the FIFA Women's World Cup final" and "the
        Women's World Cup final" in copy about it. Each with the year it drops: such a name stands
        for the record only in an article that speaks of that year (link.find_links). A place's name
        that follows a description ("Previous UK record, Cambridge University Botanic Garden") drops
        no year: None, it stands for the record in any article. A short name that two records
        would share, or that is already a name, is nobody's."""
        def build() -> dict:
            found: dict[tuple[str, ...], list[tuple[Record, str, int | None]]] = {}
            for record in self.records:
                if record.type == "person":
                    continue
                for name in record.names:
                    for short, year in [*_without_year(name), *_after_its_description(name)]:
                        key = name_key(short)
                        if key not in self.by_name:
                            found.setdefault(key, []).append((record, short, year))
            return {key: hits[0] for key, hits in found.items() if len({hit[0].id for hit in hits}) == 1}

        return self.memo("implied_names", build)

    def described_names(self) -> dict[str, list[tuple[Record, str, frozenset[str], frozenset[str]]]]:
        """The names of three words or more that copy tells in its own words ("the referendum on Britain's
        membership of the European Union" for "2016 United Kingdom European Union membership referendum"),
        by their last word: (record, name, its other words, the years it writes). See link.find_links."""
        def build() -> dict:
            found: dict[str, list] = defaultdict(list)
            for record in self.records:
                if record.type == "person":
                    continue
                for name in record.names:
                    words = [word for word in name_key(name) if word not in _NAME_SMALL_WORDS and not word.isdigit()]
                    if len(words) >= 3 and len(set(words)) == len(words):
                        found[words[-1]].append((record, name, frozenset(words[:-1]), frozenset(int(year) for year in re.findall(r"\b(?:1[89]|20)\d\d\b", name))))
            return dict(found)

        return self.memo("described_names", build)

    def written_names(self) -> frozenset[tuple[str, ...]]:
        """Every run of two to five capitalised words the records write — in names, in brackets
        after them ("Women's marathon world record (Tigist Assefa)") and in text values ("holder:
        Tigist Assefa (Ethiopia)"): a name written so is the newsroom's own spelling, never a
        misspelling of another record's."""
        def build(records: list[Record]) -> list[tuple[str, ...]]:
            found = []
            for record in records:
                texts = list(record.names)
                for values in record.facts.values():
                    for value in values:
                        texts += [v for v in (value.value, *value.qualifiers.values()) if isinstance(v, str)]
                for text in texts:
                    for run in _CAPITALISED_RUN.finditer(text):
                        words = run.group(0).split()
                        for size in range(2, min(5, len(words)) + 1):
                            for first in range(len(words) - size + 1):
                                found.append(name_key(" ".join(words[first:first + size])))
            return found

        return self.facts_owner().memo("written_names_set", lambda: frozenset(self.facts_memo("written_names", build)))

    def person_names(self, person_facts: set[tuple[str, str]] | None = None) -> dict[tuple[str, ...], str]:
        """Names of people that the records mention as fact values (cast, director …);
        with `person_facts`, only those (entity type, fact) pairs count."""
        return self.facts_memo(("person_names", frozenset(person_facts) if person_facts is not None else None),
                               lambda records: _person_names(records, person_facts))


class DeferredRecords(RecordSet):
    """Records read on first use. A run whose every file the result cache answers never reads
    them — the cache's key holds the records files' bytes, not their parse — so a warm re-check
    costs the same with ten records as with a million. Anything that asks for them (an article
    to analyse, `records` commands, a worker about to start) loads them once, errors included."""

    def __init__(self, load: Callable[[], RecordSet]):  # noqa: super().__init__ is what loading does
        self.__dict__["_load"] = load

    @property
    def loaded(self) -> bool:
        return "_load" not in self.__dict__

    def __getattr__(self, name: str):
        # only for what the instance does not have yet: the RecordSet fields, before loading (a probe
        # for a special method, such as copy's "__deepcopy__", is no reason to load, nor to drop the loader)
        if name.startswith("__") or "_load" not in self.__dict__:
            raise AttributeError(name)
        load = self.__dict__.pop("_load")
        self.__dict__.update(load().__dict__)
        return getattr(self, name)


# the words that make no name's own: in "the referendum on Britain's membership of the European Union" as in the name
_NAME_SMALL_WORDS = {"the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "by", "with", "from", "s"}
_CAPITALISED_RUN = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|do|dos|van|von|der|al|bin|la|le|du))*\s+[A-ZÀ-Þ][\w'’.-]*")
_YEAR_WORD = re.compile(r"^(1[89]\d\d|20\d\d)$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


_DESCRIBED_NAME = re.compile(r"^(?P<description>[^,]*\b[a-z][^,]*),\s+(?P<name>[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|of|the|de|du|la|le|and))*"
                             r"\s+[A-ZÀ-Þ][\w'’.-]*)$")


def _after_its_description(name: str) -> list[tuple[str, None]]:
    """'Previous UK record, Cambridge University Botanic Garden' → [("Cambridge University Botanic Garden", None)]:
    a record named by what it is and then where, the proper name after the comma standing for it, in any year."""
    match = _DESCRIBED_NAME.match(name.strip())
    return [(match["name"], None)] if match else []


def _without_year(name: str) -> list[tuple[str, int]]:
    """'2023 FIFA Women's World Cup final' → [("FIFA Women's World Cup final", 2023),
    ("Women's World Cup final", 2023)]; a name with no leading or trailing year → []."""
    words = name.split()
    if len(words) < 3:
        return []
    if _YEAR_WORD.match(words[0]):
        year, rest = int(words[0]), words[1:]
    elif _YEAR_WORD.match(words[-1]):
        year, rest = int(words[-1]), words[:-1]
    else:
        return []
    shorter = [rest]
    if _ACRONYM.match(rest[0]) and len(rest) >= 3:
        shorter.append(rest[1:])  # the organiser's initials: "FIFA", "UEFA", "NFL"
    # what is left must still be a name: two words or more, one of them capitalised and not common
    return [(" ".join(words), year) for words in shorter
            if len(words) >= 2 and any(w[:1].isupper() and not is_common_word(w) for w in words)]


def _person_names(records: list[Record], person_facts: set[tuple[str, str]] | None) -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    for record in records:
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
    """Every records file once, however often it is named (a folder in the config and again on
    the command line, a file and its folder)."""
    files: list[Path] = []
    seen: set[Path] = set()
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
    unique = []
    for file in files:
        resolved = file.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(file)
    return unique


def load_records(paths: Iterable[Path], index: "RecordsIndex | None" = None) -> RecordSet:
    """The records of every file; through the compiled index when one is given (an unchanged file is
    read back, not parsed: factcheck.records_index), with the same records either way."""
    record_set = RecordSet()
    seen: dict[str, str] = {}

    def parse(path: Path) -> list[Record]:
        return parse_records(load_yaml(path), str(path))

    for path in find_record_files(paths):
        for record in (index.records_of(path, parse) if index is not None else parse(path)):
            if record.id in seen:
                raise UserError(
                    f"duplicate record id {record.id!r} (first defined at {seen[record.id]})",
                    *record.origin.rsplit(":", 1),
                )
            seen[record.id] = record.origin
            record_set.add(record)
    return record_set


def parse_records(data: Any, path: str, notes: list | None = None) -> list[Record]:
    if data is None:
        return []
    if isinstance(data, list):  # the entities alone, without the 'entities:' key
        return [_parse_entity(entity, path, getattr(entity, "line", 1), notes) for entity in data]
    if not isinstance(data, dict) or "entities" not in data:
        raise UserError("a records file must be a mapping with an 'entities:' list", path, 1)
    entities = data["entities"]
    if not isinstance(entities, list):
        raise UserError("'entities' must be a list", path, data.line_of("entities"))
    return [_parse_entity(entity, path, data.line_of("entities"), notes) for entity in entities]


def _parse_entity(entity: Any, path: str, parent_line: int, notes: list | None = None) -> Record:
    """One entity. Its facts take any YAML shape (see `parse_facts`); only a missing id,
    type or name, or a non-text name, makes it unreadable."""
    if not isinstance(entity, LineDict):
        raise UserError("each entity must be a mapping with id, type and name", path, parent_line)
    for key in REQUIRED_KEYS:
        if not isinstance(entity.get(key), (str, int)) or isinstance(entity.get(key), bool) or not str(entity[key]).strip():
            raise UserError(f"entity needs a non-empty text {key!r}", path, entity.line_of(key))
    aliases = _string_list(entity, "aliases", path, notes)
    sources = _string_list(entity, "sources", path, notes)
    facts_data = entity.get("facts")
    facts: dict[str, tuple[FactValue, ...]] = {}
    if isinstance(facts_data, dict):
        facts = parse_facts(facts_data, path, notes)
    elif facts_data is not None and notes is not None:
        notes.append((path, entity.line_of("facts"), "'facts' is not a mapping of fact names to values: not read"))
    # a fact written beside the name rather than under facts: (`born: 1962-07-03`) is a fact all the same
    beside = LineDict({key: value for key, value in entity.items() if key not in ENTITY_KEYS})
    if beside:
        beside.line, beside.key_lines = entity.line, {key: entity.line_of(key) for key in beside}
        for key, values in parse_facts(beside, path, notes).items():
            facts.setdefault(key, values)
    entity_type = entity.get("type")
    return Record(
        id=str(entity["id"]).strip(),
        type=str(entity_type).strip().lower() if isinstance(entity_type, (str, int)) and str(entity_type).strip() else "entity",
        name=str(entity["name"]).strip(),
        aliases=tuple(aliases),
        facts=facts,
        sources=tuple(sources),
        origin=f"{path}:{entity.line}",
    )


def _string_list(entity: LineDict, key: str, path: str, notes: list | None) -> list[str]:
    value = entity.get(key) or []
    if not isinstance(value, list):
        value = [value]
    kept = []
    for item in value:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if str(item).strip():
                kept.append(str(item).strip())
        elif notes is not None:
            notes.append((path, entity.line_of(key), f"{key!r}: {item!r} is not a text; left out"))
    return kept


# keys of a mapping value that say when, where or how a value holds rather than what it is
QUALIFIER_KEYS = {
    "as_of", "asof", "year", "years", "period", "quarter", "region", "status", "note", "notes", "place", "source", "sources",
    "property", "unit", "units", "currency", "label", "triggers", "fiscal_year", "season", "country", "market", "scope",
    "date", "when", "dated", "comment", "according_to", "measured", "basis", "type", "kind", "precision",
}
# keys that bound the time a mapping's values hold, when they hold a date or a year:
# `chairman: [{name: K. Sivan, from: 2018-01, to: 2022-01}, …]` — who held it, and when
PERIOD_KEYS = {"from", "to", "since", "until", "till", "start", "end", "took_office", "left_office", "in_office_since",
               "term_start", "term_end"}
_IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _when_like(value: Any) -> bool:
    """A date, a year, or a date written as text ("2018-01", "January 2018")."""
    if isinstance(value, (dt.date, DateValue)) or (isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2300):
        return True
    return isinstance(value, str) and (re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", value.strip()) is not None or bool(written_dates(value)))
_YEAR_KEY = re.compile(r"1[5-9]\d\d|2[0-2]\d\d")


def parse_facts(facts_data: LineDict, path: str, notes: list | None = None) -> dict[str, tuple[FactValue, ...]]:
    """Every fact as the newsroom wrote it.

    - a scalar (date, number, year, boolean, text) or a list of them;
    - `{value: …, as_of: …, region: …}`: a value with qualifiers, alone or in a list;
    - a mapping of sub-facts (`awards: {golden_ball: …}`): `awards.golden_ball`;
    - a mapping from names to details (`roles: {Cillian Murphy: J. Robert Oppenheimer}`): the names are
      the values of `roles`, each with its detail;
    - a list of mappings without `value` (`[{year: 2023, revenue_usd: …}]`): each one's qualifiers hold
      for its other keys;
    - a mapping from years to values (`visitors_millions: {2018: 10.2, 2019: 9.6}`): each value that year's.
    A key's suffixes add what the value measures and when it holds (factcheck.facts.describe_key).
    """
    facts: dict[str, list[FactValue]] = {}
    for key, value in facts_data.items():
        _add_fact(facts, str(key), value, {}, path, facts_data.line_of(key), notes)
    return {key: tuple(values) for key, values in facts.items() if values}


def _add_fact(facts: dict, key: str, value: Any, inherited: dict, path: str, line: int, notes: list | None,
              in_list: bool = False) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            item_line = getattr(item, "line", None) or (value.line_of(index) if hasattr(value, "line_of") else line)
            _add_fact(facts, key, item, inherited, path, item_line, notes, in_list=True)
        return
    if isinstance(value, dict):
        line = getattr(value, "line", line) or line
        if "value" in value:
            qualifiers = {**inherited, **{str(k): v for k, v in value.items() if k != "value"}}
            _add_fact(facts, key, value["value"], qualifiers, path, getattr(value, "line_of", lambda _: line)("value"), notes)
            return
        keys = [str(k) for k in value]
        if len(keys) >= 2 and all(k in _LENGTH_PARTS and isinstance(v, (int, float)) and not isinstance(v, bool)
                                  for k, v in zip(keys, value.values())):
            # `duration: {hours: 4, minutes: 42}` is one length of time, as "4 hours 42 minutes" would be
            written = " ".join(f"{v:g} {_LENGTH_PARTS[k]}" for k, v in zip(keys, value.values()))
            _add_fact(facts, key, written, inherited, path, line, notes, in_list)
            return
        if keys and all(_IDENTIFIER_RE.match(k) for k in keys):
            own = {k: v for k, v in value.items() if (str(k) in QUALIFIER_KEYS and not isinstance(v, (dict, list)))
                   or (str(k) in PERIOD_KEYS and _when_like(v))}
            # the time the mapping's own key names holds for its sub-facts: `anc_2019: {vote_percent: 57.5}`
            qualifiers = {**_with_key_meaning(key.rsplit(".", 1)[-1], {}), **inherited, **{str(k): v for k, v in own.items()}}
            # a unit or a scale is the sub-key's own (`diameter: {feet: 530, meters: 160}`); the mapping's
            # own holds for a sub-key that names none (`netflix_views_millions: {total: 96.7}` is 96.7 million)
            measure = {own: qualifiers.pop(own) for own in ("unit", "scale") if own in qualifiers}
            # one item of a list that names itself ("earlier_deals: [{target: LinkedIn, year: 2016}, …]"):
            # its other values are that item's, for a sentence that names it (checks._common.in_scope)
            item = next((v for k, v in value.items() if str(k) in ITEM_NAME_KEYS and isinstance(v, str) and v.strip()), None)
            named = {"item": item} if in_list and item is not None else {}
            # every key is a sub-fact (previous_record.date is a date of its own), and the ones that
            # say when or where hold for the others too
            for sub_key, sub_value in value.items():
                sub_line = value.line_of(sub_key) if hasattr(value, "line_of") else line
                mine = dict(inherited) if sub_key in own else qualifiers
                if named and sub_value is not item:
                    mine = {**mine, **named}
                if measure and sub_key not in own and not isinstance(sub_value, (dict, list)) \
                        and _names_no_measure(f"{key}.{sub_key}"):
                    mine = {**mine, **measure}
                _add_fact(facts, f"{key}.{sub_key}", sub_value, mine, path, sub_line, notes)
            return
        if keys and all(_YEAR_KEY.fullmatch(k) for k in keys):
            # years as keys (`annual_visitors_millions: {2018: 10.2, 2019: 9.6}`): each is the fact's value
            # that year, not a name
            for year, detail in value.items():
                sub_line = value.line_of(year) if hasattr(value, "line_of") else line
                _add_fact(facts, key, detail, {**inherited, "year": int(str(year))}, path, sub_line, notes, in_list=True)
            return
        for name, detail in value.items():  # names as keys: the names are the values
            sub_line = value.line_of(name) if hasattr(value, "line_of") else line
            qualifiers = {**inherited, "detail": detail} if detail is not None else dict(inherited)
            _add_fact(facts, key, name, qualifiers, path, sub_line, notes)
            if isinstance(detail, dict) and detail and all(_IDENTIFIER_RE.match(str(k)) for k in detail) and isinstance(name, str):
                # a table by name (`results: {ANC: {vote_percent: 40.18, seats: 159}}`): each figure is that
                # item's, for a sentence that names it (checks._common.in_scope)
                for sub_key, sub_value in detail.items():
                    if isinstance(sub_value, (dict, list)):
                        continue
                    item_line = detail.line_of(sub_key) if hasattr(detail, "line_of") else sub_line
                    _add_fact(facts, f"{key}.{sub_key}", sub_value, {**inherited, "item": name}, path, item_line, notes)
        return
    scalar = read_scalar(value, path, line, notes, key)
    if scalar is None:
        return
    qualifiers = _with_key_meaning(key, inherited)
    if isinstance(scalar, str):
        amount = written_amount(scalar) or _leading_amount(scalar)
        if amount is not None:
            # "68.7 billion", "$26.2bn", "1,200": a figure the newsroom wrote as text is a figure
            scalar, currency, scaled = amount
            qualifiers = {**qualifiers, "written": str(value)}
            if currency and "unit" not in qualifiers:
                qualifiers["unit"] = currency
            if scaled:
                qualifiers["scale"] = 1.0  # the text's own "billion", not the key's "_bn", says the scale
        elif (minutes := written_duration(scalar)) is not None:
            # "4 hours 42 minutes", "2h 46m (theatrical cut)": a length of time, kept in minutes
            facts.setdefault(key, []).append(FactValue(minutes, {**qualifiers, "unit": "minute", "written": str(value)}))
            return
        else:
            dates = written_dates(scalar)
            if dates:
                # "December 2018", "15 September 2018 v Liverpool": a date the newsroom wrote in words
                for date in dates:
                    facts.setdefault(key, []).append(FactValue(date, {**qualifiers, "written": str(value)}))
                return
    facts.setdefault(key, []).append(FactValue(scalar, qualifiers))


# the parts a mapping may write a length of time in
_LENGTH_PARTS = {"days": "days", "hours": "hours", "h": "hours", "minutes": "minutes", "mins": "minutes", "min": "minutes",
                 "seconds": "seconds", "secs": "seconds", "sec": "seconds", "s": "seconds"}


def written_dates(text: str) -> list[dt.date | DateValue]:
    """The days and months a text that begins with one gives ("December 2018"; "September 2021
    (jury selected 2021-08-31)" gives both), each as a day or a month of a year. Nothing for a text
    that begins otherwise ("fall 2028", "about 1:29 a.m.") or names a day without its year."""
    from factcheck.extract.dates import find_dates

    found = [mention for mention in find_dates(text, None)
             if isinstance(mention.value, DateValue) and not mention.value.relative and mention.value.precision in ("day", "month")]
    if not found or text[:found[0].start].strip():
        return []
    return list(dict.fromkeys(date.earliest if date.precision == "day" else date for date in (m.value for m in found)))


# the keys that name which item of a list a mapping is
ITEM_NAME_KEYS = {"target", "name", "title", "item", "opponent", "against", "film", "album", "song", "book", "company", "acquired",
                  "project", "race", "event", "match", "tournament", "award", "category", "tour", "athlete", "player", "driver",
                  "rider", "horse", "team", "club", "candidate", "party"}
_AMOUNT_RE = re.compile(
    r"^(?P<before>US\$|[$£€¥]|USD|GBP|EUR|JPY)?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*"
    r"(?P<scale>thousand|million|billion|trillion|bn|mn|m|k|tn)?\s*(?P<after>USD|GBP|EUR|JPY|dollars|pounds|euros|yen)?$",
    re.IGNORECASE)
_CURRENCY_WORDS = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
                   "€": "EUR", "eur": "EUR", "euros": "EUR", "¥": "JPY", "jpy": "JPY", "yen": "JPY"}
_SCALE_WORDS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
                "trillion": 1e12, "tn": 1e12}


# a figure, then the newsroom's note on it: "25, all Indian nationals", "1.26 million (announced 25 August)"
_ANNOTATED = re.compile(r"^(?P<figure>(?:[^,(;—–]|,(?=\d{3}))+?)(?:,\s+(?=[A-Za-z])|\s*\(|\s+[—–]\s+|;\s+)")


_DURATION = re.compile(r"^(?:(?P<hours>\d+)\s*(?:hours?|hrs?|h)\b)?[\s,]*(?:and\s+)?(?:(?P<minutes>\d+)\s*(?:minutes?|mins?|m)\b)?"
                       r"[\s,]*(?:and\s+)?(?:(?P<seconds>\d+)\s*(?:seconds?|secs?|s)\b)?$", re.IGNORECASE)


def written_duration(text: str) -> int | float | None:
    """A length of time written in hours and minutes, in minutes: "4 hours 42 minutes" → 282,
    "2h 46m" → 166, "3 hours 1 minute and 30 seconds" → 181.5; a note after it is the newsroom's.
    One unit alone ("166 minutes") is left to the key's own unit word, as before."""
    for candidate in (text.strip(), (_ANNOTATED.match(text.strip()) or {"figure": ""})["figure"]):
        match = _DURATION.match(candidate.strip())
        if match and match["hours"] and (match["minutes"] or match["seconds"]):
            minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0) + int(match["seconds"] or 0) / 60
            return int(minutes) if float(minutes).is_integer() else minutes
    return None


def _leading_amount(text: str) -> tuple[int | float, str | None, bool] | None:
    """The figure a text opens with, before a comma, a bracket or a dash and a note on it. A year
    ("1994, as a joint venture") is no amount."""
    match = _ANNOTATED.match(text.strip())
    amount = written_amount(match["figure"]) if match else None
    if amount is None or (not amount[2] and amount[1] is None and 1800 <= amount[0] <= 2100 and float(amount[0]).is_integer()):
        return None
    return amount


def written_amount(text: str) -> tuple[int | float, str | None, bool] | None:
    """A figure written as text, exactly and nothing else: (value, currency or None, whether the text
    gave its scale). "68.7 billion" → (68700000000, None, True); "$26.2bn" → (26200000000, "USD", True).
    Approximate wording ("about 21 months", "~£56bn") and anything more than a figure stay text."""
    match = _AMOUNT_RE.match(text.strip())
    if match is None or (match["before"] and match["after"]):
        return None
    number = float(match["number"].replace(",", "") + (match["decimals"] or ""))
    scale = _SCALE_WORDS.get((match["scale"] or "").lower(), 1.0)
    if match["scale"] and match["scale"].lower() in ("m", "k") and not (match["before"] or match["after"]):
        return None  # "42m" is as often metres as millions
    value = number * scale
    value = int(round(value)) if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) else value
    currency = _CURRENCY_WORDS.get((match["before"] or match["after"] or "").lower())
    return value, currency, bool(match["scale"])


def _names_no_measure(key: str) -> bool:
    """Does the key's last part say no unit and no scale of its own (`total_as_of_2025_03_30`, not `feet`)?"""
    meaning = describe_key(key.rsplit(".", 1)[-1])
    return meaning.unit is None and meaning.scale == 1.0 and sub_key_unit(key) is None


def _with_key_meaning(key: str, qualifiers: dict) -> dict:
    """What the key's suffixes say (a unit, a year, an as-of date), unless the value says otherwise."""
    meaning = describe_key(key.rsplit(".", 1)[-1] if "." in key else key)
    found = dict(qualifiers)
    unit = meaning.unit or sub_key_unit(key)  # `_km`, or `diameter: {feet: 530, meters: 160}`
    if unit and "unit" not in found:
        found["unit"] = unit
    if meaning.scale != 1.0 and "scale" not in found:
        found["scale"] = meaning.scale
    if meaning.year and "year" not in found:
        found["year"] = meaning.year
    if meaning.quarter and "quarter" not in found:
        found["quarter"] = meaning.quarter
    if meaning.as_of and "as_of" not in found:
        found["as_of"] = meaning.as_of
    return found


def read_scalar(value: Any, path: str, line: int, notes: list | None = None, key: str = "") -> Any:
    """A date, a number, a boolean or a text; None (an empty value) is left out."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        raise UserError(f"{key or 'a fact'}: {value} is not a number a record can hold", path, line)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1e300:
        raise UserError(f"{key or 'a fact'}: a number of {len(str(abs(value)))} digits is not one a record can hold", path, line)
    if isinstance(value, str):
        value = value.strip()
        if _ISO_DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise UserError(f"not a real date: {value}", path, line) from None
        if _EXPONENT_RE.fullmatch(value):
            # `revenue_usd: 22.1e9`: YAML 1.1 reads a number in exponent form without a sign ("e+9") as
            # text; a newsroom writes it, and means the number
            number = float(value)
            if math.isfinite(number):
                return int(number) if number.is_integer() and abs(number) < 1e18 else number
        return value or None
    if isinstance(value, (bool, int, float, dt.date)):
        return value
    if notes is not None:
        notes.append((path, line, f"{key}: {value!r} is kept as text"))
    return str(value)


def group_by_type(records: Iterable[Record]) -> dict[str, list[Record]]:
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.type].append(record)
    return groups
