"""Find known names in a token stream: exactly, or as a near miss (a typo of one word).

Names are compared on folded word tokens, so "Mission: Impossible – Dead
Reckoning – Part One" and "Mission Impossible Dead Reckoning Part One" match
the same name; a near miss differs in one word by a typo ("Part On").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein, OSA, Indel

from factcheck.lexicon import ORDINALS, SCALES, TENS, UNITS

from factcheck.text import Token, tokenize

NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | set(ORDINALS) | {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
ANCHOR_STOPWORDS = {"the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "part", "de", "la", "le"}
MIN_WORD_SIMILARITY = 0.8  # "On"/"One" 0.8, "McQuarie"/"McQuarrie" 0.94, "John"/"Joan" 0.75


@dataclass(frozen=True)
class NameHit:
    first: int  # token indexes, end exclusive
    last: int
    key: tuple[str, ...]
    exact: bool
    wrong_words: tuple[int, ...] = ()  # token indexes that differ from the name


_WILD = "\0"  # the word left out of a name in the one-word-off table
_NONE: frozenset[int] = frozenset()


def _anchored(key: tuple[str, ...], position: int) -> bool:
    """Does the name keep a telling word when the word at `position` is left out? ("part one" with
    "part" left out keeps "one", a number word only: no; "the office" keeps "the": no.)"""
    return any(word not in ANCHOR_STOPWORDS and word not in NUMBER_WORDS for i, word in enumerate(key) if i != position)


class NameIndex:
    """Exact names by their words, and names one word off through a table of each multi-word name
    with one word left out (a deletion neighbourhood at the level of words, as SymSpell keeps one at
    the level of letters): a window of the text is looked up once per word it could have wrong, so
    the cost of a look-up does not grow with the number of names, however many share a first name."""

    def __init__(self, keys: Iterable[tuple[str, ...]], people: Iterable[tuple[str, ...]] = ()):
        """`people`: the keys that are people's names, in which a plural is no inflection but a
        slip ("May Parson" for May Parsons), as it is in a title ("test flight" for "test flights")."""
        self.keys = {key for key in keys if key}
        self.people = frozenset(people)
        self._lengths_by_first: dict[str, set[int]] = defaultdict(set)
        self._one_off: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for key in self.keys:
            self._lengths_by_first[key[0]].add(len(key))
            for position in range(len(key)) if len(key) >= 2 else ():
                if _anchored(key, position):
                    self._one_off[key[:position] + (_WILD,) + key[position + 1:]].append((key, position))
        self._long_lengths = frozenset(len(key) for key in self.keys if len(key) >= 2)
        # every word of a multi-word name: a window holding two words that are in none of them is
        # no name one word off, and is passed over without a look-up
        self._long_words = frozenset(word for key in self.keys if len(key) >= 2 for word in key)
        # each title of three words or more with two neighbouring words run together ("whatever happened to baby
        # jane" of "what ever happened to baby jane"): a window written so is the title with a space lost
        self._joined: dict[tuple[str, ...], tuple[tuple[str, ...], int]] = {}
        for key in self.keys:
            if len(key) >= 3 and key not in self.people:
                for i in range(len(key) - 1):
                    if key[i].isalpha() and key[i + 1].isalpha() and len(key[i]) >= 2 and len(key[i + 1]) >= 2:
                        self._joined[key[:i] + (key[i] + key[i + 1],) + key[i + 2:]] = (key, i)
        # titles of "the" and one word ("The Irishman"): left out above, "the" being no telling word, but a
        # title set off as one is written one way, and its one word misspelt there is a slip ("*The Irishmen*")
        self._the_titles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in self.keys:
            if len(key) == 2 and key[0] == "the" and key[1].isalpha() and len(key[1]) >= 5 and key not in self.people:
                self._the_titles[key[1][:1]].append(key)
        self.parent: "NameIndex | None" = None

    def extended(self, keys: Iterable[tuple[str, ...]], people: Iterable[tuple[str, ...]] = ()) -> "NameIndex":
        """This index and more names, without building or copying it: a small index of the new
        names that looks in this one too (an article's own names on the loaded ones)."""
        extended = NameIndex([key for key in keys if key and not self._has(key)], people)
        extended.parent = self
        extended._long_lengths |= self._long_lengths
        return extended

    # look-ups through this index and the one it extends
    def _has(self, key: tuple[str, ...]) -> bool:
        return key in self.keys or (self.parent is not None and self.parent._has(key))

    def _opens(self, word: str) -> bool:
        return word in self._lengths_by_first or (self.parent is not None and self.parent._opens(word))

    def _lengths_from(self, word: str) -> set[int]:
        own = self._lengths_by_first.get(word, _NONE)
        if self.parent is None:
            return own
        # (the article's own few names rarely hold the word: no new set then)
        inherited = self.parent._lengths_from(word)
        return own | inherited if own else inherited

    def _one_word_off(self, signature: tuple[str, ...]) -> list[tuple[tuple[str, ...], int]]:
        own = self._one_off.get(signature, [])
        if self.parent is None:
            return own
        inherited = self.parent._one_word_off(signature)
        return [*own, *inherited] if own else inherited

    def _run_together(self, window: tuple[str, ...]) -> tuple[tuple[str, ...], int] | None:
        own = self._joined.get(window)
        return own if own is not None or self.parent is None else self.parent._run_together(window)

    def _titles_of_the(self, letter: str) -> list[tuple[str, ...]]:
        own = self._the_titles.get(letter, [])
        return own + self.parent._titles_of_the(letter) if self.parent is not None else own

    def _in_long_name(self, word: str) -> bool:
        return word in self._long_words or (self.parent is not None and self.parent._in_long_name(word))

    def _person(self, key: tuple[str, ...]) -> bool:
        return key in self.people or (self.parent is not None and self.parent._person(key))

    def exact(self, tokens: list[Token], capitalised: callable, text: str = "") -> list[NameHit]:
        """Longest exact matches, left to right, without overlaps (given the text, also a name the
        records write with "the" that the text writes after a possessive, without it)."""
        hits = []
        # most words open no name, and are passed over without a look at them one by one: the
        # next word that may (the first word of a name, or a capitalised word after a possessive,
        # which may open a name the records write with "the")
        openers = {norm for norm in {token.norm for token in tokens} if self._opens(norm)}
        may_open = [i for i, token in enumerate(tokens) if token.norm in openers]
        if text and self._lengths_from("the"):
            after_possessive = {bisect.bisect_left(tokens, match.end(), key=lambda token: token.start)
                                for match in _POSSESSIVE_END.finditer(text)}
            may_open = sorted(after_possessive.union(may_open) - {len(tokens)})
        resume = 0  # names found do not overlap: the word after the last one
        for index in may_open:
            if index < resume:
                continue
            best = 0
            # (a name starts with a capital, or with a "the" before one: capitalised() says which)
            lengths = self._lengths_from(tokens[index].norm)
            if lengths and tokens[index].norm != "the" and not capitalised(index, index + 1):
                lengths = _NONE
            for length in lengths:
                if length > best and index + length <= len(tokens):
                    key = tuple(token.norm for token in tokens[index:index + length])
                    if self._has(key) and capitalised(index, index + length):
                        best = length
            if best:
                key = tuple(token.norm for token in tokens[index:index + best])
                hits.append(NameHit(index, index + best, key, True))
                resume = index + best
                continue
            # a name the records write with "the" ("the Budget"), written after a possessive without it:
            # "last Wednesday's Budget"
            if text and index and tokens[index].norm != "the" and capitalised(index, index + 1) \
                    and text.endswith(("'s", "’s"), tokens[index - 1].start, tokens[index - 1].end):
                for length in self._lengths_from("the"):
                    key = ("the", *(token.norm for token in tokens[index:index + length - 1]))
                    if length > best + 1 and index + length - 1 <= len(tokens) and self._has(key) \
                            and capitalised(index, index + length - 1):
                        best = length - 1
                if best:
                    hits.append(NameHit(index, index + best, ("the", *(token.norm for token in tokens[index:index + best])), True))
                    resume = index + best
        return hits

    def near(self, tokens: list[Token], taken: set[int], capitalised: callable, shorter: set[tuple[int, int]] = frozenset(),
             person_at: callable = None, quoted_at: callable = None) -> list[NameHit]:
        """Windows of text that differ from a multi-word name by a typo in one word.

        A window may hold a shorter exact name whole (`shorter`, spans of token indexes):
        "Ousmanne Diallo" is a misspelt full name though its alias "Diallo" is exact. `person_at`
        says whether the article's own reading calls a window (first, last) a person; `quoted_at`, whether
        the article sets it off as a title, in quotation marks or italics."""
        candidates: list[tuple[int, float, NameHit]] = []
        shorter_at: dict[int, list[tuple[int, int]]] = defaultdict(list)  # the shorter spans over each token
        for a, b in shorter:
            for position in range(a, b):
                shorter_at[position].append((a, b))
        norms = [token.norm for token in tokens]
        # strangers[i]: how many of the first i words are in no multi-word name
        strangers = [0]
        for norm in norms:
            strangers.append(strangers[-1] + (not self._in_long_name(norm)))
        # every window here is two words or more, and capitalised(first, last) holds for one only
        # when it holds for its first two words (a name the records write in lower case, which
        # find_links also admits, is matched exactly, never one word off): most words start no
        # name, and are passed at once
        openings = [first for first in range(len(tokens) - 1) if capitalised(first, first + 2)]
        for first in openings:
            for length in self._long_lengths:
                last = first + length
                if last > len(tokens) or strangers[last] - strangers[first] > 1:
                    continue
                window = tuple(norms[first:last])
                # the names one word off this window (not the exact name)
                keys = [key for position in range(length)
                        for key, _ in self._one_word_off(window[:position] + (_WILD,) + window[position + 1:])
                        if window[position] != key[position]]
                if not keys or not capitalised(first, last):
                    continue
                # "the Canada Post Group of Companies": a longer name goes on, no slip of "Canada Post Corporation" (a
                # person's name is followed by where they work: "Professor Martin Landry of Oxford")
                goes_on = last + 1 < len(tokens) and norms[last] in ("of", "for") and capitalised(last + 1, last + 2)
                inside = [i for i in range(first, last) if i in taken]
                # (a shorter name with "the" may take the word before the window: "the Uluru Statement form the Heart")
                if inside and not any(a + (a == first - 1 and norms[a] == "the") >= first and b <= last and (b - a) < (last - first)
                                      and set(inside) <= set(range(a, b)) for a, b in shorter_at.get(inside[0], ())):
                    continue
                for key in keys:
                    if goes_on and not self._person(key):
                        continue
                    scored = _compare(tokens[first:last], key, self._person(key) or bool(person_at and person_at(first, last)),
                                      quoted=bool(quoted_at and quoted_at(first, last)))
                    if scored is not None:
                        wrong, similarity = scored
                        hit = NameHit(first, last, key, False, tuple(first + i for i in wrong))
                        candidates.append((len(key), similarity, hit))
        candidates += self._spaced_otherwise(tokens, norms, taken, capitalised, openings, quoted_at)
        candidates += self._the_title_misspelt(tokens, norms, taken, openings, quoted_at)
        hits: list[NameHit] = []
        used: set[int] = set()
        for _, _, hit in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2].first)):
            span = set(range(hit.first, hit.last))
            if not span & used:
                hits.append(hit)
                used |= span
        return sorted(hits, key=lambda hit: hit.first)


    def _the_title_misspelt(self, tokens: list[Token], norms: list[str], taken: set[int], openings: list[int],
                            quoted_at: callable = None) -> list[tuple[int, float, NameHit]]:
        """A title of "the" and one word, set off as a title, its word one letter off: "*The Irishmen*" for
        The Irishman."""
        found = []
        for first in openings:
            if norms[first] != "the" or first + 1 in taken or not (quoted_at and quoted_at(first, first + 2)):
                continue
            word = norms[first + 1]
            for key in self._titles_of_the(word[:1]):
                if key[1] != word and Levenshtein.distance(word, key[1]) == 1:
                    found.append((2, Indel.normalized_similarity(word, key[1]), NameHit(first, first + 2, key, False, (first + 1,))))
        return found

    def _spaced_otherwise(self, tokens: list[Token], norms: list[str], taken: set[int], capitalised: callable,
                          openings: list[int], quoted_at: callable = None) -> list[tuple[int, float, NameHit]]:
        """Titles written with two of their words run together ("Whatever Happened to Baby Jane" for What Ever
        Happened to Baby Jane?) or one word split in two ("Star Fish Diaries" for Starfish Diaries), set off as
        titles, in quotation marks or italics: a space lost or added is a slip of the title."""
        found = []
        for first in openings:  # (the windows' first two words capitalised, as near() found them)
            if not (quoted_at and quoted_at(first, first + 2)):
                continue
            for length in range(2, 9):
                last = first + length
                if last > len(tokens) or not capitalised(first, last) or any(i in taken for i in (first, last - 1)) \
                        and not quoted_at(first, last):
                    continue
                window = tuple(norms[first:last])
                joined = self._run_together(window)
                if joined is not None:
                    key, i = joined
                    found.append((len(key), 0.95, NameHit(first, last, key, False, (first + i,))))
                    continue
                for j in range(length - 1):
                    split = window[:j] + (window[j] + window[j + 1],) + window[j + 2:]
                    if len(split) >= 2 and window[j].isalpha() and window[j + 1].isalpha() and self._has(split) \
                            and not self._person(split):
                        found.append((len(split), 0.95, NameHit(first, last, split, False, (first + j, first + j + 1))))
        return found


