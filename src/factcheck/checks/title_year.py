"""title-year: a title with its year in brackets — "*Lady Bird* (2019)" — that the records date otherwise.

The year in brackets after a film's, book's or album's title is the year it came out. The
records may know it as a record of that name (its release or publication year or date) or
as an item of another record's list (`films: [{title: Lady Bird, year: 2017}]`). Titles are
matched as written, whole words, so that a bracketed year after any other name is left alone.

Some names can only have one year: a work's, a law's or a constitution's (its adoption: "the 1937
Constitution"), a dated item's of a record's list, and a thing that happened once (an earthquake,
a hurricane, a collapse). Beside those a plain year is theirs too —
"the 1933 Nepal–Bihar earthquake", "since Hurricane Charley in 2005", "*The Sea* in 2003" — and
the records may give it in the name itself (a record "1934 Nepal–Bihar earthquake", a value
"Hurricane Charley, 13 August 2004"). A year beside a name that recurs (a final, an election, a
club) may be another edition's, and is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Evidence, Record

BRACKETED_YEAR = re.compile(r"\((1[5-9]\d\d|20\d\d)\)")
# what a title's year is called in a record's keys
YEAR_KEYS = re.compile(r"release|premiere|publi|came_out|debut|year|issued|first_aired|aired")
# keys that date a work's coming out: then its name has that one year
# — or a law's, a treaty's or a constitution's, made once ("the 1937 Constitution")
WORK_YEAR_KEYS = re.compile(r"(?:^|_)(?:release|released|premiere|premiered|published|publication|came_out|first_aired|"
                            r"adopted|adoption|enacted|enactment|ratified|ratification|promulgated)(?:_|$)")
# item qualifiers that give the item's year
ITEM_YEARS = ("year", "date", "release_year", "released", "release_date")


# the year as a title's description: "Obergefell v. Hodges, the 2015 ruling that …"
APPOSED_YEAR = re.compile(r",\s+the\s+(1[5-9]\d\d|20\d\d)\s+(?:[a-z]+\s+)?[a-z]+\b(?![-’'])")
# … or before it: "the 1994 film Pulp Fiction", "John Frankenheimer's 1962 thriller The Manchurian Candidate" (not past a preposition: "the 1995 final against New Zealand" is
# the final's year, not New Zealand's)
YEAR_BEFORE_TITLE = re.compile(r"(?:\bthe|[A-Z][\w-]*['’]s)\s+(1[5-9]\d\d|20\d\d)\s+(?:(?!(?:against|of|in|at|to|over|with|for|from|by|on|versus|vs)\s)"
                               r"[a-z][a-z-]*\s+){1,2}(?=[*_\"“‘]?[A-Z])")
_QUOTES = " *_\"'“”‘’\u00a0"
# … and, for a name with one year only, right before it or after it: "the 1933 Nepal–Bihar earthquake",
# "Hurricane Charley in 2005", "the Agadir earthquake of 1961", or a year owning it: "2005's Tokyo Drift"
YEAR_RIGHT_BEFORE = re.compile(r"\bthe\s+(1[5-9]\d\d|20\d\d)\s+(?=[*_\"“‘]?[A-Z])|(?<![\w-])(1[5-9]\d\d|20\d\d)['’]s\s+(?=[*_\"“‘]?[A-Z])")
YEAR_AFTER = re.compile(r"\s+(?:in|of)\s+(1[5-9]\d\d|20\d\d)\b(?!\s*[-–/]\s*\d|,?\s+\d)")
# a name that says it happened once (and so has one year): its head, or a storm's title
ONE_OFF = re.compile(r"(?:\b(?:earthquakes?|quakes?|tsunamis?|eruptions?|floods?|flooding|wildfires?|fires?|collapses?|crash|"
                     r"disasters?|bombings?|massacres?|explosions?|blasts?|spills?|derailments?|famines?|sinking|landslides?|"
                     r"avalanches?|mudslides?)$|^(?:Hurricane|Typhoon|Cyclone|Super Typhoon|Tropical Storm|Storm)\s)", re.IGNORECASE)
# keys of a record's dated items whose value names a work or a one-off event, not a person
ITEM_TITLE_KEYS = {"title", "film", "movie", "book", "novel", "album", "song", "single", "work", "play", "musical", "show",
                   "series", "storm", "hurricane", "typhoon", "cyclone", "earthquake", "quake", "event", "disaster"}
# a year a record or a value writes inside a one-off name: "1934 Nepal–Bihar earthquake",
# "Hurricane Charley, 13 August 2004", "Tous dam collapse (1982)"
NAME_WITH_YEAR = re.compile(r"(?:(?P<before>1[5-9]\d\d|20\d\d)\s+(?P<after_year>[^,(]+?)|(?P<name>[^,(]+?)(?:,\s+[^,]*?|\s+\(|\s+of\s+|\s+in\s+)"
                            r"(?P<year>1[5-9]\d\d|20\d\d)\)?)\s*$")


def run(analysis: Analysis, rule) -> Iterator:
    titles = analysis.records.facts_memo("title_years", _title_years)
    if not titles:
        return
    text = analysis.document.text
    for match in [*BRACKETED_YEAR.finditer(text), *APPOSED_YEAR.finditer(text)]:
        before = text[max(0, match.start() - 120):match.start()].rstrip(_QUOTES)
        title = next((t for t in titles if before.endswith(t) and not before[:-len(t)][-1:].isalnum()), None)
        if title is not None:
            yield from _compare(analysis, rule, match, title, titles[title])
    for match in YEAR_BEFORE_TITLE.finditer(text):
        after = text[match.end():match.end() + 120].lstrip(_QUOTES)
        title = next((t for t in titles if after.startswith(t) and not after[len(t):len(t) + 1].isalnum()), None)
        if title is not None:
            yield from _compare(analysis, rule, match, title, titles[title])
    single = {title: dated for title, dated in titles.items() if dated[2]}
    if not single:
        return
    for match in YEAR_RIGHT_BEFORE.finditer(text):
        after = text[match.end():match.end() + 120].lstrip(_QUOTES)
        title = next((t for t in single if after.startswith(t) and not after[len(t):len(t) + 1].isalnum()), None)
        if title is not None:
            yield from _compare(analysis, rule, match, title, single[title])
    for match in YEAR_AFTER.finditer(text):
        before = text[max(0, match.start() - 120):match.start()].rstrip(_QUOTES)
        title = next((t for t in single if before.endswith(t) and not before[:-len(t)][-1:].isalnum()), None)
        if title is not None:
            yield from _compare(analysis, rule, match, title, single[title])


def _compare(analysis: Analysis, rule, match: re.Match, title: str, dated: tuple[set[int], Record, bool]) -> Iterator:
    years, where, _ = dated
    group = 1 if match.group(1) else 2  # (a year before the name owning it: "2005's Tokyo Drift")
    stated = int(match.group(group))
    if stated in years:
        return
    best = min(years, key=lambda year: abs(year - stated))
    yield rule.finding(
        rule.message("year", title=title, recorded=best, stated=stated),
        match.start(group), match.end(group), match.group(group),
        suggestion=str(best),
        evidence=Evidence(record=where.id, fact="year", value=str(best), source=where.origin),
    )


def _title_years(records: list[Record]) -> dict[str, tuple[set[int], Record, bool]]:
    """Each title the records date, with its years, its record, and whether the name has one year
    only (a work, a dated list item naming a work or an event, a one-off event): a record's own
    names, list items with a year, and one-off names written with their year."""
    found: dict[str, tuple[set[int], Record, bool]] = {}

    def add(title: str, year: int, record: Record, single: bool) -> None:
        title = title.strip(_QUOTES)
        if len(title) >= 3 and title[:1].isupper():
            years, owner, was_single = found.get(title, (set(), record, False))
            years.add(year)
            found[title] = (years, owner, was_single or single)

    for record in records:
        if record.type == "person":
            years, work = set(), False
        else:
            keys = [key for key in record.facts if YEAR_KEYS.search(key)]
            # not the years of a list's items (`irish_winners: [{title: …, year: 2005}]`): those are theirs
            years = {year for key in keys for value in record.facts[key]
                     if "item" not in value.qualifiers and (year := _year(value.value)) is not None}
            work = any(WORK_YEAR_KEYS.search(key.rsplit(".", 1)[-1]) for key in keys)
        one_off = record.type != "person" and any(ONE_OFF.search(_without_year(name)[0]) for name in record.names)
        for name in record.names:
            bare, own_year = _without_year(name)
            for year in years:
                add(name, year, record, work or one_off)
                if name.startswith("the ") and len(name) > 4 and name[4].isupper():
                    add(name[4:], year, record, work or one_off)  # "the Constitution" is written "the 1937 Constitution"
            if own_year is not None and ONE_OFF.search(bare):
                add(bare, own_year, record, True)  # "1934 Nepal–Bihar earthquake": its year in its name
        for key, values in record.facts.items():
            item_key = key.rsplit(".", 1)[-1].lower()
            for value in values:
                if not isinstance(value.value, str):
                    continue
                for item_year in ITEM_YEARS:
                    year = _year(value.qualifiers.get(item_year))
                    if year is not None:
                        add(value.value, year, record, item_key in ITEM_TITLE_KEYS or bool(ONE_OFF.search(value.value)))
                detail = value.qualifiers.get("detail")
                if isinstance(detail, int) and not isinstance(detail, bool) and 1500 <= detail <= 2100:
                    add(value.value, detail, record, False)  # a table of names and years: `albums: {Purple Rain: 1984}`
                bare, own_year = _without_year(value.value)
                if own_year is not None and ONE_OFF.search(bare):
                    add(bare, own_year, record, True)  # `worst_since: "1960 Agadir earthquake"`
    # longest first: "Little Women" before "Women"
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def _without_year(name: str) -> tuple[str, int | None]:
    """A name and the year written in it ("1934 Nepal–Bihar earthquake" → "Nepal–Bihar earthquake", 1934),
    or the name and None."""
    match = NAME_WITH_YEAR.fullmatch(name.strip())
    if match is None:
        return name, None
    bare = (match.group("after_year") or match.group("name")).strip(_QUOTES + ",")
    return bare, int(match.group("before") or match.group("year"))


def _year(value) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool) and 1500 <= value <= 2100:
        return value
    return None


KIND = CheckKind(
    name="title_year",
    run=run,
    summary="a title's year in brackets that the records give otherwise",
    messages=("year",),
)
