"""title-number: an ordinal that contradicts the number in a title named beside it.

"Toy Tales 8 is the seventh film" or "Part Two, the first part of the story".
A title's number is typed by the word before it ("Part Two" numbers a part,
"Chapter 3" a chapter); a bare trailing number ("Toy Tales 8") numbers the
film in its series. An ordinal is typed by the noun after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.lexicon import word_value
from factcheck.model import Analysis, Evidence, Finding, NumberValue
from factcheck.text import tokenize

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    nouns = {noun: kind for kind, words in KIND.param(rule, "nouns").items() for noun in words}
    markers = {marker: kind for kind, words in KIND.param(rule, "title_words").items() for marker in words}
    titles = [(l.start, l.end, l.text, l.record.name) for l in analysis.links if l.record.type != "person"]
    titles += [(m.start, m.end, m.text, m.text) for m in analysis.mentions if m.kind in ("work", "event", "product")
               and not any(t[0] <= m.start < t[1] for t in titles)]
    text = analysis.document.text
    for mention in analysis.mentions:
        if mention.kind != "number" or not isinstance(mention.value, NumberValue) or not mention.value.ordinal:
            continue
        if text[mention.start - 1:mention.start] == "-" or text[mention.end:mention.end + 1] == "-":
            continue  # "a worst-to-first run", "a first-round exit": a word of a compound, numbering no installment
        sentence = analysis.sentence_of(mention.start)
        after = [t.norm for t in _common.tokens_between(analysis, mention.end, sentence.end)][:3]
        kind = next((nouns[w] for w in after if w in nouns), None)
        head = _head_noun(analysis, mention)
        if head is not None and head not in nouns:
            kind = None  # "the ninth inning of Game 1": the ordinal numbers its own noun, an inning
        if kind is None:
            continue
        for start, end, written, name in titles:
            if not sentence.start <= start < sentence.end or not _beside(analysis, start, end, mention):
                continue
            number = title_number(written, markers).get(kind)
            if number is None or number == mention.value.value:
                continue
            yield rule.finding(
                rule.message("disagrees", stated=mention.text, noun=kind, title=written, number=int(number)),
                mention.start, mention.end, mention.text,
                suggestion=_common.format_number_like(mention, number),
                evidence=Evidence(fact="title number", value=written, source="the title in the same sentence"),
            )
            break


def _head_noun(analysis: Analysis, mention) -> str | None:
    """The noun the ordinal modifies in the parse ("inning" of "the ninth inning of Game 1"), folded."""
    syntax = analysis.syntax
    word = syntax.span_root(mention.start, mention.end) if syntax is not None else None
    if word is None or syntax.tokens[word].dep not in ("amod", "nummod") or not syntax.tokens[syntax.tokens[word].head].tag.startswith("NN"):
        return None
    head = syntax.tokens[syntax.tokens[word].head]
    return analysis.document.text[head.start:head.end].lower()


MAX_GAP = 6  # words between a title and the ordinal that describes it
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\b|\b(?:while|whereas|but)\b")


def _beside(analysis: Analysis, start: int, end: int, ordinal) -> bool:
    """'Toy Tales 8 is the seventh film', 'the seventh film, Toy Tales 8': in one clause, close."""
    first, second = (end, ordinal.start) if end <= ordinal.start else (ordinal.end, start)
    between = analysis.document.text[first:second]
    return len(_common.tokens_between(analysis, first, second)) <= MAX_GAP and not _CLAUSE_BREAK.search(between)


def title_number(title: str, markers: dict[str, str]) -> dict[str, float]:
    """{'part': 2} for '… Part Two', {'installment': 8} for 'Toy Tales 8'."""
    words = [t.norm for t in tokenize(title)]
    numbers: dict[str, float] = {}
    for index, word in enumerate(words):
        value = _number(word)
        if value is None or index == 0:
            continue
        previous = words[index - 1]
        if previous in markers:
            numbers.setdefault(markers[previous], value)
        elif index == len(words) - 1 and value <= 100:  # "Summit 2024" names a year, not an installment
            numbers.setdefault("installment", value)
    return numbers


def _number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    if word in ROMAN:
        return float(ROMAN[word])
    parsed = word_value(word)
    return parsed[0] if parsed and not parsed[1] else None


KIND = CheckKind(
    name="title-number",
    run=run,
    summary="an ordinal contradicts the number in a title",
    params={
        "nouns": ((dict,), {}),
        "title_words": ((dict,), {}),
    },
    messages=('disagrees',),
)
