"""`factcheck records …`: pull records from Wikidata, validate records files, show what is known.

- `pull NAME_OR_QID…` writes records YAML in our schema (stdout, or `-o FILE`
  written atomically). Each fact carries a comment naming the Wikidata property
  it came from and the day it was retrieved; the item's URL is in `sources`.
- `validate PATH…` reports every problem of records files as `file:line: message`
  (bad YAML, schema errors, impossible dates, duplicate ids, one name or alias
  used by two records): exit 1 when there is any, else 0 with one OK line.
- `show ID_OR_NAME` prints a record and where each fact comes from: the
  file:line of a local record, or the Wikidata item and property.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
import yaml

from factcheck.errors import UserError
from factcheck.model import DateValue, FactValue, Record
from factcheck.records import ENTITY_KEYS, REQUIRED_KEYS, find_record_files, load_records
from factcheck.records import read_scalar
from factcheck.report.safe_text import for_terminal
from factcheck.text import is_common_word, name_key
from factcheck.yamlfile import MAX_YAML_BYTES, LineDict, _Loader

records_app = typer.Typer(
    name="records",
    help="Pull, validate and show reference records.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PROVENANCE = ("property", "retrieved")  # qualifiers that say where a value came from, not what it means

WikidataUrlOption = Annotated[
    Optional[str],
    typer.Option("--wikidata-url", metavar="URL", help="Wikidata root serving /w/api.php (default: $FACTCHECK_WIKIDATA_URL or https://www.wikidata.org)."),
]
CacheDirOption = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", metavar="DIR", help="Where the Wikidata cache lives (default: the user cache folder)."),
]
OfflineOption = Annotated[bool, typer.Option("--offline", help="Use the Wikidata cache only; never touch the network.")]


def _warn(message: str) -> None:
    from factcheck.report.safe_text import for_terminal

    sys.stderr.write(for_terminal(f"factcheck: warning: {message}") + "\n")


def _source(wikidata_url: str | None, cache_dir: Path | None, offline: bool):
    from factcheck.wikidata import WikidataSource

    return WikidataSource(base_url=wikidata_url, cache_dir=cache_dir, offline=offline, warn=_warn)


# -- pull ---------------------------------------------------------------------------------


@records_app.command()
def pull(
    names: Annotated[list[str], typer.Argument(metavar="NAME_OR_QID...", help="Names (\"Tom Cruise\") or Wikidata ids (Q37079).", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the records to this file (atomically) instead of standard output.")] = None,
    wikidata_url: WikidataUrlOption = None,
    cache_dir: CacheDirOption = None,
    offline: OfflineOption = False,
) -> None:
    """Look entities up on Wikidata and write them as records YAML, with their sources."""
    if output is not None and not output.parent.is_dir():
        raise UserError("the folder to write to does not exist", str(output.parent))
    if output is not None and output.is_dir():
        raise UserError("is a directory, not a file", str(output))
    source = _source(wikidata_url, cache_dir, offline)
    try:
        records: list[Record] = []
        for name in names:
            record = source.pull(name)
            if all(r.origin != record.origin for r in records):
                records.append(record)
    finally:
        source.close()
    records = _unique_ids(records)
    text = records_yaml(records)
    if output is None:
        sys.stdout.write(text)
        return
    write_text_atomically(output, text)
    from factcheck.report.safe_text import for_terminal

    sys.stderr.write(for_terminal(f"factcheck: wrote {len(records)} record{'s' if len(records) != 1 else ''} to {output}") + "\n")


def _unique_ids(records: list[Record]) -> list[Record]:
    seen: set[str] = set()
    unique = []
    for record in records:
        if record.id in seen:
            qid = record.origin.rsplit(":", 1)[-1].lower()
            record = Record(f"{record.id}-{qid}", record.type, record.name, record.aliases, record.facts, record.sources, record.origin)
        seen.add(record.id)
        unique.append(record)
    return unique


def write_text_atomically(path: Path, text: str) -> None:
    """A temporary file beside `path`, then one rename: readers see the old file or the new one."""
    from factcheck.fix import write_atomically

    write_atomically(path, text)


def records_yaml(records: Iterable[Record], today: dt.date | None = None) -> str:
    """Records as YAML in our schema; a comment on each fact names its Wikidata property."""
    from factcheck.wikidata import PROPERTY_LABELS

    today = today or dt.date.today()
    lines = [
        f"# Reference records pulled from Wikidata on {today.isoformat()} by `factcheck records pull`.",
        "# The comment on each fact names the Wikidata property it came from. Check before you rely on it.",
        "entities:",
    ]
    records = list(records)
    if not records:
        lines[-1] = "entities: []"
    for index, record in enumerate(records):
        if index:
            lines.append("")
        lines.append(f"  - id: {_scalar(record.id)}")
        lines.append(f"    type: {_scalar(record.type)}")
        lines.append(f"    name: {_scalar(record.name)}")
        if record.aliases:
            lines.append("    aliases:")
            lines.extend(f"      - {_scalar(alias)}" for alias in record.aliases)
        if record.facts:
            lines.append("    facts:")
        for key, values in record.facts.items():
            comment = _provenance_comment(values, PROPERTY_LABELS)
            content = [_content(value) for value in values]
            if len(values) == 1 and not content[0]:
                lines.append(f"      {_key(key)}: {_scalar(values[0].value)}{comment}")
                continue
            lines.append(f"      {_key(key)}:{comment}")
            for value, qualifiers in zip(values, content):
                if qualifiers:
                    inner = ", ".join(f"{_key(k)}: {_scalar(v)}" for k, v in {"value": value.value, **qualifiers}.items())
                    lines.append(f"        - {{{inner}}}")
                else:
                    lines.append(f"        - {_scalar(value.value)}")
        if record.sources:
            lines.append("    sources:")
            lines.extend(f"      - {_scalar(source)}" for source in record.sources)
    return "\n".join(lines) + "\n"


def _content(value: FactValue) -> dict[str, Any]:
    return {k: v for k, v in value.qualifiers.items() if k not in PROVENANCE and v is not None}


def _provenance_comment(values: Iterable[FactValue], labels: dict[str, str]) -> str:
    properties = list(dict.fromkeys(str(v.qualifiers["property"]) for v in values if v.qualifiers.get("property")))
    dates = sorted({str(v.qualifiers["retrieved"]) for v in values if v.qualifiers.get("retrieved")})
    if not properties:
        return ""
    named = ", ".join(f"{p} {labels[p]}" if p in labels else p for p in properties)
    return f"  # Wikidata {named}" + (f"; retrieved {', '.join(dates)}" if dates else "")


_PLAIN_RE = re.compile(r"[^\W\d_][\w .'’()/-]*|https?://[\w.~%/()!*'@$&=+;?:-]+")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if _PLAIN_RE.fullmatch(text) and text == text.strip():
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) else json.dumps(key, ensure_ascii=False)


# -- validate -----------------------------------------------------------------------------


class BadDate(str):
    """An unquoted YAML date that is not a real date (2023-02-30); the plain loader would crash on it."""

    line: int = 0


class LineList(list):
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class _ValidatingLoader(_Loader):
    """factcheck's safe loader, plus lines of list items and impossible dates kept as BadDate."""


