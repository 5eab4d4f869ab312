"""title-variant: a name written in a form that is neither the record's canonical name nor an alias."""

from __future__ import annotations

import re

from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.model import ARTICLE_ORIGIN, Analysis, Evidence, Finding
from factcheck.text import normalise_punctuation, tokenize


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    types = set(KIND.param(rule, "types"))
    for link in analysis.links:
        if not link.exact or link.record.origin == ARTICLE_ORIGIN or (types and link.record.type not in types):
            continue
        if len(tokenize(link.text)) < 2:
            continue  # a surname alone is how people are named after the first mention
        written = _without_article(normalise_punctuation(link.text))
        # matched_name: also a shorter name the records imply ("the Women's World Cup final");
        # "the Eras Tour" in running text is "The Eras Tour"
        accepted = {_without_article(normalise_punctuation(name)) for name in (*link.record.names, link.matched_name)}
        if written in accepted:
            continue
        yield rule.finding(
            rule.message("variant", written=link.text, name=link.record.name),
            link.start, link.end, link.text,
            suggestion=link.record.name,
            evidence=Evidence(record=link.record.id, fact="name", value=link.record.name, source=link.record.source),
        )


KIND = CheckKind(
    name="title-variant",
    run=run,
    summary="a known name is written in a variant form (punctuation, capitals)",
    params={"types": ((list,), [])},
    messages=("variant",),
)


def _without_article(name: str) -> str:
    # double quotes set off part of a name as house style does ('Berlin Brandenburg Airport "Willy Brandt"'):
    # they are not a variant of it, and a name's span may end before its closing quote
    name = re.sub(r'["«»„“”]', "", name)
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