_POSSESSIVE_END = re.compile(r"['’]s\b")


def elided_capital(word: str) -> bool:
    """A word elided onto a capitalised one, as a name writes it: "d'Alger", "l'Équipe"."""
    return re.match(r"[dl]['’]\w", word) is not None and word[2:3].isupper()


# the marks that set a title off, and the mark that closes each
_OPENING_MARKS = {'"': '"', "“": "”", "*": "*", "_": "_", "‘": "’"}


def set_off_as_a_title(source: str, start: int, end: int) -> bool:
    """Does the span open right after a quotation mark or an italics mark that closes later on its line, so
    that the article sets it off as a title ("Sounds of Freedom", *Les Femme d'Alger (Version 'O')*)?"""
    if start <= 0 or source[start - 1] not in _OPENING_MARKS:
        return False
    closing = _OPENING_MARKS[source[start - 1]]
    line_end = source.find("\n", end)
    return closing in source[end:line_end if line_end != -1 else len(source)][:80]


def _compare(window: list[Token], key: tuple[str, ...], person: bool = False, quoted: bool = False) -> tuple[tuple[int, ...], float] | None:
    wrong = [i for i, (token, word) in enumerate(zip(window, key)) if token.norm != word]
    if len(wrong) != 1:
        return None
    i = wrong[0]
    written, meant = window[i].norm, key[i]
    if written in NUMBER_WORDS and meant in NUMBER_WORDS:
        return None  # "Part Two" is another film, not a typo of "Part One"
    if any(c.isdigit() for c in written + meant):
        return None  # "400m IM" is another race than "200m IM", "Part 2" another film: a figure is no typo
    if meant == written + "s" and i == len(key) - 1 and window[i].end - window[i].start == len(written) + 2:
        # the name's last word in -s written with its possessive's point misplaced: "Talking Head’s" for Talking Heads'
        return (i,), Indel.normalized_similarity(written, meant)
    if inflection(written, meant) and not person and not quoted:
        return None  # "test flight" for "test flights": no typo (but a title set off as one is written one way: "Sounds of Freedom")
    if quoted and len(key) >= 4:
        # a title of four words or more set off as one, all its words but one as the records write it: "What Am I
        # Made For?" for "What Was I Made For?" (a figure or a number word aside: "Part Two" is another film)
        return (i,), Indel.normalized_similarity(written, meant)
    if not person and spelling_variant(written, meant):
        return None  # "Ministry of Health, Labor and Welfare": an American spelling of "Labour", no typo
    # (a short form such as "Bob" for "Robert" is too unlike its name to come here; a spelling
    # variant such as "Irwin" for "Erwin" is a misspelling of the person's name)
    similarity = Indel.normalized_similarity(written, meant)
    # in a name of three words or more, the others exact: one letter changed in a short word is a slip too
    # ("Ke Hui Quan" for Ke Huy Quan), which a short word's similarity score does not show
    short_slip = len(key) >= 3 and len(written) >= 3 and Levenshtein.distance(written, meant) == 1
    # a person's surname one letter off, the given name exact: "Rene Hass" for Rene Haas (a different
    # given name, "Joan" for John, may be someone else)
    surname_slip = person and i == len(key) - 1 and len(written) >= 4 and Levenshtein.distance(written, meant) == 1
    # a person's middle name with its letters shuffled, the given name and the surname exact: "Mary Jane Chan" for
    # Mary Jean Chan
    middle_shuffled = person and 0 < i < len(key) - 1 and len(written) >= 4 and written[0] == meant[0] \
        and sorted(written) == sorted(meant)
    if similarity < MIN_WORD_SIMILARITY and not _wrong_word(written, meant, len(key)) and not _transposed(written, meant) \
            and not short_slip and not surname_slip and not middle_shuffled and not (person and spelt_alike(written, meant)) \
            and not (person and i == 0 and len(key) >= 2 and given_name_respelt(written, meant)):
        return None
    return (i,), similarity


