"""relative-date: a relative date ("last Tuesday", "two days ago") that contradicts the
absolute date written beside it, or that cannot be resolved for want of a publication date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, DateValue, Evidence, Finding, Severity

# What may stand between a relative date and the absolute one that restates it:
# "last Tuesday, March 5", "two days ago (on March 12)", "on Monday — June 3 —"
_BETWEEN = re.compile(r"^[\s,(—–-]*(?:on|,|the)?[\s,(—–-]*$", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    published = analysis.document.published
    text = analysis.document.text
    mentions = [m for m in analysis.mentions if m.kind == "date"]
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
        if not isinstance(mention.value, DateValue):
            continue
        for other in (mentions[index - 1] if index else None, mentions[index + 1] if index + 1 < len(mentions) else None):
            if other is None or other.label == "relative" or not isinstance(other.value, DateValue):
                continue
            if other.value.precision != "day" or mention.value.precision not in ("day", "span"):
                continue  # "since 2011 on Saturday": a year does not restate a day
            first, second = (mention, other) if mention.start < other.start else (other, mention)
            if not _BETWEEN.match(text[first.end:second.start]):
                continue
            if mention.value.overlaps(other.value) or _anniversary(text, mention, other):
                continue
            yield rule.finding(
                rule.message("disagrees", written=mention.text, resolved=mention.value, published=published.isoformat(),
                             beside=other.value),
                first.start, second.end, analysis.document.source[first.start:second.end],
                suggestion=None,
                evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
            )


_AGO_TODAY = re.compile(r"\b(a|an|one|two|three|four|five|ten|twenty|fifty|\d+)\s+years?\s+ago\s*$", re.IGNORECASE)


def _anniversary(text: str, mention, other) -> bool:
    """"a year ago today, 25 April 2015", "25 years ago this week, on Sunday, May 24, 1987": "today"
    or "this week" counts back as many years as the words before it say."""
    ago = _AGO_TODAY.search(text[max(0, mention.start - 30):mention.start])
    if ago is None or mention.text.strip().lower() not in ("today", "this week", "this month"):
        return False
    word = ago.group(1).lower()
    numbers = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "twenty": 20, "fifty": 50}
    years = int(word) if word.isdigit() else numbers.get(word)
    if years is None:
        return False
    try:
        earliest = mention.value.earliest.replace(year=mention.value.earliest.year - years)
        latest = mention.value.latest.replace(year=mention.value.latest.year - years)
    except ValueError:  # 29 February
        return False
    return earliest <= other.value.earliest <= latest
    word = ago.group(1).lower()
    years = int(word) if word.isdigit() else {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
                                               "twenty": 20, "fifty": 50}[word]
    day = mention.value.earliest
    try:
        return day.replace(year=day.year - years) == other.value.earliest
    except ValueError:  # 29 February
        return False


KIND = CheckKind(
    name="relative-date",
    run=run,
    summary="a relative date contradicts the absolute date beside it, or cannot be resolved",
    params={"report_unresolved": ((bool,), True), "unresolved_severity": ((str,), "info")},
    messages=('unresolved', 'disagrees'),
)
