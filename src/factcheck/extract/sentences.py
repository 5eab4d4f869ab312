"""Split text into sentences: at line breaks and at sentence-final punctuation.

A news article's headlines, captions and list items stand on lines of their own,
so a line break always ends a sentence.
"""

from __future__ import annotations

import re

from factcheck.model import Sentence

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no",
    "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "rev", "hon", "mt", "ft", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\r\n|\n|\r")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
# "J. K. Rowling", "J.K. Rowling": the dot after a lone letter is an initial's, not a sentence's end
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NUMBER_AHEAD = re.compile(r"\s*\d")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[0] == ".":
            before = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
            word = before.group(1).lower() if before else ""
            # "No. 1" is an abbreviation; "The answer was no." ends a sentence
            abbreviation = word in ABBREVIATIONS and (word != "no" or _NUMBER_AHEAD.match(text, match.end()))
            if abbreviation or _INITIALS.fullmatch(word):
                continue
        _add(sentences, text, start, match.end())
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences or [Sentence(0, len(text))]


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))