# the endings British and American spelling write two ways: labour/labor, organise/organize, analyse/analyze,
# centre/center, defence/defense, travelled/traveled
_SPELLINGS = (("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("isation", "ization"), ("yse", "yze"),
              ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("lled", "led"), ("lling", "ling"), ("ogue", "og"))


def spelling_variant(written: str, meant: str) -> bool:
    """Is one word the other in British or American spelling ("Labor" for Labour, "Center" for Centre)?"""
    for british, american in _SPELLINGS:
        for one, other in ((written, meant), (meant, written)):
            if one.endswith(british) and other.endswith(american) and one[:-len(british)] == other[:-len(american)] \
                    and len(other) - len(american) >= 2:
                return True
    return False


def spelt_alike(written: str, meant: str) -> bool:
    """One name spelt another way, sounding the same: "Steven" for Stephen, "Katherine" for Catherine,
    "Katie" for Katy, "Phillip" for Philip — the same consonants to the ear (NYSIIS) and the same vowels in order. ("Joan"
    and "John", "Anna" and "Anne" share their consonants but not their vowels: other names.)"""
    import jellyfish

    if len(written) < 3 or len(meant) < 3 or not written.isalpha() or not meant.isalpha():
        return False
    # the one sound an ending writes several ways: "Katie" for Katy, "Stacey" for Stacy, "Jacki" for Jackie
    endings = re.compile(r"(?:ie|ey|y|i)$")
    if written != meant and endings.search(written) and endings.search(meant) \
            and len(stem := endings.sub("", written)) >= 2 and stem == endings.sub("", meant):
        return True
    vowels = lambda word: re.sub(r"[^aeiou]", "", word)  # noqa: E731
    return jellyfish.nysiis(written) == jellyfish.nysiis(meant) and vowels(written) == vowels(meant)


def given_name_respelt(written: str, meant: str) -> bool:
    """A given name respelt, its consonants kept and its vowels or a doubled letter changed: "Jarrod" for
    Jared, "Katharine" for Katherine — of five letters or more and one letter longer at most (not "Anna"
    for Anne, "Danielle" for Daniel: other people)."""
    if len(written) < 5 or len(meant) < 5 or abs(len(written) - len(meant)) > 1 or written[0] != meant[0]:
        return False
    return written.isalpha() and meant.isalpha() and _consonants(written) == _consonants(meant)


def _consonants(word: str) -> str:
    """A word's consonants in order, a doubled one once: "jarrod" and "jared" are both "jrd"."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def _transposed(written: str, meant: str) -> bool:
    """Two neighbouring letters swapped ("Kier" for Keir, "Kahn" for Khan): the commonest slip of a
    typist, though the short words it hits score below MIN_WORD_SIMILARITY ("John"/"Joan" does too,
    and is another name)."""
    return len(written) >= 4 and sorted(written) == sorted(meant) and OSA.distance(written, meant) == 1


# the words an institution's name ends in: one swapped for another is a slip
# ("Monetary Policy Council" for Committee, "European Broadcasting Association" for Union)
INSTITUTION_WORDS = {
    "association", "union", "council", "committee", "commission", "congress", "party", "authority", "agency", "office",
    "institute", "institution", "society", "league", "federation", "board", "bureau", "department", "ministry",
    "organisation", "organization", "foundation", "trust", "corporation", "company", "group", "alliance", "front",
    "movement", "assembly", "parliament", "senate", "court", "tribunal", "service", "administration", "centre", "center",
    "academy", "university", "college", "school", "award", "prize", "medal", "trophy", "cup", "championship", "festival",
    "fund", "bank", "exchange", "network", "conference", "forum", "club", "orchestra", "theatre", "theater", "museum",
}


def _wrong_word(written: str, meant: str, length: int) -> bool:
    """A wrong word rather than a typo, in a name long enough that the rest identifies it: an
    institution word swapped for another, or a word cut short or lengthened ("Transport" for
    "Transportation")."""
    if length < 3:
        return False
    if written in INSTITUTION_WORDS and meant in INSTITUTION_WORDS:
        return True
    if written in ARTICLES and meant in ARTICLES:
        return True  # "Anatomy of the Fall" for Anatomy of a Fall (not "Addis Ababa for Nairobi": a route's words say more)
    shorter, longer = sorted((written, meant), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter)


# the small words of a title; of them, an article slipped for another inside a name the rest identifies
TITLE_SMALL_WORDS = {"a", "an", "the", "to", "from", "of", "for", "in", "on", "at", "with", "by", "into", "and", "or"}
ARTICLES = {"a", "an", "the"}

DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "er", "ans", "ians", "eans", "ers",  # … "Zealand"/"Zealanders"
                   "i", "is")  # "Azerbaijan"/"Azerbaijani", "Pakistan"/"Pakistanis", "Iraq"/"Iraqi"


def inflection(written: str, meant: str) -> bool:
    """Another form of the same word, not a typo: a plural or possessive ("test flights"), a people's name
    beside its place's ("Kenya"/"Kenyan", "Japan"/"Japanese", "Israel"/"Israeli"), or its holder's
    ("Medal"/"Medallist")."""
    shorter, longer = sorted((written, meant), key=len)
    if not longer.endswith("ss") and longer in (shorter + "s", shorter + "es", shorter + "'s"):
        return True
    if len(shorter) < 4:
        return False
    if (shorter.endswith("a") and longer == shorter + "n") or (shorter.endswith("l") and longer == shorter + "i"):
        return True  # Kenya/Kenyan, Israel/Israeli
    if shorter.endswith("al") and longer in (shorter + "ty", shorter + "ties"):
        return True  # the noun of an adjective in -al: "London mayoral election" beside the records' "London mayoralty"
    if shorter.endswith("al") and longer in (shorter + "list", shorter + "lists"):
        # the one who holds it: "Clive Churchill Medallist" of the Clive Churchill Medal (not "Nationalist" for
        # National: "Scottish Nationalist Party" is a slip)
        return True
    stem = shorter[:-1] if shorter.endswith(("a", "e", "y")) else shorter
    # (a people's name is longer than its place's: a last letter changed, "Ogunjobe" for Ogunjobi, is a slip)
    return len(longer) > len(shorter) and any(longer in (shorter + ending, stem + ending) for ending in DEMONYM_ENDINGS)


def same_first_name(first: str, second: str) -> bool:
    """"Bob" and "Robert", "Chris" and "Christopher": one person's name and a short form of it."""
    if first == second:
        return True
    namer = _nick_namer()
    if namer is None:
        return False
    return second in namer.nicknames_of(first) or first in namer.nicknames_of(second)


@lru_cache(maxsize=1)
def _nick_namer():
    try:
        from nicknames import NickNamer
    except ImportError:  # the dataset is a dependency; without it short forms are simply not known
        return None
    return NickNamer()


def capitalised_in(text: str, tokens: list[Token]) -> Callable[[int, int], bool]:
    """A name in running text starts with a capital or a digit, or is a brand with its capital second
    ("iPhone 15", "eBay"), and stays on one line; a name the records write with "the" ("the King")
    may have it in lower case, the word after it capitalised."""
    # asked of nearly every window of the article, so each token's opening and line are read once
    # (a token holds no line break)
    opens = [(opening := text[token.start:token.start + 2])[:1].isupper() or opening[:1].isdigit()
             or (opening[:1].islower() and opening[1:].isupper()) for token in tokens]
    breaks = [match.start() for match in re.finditer("\n", text)]
    lines = [bisect.bisect_left(breaks, token.start) for token in tokens]
    is_the = [token.norm == "the" for token in tokens]

    def check(first: int, last: int) -> bool:
        opens_name = opens[first + 1] if is_the[first] and last - first >= 2 else opens[first]
        return opens_name and lines[first] == lines[last - 1]

    return check


# the letters a name loses to an alphabet without them, as it is then written ("Schröder", "Schroeder")
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe", "å": "aa", "æ": "ae"})


def transliterated(word: str) -> str:
    """A word in lower case, its letters of other alphabets written as English copy writes them ("schroeder")."""
    return word.lower().translate(_TRANSLITERATION)


def written_like(text: str, tokens: list[Token], hit, name: str) -> bool:
    """A near miss keeps the name's shape: its capitalised words capitalised ("Cinder orbit" is no
    "Cinder Orbiter"), no possessive inside it ("Orrin's robots" is no "Orrin Robotics") nor one written
    after an -s the name lacks ("Harpers’"), no abbreviation ("Calif.") and no start inside a hyphenated
    word ("Jean-Marie")."""
    words = tokenize(name)
    window = tokens[hit.first:hit.last]
    first = window[0].start
    if first > 0 and text[first - 1] == "-" and first > 1 and text[first - 2].isalpha():
        return False  # "Jean-Marie Le Pen" holds no "Marie Le Pen" (nor a typo of Marine Le Pen)
    if len(words) != len(window):
        return True
    if hit.wrong_words and all(transliterated(text[tokens[index].start:tokens[index].end])
                               == transliterated(name[words[index - hit.first].start:words[index - hit.first].end])
                               for index in hit.wrong_words):
        return False  # "Schröder" for "Schroeder", "Søren" for "Soeren": one name in two alphabets' spelling
    for index in hit.wrong_words:
        written, meant = tokens[index], words[index - hit.first]
        if text[written.end:written.end + 1] == "." and meant.norm.startswith(written.norm) and len(meant.norm) - len(written.norm) >= 2:
            # "SANTA CLARA, Calif.": an abbreviation, no typo of California (one letter short before a full stop is a
            # name that ends its sentence: "said Grenada's prime minister, Dickon Mitchel.")
            return False
        if index == hit.last - 1 and written.norm == meant.norm + "s" and text[written.end:written.end + 1] in ("'", "’"):
            return False  # "Stephen Harpers’ era": the possessive's mark misplaced, no misspelling of Harper
        shorter, longer = sorted((written.norm, meant.norm), key=len)
        if name[meant.start].islower() and len(shorter) >= 3 and re.fullmatch(re.escape(shorter) + r"(?:s|es|d|ed|ing)", longer):
            # "the National Association of Realtors reported": a common word's inflection, not a typo of "… report"
            # (a name's word is spelt one way: "Erwin Bachs" is a typo of Erwin Bach)
            return False
    for position, (token, word) in enumerate(zip(window, words)):
        if name[word.start].isupper() and not text[token.start].isupper():
            return False
        if position < len(window) - 1 and text[token.start:token.end].endswith(("'s", "’s")) \
                and not name[word.start:word.end].endswith(("'s", "’s")):
            return False
    return True
