"""person-event-year: a year the article gives an event of a person's record that the record dates otherwise.

People's records keep what they won, and when, in many shapes: `majors: ["2015 Evian Championship
(September 2015)", …]`, `grand_slam_singles_titles: {2021: French Open, 2024: Wimbledon}`,
`french_open_title: 1976`. Each gives an event's name (two words or more) and the years the person
had it. A sentence that names the person and writes that event with a year right beside it ("the 2016 Evian
Championship", "her 2022 French Open victory", "Adriano Panatta at the 1977 French Open") must give
one of those years. An event recurs every year, so only the person's own record decides, and a
sentence naming two people who both have the event is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.facts import describe_key
from factcheck.model import Analysis, Evidence, Record

_YEAR = r"(1[89]\d\d|20\d\d)"
_NAME = r"((?:[A-Z][\w'’.-]*|of|in|the|de|du)(?:\s+(?:[A-Z][\w'’.-]*|of|in|the|de|du))*\s+[A-Z][\w'’.-]*)"
_YEAR_THEN_NAME = re.compile(rf"(?:^|[\s,;(])\s*{_YEAR}\s+{_NAME}")  # "2015 Evian Championship", "T75, 2021 PGA Championship"
_NAME_THEN_YEAR = re.compile(rf"^\s*{_NAME}\s*(?:,|\(|\s)\s*(?:[A-Z][a-z]+\s+)?{_YEAR}\b")
# the words of a key that say what was won, not which event: `french_open_title` is the French Open
_ROLE_WORDS = {"title", "titles", "win", "wins", "won", "year", "years", "victory", "victories", "champion", "championship_year",
               "winner", "crown", "trophy"}


# a key's words that say what a person held at the time its year gives, not an event of that year
_HELD_WORDS = {"office", "role", "position", "post", "job", "employer", "team", "club", "party", "seat", "rank"}


def run(analysis: Analysis, rule) -> Iterator:
    people = {link.record.id: link.record for link in analysis.links if link.record.type == "person" and link.exact}
    if not people:
        return
    # each person's events, read once for the run; less any named as a person the article itself adds
    events = analysis.records.facts_memo("person-event-year:events", _events_by_person)
    added_people = {_folded(name) for record in analysis.records.added if record.type == "person" for name in record.names}
    dated = {rid: pairs for rid in people
             if (pairs := {name: years for name, years in events.get(rid, {}).items() if name not in added_people})}
    if not dated:
        return
    text = analysis.document.text
    for index, sentence in enumerate(analysis.sentences):
        here = {link.record.id for link in analysis.links if sentence.start <= link.start < sentence.end and link.record.id in people}
        holders = [rid for rid in here if rid in dated]
        if not holders and not here and not analysis.mentions_in(sentence.start, sentence.end, "person"):
            # a sentence that names no one ("she won the 2016 Evian Championship") tells of the one person
            # the sentence before names (tried: the person named last anywhere before — "The 28-year-old from
            # Denver … His best finish …" told of another golfer than the one named paragraphs before)
            before = analysis.sentences[index - 1] if index else None
            named = {link.record.id for link in analysis.links
                     if before is not None and before.start <= link.start < before.end and link.record.id in people}
            holders = list(named) if len(named) == 1 and named <= set(dated) else []
        if not holders:
            continue
        said = text[sentence.start:sentence.end]
        for name in {name for rid in holders for name in dated[rid]}:
            owners = [rid for rid in holders if name in dated[rid]]
            for match in _beside(name, said):
                year = int(match)
                if any(year in dated[rid][name] for rid in owners) or len(owners) != 1:
                    continue
                record = people[owners[0]]
                years = sorted(dated[owners[0]][name])
                start = sentence.start + said.index(match, max(0, said.lower().find(name) - 12))
                yield rule.finding(
                    rule.message("year", person=record.name, event=_shown(name), recorded=" and ".join(map(str, years)), stated=match),
                    start, start + 4, match, suggestion=str(years[0]) if len(years) == 1 else None,
                    evidence=Evidence(record=record.id, fact=_shown(name), value=", ".join(map(str, years)), source=record.origin),
                )


def _beside(name: str, sentence: str) -> list[str]:
    """The years written right beside the event's name: "2016 Evian Championship", "her 2022 French Open
    victory", "the French Open in 1977", "French Open (1977)"."""
    # (an initialism with or without its points: the records' "US Open" is the copy's "U.S. Open")
    words = r"\s+".join(r"\.?".join(re.escape(c) for c in w) + r"\.?" if len(w) <= 3 and w.isalpha() else re.escape(w)
                        for w in name.split())
    pattern = re.compile(rf"\b{_YEAR}\s+(?:the\s+)?{words}\b|\b{words}\s*(?:\(|,\s*|\s+in\s+)(?:\w+\s+)?{_YEAR}\b", re.IGNORECASE)
    return [match.group(1) or match.group(2) for match in pattern.finditer(sentence)]


