"""Word tokens with offsets, folded so that spelling variants of one name compare equal."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int
    end: int


@lru_cache(maxsize=8192)  # a few MB: enough for one article's words and the records' names
def fold(word: str) -> str:
    """Lower case, no accents, straight apostrophes, no possessive 's."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(char for char in word if not unicodedata.combining(char))
    return _POSSESSIVE_RE.sub("", word.replace("’", "'"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [
        Token(fold(match.group()), match.start(), match.end())
        for match in WORD_RE.finditer(text, start, len(text) if end is None else end)
    ]


def name_key(name: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(name))


def normalise_punctuation(text: str) -> str:
    """What a house style may not care about: curly quotes and runs of white space."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()