def _construct_sequence(loader: _ValidatingLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_sequence(node, deep=True))
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp(loader: _ValidatingLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        bad = BadDate(node.value)
        bad.line = node.start_mark.line + 1
        return bad


_ValidatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_ValidatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def read_records_yaml(path: Path) -> Any:
    """Parse a records file keeping lines everywhere; errors are UserErrors with file and line."""
    from factcheck.yamlfile import decode_utf8, read_bounded

    # bounded and non-blocking (a FIFO is refused), like every other YAML read
    text = decode_utf8(read_bounded(path, MAX_YAML_BYTES, "YAML file"), str(path))
    loader = None
    try:
        loader = _ValidatingLoader(text)
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise UserError(f"invalid YAML: {problem}", str(path), mark.line + 1 if mark else 1) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {' '.join(str(error).split())}", str(path), 1) from None
    except RecursionError:
        raise UserError("invalid YAML: nested too deeply", str(path), 1) from None
    finally:
        if loader is not None:
            loader.dispose()


_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC_KINDS = ("number", "ordinal", "duration", "money")


class Validator:
    """Collects every problem of a set of records files."""

    def __init__(self):
        from factcheck.rules import load_rule_set

        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # values kept but not compared: reported, never a failure
        self.records = 0
        self.ids: dict[str, str] = {}  # id → path:line
        self.names: dict[tuple[str, ...], tuple[str, str, str]] = {}  # folded name → (record id, text, path:line)
        _, self.vocabulary = load_rule_set([])

    def problem(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, max(1, int(line or 1)), message))

    def check_file(self, path: Path) -> None:
        name = str(path)
        try:
            data = read_records_yaml(path)
        except UserError as error:
            self.problem(name, error.line or 1, error.message)
            return
        if data is None:
            return
        if not isinstance(data, dict) or "entities" not in data:
            self.problem(name, getattr(data, "line", 1), "a records file must be a mapping with an 'entities:' list")
            return
        entities = data["entities"]
        if not isinstance(entities, list):
            self.problem(name, data.line_of("entities"), "'entities' must be a list")
            return
        for index, entity in enumerate(entities):
            line = entities.line_of(index) if isinstance(entities, LineList) else data.line_of("entities")
            self.check_entity(entity, name, line)

    def check_entity(self, entity: Any, path: str, line: int) -> None:
        if not isinstance(entity, LineDict):
            self.problem(path, line, "each entity must be a mapping with id, type and name")
            return
        self.records += 1
        for key in entity:
            if key not in ENTITY_KEYS:
                self.warn(path, entity.line_of(key), f"{key!r} beside the entity's name is read as a fact (facts usually go under 'facts:')")
        for key in REQUIRED_KEYS:
            if not isinstance(entity.get(key), (str, int)) or isinstance(entity.get(key), bool) or not str(entity[key]).strip():
                self.problem(path, entity.line_of(key), f"entity needs a non-empty text {key!r}")
        record_id = str(entity["id"]).strip() if isinstance(entity.get("id"), (str, int)) and not isinstance(entity.get("id"), bool) else None
        where = f"{path}:{entity.line_of('id')}"
        if record_id:
            if record_id in self.ids:
                self.problem(path, entity.line_of("id"), f"duplicate record id {record_id!r} (also at {self.ids[record_id]})")
            else:
                self.ids[record_id] = where
        names: list[tuple[str, int, str]] = []
        if isinstance(entity.get("name"), str) and entity["name"].strip():
            names.append((entity["name"].strip(), entity.line_of("name"), "name"))
        for key in ("aliases", "sources"):
            value = entity.get(key)
            if value is None or isinstance(value, str):
                if isinstance(value, str) and key == "aliases" and value.strip():
                    names.append((value.strip(), entity.line_of(key), "alias"))
                continue
            if not isinstance(value, list):
                self.problem(path, entity.line_of(key), f"{key!r} must be a list of texts")
                continue
            for index, item in enumerate(value):
                item_line = value.line_of(index) if isinstance(value, LineList) else entity.line_of(key)
                if not isinstance(item, str) or isinstance(item, BadDate):
                    self.problem(path, item_line, f"{key!r} must be a list of texts, not {_show(item)}")
                elif key == "aliases" and item.strip():
                    names.append((item.strip(), item_line, "alias"))
        self.check_names(record_id or f"(entity at line {entity.line})", names, path)
        facts = entity.get("facts")
        if facts is None:
            return
        if not isinstance(facts, LineDict):
            self.problem(path, entity.line_of("facts"), "'facts' must be a mapping of fact names to values")
            return
        entity_type = entity["type"].strip().lower() if isinstance(entity.get("type"), str) else ""
        for key, value in facts.items():
            self.check_fact(entity_type, str(key), value, path, facts.line_of(key))

    def check_names(self, record_id: str, names: list[tuple[str, int, str]], path: str) -> None:
        seen_here: set[tuple[str, ...]] = set()
        for text, line, what in names:
            key = name_key(text)
            if what == "alias" and is_common_word(text):
                self.problem(path, line, f"alias {text!r} of record {record_id!r} is a common word: it would link every {text!r} in an article")
                continue
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            other = self.names.get(key)
            if other is None:
                self.names[key] = (record_id, text, f"{path}:{line}")
            elif other[0] != record_id:
                self.problem(path, line, f"{what} {text!r} of record {record_id!r} is also a name of record {other[0]!r} ({other[2]}: {other[1]!r})")

    def check_fact(self, entity_type: str, key: str, value: Any, path: str, line: int) -> None:
        """Any YAML shape is read (factcheck.records.parse_facts); what cannot be compared is
        reported as a warning, and only what makes a value unreadable is a problem."""
        if isinstance(value, BadDate):
            self.problem(path, value.line or line, f"not a real date: {value}")
            return
        if isinstance(value, list):
            for index, item in enumerate(value):
                self.check_fact(entity_type, key, item, path, value.line_of(index) if isinstance(value, LineList) else line)
            return
        if isinstance(value, dict):
            if "value" in value:
                for qualifier, qualifier_value in value.items():
                    if qualifier != "value" and isinstance(qualifier_value, BadDate):
                        self.problem(path, qualifier_value.line, f"not a real date: {qualifier_value}")
                self.check_fact(entity_type, key, value["value"], path, value.line_of("value") if isinstance(value, LineDict) else line)
                return
            for sub_key, sub_value in value.items():
                sub_line = value.line_of(sub_key) if isinstance(value, LineDict) else line
                if isinstance(sub_value, BadDate):
                    self.problem(path, sub_value.line or sub_line, f"not a real date: {sub_value}")
                elif isinstance(sub_value, (dict, list)):
                    self.check_fact(entity_type, f"{key}.{sub_key}", sub_value, path, sub_line)
            return
        try:
            scalar = read_scalar(value, path, line, None, key)
        except UserError as error:
            self.problem(path, error.line or line, error.message)
            return
        self.check_scalar(entity_type, key, scalar, path, line)

    def warn(self, path: str, line: int, message: str) -> None:
        self.warnings.append(Problem(path, max(1, int(line or 1)), f"warning: {message}"))

    def check_scalar(self, entity_type: str, key: str, value: Any, path: str, line: int) -> None:
        spec = self.vocabulary.spec(entity_type, key)
        if spec is None or value is None:
            return
        if spec.value == "date" and not isinstance(value, (dt.date, int, DateValue)):
            self.warn(path, line, f"{key} is a date, but {_show(value)} is not one (kept as text, not compared): write YYYY-MM-DD or a year")
        elif spec.value in _NUMERIC_KINDS and (not isinstance(value, (int, float)) or isinstance(value, (dt.date, bool))):
            self.warn(path, line, f"{key} is a number, but {_show(value)} is not one (kept as text, not compared)")


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(str(value))
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return str(value)


