"""title-year: a title with its year in brackets — "*Lady Bird* (2019)" — that the records date otherwise.

The year in brackets after a film's, book's or album's title is the year it came out. The
records may know it as a record of that name (its release or publication year or date) or
as an item of another record's list (`films: [{title: Lady Bird, year: 2017}]`). Titles are
matched as written, whole words, so that a bracketed year after any other name is left alone.
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
# item qualifiers that give the item's year
ITEM_YEARS = ("year", "date", "release_year", "released", "release_date")


# the year as a title's description: "Obergefell v. Hodges, the 2015 ruling that …"
APPOSED_YEAR = re.compile(r",\s+the\s+(1[5-9]\d\d|20\d\d)\s+(?:[a-z]+\s+)?[a-z]+\b(?![-’'])")
# … or before it: "the 1994 film Pulp Fiction"
YEAR_BEFORE_TITLE = re.compile(r"\bthe\s+(1[5-9]\d\d|20\d\d)\s+(?:[a-z][a-z-]*\s+){1,2}(?=[*_\"“‘]?[A-Z])")
_QUOTES = " *_\"'“”‘’\u00a0"


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


def _compare(analysis: Analysis, rule, match: re.Match, title: str, dated: tuple[set[int], Record]) -> Iterator:
    years, where = dated
    stated = int(match.group(1))
    if stated in years:
        return
    best = min(years, key=lambda year: abs(year - stated))
    yield rule.finding(
        rule.message("year", title=title, recorded=best, stated=stated),
        match.start(1), match.end(1), match.group(1),
        suggestion=str(best),
        evidence=Evidence(record=where.id, fact="year", value=str(best), source=where.origin),
    )


def _title_years(records: list[Record]) -> dict[str, tuple[set[int], Record]]:
    """Each title the records date: a record's own name, and list items with a year."""
    found: dict[str, tuple[set[int], Record]] = {}

    def add(title: str, year: int, record: Record) -> None:
        if len(title) >= 3 and title[:1].isupper():
            found.setdefault(title, (set(), record))[0].add(year)

    for record in records:
        if record.type == "person":
            years = set()
        else:
            years = {year for key, values in record.facts.items() if YEAR_KEYS.search(key) for value in values
                     if (year := _year(value.value)) is not None}
        for year in years:
            for name in record.names:
                add(name, year, record)
        for values in record.facts.values():
            for value in values:
                if isinstance(value.value, str):
                    for key in ITEM_YEARS:
                        year = _year(value.qualifiers.get(key))
                        if year is not None:
                            add(value.value, year, record)
    # longest first: "Little Women" before "Women"
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


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
