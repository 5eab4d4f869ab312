"""series-end: the last of a series told with a number its whole does not have.

"Verstappen passed Hamilton on the 57th and final lap" in a race the article has called "lap 53 of
58"; "Yas Marina was the 21st and final round of a season that was cut to 22 races"; "Saturday's 19th
stage, the penultimate leg" of "the 21 stages". The last of a series is its length, the one before
the last one less. The length is read from the article's own words for the whole series, of the same
thing (a lap; a round or race; a stage or leg; a game or match; an episode):
- "lap 53 of 58", "stage 12 of 21";
- "of the 58 laps", "the 21 stages", "all 22 races", "its 21 stages" (the definite whole);
- "a 58-lap race", "the 21-stage race";
- "cut to 22 races", "a season of 22 races", "over 21 stages".
When the article gives two lengths for one series, which one is meant is unclear, and nothing is
reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks._common import ORDINAL_WRITTEN, format_number_like, whole_number
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Evidence, Mention, NumberValue

# the things a series is made of, each with the words copy uses for one of them
_KINDS = {
    "lap": ("lap", "laps"),
    "round": ("round", "rounds", "race", "races", "grand prix", "grands prix"),
    "stage": ("stage", "stages", "leg", "legs"),
    "game": ("game", "games", "match", "matches", "fixture", "fixtures"),
    "episode": ("episode", "episodes"),
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
_NOUN = "|".join(sorted((re.escape(word) for word in _KIND_OF), key=len, reverse=True))
_COUNT = r"(?:(?<![\d,.])\d{1,3}(?![\d,.]\d)|[a-z]+(?:-[a-z]+)?)"
# "the 57th and final lap", "its 21st and last round"
_LAST = re.compile(rf"\b(?P<n>{ORDINAL_WRITTEN})\s+and\s+(?:final|last)\s+(?P<noun>{_NOUN})\b", re.IGNORECASE)
# "Saturday's 19th stage, the penultimate leg"
_PENULTIMATE = re.compile(rf"\b(?P<n>{ORDINAL_WRITTEN})\s+(?P<noun>{_NOUN}),\s+the\s+(?:penultimate|second[- ]to[- ]last|last\s+but\s+one)\s+"
                          rf"(?P<again>{_NOUN})\b", re.IGNORECASE)
# the length of the whole: "lap 53 of 58", "of the 58 laps", "the 21 stages", "a 58-lap race", "cut to 22 races"
_WHOLE = [
    re.compile(rf"\b(?P<noun>{_NOUN})\s+\d{{1,3}}\s+of\s+(?:the\s+)?(?P<n>\d{{1,3}})\b(?!\s*(?:%|per\s?cent))", re.IGNORECASE),
    re.compile(rf"\b(?:of|all|over|across)\s+(?:the\s+|its\s+|their\s+)?(?P<n>{_COUNT})\s+(?P<noun>{_NOUN})\b", re.IGNORECASE),
    re.compile(rf"(?<!\bwon\s)(?<!\blost\s)(?<!\bled\s)\b(?:the|its|their)\s+(?P<n>{_COUNT})\s+(?P<noun>{_NOUN})\b(?!\s+(?:that|which|who|left|remaining|to\s+go|still))",
               re.IGNORECASE),
    re.compile(rf"\b(?:a|an|the|its|their)\s+(?P<n>\d{{1,3}}|[a-z]+)-(?P<noun>{_NOUN})\s+(?:race|season|series|event|tour|championship|"
               rf"competition|calendar|tournament|season's)\b", re.IGNORECASE),
    re.compile(rf"\b(?:cut|reduced|trimmed|extended|expanded|shortened|increased)\s+to\s+(?P<n>{_COUNT})\s+(?P<noun>{_NOUN})\b",
               re.IGNORECASE),
    re.compile(rf"\b(?:season|calendar|series|championship|race|tour)\s+of\s+(?P<n>{_COUNT})\s+(?P<noun>{_NOUN})\b", re.IGNORECASE),
]


# what any last of a series says, found at once (the ordinal patterns are slow to try at every word)
_CUE = re.compile(r"\band\s+(?:final|last)\b|\bpenultimate\b|\bsecond[- ]to[- ]last\b|\blast\s+but\s+one\b", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    if not _CUE.search(text):
        return
    lasts = [(match, 0) for match in _LAST.finditer(text)] + \
            [(match, 1) for match in _PENULTIMATE.finditer(text) if _KIND_OF[match.group("noun").lower()] == _KIND_OF[match.group("again").lower()]]
    if not lasts:
        return
    wholes: dict[str, list[tuple[int, re.Match]]] = {}
    for pattern in _WHOLE:
        for match in pattern.finditer(text):
            length = whole_number(match.group("n"), ordinal=False)
            if length is not None and length >= 2:
                wholes.setdefault(_KIND_OF[match.group("noun").lower()], []).append((length, match))
    for match, before_last in lasts:
        found = wholes.get(_KIND_OF[match.group("noun").lower()], [])
        if len({length for length, _ in found}) != 1:
            continue  # none, or two lengths: which one is meant is unclear
        length, whole = found[0]
        place = whole_number(match.group("n"), ordinal=True)
        if place is None or place + before_last == length:
            continue
        start, end = match.start("n"), match.end("n")
        written = analysis.document.source[start:end]
        line, _ = analysis.document.position(whole.start())
        mention = Mention("number", start, end, written, NumberValue(place, place, place, ordinal=True))
        yield rule.finding(
            rule.message("penultimate" if before_last else "last", stated=written, length=length, whole=whole.group(0), line=line),
            start, end, written, suggestion=format_number_like(mention, float(length - before_last)),
            evidence=Evidence(fact="length of the series", value=whole.group(0), source=f"this article, line {line}"),
        )


KIND = CheckKind(
    name="series-end",
    run=run,
    summary="the last of a series told with a number the whole series does not have",
    messages=("last", "penultimate"),
)
