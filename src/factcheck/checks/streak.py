"""streak: one run of the same thing told with two lengths.

"The Bank of England raised interest rates for the 14th time in a row" and later "Thursday's move
was the thirteenth straight increase"; "halting a run of 14 consecutive increases" and "the last
increase … was the Bank's 15th consecutive rise". A run is an ordinal with "consecutive",
"straight", "successive" or "in a row" ("the 14th consecutive increase", "for the 14th time in a
row", its verb then saying what the run is of: "raised … for the 14th time"), or a count with a
run's word ("a run of 14 consecutive increases"). Runs of one kind of thing (increases, rises and
hikes are one; cuts another; wins, losses …) of one subject (the name its sentence's verb has, in
full — "The European Central Bank raised its deposit rate, its ninth consecutive increase" is
another's — or none, "Thursday's move was …") in one article:
- ordinals of it that disagree: the value most of them give is taken as meant (the first on a tie),
  the others reported;
- an ordinal past a run's whole length ("the 15th" of a run of 14) is reported.
An ordinal looked forward to ("investors had expected a 15th straight increase", "chasing a sixth
consecutive title") is no run had, and is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from factcheck.checks._common import ORDINAL_WRITTEN, format_number_like, whole_number
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Evidence, Mention, NumberValue
from factcheck.text import name_key

_RUN_WORDS = r"(?:consecutive|straight|successive|back-to-back)"
# "the 14th consecutive increase", "a 15th straight rise"
_ORDINAL_RUN = re.compile(rf"\b(?P<n>{ORDINAL_WRITTEN})\s+{_RUN_WORDS}\s+(?P<noun>[a-z]+)\b", re.IGNORECASE)
# "for the 14th time in a row": what the run is of is its verb's
_TIME_IN_A_ROW = re.compile(rf"\b(?:for\s+)?(?:the|a)\s+(?P<n>{ORDINAL_WRITTEN})\s+(?:{_RUN_WORDS}\s+)?(?:time|meeting)\s+"
                            r"(?:in\s+a\s+row|running|in\s+succession)\b", re.IGNORECASE)
# "a run of 14 consecutive increases", "a streak of 10 straight wins"
_COUNT_RUN = re.compile(rf"\b(?:run|streak|string|series|sequence)\s+of\s+(?P<n>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)\s+{_RUN_WORDS}\s+"
                        r"(?P<noun>[a-z]+)\b", re.IGNORECASE)
# the kinds of thing a run is of, by its noun or by the verb that does it
_FAMILIES = {
    "increase": ("increase", "increases", "rise", "rises", "hike", "hikes", "raise", "raises", "raised", "rose", "increased", "hiked", "lifted"),
    "cut": ("cut", "cuts", "reduction", "reductions", "lowered", "reduced"),
    "hold": ("hold", "holds", "pause", "pauses", "held", "kept", "paused"),
    "win": ("win", "wins", "victory", "victories", "won", "beat"),
    "loss": ("loss", "losses", "defeat", "defeats", "lost"),
}
_FAMILY_OF = {word: family for family, words in _FAMILIES.items() for word in words}
# a run looked forward to, not had
_AHEAD = re.compile(r"\b(?:expect\w*|would|could|might|may|bid|chas\w+|seek\w*|aim\w*|hop\w+|attempt\w*|possible|potential|"
                    r"next|prospect\w*|forecast\w*|predict\w*|bet\w*|eye\w*|target\w*|go\s+for|going\s+for|in\s+line\s+for|"
                    r"on\s+course\s+for|set\s+for|will|shall)\b[^.;!?]*$", re.IGNORECASE)


class _Run(NamedTuple):
    start: int
    end: int
    length: int
    family: str
    whole: bool  # a count of the whole run ("a run of 14"), not one ordinal in it
    owner: tuple[str, ...] | None  # whose run: its sentence's subject, a name, in full; None: no name


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    if not re.search(rf"{_RUN_WORDS}|in\s+a\s+row", text, re.IGNORECASE):
        return
    runs = _runs(analysis, text)
    for family, owner in {(r.family, r.owner) for r in runs}:
        # the ordinals of one owner's run (sentences whose subject is no name, "Thursday's move was …", are
        # compared among themselves); the one whole run's length of its kind bounds them, when its owner is
        # theirs or either is not named
        ordinals = [r for r in runs if r.family == family and not r.whole and r.owner == owner]
        wholes = [r for r in runs if r.family == family and r.whole]
        if len({r.length for r in ordinals}) > 1:
            counted = Counter(r.length for r in ordinals)
            meant = max(ordinals, key=lambda r: (counted[r.length], -r.start)).length
            first = next(r for r in ordinals if r.length == meant)
            for other in ordinals:
                if other.length != meant:
                    yield _finding(analysis, rule, other, meant, first, "ordinal")
            continue
        if len(wholes) != 1 or not (owner is None or wholes[0].owner in (owner, None)):
            continue
        for ordinal in ordinals:
            if ordinal.length > wholes[0].length:
                yield _finding(analysis, rule, ordinal, wholes[0].length, wholes[0], "whole")


def _runs(analysis: Analysis, text: str) -> list[_Run]:
    found = []
    for pattern, whole in ((_ORDINAL_RUN, False), (_TIME_IN_A_ROW, False), (_COUNT_RUN, True)):
        for match in pattern.finditer(text):
            sentence = analysis.sentence_of(match.start())
            if _AHEAD.search(text, sentence.start, match.start()):
                continue
            length = whole_number(match.group("n"), ordinal=not whole)
            noun = match.groupdict().get("noun")
            family = _FAMILY_OF.get(noun.lower()) if noun else _verb_family(text, sentence.start, match.start())
            if length is not None and family is not None:
                found.append(_Run(match.start("n"), match.end("n"), length, family, whole,
                                  _owner(analysis, sentence.start, sentence.end)))
    return sorted(found)


def _owner(analysis: Analysis, start: int, end: int) -> tuple[str, ...] | None:
    """Whose run it is: the name that is its sentence's subject ("The European Central Bank raised its
    deposit rate to 3.75%, its ninth consecutive increase"), in full — a short name ("the Bank") is the
    last name before it that holds its words. None when the subject is no name ("Thursday's move was …")."""
    syntax = analysis.syntax
    if syntax is None:
        return None
    first = bisect.bisect_left(syntax.starts, start)
    last = bisect.bisect_left(syntax.starts, end)
    roots = [i for i in range(first, last) if syntax.tokens[i].head == i]
    subjects = [c for root in roots for c in syntax.children(root) if syntax.tokens[c].dep in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    token = syntax.tokens[subjects[0]]
    named = [m for m in analysis.mentions_holding(token.start, token.end) if m.kind in ("org", "person")]
    if not named:
        return None
    key = tuple(word for word in name_key(named[0].text) if word != "the")
    names = [tuple(word for word in name_key(m.text) if word != "the") for m in analysis.mentions
             if m.kind in ("org", "person") and m.start < named[0].start]
    fuller = [name for name in names if set(key) < set(name)]
    return fuller[-1] if fuller else key


# the verbs that do what a run is of
_VERBS = {"raised", "rose", "increased", "hiked", "lifted", "lowered", "reduced", "cut", "held", "kept", "paused", "won", "beat", "lost"}


def _verb_family(text: str, start: int, end: int) -> str | None:
    """What the verb before "for the 14th time in a row" does ("raised interest rates …"): the last such
    verb between the sentence's start and the ordinal."""
    verbs = [word for word in re.findall(r"[a-z]+", text[start:end]) if word in _VERBS]
    return _FAMILY_OF[verbs[-1]] if verbs else None


def _finding(analysis: Analysis, rule, stated: _Run, meant: int, reference: _Run, message: str):
    text = analysis.document.text
    written = analysis.document.source[stated.start:stated.end]
    line, _ = analysis.document.position(reference.start)
    mention = Mention("number", stated.start, stated.end, written, NumberValue(stated.length, stated.length, stated.length, ordinal=True))
    suggestion = format_number_like(mention, float(meant)) if message == "ordinal" else None
    return rule.finding(
        rule.message(message, stated=written, meant=text[reference.start:reference.end], line=line),
        stated.start, stated.end, written, suggestion=suggestion,
        evidence=Evidence(fact="run", value=text[reference.start:reference.end], source=f"this article, line {line}"),
    )


KIND = CheckKind(
    name="streak",
    run=run,
    summary="one run of the same thing told with two lengths",
    messages=("ordinal", "whole"),
)