def _events_by_person(records: list[Record]) -> dict[str, dict[str, set[int]]]:
    """Every person record's events (see _events), by record id: built once for the run."""
    person_names = {_folded(name) for record in records if record.type == "person" for name in record.names}
    return {record.id: events for record in records if record.type == "person" and (events := _events(record, person_names))}


def _folded(name: str) -> str:
    return " ".join(name.lower().split())


def _events(record: Record, person_names: set[str]) -> dict[str, set[int]]:
    """The events a person's record dates: lower-case name (two words or more, no person's) → years."""
    found: dict[str, set[int]] = {}

    def add(name: str, year: int) -> None:
        name = _folded(name)
        if len(name.split()) >= 2 and name not in person_names:  # `running_mate_2022: Geraldo Alckmin` dates no event
            found.setdefault(name, set()).add(year)

    keyed_years: list[tuple[str, int]] = []
    for fact, values in record.facts.items():
        parent, _, leaf = fact.rpartition(".")
        # (`us_open_2002_venue`: the year inside the key, what follows it says what of that event is kept)
        keyed = re.fullmatch(r"(?:(?P<before>[a-z_]+?)_(?P<year>1[89]\d\d|20\d\d)(?:_[a-z_]+)?|(?P<year2>1[89]\d\d|20\d\d)_(?P<after>[a-z_]+))",
                             fact.split(".")[0])
        if keyed:
            # `french_open_2019: runner-up to Ashleigh Barty`: the key itself dates the event for the person —
            # another year of an event the values name, never an event of its own
            keyed_years.append(((keyed["before"] or keyed["after"]).replace("_", " "), int(keyed["year"] or keyed["year2"])))
        for value in values:
            if isinstance(value.value, str):
                year = value.qualifiers.get("year")
                if isinstance(year, int) and _HELD_WORDS & set(describe_key(leaf).words):
                    continue  # `office_in_july_2021: Brooklyn Borough President`: what the person held then, since any year
                if isinstance(year, int) and re.fullmatch(r"[A-Z][\w'’ .-]+", value.value.strip()):
                    add(value.value, year)  # {2021: French Open}, read as French Open with its year
                    continue
                for pattern in (_YEAR_THEN_NAME, _NAME_THEN_YEAR):
                    match = pattern.search(value.value)
                    if match:
                        year, name = (match.group(1), match.group(2)) if pattern is _YEAR_THEN_NAME else (match.group(2), match.group(1))
                        add(name, int(year))
                        break
            elif isinstance(value.value, int) and not isinstance(value.value, bool) and 1800 <= value.value <= 2100 and not parent:
                words = [w for w in leaf.split("_") if w and w not in _ROLE_WORDS]
                if len(words) >= 2 and len(words) < len(leaf.split("_")):
                    add(" ".join(words), value.value)  # `french_open_title: 1976`
            elif isinstance(value.value, int) and not isinstance(value.value, bool) and 1800 <= value.value <= 2100 \
                    and "." not in parent and set(parent.split("_")) & _ROLE_WORDS and len(leaf.split("_")) >= 2:
                add(leaf.replace("_", " "), value.value)  # `grand_slam_singles_titles: {french_open: 1976}`
    undotted = {name.replace(".", ""): name for name in found}  # `us_open_2002_venue` is the "2008 U.S. Open"'s event
    for name, year in keyed_years:
        if _folded(name) in found:
            add(name, year)
        elif _folded(name) in undotted:
            add(undotted[_folded(name)], year)
    return found


def _shown(name: str) -> str:
    words = name.split()
    if words[0] == "the":
        words = words[1:]  # "The Piano": the message says "the" itself
    # (a two-letter initialism in capitals: "US Open", "UK Championship")
    return " ".join(w if w in ("of", "in", "the", "de", "du") else w.upper() if w in _INITIALISMS else w.capitalize()
                    for w in words)


_INITIALISMS = {"us", "uk", "eu", "un", "pga", "nba", "nfl", "nhl", "ufc", "wba", "wbc", "ibf", "wbo", "fa", "atp", "wta"}


KIND = CheckKind(
    name="person-event-year",
    run=run,
    summary="a year given to an event of a person's record that the record dates otherwise",
    messages=("year",),
)
