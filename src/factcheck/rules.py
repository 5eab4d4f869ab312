"""Rules and the fact vocabulary: YAML data in `rules/`, validated on load.

A rule names one of the Python check kinds in `factcheck.checks.KINDS` and
gives it parameters; it carries its own examples that must and must not fire.
The fact vocabulary (`rules/facts/*.yaml`) says which words in a sentence tie a
value to which fact of which type of entity.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.model import Severity
from factcheck.text import name_key
from factcheck.yamlfile import LineDict, load_yaml

RULE_KEYS = {"id", "kind", "severity", "summary", "description", "params", "messages", "examples"}
VALUE_KINDS = {"date", "number", "ordinal", "duration", "money", "quantity", "person", "person-list", "text"}
FACT_KEYS = {"label", "value", "triggers", "adjacent", "topic", "unit", "currency", "blockers"}
_RULE_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$")


@dataclass(frozen=True)
class Example:
    text: str
    finds: tuple[str, ...] = ()  # the spans the rule must report; empty for a passing example
    published: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    summary: str
    description: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    failing: tuple[Example, ...] = ()
    passing: tuple[Example, ...] = ()
    example_records: str = ""  # YAML text in the records schema
    example_published: str | None = None
    origin: str = ""
    # message templates a newsroom may reword: name → text with {placeholders} the check kind fills
    messages: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def message(self, template: str, /, **values: Any) -> str:
        """The rule's message `template` (from its YAML) filled with `values`."""
        return self.messages[template].format(**values)

    def finding(self, message: str, start: int, end: int, text: str, severity: Severity | None = None, **rest: Any):
        """A Finding of this rule, at its severity (or the one a parameter gives a kind of finding)."""
        from factcheck.model import Finding

        return Finding(rule=self.id, severity=severity or self.severity, message=message, start=start, end=end, text=text, **rest)


@dataclass(frozen=True)
class FactSpec:
    entity_type: str
    key: str
    label: str
    value: str
    triggers: tuple[tuple[str, ...], ...]
    adjacent: bool = False
    topic: bool = False
    unit: str | None = None
    # words that, between the trigger and the value, show the value is about something else
    blockers: tuple[tuple[str, ...], ...] = ()
    # triggers whose value stands on one side only: {("won",): "before"} — "Brandt won", not "won … after Ferro's"
    directions: dict[tuple[str, ...], str] = field(default_factory=dict, hash=False, compare=False)
    derived: bool = False  # read from a record's key (factcheck.facts.derived_specs), not from the vocabulary
    # word stems one of which the sentence must use, for a key narrower than its words: the list a
    # sub-key belongs to (eurovision_wins.points) or what follows a preposition (goals_in_world_cup_finals)
    context: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    facts: list[FactSpec] = field(default_factory=list)
    type_nouns: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key, build):
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]

    def spec(self, entity_type: str, key: str) -> FactSpec | None:
        specs = self.memo("specs", lambda: {(s.entity_type, s.key): s for s in self.facts})
        return specs.get((entity_type, key))

    def for_records(self, records) -> "Vocabulary":
        """This vocabulary and a spec for every fact of `records` it does not describe: the records'
        own words. Built once per record set (records and vocabulary do not change after loading)."""
        from factcheck.facts import borrowed_specs, derived_specs

        def build() -> "Vocabulary":
            borrowed, nouns_from = borrowed_specs(records.records, self.facts)
            facts = self.facts + borrowed
            known = {(spec.entity_type, spec.key) for spec in facts}
            extra = derived_specs(records.records, known)
            # a type's own name refers back to it ("the deal", "the club"), and a type that borrows
            # another's facts borrows its nouns ("the mission" for a mission filed as an event)
            nouns = {kind: set(words) for kind, words in self.type_nouns.items()}
            for kind in {record.type for record in records.records}:
                nouns.setdefault(kind, set()).add(name_key(kind))
            for kind, sources in nouns_from.items():
                for source in sources:
                    nouns[kind] |= self.type_nouns.get(source, set())
            return Vocabulary(facts + extra, nouns)

        owner = records.facts_owner()
        if owner is not records:
            # the article's own names add records without facts: the loaded records' vocabulary, and
            # the type nouns of any type they bring
            shared = self.for_records(owner)
            new_types = {record.type for record in records.added} - set(shared.type_nouns)
            if not new_types:
                return shared
            return records.memo(("vocabulary", id(self)), lambda: Vocabulary(
                shared.facts, {**shared.type_nouns, **{kind: {name_key(kind)} for kind in new_types}}))
        return records.memo(("vocabulary", id(self)), build)

    def label(self, key: str) -> str:
        for spec in self.facts:
            if spec.key == key:
                return spec.label
        return key.replace("_", " ")


