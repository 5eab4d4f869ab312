"""list-membership: a person named as cast, member or participant is not in the record's list.

Records are often incomplete, so rules on this kind are warnings by default.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Finding
from factcheck.names import MIN_WORD_SIMILARITY
from factcheck.text import name_key
from rapidfuzz.distance import Indel


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    facts = set(KIND.param(rule, "facts"))
    reported: set[int] = set()
    for claim in analysis.claims:
        spec = analysis.vocabulary.spec(claim.record.type, claim.fact)
        if spec is None or spec.value != "person-list" or (facts and claim.fact not in facts):
            continue
        members = claim.record.facts.get(claim.fact, ())
        if not members or claim.value.start in reported:
            continue
        names = [str(member.value) for member in members]
        if any(_common.same_name(claim.value.text, name) for name in names):
            continue
        if any(_near(claim.value.text, name) for name in names):
            continue  # a misspelt member: the near-miss rule says so
        if any(_common.same_name(claim.value.text, name) for name in _named_anywhere(claim.record)):
            continue  # a character the records give as someone's role, a name of another fact: known, not missing
        reported.add(claim.value.start)
        yield rule.finding(
            rule.message("missing", name=claim.value.text, list=spec.label, record=claim.record.name),
            claim.value.start, claim.value.end, claim.value.text,
            suggestion=None,
            evidence=_common.evidence(claim.record, claim.fact, members),
        )


def _named_anywhere(record) -> list[str]:
    """Every name-like text in the record's facts, their values and the details beside them."""
    names = []
    for values in record.facts.values():
        for value in values:
            for text in (value.value, value.qualifiers.get("detail")):
                if isinstance(text, str):
                    names.append(text)
    return names


def _near(written: str, name: str) -> bool:
    written_key, name_words = name_key(written), name_key(name)
    if len(written_key) != len(name_words):
        return False
    wrong = [(a, b) for a, b in zip(written_key, name_words) if a != b]
    return len(wrong) == 1 and Indel.normalized_similarity(*wrong[0]) >= MIN_WORD_SIMILARITY


KIND = CheckKind(
    name="list-membership",
    run=run,
    summary="a person named in a list (cast, members, crew) is not in the record's list",
    params={"facts": ((list,), [])},
    messages=("missing",),
)
