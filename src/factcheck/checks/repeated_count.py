"""repeated-count: one owner's count of one thing given twice with different figures.

"Handré Pollard kicked four penalties …" and later "Pollard's five penalties accounted
for …": the same person's penalties in the same match cannot be four and five. Read
from the parse: a figure counting a plural noun (its `nummod`), owned by a named
person or organisation — the noun's possessor ("Pollard's five penalties") or the
subject of the verb whose object it is ("Pollard kicked four penalties"). A count
whose clause narrows it (a date, "in the first half", "this season", "other",
"more") is another count, and approximations are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Evidence, NumberValue
from factcheck.text import name_key

NARROWING = {"first", "second", "third", "last", "other", "more", "another", "additional", "remaining", "new", "previous",
             "extra", "further", "fewer", "only", "half", "season", "year", "week", "month", "day", "career", "total",
             "all", "tournament", "round", "quarter", "semi", "final", "since", "until", "before", "after", "during",
             "per", "each", "average", "straight", "consecutive", "successive", "home", "away", "previously",
             "earlier", "later", "competitive", "including", "except", "both"}


def run(analysis: Analysis, rule) -> Iterator:
    syntax = analysis.syntax
    if syntax is None:
        return
    text = analysis.document.text
    names = _names(analysis)
    counts: dict[tuple, list] = {}
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal or not value.exact \
                or mention.label != "cardinal" or not 2 <= value.value <= 10_000:
            continue
        number = syntax.span_root(mention.start, mention.end)
        if number is None or syntax.tokens[number].dep != "nummod":
            continue
        noun = syntax.tokens[number].head
        if syntax.tokens[noun].tag not in ("NNS", "NNPS"):
            continue
        owner = _owner(syntax, noun, names)
        if owner is None or _narrowed(analysis, noun, number):
            continue
        word = text[syntax.tokens[noun].start:syntax.tokens[noun].end].lower()
        counts.setdefault((owner, word.rstrip("s")), []).append((mention, noun))
    for (owner, noun), stated in counts.items():
        values = {m.value.value for m, _ in stated}
        if len(values) < 2:
            continue
        first = stated[0][0]
        line, _ = analysis.document.position(first.start)
        for mention, noun_index in stated[1:]:
            if mention.value.value == first.value.value:
                continue
            noun_token = syntax.tokens[noun_index]
            written = analysis.document.source[mention.start:noun_token.end]
            yield rule.finding(
                rule.message("mismatch", owner=owner, stated=written, earlier=analysis.document.text[first.start:first.end], line=line),
                mention.start, noun_token.end, written,
                evidence=Evidence(fact=f"{owner}'s {text[noun_token.start:noun_token.end]}", value=first.text,
                                  source=f"line {line} of this article"),
            )


def _names(analysis: Analysis) -> list[tuple[int, int, str]]:
    """Named people and organisations, by the key of their last word (Pollard = Handré Pollard)."""
    found = []
    for link in analysis.links:
        found.append((link.start, link.end, " ".join(name_key(link.record.name)[-1:])))
    for mention in analysis.mentions:
        if mention.kind in ("person", "org") and not any(s <= mention.start < e for s, e, _ in found):
            key = name_key(mention.text)
            if key:
                found.append((mention.start, mention.end, key[-1]))
    return found


def _owner(syntax, noun: int, names) -> str | None:
    """Whose count: the noun's possessor, or the subject of the verb it is the object of."""
    candidates = [child for child in syntax.children(noun) if syntax.tokens[child].dep == "poss"]
    token = syntax.tokens[noun]
    if not candidates and token.dep in ("dobj",) and syntax.tokens[token.head].tag.startswith("VB"):
        candidates = [child for child in syntax.children(token.head) if syntax.tokens[child].dep == "nsubj"]
    for candidate in candidates:
        word = syntax.tokens[candidate]
        for start, end, key in names:
            if start <= word.start < end:
                return key
    return None


def _narrowed(analysis: Analysis, noun: int, number: int) -> bool:
    """Words around the count that make it a part or another tally ("four penalties in the first half")."""
    syntax = analysis.syntax
    clause = syntax.clause(noun)
    text = analysis.document.text
    inside = [i for i, token in enumerate(syntax.tokens) if syntax.clause(i) == clause]
    words = {text[syntax.tokens[i].start:syntax.tokens[i].end].lower() for i in inside}
    if words & NARROWING:
        return True
    start, end = syntax.tokens[min(inside)].start, syntax.tokens[max(inside)].end
    return any(m.kind == "date" and start <= m.start < end for m in analysis.mentions)


KIND = CheckKind(
    name="repeated-count",
    run=run,
    summary="one owner's count of one thing is given twice with different figures",
    messages=("mismatch",),
)
