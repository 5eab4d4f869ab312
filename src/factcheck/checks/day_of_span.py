"""day-of-span: "the third and final day" of something the article gives two days, or a span that says otherwise.

"The Met Office's red warning covered Monday and Tuesday … On Tuesday, the third and final day of the
warning": an ordinal day of a named thing counts from the first day the article gives that thing. The
thing's span is read from a sentence that names its noun and gives two days joined by "and" or "to"
("covering Monday and Tuesday", "ran from 18 to 21 July"), or from its own length ("a two-day warning").
The day counted is the date or weekday the ordinal stands beside ("On Tuesday, the third …"). A day
past the span's length, a "final" day that is not its last, or a count from its first day that the
ordinal does not give, is a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks._common import sentence_text
from factcheck.checks.base import CheckKind
from factcheck.lexicon import word_value
from factcheck.model import Analysis, DateValue, Evidence, Finding

_ORDINAL = r"(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
# "the third and final day of the warning", "the second day of a three-day summit"
_DAY_OF = re.compile(rf"\bthe\s+{_ORDINAL}\s+(?P<final>(?:and\s+(?:final|last)\s+))?day\s+of\s+(?:the|a|an|its|their|this)\s+"
                     rf"(?:(?P<length>\w+)-day\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>[a-z]{{4,}})\b", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"^\s*(?:and|to|through|until|-|–)\s*$")


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    days = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"]
    for match in _DAY_OF.finditer(text):
        number = _ordinal(match["ordinal"])
        if number is None:
            continue
        final = bool(match["final"])
        length = _length(match["length"])
        noun = match["noun"].lower()
        span = _span(analysis, text, days, noun, match.start())
        day = next((d for d in days if d.end <= match.start() and re.fullmatch(r",?\s*", text[d.end:match.start()])), None)
        told = None
        weekdays = _weekday_span(analysis, text, noun, match.start()) if span is None else None
        if length is not None and (number > length or final and number != length):
            told = (length, f"a {match['length']}-day {noun}")
        elif weekdays is not None:
            first, last = weekdays
            count = (_WEEKDAYS.index(last) - _WEEKDAYS.index(first)) % 7 + 1
            said = re.search(rf"\b({'|'.join(_WEEKDAYS)})\W*$", text[max(0, match.start() - 20):match.start()], re.IGNORECASE)
            position = (_WEEKDAYS.index(said.group(1).lower()) - _WEEKDAYS.index(first)) % 7 + 1 if said else None
            if position is not None and position <= count and position != number:
                told = (position, f"{said.group(1)} is day {position} of {first.title()} to {last.title()}")
            elif position is None and (number > count or final and number != count):
                told = (count, f"{first.title()} to {last.title()} is {count} days")
        elif span is not None:
            first, last = span
            count = (last.value.earliest - first.value.earliest).days + 1
            if day is not None:
                position = (day.value.earliest - first.value.earliest).days + 1
                if 1 <= position <= count and position != number:
                    told = (position, f"{day.text} is day {position} of {first.text} to {last.text}")
            elif number > count or final and number != count:
                told = (count, f"{first.text} to {last.text} is {count} days")
        if told is None:
            continue
        start, end = match.start("ordinal"), match.end("ordinal")
        yield rule.finding(
            rule.message("counted", stated=match["ordinal"], noun=noun, why=told[1]),
            start, end, analysis.document.source[start:end],
            suggestion=_ordinal_word(told[0], match["ordinal"]),
            evidence=Evidence(fact="days of the " + noun, value=told[1], source="this article"),
        )


def _span(analysis: Analysis, text: str, days: list, noun: str, before: int):
    """The first and last day a sentence naming the noun gives it ("covering Monday and Tuesday")."""
    for first, last in zip(days, days[1:]):
        if first.start >= before or not _SPAN_JOIN.match(text[first.end:last.start]) or last.value.earliest <= first.value.earliest:
            continue
        if noun[:5] in sentence_text(analysis, first.start) and (last.value.earliest - first.value.earliest).days < 31:
            return first, last
    return None


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_SPAN = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\s+(?:and|to|through|until)\s+({'|'.join(_WEEKDAYS)})\b", re.IGNORECASE)


def _weekday_span(analysis: Analysis, text: str, noun: str, before: int) -> tuple[str, str] | None:
    """Two weekdays a sentence naming the noun gives it, before the ordinal ("covering Monday and Tuesday")."""
    for match in _WEEKDAY_SPAN.finditer(text, 0, before):
        if noun[:5] in sentence_text(analysis, match.start()) and match.group(1).lower() != match.group(2).lower():
            return match.group(1).lower(), match.group(2).lower()
    return None


def _ordinal(written: str) -> int | None:
    digits = re.match(r"\d+", written)
    if digits:
        return int(digits.group(0))
    parsed = word_value(written.lower())
    return int(parsed[0]) if parsed and parsed[1] else None


def _length(written: str | None) -> int | None:
    if not written:
        return None
    if written.isdigit():
        return int(written)
    parsed = word_value(written.lower())
    return int(parsed[0]) if parsed and not parsed[1] else None


_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _ordinal_word(number: int, like: str) -> str:
    if like[:1].isdigit() or not 1 <= number <= len(_WORDS):
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    return _WORDS[number - 1]


KIND = CheckKind(name="day-of-span", run=run, summary="an ordinal day of something the article gives other days",
                 messages=("counted",))
