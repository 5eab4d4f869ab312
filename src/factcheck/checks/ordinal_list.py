"""ordinal-list: "the sixth country to land …, after A, B, C and D": four came before, so fifth.

An ordinal ("fifth", "6th") followed in its sentence by "after", "following",
"joining" or "behind" and a list of names that closes the sentence: the list
is who came before, and the ordinal must be one more than its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks._common import format_number_like
from factcheck.checks.base import CheckKind
from factcheck.checks.list_count import _items
from factcheck.model import Analysis, Evidence, NumberValue

_BEFORE = re.compile(r",?\s+(?:after|following|joining|behind)\s+", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or not value.ordinal or not 2 <= value.value <= 30:
            continue
        sentence = analysis.sentence_of(mention.start)
        rest = text[mention.end:sentence.end]
        # "the sixth country to achieve a soft landing on the Moon, after …": the ordinal's own phrase, then the list
        introduced = _BEFORE.search(rest)
        if introduced is None or re.search(r"[;:—–]|\b(?:and|but|while)\s+(?:the|it|he|she|they)\b", rest[:introduced.start()]):
            continue
        start = mention.end + introduced.end()
        items, end = _items(text, start, ",")
        if not items or len(items) < 2 or text[end:end + 1] not in (".", "") and end < sentence.end - 1:
            continue
        expected = len(items) + 1
        if expected == value.value:
            continue
        yield rule.finding(
            rule.message("mismatch", stated=mention.text, listed=len(items), expected=format_number_like(mention, float(expected))),
            mention.start, mention.end, analysis.document.source[mention.start:mention.end],
            suggestion=format_number_like(mention, float(expected)),
            evidence=Evidence(fact="the ones before", value="; ".join(items), source="the list after it in this sentence"),
        )


KIND = CheckKind(
    name="ordinal-list",
    run=run,
    summary="an ordinal disagrees with the list of those that came before it",
    messages=("mismatch",),
)
