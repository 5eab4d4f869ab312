"""impossible-date: a date that does not exist ("February 30", "31 April", "2023-13-01")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.lexicon import MONTHS
from factcheck.model import Analysis, Evidence, Finding


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    for mention in analysis.mentions:
        if mention.kind == "date" and mention.label == "invalid":
            yield rule.finding(
                rule.message("impossible", written=mention.text, why=_why(mention.text)),
                mention.start, mention.end, mention.text,
                evidence=Evidence(fact="calendar", value=_why(mention.text), source="calendar"),
            )


def _why(text: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    month = next((MONTHS[w.lower().rstrip(".")] for w in re.findall(r"[A-Za-z]+\.?", text) if w.lower().rstrip(".") in MONTHS), None)
    if month is None and len(numbers) >= 3:
        month = numbers[1] if numbers[0] > 31 else numbers[0]
        if not 1 <= month <= 12:
            return f"there is no month {month}"
    if month is not None:
        days = 29 if month == 2 else calendar.monthrange(2023, month)[1]
        return f"{calendar.month_name[month]} has {days} days" if month != 2 else "February has 28 days (29 in a leap year)"
    return "no such day"


KIND = CheckKind(name="impossible-date", run=run, summary="a date that does not exist", messages=("impossible",))
