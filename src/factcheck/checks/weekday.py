"""weekday: a weekday that does not match its date ("Thursday, July 12, 2023" was a Wednesday)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.lexicon import stated_weekday
from factcheck.model import Analysis, DateValue, Evidence, Finding


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    for mention in analysis.mentions:
        if mention.kind != "date" or not isinstance(mention.value, DateValue) or mention.value.precision != "day":
            continue
        stated = stated_weekday(mention)
        actual = mention.value.earliest.weekday()
        if stated is None:
            yield from _weekday_after(analysis, rule, mention)
            continue
        if stated == actual:
            continue
        day = mention.value.earliest
        weekday_word = re.match(r"\s*([A-Za-z]+\.?)", mention.text).group(1)
        correct = calendar.day_name[actual] if len(weekday_word.rstrip(".")) > 3 else calendar.day_abbr[actual] + ("." if weekday_word.endswith(".") else "")
        inferred = _year_note(analysis, mention.value)
        yield rule.finding(
            rule.message("mismatch", date=day.isoformat(), year_note=inferred, actual=calendar.day_name[actual],
                         stated=calendar.day_name[stated]),
            mention.start, mention.end, mention.text,
            suggestion=correct + mention.text[len(weekday_word):],
            evidence=Evidence(fact="weekday", value=f"{day.isoformat()} is a {calendar.day_name[actual]}", source="calendar"),
        )


# "on Dec. 10, a Saturday", "July 20, 1969 (a Sunday)": the weekday said after the date
_AFTER = re.compile(r"\s*(?:,|\(|—|–)\s*(?:which\s+(?:was|is)\s+|then\s+)?an?\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _weekday_after(analysis: Analysis, rule, mention) -> Iterator[Finding]:
    text = analysis.document.text
    found = _AFTER.match(text, mention.end)
    if found is None or mention.value.relative and mention.label != "day-no-year":
        return
    day = mention.value.earliest
    stated = list(calendar.day_name).index(found.group(1))
    if stated == day.weekday():
        return
    published = analysis.document.published
    if mention.value.relative and published is not None and any(
            _fits(day, year, stated) and abs((day.replace(year=year) - published).days) <= 270
            for year in (day.year - 1, day.year + 1)):
        return  # a yearless day whose weekday fits the year before or after, near publication: that year's
    end = found.end(1)
    inferred = _year_note(analysis, mention.value)
    written = analysis.document.source[mention.start:end]
    yield rule.finding(
        rule.message("mismatch", date=day.isoformat(), year_note=inferred, actual=calendar.day_name[day.weekday()],
                     stated=found.group(1)),
        mention.start, end, written,
        suggestion=written[:found.start(1) - mention.start] + calendar.day_name[day.weekday()],
        evidence=Evidence(fact="weekday", value=f"{day.isoformat()} is a {calendar.day_name[day.weekday()]}", source="calendar"),
    )


def _fits(day, year: int, weekday: int) -> bool:
    try:
        return day.replace(year=year).weekday() == weekday
    except ValueError:  # 29 February
        return False


def _year_note(analysis: Analysis, value: DateValue) -> str:
    """Where a yearless day's year came from, for the message."""
    if not value.relative:
        return ""
    if value.earliest.year in _publication_years(analysis):
        return " (the year not written: taken from the publication date)"
    return " (the year not written: taken from the text around it)"


def _publication_years(analysis: Analysis) -> set[int]:
    published = analysis.document.published
    return {published.year - 1, published.year, published.year + 1} if published else set()


KIND = CheckKind(name="weekday", run=run, summary="a weekday that does not fall on its date", messages=("mismatch",))
