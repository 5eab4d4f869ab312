"""conflicting-values: one entity's fact given two different values in one article.

Where the records hold the fact, record-fact already says which value is wrong;
this kind speaks only where the article is the only witness.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import CheckKind
from factcheck.model import Analysis, DateValue, Evidence, Finding, NumberValue

SINGLE_VALUED = {"date", "number", "ordinal", "duration", "money", "person", "text"}


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    first_seen: dict[tuple[str, str], list] = {}
    for claim in analysis.claims:
        spec = analysis.vocabulary.spec(claim.record.type, claim.fact)
        if spec is None or spec.value not in SINGLE_VALUED or claim.record.facts.get(claim.fact):
            continue
        earlier = first_seen.setdefault((claim.record.id, claim.fact), [])
        clash = next((c for c in earlier if not _agree(c.value.value, claim.value.value, c.value.text, claim.value.text)), None)
        if clash is not None:
            line, _ = analysis.document.position(clash.value.start)
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=f"{spec.label} of “{claim.record.name}” is given as {clash.value.text} on line {line} and as {claim.value.text} here",
                start=claim.value.start,
                end=claim.value.end,
                text=claim.value.text,
                suggestion=None,
                evidence=Evidence(record=claim.record.id, fact=claim.fact, value=clash.value.text, source=f"line {line}"),
            )
        elif all(c.value.start != claim.value.start for c in earlier):
            earlier.append(claim)


def _agree(first, second, first_text: str, second_text: str) -> bool:
    if isinstance(first, DateValue) and isinstance(second, DateValue):
        return first.overlaps(second)
    if isinstance(first, NumberValue) and isinstance(second, NumberValue):
        return first.overlaps(second)
    from factcheck.checks._common import same_name

    return same_name(first_text, second_text) or same_name(second_text, first_text)


KIND = CheckKind(
    name="conflicting-values",
    run=run,
    summary="the same fact of the same entity is given two different values",
)
