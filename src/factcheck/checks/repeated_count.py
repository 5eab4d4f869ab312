"""repeated-count: one owner's count of one thing given twice with different figures.

"Handré Pollard kicked four penalties …" and later "Pollard's five penalties accounted for
…": the same person's penalties in the same match cannot be four and five. Read from the
parse: a figure counting a plural noun (its `nummod`), owned by a named person, organisation
or work — the noun's possessor ("Pollard's five penalties", "its seven Oscars"), the subject
of the verb whose object it is ("Pollard kicked four penalties"), or the subject of the clause
a participle joins ("…, taking eight Oscars"). A count whose clause makes it a part or an
increment ("other", "more") is left alone; two counts are compared only when their clauses
name the same tally (the same scope words and dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.facts import unit_name
from factcheck.model import Analysis, Evidence, NumberValue
from factcheck.text import name_key

# words that make a count a part or an increment of some unnamed tally ("two more titles",
# "the other three penalties"): such a count is never compared
PARTIAL = {"other", "more", "another", "additional", "remaining", "new", "previous", "extra", "further", "fewer",
           "only", "since", "until", "before", "after", "during", "per", "each", "average", "straight",
           "consecutive", "successive", "previously", "earlier", "later", "both"}
# words that say which tally a count is ("in the first half", "this season", "competitive"): two counts
# are of the same tally only when they say the same of these
SCOPE = {"first", "second", "third", "last", "half", "season", "year", "week", "month", "day", "career", "total",
         "all", "tournament", "round", "quarter", "semi", "final", "home", "away", "competitive", "honorary",
         "international", "domestic", "league", "cup", "test", "major", "solo", "individual", "team", "combined"}
MONEY_NOUNS = {"cent", "cents", "pence", "penny", "dollars", "euros", "pounds", "yen", "rupees", "francs", "crowns"}
# the words of a count's own phrase that make it a part or an increment
PARTIAL_MODIFIERS = {"other", "more", "another", "additional", "remaining", "new", "extra", "further", "fewer", "first",
                     "last", "next", "previous", "only", "earlier", "later", "past", "recent"}
POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "thing"}
SUBJECT_PRONOUNS = {"he": "person", "she": "person", "it": "thing"}


def run(analysis: Analysis, rule) -> Iterator:
    syntax = analysis.syntax
    if syntax is None:
        return
    wanted = set(KIND.param(rule, "counts"))
    text = analysis.document.text
    # (the counts are the document's whichever rule reports them: read once for both)
    names, counts, plain = analysis.derived("repeated-count", lambda: _counts(analysis))
    reported: set[int] = set()
    for (owner, _noun, _scope_words), stated in counts.items():
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
            reported.add(mention.start)  # (a total restated is not reported again, whichever rule reports this)
            if "owned" not in wanted:
                continue
            yield rule.finding(
                rule.message("mismatch", owner=_written(analysis, names, owner), stated=written, earlier=analysis.document.text[first.start:first.end], line=line),
                mention.start, noun_token.end, written,
                evidence=Evidence(fact=f"{owner}'s {text[noun_token.start:noun_token.end]}", value=first.text,
                                  source=f"line {line} of this article"),
            )
    if "restated" in wanted:
        yield from _restated_totals(analysis, rule, plain, reported)


def _counts(analysis: Analysis) -> tuple[list, dict[tuple, list], list[tuple]]:
    """The names of the document's owners; the counts an owner's noun is given, by (owner, noun, scope);
    and every count of a plural noun, owned or not, for restated totals."""
    syntax = analysis.syntax
    text = analysis.document.text
    names = _names(analysis)
    topics = _Topics(analysis, names)
    counts: dict[tuple, list] = {}
    clauses = None
    plain: list[tuple] = []  # every count of a plural noun, owned or not, for restated totals
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal \
                or mention.label != "cardinal" or not 2 <= value.value <= 100_000:
            continue
        if re.fullmatch(r"1[89]\d\d|20\d\d", mention.text):
            continue  # "the 1952, 1957 and 1962 elections": years naming which, not a count
        number = syntax.span_root(mention.start, mention.end)
        if number is None or syntax.tokens[number].dep != "nummod":
            continue
        noun = syntax.tokens[number].head
        if number > 0 and syntax.tokens[number - 1].tag in ("NNP", "NNPS") and syntax.tokens[number - 1].end + 1 >= syntax.tokens[number].start:
            continue  # "four iPhone 15 models": a name's number, not a count
        word = text[syntax.tokens[noun].start:syntax.tokens[noun].end]
        # a plural noun, or a plural name the tagger calls singular ("seven Grammys")
        if not (syntax.tokens[noun].tag in ("NNS", "NNPS") or syntax.tokens[noun].tag == "NNP" and word.endswith("s")):
            continue
        if not _partial(syntax, text, noun, number) and unit_name(word.lower()) is None and word.lower() not in MONEY_NOUNS \
                and (value.exact or not re.search(r"\.\d", mention.text)) \
                and not re.match(r"\s+to\s+(?:\d|one|two|three|four|nil)\b", text[syntax.tokens[noun].end:syntax.tokens[noun].end + 12]):
            # a count, not a measure ("8,848 meters", "73 cents") nor a score ("four games to one")
            plain.append((mention, noun, number))
        if clauses is None:  # once per document, and only if needed: each clause's words, by the clause's head
            clauses = {}
            for index in range(len(syntax.tokens)):
                clauses.setdefault(syntax.clause(index), []).append(index)
        scope = _scope(analysis, noun, clauses)
        if scope is None:
            continue
        owner = _owner(syntax, text, noun, names, topics) if value.exact and value.value <= 10_000 else None
        if owner is None:
            continue
        counts.setdefault((owner, word.lower().rstrip("s"), scope), []).append((mention, noun))
    return names, counts, plain


def _restated_totals(analysis: Analysis, rule, plain: list[tuple], reported: set[int]) -> Iterator:
    """"The 1,800 job cuts" after "Microsoft will eliminate about 1,900 jobs"; "All 154 people on the
    plane" after "with 155 people on board": a count said with "the" or "all" before it restates a
    total the article gave before, of the same thing (its noun, or the noun it compounds: "job cuts"
    are jobs). It must agree when the article gave one figure only for that thing before and the two
    are near (a far figure is another tally: "the 435 seats" and "gained two seats")."""
    syntax = analysis.syntax
    text = analysis.document.text
    nouns = [_noun_words(syntax, text, noun) for _, noun, _ in plain]
    for index, (mention, noun, number) in enumerate(plain):
        if mention.start in reported or not mention.value.exact or not _definite(syntax, text, number, noun):
            continue
        if any(syntax.tokens[c].dep in ("acl", "relcl") for c in syntax.children(noun)):
            continue  # "the 57 seats needed for a majority": a threshold the clause names, not the total
        described = _described_by(syntax, text, noun)
        earlier = [(other, other_noun) for (other, other_noun, _), words in zip(plain[:index], nouns[:index])
                   if words & nouns[index] and other.start < mention.start
                   # "the 10 worst-hit provinces" is a part of "11 provinces"
                   and described <= _described_by(syntax, text, other_noun) | words]
        figures = {other.value.value for other, _ in earlier}
        if len(figures) != 1:
            continue
        first, first_noun = earlier[0]
        if any(syntax.tokens[c].dep == "conj" for n in (noun, first_noun) for c in syntax.children(n)):
            continue  # "53 states and jurisdictions" … "all 50 states and the District of Columbia": a count of two things
        if _planned(syntax, text, first):
            continue  # "promising about 300 shows over three years" … "The 330 shows": a plan, then what was done
        if _ANOTHER_TIME_AFTER.match(text, syntax.tokens[first_noun].end):
            continue  # "the 1,668 animals recorded a year earlier": another year's tally, not the one restated
        stated, before = mention.value.value, first.value.value
        if stated == before or not 0.75 <= stated / before <= 4 / 3:
            continue
        if not first.value.exact and abs(stated - before) <= 0.02 * before:
            continue  # "about 1,900" admits 1,880
        line, _ = analysis.document.position(first.start)
        noun_token = syntax.tokens[noun]
        written = analysis.document.source[mention.start:noun_token.end]
        yield rule.finding(
            rule.message("restated", stated=written, earlier=text[first.start:syntax.tokens[first_noun].end], line=line),
            mention.start, noun_token.end, written,
            evidence=Evidence(fact=f"the number of {text[noun_token.start:noun_token.end]}", value=first.text,
                              source=f"line {line} of this article"),
        )


# words after a count that tell it of another time than the article's own
_ANOTHER_TIME_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:(?:a|one|two|three|four|five|\d+)\s+(?:years?|months?|seasons?)\s+"
                                 r"(?:earlier|before|ago|previously)|the\s+(?:year|season)\s+before|last\s+(?:year|season)|"
                                 r"in\s+(?:19|20)\d\d)\b")


# verbs of a figure planned, promised or foreseen, not had
_PLAN_VERB = re.compile(r"(?:promis|plann|plan|pledg|expect|schedul|forecast|target|aim|project|intend|propos|envisag)", re.IGNORECASE)


def _planned(syntax, text: str, mention) -> bool:
    """Does the figure hang on a verb of planning ("promising about 300 shows", "planned 250 dates")?"""
    verb = syntax.governing_verb(mention.start, mention.end)
    return verb is not None and _PLAN_VERB.match(text, syntax.tokens[verb].start) is not None


def _partial(syntax, text: str, noun: int, number: int) -> bool:
    """A count its own words make a part or an increment: "two more jobs", "the other 150 people"."""
    near = [*syntax.children(noun), *syntax.children(number)]
    return any(text[syntax.tokens[i].start:syntax.tokens[i].end].lower() in PARTIAL_MODIFIERS for i in near)


def _noun_words(syntax, text: str, noun: int) -> set[str]:
    """The thing a count counts, as word stems: its noun and the nouns compounded with it; a toll's
    nouns as one ("the 72 deaths" … "the 71 victims": a death toll told two ways)."""
    words = {noun, *(c for c in syntax.children(noun) if syntax.tokens[c].dep == "compound" and syntax.tokens[c].tag.startswith("NN"))}
    stems = {(syntax.tokens[i].lemma or text[syntax.tokens[i].start:syntax.tokens[i].end]).lower().removesuffix("s") for i in words}
    return {_TOLL if stem in _TOLL_NOUNS else stem for stem in stems}


# the nouns a death toll is counted in
_TOLL, _TOLL_NOUNS = "death", {"death", "victim", "fatalitie", "fatality", "dead", "life", "live"}


def _described_by(syntax, text: str, noun: int) -> set[str]:
    """The words that say which of the things a count counts ("worst-hit", "Republican")."""
    return {text[syntax.tokens[i].start:syntax.tokens[i].end].lower().removesuffix("s") for i in syntax.children(noun)
            if syntax.tokens[i].dep in ("amod", "compound") and syntax.tokens[i].tag != "CD"}


def _definite(syntax, text: str, number: int, noun: int) -> bool:
    """Is the count said with "the", "all" or "those" right before it ("the 11 Republican senators")?"""
    before = text[max(0, syntax.tokens[number].start - 12):syntax.tokens[number].start].lower()
    return bool(re.search(r"\b(?:the|all|all the|those|these)\s+$", before)) and number < noun


def _names(analysis: Analysis) -> list[tuple[int, int, str, str]]:
    """Named people and things as (start, end, key, "person" or "thing"): a record by the last word of
    its name, a person by surname (Pollard = Handré Pollard), another thing by its whole name."""
    found = []
    named: set[int] = set()  # offsets inside a name already found
    for link in analysis.links:
        kind = "person" if link.record.type == "person" else "thing"
        found.append((link.start, link.end, " ".join(name_key(link.record.name)[-1:]), kind))
        named.update(range(link.start, link.end))
    for mention in analysis.mentions:
        if mention.kind in ("person", "org", "work") and mention.start not in named:
            key = name_key(mention.text)
            if key:
                # a person by surname (Pollard = Handré Pollard); a thing by its whole name: "Trinamool
                # Congress" is not "Congress"
                person = mention.kind == "person"
                found.append((mention.start, mention.end, key[-1] if person else " ".join(key), "person" if person else "thing"))
                named.update(range(mention.start, mention.end))
    return found


def _written(analysis: Analysis, names, key: str) -> str:
    """An owner's key as the article first writes it: "Reistad" for reistad, the whole name's last word for a person."""
    text = analysis.document.text
    for start, end, name, kind in names:
        if name == key:
            written = text[start:end]
            return re.sub(r"(?:’s|'s)$", "", written.split()[-1]) if kind == "person" else written
    return key


def _name_at(names, offset: int) -> tuple[str, str] | None:
    return next(((key, kind) for start, end, key, kind in names if start <= offset < end), None)


def _named(syntax, names, word: int) -> tuple[str, str] | None:
    """The name a word is part of, or the name in apposition to it ("The multiverse comedy Everything
    Everywhere All at Once")."""
    for named_word in (word, *(c for c in syntax.children(word) if syntax.tokens[c].dep == "appos")):
        named = _name_at(names, syntax.tokens[named_word].start)
        if named is not None:
            return named
    return None


class _Topics:
    """Who "he", "she", "his", "her" and "its" refer to, sentence by sentence: the last named person
    (or thing) that was the subject of a sentence, kept while later sentences speak of it by pronoun.
    Read from the parse the first time a pronoun needs it, not for every document."""

    def __init__(self, analysis: Analysis, names) -> None:
        self._analysis, self._names, self._found = analysis, names, None

    def before(self, offset: int, kind: str) -> str | None:
        if self._found is None:
            syntax = self._analysis.syntax
            self._found = []  # (offset, key, kind), in document order
            for index, token in enumerate(syntax.tokens):
                if token.dep in ("nsubj", "nsubjpass") and syntax.clause(index) == token.head \
                        and syntax.tokens[token.head].dep == "ROOT":
                    named = _named(syntax, self._names, index)
                    if named is not None:
                        self._found.append((token.start, *named))
        earlier = [key for start, key, topic_kind in self._found if start < offset and topic_kind == kind]
        return earlier[-1] if earlier else None


def _resolve(syntax, text: str, word: int, names, topics) -> str | None:
    """The key of the named owner a word stands for: a name, or a pronoun's topic."""
    token = syntax.tokens[word]
    named = _named(syntax, names, word)
    if named is not None:
        return named[0]
    pronoun = text[token.start:token.end].lower()
    kind = POSSESSIVE_PRONOUNS.get(pronoun) or SUBJECT_PRONOUNS.get(pronoun)
    return topics.before(token.start, kind) if kind is not None else None


def _owner(syntax, text: str, noun: int, names, topics) -> str | None:
    """Whose count: the noun's possessor, or the subject of the verb it is the object of; a
    participle without a subject of its own ("…, taking eight Oscars", "… after scoring eight goals")
    speaks of its clause's."""
    candidates = [child for child in syntax.children(noun) if syntax.tokens[child].dep == "poss"]
    token = syntax.tokens[noun]
    if not candidates and token.dep == "dobj" and syntax.tokens[token.head].tag.startswith("VB"):
        verb = token.head
        candidates = [child for child in syntax.children(verb) if syntax.tokens[child].dep == "nsubj"]
        governing = None
        if not candidates and syntax.tokens[verb].tag == "VBG":
            head = syntax.tokens[verb].head
            if syntax.tokens[verb].dep == "advcl":
                governing = head
            elif syntax.tokens[verb].dep == "pcomp" and syntax.tokens[head].tag == "IN":
                # "Henny Reistad was named player of the match after scoring eight goals": the participle after a
                # preposition speaks of the subject of the verb the preposition hangs on
                governing = syntax.tokens[head].head
        if governing is not None and syntax.tokens[governing].tag.startswith("VB"):
            candidates = [child for child in syntax.children(governing) if syntax.tokens[child].dep in ("nsubj", "nsubjpass")]
    for candidate in candidates:
        owner = _resolve(syntax, text, candidate, names, topics)
        if owner is not None:
            return owner
    return None


def _scope(analysis: Analysis, noun: int, clauses: dict[int, list[int]]) -> tuple | None:
    """Which tally a count is, from the words of its clause: None for a part or an increment
    ("two more titles"), else the scope words and dates it is said with (() for a plain total)."""
    syntax = analysis.syntax
    text = analysis.document.text
    inside = clauses[syntax.clause(noun)]
    words = {text[syntax.tokens[i].start:syntax.tokens[i].end].lower() for i in inside}
    if words & PARTIAL:
        return None
    start, end = syntax.tokens[min(inside)].start, syntax.tokens[max(inside)].end
    dates = sorted(str(m.value) for m in analysis.mentions if m.kind == "date" and start <= m.start < end)
    return (*sorted(words & SCOPE), *dates)


COUNTS = ("owned", "restated")

KIND = CheckKind(
    name="repeated-count",
    run=run,
    summary="one owner's count of one thing is given twice with different figures",
    # which counts a rule compares: one owner's ("Pollard's five penalties"), and totals restated with
    # "the" or "all" ("All 154 people on the plane"); the second holds up better on unseen copy and
    # gates as a rule of its own (rules/restated-count.yaml)
    params={"counts": ((list,), list(COUNTS))},
    param_checks={"counts": (lambda counts: bool(counts) and set(counts) <= set(COUNTS), f"a list of {', '.join(COUNTS)}")},
    messages=("mismatch", "restated"),
)