@records_app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Records files, or folders of them.", show_default=False)],
) -> None:
    """Check records files: YAML, schema, dates, duplicate ids and names. Exit 1 on any problem."""
    files = find_record_files(paths)
    validator = Validator()
    for path in files:
        validator.check_file(path)
    order = {str(path): index for index, path in enumerate(files)}
    problems = sorted(set(validator.problems), key=lambda p: (order.get(p.path, 0), p.line, p.message))
    shown = sorted(set(validator.problems) | set(validator.warnings), key=lambda p: (order.get(p.path, 0), p.line, p.message))
    for problem in shown:
        sys.stdout.write(f"{for_terminal(str(problem))}\n")
    count = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    if problems:
        sys.stderr.write(f"factcheck: {len(problems)} problem{'s' if len(problems) != 1 else ''} in {count}\n")
        raise typer.Exit(1)
    warned = f" ({len(validator.warnings)} warning{'s' if len(validator.warnings) != 1 else ''})" if validator.warnings else ""
    sys.stdout.write(f"OK: {validator.records} record{'s' if validator.records != 1 else ''} in {count}, no problems{warned}\n")


# -- show ---------------------------------------------------------------------------------


@records_app.command()
def show(
    id_or_name: Annotated[str, typer.Argument(metavar="ID_OR_NAME", help="A record id, or a name or alias.", show_default=False)],
    records: Annotated[Optional[list[Path]], typer.Option("--records", "-r", metavar="PATH", help="A records YAML file or a folder of them (repeatable).")] = None,
    packs: Annotated[Optional[list[Path]], typer.Option("--pack", metavar="PACK", help="A knowledge pack (`records build`): its item by Q-id, or its items with this name (repeatable).")] = None,
    online: Annotated[bool, typer.Option("--online", help="Also look the entity up on Wikidata (cached).")] = False,
    offline: OfflineOption = False,
    wikidata_url: WikidataUrlOption = None,
    cache_dir: CacheDirOption = None,
) -> None:
    """Print what is known about an entity, and where each fact comes from."""
    if not records and not packs and not (online or offline):
        raise UserError("say where to look: --records PATH, --pack PACK and/or --online")
    found: list[Record] = []
    if records:
        record_set = load_records(records)
        if id_or_name in record_set.by_id:
            found.append(record_set.by_id[id_or_name])
        else:
            for record, _ in record_set.by_name.get(name_key(id_or_name), []):
                if record not in found:
                    found.append(record)
    if packs:
        from factcheck.packs import open_packs

        for pack in open_packs(packs):
            found.extend(pack.find(id_or_name))  # after the local records, as `check` looks them up
    for record in found:
        _print_record(record, _fact_lines(record))
    if online or offline:
        source = _source(wikidata_url, cache_dir, offline)
        try:
            record = source.pull(id_or_name)
        except UserError as error:
            if not found:
                raise
            _warn(str(error))
            return
        finally:
            source.close()
        if found:
            sys.stdout.write("\n")
        _print_record(record, {})
        return
    if not found:
        raise UserError(f"no record has the id or name {id_or_name!r} (add --online to look it up on Wikidata)")


