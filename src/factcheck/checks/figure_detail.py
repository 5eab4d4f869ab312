"""figure-detail: a year or a person told with a figure the records give with another.

Records keep a figure together with who set it and when: `previous_chicago_men_world_record: "Khalid
Khannouchi 2:05:42 (1999)"`, `run: {time: "2:36:15", holder: Gustav Iden, year: 2022}`,
`mens_200m_final: {silver: "Erriyon Knighton 19.75"}`. A figure that distinct — a race time or a
clock reading ("2:05:42"), or a decimal written to two places or more ("19.75") — ties the clause
that writes it to that one item of the records, named or not: the year the clause gives it ("ran
2:05:42 here in 1998") must be the item's, and so must the person it credits with it ("the course
record of 2:03:45, set by Wilson Kipsang in 2013" of Dennis Kimetto's). A figure two items share, or
one of an item with no year or no person, says nothing; nor does a person named with the figure when
the item's own person is named in the sentence too.

Two proper names of a records' text that dates one thing to its month (`became_undisputed: "November
1999, rematch win over Evander Holyfield in Las Vegas"`, the record's own name counting as one) tie a
sentence to it the same way: "… beat Evander Holyfield in a rematch in Las Vegas in November 1990".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks._common import MONTH, half_last_digit, same_name
from factcheck.checks.base import CheckKind
from factcheck.facts import fact_key_words, unit_name, units
from factcheck.lexicon import TEMPERATURES
from factcheck.model import Analysis, DateValue, Evidence, Finding, Record, format_number

# a race time or a clock reading ("2:05:42", "1:43:33", "14:54.11"), or a decimal to two places or more ("19.75")
_FIGURE = re.compile(r"(?<![\d:.,])(?:\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,3})?|\d{1,3}\.\d{2,3})(?![\d:]|\.\d)")
_YEAR = re.compile(r"(?<!\d)(?<!\d[.,:])(1[89]\d\d|20\d\d)(?!\d|[.,:]\d)")
# a person's name: two to four capitalised words, joined by the particles names carry
_PERSON = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]+(?:\s+(?:de|da|dos|van|von|der|le|la|di|del|[A-Z][\w’'.-]+)){0,2}\s+[A-Z][\w’'-]+")
# words that make a capitalised name a place's or a thing's, not a person's: "Snaefell Mountain Course, 37.73 miles"
_THING_WORDS = re.compile(r"\b(?:Course|Circuit|Stadium|Park|Hall|Bridge|Street|Road|Airport|Station|River|Mountain|Lake|Island|"
                          r"University|College|Museum|Centre|Center|Race|Cup|Championships?|Prize|Award|Grand|Prix|Trophy|Games|"
                          r"Open|Marathon|Final|League|Club|Arena|Theatre|Theater|Company|Group|Inc|Ltd|Bank|Ministry)\b")
# sub-keys that hold who did it
_WHO_KEYS = {"holder", "athlete", "winner", "runner", "player", "driver", "rider", "name", "by", "set_by", "champion",
             "skater", "swimmer", "cyclist", "jockey", "scorer", "record_holder", "who", "person"}
# a month and its year, as a text dates one thing: "in November 1999"
_MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b")
# … or a length of time told to the minute ("74 days, 3 hours and 35 minutes", "74d 3h 35m 46s"), matched to the minute
_DURATION = re.compile(r"(?<![\w.])(?P<d>\d{1,3})\s*(?:d|days?)\b,?\s*(?:and\s+)?(?P<h>\d{1,2})\s*(?:h|hrs?|hours?)\b,?\s*(?:and\s+)?"
                       r"(?P<m>\d{1,2})\s*(?:m|mins?|minutes?)\b(?:,?\s*(?:and\s+)?\d{1,2}\s*(?:s|secs?|seconds?)\b)?", re.IGNORECASE)
# a time told in words to the second: "10min 56sec", "1hr 43min 53sec", "3 minutes and 27 seconds" — the same time as
# "10:56" and "1:43:53"
_TO_THE_SECOND = re.compile(r"(?<![\w.:])(?:(?P<h>\d{1,2})\s*(?:h|hrs?|hours?)\b,?\s*(?:and\s+)?)?(?P<m>\d{1,2})\s*(?:m|mins?|minutes?)\b,?\s*"
                            r"(?:and\s+)?(?P<s>\d{1,2})\s*(?:s|secs?|seconds?)\b", re.IGNORECASE)


def _clock(match: re.Match) -> str:
    """The time as a clock writes it: "10min 56sec" → "10:56", "1hr 43min 53sec" → "1:43:53"."""
    minutes_seconds = f"{int(match['m']):02d}:{int(match['s']):02d}"
    return f"{int(match['h'])}:{minutes_seconds}" if match["h"] else f"{int(match['m'])}:{int(match['s']):02d}"


# the keys of a record that date the figure it keeps at its top level (`time`, `year_set`), not the record's own thing
_DATING_KEY = re.compile(r"(?:^|_)(?:year|date|set|when|season)(?:$|_)")
_NOT_DATING = re.compile(r"born|birth|died|death|founded|established")
# a year the clause gives its figure: "ran 2:05:42 here in 1998", "2:03:45, set by … in 2013", "19.75 (2023)"
_YEAR_AFTER = re.compile(r"^[^;:.!?—–]{0,80}?(?:\bin\s+(?:[A-Z][a-z]+\s+)?|\(\s*|,\s+)(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class FigureItem:
    """One thing the records keep with a distinct figure: the figure as written, and the years and people kept with it."""
    record: Record
    fact: str
    figures: tuple[str, ...]
    years: tuple[int, ...]
    people: tuple[str, ...]
    names: tuple[str, ...] = ()  # for an item with no figure: the proper names that tie a sentence to it
    written: str = ""  # … and the records' text that names them


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    yield from _figures_of_a_day(analysis, rule)
    items = analysis.records.facts_memo("figure-detail:items", _items)
    if not items:
        return
    yield from _named_items_told(analysis, rule, [item for item in items if item.names])
    by_figure: dict[str, list[FigureItem]] = {}
    for item in items:
        for figure in item.figures:
            by_figure.setdefault(figure, []).append(item)
    text = analysis.document.text
    for sentence in analysis.sentences:
        said = text[sentence.start:sentence.end]
        figures = sorted([(sentence.start + m.start(), sentence.start + m.end(), _canonical(m.group(0))) for m in _FIGURE.finditer(said)]
                         + [(sentence.start + m.start(), sentence.start + m.end(), _duration(m)) for m in _DURATION.finditer(said)])
        durations = [(start, end) for start, end, _ in figures]
        figures = sorted(figures + [(sentence.start + m.start(), sentence.start + m.end(), _clock(m)) for m in _TO_THE_SECOND.finditer(said)
                                    if not any(start < sentence.start + m.end() and sentence.start + m.start() < end for start, end in durations)])
        if not figures:
            continue
        people = list(analysis.mentions_in(sentence.start, sentence.end, "person"))
        # the people other items of the sentence's figures credit: theirs, not this figure's ("… 19.75 and Tebogo third in 19.81")
        credited = [person for _, _, figure in figures if (item := _one_item(by_figure.get(figure, ()))) is not None
                    for person in item.people]
        for index, (start, end, figure) in enumerate(figures):
            item = _one_item(by_figure.get(figure, ()))
            if item is None:
                continue
            slot_start = figures[index - 1][1] if index else sentence.start
            slot_end = figures[index + 1][0] if index + 1 < len(figures) else sentence.end
            yield from _year_told(analysis, rule, item, end, slot_end)
            yield from _person_told(analysis, rule, item, start, end, slot_start, slot_end, said, people, credited)


@dataclass(frozen=True)
class DayFigure:
    """A figure the records keep for one day of a series: `daily_highs_celsius: {2021-06-28: 47.9}`."""

    record: Record
    fact: str
    day: dt.date
    figure: float
    unit: str


def _day_figures(records: list[Record]) -> dict[dt.date, list[DayFigure]]:
    """The records' figures kept by day, with their unit (built once for the run)."""
    by_day: dict[dt.date, list[DayFigure]] = {}
    for record in records:
        for fact, values in record.facts.items():
            for value in values:
                detail, unit = value.qualifiers.get("detail"), value.qualifiers.get("unit")
                if isinstance(value.value, dt.date) and isinstance(detail, (int, float)) and not isinstance(detail, bool) and unit:
                    by_day.setdefault(value.value, []).append(DayFigure(record, fact, value.value, float(detail), unit))
    return by_day


