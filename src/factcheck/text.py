"""Word tokens with offsets, folded so that spelling variants of one name compare equal."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"['’]s$")


class Token(NamedTuple):
    """A word, folded, and where it is. A named tuple, not a dataclass: an article makes thousands,
    and a tuple is made three times faster (the same holds for the parse's SyntaxToken)."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=8192)  # a few MB: enough for one article's words and the records' names
def fold(word: str) -> str:
    """Lower case, no accents, straight apostrophes, no possessive 's."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(char for char in word if not unicodedata.combining(char))
    return _POSSESSIVE_RE.sub("", word.replace("’", "'"))


def fold_in_place(text: str) -> str:
    """`fold` letter by letter, each letter to one, so that an offset in the result is the same offset in
    the text (a letter that folds to two, "ﬁ" or "½", is only lowered)."""
    return "".join(folded if len(folded := fold(char)) == 1 else char.lower() if len(char.lower()) == 1 else char
                   for char in text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [
        Token(fold(match.group()), match.start(), match.end())
        for match in WORD_RE.finditer(text, start, len(text) if end is None else end)
    ]


@lru_cache(maxsize=16384)  # names are compared again and again: the records' and the article's
def name_key(name: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(name))


def normalise_punctuation(text: str) -> str:
    """What a house style may not care about: curly quotes and runs of white space."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


# Words too common to be a name on their own: an alias "May" or "The" would link every such word.
COMMON_WORDS = frozenset("""
a an the and or but if of in on at to for from by with as is was be are were been it its this that these those
he she they we you i me him her them us his their our your my mine who whom which what when where why how all any
each some no not one two three first last new old more most other such only same so than too very can will just
do does did has have had may might must shall should would could up down out over under again further then once
here there about above after before below between into through during until against among per via
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
mr mrs ms dr sir news said says report year years day days week weeks month months
""".split())


def is_common_word(name: str) -> bool:
    """A one-word name that is a common English word (a month, a weekday, "The")."""
    key = name_key(name)
    return len(key) == 1 and key[0] in COMMON_WORDS


def quoted_at(text: str, position: int, paragraph_from: int | None = None) -> bool:
    """Is `position` inside a quotation? Counted from the start of the paragraph holding
    `paragraph_from` (default: `position`), as a quotation may run over several sentences."""
    anchor = position if paragraph_from is None else paragraph_from
    before = text[text.rfind("\n", 0, anchor) + 1:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