def _fact_lines(record: Record) -> dict[str, str]:
    """path:line of each fact of a record loaded from a file."""
    path, _, line = record.origin.rpartition(":")
    if not path or not line.isdigit():
        return {}
    try:
        data = read_records_yaml(Path(path))
    except UserError:
        return {}
    entities = data.get("entities") if isinstance(data, dict) else None
    for entity in entities if isinstance(entities, list) else []:
        if isinstance(entity, LineDict) and entity.line == int(line) and isinstance(entity.get("facts"), LineDict):
            facts = entity["facts"]
            lines = {str(key): f"{path}:{facts.line_of(key)}" for key in facts}
            # a sub-fact (awards.golden_ball) is shown at its parent's line
            return {key: lines.get(key, lines.get(key.split(".", 1)[0], "")) for key in record.facts} | lines
    return {}


class _SafeOut:
    """stdout for what records hold: controls shown, never sent to the terminal."""

    def write(self, text: str) -> None:
        sys.stdout.write(for_terminal(text, keep_newlines=True))


def _print_record(record: Record, lines: dict[str, str]) -> None:
    out = _SafeOut()
    wikidata = record.origin.startswith("wikidata:")
    qid = record.origin.split(":", 1)[1] if wikidata else ""
    pack, _, pack_item = record.origin.partition(": ")
    if not wikidata and re.fullmatch(r"Q\d+", pack_item):  # a knowledge pack's item: "films.fcpack: Q65767901"
        wikidata, qid = True, pack_item
    out.write(f"{record.id} ({record.type}): {record.name}\n")
    # the page of the server that served it (a mirror, --wikidata-url), as the record keeps it
    page = next((s for s in record.sources if s.endswith(f"/wiki/{qid}")), ITEM_URL_FORMAT.format(qid))
    out.write(f"  from: {('Wikidata ' + page + (f' in the pack {pack}' if pack_item else '')) if wikidata else record.origin}\n")
    if record.aliases:
        out.write(f"  aliases: {'; '.join(record.aliases)}\n")
    for source in record.sources:
        out.write(f"  source: {source}\n")
    for key, values in record.facts.items():
        shown = "; ".join(_describe(value) for value in values)
        if wikidata:
            properties = list(dict.fromkeys(str(v.qualifiers.get("property")) for v in values if v.qualifiers.get("property")))
            dates = sorted({str(v.qualifiers["retrieved"]) for v in values if v.qualifiers.get("retrieved")})
            where = f"Wikidata {qid} {', '.join(properties)}" + (f", retrieved {', '.join(dates)}" if dates else "")
        else:
            where = lines.get(key, record.origin)
        out.write(f"  {key} = {shown}    [{where}]\n")