def _figures_of_a_day(analysis: Analysis, rule) -> Iterator[Finding]:
    """A figure told for a day the records keep another figure for, in its unit: "On Monday it climbed to 47.5C"
    where `daily_highs_celsius` keeps 47.9 for that Monday. The day is the sentence's only day; the figure is one
    written with a unit of the same dimension (a conversion beside it is the same figure: "46.6C (115.9F)"); one
    figure of the sentence that is the day's, to the precision written, settles it; so does a day two series keep."""
    by_day = analysis.records.facts_memo("figure-detail:days", _day_figures)
    if not by_day:
        return
    text = analysis.document.text
    for sentence in analysis.sentences:
        days = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date")
                if isinstance(m.value, DateValue) and m.value.precision == "day" and m.value.earliest == m.value.latest]
        if len(days) != 1 or days[0].value.earliest not in by_day:
            continue
        kept = by_day[days[0].value.earliest]
        figures = [(m, unit) for m in analysis.mentions_in(sentence.start, sentence.end, "number")
                   if m.label not in ("ordinal", "percent", "money") and (unit := _unit_after(text, m.end)) is not None]
        for unit_kept in {item.unit for item in kept}:
            same = [item for item in kept if item.unit == unit_kept]
            # (each figure with the slack its written precision gives it, in the records' unit)
            told = [(m, value, abs(_in_unit(m.value.value + half_last_digit(m), unit, unit_kept) - value))
                    for m, unit in figures if (value := _in_unit(m.value.value, unit, unit_kept)) is not None]
            if len(same) != 1 or not told:
                continue
            item = same[0]
            if any(abs(value - item.figure) <= slack + 0.05 for _, value, slack in told):
                continue
            figure = told[0][0]
            start, end = figure.start, _unit_end(text, figure.end)
            # the suggestion in the figure's own unit, written as it was ("47.9C" for "47.5C")
            in_its_unit = _in_unit(item.figure, unit_kept, _unit_after(text, figure.end))
            suggestion = format_number(round(in_its_unit, 2)) + text[figure.end:end] if in_its_unit is not None else None
            yield rule.finding(
                rule.message("day", figure=text[start:end], day=days[0].text, expected=format_number(item.figure),
                             fact=item.fact.replace("_", " ")),
                start, end, analysis.document.source[start:end],
                suggestion=suggestion,
                evidence=Evidence(fact=f"record {item.record.id}; {item.fact}", value=f"{item.day.isoformat()}: {format_number(item.figure)}",
                                  source=", ".join(item.record.sources[:1]) or "records"),
            )


