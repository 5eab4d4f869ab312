"""Plain data passed between the stages: load → extract → link → check → report.

Every position is a 0-based character offset into the original file's text;
only the report turns offsets into 1-based lines and columns.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from factcheck.records import RecordSet
    from factcheck.rules import Vocabulary


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    # Same length as `source`; what must not be checked (front matter, code,
    # URLs, markup) is blanked with spaces so offsets need no mapping.
    text: str
    published: dt.date | None = None
    line_starts: tuple[int, ...] = ()
    markup: str = "text"  # text | markdown | html
    masked: bool = True  # False: `text` still has its markup (factcheck.load.apply_mask blanks it)

    def __post_init__(self) -> None:
        if not self.line_starts:
            object.__setattr__(self, "line_starts", self.index_lines(self.source))

    @staticmethod
    def index_lines(source: str) -> tuple[int, ...]:
        starts = [0]
        for i, char in enumerate(source):
            if char == "\n":
                starts.append(i + 1)
            elif char == "\r" and not source.startswith("\n", i + 1):
                starts.append(i + 1)
        return tuple(starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


@dataclass(frozen=True)
class DateValue:
    """A calendar date as precise as the text says: a day, a month, a year or a span."""

    earliest: dt.date
    latest: dt.date
    precision: str  # day | month | year | span
    relative: bool = False

    def admits(self, day: dt.date) -> bool:
        return self.earliest <= day <= self.latest

    def overlaps(self, other: "DateValue") -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def __str__(self) -> str:
        if self.precision == "day":
            return self.earliest.isoformat()
        if self.precision == "month":
            return self.earliest.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.earliest.year)
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


@dataclass(frozen=True)
class NumberValue:
    """A number and the range a qualifier lets it mean ("over 500" admits 501, 10,000 …)."""

    value: float
    low: float
    high: float
    ordinal: bool = False
    qualifier: str | None = None

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def admits(self, number: float) -> bool:
        return self.low <= number <= self.high

    def overlaps(self, other: "NumberValue") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        text = format_number(self.value)
        return f"{self.qualifier} {text}" if self.qualifier else text


def format_number(number: float) -> str:
    if math.isfinite(number) and number == int(number):
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Mention:
    """A span of the article that the extractors recognised."""

    kind: str  # date | number | person | org | work | place | other
    start: int
    end: int
    text: str
    value: Any = None  # DateValue | NumberValue | normalised name | None (unresolved)
    label: str = ""  # the extractor's own label (spaCy's, or "regex")


@dataclass(frozen=True)
class FactValue:
    value: Any  # dt.date | int | float | str
    qualifiers: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        if isinstance(self.value, dt.date):
            text = self.value.isoformat()
        elif isinstance(self.value, DateValue) and self.value.precision == "month":
            text = self.value.earliest.strftime("%B %Y")  # a month written in words stays one
        elif isinstance(self.value, (int, float)) and not isinstance(self.value, bool) and self.qualifiers.get("scale", 1) != 1:
            text = format_number(self.value * self.qualifiers["scale"])  # `visitors_millions: 10.2` is 10,200,000
        elif isinstance(self.value, (int, float)) and not isinstance(self.value, bool) and abs(self.value) >= 10_000:
            text = format_number(self.value)  # 41,276; a year such as 1898 stays as it is
        else:
            text = str(self.value)
        notes = [str(self.qualifiers[key]) for key in ("region", "place", "status") if key in self.qualifiers]
        return f"{text} ({', '.join(notes)})" if notes else text


ARTICLE_ORIGIN = "the article"  # records made from the article's own names: no facts, never near-misses


@dataclass(frozen=True)
class Record:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    facts: dict[str, tuple[FactValue, ...]] = field(default_factory=dict, compare=False, hash=False)
    sources: tuple[str, ...] = ()
    origin: str = ""  # file:line where the record is defined

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def source(self) -> str | None:
        return self.sources[0] if self.sources else None


@dataclass(frozen=True)
class EntityLink:
    """A span of the article that names a record (or a near miss of its name)."""

    record: Record
    start: int
    end: int
    text: str
    matched_name: str  # the record name or alias the span matches
    exact: bool = True  # False: a near miss (typo) of `matched_name`


# "on Wednesday, May 20 at 1:31 p.m. EDT (2:31 a.m. Thursday, May 21, Japan time)": the day in brackets is the
# same moment told in another time zone, not a second day of the event
_ZONE_OPENING = re.compile(r"\(\s*(?:(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,5}\b)?\s*,?\s*(?:on\s+)?)?$")
_ZONE_NAMED = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|local\s+time|[A-Z][a-z]+\s+time)\b")
_CLOCK = re.compile(r"\d[:.]\d\d|\b\d{1,2}\s*[aApP]\.?[mM]\b")


def in_another_time_zone(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Is this date the bracketed restatement, in another time zone, of the date and time right before it?"""
    if mention.kind != "date":
        return False
    opening = _ZONE_OPENING.search(text, max(0, mention.start - 30), mention.start)
    if opening is None:
        return _which_was_elsewhere(text, mention, mentions)
    close = text.find(")", mention.end, mention.end + 40)
    inside = text[opening.start():close if close >= 0 else mention.end]
    before = text[max(0, opening.start() - 40):opening.start()]
    if not _ZONE_NAMED.search(inside) or not (_CLOCK.search(inside) or _CLOCK.search(before)):
        return False
    return any(other.kind == "date" and other.end <= opening.start() and opening.start() - other.end <= 40 for other in mentions)


