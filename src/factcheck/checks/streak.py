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
    "title": ("title", "titles", "crown", "crowns", "championship", "championships", "trophy", "trophies", "premiership",
              "premierships"),
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
    yield from _year_runs(analysis, rule, text)
    yield from _yearly_titles(analysis, rule, text)
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


# a run of years: "for the ninth consecutive year", "the 10th straight year", "for a fifth year in a row";
# a count of one: "eight years in a row", "eight consecutive years"
_YEARS_ORDINAL = re.compile(rf"\b(?P<n>{ORDINAL_WRITTEN})\s+(?:(?:{_RUN_WORDS})\s+year\b|year\s+(?:in\s+a\s+row|running|in\s+succession)\b)",
                            re.IGNORECASE)
_YEARS_COUNT = re.compile(rf"\b(?P<n>\d{{1,2}}|[a-z]+(?:-[a-z]+)?)\s+(?:(?:{_RUN_WORDS})\s+years\b|years\s+(?:in\s+a\s+row|running|in\s+succession)\b)",
                          re.IGNORECASE)
# a run of titles won once a year: "a ninth consecutive constructors' championship", "their fourth straight league title"
_TITLES_ORDINAL = re.compile(rf"\b(?P<n>{ORDINAL_WRITTEN})\s+(?:{_RUN_WORDS})\s+(?:[\w’'-]+\s+){{0,2}}?(?:titles?|championships?|crowns?)\b",
                             re.IGNORECASE)
# the years a run spans, in its own sentence: "from 2004 to 2011", "between 2006 and 2009", "(2004-2011)"
_SPAN = re.compile(r"\b(?:from|between)\s+(?P<first>(?:19|20)\d\d)\s+(?:to|and|until|through|till)\s+(?P<last>(?:19|20)\d\d)\b"
                   r"|\((?P<first2>(?:19|20)\d\d)\s*[-–]\s*(?P<last2>(?:19|20)\d\d)\)")