_UNIT_WORD = re.compile(r"\s?(°\s?[CF]\b|[A-Za-z°]+)")


def _unit_after(text: str, end: int) -> str | None:
    """pint's name of the unit written right after a figure ("47.5C", "115.9F", "12 mm"), if any."""
    word = _UNIT_WORD.match(text, end)
    if word is None:
        return None
    written = word.group(1).replace(" ", "")
    return TEMPERATURES.get(written.lower()) or unit_name(written) or unit_name(written.lower())


def _unit_end(text: str, end: int) -> int:
    word = _UNIT_WORD.match(text, end)
    return word.end() if word else end


def _in_unit(value: float, unit: str, target: str) -> float | None:
    try:
        return float(units().Quantity(value, unit).to(target).magnitude)
    except Exception:  # another dimension: no figure of this series
        return None


def _one_item(found) -> FigureItem | None:
    """The one item of the records a figure is kept with, or None when several keep it — unless those that say
    who or when say the same (`final_podium: {3: {rider: Adam Yates, gap: 10min 56sec}}` and `adam_yates: {gap:
    10min 56sec}`: one time, one rider)."""
    if len({(item.record.id, item.fact) for item in found}) == 1:
        return found[0]
    telling = [item for item in found if item.people or item.years]
    return telling[0] if telling and len({(item.people, item.years) for item in telling}) == 1 else None