def builtin_rules_dir() -> Path:
    """The rules shipped in the wheel, or the checkout's top-level rules/ in development."""
    packaged = Path(str(importlib.resources.files("factcheck"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def load_rule_set(extra_dirs: Iterable[Path] = ()) -> tuple[list[Rule], Vocabulary]:
    directories = [builtin_rules_dir(), *extra_dirs]
    rules: dict[str, Rule] = {}
    vocabulary = Vocabulary()
    for directory in directories:
        if not directory.is_dir():
            raise UserError("rules directory does not exist", str(directory))
        for path in sorted(directory.glob("facts/*.y*ml")):
            _add_vocabulary(vocabulary, load_yaml(path), str(path))
        for path in sorted(directory.glob("*.y*ml")):
            rule = parse_rule(load_yaml(path), str(path))
            if rule.id in rules and directory == directories[0]:
                raise UserError(f"duplicate rule id {rule.id!r} (also in {rules[rule.id].origin})", str(path), 1)
            rules[rule.id] = rule  # a newsroom's rule of the same id replaces the built-in one
    return list(rules.values()), vocabulary


def parse_rule(data: Any, path: str) -> Rule:
    from factcheck.checks import KINDS

    if not isinstance(data, LineDict):
        raise UserError("a rule file must be a mapping with id, kind, severity and summary", path, 1)
    for key in data:
        if key not in RULE_KEYS:
            raise UserError(f"unknown rule key {key!r} (allowed: {', '.join(sorted(RULE_KEYS))})", path, data.line_of(key))
    for key in ("id", "kind", "severity", "summary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise UserError(f"rule needs a text {key!r}", path, data.line_of(key))
    rule_id = data["id"].strip()
    if not _RULE_ID_RE.match(rule_id):
        raise UserError(f"rule id {rule_id!r} must be lower-case words joined by '-'", path, data.line_of("id"))
    kind = data["kind"].strip()
    if kind not in KINDS:
        raise UserError(f"unknown check kind {kind!r} (known: {', '.join(sorted(KINDS))})", path, data.line_of("kind"))
    try:
        severity = Severity.parse(data["severity"].strip())
    except KeyError:
        raise UserError(f"severity must be error, warning or info, not {data['severity']!r}", path, data.line_of("severity")) from None
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise UserError("'params' must be a mapping", path, data.line_of("params"))
    KINDS[kind].validate(params, path, data.line_of("params"))
    messages = data.get("messages") or {}
    if not isinstance(messages, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in messages.items()):
        raise UserError("'messages' must be a mapping of names to texts", path, data.line_of("messages"))
    messages = {**KINDS[kind].fallback_messages, **messages}
    for name in KINDS[kind].messages:
        if name not in messages:
            raise UserError(f"rule of kind {kind!r} needs a message {name!r} under 'messages:'", path, data.line_of("messages"))
    examples = data.get("examples") or LineDict()
    failing, passing, records, published = _parse_examples(examples, path, data.line_of("examples"))
    return Rule(
        id=rule_id,
        kind=kind,
        severity=severity,
        summary=data["summary"].strip(),
        description=str(data.get("description") or "").strip(),
        params=dict(params),
        failing=failing,
        passing=passing,
        example_records=records,
        example_published=published,
        origin=path,
        messages={str(k): str(v) for k, v in messages.items()},
    )


def _parse_examples(examples: Any, path: str, line: int):
    if not isinstance(examples, dict):
        raise UserError("'examples' must be a mapping with fail: and pass: lists", path, line)
    published = examples.get("published")
    published = str(published) if published is not None else None
    records = examples.get("records") or ""
    if not isinstance(records, str):
        raise UserError("examples 'records' must be YAML text (use records: |)", path, examples.line_of("records"))
    failing = []
    for item in examples.get("fail") or []:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise UserError("a failing example needs 'text:' and 'finds:'", path, getattr(item, "line", line))
        finds = item.get("finds")
        finds = [finds] if isinstance(finds, str) else list(finds or [])
        if not finds or not all(isinstance(f, str) and f in item["text"] for f in finds):
            raise UserError("each 'finds:' of a failing example must be a part of its text", path, item.line_of("finds"))
        failing.append(Example(item["text"], tuple(finds), _published(item)))
    passing = []
    for item in examples.get("pass") or []:
        if isinstance(item, str):
            passing.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            passing.append(Example(item["text"], (), _published(item)))
        else:
            raise UserError("a passing example is a text or a mapping with 'text:'", path, getattr(item, "line", line))
    return tuple(failing), tuple(passing), records, published


NO_DATE = "none"  # an example that says `published: null` is checked without a publication date


def _published(item: dict) -> str | None:
    if "published" in item and item["published"] is None:
        return NO_DATE
    value = item.get("published")
    return str(value) if value is not None else None


def _add_vocabulary(vocabulary: Vocabulary, data: Any, path: str) -> None:
    for key in data if isinstance(data, dict) else []:
        if key not in ("type", "type_nouns", "facts", "blockers"):
            raise UserError(f"unknown vocabulary key {key!r} (allowed: type, type_nouns, blockers, facts)", path, data.line_of(key))
    if not isinstance(data, LineDict) or not isinstance(data.get("type"), str) or not isinstance(data.get("facts"), dict):
        raise UserError("a fact vocabulary needs 'type:' and a 'facts:' mapping", path, 1)
    entity_type = data["type"].strip().lower()
    nouns = vocabulary.type_nouns.setdefault(entity_type, set())
    for noun in data.get("type_nouns") or []:
        nouns.add(name_key(str(noun)))
    shared_blockers = tuple(name_key(str(b)) for b in data.get("blockers") or [] if name_key(str(b)))
    facts = data["facts"]
    for key, spec in facts.items():
        line = facts.line_of(key)
        if not isinstance(spec, LineDict):
            raise UserError(f"fact {key!r} must be a mapping with value and triggers", path, line)
        for field_name in spec:
            if field_name not in FACT_KEYS:
                raise UserError(f"unknown fact key {field_name!r} (allowed: {', '.join(sorted(FACT_KEYS))})", path, spec.line_of(field_name))
        if spec.get("value") not in VALUE_KINDS:
            raise UserError(f"fact {key!r}: value must be one of {', '.join(sorted(VALUE_KINDS))}", path, spec.line_of("value"))
        triggers = spec.get("triggers")
        directions: dict[tuple[str, ...], str] = {}
        words: list[str] = []
        for trigger in triggers if isinstance(triggers, list) else []:
            if isinstance(trigger, dict):
                # {words: won, value: before}: the value stands on that side of the trigger
                if not isinstance(trigger.get("words"), str) or trigger.get("value") not in ("before", "after"):
                    raise UserError(f"fact {key!r}: a trigger mapping needs 'words:' and 'value: before|after'", path, getattr(trigger, "line", spec.line_of("triggers")))
                directions[trigger_key(trigger["words"])] = trigger["value"]
                trigger = trigger["words"]
            words.append(trigger)
        triggers = words
        if not triggers or not all(isinstance(t, str) and name_key(t.rstrip("*")) for t in triggers):
            raise UserError(f"fact {key!r}: triggers must be a list of words or phrases", path, spec.line_of("triggers"))
        vocabulary.facts.append(
            FactSpec(
                entity_type=entity_type,
                key=str(key),
                label=str(spec.get("label") or key).strip(),
                value=spec["value"],
                triggers=tuple(trigger_key(t) for t in triggers),
                adjacent=bool(spec.get("adjacent")),
                topic=bool(spec.get("topic")),
                unit=spec.get("unit"),
                blockers=shared_blockers + tuple(name_key(str(b)) for b in spec.get("blockers") or [] if name_key(str(b))),
                directions=directions,
            )
        )


def trigger_key(trigger: str) -> tuple[str, ...]:
    key = name_key(trigger.rstrip("*"))
    if trigger.endswith("*"):
        key = key[:-1] + (key[-1] + "*",)
    return key


def expand_rule_selectors(selectors: Iterable[str], known: Iterable[str], where: str | None = None) -> set[str]:
    """Rule ids for selectors (ids, "prefix-" or comma lists); an unknown one is a UserError with
    the nearest ids ("did you mean …")."""
    from factcheck.errors import UserError

    known = list(known)
    found: set[str] = set()
    for selector in selectors:
        for part in (p.strip() for p in str(selector).split(",")):
            if not part:
                continue
            matches = [rule_id for rule_id in known if rule_id == part or (part.endswith("-") and rule_id.startswith(part))]
            if not matches:
                raise UserError(unknown_rule_message(part, known, " in the config" if where else ""), where)
            found.update(matches)
    return found


def unknown_rule_message(rule_id: str, known: Iterable[str], where: str = "") -> str:
    """"unknown rule 'name-near-mis'; did you mean 'name-near-miss'? `factcheck rules` lists them"."""
    import difflib

    near = difflib.get_close_matches(rule_id, list(known), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(n) for n in near)}? " if near else ""
    return f"unknown rule {rule_id!r}{where}; {hint}`factcheck rules` lists them"