ITEM_URL_FORMAT = "https://www.wikidata.org/wiki/{}"


def _describe(value: FactValue) -> str:
    text = value.value.isoformat() if isinstance(value.value, dt.date) else \
        str(FactValue(value.value)) if isinstance(value.value, DateValue) else str(value.value)
    notes = [f"{v}" if k in ("region", "place", "status") else f"{k} {v}" for k, v in _content(value).items()
             if k not in ("region_code",) and not (k == "unit" and v in ("date", "year"))]
    return f"{text} ({', '.join(notes)})" if notes else text


# -- build --------------------------------------------------------------------------------


def _size(text: str) -> int:
    """"256M", "64k", "1G" or a number of bytes."""
    match = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*", text)
    if not match:
        raise typer.BadParameter(f"{text!r} is not a size (a number of bytes, or with K, M or G)")
    return int(match[1]) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[match[2].lower()]


@records_app.command()
def build(
    dumps: Annotated[list[Path], typer.Argument(metavar="DUMP...", help="Wikidata JSON dumps: latest-all.json.gz or .bz2, plain .json, or wikibase-dump-filter's NDJSON.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="PACK", help="The pack to write (e.g. films-2026-11.fcpack); replaced in one rename when it is complete.", show_default=False)],
    types: Annotated[Optional[list[str]], typer.Option("--type", "-t", metavar="TYPE", help="Keep items of this type (repeatable): film, person, organisation, event, place, product. [default: all]", show_default=False)] = None,
    dump_date: Annotated[Optional[str], typer.Option("--dump-date", metavar="YYYY-MM-DD", help="The dump's date (default: the date in its file name, else its entities' latest 'modified').")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="Build on this Dask scheduler's workers (tcp://HOST:8786); they need the dumps and the work folder at the same paths.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", metavar="N", min=1, max=1024, help="Build on a local Dask cluster of N worker processes (default: in this process, one partition after another).")] = None,
    partition_size: Annotated[str, typer.Option("--partition-size", metavar="SIZE", help="Bytes of dump per partition, the unit of work and of resumption (256M; a gzip file is always one).")] = "256M",
    work: Annotated[Optional[Path], typer.Option("--work", metavar="DIR", help="The work folder of finished partitions (default: PACK.work beside the pack).")] = None,
    restart: Annotated[bool, typer.Option("--restart", help="Discard the partitions an earlier build with other settings left, and start over.")] = False,
    keep_work: Annotated[bool, typer.Option("--keep-work", help="Keep the work folder after the pack is written.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line; warnings still go to stderr.")] = False,
) -> None:
    """Build a knowledge pack from Wikidata dumps: the items of the types asked for, mapped as `pull` maps them."""
    from factcheck import packs

    date = None
    if dump_date is not None:
        try:
            date = dt.date.fromisoformat(dump_date)
        except ValueError:
            raise UserError(f"--dump-date: {dump_date!r} is not a YYYY-MM-DD date") from None
    from factcheck.cli import _installed

    if (scheduler or workers) and not _installed("dask", "distributed"):
        raise UserError("--scheduler and --workers need Dask, an optional extra: pip install 'factcheck[audit]'")
    options = packs.BuildOptions(
        dumps=dumps, output=output, types=[t.strip().lower() for t in types or []], dump_date=date, scheduler=scheduler,
        workers=workers, partition_bytes=_size(partition_size), work=work, restart=restart, keep_work=keep_work,
    )
    result = packs.build(options, say=lambda line: sys.stderr.write(f"factcheck: {line}\n"))
    for line in result.warnings[:packs.MAX_WARNINGS_SHOWN]:
        _warn(for_terminal(line))
    if len(result.warnings) > packs.MAX_WARNINGS_SHOWN:
        _warn(f"… and {len(result.warnings) - packs.MAX_WARNINGS_SHOWN} more")
    if not quiet:
        manifest = result.manifest
        resumed = f", {result.resumed} of {len(packs.PHASES) * result.partitions} partition tasks resumed" if result.resumed else ""
        warned = f", {len(result.warnings)} warning{'s' if len(result.warnings) != 1 else ''}" if result.warnings else ""
        sys.stderr.write(f"factcheck: wrote {output}: {manifest['items']:,} of {result.entities:,} items ({', '.join(manifest['types'])}) "
                         f"from the dump of {manifest['dump_date']}{resumed}{warned}\n")