# "at 10am Beijing time on Tuesday 20 August, which was 10pm on Monday 19 August in New York": the same moment
# told again, in a clause, on another place's clock
_WHICH_WAS = re.compile(r",\s*(?:which\s+(?:was|is)|or)\s+(?P<clock>\d{1,2}(?:[:.]\d\d)?\s*[aApP]\.?[mM]\.?)\s+(?:on\s+)?$")
_ELSEWHERE = re.compile(r"\s+(?:in\s+[A-Z][\w'’-]*|[A-Z]{2,4}T\b|UTC\b|local\s+time\b)")


def _which_was_elsewhere(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Is this date the same moment as a dated clock time right before it, on another place's clock?"""
    told = _WHICH_WAS.search(text, max(0, mention.start - 30), mention.start)
    if told is None or not _ELSEWHERE.match(text, mention.end):
        return False
    before = text[max(0, told.start() - 60):told.start()]
    return bool(_CLOCK.search(before)) and any(other.kind == "date" and other.end <= told.start() and told.start() - other.end <= 40
                                               for other in mentions)


def without_its_year(mention: Mention) -> bool:
    """A day written with its day of the month but no year ("12 September", "Tuesday, 6 June"): its
    year is the copy's guess, where a bare weekday ("on Tuesday") has no day of its own to compare; or a month so
    written ("in May")."""
    return mention.label in ("day-no-year", "month-no-year") or mention.label == "weekday" and any(c.isdigit() for c in mention.text)


@dataclass(frozen=True)
class Claim:
    """The article states that `record`'s `fact` has the value in `value`."""

    record: Record
    fact: str
    value: Mention
    trigger: str
    sentence: tuple[int, int]
    subject: EntityLink | None = None  # None: tied through the article's topic
    trigger_start: int = 0
    # tied only because the sentence says the fact's words and one record keeps it: a value that
    # differs from the record's by a slip (a year, a day; a digit of a figure) is wrong, any other is
    # likely another thing's
    slips_only: bool = False


@dataclass(frozen=True)
class Evidence:
    record: str | None = None
    fact: str | None = None
    value: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestion: str | None = None
    evidence: Evidence | None = None
    quoted: bool = False  # inside a quotation: the speaker's words, never fixed automatically

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Analysis:
    """Everything the checks may look at for one document; frozen: no check changes what the next sees."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    links: list[EntityLink]
    claims: list[Claim]
    records: "RecordSet"
    vocabulary: "Vocabulary"
    tokens: list = field(default_factory=list)  # factcheck.text.Token, folded words of document.text
    syntax: "Syntax | None" = None  # the dependency parse; None where no parser ran

    # derived once, on first use (cached_property writes the instance's __dict__, which a frozen
    # dataclass allows)
    @cached_property
    def token_starts(self) -> list[int]:
        """Where each word token starts."""
        return [token.start for token in self.tokens]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_of(self, offset: int) -> Sentence:
        index = max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)
        return self.sentences[index]

    @cached_property
    def _mentions_by_position(self) -> "ByPosition":
        return ByPosition(self.mentions)

    def mentions_in(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        """The mentions that start in [start, end) (a sentence, a clause), in order; of one kind if given."""
        found = self._mentions_by_position.starting_in(start, end)
        return found if kind is None else [mention for mention in found if mention.kind == kind]

    def mentions_holding(self, start: int, end: int) -> list[Mention]:
        """The mentions that hold the span [start, end) ("Guns N' Roses" holds "Roses")."""
        return self._mentions_by_position.holding(start, end)

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """What a check kind reads off this document alone, computed once: several rules run one kind
        (each with its own parameters) and would otherwise read it again for each. Like the cached
        properties above, it lives with this document's analysis and goes with it."""
        memo = self.__dict__.setdefault("_derived", {})
        if key not in memo:
            memo[key] = compute()
        return memo[key]



class ByPosition:
    """Spans (anything with `start` and `end`), found by where they lie without reading them all:
    the checks ask "which mentions are in this sentence" once per sentence, and a scan each time
    grows with the square of a long article."""

    # no name, date or number in the text is longer than this: spans that may hold a place start
    # at most this far before it
    LONGEST = 300

    def __init__(self, spans, bounds=lambda span: (span.start, span.end)):
        """`bounds` gives a span's (start, end): its attributes by default, for (start, end) pairs `tuple`."""
        spans = sorted(spans, key=lambda span: bounds(span)[0])
        self.spans = spans
        self.bounds = [bounds(span) for span in spans]
        self.starts = [start for start, _ in self.bounds]

    def _between(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def starting_in(self, start: int, end: int) -> list:
        """The spans that start in [start, end), in order."""
        found = self._between(start, end)
        return self.spans[found.start:found.stop]

    def holding(self, start: int, end: int) -> list:
        """The spans that hold all of [start, end)."""
        return [self.spans[i] for i in self._between(start - self.LONGEST, start + 1) if self.bounds[i][1] >= end]

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with [start, end)?"""
        return any(self.bounds[i][1] > start for i in self._between(start - self.LONGEST, end))


class SyntaxToken(NamedTuple):
    """One word of spaCy's dependency parse, as plain data: its span, its head (an index into
    the same tuple; the root is its own head), its relation to the head, its tag, and the
    dictionary form of an irregular word ("won" → "win", "men" → "man"; "" for the rest)."""

    start: int
    end: int
    head: int
    dep: str
    tag: str
    lemma: str = ""


# relations that open a clause of their own: a value in one says nothing of a fact named in another
CLAUSE_RELATIONS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj", "csubjpass", "pcomp"}


@dataclass(frozen=True)
class Syntax:
    """The dependency parse of a document: who depends on whom, for claims and tense."""

    tokens: tuple[SyntaxToken, ...] = ()

    @cached_property
    def starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def lemma_at(self, start: int) -> str:
        """The irregular word's dictionary form for the word starting at `start` ("" if none)."""
        return self._lemmas.get(start, "")

    @cached_property
    def _lemmas(self) -> dict[int, str]:
        # (asked of every word of every sentence that holds a fact's word: a look-up, not a search)
        return {token.start: token.lemma for token in self.tokens if token.lemma}

    def span_root(self, start: int, end: int) -> int | None:
        """The word of a span whose head lies outside it ("June" of "June 28, 2024")."""
        first = bisect.bisect_left(self.starts, start)
        if first > 0 and self.tokens[first - 1].end > start:
            first -= 1
        last = bisect.bisect_left(self.starts, end)
        inside = range(first, max(last, first + 1))
        if first >= len(self.tokens):
            return None
        outside = [index for index in inside if self.tokens[index].head == index
                   or not (inside.start <= self.tokens[index].head < inside.stop)]
        # "on 18 and 19 January": "19" hangs on "18", outside the span, which hangs on "January" inside
        # it; the root is the word no other word of the span governs
        return next((index for index in outside if not any(inside.start <= above < inside.stop for above in self.ancestors(index))),
                    outside[0] if outside else first)

    def ancestors(self, index: int) -> list[int]:
        chain = []
        seen = {index}
        while self.tokens[index].head != index and self.tokens[index].head not in seen:
            index = self.tokens[index].head
            seen.add(index)
            chain.append(index)
        return chain

    def path_length(self, first: int, second: int) -> int:
        """Edges between two words in the tree (a large number across sentences)."""
        up_first = [first, *self.ancestors(first)]
        up_second = {index: steps for steps, index in enumerate([second, *self.ancestors(second)])}
        for steps, index in enumerate(up_first):
            if index in up_second:
                return steps + up_second[index]
        return 1_000

    def clause(self, index: int) -> int:
        """The head word of the clause a word stands in; a noun conjunct ("A, B and C") stands in its
        first conjunct's clause, a verb conjunct ("… and will open") opens its own."""
        return self._clause_heads[index]

    @cached_property
    def _clause_heads(self) -> list[int]:
        # every word's clause, found once: the checks ask it of each word again and again
        heads = [-1] * len(self.tokens)
        for first in range(len(self.tokens)):
            index, path = first, []
            while heads[index] < 0:
                token = self.tokens[index]
                if token.head == index or token.dep in CLAUSE_RELATIONS and (
                        token.dep != "conj" or self.tokens[token.head].tag.startswith(("VB", "MD")) and token.tag.startswith(("VB", "MD"))):
                    heads[index] = index
                    break
                path.append(index)
                index = token.head
            for word in path:
                heads[word] = heads[index]
        return heads

    def modifies_noun(self, start: int, end: int) -> bool:
        """Does the span stand before a noun as its modifier ("the 2017 budget", "the 2006 runoff")? A
        bare year so placed says which thing the noun is, not when anything happened."""
        word = self.span_root(start, end)
        if word is None:
            return False
        token = self.tokens[word]
        return token.dep in ("compound", "nummod", "amod", "nmod") and token.head > word \
            and self.tokens[token.head].tag in ("NN", "NNS", "NNP", "NNPS")

    def year_naming_a_thing(self, mention: Mention) -> bool:
        """A bare year before a noun, saying which one ("the 2017 budget", "the 2006 runoff"): it
        dates no verb of its sentence and is no value of the thing's date."""
        return re.fullmatch(r"(?:1[5-9]|20)\d\d", mention.text.strip()) is not None and self.modifies_noun(mention.start, mention.end)

    def governing_verb(self, start: int, end: int) -> int | None:
        """The verb (or modal) a span hangs on, within four steps up the tree ("opened … on Friday")."""
        word = self.span_root(start, end)
        if word is None:
            return None
        return next((i for i in self.ancestors(word)[:4] if self.tokens[i].tag.startswith(("VB", "MD"))), None)

    def modified_noun(self, start: int, end: int) -> tuple[int, int] | None:
        """(the span's word, the noun it modifies) for a modifier of a noun phrase — an ordinal, a figure — past the
        nouns of a compound: "his sixth world final" hangs "sixth" on "world", the phrase's noun is "final"."""
        word = self.span_root(start, end)
        if word is None or self.tokens[word].dep not in ("amod", "nummod", "compound"):
            return None
        noun = self.tokens[word].head
        while self.tokens[noun].dep == "compound" and self.tokens[noun].head > noun:
            noun = self.tokens[noun].head
        return word, noun

    @cached_property
    def _children(self) -> dict[int, list[int]]:
        by_head: dict[int, list[int]] = {}
        for i, token in enumerate(self.tokens):
            if token.head != i:
                by_head.setdefault(token.head, []).append(i)
        return by_head

    def children(self, index: int) -> list[int]:
        return self._children.get(index, [])