def _named_items_told(analysis: Analysis, rule, items: list[FigureItem]) -> Iterator[Finding]:
    """A sentence that writes two proper names or more of a text the records date ("Lennox Lewis, after beating
    Evander Holyfield in Las Vegas in November 1999") tells that one thing: the year it gives right after them must
    be the text's, unless it writes the text's year too."""
    text = analysis.document.text
    for sentence in analysis.sentences:
        said = text[sentence.start:sentence.end]
        tied = []
        for item in items:
            ends = {name: [found.end() for found in re.finditer(rf"(?<![\w’']){re.escape(name)}(?![\w’'])", said)]
                    for name in item.names}
            if sum(1 for found in ends.values() if found) >= 2:
                tied.append((item, max(end for found in ends.values() for end in found)))
        if len({(item.record.id, item.fact) for item, _ in tied}) != 1:
            continue
        item, after = tied[0]
        if str(item.years[0]) in said:
            continue
        told = _YEAR_AFTER.match(said[after:])
        if told is None or any(name.group(0) not in item.names for name in _PERSON.finditer(said[after:after + told.start(1)])):
            continue  # (another name between: "… at the Stockholm Concert Hall, on the anniversary of Alfred Nobel's death in 1896")
        if not _MONTH_YEAR.search(said[after:after + told.end(1)]):
            continue  # (dated to its month on both sides: a year alone, "his 1990 album", may be another thing's)
        yield from _year_told(analysis, rule, item, sentence.start + after, sentence.end, reach=80)


def _year_told(analysis: Analysis, rule, item: FigureItem, end: int, slot_end: int, reach: int = 60) -> Iterator[Finding]:
    """The year the clause gives the figure, when it is not the item's one year."""
    if len(item.years) != 1:
        return
    text = analysis.document.text
    told = _YEAR_AFTER.match(text[end:min(slot_end, end + reach + 10)])
    if told is None or int(told.group(1)) == item.years[0]:
        return
    at, stop = end + told.start(1), end + told.end(1)
    written = analysis.document.source[at:stop]
    yield rule.finding(
        rule.message("year" if item.figures else "text_year", stated=written, figure=_anchor(item), fact=_fact_words(item),
                     record=item.record.name, year=item.years[0], text=item.written),
        at, stop, written, suggestion=str(item.years[0]),
        evidence=Evidence(record=item.record.id, fact=item.fact, value=_shown(item), source=item.record.origin),
    )


def _person_told(analysis: Analysis, rule, item: FigureItem, start: int, end: int, slot_start: int, slot_end: int,
                 said: str, people, credited) -> Iterator[Finding]:
    """The person the clause credits with the figure — the one named nearest it between the figures around it, not
    another item's — when the item keeps someone else and the sentence does not name them."""
    text = analysis.document.text
    names = [name for person in people if (name := _PERSON.match(text, person.start, person.end)) is not None]
    if not item.people or any(_names_kept(kept, said) for kept in item.people):
        return  # the item's own person is named in the sentence ("Hamilton, held up … by Fernando Alonso, finished 2.736sec behind")
    # (a name before the figure, "Peter Voss second in 19.75", or one after it that did it, "set by Wilson Kipsang")
    near = [name for name in names if slot_start <= name.start() and name.end() <= slot_end
            and (name.end() <= start or re.search(r"\bby\s+$", text[end:name.start()]))
            and not any(same_name(name.group(0), other) for other in credited)]
    if not near:
        return
    person = min(near, key=lambda name: start - name.end() if name.end() <= start else name.start() - end)
    at, stop = person.start(), person.end()
    written = analysis.document.source[at:stop]
    yield rule.finding(
        rule.message("person", stated=written, figure=_anchor(item), fact=_fact_words(item), record=item.record.name,
                     person=item.people[0]),
        at, stop, written, suggestion=item.people[0],
        evidence=Evidence(record=item.record.id, fact=item.fact, value=_shown(item), source=item.record.origin),
    )


_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "Judge", "Justice", "President",
           "Senator", "Sen", "Rep", "Gov", "Governor", "Mayor", "General", "Gen", "Captain", "Capt", "Coach", "The"}


