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
        if stated is None or stated == actual:
            continue
        day = mention.value.earliest
        weekday_word = re.match(r"\s*([A-Za-z]+\.?)", mention.text).group(1)
        correct = calendar.day_name[actual] if len(weekday_word.rstrip(".")) > 3 else calendar.day_abbr[actual] + ("." if weekday_word.endswith(".") else "")
        inferred = (" (the year not written: taken from the publication date)" if mention.value.earliest.year in _publication_years(analysis)
                    else " (the year not written: taken from the text around it)") if mention.value.relative else ""
        yield rule.finding(
            rule.message("mismatch", date=day.isoformat(), year_note=inferred, actual=calendar.day_name[actual],
                         stated=calendar.day_name[stated]),
            mention.start, mention.end, mention.text,
            suggestion=correct + mention.text[len(weekday_word):],
            evidence=Evidence(fact="weekday", value=f"{day.isoformat()} is a {calendar.day_name[actual]}", source="calendar"),
        )


def _publication_years(analysis: Analysis) -> set[int]:
    published = analysis.document.published
    return {published.year - 1, published.year, published.year + 1} if published else set()


KIND = CheckKind(name="weekday", run=run, summary="a weekday that does not fall on its date", messages=("mismatch",))
