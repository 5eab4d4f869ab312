"""relative-date: a relative date ("last Tuesday", "two days ago") that contradicts the
absolute date written beside it, or that cannot be resolved for want of a publication date;
and a date counted from the one before it ("two days later, on 8 September") that is not as
many days on, or a stretch of days one slip off the days between the dates around it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factcheck.checks._common import digit_slip, format_date_like
from factcheck.checks.base import SEVERITY_NAME, CheckKind
from factcheck.lexicon import days_later, word_value
from factcheck.model import Analysis, DateValue, Evidence, Finding, Severity

# What may stand between a relative date and the absolute one that restates it:
# "last Tuesday, March 5", "two days ago (on March 12)", "on Monday — June 3 —"
_BETWEEN = re.compile(r"^[\s,(—–-]*(?:on|,|the)?[\s,(—–-]*$", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    published = analysis.document.published
    text = analysis.document.text
    mentions = [m for m in analysis.mentions if m.kind == "date"]
    yield from _counted_days(analysis, rule, mentions)
    yield from _days_between(analysis, rule, mentions)
    for index, mention in enumerate(mentions):
        if mention.label != "relative":
            continue
        if published is None:
            if KIND.param(rule, "report_unresolved"):
                yield rule.finding(
                    rule.message("unresolved", written=mention.text), mention.start, mention.end, mention.text,
                    severity=Severity.parse(KIND.param(rule, "unresolved_severity")),  # its own severity, not the rule's
                    evidence=Evidence(fact="publication date", value="unknown", source="the article"),
                )
            continue
        if not isinstance(mention.value, DateValue) or _a_period(analysis, mention) \
                or _OFFSET_FROM.search(text, max(0, mention.start - 30), mention.start):
            continue  # ("two weeks from Saturday, on May 18": the day beside it is the one counted from it)
        for other in (mentions[index - 1] if index else None, mentions[index + 1] if index + 1 < len(mentions) else None):
            if other is None or other.label == "relative" or not isinstance(other.value, DateValue):
                continue
            if other.value.precision != "day" or mention.value.precision not in ("day", "span"):
                continue  # "since 2011 on Saturday": a year does not restate a day
            first, second = (mention, other) if mention.start < other.start else (other, mention)
            between = text[first.end:second.start]
            if not _BETWEEN.match(between) or re.search(r"\n[ \t]*\n", between):
                continue  # not beside it, or in another paragraph (a headline's "this winter" over its dateline)
            if mention.value.overlaps(other.value) or _anniversary(text, mention, other) or _week_before(mention, other, published):
                continue
            yield rule.finding(
                rule.message("disagrees", written=mention.text, resolved=mention.value, published=published.isoformat(),
                             beside=other.value),
                first.start, second.end, analysis.document.source[first.start:second.end],
                suggestion=None,
                evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
            )


def _week_before(mention, other, published: dt.date) -> bool:
    """"Last Tuesday, 9 January", written on Wednesday 17 January: the day before publication is
    "yesterday", so "last Tuesday" is the Tuesday of the week before."""
    return mention.text.strip().lower().startswith("last ") and mention.value.precision == "day" \
        and (published - mention.value.earliest).days == 1 and (mention.value.earliest - other.value.earliest).days == 7


# a stretch counted from the relative day: "two weeks from Saturday", "10 days after Monday"
_OFFSET_FROM = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?)\s+(?:from|after|before)\s+$", re.IGNORECASE)
_IN_DAYS = re.compile(r"^(?:in|within)\s", re.IGNORECASE)


def _a_period(analysis: Analysis, mention) -> bool:
    """"reported five million sales in three days, on 22 January": "in three days" on a verb in the past
    tense is how long something took, not a day three days after publication."""
    if analysis.syntax is None or not _IN_DAYS.match(mention.text):
        return False
    verb = analysis.syntax.governing_verb(mention.start, mention.end)
    return verb is not None and analysis.syntax.tokens[verb].tag in ("VBD", "VBN")


# "a year ago today", "Twenty-five years ago today", "Two hundred years ago this week", "150 years ago today"
_AGO_TODAY = re.compile(r"\b((?:[A-Za-z]+[\s-]+){0,3}[A-Za-z0-9,]+)\s+years?\s+ago\s*$")


def _anniversary(text: str, mention, other) -> bool:
    """"a year ago today, 25 April 2015", "25 years ago this week, on Sunday, May 24, 1987": "today"
    or "this week" counts back as many years as the words before it say."""
    ago = _AGO_TODAY.search(text[max(0, mention.start - 60):mention.start])
    if ago is None or mention.text.strip().lower() not in ("today", "this week", "this month"):
        return False
    years = _years(ago.group(1))
    if years is None:
        return False
    try:
        earliest = mention.value.earliest.replace(year=mention.value.earliest.year - years)
        latest = mention.value.latest.replace(year=mention.value.latest.year - years)
    except ValueError:  # 29 February
        return False
    return earliest <= other.value.earliest <= latest


def _years(words: str) -> int | None:
    """The number that ends `words`: "Exactly twenty-five" 25, "Two hundred" 200, "a" 1, "1,000" 1000."""
    parts = words.split()
    for first in range(len(parts)):  # the longest tail that reads as a number
        tail = " ".join(parts[first:])
        if tail.lower() in ("a", "an"):
            return 1
        if tail.replace(",", "").isdigit():
            return int(tail.replace(",", ""))
        value = word_value(tail)
        if value is not None and not value[1] and value[0] == int(value[0]):
            return int(value[0])
    return None


def _counted_days(analysis: Analysis, rule, mentions: list) -> Iterator[Finding]:
    """"The Queen died two days later, on 8 September": the day must be as many days on from the
    date before it in its sentence."""
    text = analysis.document.text
    for index, mention in enumerate(mentions):
        value = mention.value
        if not isinstance(value, DateValue) or value.precision != "day" or mention.label == "relative":
            continue
        days = days_later(text, mention.start, mention.end, strict=True)
        if days is None:
            continue
        # counted from the date before it in its sentence: from one in another sentence, the writer may
        # count from an event between them ("the following evening. Five days later, on July 21")
        sentence = analysis.sentence_of(mention.start)
        anchor = next((m for m in reversed(mentions[:index]) if isinstance(m.value, DateValue) and m.value.precision == "day"), None)
        if anchor is None or anchor.start < sentence.start:
            continue
        expected = anchor.value.earliest + dt.timedelta(days=days)
        if (expected.month, expected.day) == (value.earliest.month, value.earliest.day):
            continue
        yield rule.finding(
            rule.message("counted", days=days, anchor=anchor.text, expected=expected.isoformat(), written=mention.text),
            mention.start, mention.end, analysis.document.source[mention.start:mention.end],
            suggestion=format_date_like(mention.text, expected),
            evidence=Evidence(fact="the date before it", value=anchor.value.earliest.isoformat(), source="this article"),
        )


# a stretch of days told between two dates: "For 27 days no one above ground knew … Then, on Sunday 22 August"
_FOR_DAYS = re.compile(r"\b(?:[Ff]or|[Aa]fter)\s+(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+days\b")
_THEN = re.compile(r"\s*(?:Then|Finally|At last|Only then|It was not until)\b")
SENTENCES_BACK = 3  # how far back the stretch's first day may be written: the paragraph before, as a rule


def _days_between(analysis: Analysis, rule, mentions: list) -> Iterator[Finding]:
    """A stretch of days one slip off the days between the day before it and the day that ends it: "The men were
    trapped on Thursday 5 August 2010 … For 27 days no one above ground knew … Then, on Sunday 22 August, a probe"
    (17). The stretch's end is the first day written after it in its sentence, or in the next when that opens with
    "Then"; its start, the last day written before it, at most three sentences back. Only a slip of the digits is
    reported (27 for 17, 71 for 17): a count off by one is the writer's way of counting, a count further off is of
    another stretch."""
    text = analysis.document.text
    days_told = [m for m in mentions if isinstance(m.value, DateValue) and m.value.precision == "day" and m.label != "relative"]
    for match in _FOR_DAYS.finditer(text):
        told = _years(match.group("n"))
        if told is None or told < 2:
            continue
        sentence = analysis.sentence_of(match.start())
        end = next((m for m in days_told if match.end() <= m.start < sentence.end), None)
        if end is None and sentence.end < len(text):
            following = analysis.sentence_of(sentence.end + 1)
            if _THEN.match(text, following.start):
                end = next((m for m in days_told if following.start <= m.start < following.end), None)
        earliest = sentence
        for _ in range(SENTENCES_BACK):
            if earliest.start == 0:
                break
            earliest = analysis.sentence_of(earliest.start - 1)
        start = next((m for m in reversed(days_told) if earliest.start <= m.start < match.start()), None)
        if end is None or start is None:
            continue
        between = (end.value.earliest - start.value.earliest).days
        if between < 2 or told in (between - 1, between, between + 1) or not digit_slip(str(told), str(between)):
            continue
        written = analysis.document.source[match.start("n"):match.end("n")]
        yield rule.finding(
            rule.message("between", stated=written, start=start.text, end=end.text, days=between),
            match.start("n"), match.end("n"), written, suggestion=str(between) if written.isdigit() else None,
            evidence=Evidence(fact="the days between", value=f"{start.value.earliest.isoformat()} to {end.value.earliest.isoformat()}",
                              source="this article"),
        )


KIND = CheckKind(
    name="relative-date",
    run=run,
    summary="a relative date contradicts the absolute date beside it, or cannot be resolved",
    params={"report_unresolved": ((bool,), True), "unresolved_severity": ((str,), "info")},
    param_checks={"unresolved_severity": SEVERITY_NAME},
    messages=('unresolved', 'disagrees', 'counted', 'between'),
)