def _names_kept(kept: str, said: str) -> bool:
    """Does the sentence name the kept person, by surname alone or with their own given name — not another of the
    family ("Simon Yates" is not the records' Adam Yates)?"""
    given = kept.split()[0] if len(kept.split()) > 1 else None
    # (the surname with its possessive too: "setting up Jake Elliott's field goal with 1:05 to play")
    for match in re.finditer(rf"(?<![\w’']){re.escape(kept.split()[-1])}(?=['’]s\b|['’](?!\w)|[^\w’']|$)", said):
        before = re.search(r"([A-Z][\w’'.-]*)\s+$", said[:match.start()])
        word = before.group(1) if before else ""
        if not word or given is None or word == given or not word[1:].islower() or word.rstrip(".") in _TITLES:
            return True
    return False


def _duration(match: re.Match) -> str:
    """"74 days, 3 hours and 35 minutes" and "74d 3h 35m 46s" are one time, to the minute."""
    return f"{int(match['d'])}d {int(match['h'])}h {int(match['m'])}m"


def _canonical(figure: str) -> str:
    """"02:05:42" and "2:05:42" are one time; "19.750" and "19.75" one decimal."""
    if ":" in figure:
        head, _, rest = figure.partition(":")
        return f"{int(head)}:{rest}"
    return repr(float(figure))


def _anchor(item: FigureItem) -> str:
    """What ties the article to the item, as the message shows it: its figure, or its names."""
    return item.figures[0] if item.figures else ", ".join(item.names)


def _fact_words(item: FigureItem) -> str:
    return " ".join(fact_key_words(item.fact)) or item.fact


def _shown(item: FigureItem) -> str:
    return ", ".join([*item.figures, *item.people, *map(str, item.years)])


def _items(records: list[Record]) -> list[FigureItem]:
    """Each text of the records that holds a distinct figure, and each mapping (or list item) whose values hold one,
    with the years and the people kept beside it: built once for the run."""
    groups: dict[tuple, dict] = {}
    for record in records:
        for fact, values in record.facts.items():
            parent, _, sub_key = fact.rpartition(".")
            for value in values:
                written = value.qualifiers.get("written", value.value)
                if isinstance(written, bool):
                    continue
                if isinstance(written, str) and not _DURATION.search(written):
                    written = _TO_THE_SECOND.sub(_clock, written)  # `gap: "10min 56sec"` is the time "10:56"
                if isinstance(detail := value.qualifiers.get("detail"), dict):
                    # a mapping of mappings, keyed by place or name: `final_podium: {3: {rider: Adam Yates, gap: 10min 56sec}}`
                    group = groups.setdefault((record.id, fact, str(value.value)), {"record": record, "fact": fact, "figures": [],
                                                                                  "years": [], "people": [], "keys": []})
                    for sub_key, sub_value in detail.items():
                        if isinstance(sub_value, str) and not _DURATION.search(sub_value):
                            sub_value = _TO_THE_SECOND.sub(_clock, sub_value)
                        _add_to_item(group, str(sub_key), sub_value, sub_value)
                    continue
                item = value.qualifiers.get("item")
                if not parent and (duration := _DURATION.fullmatch(written.strip()) if isinstance(written, str) else None):
                    # a record that is the thing itself, its time at the top (`time: "74d 3h 35m 46s"`, `holder: …`):
                    # the record's own item
                    _record_item(groups, record)["figures"].append(_duration(duration))
                    continue
                if not parent and fact in _WHO_KEYS and (holder := _holder(written)) is not None:
                    _record_item(groups, record)["people"].append(holder)
                    continue
                if not parent and isinstance(written, int) and 1800 <= written <= 2100 and _DATING_KEY.search(fact) \
                        and not _NOT_DATING.search(fact):
                    _record_item(groups, record)["years"].append(written)
                if isinstance(written, str) and not _FIGURE.search(written):
                    for clause in written.split(";"):
                        # a text that names two things or more and dates them once: "Lennox Lewis, after beating
                        # Evander Holyfield in Las Vegas in November 1999; reign ended April 2000"
                        names = [m.group(0) for m in _PERSON.finditer(clause)]
                        own = len(set(names))
                        names += [name for name in record.names[:1] if len(name.split()) >= 2 and name not in names]
                        years = set(_YEAR.findall(clause))
                        # (two names of its own: a list of works with their years under a person's record, "I Am
                        # Maximus (2024)", is no text of two things; and a day kept as such is told by its day)
                        if len(years) == 1 and own >= 2 and _MONTH_YEAR.search(clause):
                            groups[(record.id, fact, clause)] = {"record": record, "fact": fact, "figures": [], "years": [int(years.pop())],
                                                                 "people": [], "keys": [], "names": names,
                                                                 "written": clause.strip()}
                    if not parent:
                        continue
                elif isinstance(written, str) and not (parent and _FIGURE.fullmatch(written.strip())):
                    # one text tells it all: "Khalid Khannouchi 2:05:42 (1999)", "2:03:45, Dennis Kimetto (KEN), 2013"
                    group = groups.setdefault((record.id, fact, written), {"record": record, "fact": fact, "figures": [],
                                                                             "years": [], "people": [], "keys": []})
                    group["figures"] += [_canonical(m.group(0)) for m in _FIGURE.finditer(written)]
                    group["years"] += [int(y) for y in _YEAR.findall(_FIGURE.sub(" ", written))]
                    group["people"] += [m.group(0) for m in _PERSON.finditer(written) if _beside_a_figure(written, m)
                                        and not _THING_WORDS.search(m.group(0))]
                    continue
                if not parent:
                    continue
                group = groups.setdefault((record.id, parent, item), {"record": record, "fact": parent, "figures": [],
                                                                      "years": [], "people": [], "keys": []})
                _add_to_item(group, sub_key, written, value.value)
    found = []
    for key, group in groups.items():
        if key[1:] == ("", None) and len(group["figures"]) != 1:
            continue  # a record that keeps several times at its top level (a winner's, a runner-up's): which is whose is lost
        # (a sub-key twice is a list's items run together: which figure is whose is lost)
        if not (group["figures"] or group.get("names")) or len(group["keys"]) != len(set(group["keys"])):
            continue
        found.append(FigureItem(group["record"], group["fact"], tuple(dict.fromkeys(group["figures"])),
                                tuple(dict.fromkeys(group["years"])), tuple(dict.fromkeys(group["people"])),
                                tuple(dict.fromkeys(group.get("names", ()))), group.get("written", "")))
    return found


