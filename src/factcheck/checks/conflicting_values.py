"""conflicting-values: one entity's fact given two different values in one article.

Where the records hold the fact, record-fact already says which value is wrong;
this kind speaks only where the article is the only witness, and then reports
the values that disagree with the one most mentions give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.checks._common import claim_years, in_scope, same_name
from factcheck.lexicon import CURRENCY_SIGNS
from factcheck.model import Analysis, DateValue, Evidence, FactValue, Finding, NumberValue
from factcheck.text import name_key

SINGLE_VALUED = {"date", "number", "ordinal", "duration", "money", "person", "text"}


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list] = {}
    for claim in analysis.claims:
        spec = analysis.vocabulary.spec(claim.record.type, claim.fact)
        if spec is None or spec.value not in SINGLE_VALUED or claim.record.facts.get(claim.fact):
            continue
        if not in_scope(analysis, claim, FactValue(None)):
            continue  # a sentence about another year than the record's event
        # ("who peacefully passed away today," in a quotation is the speaker's day: extract leaves it unresolved)
        group = groups.setdefault((claim.record.id, claim.fact), [])
        if all(c.value.start != claim.value.start for c in group):
            group.append(claim)
    for (_, fact), claims in groups.items():
        if len(claims) < 2:
            continue
        # the value most mentions agree with is taken as meant; the earliest wins a tie
        support = [sum(_agree(c.value, other.value) for other in claims) for c in claims]
        reference = claims[support.index(max(support))]
        spec = analysis.vocabulary.spec(reference.record.type, fact)
        line, _ = analysis.document.position(reference.value.start)
        for claim in claims:
            if _agree(claim.value, reference.value) or _other_years(analysis, claim, reference):
                continue
            if (claim.sentence, claim.trigger_start) == (reference.sentence, reference.trigger_start):
                continue  # one word's list: "won in 1980 and 1987"
            if _models_of_one_line(claim, reference):
                continue
            if _two_currencies(claim.value.text, reference.value.text):
                continue  # "The Series X costs £449.99 ($499)" and "$499.99" in America: one price in two markets
            if _names_of_two_kinds(claim.value, reference.value):
                continue  # "Tao Geoghegan Hart of Britain won": a person and a country, not two winners
            yield rule.finding(
                rule.message("conflict", fact=spec.label, record=claim.record.name, first=reference.value.text, line=line,
                             stated=claim.value.text),
                claim.value.start, claim.value.end, claim.value.text,
                suggestion=reference.value.text if _same_kind(claim.value, reference.value) else None,
                evidence=Evidence(record=claim.record.id, fact=fact, value=reference.value.text, source=f"line {line} of this article"),
            )


def _other_years(analysis: Analysis, first, second) -> bool:
    """Sentences about different years ("won the World Cup as captain in 1998" and the 2022 final):
    two occasions, not two values of one."""
    years = [claim_years(analysis, c) for c in (first, second)]
    return bool(years[0]) and bool(years[1]) and not years[0] & years[1] or bool(years[0]) != bool(years[1]) and \
        analysis.document.published is not None and analysis.document.published.year not in (years[0] | years[1])


def _models_of_one_line(first, second) -> bool:
    """Are the two told of names of one record, one the other with words added ("iPhone 15" and
    "iPhone 15 Pro", a line-up's aliases)? Then they are two models, each with its own price."""
    if first.subject is None or second.subject is None:
        return False
    one, other = sorted((name_key(first.subject.text), name_key(second.subject.text)), key=len)
    return len(one) < len(other) and other[:len(one)] == one


_NAME_KINDS = {"person", "place", "org", "group"}


def _names_of_two_kinds(first, second) -> bool:
    """Are the two values names of different kinds (a person and a place, a person and a team)? Then
    one tells of the other ("Tao Geoghegan Hart of Britain", "of Ineos Grenadiers"), not a second value."""
    return first.kind in _NAME_KINDS and second.kind in _NAME_KINDS and first.kind != second.kind


# a sum's currency: its sign (the lexicon's, longest first: "US$" before "$") or its code or word
_CURRENCY = re.compile("|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True))
                       + r"|\b(?:USD|GBP|EUR|JPY|dollars?|pounds?|euros?|yen|rupees?)\b")


def _currency(text: str) -> str | None:
    found = _CURRENCY.search(text)
    if found is None:
        return None
    said = found.group(0)
    return CURRENCY_SIGNS.get(said) or (said if said.isupper() else said.lower().rstrip("s"))  # "USD" is "$"'s code


def _two_currencies(first: str, second: str) -> bool:
    """Are the two sums in different currencies ("£449.99", "$499.99")? Then they are no two values of one price."""
    one, other = _currency(first), _currency(second)
    return one is not None and other is not None and one != other


def _same_kind(first, second) -> bool:
    return type(first.value) is type(second.value)


def _agree(first, second) -> bool:
    if isinstance(first.value, DateValue) and isinstance(second.value, DateValue):
        return first.value.overlaps(second.value)
    if isinstance(first.value, NumberValue) and isinstance(second.value, NumberValue):
        return first.value.overlaps(second.value)
    return same_name(first.text, second.text) or same_name(second.text, first.text)


KIND = CheckKind(
    name="conflicting-values",
    run=run,
    summary="the same fact of the same entity is given two different values",
    messages=("conflict",),
)
