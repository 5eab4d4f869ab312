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
            if mention.value.overlaps(other.value):
                continue
            yield rule.finding(
                rule.message("disagrees", written=mention.text, resolved=mention.value, published=published.isoformat(),
                             beside=other.value),
                first.start, second.end, analysis.document.source[first.start:second.end],
                suggestion=None,
                evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
            )


KIND = CheckKind(
    name="relative-date",
    run=run,
    summary="a relative date contradicts the absolute date beside it, or cannot be resolved",
    params={"report_unresolved": ((bool,), True), "unresolved_severity": ((str,), "info")},
    messages=('unresolved', 'disagrees'),
)