def _add_to_item(group: dict, sub_key: str, written, value) -> None:
    """What one sub-key of an item adds to it: a distinct figure, a year, or who."""
    group["keys"].append(sub_key)
    if isinstance(written, str) and _FIGURE.fullmatch(written.strip()):
        group["figures"].append(_canonical(written.strip()))  # `run: {time: "2:36:15", …}`
    elif isinstance(written, float) and re.search(r"\.\d{2,3}$", repr(written)):
        group["figures"].append(repr(written))
    elif isinstance(written, int) and not isinstance(written, bool) and 1800 <= written <= 2100 and "year" in sub_key:
        group["years"].append(written)
    elif isinstance(value, (dt.date, DateValue)):  # (a date the records wrote in words too)
        group["years"].append((value.earliest if isinstance(value, DateValue) else value).year)
    elif sub_key in _WHO_KEYS and (holder := _holder(written)) is not None:
        group["people"].append(holder)


def _holder(written) -> str | None:
    """The person a `holder`/`winner` value names, its note in brackets left out ("Dennis Kimetto (KEN)"), or None."""
    name = written.split("(")[0].strip() if isinstance(written, str) else ""
    return name if _PERSON.fullmatch(name) else None


def _record_item(groups: dict, record: Record) -> dict:
    """The group of what a record keeps at its top level with a time: the record is the item."""
    return groups.setdefault((record.id, "", None), {"record": record, "fact": "time", "figures": [], "years": [], "people": [], "keys": []})


def _beside_a_figure(written: str, name: re.Match) -> bool:
    """Is the name right beside a figure of the text ("Erriyon Knighton 19.75", "2:03:45, Dennis Kimetto (KEN)"):
    its holder, not a place or an event the text names too?"""
    before = written[:name.start()].rstrip(" ,")
    after = written[name.end():].lstrip(" ,")
    return bool(_FIGURE.search(before[-12:]) and re.search(r"[\d:.]$", before)) or bool(_FIGURE.match(after))


KIND = CheckKind(
    name="figure-detail",
    run=run,
    summary="a year or a person told with a figure the records give with another",
    messages=("year", "person", "text_year", "day"),
)