# the start of a run that lasts to now, of the same subject: "has headed every edition of the table since the 2017
# rankings", "every year since 2017" ("each" too; a bare "since 2017" may tell of anything)
_EVERY_SINCE = re.compile(r"\b(?:every|each)\b[^.;!?]{0,60}?\bsince\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def _year_runs(analysis: Analysis, rule, text: str) -> Iterator:
    """A run of years that the years the article gives for it do not allow: "eight years in a row … from
    2004 to 2012" in one sentence; "for the ninth consecutive year" when the article says its subject has
    led "every edition … since the 2017 rankings" (2017 to a 2023 or 2024 edition is seven or eight)."""
    published = analysis.document.published
    starts = None  # each "every … since YEAR" with its sentence's subject names, read once for the document when needed
    for pattern, ordinal in ((_YEARS_ORDINAL, True), (_YEARS_COUNT, False)):
        for match in pattern.finditer(text):
            length = whole_number(match.group("n"), ordinal=ordinal)
            sentence = analysis.sentence_of(match.start())
            if length is None or length < 2 or _AHEAD.search(text, sentence.start, match.start()):
                continue
            span = _SPAN.search(text, sentence.start, sentence.end)
            if span is not None and not ordinal:
                first, last = int(span.group("first") or span.group("first2")), int(span.group("last") or span.group("last2"))
                if last > first and length != last - first + 1:
                    yield _year_finding(analysis, rule, match, length, "span", span, meant=last - first + 1)
                continue
            if not ordinal or published is None:
                continue
            if starts is None:
                starts = [(since, int(since.group("year")), _subject_names(analysis, analysis.sentence_of(since.start())))
                          for since in _EVERY_SINCE.finditer(text)]
            named = _names_before(analysis, sentence.start, match.start())
            for since, start, subject_names in starts:
                if not named & subject_names or start >= published.year:
                    continue
                # the run began in that year, or the year after it; the current edition may bear next year's number
                most = published.year + 1 - start + 1
                if length > most:
                    yield _year_finding(analysis, rule, match, length, "since", since, meant=most)
                    break


def _yearly_titles(analysis: Analysis, rule, text: str) -> Iterator:
    """A run of titles won once a year, longer than the years its sentence gives it: "Mercedes, champions every
    year since 2014, secured a ninth consecutive constructors' championship" in 2021 (2014 to 2021 is eight). A
    title is won in its year, so no next year's edition is allowed for, as for rankings."""
    published = analysis.document.published
    if published is None:
        return
    for match in _TITLES_ORDINAL.finditer(text):
        length = whole_number(match.group("n"), ordinal=True)
        sentence = analysis.sentence_of(match.start())
        since = _EVERY_SINCE.search(text, sentence.start, sentence.end)
        if length is None or since is None or _AHEAD.search(text, sentence.start, match.start()):
            continue
        most = published.year - int(since.group("year")) + 1
        if 0 < most < length:
            yield _year_finding(analysis, rule, match, length, "titles_since", since, meant=most)


def _names_before(analysis: Analysis, start: int, end: int) -> set[str]:
    """The last words of the names of organisations and people between two offsets, and of the subject of
    the sentence there ("NEW DELHI — The University of Oxford has topped …": oxford)."""
    names = {name_key(m.text)[-1] for m in analysis.mentions if m.kind in ("org", "person") and start <= m.start < end
             and name_key(m.text)}
    owner = _owner(analysis, start, end)
    return names | set(owner[-1:]) if owner else names


def _subject_names(analysis: Analysis, sentence) -> set[str]:
    """The last word of the sentence's subject's name, and the words before its first comma ("Oxford, which has
    headed every edition …")."""
    text = analysis.document.text
    owner = _owner(analysis, sentence.start, sentence.end)
    return set(name_key(text[sentence.start:sentence.start + 60].split(",")[0])) | set(owner[-1:] if owner else ())


def _year_finding(analysis: Analysis, rule, match: re.Match, length: int, message: str, told: re.Match, meant: int):
    start, end = match.start("n"), match.end("n")
    written = analysis.document.source[start:end]
    line, _ = analysis.document.position(told.start())
    return rule.finding(
        rule.message(message, stated=written, told=told.group(0), meant=meant, line=line),
        start, end, written, suggestion=None,
        evidence=Evidence(fact="run of years", value=told.group(0), source=f"this article, line {line}"),
    )


def _runs(analysis: Analysis, text: str) -> list[_Run]:
    found = []
    possessed: list[int] = []  # the runs whose owner is their noun's possessor
    for pattern, whole in ((_ORDINAL_RUN, False), (_TIME_IN_A_ROW, False), (_COUNT_RUN, True)):
        for match in pattern.finditer(text):
            sentence = analysis.sentence_of(match.start())
            if _AHEAD.search(text, sentence.start, match.start()):
                continue
            length = whole_number(match.group("n"), ordinal=not whole)
            noun = match.groupdict().get("noun")
            family = _FAMILY_OF.get(noun.lower()) if noun else _verb_family(text, sentence.start, match.start())
            head = _head_noun(analysis, match.start("n"), match.end("n")) if noun else None
            if family is None and head is not None:
                # "a fifth successive Women's Super League title": the phrase's head says what the run is of
                family = _FAMILY_OF.get(text[analysis.syntax.tokens[head].start:analysis.syntax.tokens[head].end].lower())
            if length is not None and family is not None:
                owner = _owner(analysis, sentence.start, sentence.end)
                if owner is None and (owner := _possessor(analysis, head)) is not None:
                    possessed.append(len(found))
                found.append(_Run(match.start("n"), match.end("n"), length, family, whole, owner))
    # a possessor is named short ("the Bank's 15th consecutive rise"): the owner of another run it is part of
    subjects = [run.owner for index, run in enumerate(found) if index not in possessed and run.owner]
    for index in possessed:
        fuller = next((owner for owner in subjects if set(found[index].owner) <= set(owner)), None)
        if fuller is not None:
            found[index] = found[index]._replace(owner=fuller)
    return sorted(found)


def _head_noun(analysis: Analysis, start: int, end: int) -> int | None:
    """The noun an ordinal hangs on, past the nouns of a compound ("fifth successive Women's Super League title")."""
    syntax = analysis.syntax
    modified = syntax.modified_noun(start, end) if syntax is not None else None
    if modified is None:
        return None
    word, noun = modified
    return noun if syntax.tokens[noun].tag.startswith("NN") and 0 < noun - word <= 6 else None


def _possessor(analysis: Analysis, noun: int | None) -> tuple[str, ...] | None:
    """The name that owns the run's noun, for a sentence whose subject is no name: "Chelsea's fourth
    consecutive crown also brought the curtain down …" is Chelsea's; a team is often named by its
    town ("It was Cambridge's third successive win")."""
    if noun is None:
        return None
    syntax = analysis.syntax
    for child in syntax.children(noun):
        if syntax.tokens[child].dep == "poss":
            named = [m for m in analysis.mentions_holding(syntax.tokens[child].start, syntax.tokens[child].end)
                     if m.kind in ("org", "person", "place") and m.text[:1].isupper()]
            if named:
                return tuple(word for word in name_key(named[0].text) if word != "the")
    return None


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
    # (a name is capitalised: the recogniser calls "crown" of "Chelsea's fourth consecutive crown" an organisation)
    named = [m for m in analysis.mentions_holding(token.start, token.end) if m.kind in ("org", "person") and m.text[:1].isupper()]
    if not named:
        return None
    return _in_full(analysis, named[0])


def _in_full(analysis: Analysis, name: Mention) -> tuple[str, ...]:
    """A name in full: a short one ("the Bank") is the last name before it that holds its words."""
    key = tuple(word for word in name_key(name.text) if word != "the")
    names = [tuple(word for word in name_key(m.text) if word != "the") for m in analysis.mentions
             if m.kind in ("org", "person") and m.start < name.start]
    fuller = [other for other in names if set(key) < set(other)]
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
    messages=("ordinal", "whole", "span", "since", "titles_since"),
)
