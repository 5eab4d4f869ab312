"""item-date: a date beside something the records date otherwise — one item of a record's list or table.

Records keep dated items under a fact: `marathons: [{race: Valencia Marathon, date: 2022-12-04, time:
"2:01:53"}]`, `previous_record: {value_celsius: 38.7, place: Cambridge University Botanic Garden,
date: 2019-07-25}`, `previous_centre_court_defeat: {date: 2013-07-07, opponent: Andy Murray}`. Each
item's texts and figures are its anchors. Where a sentence names an anchor ("Andy Murray", "2:01:53",
"38.7C") and gives a date close to it in the parse, that date must be one of the item's dates; one
that differs from an item date only in its year, or only in its day, is reported ("won on his debut
in Valencia in December 2021 in 2:01:53": the race was in December 2022).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, DateValue, Evidence, FactValue, Mention, NumberValue, Record

DATE_QUALIFIER = re.compile(r"(?:^|_)(?:date|on|day)$")
MAX_PATH = 5  # edges between the anchor and the date in the parse


@dataclass(frozen=True)
class Item:
    anchor: str | float  # a text written as it is, or a figure
    dates: tuple[dt.date, ...]
    record: Record
    key: str


def run(analysis: Analysis, rule) -> Iterator:
    items = analysis.records.facts_memo("dated_items", _items)
    if not items:
        return
    text = analysis.document.text
    claimed = {claim.value.start for claim in analysis.claims}
    for sentence in analysis.sentences:
        dates = [m for m in analysis.mentions if m.kind == "date" and sentence.start <= m.start < sentence.end
                 and isinstance(m.value, DateValue) and not m.value.relative and re.search(r"\d{4}", m.text)
                 and m.start not in claimed]
        if not dates:
            continue
        anchors = list(_anchors(analysis, items, sentence))
        for date in dates:
            near = [item for start, end, item in anchors if not (start < date.end and date.start < end)
                    and _close(analysis, (start, end), date)]
            if not near or any(_common.admits(date, FactValue(d)) for item in near for d in item.dates):
                continue
            slip = next(((item, d) for item in near for d in item.dates if _slip(date.value, d)), None)
            if slip is None:
                continue
            item, recorded = slip
            shown = recorded.isoformat() if isinstance(recorded, dt.date) else str(recorded)
            yield rule.finding(
                rule.message("item", anchor=item.anchor if isinstance(item.anchor, str) else _common.format_number(item.anchor),
                             record=item.record.name, recorded=shown, stated=date.text),
                date.start, date.end, analysis.document.source[date.start:date.end],
                suggestion=_common.format_date_like(date.text, recorded) if isinstance(recorded, dt.date) and date.value.precision == "day" else None,
                evidence=Evidence(record=item.record.id, fact=item.key, value=shown, source=item.record.origin),
            )


def _items(records: list[Record]) -> list[Item]:
    """Every fact value that carries a date among its qualifiers (a dated item's text or figure)."""
    found = []
    for record in records:
        for key, values in record.facts.items():
            for value in values:
                dates = tuple(q for name, q in value.qualifiers.items() if DATE_QUALIFIER.search(name) and _is_date(q))
                if not dates:
                    continue
                anchor = value.value
                if isinstance(anchor, str) and _distinct_text(anchor):
                    found.append(Item(anchor, dates, record, key))
                elif isinstance(anchor, (int, float)) and not isinstance(anchor, bool) and _distinct_figure(anchor):
                    found.append(Item(float(anchor), dates, record, key))
                for name, qualifier in value.qualifiers.items():
                    if isinstance(qualifier, str) and _distinct_text(qualifier) and not DATE_QUALIFIER.search(name):
                        found.append(Item(qualifier, dates, record, key))
    return found


def _is_date(value) -> bool:
    # a day, not a year: a year beside a name is too often the year of something else ("the first
    # American since 1999"), and a year read from a key (`majors_won_2023`) is a scope, not an item's date
    return isinstance(value, dt.date)


def _distinct_text(text: str) -> bool:
    """A name of two words or more ("Andy Murray"), or a time or score ("2:01:53"): not "final"."""
    return bool(re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", text)) or \
        (len(text.split()) >= 2 and len(text) <= 60 and text[:1].isupper() and not re.search(r"[;()]", text))


def _distinct_figure(number: float) -> bool:
    """A figure unlikely to recur by chance: one with decimals (38.7) or of four digits or more."""
    return (number != int(number) or abs(number) >= 1000) and not 1000 <= number <= 2300


def _anchors(analysis: Analysis, items: list[Item], sentence) -> Iterator[tuple[int, int, Item]]:
    text = analysis.document.text
    for item in items:
        if isinstance(item.anchor, str):
            for match in re.finditer(rf"(?<![\w:]){re.escape(item.anchor)}(?![\w:])", text[sentence.start:sentence.end]):
                yield sentence.start + match.start(), sentence.start + match.end(), item
        else:
            for mention in analysis.mentions:
                if mention.kind == "number" and sentence.start <= mention.start < sentence.end and isinstance(mention.value, NumberValue) \
                        and not mention.value.ordinal and mention.value.value == item.anchor:
                    yield mention.start, mention.end, item


def _close(analysis: Analysis, anchor: tuple[int, int], date: Mention) -> bool:
    syntax = analysis.syntax
    if syntax is None:
        return abs(anchor[0] - date.start) <= 80
    one, other = syntax.span_root(*anchor), syntax.span_root(date.start, date.end)
    if one is None or other is None:
        return False
    return syntax.path_length(one, other) <= MAX_PATH


def _slip(stated: DateValue, recorded) -> bool:
    """A date that differs from the recorded one by its year alone, or (of one month) by its day alone."""
    day = stated.earliest
    if stated.precision == "day":
        return (day.month, day.day) == (recorded.month, recorded.day) and day.year != recorded.year \
            or (day.year, day.month) == (recorded.year, recorded.month) and day.day != recorded.day
    if stated.precision == "month":
        return day.month == recorded.month and day.year != recorded.year
    return False


KIND = CheckKind(
    name="item-date",
    run=run,
    summary="a date beside an item of a record's list or table that the records date otherwise",
    messages=("item",),
)
