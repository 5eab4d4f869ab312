"""Link mentions to records, and turn sentences into claims about the records' facts.

A claim needs three things in one sentence: a value (date, number, person …),
a trigger word from the fact vocabulary ("released", "directed by"), and the
entity it is about — named in the sentence, or, where the vocabulary allows
it, the entity of that type the article last named ("the film").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.facts import AGENT_KEY, AVERAGE_WORDS, CURRENCIES, HEAD_SAID_AS, HEAD_VERBS, HOLDER_KEY, MEASURE_WORDS, SCOPE_PREPOSITIONS, SINCE_KEY, WORD_SAID_AS, describe_key, fact_key_words, is_average, word_base
from factcheck.lexicon import CONTEST_PARTS, DURATION_WORDS, MINUTES_IN, MONTHS, ORDINALS, whole_number, word_value
from factcheck.model import (ARTICLE_ORIGIN, ByPosition, Claim, DateValue, Document, EntityLink, Mention, NumberValue, Record, Sentence, Syntax,
                             in_another_time_zone, without_its_year)
from factcheck.names import NameIndex, capitalised_in, set_off_as_a_title, written_like
from factcheck.records import RecordSet
from factcheck.rules import FactSpec, Vocabulary
from factcheck.text import Token, fold, name_key, tokenize

MAX_VALUE_DISTANCE = 15  # tokens between a trigger and its value
# a fact read from a record's key ("opening_weekend_domestic_usd") has no curated trigger:
# its words tie only a value close by
DERIVED_DISTANCE = 4
# and in the parse: edges between the fact's word and the value ("released … on June 28": released →
# on → June, 2; "completed the Launch Readiness Review on Tuesday": launch → Review → completed → on →
# Tuesday, 4, is not the launch)
MAX_PATH = 4
MAX_SUBJECT_PATH = 5  # edges between the fact's word and the entity it speaks of, in one clause
DERIVED_PATH = 3
TEXT_VALUE_KINDS = ("place", "org", "person", "event", "work", "product")
MAX_TEXT_DISTANCE = 3
PERSON_KINDS = {"person"}
RUNTIME_UNITS = ("minute", "hour", "day")  # the lengths a duration fact (a runtime, a flight) is written in


@dataclass
class Linked:
    links: list[EntityLink]
    claims: list[Claim]
    tokens: list[Token]
    mentions: list[Mention]  # the extracted ones, less numbers that are part of a title ("Part One")


def link(document: Document, sentences: list[Sentence], mentions: list[Mention], records: RecordSet, vocabulary: Vocabulary,
         syntax: Syntax | None = None, tokens: list[Token] | None = None, capitalised=None) -> Linked:
    """`capitalised`, where the caller has it: names.capitalised_in over these tokens, read once per document
    (every name look-up asks it)."""
    text = document.text
    tokens = tokenize(text) if tokens is None else tokens
    capitalised = capitalised or capitalised_in(text, tokens)
    links = find_links(text, tokens, records, mentions, document.published, capitalised)
    titles = ByPosition([link for link in links if link.record.type != "person"])
    mentions = [m for m in mentions if m.kind != "number" or not titles.holding(m.start, m.end)]
    # the loaded records' nouns, once for the run (an online record's name adds none: see facts_memo)
    referents = (records.base or records).memo("referents", lambda: own_nouns([r for r in (records.base or records).records
                                                                                if r.origin != ARTICLE_ORIGIN]))
    known_people = _record_people(text, tokens, records, vocabulary, capitalised)
    keepers = (records.base or records).memo("keepers", lambda: _keepers([r for r in (records.base or records).records
                                                                         if r.origin != ARTICLE_ORIGIN]))
    # a day restated in another time zone in brackets is the day before it again, no value of its own
    # (a month without its year, "in April", is too loose a time to hold against a record's day: "pushed the launch
    # back in April" is when the delay was told)
    values = [m for m in mentions if not in_another_time_zone(text, m, mentions) and m.label != "month-no-year"]
    claims = find_claims(text, tokens, sentences, values, links, vocabulary, known_people, syntax, referents, keepers)
    claims += holder_claims(text, sentences, _person_mentions(values, links, known_people), links, vocabulary, syntax)
    claims += own_date_claims(text, sentences, values, links, vocabulary, claims)
    claims += own_year_claims(text, sentences, values, links, claims)
    claims += own_tally_claims(text, sentences, values, links, claims)
    claims += parallel_claims(text, sentences, values, links, claims)
    claims += clause_day_claims(text, values, syntax, claims)
    claims += verb_date_claims(text, sentences, values, links, vocabulary, syntax, claims, referents)
    claims += since_claims(text, sentences, values, links, vocabulary, syntax, claims)
    return Linked(links, claims, tokens, mentions)


# an occasion's name and then its day: "his Super Bowl XLI halftime show on Feb. 4, 2007, at Dolphin Stadium"
# (or after the time it is told by first: "a surprise visit to Paddington last week, on 18 May")
_ON_ITS_DAY = re.compile(r"(?:['’]s?)?\s*(?:\s(?:last|this|earlier\s+this)\s+(?:week|month)\s*,|\syesterday\s*,)?\s*,?\s*(?:(?:held|played|staged)\s+)?"
                         r"on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$")


def sentence_holding(sentences: list[Sentence], position: int) -> Sentence | None:
    """The sentence `position` lies in (sentences are in order and do not overlap)."""
    index = bisect.bisect_right(sentences, position, key=lambda sentence: sentence.start) - 1
    return sentences[index] if index >= 0 and position < sentences[index].end else None


def own_date_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink], vocabulary: Vocabulary,
                    claims: list[Claim]) -> list[Claim]:
    """A day written right after an occasion's name ("the final on 14 July") is that occasion's
    `date`, when its record keeps one: no verb need say "held"."""
    taken = {claim.value.start for claim in claims}
    # (a day written without its year is as much a day: "the referendum … on 23 July")
    dates = [m for m in mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"
             and (not m.value.relative or without_its_year(m)) and m.start not in taken]
    dates_by_position = ByPosition(dates)
    found: list[Claim] = []
    for link in links:
        spec = vocabulary.spec(link.record.type, "date") if link.exact and "date" in link.record.facts else None
        if spec is None or spec.value != "date":
            continue
        day = next((m for m in dates_by_position.starting_in(link.end, link.end + 41) if _ON_ITS_DAY.fullmatch(text[link.end:m.start])),
                   None)
        sentence = sentence_holding(sentences, link.start)
        if day is None or sentence is None or day.start >= sentence.end:
            continue
        found.append(Claim(link.record, "date", day, "on", (sentence.start, sentence.end), link, link.end))
    return found


def own_year_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink],
                    claims: list[Claim]) -> list[Claim]:
    """A year written right after the name of a thing whose record keeps one time and no other is that time:
    a thing with one date in the records happened once. The key says the thing's own time ("the largest explosion
    since Krakatau in 1833", of `year: 1883`), or the words between name and year say the key's ("Savannasaurus,
    named in 2017", of `named_year: 2016`); a person's one date is a birth, not whatever "Platini in 2011" did."""
    taken = {claim.value.start for claim in claims}
    years = ByPosition([m for m in mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "year"
                        and not m.value.relative and m.start not in taken])
    found: list[Claim] = []
    for link in links:
        if not link.exact or link.record.type == "person":
            continue
        between = next(((m, said) for m in years.starting_in(link.end, link.end + 30)
                        if (said := _IN_ITS_YEAR.fullmatch(text[link.end:m.start]))), None)
        key = _sole_time_fact(link.record) if between is not None else None
        if key is None:
            continue
        year, said = between
        words = [w for w in fact_key_words(key) if w not in ("year", "date")]
        if said.group(1) and {word_base(said.group(1).lower())} != {word_base(w) for w in words} or not said.group(1) and words:
            continue
        sentence = sentence_holding(sentences, link.start)
        if sentence is None or year.start >= sentence.end:
            continue
        found.append(Claim(link.record, key, year, "in", (sentence.start, sentence.end), link, link.end))
    return found


# a name's tally: "Gordie Howe's total of 810", "Kane's tally of 213", "Howe's career total of 801"
_ITS_TALLY = re.compile(r"['’]s?\s+(?:(?:career|all-time|lifetime|overall|final|previous|old)\s+)?(?:total|tally|haul|mark|count)\s+of\s+$")


def own_tally_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink],
                     claims: list[Claim]) -> list[Claim]:
    """A figure written as a name's tally ("Gordie Howe's total of 810") is the one count its record keeps, when it
    keeps exactly one: no word of the key need be said. Tied loosely, only a slip of the kept figure is reported."""
    taken = {claim.value.start for claim in claims}
    numbers = ByPosition([m for m in mentions if m.kind == "number" and isinstance(m.value, NumberValue) and not m.value.ordinal
                          and m.start not in taken])
    found: list[Claim] = []
    for link in links:
        if not link.exact:
            continue
        figure = next((m for m in numbers.starting_in(link.end, link.end + 40) if _ITS_TALLY.fullmatch(text, link.end, m.start)), None)
        key = _sole_count_fact(link.record) if figure is not None else None
        sentence = sentence_holding(sentences, link.start)
        if key is None or sentence is None or figure.start >= sentence.end:
            continue
        found.append(Claim(link.record, key, figure, "total", (sentence.start, sentence.end), link, link.end, slips_only=True))
    return found


def _sole_count_fact(record: Record) -> str | None:
    """The key of the one whole-number fact of a record that is no year (`nhl_career_goals: 801`), if it keeps exactly one."""
    counts = [key for key, values in record.facts.items() for value in values
              if isinstance(value.value, int) and not isinstance(value.value, bool) and not ("year" in key and 1000 <= value.value <= 2300)]
    return counts[0] if len(counts) == 1 else None


# the name, then the year, or the key's one word ("named", "founded") and the year
_IN_ITS_YEAR = re.compile(r"(?:,?\s+([a-z]+))?\s+in\s+")


def _sole_time_fact(record: Record) -> str | None:
    """The key of the one fact of a record that is a day or a year (`year: 1883`, `date: 1883-08-27`), if it
    keeps exactly one such value."""
    times = [(key, value) for key, values in record.facts.items() for value in values
             if isinstance(value.value, (dt.date, DateValue))
             or isinstance(value.value, int) and not isinstance(value.value, bool) and 1000 <= value.value <= 2300 and "year" in key]
    return times[0][0] if len(times) == 1 else None


def clause_day_claims(text: str, mentions: list[Mention], syntax: Syntax | None, claims: list[Claim]) -> list[Claim]:
    """A day on the verb of a figure already tied to a record ("the bombing and shooting spree that killed 77 people
    on 22 June 2011", the 77 of the attacks' `killed_total`) is that record's day, when the record keeps one day and
    no other time: the clause tells of the thing the record is. Only a slip of that day is told: a verb may be
    done on more days than one."""
    if syntax is None:
        return []
    taken = {claim.value.start for claim in claims}
    days = [m for m in mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"
            and not m.value.relative and m.start not in taken]
    found: list[Claim] = []
    for claim in claims:
        if not isinstance(claim.value.value, NumberValue) or claim.slips_only or not days:
            continue
        key = _sole_time_fact(claim.record)
        if key is None or not any(isinstance(v.value, dt.date) for v in claim.record.facts[key]):
            continue
        verb = syntax.governing_verb(claim.value.start, claim.value.end)
        start, end = claim.sentence
        for day in days:
            if start <= day.start < end and verb is not None and syntax.governing_verb(day.start, day.end) == verb \
                    and day.start not in taken:
                taken.add(day.start)
                said = syntax.tokens[verb]
                found.append(Claim(claim.record, key, day, text[said.start:said.end], claim.sentence, claim.subject, said.start,
                                   slips_only=True))
    return found


def parallel_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink],
                    claims: list[Claim]) -> list[Claim]:
    """Figures a sentence gives in parallel for records that keep the same fact ("Alaska, which flies 65 of the jets,
    and United Airlines, which operates 97", of `max9_fleet: 65` and `max9_fleet: 79`): when one figure is its own
    record's value exactly, the others are theirs too — checked for slips only, as no word of the key need be said."""
    taken = {claim.value.start for claim in claims}
    numbers = ByPosition([m for m in mentions if m.kind == "number" and isinstance(m.value, NumberValue) and not m.value.ordinal])
    found: list[Claim] = []
    for sentence in sentences:
        here = [link for link in links if sentence.start <= link.start < sentence.end and link.exact]
        if len({link.record.id for link in here}) < 2:
            continue
        figures: list[tuple[EntityLink, Mention]] = []
        for position, link in enumerate(here):
            until = min(here[position + 1].start if position + 1 < len(here) else sentence.end, link.end + 60)
            figure = next(iter(numbers.starting_in(link.end, until)), None)
            if figure is not None:
                figures.append((link, figure))
        if len({link.record.id for link, _ in figures}) < 2:
            continue
        for key in set.intersection(*(set(link.record.facts) for link, _ in figures)):
            kept = [[v.value for v in link.record.facts[key] if isinstance(v.value, (int, float)) and not isinstance(v.value, bool)]
                    for link, _ in figures]
            if any(len(values) != 1 for values in kept):
                continue
            agreed = [values[0] == figure.value.value for values, (_, figure) in zip(kept, figures)]
            if not any(agreed):
                continue
            for (link, figure), agrees in zip(figures, agreed):
                if not agrees and figure.start not in taken:
                    sentence_span = (sentence.start, sentence.end)
                    found.append(Claim(link.record, key, figure, "", sentence_span, link, link.end, slips_only=True))
    return found


def verb_date_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink], vocabulary: Vocabulary,
                     syntax: Syntax | None, claims: list[Claim], referents: dict[str, list[Record]] | None = None) -> list[Claim]:
    """"Penelope Fitzgerald's Offshore, which won in 1978": a year or a day on a verb ("won in 1978")
    whose subject is a record — by its name, by "it" in a clause of a sentence about it, by its own
    noun ("the spacecraft"), or through the verb it is joined to — is that record's date fact the verb
    names (`booker_win_year`; "entered early access" for `early_access_release`), when its date facts
    have the verb, or a word of its object, among their keys' words. The parse ties them, not a
    trigger phrase, so a key's head too short to stand alone ("win") still speaks; only a slip from the
    record's value (a year, a day) is told, since a verb may tell of another time it was done."""
    if syntax is None or not links:
        return []
    taken = {claim.value.start for claim in claims}
    names = ByPosition([link for link in links if link.exact])
    found: list[Claim] = []
    for date in mentions:
        if date.kind != "date" or not isinstance(date.value, DateValue) or date.start in taken \
                or date.value.relative and not without_its_year(date):  # "on Jan. 18", its year the copy's: not "last week"
            continue
        sentence = sentence_holding(sentences, date.start)
        verb = _verb_dating(syntax, text, syntax.span_root(date.start, date.end))
        if verb is None or sentence is None:
            continue
        said = _verb_phrase_bases(syntax, text, verb)
        # of the records the verb may tell of, the one whose date facts its words name ("the spacecraft"
        # of a mission and its lander: the mission keeps `lunar_orbit_insertion`)
        keeping = [(record, subject, keys) for record, subject in _verb_records(syntax, text, verb, names, links, vocabulary, referents)
                   if (keys := [key for key in record.facts
                                if (spec := vocabulary.spec(record.type, key)) is not None and spec.value == "date"
                                and any(base in said for word in fact_key_words(key) for base in _key_word_bases(word))])]
        if len(keeping) != 1:
            continue
        record, subject, keys = keeping[0]
        if _object_names_a_record(syntax, verb, names, record):
            # "I Am Maximus … won the Grand National on Saturday 13 April 2024": the day of the occasion the
            # object names; of the horse's keys only one whose every word the verb's phrase says is its
            # (`irish_grand_national.date` says "Irish", which the sentence does not)
            keys = [key for key in keys if all(word in _DATE_WORDS or _key_word_bases(word) & said for word in fact_key_words(key))]
            if not keys:
                continue
        verb_token = syntax.tokens[verb]
        # (of several such facts — `launch.date_local`, `launch.date_eastern` — the check tells a date
        # none of them holds, against the one it slips from)
        found.extend(Claim(record, key, date, text[verb_token.start:verb_token.end], (sentence.start, sentence.end),
                           subject, verb_token.start, slips_only=True) for key in keys[:3])
    return found


_DATE_WORDS = {"date", "day", "year", "on", "when", "time"}


def _object_names_a_record(syntax: Syntax, verb: int, names: ByPosition, subject_record: Record) -> bool:
    """Is the verb's object the name of another record ("won the Grand National")?"""
    for thing in _children(syntax, verb, ("dobj",)):
        token = syntax.tokens[thing]
        if any(link.record.id != subject_record.id for link in names.holding(token.start, token.end)):
            return True
    return False


# a key's words that make its value the last time before the one told of (`previous_world_series_title`)
_LAST_TIME_WORDS = {"previous", "last", "prior", "preceding"}
# how a sentence says a key's word otherwise: a title is won
_SAID_AS = {"title": ("win",), "titles": ("win",), "championship": ("win",), "trophy": ("win",), "cup": ("win",)}
# words that make "since YEAR" the last time before: "the first … since 1979", "the lowest since 2005",
# "have not won … since 1946"
_LAST_TIME_TOLD = {"first", "only", "not", "n't", "never", "no"}


def since_claims(text: str, sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink], vocabulary: Vocabulary,
                 syntax: Syntax | None, claims: list[Claim]) -> list[Claim]:
    """"The lowest turnout since 2005", "the Indians have not won the World Series since 1946", "the
    first strike by the ILA since 1979": a year (or day) after "since" is when a thing began or last
    happened before, and a record the article names keeps it under a key that says so —
    `lowest_turnout_since`, `last_world_series_title`, `previous_coastwide_ila_strike_year` — when the
    sentence says every other word of the key. A key of the last time before speaks only when the
    sentence tells a first, a superlative or a "not … since"; a key of a start only of a record the
    sentence names; of several such facts, the one whose words the sentence says most, and only one."""
    if syntax is None or not links:
        return []
    taken = {claim.value.start for claim in claims}
    linked = {link.record.id: link for link in links if link.exact}
    found: list[Claim] = []
    for date in mentions:
        if date.kind != "date" or not isinstance(date.value, DateValue) or date.value.relative or date.start in taken:
            continue
        root = syntax.span_root(date.start, date.end)
        sentence = sentence_holding(sentences, date.start)
        if root is None or sentence is None or syntax.tokens[root].dep != "pobj":
            continue
        since = syntax.tokens[syntax.tokens[root].head]
        if text[since.start:since.end].lower() != "since":
            continue
        proper = _names_before_since(syntax, text, sentence, syntax.tokens[root].head)
        if proper is None:
            continue
        words = [(token, text[token.start:token.end].lower()) for token in (syntax.tokens[index] for index in _syntax_range(syntax, sentence))]
        said = {base for token, word in words for base in (word, word_base(word), token.lemma) if base}
        last_time_told = any(word in _LAST_TIME_TOLD or token.tag in ("JJS", "RBS") or token.dep == "neg"
                             for token, word in words if token.start < since.start)
        in_sentence = {link.record.id for link in links if link.exact and sentence.start <= link.start < sentence.end}
        # a key word may be a word, or the initials, of a name the sentence gives ("ila" of the ILA): the
        # names of the records it links
        named = {word for record_id in in_sentence for word in _name_words(linked[record_id].record)}
        best: list[tuple[int, str, str]] = []
        for record_id, link in linked.items():
            own_words = _name_words(link.record)
            for key in link.record.facts:
                spec = vocabulary.spec(link.record.type, key)
                if spec is None or spec.value != "date":
                    continue
                key_words = fact_key_words(key)
                since_key = bool(SINCE_KEY.search(key.split(".")[0] if key.split(".")[-1] in ("year", "date") else key.split(".")[-1]))
                if not since_key and not (last_time_told and set(key_words) & _LAST_TIME_WORDS):
                    continue
                if since_key and record_id not in in_sentence:
                    continue  # "Jacek Majchrowski, mayor since 2002": another's start, not the record's `mayor_since`
                wanted = [word for word in key_words if word not in _LAST_TIME_WORDS]
                if not wanted or not all({word, word_base(word), *_SAID_AS.get(word, ())} & (said | named) for word in wanted):
                    continue
                if any(word not in own_words | named and word not in key_words for word in proper):
                    continue  # "the first men's world record set in Chicago since 1999": a narrower thing
                best.append((len(wanted) + (record_id in in_sentence), record_id, key))
        best.sort(reverse=True)
        if not best or len(best) > 1 and best[1][0] == best[0][0]:
            continue
        _, record_id, key = best[0]
        link = linked[record_id]
        found.append(Claim(link.record, key, date, "since", (sentence.start, sentence.end),
                           link if record_id in in_sentence else None, since.start))
    return found


def _names_before_since(syntax: Syntax, text: str, sentence: Sentence, since: int) -> set[str] | None:
    """The proper words of the phrase "since" hangs on, before it — of a noun, its words; of a verb, its
    subject's, object's and prepositions' after the subject ("For Cleveland and manager Terry Francona,
    the Indians have not won the World Series since 1946": Indians, World, Series), and of a verb that
    describes a noun, that noun's ("the first men's world record set in Chicago since 1999"). None when
    the phrase has a possessive: "handing the club its first title since 1908" — whose, the parse does
    not say."""
    tokens = syntax.tokens
    above = tokens[since].head
    tops = [above]
    if tokens[above].tag.startswith("VB"):
        subjects = _children(syntax, above, ("nsubj", "nsubjpass"))
        tops = [child for child in _children(syntax, above, ("nsubj", "nsubjpass", "dobj", "attr", "prep", "agent"))
                if not subjects or child >= subjects[0]]
        if tokens[above].dep in ("acl", "relcl"):
            tops.append(tokens[above].head)
    phrase = [index for index in range(_syntax_range(syntax, sentence).start, since)
              if any(index == top or top in syntax.ancestors(index) for top in tops)]
    if any(tokens[index].dep == "poss" and tokens[index].head in tops for index in phrase):
        return None
    return {re.sub(r"['’]s?$", "", text[tokens[index].start:tokens[index].end].lower())
            for index in phrase if tokens[index].tag in ("NNP", "NNPS")}


def _syntax_range(syntax: Syntax, sentence: Sentence) -> range:
    """The indices of the parse's words inside the sentence."""
    return range(bisect.bisect_left(syntax.starts, sentence.start), bisect.bisect_left(syntax.starts, sentence.end))


def _name_words(record: Record) -> set[str]:
    """The lower-case words of every name of a record ("International Longshoremen's Association", "ILA")."""
    return {word for name in record.names for word in name.lower().replace("'", " ").split()}


# the verbs copy tells a key's act with, where they share no stem with it
_VERBS_OF_KEY_WORD = {"inauguration": ("sworn",), "inaugurate": ("sworn",), "verdict": ("convict", "acquit"),
                     "launch": ("lift", "blast"), "liftoff": ("lift",)}


def _key_word_bases(word: str) -> set[str]:
    return {word, word_base(word), *_VERBS_OF_KEY_WORD.get(word, ()), *_VERBS_OF_KEY_WORD.get(word_base(word), ())}


def _verb_dating(syntax: Syntax, text: str, root: int | None) -> int | None:
    """The verb a date is the time of: "won in 1978" (in → won), "opened on 3 June", "opened May 11"."""
    if root is None:
        return None
    tokens = syntax.tokens
    head = tokens[root].head
    if tokens[root].dep == "pobj" and text[tokens[head].start:tokens[head].end].lower() in ("in", "on") \
            and tokens[head].dep == "prep":
        head = tokens[head].head
    elif tokens[root].dep not in ("npadvmod", "tmod"):
        return None
    return head if tokens[head].tag.startswith("VB") else None


def _children(syntax: Syntax, index: int, deps: tuple[str, ...]) -> list[int]:
    """The word's dependents by these relations, in order (from the parse's own index of them)."""
    return [child for child in syntax.children(index) if syntax.tokens[child].dep in deps]


def _verb_phrase_bases(syntax: Syntax, text: str, verb: int) -> set[str]:
    """The verb's dictionary forms, with its particle's and its object's words ("entered early access")."""
    tokens = syntax.tokens
    words = [verb, *_children(syntax, verb, ("prt",))]
    for thing in _children(syntax, verb, ("dobj",)):
        words += [thing, *_children(syntax, thing, ("compound", "amod"))]
    bases = set()
    for index in words:
        word = text[tokens[index].start:tokens[index].end].lower()
        bases |= {word, word_base(word), tokens[index].lemma} - {""}
    return bases


def _verb_records(syntax: Syntax, text: str, verb: int, names: ByPosition, links: list[EntityLink],
                  vocabulary: Vocabulary, referents: dict[str, list[Record]] | None = None) -> list[tuple[Record, EntityLink | None]]:
    """The records a verb may tell of: its subject's (or, for a clause that describes a noun, that
    noun's); for "it", those the sentence's governing clause is about; for a verb joined to another,
    that one's; for "the spacecraft", every record of that type the article named before."""
    tokens = syntax.tokens
    subjects = _children(syntax, verb, ("nsubj", "nsubjpass"))
    if subjects and tokens[subjects[0]].tag in ("WDT", "WP") and tokens[verb].dep == "relcl":
        subject = tokens[verb].head
    elif subjects:
        subject = subjects[0]
    elif tokens[verb].dep in ("relcl", "acl"):
        subject = tokens[verb].head
    elif tokens[verb].dep == "conj" and tokens[tokens[verb].head].tag.startswith("VB") and tokens[verb].head != verb:
        # "The spacecraft … was sent towards the Moon on 1 August and entered lunar orbit on 6 August": the
        # subject of the verb it is joined to
        return _verb_records(syntax, text, tokens[verb].head, names, links, vocabulary, referents)
    else:
        return []
    word = text[tokens[subject].start:tokens[subject].end]
    if word.lower() == "it":
        if tokens[verb].dep in ("relcl", "acl"):
            return []  # "continues in London, where it opened in 1986": of another staging
        for above in syntax.ancestors(verb):
            if tokens[above].tag.startswith("VB") and above != verb:
                found = _verb_records(syntax, text, above, names, links, vocabulary, referents)
                if found:
                    return found
        return []
    holders = {link.record.id: link for link in names.holding(tokens[subject].start, tokens[subject].end)}
    if not holders:
        # "The previous UK record, 38.7C (101.7F), had been set at … in July 2018": a name set beside the subject
        for beside in _children(syntax, subject, ("appos",)):
            holders.update({link.record.id: link for link in names.holding(tokens[beside].start, tokens[beside].end)})
    if len(holders) == 1:
        link = next(iter(holders.values()))
        return [(link.record, link)]
    determiner = _children(syntax, subject, ("det", "poss"))
    if holders or not determiner or text[tokens[determiner[0]].start:tokens[determiner[0]].end].lower() not in ("the", "its"):
        return []
    kinds = [kind for kind, nouns in vocabulary.type_nouns.items() if (word.lower(),) in nouns]
    named = {link.record.id: link.record for link in links if link.exact and link.record.type in kinds and link.start < tokens[subject].start}
    if not named and referents and len(referents.get(word.lower(), ())) == 1:
        # "The semi-submersible rig … had been … completed in 2003": the one record whose own names end in the noun
        return [(referents[word.lower()][0], None)]
    return [(record, None) for record in named.values()]


def holder_claims(text: str, sentences: list[Sentence], persons: list[Mention], links: list[EntityLink], vocabulary: Vocabulary,
                  syntax: Syntax | None) -> list[Claim]:
    """"The Health Secretary, Sajid Javid": a person set beside the name of an office — in apposition
    or as its title ("Health Secretary Sajid Javid") — is said to hold it, and the office's record
    says who does. "The former Health Secretary …" speaks of another term, and is left alone."""
    claims: list[Claim] = []
    persons_by_position = ByPosition(persons)
    for link in links:
        if not link.exact:
            continue
        key = next((k for k in link.record.facts if HOLDER_KEY.fullmatch(k)), None)
        if key is None or vocabulary.spec(link.record.type, key) is None:
            continue
        before = text[max(0, link.start - 30):link.start].lower()
        if re.search(r"\b(?:former|then|ex|previous|outgoing|erstwhile|acting|interim|future|next|new|incoming|shadow)\W*(?:the\s+)?$", before):
            continue
        sentence = sentence_holding(sentences, link.start)
        if sentence is None:
            continue
        for person in persons_by_position.starting_in(sentence.start, sentence.end):
            if not _beside(text, syntax, link, person):
                continue
            claims.append(Claim(link.record, key, person, link.text, (sentence.start, sentence.end), link, link.start))
            break
    return claims


def _beside(text: str, syntax: Syntax | None, link: EntityLink, person: Mention) -> bool:
    """Is the person the office's holder by the words' order: "the Health Secretary, Sajid Javid,",
    "Health Secretary Sajid Javid", "Sajid Javid, the Health Secretary"? With a parse, the office
    must be the person's apposition or title, not a word of another phrase."""
    after = text[link.end:person.start]
    following = text[person.end:link.start]
    if link.matched_name.endswith(".") and after.startswith("."):
        after = after[1:]  # an abbreviated title the records write with its point: "Gov. Larry Hogan"
    if not (re.fullmatch(r",?\s*", after) or re.fullmatch(r",\s*(?:the\s+|a\s+)?", following, re.IGNORECASE)):
        return False
    if syntax is None:
        return True
    office, name = syntax.span_root(link.start, link.end), syntax.span_root(person.start, person.end)
    if office is None or name is None:
        return False
    tokens = syntax.tokens
    return (tokens[name].head == office and tokens[name].dep in ("appos", "compound", "npadvmod")) or \
        (tokens[office].head == name and tokens[office].dep in ("appos", "compound", "nmod"))


NAME_PREPOSITIONS = {"of", "for", "in", "at", "on", "to", "v", "vs", "versus", "between", "against", "with", "from"}


def own_nouns(records: list[Record]) -> dict[str, list[Record]]:
    """The common noun each record's names end in ("Microsoft acquisition of Activision Blizzard" →
    acquisition, "Activision deal" → deal, "2024 Indian general election" → election), for "the deal"
    or "the all-cash acquisition" in a sentence that names no entity. People have none; a noun two
    records share refers to neither; a capitalised head ("the party") may be any other of its kind."""
    found: dict[str, list[Record]] = {}
    for record in records:
        if record.type == "person":
            continue
        nouns = set()
        for name in record.names:
            words = re.findall(r"[^\W\d_][\w'’-]*|\d+", name)
            cut = False
            for index, word in enumerate(words):
                if word.lower() in NAME_PREPOSITIONS and index:
                    words, cut = words[:index], True
                    break
            while words and (words[-1].isdigit() or re.fullmatch(r"[IVXLC]+", words[-1])):
                words.pop()
            if len(words) < 2 and not (cut and words):
                continue  # (one word before "of" is a head too: "Portrait of a Lady" → portrait)
            head = words[-1]
            # a capitalised head is part of the name ("Scottish National Party", "Francis Scott Key
            # Bridge"): "the party" may be any other; _referent takes it only where the article names
            # no other of its kind
            if (len(head) >= 4 or len(words) == 2 and words[0].lower() == "the") and head.isalpha() and head[1:].islower():
                nouns.add(head.lower())  # (a short head too where the newsroom writes the reference itself: "the rig")
        # copy names one deal by any of its nouns: "the all-cash transaction", "the purchase" for a
        # record named "… acquisition of …"; one match by any of its: "the match" for "… singles final"
        nouns |= {other for noun in nouns for kin in KIN_NOUNS if noun in kin for other in kin}
        for noun in nouns:
            found.setdefault(noun, []).append(record)
    return {noun: found_records for noun, found_records in found.items() if len(found_records) == 1}


DEAL_NOUNS = {"deal", "acquisition", "takeover", "purchase", "transaction", "merger", "buyout"}
MATCH_NOUNS = {"final", "match", "game", "tie", "decider", "showpiece"}
ARTWORK_NOUNS = {"portrait", "painting", "canvas", "picture", "work", "artwork", "masterpiece"}
# the common nouns copy uses for one another
KIN_NOUNS = (DEAL_NOUNS, MATCH_NOUNS, ARTWORK_NOUNS)


def _record_people(text: str, tokens: list[Token], records: RecordSet, vocabulary: Vocabulary, capitalised) -> list[Mention]:
    """Where the article names, in full, a person the records give as a fact value."""
    person_facts = {(spec.entity_type, spec.key) for spec in vocabulary.facts if spec.value in ("person", "person-list")}
    names = records.person_names(person_facts)
    if not names:
        return []
    index = records.facts_owner().memo(("person_index", frozenset(person_facts)), lambda: NameIndex(names))
    hits = index.exact(tokens, capitalised)
    return [Mention("person", tokens[h.first].start, tokens[h.last - 1].end, text[tokens[h.first].start:tokens[h.last - 1].end], None, "record-value")
            for h in hits]


def find_links(text: str, tokens: list[Token], records: RecordSet, mentions: list[Mention],
               published: dt.date | None = None, capitalised_words=None) -> list[EntityLink]:
    """Every record name in the text, exact or one word off. `capitalised_words`: names.capitalised_in over
    the tokens, if the caller has read it already."""
    if not records.records:
        return []
    index = _name_index(records)
    capitalised_words = capitalised_words or capitalised_in(text, tokens)
    capitalised = _or_as_the_records_write_it(text, tokens, capitalised_words, records)
    links: list[EntityLink] = []
    taken: set[int] = set()
    exact_spans: dict[tuple[int, int], EntityLink] = {}
    longer = [m for m in mentions if m.kind in ("person", "org", "work", "event", "product", "place")]
    longer_by_position = ByPosition(longer)
    starts = [token.start for token in tokens]
    for hit in index.exact(tokens, capitalised, text):
        record, name = records.by_name[hit.key][0]
        start, end = tokens[hit.first].start, tokens[hit.last - 1].end
        if any(_inside_longer_name(text, m, start, end) for m in longer_by_position.holding(start, end)):
            continue  # "Tom Cruise Jr.", "Queen Elizabeth The Queen Mother": a longer name holds this one
        exact_spans[(hit.first, hit.last)] = _make_link(text, tokens, hit.first, hit.last, record, name, True)
        taken.update(range(hit.first, hit.last))
    for link in [*_implied_links(text, tokens, records, mentions, taken, capitalised_words, published), *_aged_aliases(text, tokens, records, taken)]:
        exact_spans[_token_range(starts, link)] = link
        taken.update(range(*_token_range(starts, link)))
    for link in _described_links(text, tokens, records, mentions, taken, published):
        exact_spans[_token_range(starts, link)] = link
        taken.update(range(*_token_range(starts, link)))
    quoted_at = lambda first, last: set_off_as_a_title(text, tokens[first].start, tokens[last - 1].end)  # noqa: E731
    near_hits = [hit for hit in index.near(tokens, taken, capitalised, set(exact_spans), quoted_at=quoted_at)
                 if written_like(text, tokens, hit, records.by_name[hit.key][0][1])
                 and not _written_in_its_other_names(records.by_name[hit.key][0][0], tokens, hit)
                 and tuple(t.norm for t in tokens[hit.first:hit.last]) not in records.by_name  # a name as the records write it
                 and tuple(t.norm for t in tokens[hit.first:hit.last]) not in records.written_names()]
    for hit in near_hits:  # a misspelt full name replaces the exact short name inside it
        for span in [s for s in exact_spans if hit.first <= s[0] and s[1] <= hit.last]:
            del exact_spans[span]
    links.extend(exact_spans.values())
    for hit in near_hits:
        record, name = records.by_name[hit.key][0]
        links.append(_make_link(text, tokens, hit.first, hit.last, record, name, False))
    links.extend(_surname_links(text, tokens, links, taken | {i for l in links for i in range(*_token_range(starts, l))}, longer))
    links.sort(key=lambda link: link.start)
    return links


def _written_in_its_other_names(record: Record, tokens: list[Token], hit) -> bool:
    """Does the record write each word that differs in another of its names? Then it is a spelling the
    record knows ("Chernobyl" beside the alias "Chornobyl", the record being the "Chernobyl nuclear accident")."""
    words = {word for name in record.names for word in name_key(name)}
    return bool(hit.wrong_words) and all(tokens[index].norm in words for index in hit.wrong_words)


# one capitalised word of an era or a people before a name ("Victorian", "Georgian", "Scottish", "Japanese")
_DESCRIBING_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ish|ese)[ \t]+")


def _inside_longer_name(text: str, mention: Mention, start: int, end: int) -> bool:
    """Is the span part of a longer name the recogniser found, the rest of it capitalised words ("Queen"
    in "Queen Elizabeth", "The Queen" in "The Queen Mother", "Tom Cruise" in "Tom Cruise Jr.")? A
    leading "the" or a trailing possessive adds no name ("The Kansas City Chiefs")."""
    if not (mention.start <= start and end <= mention.end) or (mention.start, mention.end) == (start, end):
        return False
    before = re.sub(r"^(?:the|The)[ \t]+", "", text[mention.start:start])
    after = re.sub(r"(?:'s|’s|'|’)$", "", text[end:mention.end])
    if not after and re.search(r"(?:'s|’s)[ \t]+$", before):
        return False  # "Penelope Fitzgerald's Offshore": the name after an owner's is a name of its own
    if not after and _DESCRIBING_ADJECTIVE.fullmatch(before):
        return False  # "the Victorian Forth Bridge", "the French Open": an era's or a people's word describes the name
    # only capitalised words right beside it, on its line: not "Evaristo's Girl, Woman, Other"
    return bool(before or after) and re.fullmatch(r"(?:[A-Z][\w.'’-]*[ \t]+)*", before) is not None \
        and re.fullmatch(r"(?:[ \t]+[A-Z][\w.'’-]*)*", after) is not None


# "The 65-year-old Italian": an age between a "the" and the word a person's alias gives with it ("the Italian")
_AGED_THE = re.compile(r"\b[Tt]he\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _aged_aliases(text: str, tokens: list[Token], records: RecordSet, taken: set[int]) -> list[EntityLink]:
    """A person the records call "the Italian", "the Scot", told as "the 65-year-old Italian"."""
    starts = [token.start for token in tokens]
    found = []
    for match in _AGED_THE.finditer(text):
        hits = records.by_name.get(name_key("the " + match["name"]), ())
        people = {record.id: (record, name) for record, name in hits if record.type == "person"}
        if len(people) != 1:
            continue
        first, last = bisect.bisect_left(starts, match.start("name")), bisect.bisect_left(starts, match.end("name"))
        if first < last and not any(index in taken for index in range(first, last)):
            record, name = next(iter(people.values()))
            found.append(_make_link(text, tokens, first, last, record, name, True))
    return found


def _implied_links(text: str, tokens: list[Token], records: RecordSet, mentions: list[Mention], taken: set[int],
                   capitalised, published: dt.date | None = None) -> list[EntityLink]:
    """"the Women's World Cup final" for the record "2023 FIFA Women's World Cup final", in an article
    that speaks of 2023 (a date in it, or its publication, falls in that year): RecordSet.implied_names."""
    # built once for the run on the loaded records, not again for each article's copy of them
    shared = records.base or records
    implied = shared.implied_names()
    if not implied:
        return []
    years = _years_spoken_of(mentions, published)
    index = shared.memo("implied_index", lambda: NameIndex(implied))
    found = []
    for hit in index.exact(tokens, capitalised):
        record, name, year = implied[hit.key]
        if (year is None or year in years) and not any(position in taken for position in range(hit.first, hit.last)):
            found.append(_make_link(text, tokens, hit.first, hit.last, record, name, True))
    return found


def _years_spoken_of(mentions: list[Mention], published: dt.date | None) -> set[int]:
    """The years an article speaks of: its dates' and its publication's (a name that writes a year stands for
    its record only in such an article)."""
    dates = [m.value for m in mentions if m.kind == "date" and isinstance(m.value, DateValue)]
    return {value.earliest.year for value in dates} | {value.latest.year for value in dates} | ({published.year} if published else set())


# the words copy writes for the names of a few countries and unions, as their names' words
_COUNTRY_WORDS = {"britain": ("united", "kingdom"), "british": ("united", "kingdom"), "uk": ("united", "kingdom"),
                  "us": ("united", "states"), "america": ("united", "states"), "american": ("united", "states"),
                  "eu": ("european", "union")}
DESCRIBED_REACH = 12  # tokens either side of a name's last word in which its other words are looked for


def _described_links(text: str, tokens: list[Token], records: RecordSet, mentions: list[Mention], taken: set[int],
                     published: dt.date | None = None) -> list[EntityLink]:
    """A record named in the copy's own words, every word of its name said (all but one of six) within a few words
    of its last one, in one sentence: "the referendum on Britain's membership of the European Union" for the record
    "2016 United Kingdom European Union membership referendum", "the Queen, who made a surprise visit to Paddington"
    for the alias "Queen's surprise visit to Paddington". Only a record no other name so told fits, and, when its
    name writes a year, in an article that speaks of that year (RecordSet.described_names)."""
    shared = records.base or records
    described = shared.described_names()
    heads = [i for i, token in enumerate(tokens) if token.norm in described and i not in taken]
    if not heads:
        return []
    years = _years_spoken_of(mentions, published)
    values_in = [m for m in mentions if m.kind in ("number", "date")]
    found = []
    for head in heads:
        # the sentence around it: no full stop, semicolon or line break between
        first = head
        while first > 0 and head - first < DESCRIBED_REACH and not _SENTENCE_BREAK.search(text, tokens[first - 1].end, tokens[first].start):
            first -= 1
        last = head
        while last + 1 < len(tokens) and last - head < DESCRIBED_REACH and not _SENTENCE_BREAK.search(text, tokens[last].end, tokens[last + 1].start):
            last += 1
        fits = []
        for record, name, others, named_years in described[tokens[head].norm]:
            if named_years and not named_years & years:
                continue
            places: dict[str, int] = {}  # each other word of the name, at its nearest place to the last word
            for i in range(first, last + 1):
                for word in (tokens[i].norm, *_COUNTRY_WORDS.get(tokens[i].norm, ())):
                    if word in others and (word not in places or abs(i - head) < abs(places[word] - head)):
                        places[word] = i
            if len(others) - len(places) > len(others) // 5:
                continue
            span = sorted({head, *places.values()})
            if span[-1] - span[0] > 2 * len(others) + 5 or any(i in taken for i in range(span[0], span[-1] + 1)):
                continue
            if any(tokens[span[0]].start <= m.start < tokens[span[-1]].end and not _a_number_of(name, m) and not _a_value_of(record, m)
                   for m in values_in):
                # "the final of the fourth edition of the Conference League": a figure told inside is no word of the name
                # (one the name writes is, "The Sopranos, whose fourth-season premiere" of "The Sopranos season 4 premiere", and
                # one the record keeps: "the previous national record of 38.7C …, set at Cambridge Botanic Garden")
                continue
            # (a year just before it is the name's too: "the 1975 referendum on …")
            opening = tokens[max(first, span[0] - 2)].start
            written_years = {int(year) for year in re.findall(r"\b(?:1[89]|20)\d\d\b", text[opening:tokens[span[-1]].end])}
            if written_years - named_years:
                continue  # "the 2015 referendum on …": another one
            fits.append((record, name, span[0], span[-1] + 1))
        if len({record.id for record, *_ in fits}) == 1:
            record, name, start, end = fits[0]
            link = _make_link(text, tokens, start, end, record, name, True)
            # (the name it stands for is the copy's own telling: no variant of the record's name to report)
            found.append(EntityLink(link.record, link.start, link.end, link.text, link.text, True))
            taken.update(range(start, end))
    return found


def _a_value_of(record: Record, mention: Mention) -> bool:
    """Is the figure one the record keeps (so that taking it into the record's name loses nothing to check)?"""
    if mention.kind != "number" or not isinstance(mention.value, NumberValue):
        return False
    return any(isinstance(value.value, (int, float)) and not isinstance(value.value, bool) and abs(value.value - mention.value.value) < 1e-9
               for values in record.facts.values() for value in values)


def _a_number_of(name: str, mention: Mention) -> bool:
    """Is the figure one the name writes, in figures or in words ("4" of "season 4" for "fourth-season")?"""
    if mention.kind != "number" or not isinstance(mention.value, NumberValue):
        return False
    written = {int(number) for number in re.findall(r"\d+", name)}
    written |= {value for word in name_key(name) if (value := whole_number(ORDINALS.get(word, word))) is not None}
    return mention.value.value in written


_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n")


def _or_as_the_records_write_it(text: str, tokens: list[Token], capitalised, records: RecordSet):
    """A name starts with a capital — or is written word for word as the records write it in lower
    case: an office a newsroom keeps as "shadow education secretary" is written so in its copy too.
    (Two words or more: one lower-case word is too often just a word. For a single word, whether it
    may open such a name.)"""
    lower, openers = records.facts_owner().memo("lower-case names", lambda: _lower_case_names(records.facts_owner().records))
    if not lower:
        return capitalised

    def check(first: int, last: int) -> bool:
        if capitalised(first, last):
            return True
        words = tuple(text[token.start:token.end] for token in tokens[first:last])
        if last - first == 1:
            return words[0] in openers
        return words in lower and "\n" not in text[tokens[first].start:tokens[last - 1].end]

    return check


def _lower_case_names(records: list[Record]) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The names the records write all in lower case, as words, and the words they open."""
    from factcheck.text import WORD_RE

    found = set()
    for record in records:
        for name in record.names:
            words = tuple(WORD_RE.findall(name))
            # (all in lower case: a brand written "iPhone 15" is a name like any other, which the
            # records' aliases for several models may share)
            if len(words) >= 2 and name == name.lower() and words[0] not in ("the", "a", "an"):
                found.add(words)
            elif len(words) >= 3 and words[0] in ("the", "a", "an") and words[1] == words[1].lower() \
                    and any(word[:1].isupper() for word in words[2:]):
                # "the original London production": a description with a name in it, as specific as a name
                found.update((words, words[1:]))
            elif len(words) >= 2 and words[0] == words[0].lower() and words[0] not in ("the", "a", "an") \
                    and any(word[:1].isupper() for word in words[1:]):
                found.add(words)  # "first Alpine rail tunnel", "original Switch", written after "the" in the copy
    return frozenset(found), frozenset(words[0] for words in found)


def _name_index(records: RecordSet) -> NameIndex:
    """The index of every record name: built once for the loaded records, and for an article's copy
    extended with the names the copy adds (not built again over all of them)."""
    def people(names: dict) -> list:
        return [key for key, named in names.items() if any(record.type == "person" for record, _ in named)]

    if records.base is not None:
        added = records.added_names()
        shared = _name_index(records.base)
        return records.memo("name_index", lambda: shared.extended(added, people(added)) if added else shared)
    return records.memo("name_index", lambda: NameIndex(records.by_name, people(records.by_name)))


def _make_link(text: str, tokens: list[Token], first: int, last: int, record: Record, name: str, exact: bool) -> EntityLink:
    start, end = tokens[first].start, tokens[last - 1].end
    # the token keeps a possessive ("Cruise’s"); the link is the name alone
    for suffix in ("’s", "'s"):
        if text.endswith(suffix, start, end):
            end -= len(suffix)
    if name.endswith(".") and text.startswith(".", end) and re.search(r"\b[A-Z][a-z]{0,3}$", text[start:end]):
        end += 1  # the name's own point: "Robert Downey Jr." (the tokens leave it out)
    return EntityLink(record, start, end, text[start:end], name, exact)


def _token_range(starts: list[int], link: EntityLink) -> tuple[int, int]:
    """The link's tokens, as indexes (end exclusive), from the tokens' start offsets."""
    first = bisect.bisect_left(starts, link.start)
    last = bisect.bisect_left(starts, link.end)
    return first, last


def _surname_links(text: str, tokens: list[Token], links: list[EntityLink], taken: set[int], longer: list[Mention]) -> list[EntityLink]:
    """'Cruise' alone is Tom Cruise once the article has named him in full (not "the Queen" → every
    "Queen": a title, not a surname; nor a surname inside another's name, "Queen Victoria")."""
    surnames: dict[str, EntityLink] = {}
    for link in links:
        if link.record.type == "person" and link.exact:
            words = link.matched_name.split()
            while len(words) > 2 and re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", words[-1]):
                words = words[:-1]  # "Patrick Mahomes II" is "Mahomes", not "II"
            if len(words) >= 2 and all(word[:1].isupper() for word in words) and not re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", words[-1]):
                surnames.setdefault(tokenize(words[-1])[0].norm, link)
    found = []
    longer_by_position = ByPosition(longer)
    for position, token in enumerate(tokens):
        full = surnames.get(token.norm)
        if full is not None and position not in taken and text[token.start].isupper() \
                and not any(_inside_longer_name(text, m, token.start, token.end) for m in longer_by_position.holding(token.start, token.end)):
            found.append(_make_link(text, tokens, position, position + 1, full.record, full.matched_name, True))
    return found


# --- claims -----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Trigger:
    spec: FactSpec
    first: int  # token indexes
    last: int
    text: str
    key: tuple[str, ...] = ()  # the vocabulary's trigger that matched


def find_claims(text: str, tokens: list[Token], sentences: list[Sentence], mentions: list[Mention], links: list[EntityLink],
                vocabulary: Vocabulary, known_people: list[Mention] = (), syntax: Syntax | None = None,
                referents: dict[str, list[Record]] | None = None, keepers: dict[str, list[Record]] | None = None) -> list[Claim]:
    if not (links or referents or keepers) or not vocabulary.facts:
        return []
    starts = [token.start for token in tokens]
    trigger_index = vocabulary.memo("trigger_index", lambda: _trigger_index(vocabulary))
    counted_index = vocabulary.memo("counted_index", lambda: _counted_index(vocabulary))
    persons = _person_mentions(mentions, links, known_people)
    mentions_by_position, links_by_position, persons_by_position = ByPosition(mentions), ByPosition(links), ByPosition(persons)
    claims: list[Claim] = []
    for sentence in sentences:
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        if first == last:
            continue
        in_sentence = mentions_by_position.starting_in(sentence.start, sentence.end)
        triggers = _find_triggers(tokens, first, last, trigger_index, text, syntax)
        triggers += _counted_triggers(tokens, starts, first, last, in_sentence, counted_index, triggers, text, syntax)
        sentence_links = links_by_position.starting_in(sentence.start, sentence.end)
        # a key's own word inside a record's name names the thing, not its fact ("four iPhone 15 models" is
        # no trade-in credit for the iPhone 14 of `apple_trade_in_credit_max_usd.iphone_14`) — unless the name
        # is the sub-key's own ("The iPhone 15 Pro Max starts at" for `starting_prices_usd.iphone_15_pro_max`)
        triggers = [t for t in triggers if not (t.spec.derived and any(
            link.start <= tokens[t.first].start and tokens[t.last - 1].end <= link.end
            and name_key(link.text) != tuple(t.spec.key.rsplit(".", 1)[-1].split("_")) for link in sentence_links))]
        # nor is a key that says two things or more the sentence does not: "its first fixed crossing" is
        # not `turkish_straits_crossing_number`
        # (a trigger in the key's own words: "Work began" for `construction_start` has said its fact otherwise)
        said = [token.norm for token in tokens[first:last]]
        triggers = [t for t in triggers if not (t.spec.derived and _in_key_words(t, tokens) and _unsaid_qualifiers(
            t.spec.key, tuple(token.norm for token in tokens[t.first:t.last]), said))]
        if not triggers:
            continue
        # names in the sentence: a subject of the trigger's clause that names no record of the fact's
        # type (those are found as subjects first) is another entity than the article's topic
        others = [m for m in in_sentence if m.kind in ("org", "person", "place")] + \
                 [Mention("org", l.start, l.end, l.text, None, "record") for l in sentence_links]
        days = [m for m in in_sentence if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"
                and not m.value.relative and m.label != "day-no-year"]
        # (the main verb's "he" or "she" only for a date: "one of three Grammys she collected that night" is no career's count)
        pronoun_record = _the_one_he_or_she_is(text, sentence, persons, links)
        pronoun_dated = pronoun_record or _the_one_he_or_she_is(text, sentence, persons, links, syntax)

        sentence_persons = persons_by_position.starting_in(sentence.start, sentence.end)
        scored = {trigger: _candidate_values(trigger.spec, text, tokens, starts, trigger, in_sentence, sentence_persons, sentence_links, syntax,
                                             sentence)
                  for trigger in triggers}
        owners = _owners(scored)
        if syntax is not None:
            _dates_to_their_verbs(owners, scored, syntax, text, tokens, starts, sentence)
        picked: dict[int, tuple[_Trigger, list[tuple[float, Mention]]]] = {}
        for trigger in triggers:
            mine = [(d, m) for d, m in scored[trigger] if _owns(trigger, d, owners[(VALUE_CLASSES[trigger.spec.value], m.start)])]
            if trigger.spec.value == "person-list":
                claims.extend(_claims_for(trigger, _pick(trigger.spec, mine, text), tokens, starts, sentence, sentence_links, links, vocabulary, syntax,
                                          referents, text, others, keepers, days, pronoun_record))
                continue
            # "employs 310 … staff and runs three ships": two triggers of one fact state one value, the nearest —
            # of those that say the fact, not only its unit ("about 6.7 kilometres south-east of the central city,
            # at a depth of about 15 kilometres" gives `depth_km` by its "depth")
            # (and of those, the one whose value is told with the key's scope: "17 points and nine assists in that
            # semi-final, finished with 26 points in the final" gives `points_in_final` by its second "points")
            # (… unless each is written into the name it measures: "Japan's 53.9-kilometer Seikan Tunnel …, and the
            # 51.5-kilometer Channel Tunnel" measure two tunnels)
            key = (id(trigger.spec), _measured_name(text, mine[0][1], sentence_links) if mine else None)
            best = picked.get(key)
            if mine and (best is None or not best[1]
                         or (_says_only_its_unit(trigger), not _scoped_after(trigger.spec, tokens, starts, mine[0][1], sentence), abs(mine[0][0]))
                         < (_says_only_its_unit(best[0]), not _scoped_after(best[0].spec, tokens, starts, best[1][0][1], sentence),
                            abs(best[1][0][0]))):
                picked[key] = (trigger, mine)
        for trigger, mine in picked.values():
            claims.extend(_claims_for(trigger, _pick(trigger.spec, mine, text), tokens, starts, sentence, sentence_links, links, vocabulary, syntax,
                                      referents, text, others, keepers, days,
                                      pronoun_dated if trigger.spec.value == "date" else pronoun_record))
    return claims


_UNIT_FORMS = frozenset(form for forms in MEASURE_WORDS.values() for form in forms)


def _scoped_after(spec: FactSpec, tokens, starts, value: Mention, sentence: Sentence) -> bool:
    """Does a word of the key's scope follow the value within a few words, before any comma ("26 points in the final"
    for `points_in_final`; the scope's words, however plain, say which occasion)?"""
    parts = [part for part in re.split(r"[_\W]+", spec.key.rsplit(".", 1)[-1].lower()) if part]
    at = next((index for index, part in enumerate(parts) if index and part in SCOPE_PREPOSITIONS), None)
    scope = {word_base(word) for word in parts[at + 1:] if word.isalpha() and len(word) >= 3 and word != "the"} if at else set()
    if not scope:
        return False
    first = bisect.bisect_left(starts, value.end)
    for token in tokens[first:min(first + 5, bisect.bisect_left(starts, sentence.end))]:
        if token.norm in (",", ";", "and"):
            return False
        if word_base(token.norm) in scope:
            return True
    return False


def _says_only_its_unit(trigger: _Trigger) -> bool:
    """Is the trigger only the unit of measure the key ends in ("kilometres" of `depth_km`)?"""
    return len(trigger.key) == 1 and trigger.key[0] in _UNIT_FORMS


def _owns(trigger: _Trigger, distance: float, owners: set) -> bool:
    """A list keeps the people after it whose nearer trigger is a role inside the list:
    "the crew — commander A, pilot B and specialist C" are all crew."""
    if trigger in owners:
        return True
    if distance >= 0 and not _says_only_its_unit(trigger) and any(other.spec is trigger.spec and _says_only_its_unit(other) for other in owners):
        return True  # "at a depth of about 15 kilometres": the fact's word shares what its unit holds after it
    return trigger.spec.value == "person-list" and distance >= 0 and all(
        o.spec.value != "person-list" and o.first > trigger.first for o in owners
    )


def _owners(scored: dict) -> dict[tuple[str, int], set]:
    """A value belongs to the trigger nearest to it: in "directed by X, … stars A, B",
    A is the cast's, not the director's. Triggers of one fact at the same distance share it."""
    best: dict[tuple[str, int], tuple[float, set]] = {}
    for trigger, candidates in scored.items():
        kind = VALUE_CLASSES[trigger.spec.value]
        for distance, mention in candidates:
            key = (kind, mention.start)
            current = best.get(key)
            if current is None or abs(distance) < current[0]:
                best[key] = (abs(distance), {trigger})
            elif abs(distance) == current[0]:
                current[1].add(trigger)
    return {key: triggers for key, (_, triggers) in best.items()}


def _dates_to_their_verbs(owners: dict, scored: dict, syntax: Syntax, text: str, tokens, starts, sentence: Sentence) -> None:
    """A day on a trigger's own verb is that trigger's, though another trigger stands nearer: in "It
    reached Bennu on Dec. 13, 2018" the day is the reaching's (`arrived_at_bennu`), not `departed_bennu`'s,
    whose one word "Bennu" is the verb's object."""
    for trigger, candidates in scored.items():
        if trigger.spec.value != "date":
            continue
        for _, mention in candidates:
            key = (VALUE_CLASSES["date"], mention.start)
            holders = owners.get(key, set())
            if trigger in holders or any(_on_its_verb(syntax, text, tokens, other, mention)
                                         or other.first < trigger.last and trigger.first < other.last for other in holders):
                continue  # the day's verb already holds it, or a trigger on the same words does
            if _on_its_verb(syntax, text, tokens, trigger, mention) and syntax.tokens[_trigger_root(syntax, tokens, trigger)].tag.startswith("VB") \
                    and _in_context(trigger.spec, tokens, starts, sentence):
                owners[key] = {trigger}


def _trigger_index(vocabulary: Vocabulary) -> dict[str, list[tuple[tuple[str, ...], FactSpec]]]:
    index: dict[str, list[tuple[tuple[str, ...], FactSpec]]] = {}
    for spec in vocabulary.facts:
        for trigger in spec.triggers:
            index.setdefault(trigger[0].rstrip("*")[:3], []).append((trigger, spec))
            if (number := _key_number(trigger[0])) is not None:  # found from its digits too: "15-year fixed"
                index.setdefault(str(number)[:3], []).append((trigger, spec))
    return index


def _word_matches(pattern: str, word: str, lemma: str = "") -> bool:
    """A key's stemmed word ("wins*") matches its own inflections ("winner", "winning") and, through
    the parse's dictionary form, irregular ones ("won")."""
    if not pattern.endswith("*"):
        # (a key's number word is its figure written in digits too: `fifteen_year_fixed` in "15-year fixed")
        return word == pattern or word.isdigit() and _key_number(pattern) == int(word)
    stem = pattern[:-1]
    if word.startswith(stem):
        return True
    return word_base(lemma or word) == word_base(stem)


@lru_cache(maxsize=1024)
def _key_number(word: str) -> int | None:
    """The cardinal a key's word spells ("fifteen" → 15), or None (a key's digits are read elsewhere)."""
    return whole_number(word) if word.isalpha() else None


def _find_triggers(tokens: list[Token], first: int, last: int, index, text: str, syntax: Syntax | None = None) -> list[_Trigger]:
    """Every trigger in the sentence; overlapping ones too ("was played at": a date's
    "was played" and a venue's "played at"), but not one inside a longer one of the same fact."""
    found: list[_Trigger] = []
    lemmas = [syntax.lemma_at(tokens[position].start) if syntax else "" for position in range(first, last)]
    for position in range(first, last):
        norm, lemma = tokens[position].norm, lemmas[position - first]
        candidates = index.get(norm[:3], [])
        if lemma and lemma[:3] != norm[:3]:
            candidates = candidates + index.get(lemma[:3], [])
        for trigger, spec in candidates:
            length = len(trigger)
            if position + length > last:
                continue
            if all(_word_matches(p, tokens[position + i].norm, lemmas[position + i - first]) for i, p in enumerate(trigger)):
                span_text = text[tokens[position].start:tokens[position + length - 1].end]
                found.append(_Trigger(spec, position, position + length, span_text, trigger))
        # a key's one word written as a hyphenated compound: `groundbreaking` in "a ground-breaking ceremony"
        if position + 1 < last and text[tokens[position].end:tokens[position + 1].start] == "-":
            joined = norm + tokens[position + 1].norm
            for trigger, spec in index.get(joined[:3], []):
                if len(trigger) == 1 and _word_matches(trigger[0], joined) and not _word_matches(trigger[0], norm):
                    found.append(_Trigger(spec, position, position + 2, text[tokens[position].start:tokens[position + 1].end], trigger))
    return [
        t for t in found
        if not any(o is not t and o.spec is t.spec and o.first <= t.first and t.last <= o.last and (o.last - o.first) > (t.last - t.first)
                   for o in found)
        and not _describes_possessed_noun(syntax, tokens, t)
        and not (t.first > first and tokens[t.first - 1].norm in ANOTHER_OCCASION)
        and not (t.first > first + 1 and _a_count_of_times(tokens[t.first - 2], tokens[t.first - 1]))
        # ("a three-time world champion in shot put": a word of the title between)
        and not (t.first > first + 2 and tokens[t.first - 1].norm.isalpha() and _a_count_of_times(tokens[t.first - 3], tokens[t.first - 2]))
        and not (t.first > first + 1 and tokens[t.first - 1].norm == "as" and tokens[t.first - 2].norm in ("act", "acts", "acting"))
    ]


# words before a fact's word that make it another occasion's: "the defending champion Naomi Osaka",
# "former winner", "the previous record", "the outgoing president"; or a stand-in's: "the interim chief
# executive", "will act as chief executive while a permanent replacement is found"
ANOTHER_OCCASION = {"defending", "former", "previous", "reigning", "outgoing", "erstwhile", "ex", "acting", "interim", "caretaker"}


def _a_count_of_times(number: Token, word: Token) -> bool:
    """"three-time winner Michael van Gerwen", "a 3-time champion": a count of past occasions, not this one's
    (a "first-time winner" is this one's)."""
    value = word_value(number.norm)
    return word.norm == "time" and (number.norm.isdigit() or value is not None and not value[1])


def _describes_possessed_noun(syntax: Syntax | None, tokens: list[Token], trigger: _Trigger) -> bool:
    """"Floyd's 7-year-old daughter": an adjective on a noun that someone owns describes that noun (the
    daughter), not the owner — the age is no fact of Floyd's."""
    if syntax is None:
        return False
    word = syntax.span_root(tokens[trigger.first].start, tokens[trigger.last - 1].end)
    if word is None or syntax.tokens[word].dep != "amod":
        return False
    noun = syntax.tokens[word].head
    return syntax.tokens[noun].tag.startswith("NN") and not syntax.tokens[noun].tag.startswith("NNP") \
        and any(syntax.tokens[child].dep == "poss" for child in syntax.children(noun))


def _counted_index(vocabulary: Vocabulary) -> dict[str, list[tuple[FactSpec, tuple[str, ...]]]]:
    """Count facts whose key has two or more words ("oscar_wins"), by the base of each word."""
    index: dict[str, list[tuple[FactSpec, tuple[str, ...]]]] = {}
    for spec in vocabulary.facts:
        if spec.value != "number" or not spec.triggers or len(spec.triggers[0]) < 2:
            continue
        bases = tuple(dict.fromkeys(word_base(word.rstrip("*")) for word in spec.triggers[0]))
        for base in bases:
            index.setdefault(base, []).append((spec, bases))
    return index


def _counted_triggers(tokens: list[Token], starts: list[int], first: int, last: int, numbers: list[Mention], index, found: list[_Trigger],
                      text: str, syntax: Syntax | None) -> list[_Trigger]:
    """A count fact whose key's words are spread over the sentence: "won eight Oscars" for
    `oscar_wins`, "nominated for 11 Oscars" for `oscar_nominations`. The number counts one of
    the key's words (the noun right after it) and the sentence says the others; the noun is the
    trigger, so the number beside it is the value."""
    if not index:
        return []
    bases = {word_base(tokens[position].norm) for position in range(first, last)}
    if syntax is not None:
        bases |= {word_base(lemma) for position in range(first, last) if (lemma := syntax.lemma_at(tokens[position].start))}
    extra: list[_Trigger] = []
    for number in numbers:
        if number.kind != "number" or not isinstance(number.value, NumberValue) or number.value.ordinal:
            continue
        position = bisect.bisect_left(starts, number.end)
        if not first <= position < last or text[number.end:tokens[position].start].strip():
            continue
        noun = word_base(tokens[position].norm)
        for spec, key_bases in index.get(noun, ()):
            if any(t.spec is spec and t.first <= position < t.last for t in found + extra):
                continue
            if all(base in bases for base in key_bases if base != noun):
                extra.append(_Trigger(spec, position, position + 1, text[tokens[position].start:tokens[position].end],
                                      (tokens[position].norm,)))
    return extra


def _person_mentions(mentions: list[Mention], links: list[EntityLink], known_people: list[Mention] = ()) -> list[Mention]:
    """People named in the article: the recogniser's, record links to people, and the
    people the records name as fact values (the recogniser calls some of them organisations)."""
    people = [m for m in mentions if m.kind in PERSON_KINDS]
    named = {offset for p in people for offset in range(p.start, p.end)}  # offsets a person's name covers
    for link in links:
        if link.record.type == "person" and link.start not in named:
            people.append(Mention("person", link.start, link.end, link.text, None, "record"))
            named.update(range(link.start, link.end))
    for known in known_people:
        if not any(offset in named for offset in range(known.start, known.end)):
            people.append(known)
            named.update(range(known.start, known.end))
    return sorted(people, key=lambda m: m.start)


def _claims_for(trigger: _Trigger, values: list[Mention], tokens, starts, sentence, sentence_links, links, vocabulary, syntax=None,
                referents=None, text: str = "", sentence_others: list[Mention] = (), keepers=None, sentence_days: list[Mention] = (),
                pronoun_record: Record | None = None) -> list[Claim]:
    spec = trigger.spec
    if not values or not (_in_context(spec, tokens, starts, sentence) or _proper_sub_key(trigger)):
        return []
    if _describes_a_noun_in_a_phrase(syntax, tokens, trigger):
        return []
    trigger_start = tokens[trigger.first].start
    # "took over the party only on 14 July, three months before polling day": a time counted from the fact is not its time
    values = [v for v in values if not (v.end <= trigger_start and _OFFSET_BEFORE.search(text, v.end, trigger_start))]
    if not values:
        return []
    if spec.value == "person":
        # a person set beside another as the one before or like them ("the second man, after New Zealand's
        # Richie McCaw, to captain his country", "its youngest champion since Henri Cornet") held the role on
        # another occasion
        values = [v for v in values if not _COMPARED.search(text[max(sentence.start, v.start - 40):v.start])]
    if spec.derived and spec.value == "person" and AGENT_KEY.search(spec.key) and syntax is not None:
        # `presided_by`: the one who did it — the verb's subject or its "by" — not its object
        # ("Truss appointed Jeremy Hunt" names no one who appointed)
        values = [v for v in values if _agent_of(syntax, tokens, trigger, v)]
    if not values:
        return []
    others = [m for m in sentence_others if not any(v.start < m.end and m.start < v.end for v in values)]
    unnamed = False  # tied to a record the article never names
    subject_kept = False  # … whose facts name the clause's own subject, which is then no other owner
    subject = _subject(spec, trigger, tokens, sentence_links, values, syntax, text)
    record = subject.record if subject else None
    if record is None and _key_owner(spec.key) and _names_the_owner(_key_owner(spec.key), text, sentence_others):
        # `ben_stokes: {runs: 84, balls: 98}` in the final's record: "Stokes … finished 84 not out off
        # 89 balls" speaks of the final through the person the key is named after; the one record that keeps
        # the key, named or not ("Host nation Japan …, with 28 gold medals" of the medal table's `japan.gold`)
        record = _sole_keeper(spec, links)
        only = _only_keeper(spec, keepers)
        if record is None and only is not None:
            # (a weaker tie: only a slip of the record's figure is its, "three gold medals on the closing
            # day" is another tally)
            record, unnamed = only, True
    if record is None and syntax is not None and text:
        # "Microsoft first announced the deal in January 2022": the verb's object is the record's own
        # noun, so the fact is the deal's, whoever its subject is
        record = _object_referent(syntax, text, tokens, trigger, referents or {})
    if record is None and syntax is not None and not _proper_sub_key(trigger) and (_named_subject(syntax, tokens, trigger, others)
                                                  or _has_own_subject(syntax, tokens, trigger, links,
                                                                      [m for m in others if (m.kind == "person") == (spec.entity_type == "person")])):
        # "The Federal Reserve announces its decision on Wednesday": another's, not the topic's — unless the
        # one record that keeps the fact names that subject as its own ("The YSK annulled the March result on
        # May 6" against `original_annulled_by: Supreme Election Council (YSK)`): only a slip is then its
        only = _only_keeper(spec, keepers)
        days = all(isinstance(v.value, DateValue) and v.value.precision == "day" for v in values)
        # (or a year said with every word of the key around it: "McIlroy, who won the last Open played at
        # Hoylake, in 2016" against `previous_open_at_hoylake: {year: 2014, winner: Rory McIlroy}`)
        days = days or spec.value == "date" and _every_key_word_near(spec, values, tokens, starts, sentence, text)
        # (or a figure told by two words of its key or more: "Eisai has set a list price of $28,500 a year" against
        # the drug's `us_list_price_per_year_usd`, the drug's record naming Eisai among its developers)
        days = days or VALUE_CLASSES[spec.value] == "number" and trigger.last - trigger.first >= 2
        if not (spec.derived and days and only is not None and _names_among_facts(only, others, spec.key)):
            return []
        record, unnamed, subject_kept = only, True, True
    if record is None:
        # "The all-cash acquisition, first announced in …": the noun the record's own name ends in
        record = _referent(text, tokens, starts, sentence, referents or {}, trigger, syntax, links) if text else None
    if record is None and syntax is not None and spec.derived:
        # ""Cowboy Carter" was released on March 29, 2024. It opened at No. 1 … with 470,000 units": "it" is
        # the thing the sentence before was about — only a slip of that thing's own figure is its
        record = _it_of_the_sentence_before(syntax, text, tokens, trigger, sentence, links)
        unnamed = record is not None
    if record is None and spec.derived and pronoun_record is not None and pronoun_record.type == spec.entity_type \
            and spec.key in pronoun_record.facts:
        # "Higgs was born on 29 May 1929 … He read theoretical physics at King's College London and gained his PhD in
        # 1956": a sentence opened by "He" or "She" tells of the last person named before it, when the records know
        # that one and keep the fact (only a slip of its value is then the record's)
        record, unnamed = pronoun_record, True
    if record is None and spec.derived and spec.value == "quantity" and not _says_only_its_unit(trigger):
        # "The shallow quake struck … on Tuesday, 22 February 2011 …, at a depth of about 15 kilometres": the
        # sentence gives the day of the one record keeping the measure that happened on it (tried for any
        # figure: a count beside a day is as often another's — "eight months after his accession" on the
        # day of his mother's death, "cut the rate by 75 basis points" on an earlier decision's day)
        record = _dated_by_its_day(spec, keepers, [d for d in sentence_days if not any(d is v for v in values)])
    if record is None:
        if spec.derived:  # a fact read from a key speaks only of an entity the sentence names
            # (tried: the one record of the lead that keeps the fact — on the blind corpora that tied
            # 60 values wrongly for one it tied rightly; and the one record that keeps a key whose every
            # word the sentence says around the figure, "1.6 million doses of vaccine arrived" for
            # `doses_arrived` — 25 false alarms for one error found) — except a day, which the check
            # then holds to a slip of the record's: "Construction began at Canary Wharf on 15 May 2008"
            # against `construction_start: 2009-05-15` of the one record named that keeps it
            # (tried too: a person named right after the fact's word as a title, "The Welsh referee
            # Nigel Owens" against the final's `referee` — 5 false alarms for 2 found: "captain Richie
            # McCaw" is another year's, "commander Chris Cassidy" another mission's)
            # a day written without its year ("announced on 12 September") is as much a day as one with it;
            # a weekday or "yesterday" is not
            days = all(isinstance(v.value, DateValue) and v.value.precision == "day"
                       and (not v.value.relative or without_its_year(v)) for v in values)
            keeper = _sole_keeper(spec, links) if days else None
            if keeper is not None and _another_of_its_kind(keeper, sentence_links, others):
                # "The family had first set the burial for Saturday, Feb. 24 … Kiptum's new home": the
                # burial of the one the sentence names, not of the coach the article names elsewhere
                keeper = None
            if keeper is None and days and (_trigger_says_every_key_word(trigger, tokens, spec) or _said_as_its_one_word(trigger, tokens, spec)):
                # "That Phase 1 report, published on 30 October 2018" against `phase_1_report: 2019-10-30` of
                # the one record that keeps it, named or not (the article named "the inquiry into the fire"); or
                # a key of one word said in its other words ("A jury convicted him on Nov. 3, 2023" for `verdict_date`)
                keeper = _only_keeper(spec, keepers)
            written_dates = all(isinstance(v.value, DateValue) and v.value.precision in ("month", "year") and not v.value.relative
                                and not _SINCE_ANOTHER.search(text, max(0, v.start - 80), v.start) for v in values)
            if keeper is None and written_dates and _trigger_says_every_key_word(trigger, tokens, spec):
                # "Construction began in April 2012" against `construction_start: {year: 2011}`: a month or a year
                # told with every word of the key, of the one record named that keeps it, or the one record
                # that does — a slip of its year only
                keeper = _sole_keeper(spec, links) or _only_keeper(spec, keepers)
            if keeper is None and _says_the_whole_key(trigger, values, tokens, text, spec):
                # "marking the 15th consecutive increase" beside `consecutive_increase_number: 14`: a figure
                # joined to every word of a key that one record alone keeps is that record's, named or not
                only = _only_keeper(spec, keepers)
                if only is not None:
                    return [Claim(only, spec.key, value, trigger.text, (sentence.start, sentence.end), None, tokens[trigger.first].start)
                            for value in values]
            if keeper is None and (spec.unit == "percent" and all(v.label == "percent" for v in values)
                                   or spec.unit in CURRENCIES.values() and all(v.label == "money" for v in values)) \
                    and _opens_its_clause(text, tokens, sentence, trigger) \
                    and (words := {word_base(w) for w in fact_key_words(spec.key) if w not in _FIGURE_WORDS and w.isalpha()}) \
                    and words <= {word_base(token.norm) for token in tokens[trigger.first:trigger.last]}:
                # "Turnout was 41.36 per cent." against `turnout_percent: 44.36`: the key's every word opening the
                # sentence (or a clause after ", and": "…, and turnout reached 63.5 per cent"; "Group revenue slipped 0.2 per
                # cent to £641.3 million" for `group_revenue_gbp_m`) and its unit with the figure, of the one record that keeps it (or of several that keep the
                # same) — a slip of its figure only
                keeper = _only_keeper(spec, keepers)
            if keeper is None and _every_key_word_near(spec, values, tokens, starts, sentence, text):
                # "the welfare of the 18 million people who work in the palm oil industry" against
                # `palm_oil_industry_workers: 17 million`: three or more words of a key that one record alone
                # keeps, all said around the figure — only a slip of the record's figure is its (tried without
                # that bound: "1.6 million doses of vaccine arrived" for `doses_arrived`, 25 false alarms)
                keeper = _only_keeper(spec, keepers)
            if keeper is None and spec.unit and syntax is not None and trigger.text[:1].isupper() \
                    and all(word[:1].isupper() for word in trigger.text.split()) \
                    and all(_given_by(syntax, tokens, trigger, v) for v in values):
                # "The Scottish Government gave £250,000" against `funders.scottish_government_gbp`: the one
                # record that keeps a sum named after the giver, the giver being the verb's subject (only a
                # slip of the record's figure is its: the giver may have given to others)
                keeper = _only_keeper(spec, keepers)
            if keeper is None and spec.value == "person" and _trigger_says_every_key_word(trigger, tokens, spec):
                # "The jury, chaired by the American novelist Rebecca Makkai" against `jury_chair: Ian Williams`:
                # a person given by every word of a key (two or more) that one record alone keeps is that
                # record's (one word, "referee Nigel Owens", was tried: another year's referee as often)
                only = _only_keeper(spec, keepers)
                if only is not None:
                    return [Claim(only, spec.key, value, trigger.text, (sentence.start, sentence.end), None,
                                  tokens[trigger.first].start) for value in values]
            if keeper is None or syntax is not None and _of_a_named_antecedent(syntax, tokens, trigger, keeper, links, others):
                return []
            return [Claim(keeper, spec.key, value, trigger.text, (sentence.start, sentence.end), None,
                          tokens[trigger.first].start, slips_only=True) for value in values]
        nouns = vocabulary.type_nouns.get(spec.entity_type, set())
        trigger_words = tuple(t.norm for t in tokens[trigger.first:trigger.last])
        # "the third instalment", "the 124-minute film": the trigger itself names the type
        if not (spec.topic or trigger_words in nouns or trigger_words[-1:] in nouns or _names_type_noun(tokens, starts, sentence, nouns)):
            return []
        if syntax is not None and _describes_named_noun(syntax, tokens, trigger, sentence_links):
            return []
        record = _topic(links, spec.entity_type, sentence.start)
        if record is None:
            return []
        values = [v for v in values if not _holds_it_elsewhere(v, links, record, trigger.text)]
        if not values:
            return []
    if record.type == "person" and _another_person_nearer(record, tokens[trigger.first].start, sentence_links, sentence_others, text):
        return []  # "gave birth to her daughter, Alyne, … credited the five-year-old": the daughter's age
    if syntax is not None and not subject_kept and _owned_by_another(syntax, tokens, trigger, record, sentence_links, text,
                                                                   sentence_others):
        return []  # "said Sarah Cardell, the CMA's chief executive": the CMA's, not the topic's
    if syntax is not None and _subject_names_another(syntax, tokens, trigger, record, sentence_links, sentence_others):
        return []  # "Alive's navigator, Adrienne Cahalan, now has three overall wins": the navigator's
    if syntax is not None and _object_names_another(syntax, text, tokens, trigger):
        return []  # "Hadid won the competition for it in 1999": not the Stirling Prize of `stirling_wins`
    if syntax is not None and _told_of_another_noun(syntax, text, tokens, trigger):
        return []  # "The Queen opens Queensferry Crossing beside the bridge she opened in 1964": the other bridge's opening
    if syntax is not None and _said_of_a_part(syntax, text, tokens, trigger):
        return []  # "The 20th and final stage of the race was won by Robbie McEwen": the stage's winner, not the race's
    if _renewed(text, record, sentence_links):
        return []  # "Panama opened the expanded Panama Canal on Sunday, 26 June": not the canal the records date to 1914
    key = spec.key if spec.key in record.facts else _own_key(trigger, record, vocabulary, tokens, starts, sentence) \
        or _named_item_key(spec, record, subject) or spec.key
    return [Claim(record, key, value, trigger.text, (sentence.start, sentence.end), subject, tokens[trigger.first].start,
                  slips_only=unnamed) for value in values]


def _holds_it_elsewhere(value: Mention, links: list[EntityLink], record: Record, trigger_text: str) -> bool:
    """"… chief executive Jakob Stausholm said", in a story whose topic is Arcadium: the records' own
    Jakob Stausholm is "Chief executive, Rio Tinto" — his record gives the office with another name
    than the topic's, so the sentence speaks of that one, not the topic's."""
    office = trigger_text.lower()
    names = [name.lower() for name in record.names]
    for link in links:
        if link.record.type != "person" or link.record.id == record.id or not (link.start < value.end and value.start < link.end):
            continue
        for values in link.record.facts.values():
            for fact in values:
                written = fact.value.lower() if isinstance(fact.value, str) else ""
                if office in written and not any(name in written for name in names):
                    return True
    return False


def _describes_a_noun_in_a_phrase(syntax: Syntax | None, tokens, trigger: _Trigger) -> bool:
    """A preposition that says the fact ("launched aboard a Falcon 9", "atop the rocket") hanging on a noun that
    is itself in a phrase tells of that noun: "supplies for the crew aboard the International Space Station"."""
    if syntax is None or trigger.last - trigger.first != 1:
        return False
    word = syntax.span_root(tokens[trigger.first].start, tokens[trigger.first].end)
    if word is None or syntax.tokens[word].dep != "prep":
        return False
    head = syntax.tokens[syntax.tokens[word].head]
    return head.tag in ("NN", "NNS") and head.dep == "pobj"


def _agent_of(syntax: Syntax, tokens, trigger: _Trigger, value: Mention) -> bool:
    """Is the person the doer of the trigger's verb: its active subject, or the object of its "by"?"""
    verb, name = _trigger_root(syntax, tokens, trigger), syntax.span_root(value.start, value.end)
    if verb is None or name is None:
        return False
    token = syntax.tokens[name]
    if token.head == verb and token.dep == "nsubj":
        return True
    by = token.head
    return token.dep == "pobj" and syntax.tokens[by].dep == "agent" and syntax.tokens[by].head == verb


_COMPARED = re.compile(r"\b(?:after|before|since|like|unlike|than|following|joining|besides|alongside)\s+(?:[\w'’.-]+\s+){0,3}$",
                       re.IGNORECASE)


@lru_cache(maxsize=4096)
def _key_and_scope_bases(key: str) -> frozenset[str]:
    """The bases of a key's words and of the scope it gives (`approved_by_referendum_on`: approve, referendum)."""
    return frozenset(word_base(word) for part in key.split(".") for meaning in [describe_key(part)]
                     for word in (*meaning.words, *meaning.scope) if word.isalpha())


_AT_A_PLACE = {"on", "at", "atop", "onto", "into", "in"}


def _at_the_verbs_place(syntax: Syntax, text: str, noun: int, by, date: int) -> bool:
    """Is the fact's noun a place the date's verb reached, through place prepositions alone ("first stood on the
    summit in 1993", "arrived at Boeing's factory in Renton, Washington, on Aug. 13, 2023")? The date is then the
    noun's (not a list's "added to their titles … on Saturday": "to" reaches no place)."""
    token = syntax.tokens[noun]
    if not token.tag.startswith("NN") or token.dep != "pobj" or date < noun or not syntax.tokens[by.head].tag.startswith("VB"):
        return False
    index = noun
    for _ in range(4):
        step = syntax.tokens[index]
        if step.dep == "pobj":
            preposition = syntax.tokens[step.head]
            if text[preposition.start:preposition.end].lower() not in _AT_A_PLACE:
                return False
            index = step.head
        elif step.dep == "prep":
            if step.head == by.head:
                return True
            index = step.head
        else:
            return False
    return False


def _on_its_verb(syntax: Syntax, text: str, tokens, trigger: _Trigger, date: Mention) -> bool:
    """Is the date the object of an "on" or "in" that hangs on the trigger's own verb, or on the trigger's
    noun ("overtook Cats …, on January 9, 2006", "the opening on 3 June")?"""
    verb, word = _trigger_root(syntax, tokens, trigger), syntax.span_root(date.start, date.end)
    if verb is not None and syntax.tokens[verb].tag.startswith("JJ") and syntax.tokens[verb].dep in ("oprd", "acomp", "xcomp", "ccomp"):
        verb = syntax.tokens[verb].head  # "found Chauvin guilty on 21 April": the day of the verb the adjective completes
    if verb is None or word is None or not syntax.tokens[verb].tag.startswith(("VB", "NN")):
        return False
    preposition = syntax.tokens[word].head
    by = syntax.tokens[preposition]
    if syntax.tokens[word].dep != "pobj" or text[by.start:by.end].lower() not in ("on", "in"):
        return False
    if by.head == verb:
        return True
    if _at_the_verbs_place(syntax, text, verb, by, word):
        return True  # the day of the verb that reached the noun's place: "first stood on the summit in 1993"
    # … or on the object of the verb's own preposition, where the parser hangs it ("closed to applications
    # on 25 May 2023": the day is the closing's)
    # (not a scene set before it, "In the final ballot of MPs on 20 July, Sunak had led": that day is the ballot's)
    holder = syntax.tokens[by.head]
    if text[by.start:by.end].lower() != "on" or holder.dep != "pobj":
        return False
    outer = syntax.tokens[holder.head]
    if outer.dep == "prep" and verb in syntax.ancestors(by.head)[:4] and _base_at(syntax, tokens, by.head) in _key_and_scope_bases(trigger.spec.key):
        return True  # the key's own noun's day: "approved the project … in a national referendum on Oct. 22, 2007"
    return outer.dep == "prep" and outer.head == verb and outer.start > syntax.tokens[verb].start \
        and text[outer.start:outer.end].lower() not in ("in", "at", "of")


def _dated_by_when(syntax: Syntax, text: str, tokens, trigger: _Trigger, date: Mention) -> bool:
    """Is the date in a "when" clause on the trigger's own verb, or on the verb it governs ("pledged to
    abolish tuition fees when he stood for the party leadership in 2019")? That clause's time is the
    verb's: the pledge was made in 2019."""
    verb, word = _trigger_root(syntax, tokens, trigger), syntax.span_root(date.start, date.end)
    if verb is None or word is None or not syntax.tokens[verb].tag.startswith("VB"):
        return False
    clause = syntax.clause(word)
    head = syntax.tokens[clause]
    if head.dep != "advcl" or not any(syntax.tokens[c].dep == "advmod" and text[syntax.tokens[c].start:syntax.tokens[c].end].lower() == "when"
                                      for c in syntax.children(clause)):
        return False
    above = head.head
    # the "when" hangs on the verb, or on the verb of its "to" ("pledged to abolish … when …")
    return above == verb or syntax.tokens[above].dep == "xcomp" and syntax.tokens[above].head == verb


def _of_a_named_antecedent(syntax: Syntax, tokens, trigger: _Trigger, record: Record, links: list[EntityLink],
                           others: list[Mention] = ()) -> bool:
    """Is the fact's word the verb of a relative clause on a name that is not the record's ("the funeral of
    President Hage Geingob, who died Feb. 4", in a story of Kelvin Kiptum)? The fact is that name's —
    unless the record's facts name that name as theirs ("McIlroy, who won the last Open played at Hoylake"
    of `previous_open_at_hoylake: {year: 2014, winner: Rory McIlroy}`)."""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    clause = syntax.clause(word)
    if syntax.tokens[clause].dep != "relcl":
        return False
    antecedent = syntax.tokens[syntax.tokens[clause].head]
    if antecedent.tag not in ("NNP", "NNPS") or any(link.record.id == record.id and link.start <= antecedent.start < link.end for link in links):
        return False
    return not _names_among_facts(record, [m for m in others if m.start <= antecedent.start < m.end])


def _keepers(records: list[Record]) -> dict[str, list[Record]]:
    """The records that keep each key."""
    found: dict[str, list[Record]] = {}
    for record in records:
        for key in record.facts:
            found.setdefault(key, []).append(record)
    return found


def _says_the_whole_key(trigger: _Trigger, values: list[Mention], tokens, text: str, spec: FactSpec) -> bool:
    """Is each figure a place in a series ("the 15th consecutive increase") right before a trigger that
    says every word of the key, two or more? (Not a count: "240 Lok Sabha seats" may be one party's
    share of `lok_sabha_seats: 543`; nor a trigger that leaves a word out: "a 24th Grand Slam title" is
    no `grand_slam_final_number`.)"""
    if not values or spec.value != "ordinal":
        return False
    start = tokens[trigger.first].start
    if not all(v.kind == "number" and isinstance(v.value, NumberValue) and v.value.ordinal
               and re.fullmatch(r"[\s-]*", text[v.end:start]) is not None for v in values):
        return False
    # every word but those that only say it is a figure: "final" of `grand_slam_final_number` counts
    wanted = {word_base(word) for word in fact_key_words(spec.key) if word not in _FIGURE_WORDS and word.isalpha()}
    said = {word_base(token.norm) for token in tokens[trigger.first:trigger.last]}
    return len(wanted) >= 2 and wanted <= said


# a stretch of time right before the fact's words: "three months before polling day", "two days after the launch"
_OFFSET_BEFORE = re.compile(r"\b(?:\d+|[a-z]+)(?:\s+and\s+a\s+half)?\s+(?:days?|weeks?|months?|years?|hours?)\s+"
                            r"(?:before|after|ahead\s+of|prior\s+to|since)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
_FIGURE_WORDS = {"number", "no", "num", "n", "count", "total", "value", "amount", "figure", "of", "the", "a", "an", "in", "on",
                 "at", "for", "to", "by", "and", "or"}


def _describes_named_noun(syntax: Syntax, tokens, trigger: _Trigger, sentence_links) -> bool:
    """Is the trigger in a clause that describes a named thing the records do not know ("JAXA's tiny
    OMOTENASHI probe, lost after launch in November 2022")? Then it is that thing's, not the topic's."""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    if _in_apposition_to_a_name(syntax, word, sentence_links):
        return True
    clause = syntax.tokens[syntax.clause(word)]
    if clause.dep not in ("acl", "relcl"):
        return False
    noun = clause.head
    named = [i for i in (noun, *syntax.children(noun)) if syntax.tokens[i].tag in ("NNP", "NNPS")
             and syntax.tokens[i].dep in ("compound", "poss", "nsubj", "dobj", "pobj", "appos", "ROOT", "attr")]
    # a name the records do not know ("OMOTENASHI"; "JAXA's" may be known: the probe is still not the topic)
    return any(not any(link.start <= syntax.tokens[i].start < link.end for link in sentence_links) for i in named)


def _in_apposition_to_a_name(syntax: Syntax, word: int, sentence_links) -> bool:
    """Does the fact's word hang, through "of" phrases, on a noun set in apposition to a name the records do not
    know ("went to Atlantics, the feature debut of the French-Senegalese director Mati Diop")? Then it is that
    thing's, not the topic's."""
    index = word
    for _ in range(6):
        token = syntax.tokens[index]
        if token.dep == "appos":
            head = syntax.tokens[token.head]
            return head.tag in ("NNP", "NNPS") and not any(link.start <= head.start < link.end for link in sentence_links)
        if token.dep not in ("pobj", "prep", "compound") or token.head == index:
            return False
        index = token.head
    return False


# nouns for another person near someone: "her daughter", "his coach"
RELATIVE_NOUNS = {"daughter", "daughters", "son", "sons", "wife", "husband", "mother", "father", "child", "children", "baby",
                  "brother", "sister", "partner", "girlfriend", "boyfriend", "fiancée", "fiancee", "fiancé", "grandson",
                  "granddaughter", "nephew", "niece", "coach", "widow", "widower", "stepson", "stepdaughter"}


def _another_person_nearer(record: Record, trigger_start: int, sentence_links, sentence_others, text: str) -> bool:
    """Is another person named, or spoken of ("her daughter, Alyne"), between the record's last
    mention and the fact's word?"""
    mine = [link.end for link in sentence_links if link.record is record and link.start < trigger_start]
    if not mine:
        return False
    others = [m for m in sentence_others if m.kind == "person" and max(mine) <= m.start < trigger_start
              and not any(link.start <= m.start < link.end for link in sentence_links)]
    between = {w.lower() for w in re.findall(r"[A-Za-z]+", text[max(mine):trigger_start])}
    return bool(others) or bool(between & RELATIVE_NOUNS)


def _owned_by_another(syntax: Syntax, tokens, trigger: _Trigger, record: Record, sentence_links, text: str = "",
                      mentions=()) -> bool:
    """Does the fact's word have an owner that is not the record ("the CMA's chief executive",
    "Apple's revenue" said of another company, "Delta chief executive Ed Bastian")?"""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    # (a capitalised name before the word naming whose it is, as in a title: "Delta chief executive"; not a word
    # of the key or of the record's own names, "NASA Administrator" for `nasa_administrator`)
    own_words = {word_base(w) for w in fact_key_words(trigger.spec.key)} | \
                {word_base(w.lower()) for name in record.names for w in re.findall(r"[\w’'-]+", name)}

    def owner(child: int) -> bool:
        token = syntax.tokens[child]
        if token.dep == "poss":
            return token.tag in ("NNP", "NNPS")
        said = text[token.start:token.end]
        # (not a place: "will open in US cinemas" tells where, not whose)
        return token.dep in ("nmod", "compound") and child < word and token.tag.startswith("NN") and said[:1].isupper() \
            and word_base(said.lower()) not in own_words \
            and not any(m.kind == "place" and m.start <= token.start < m.end for m in mentions)

    def the_records(start: int) -> bool:
        return any(link.record is record and link.start <= start < link.end for link in sentence_links)

    if any(owner(child) and not the_records(syntax.tokens[child].start) for child in syntax.children(word)):
        return True
    # a title's body after "of" ("chief executive of Boeing Commercial Airplanes"), or a capitalised name written right
    # before the title that the parse hung elsewhere ("Lufthansa chief executive Carsten Spohr")
    body = _TITLE_BODY_AFTER.match(text, tokens[trigger.last - 1].end) if trigger.spec.value == "person" else None
    before = _TITLE_BODY_BEFORE.search(text, max(0, tokens[trigger.first].start - 40), tokens[trigger.first].start) \
        if trigger.spec.value == "person" else None
    for found in (body, before):
        if found is None:
            continue
        name = found.group("body")
        start = found.start("body")
        if word_base(name.split()[0].lower()) in own_words or the_records(start) \
                or any(m.kind == "place" and m.start <= start < m.end for m in mentions):
            continue
        return True
    return False


# a title's body, as copy writes it after the title or before it
_TITLE_BODY_AFTER = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?P<body>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)")
_TITLE_BODY_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<body>(?!(?:The|A|An|Its|His|Her|Their|Former|Then|Acting|Interim|"
                                r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)\s+$")


# the verbs a prize or title is won by, whose object says which ("won the competition", "won the Stirling")
_PRIZE_VERBS = {"win", "claim", "lift", "receive", "collect", "scoop"}


def _object_names_another(syntax: Syntax, text: str, tokens, trigger: _Trigger) -> bool:
    """Is the fact's word a verb of winning whose object is a noun the key does not name, where the key names what
    is won ("won the competition" against `stirling_wins`: the key's "stirling" is what was won, the competition
    another)? A pronoun object ("won it") may stand for anything."""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None or not syntax.tokens[word].tag.startswith("VB") or syntax.tokens[word].lemma not in _PRIZE_VERBS:
        return False
    said = {word_base(t.norm) for t in tokens[trigger.first:trigger.last]} | {syntax.tokens[word].lemma}
    others = [w for w in fact_key_words(trigger.spec.key.rsplit(".", 1)[-1]) if word_base(w) not in said and not w.isdigit()]
    objects = [c for c in syntax.children(word) if syntax.tokens[c].dep == "dobj" and syntax.tokens[c].tag in ("NN", "NNS")]
    if not others or not objects:
        return False
    # the object's phrase: the words near it that hang on it ("the competition for it")
    phrase = {word_base(text[syntax.tokens[i].start:syntax.tokens[i].end].lower()) for o in objects
              for i in range(max(0, o - 6), min(len(syntax.tokens), o + 7)) if i == o or o in syntax.ancestors(i)}
    return not phrase & {word_base(w) for w in others}


def _said_of_a_part(syntax: Syntax, text: str, tokens, trigger: _Trigger) -> bool:
    """Is the fact's verb said of a numbered or named part of a contest ("The 20th and final stage of the race
    was won by …", "Game 3 was won by …", "Kevin Benavides won the final stage") that the key does not name
    (`stage_winner` is the part's)? Its subject or object is then that part, not the contest the records keep
    ("the race", "the series")."""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    verb = word if syntax.tokens[word].tag.startswith("VB") else syntax.tokens[word].head
    if not syntax.tokens[verb].tag.startswith("VB"):
        return False
    key_words = {word_base(w) for w in fact_key_words(trigger.spec.key)}
    for child in syntax.children(verb):
        subject = syntax.tokens[child]
        noun = text[subject.start:subject.end].lower()
        if subject.dep not in ("nsubj", "nsubjpass", "dobj") or noun not in CONTEST_PARTS or word_base(noun) in key_words:
            continue
        if subject.dep == "dobj" and noun == "race":
            continue  # "won the 2024 race" is the race the records keep; "won the final stage" is a part of it
        modifiers = [syntax.tokens[m] for m in syntax.children(child)]
        if any(m.dep in ("amod", "nummod") or m.dep == "prep" and text[m.start:m.end].lower() == "of" for m in modifiers):
            return True
    return False


# words before a name that make it the thing remade, whose facts the records do not keep ("the expanded Panama Canal")
_REMADE = re.compile(r"\b(?:expanded|enlarged|widened|extended|rebuilt|reconstructed|renovated|restored|refurbished|revamped|"
                     r"remodell?ed|redeveloped|modernised|modernized|upgraded|reopened)\s+$", re.IGNORECASE)


def _renewed(text: str, record: Record, sentence_links) -> bool:
    """Does the sentence name the record only as remade ("the expanded Panama Canal", "the restored Notre-Dame")?"""
    mine = [link for link in sentence_links if link.record is record]
    return bool(mine) and all(_REMADE.search(text[max(0, link.start - 20):link.start]) for link in mine)


def _subject_names_another(syntax: Syntax, tokens, trigger: _Trigger, record: Record, sentence_links, others: list[Mention]) -> bool:
    """Is the subject of the fact's clause someone of the record's, named ("Alive's navigator, Adrienne Cahalan,
    now has three overall wins"), so the fact is that person's and not the record's?"""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    for subject in syntax.children(syntax.clause(word)):
        if syntax.tokens[subject].dep not in ("nsubj", "nsubjpass") or syntax.tokens[subject].tag not in ("NN", "NNS"):
            continue
        owners = [c for c in syntax.children(subject) if syntax.tokens[c].dep == "poss"]
        if not any(link.record is record and link.start <= syntax.tokens[o].start < link.end for o in owners for link in sentence_links):
            continue  # ("Aramco's chairman, Yasir al-Rumayyan, said at the listing ceremony on 10 December": the IPO's date)
        for name in syntax.children(subject):
            token = syntax.tokens[name]
            if token.dep == "appos" and any(m.kind == "person" and m.start <= token.start < m.end for m in others) \
                    and not any(link.record is record and link.start <= token.start < link.end for link in sentence_links):
                return True
    return False


def _own_key(trigger: _Trigger, record: Record, vocabulary, tokens, starts=None, sentence=None) -> str | None:
    """The record's own key for what the trigger's words name: "a crowd of 80,056" is the vocabulary's
    `attendance`, and a newsroom that keeps `crowd: 80065` means the same — when the sentence says the
    number the key's list is named with (not `season_3_finale.first_night_viewers` for "the series finale")."""
    words = [token.norm for token in tokens[trigger.first:trigger.last]]
    said = [t.norm for t in tokens[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]] \
        if sentence is not None else None
    for key in record.facts:
        own = vocabulary.spec(record.type, key)
        if own is None or VALUE_CLASSES.get(own.value) != VALUE_CLASSES.get(trigger.spec.value):
            continue
        if said is not None and not _says_its_number(key, said):
            continue
        for pattern in own.triggers:
            if any(all(_word_matches(p, words[i + j]) for j, p in enumerate(pattern)) for i in range(len(words) - len(pattern) + 1)):
                if said is not None and _unsaid_qualifiers(key, pattern, said):
                    continue
                return key
    return None


def _in_key_words(trigger: _Trigger, tokens) -> bool:
    """Is every word of the trigger one of its key's own words ("crossing" of `turkish_straits_crossing_number`)?"""
    words = {word_base(word) for word in fact_key_words(trigger.spec.key)}
    return all(word_base(token.norm) in words for token in tokens[trigger.first:trigger.last])


# words of a key that say it is a figure, not what of the thing it counts (`studio_album_number`)
_GENERIC_KEY_WORDS = {"number", "count", "total", "value", "amount", "figure"}


def _unsaid_qualifiers(key: str, pattern: tuple[str, ...], said: list[str]) -> bool:
    """Does the key say two things or more of what its head names that the sentence does not? "a $60
    starting price" is not `official_case_price_usd` (neither "official" nor "case" is said)."""
    matched = {word_base(p.rstrip("*")) for p in pattern}
    # a sub-key's own words too: "patients in the emergency department" says its parent's
    # (`emergency_department`), not `designed_capacity_patients_per_day`'s "designed capacity"
    for words in {fact_key_words(key), fact_key_words(key.rsplit(".", 1)[-1]) if "." in key else ()}:
        # (a month is when the value held, as a year is: `max9_fleet_january_2024` says no "January" of the sentence)
        rest = [word for word in words if word_base(word) not in matched and word not in _GENERIC_KEY_WORDS and word not in MONTHS]
        if len(rest) >= 2 and not any(_word_matches(word, token) for word in rest for token in said):
            return True
    return False


def _named_item_key(spec: FactSpec, record: Record, subject: EntityLink | None) -> str | None:
    """The record's row for the item the sentence names, in a table of the fact ("The iPhone 15 Pro Max
    starts at $1,099" against `us_starting_prices_usd: {iphone_15_pro_max: 1199}` of the line-up whose
    alias the model is): the row named as the subject is written, of a table whose words say the fact."""
    if subject is None:
        return None
    named = name_key(subject.text)
    wanted = {word_base(word) for word in fact_key_words(spec.key)}
    for key, values in record.facts.items():
        table, _, row = key.rpartition(".")
        if table and tuple(row.split("_")) == named and wanted & {word_base(word) for word in fact_key_words(table)} \
                and VALUE_CLASSES.get(spec.value) == "number" and all(isinstance(v.value, (int, float)) for v in values):
            return key
    return None


def _named_subject(syntax: Syntax, tokens, trigger: _Trigger, others: list[Mention]) -> bool:
    """Is the subject of the trigger's clause a person, organisation or place named in the sentence
    ("The Federal Reserve announces …")? ("Part Two is the third instalment": a title the records do
    not name, the article's own subject, is no other; nor is the value itself: "chief executive Gareth
    Pell said".)"""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    clause = syntax.clause(word)
    trigger_span = (tokens[trigger.first].start, tokens[trigger.last - 1].end)
    key_words = {word_base(w) for w in fact_key_words(trigger.spec.key)}
    for child in syntax.children(clause):
        token = syntax.tokens[child]
        # (not the fact's own word, capitalised to open the sentence: "Turnout was 41.36 per cent."; nor the doer the
        # key itself names: "the Supreme Court upheld his life sentence" for `supreme_court_upheld_life_sentence` — not
        # a thing done to, "The next World Cup … will be played", of `world_cups_played`)
        named = [m for m in others if m.start <= token.start < m.end]
        if token.dep in ("nsubj", "nsubjpass") and token.tag in ("NNP", "NNPS") \
                and not trigger_span[0] <= token.start < trigger_span[1] and named \
                and not (token.dep == "nsubj" and all(word_base(w) in key_words for w in name_key(named[0].text) if w != "the")):
            return True
    return False


def _in_context(spec: FactSpec, tokens: list[Token], starts, sentence: Sentence) -> bool:
    """A key narrower than its words speaks only of a sentence that says how: "Loreen topped the jury
    vote with 340 points" is no figure of `eurovision_wins.points`."""
    average = is_average(spec.key)
    if not spec.context and not average:
        return True
    words = [t.norm for t in tokens[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]]
    if average and not any(word in AVERAGE_WORDS or word == "per" for word in words):
        return False
    if not spec.context:
        return True
    # a sub-key of three words or more, every one said, speaks for itself: "That fuselage arrived at Boeing's factory in
    # Renton" for `plug_timeline.fuselage_arrived_boeing_renton`
    own = [word_base(w) for w in describe_key(spec.key.rsplit(".", 1)[-1]).words if w.isalpha() and w not in _FIGURE_WORDS]
    if len(own) >= 3 and all(any(word_base(word) == base or word_base(word).startswith(base) for word in words) for base in own):
        return True
    # half the narrowing words at least: "the opening set" says nothing of `third_set_fifth_game.minutes`
    said = sum(any(_word_matches(pattern, word) for word in words) for pattern in spec.context)
    return said >= max(1, (len(spec.context) + 1) // 2) and _says_its_number(spec.key, words)


def _says_its_number(key: str, words: list[str]) -> bool:
    """Does the sentence say the number a dotted key's list is named with? "The series finale … drew 2.9
    million viewers" is no figure of `season_3_finale.first_night_viewers`."""
    return all(_says_number(words, number) for number in _list_numbers(key))


@lru_cache(maxsize=4096)
def _list_numbers(key: str) -> tuple[int, ...]:
    """The numbers a dotted key's lists are named with: `season_3_finale.viewers` → (3,),
    `steam_concurrent.first_passed_2_million.figure` → (2,) (a figure of the first time past two
    million is not that of "more than 19 million people")."""
    numbers = [int(n) for part in key.split(".")[:-1] for n in re.findall(r"(?<![a-z\d])(\d{1,3})(?!\d)", part)]
    # (and a number word: `fifteen_year_fixed_percent.this_week` is no figure of "30-year fixed" loans)
    numbers += [number for part in key.split(".")[:-1] for word in re.split(r"[_\W]+", part.lower())
                if (number := _key_number(word)) is not None and number >= 2]
    return tuple(numbers)


def _says_number(words: list[str], number: int) -> bool:
    """Is the number said as digits, a word or an ordinal ("3", "three", "3rd", "third")?"""
    for word in words:
        if word.isdigit() and int(word) == number or re.fullmatch(rf"{number}(?:st|nd|rd|th)", word):
            return True
        read = word_value(word) if word.isalpha() else None
        if read is not None and read[0] == number:
            return True
    return False


def _first_token(starts: list[int], mention) -> int:
    """The first word token inside a mention ("$694" starts before its first token)."""
    return bisect.bisect_left(starts, mention.start)


def _last_token(starts: list[int], mention) -> int:
    return max(bisect.bisect_left(starts, mention.end) - 1, 0)


def _distance(starts: list[int], trigger: _Trigger, mention) -> float:
    position = _first_token(starts, mention)
    if position >= trigger.last:
        return position - trigger.last
    end_position = _last_token(starts, mention)
    # negative: the value stands before its trigger, and counts a little further away
    return -(trigger.first - end_position) - 0.5


def _as_year(mention: Mention) -> Mention:
    year = int(mention.text.strip())
    return replace(mention, kind="date", label="year", value=DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year"))


def _year_of_its_head(spec: FactSpec, syntax: Syntax, tokens, trigger: _Trigger, mention: Mention) -> bool:
    """A year before a noun says which one ("the 2006 runoff"), not when anything happened — but before the noun a
    key ending in "year" names, it is that thing's year: "a 1984 paper" for `key_paper_year`."""
    if describe_key(spec.key.rsplit(".", 1)[-1]).unit != "year":
        return False
    modified = syntax.modified_noun(mention.start, mention.end)
    return modified is not None and tokens[trigger.first].start <= syntax.tokens[modified[1]].start < tokens[trigger.last - 1].end


def _candidate_values(spec: FactSpec, text, tokens, starts, trigger: _Trigger, mentions, persons, sentence_links, syntax=None,
                      sentence: Sentence | None = None) -> list[Mention]:
    def outside_links(mention: Mention) -> bool:
        return not any(link.start < mention.end and mention.start < link.end for link in sentence_links if link.record.type != "person")

    def every_key_word_near(mention: Mention) -> bool:
        # a date with every word of a derived key around it ("The previous record was the 166-vote defeat
        # inflicted on … in 1926" for `previous_record_defeat.year`) reaches as far as a curated fact's
        return spec.derived and spec.value == "date" and sentence is not None \
            and _every_key_word_near(spec, [mention], tokens, starts, sentence, text)

    if spec.value in ("person", "person-list"):
        pool = [p for p in persons if outside_links(p) and _full_name_or_known(p)]
    elif spec.value == "date":
        # (not a day told as the Nth of something, "Sunday 8 June, the console's third day on sale": no start of it)
        pool = [m for m in mentions if m.kind == "date" and isinstance(m.value, DateValue) and not _bound_not_value(spec, text, m, BOUND_WORDS)
                and not _A_LATER_DAY.match(text, m.end)
                and not (syntax is not None and syntax.year_naming_a_thing(m) and not _year_of_its_head(spec, syntax, tokens, trigger, m))]
        if syntax is not None:
            # (the extractor reads "a 1984 paper" as a count; before the key's own noun it is a year)
            pool += [_as_year(m) for m in mentions if m.kind == "number" and syntax.year_naming_a_thing(m)
                     and _year_of_its_head(spec, syntax, tokens, trigger, m)]
    elif spec.value == "text":
        # a maker or venue may itself be a record ("Norhaven Robotics"): its link is a value too;
        # and the recogniser's label for a name is no guide here ("Ashcombe Green" as a person)
        named = [Mention("org", l.start, l.end, l.text, None, "record") for l in sentence_links if l.record.type not in (spec.entity_type, "person")]
        pool = [m for m in mentions if m.kind in TEXT_VALUE_KINDS and outside_links(m) and _proper(m.text)] + named
        dates = [m for m in mentions if m.kind in ("date", "number")]  # "born in May 1867": a time, no place
        pool += [m for m in _capitalised_runs(text, tokens, trigger) if outside_links(m)
                 and not any(p.start < m.end and m.start < p.end for p in [*pool, *dates])]
        # "Kavanagh Aerospace's launch site": an owner, not the site
        pool = [m for m in pool if not text.startswith(("'s", "’s"), m.end)]
    else:
        # (not a count of others: "Parasite beat eight other nominees" counts the rivals, not its own nominations)
        pool = [m for m in mentions if m.kind == "number" and outside_links(m) and _fits_number(spec, m, text, tokens, starts)
                and not _partitive_whole(text, m, mentions) and not _OTHERS_AFTER.match(text, m.end)]
        if spec.value == "duration":
            pool = _combine_durations([_as_duration(spec, m, text) for m in pool], text)
        elif spec.value == "quantity":
            pool = [_in_unit(spec, m, text) for m in pool]
    scored = sorted(
        ((_distance(starts, trigger, m), m) for m in pool if not (trigger.first <= _first_token(starts, m) < trigger.last)),
        key=lambda pair: abs(pair[0]),
    )
    if spec.value != "person-list":  # a list runs on to the end of its sentence
        # (and a day the verb's own "on" gives, however far: "first announced the all-cash deal, worth
        # $95 a share, on January 19, 2022")
        scored = [(d, m) for d, m in scored if abs(d) <= (DERIVED_DISTANCE if spec.derived else MAX_VALUE_DISTANCE)
                  # (the one the fact's verb says did it, however long the aside after the name: "Sir Geoffrey Vos, the
                  # Master of the Rolls, dissented" for `dissenting_judge`)
                  or spec.value == "person" and syntax is not None and abs(d) <= MAX_VALUE_DISTANCE and _subject_of(syntax, tokens, trigger, m)
                  or (spec.value == "date" and syntax is not None and (_on_its_verb(syntax, text, tokens, trigger, m)
                                                                       or _dated_by_when(syntax, text, tokens, trigger, m)))
                  or abs(d) <= MAX_VALUE_DISTANCE and every_key_word_near(m)
                  or spec.value == "quantity" and d < 0 and _spent_in(tokens, starts, trigger, m, spec.unit)
                  or abs(d) <= MAX_VALUE_DISTANCE and spec.derived and syntax is not None
                  and VALUE_CLASSES[spec.value] == "number" and _level_of(syntax, text, tokens, trigger, m)]
    if syntax is not None and spec.value != "person-list":
        limit = DERIVED_PATH if spec.derived else MAX_PATH
        scored = [(d, m) for d, m in scored if _tied(syntax, tokens, trigger, m, limit)
                  or spec.value == "quantity" and _spent_in(tokens, starts, trigger, m, spec.unit)
                  or spec.derived and VALUE_CLASSES[spec.value] == "number" and _level_of(syntax, text, tokens, trigger, m)
                  or spec.value == "date" and (_dated_by_when(syntax, text, tokens, trigger, m) or _on_its_verb(syntax, text, tokens, trigger, m))
                  # (every word of the key said around a year reaches across a clause boundary the parser put
                  # between them: "who won the last Open played at Hoylake, in 2016," hangs "in 2016" on the main verb)
                  or _path_within(syntax, tokens, trigger, m, MAX_PATH + 2) and every_key_word_near(m)]
    elif syntax is not None:  # a list runs through its conjuncts, within its clause
        scored = [(d, m) for d, m in scored if _in_clause_of(syntax, tokens, trigger, m)]
    if spec.derived and VALUE_CLASSES[spec.value] == "number":
        # (a figure after the key's words past a comma starts another clause: "Of the 150 federal electorates, 113
        # recorded a majority Yes" — 113 is no count of the electorates)
        scored = [(d, m) for d, m in scored if (_attached(tokens, starts, trigger, d, m, spec.unit)
                                                and not (d >= 0 and "," in text[tokens[trigger.last - 1].end:m.start])
                                                or spec.unit and syntax is not None and _given_by(syntax, tokens, trigger, m)
                                                or syntax is not None and _level_of(syntax, text, tokens, trigger, m))
                  and not (syntax is not None and _elided_count(syntax, m)) and not _joined_to_another_noun(text, m, trigger)]
    if spec.value == "quantity" and _is_unit_word(trigger.text):
        # the fact named by its unit ("560 feet" for `diameter.feet`): the figure that unit measures,
        # not the conversion beside it ("560 feet (170 meters)")
        scored = [(d, m) for d, m in scored
                  if m.end <= tokens[trigger.first].start and re.fullmatch(r"[\s-]*", text[m.end:tokens[trigger.first].start])]
    if spec.value == "text":  # "held at X", "based in X": a place or a name right by its word
        scored = [(d, m) for d, m in scored if abs(d) <= MAX_TEXT_DISTANCE]
    if spec.adjacent:
        scored = [(d, m) for d, m in scored if -4 <= d < 0]
    if spec.blockers:
        scored = [(d, m) for d, m in scored if not _blocked(spec, tokens, starts, trigger, m)]
    side = spec.directions.get(trigger.key)
    if side is not None:
        scored = [(d, m) for d, m in scored if (d < 0) == (side == "before")]
    if spec.value == "date" and scored:
        scored += _list_run(text, pool, scored)
    if syntax is not None and spec.value != "person-list" and len(scored) > 1:
        # a value in the clause the fact's words stand in goes before a nearer one in another ("She began publishing
        # poems in 1993 and her first collection of short stories appeared two years later, in 1995")
        own = {id(m) for _, m in scored if _in_clause_of(syntax, tokens, trigger, m)}
        if own and len(own) < len(scored):
            scored.sort(key=lambda pair: id(pair[1]) not in own)
    owner = _key_owner(spec.key)
    if owner and scored and _names_the_owner(owner, text, mentions):
        # `ben_stokes.balls`: the figure told of Stokes ("Buttler fell for 59 from 60 balls, but Stokes
        # … off 89 balls"), the last name before it being his
        names = [m for m in mentions if m.kind in ("person", "org", "place", "other") and m.text[:1].isupper()]
        scored = [(d, m) for d, m in scored if _told_of(owner, names, m, text, tokens)]
    return scored


# "the first American woman to take the title since Sloane Stephens in 2017": the date of the occasion
# compared with, someone else's
_SINCE_ANOTHER = re.compile(r"\bsince\s+(?:[A-Z][\w'’.-]*\s+){0,4}(?:in\s+)?\Z")


_OTHERS_AFTER = re.compile(r"\s+others?\b", re.IGNORECASE)


def _partitive_whole(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """"taking 37 of the 101 seats": the figure after "N of the" is the whole the part is drawn from,
    not a value of whoever took the part — unless the whole is the subject's own ("won nine of its 13 Academy
    Award nominations": the film's nominations)."""
    if _PART_OF_THEM.match(text, mention.end):
        return True  # "he scored seven tries in five matches, four of them in the semi-final": the whole, the part told after
    return any(other.kind == "number" and other.end <= mention.start
               and (written := PARTITIVE_OF.fullmatch(text[other.end:mention.start])) is not None
               and not re.match(r"\s+of\s+(?:its|their|his|her)\s", written.group(0)) for other in mentions)


_PART_OF_THEM = re.compile(r"[^.;:!?,]{0,60},\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+them\b")


PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|a\s+possible|a\s+total\s+of)\s+"
                          # "seven of the last eight Tours": the whole, counted back from now
                          r"(?:(?:last|past|previous|first|next)\s+)?"
                          # "28 of the roughly 37 paintings": the whole, however loosely it is counted
                          r"(?:(?:roughly|about|around|some|nearly|almost|approximately|an\s+estimated|estimated|more\s+than|over|"
                          r"fewer\s+than|less\s+than|just\s+over|just\s+under|up\s+to)\s+)?")


# what opens a clause of its own: the sentence's start, or a comma or semicolon with its joining word
_CLAUSE_OPENING = re.compile(r"(?:^\s*|[,;]\s+(?:and|but|while|whereas)\s+|;\s+)(?:the\s+)?$", re.IGNORECASE)


def _opens_its_clause(text: str, tokens, sentence: Sentence, trigger: _Trigger) -> bool:
    """Is the trigger the first word of its sentence, or of a clause joined to it ("…, and turnout reached")?"""
    return _CLAUSE_OPENING.search(text[sentence.start:tokens[trigger.first].start]) is not None


def _only_keeper(spec: FactSpec, keepers: dict[str, list[Record]] | None) -> Record | None:
    """The one record, of the fact's type, that keeps the fact's key, or None — or the first of several that all keep
    the same value under it (two questions of one referendum day, `turnout_percent: 44.36` each): either is the fact."""
    # (a record of another type that keeps a key of the same name is another fact: a trial's `verdict_date` and the
    # defendant's)
    only = [record for record in (keepers or {}).get(spec.key, ()) if record.type == spec.entity_type]
    if len(only) > 1 and len({tuple(str(v.value) for v in record.facts[spec.key]) for record in only}) == 1:
        return only[0]
    return only[0] if len(only) == 1 else None


def _names_among_facts(record: Record, names: list[Mention], key: str = "") -> bool:
    """Does one of the record's texts (`original_annulled_by: Supreme Election Council (YSK)`) name one
    of the sentence's names — or the fact's own key (`dortmund_ad_hoc_statement`: "Dortmund … disclosed
    the terms in an ad hoc statement")?"""
    texts = [v.value for values in record.facts.values() for v in values if isinstance(v.value, str)]
    if key:
        texts.append(" ".join(fact_key_words(key)))
        names = [*names, *(Mention(m.kind, m.start, m.end, m.text.lower(), None) for m in names)]
    return any(len(name.text) >= 3 and any(re.search(rf"(?<!\w){re.escape(name.text)}(?!\w)", t) for t in texts) for name in names)


def _trigger_says_every_key_word(trigger: _Trigger, tokens, spec: FactSpec) -> bool:
    """Is the trigger every word of the key, two or more, its number too ("Phase 1 report")?"""
    words = [word for word in fact_key_words(spec.key) if word not in _FIGURE_WORDS and (word.isalpha() or word.isdigit())]
    said = {word_base(token.norm) for token in tokens[trigger.first:trigger.last]}
    # the key's head may be said with its verb: "Construction began" for `construction_start`
    return len(set(words)) >= 2 and all(word_base(word) in said or any(word_base(verb) in said for verb in HEAD_VERBS.get(word, ()))
                                        or any(word_base(other) in said for other in WORD_SAID_AS.get(word, ()))
                                        for word in words)


def _said_as_its_one_word(trigger: _Trigger, tokens, spec: FactSpec) -> bool:
    """Is the key one word ("verdict" of `verdict_date`) and the trigger another word copy tells it with ("convicted")?"""
    words = [word for word in fact_key_words(spec.key) if word not in _FIGURE_WORDS and word.isalpha()]
    said = [word_base(token.norm) for token in tokens[trigger.first:trigger.last]]
    return len(words) == 1 and len(said) == 1 and said[0] in {word_base(other) for other in HEAD_SAID_AS.get(words[0], ())}


def _every_key_word_near(spec: FactSpec, values: list[Mention], tokens, starts, sentence, text: str = "") -> bool:
    """Is each value a figure of three digits or more (a slip of a small count is as likely another
    count, "six wickets" for `australia_innings_wickets: 4`), or a day, with every word of the key (three
    or more; a day's key may count its number: `section_114_notices`) said within ten words of a large
    figure, twenty of a day (its key's words may open the clause: "Dortmund … disclosed the terms in an ad
    hoc statement on Tuesday, 6 June")? Or a month or a year as written, with them within twenty ("The previous record was the 166-vote defeat
    inflicted on … in 1926" for `previous_record_defeat.year`): only a slip of its year is then the record's."""
    days = all(isinstance(v.value, DateValue) and v.value.precision == "day" and (not v.value.relative or without_its_year(v))
               for v in values)
    key_words = fact_key_words(spec.key)
    # (the occasion "since" compares with is a `previous_…` key's own: "Ducati's first champion since Casey
    # Stoner's title in 2008" for `previous_ducati_champion.year`)
    written = not days and all(isinstance(v.value, DateValue) and v.value.precision in ("month", "year") and not v.value.relative
                               and ("previous" in key_words or not _SINCE_ANOTHER.search(text, max(0, v.start - 80), v.start))
                               for v in values)
    # (a figure in the key's unit of measure is no other count, however small: "a 470-foot section" for
    # `suspect_track_circuit_length_ft`, whose unit says its length)
    measured = spec.unit in MEASURE_WORDS
    if not (days or written) and (VALUE_CLASSES[spec.value] != "number" or not all(isinstance(v.value, NumberValue)
                                                                                   and (v.value.value >= 100 or measured)
                                                                                   for v in values)):
        return False
    # (the place or scope a key gives is said too: "the last Open played at Hoylake, in 2016" for
    # `previous_open_at_hoylake.year`)
    scope = [word for part in spec.key.split(".") for word in describe_key(part).scope]
    wanted = {word_base(word) for word in (*key_words, *scope)
              if (word.isalpha() or days and word.isdigit()) and word not in _FIGURE_WORDS
              and not (written and word in _DATE_WORDS) and not (measured and word in _MEASURED_WORDS)}
    if len(wanted) < 3:
        return False
    reach = 20 if written or days else 10
    first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    for value in values:
        at = _first_token(starts, value)
        near = {word_base(token.norm) for token in tokens[max(first, at - reach):min(last, at + reach + 1)]}
        if not all(any(said == word or said.startswith(word) or word.startswith(said) and len(said) >= 4
                       or said in _KEY_WORD_SAID_AS.get(word, ()) for said in near)
                   for word in wanted):
            return False
    return True


# a key's word as copy says it: the `previous_state_funeral` is the first one "since" Churchill's
_KEY_WORD_SAID_AS = {word_base("previous"): {word_base(w) for w in ("since", "last", "prior", "preceding")}}
# a measure's words that its unit says ("470-foot" is a length)
_MEASURED_WORDS = {"length", "height", "width", "depth", "distance", "area", "size", "weight", "mass", "volume", "long", "high", "wide", "deep"}
# a date key's words that say only that it is a date (`food_rate_last_higher.month`)
_DATE_WORDS = {"year", "month", "date", "day", "when"}


def _proper_sub_key(trigger: _Trigger) -> bool:
    """Does the trigger name, in capitals, the sub-key of a list it belongs to ("Scottish Government" of
    `funders.scottish_government_gbp`)? A name needs no word of its list to say what it is."""
    return "." in trigger.spec.key and len(trigger.key) >= 2 and all(word[:1].isupper() for word in trigger.text.split())


def _joined_to_another_noun(text: str, mention: Mention, trigger: _Trigger) -> bool:
    """A figure hyphened to a noun counts that noun: "a six-shot Open win" is no count of wins."""
    joined = re.match(r"-([A-Za-z]+)\b", text[mention.end:mention.end + 20])
    return joined is not None and word_base(joined.group(1).lower()) not in {word_base(w) for w in trigger.text.lower().split()}


def _given_by(syntax: Syntax, tokens, trigger: _Trigger, mention: Mention) -> bool:
    """Is a sum or measure the object of the verb the key's words are the subject of ("The Scottish
    Government gave £250,000" for `funders.scottish_government_gbp`)?"""
    subject, value = _trigger_root(syntax, tokens, trigger), syntax.span_root(mention.start, mention.end)
    if subject is None or value is None or syntax.tokens[subject].dep not in ("nsubj", "nsubjpass"):
        return False
    verb = syntax.tokens[subject].head
    return syntax.tokens[value].dep == "dobj" and syntax.tokens[value].head == verb and syntax.tokens[verb].tag.startswith("VB")


# verbs that bring their subject to a level: "Net income climbed 581% to $32.76 billion", "the toll rose to
# 2,946", "Turnout was 64.1%", "Revenue came to $22.1 billion", "Attendance reached 75,784"
_LEVEL_VERB = re.compile(r"(?:is|was|were|are|been|reach(?:ed|es)?|total(?:l?ed|s)?|hit|came|comes|stood|stands|rose|rises|risen|"
                         r"climb(?:ed|s)?|f[ae]ll|falls|fallen|dropp?(?:ed|s)?|gr[eo]w|grows|grown|increas(?:ed|es)|decreas(?:ed|es)|"
                         r"jump(?:ed|s)|soar(?:ed|s)|surg(?:ed|es)|slipp?(?:ed|s)|eas(?:ed|es)|declin(?:ed|es)|amount(?:ed|s)|topp(?:ed)|tops)",
                         re.IGNORECASE)
# … and the words that give the level itself ("to", "at"), not a change ("by") or a start ("from")
_LEVEL_PREPOSITIONS = ("to", "at")
# … or its object or complement, where the verb says the level at once ("was", "reached", "totalled")
_LEVEL_AT_ONCE = re.compile(r"(?:is|was|were|are|been|reach(?:ed|es)?|total(?:l?ed|s)?|hit|topp(?:ed)|tops)", re.IGNORECASE)


def _level_of(syntax: Syntax, text: str, tokens, trigger: _Trigger, mention: Mention) -> bool:
    """Is the figure the level the key's words, as its verb's subject, came to ("Net income for the year
    climbed 581% to $32.76 billion" for `net_income_usd`; "The death toll rose to 2,946")?"""
    subject, value = _trigger_root(syntax, tokens, trigger), syntax.span_root(mention.start, mention.end)
    # (the key's words may name the subject's noun from before it: "The FDA's acceptable daily intake limit for NDMA is
    # 69 nanograms")
    while subject is not None and syntax.tokens[subject].dep in ("compound", "amod", "poss", "nmod") and syntax.tokens[subject].head > subject \
            and syntax.tokens[syntax.tokens[subject].head].tag in ("NN", "NNS"):
        subject = syntax.tokens[subject].head
    if subject is None or value is None or syntax.tokens[subject].dep not in ("nsubj", "nsubjpass"):
        return False
    verb = syntax.tokens[subject].head
    said = text[syntax.tokens[verb].start:syntax.tokens[verb].end]
    if not syntax.tokens[verb].tag.startswith("VB") or not _LEVEL_VERB.fullmatch(said):
        return False
    measure = syntax.tokens[syntax.tokens[value].head]
    if syntax.tokens[value].dep == "nummod" and _is_unit_word(text[measure.start:measure.end]):
        value = syntax.tokens[value].head  # "is 69 nanograms": the measure is the complement
    word = syntax.tokens[value]
    if word.dep in ("attr", "dobj") and word.head == verb:
        return _LEVEL_AT_ONCE.fullmatch(said) is not None
    if word.dep == "pobj":
        preposition = syntax.tokens[word.head]
        return preposition.head == verb and text[preposition.start:preposition.end].lower() in _LEVEL_PREPOSITIONS
    return False


# what joins a list's items: "1996, 2003, 2005 and 2011"
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")


def _list_run(text: str, pool: list[Mention], scored: list[tuple[float, Mention]]) -> list[tuple[float, Mention]]:
    """The dates that run on from the last one tied, joined by commas and "and" ("their titles of 1996,
    2003, 2005 and 2011"): a list's items are its first one's, however far they run."""
    last_distance, last = max(scored, key=lambda pair: pair[1].start)
    more = []
    for mention in sorted((m for m in pool if m.start > last.end), key=lambda m: m.start):
        if not _LIST_JOIN.fullmatch(text[last.end:mention.start]):
            break
        more.append((last_distance, mention))
        last = mention
    return more


def _elided_count(syntax: Syntax, mention: Mention) -> bool:
    """A figure standing for a noun said before ("Schumacher won two with Benetton", after "Hamilton's
    championships came in …"): the object of its verb with no noun of its own counts that noun, which a
    key's words read from the verb ("won" for `career_wins`) cannot tell."""
    if mention.label != "cardinal":
        return False  # "pays shareholders $59 a share": a sum names its own unit
    root = syntax.span_root(mention.start, mention.end)
    return root is not None and syntax.tokens[root].dep == "dobj" and syntax.tokens[root].tag == "CD" \
        and syntax.tokens[syntax.tokens[root].head].tag.startswith("VB")


def _key_owner(key: str) -> tuple[str, ...]:
    """The person or country a dotted key is named after (`ben_stokes.balls` → ("ben", "stokes"),
    `japan.gold` → ("japan",)), or ()."""
    if "." not in key:
        return ()
    owner = tuple(re.split(r"[_\s]+", key.split(".", 1)[0].lower()))
    return owner if 1 <= len(owner) <= 4 and all(word.isalpha() and len(word) > 1 for word in owner) \
        and (len(owner) > 1 or len(owner[0]) >= 4) else ()


def _names_the_owner(owner: tuple[str, ...], text: str, mentions: list[Mention]) -> bool:
    """Does the article write the key's owner as a name: a person's ("Ben Stokes") or a place's
    ("Japan", "the United States"), never an organisation's ("the Supreme Court" is no one's tally)?
    A one-word owner must be a name the recogniser found ("final" of `final.attendance` is none)."""
    pattern = re.compile(r"\b" + r"\s+".join(word.capitalize() for word in owner) + r"\b")
    found = [m.start() for m in pattern.finditer(text)]
    if not found or any(m.kind in ("org", "work", "event", "product") and m.start <= at < m.end for m in mentions for at in found):
        return False
    return len(owner) > 1 or any(m.kind in ("person", "place") and m.start <= at < m.end for m in mentions for at in found)


def _told_of(owner: tuple[str, ...], names: list[Mention], value: Mention, text: str, tokens) -> bool:
    """Is the last name before the value, in its sentence, the owner's (the surname, capitalised)?"""
    sentence_start = max(text.rfind(". ", 0, value.start), text.rfind("\n", 0, value.start)) + 1
    said = [t for t in tokens if sentence_start <= t.start < value.start and t.norm == owner[-1] and text[t.start].isupper()]
    if not said:
        return False
    last = said[-1].start
    return not any(last < m.start and m.end <= value.start and fold(m.text).split()[-1:] != [owner[-1]] for m in names)


def _another_of_its_kind(record: Record, sentence_links: list[EntityLink], others: list[Mention]) -> bool:
    """Does the sentence name another record of the record's type, or, for a person, another person?"""
    if any(link.record.type == record.type and link.record.id != record.id for link in sentence_links):
        return True
    own = [link for link in sentence_links if link.record.id == record.id]
    return record.type == "person" and any(
        m.kind == "person" and not any(l.start <= m.start < l.end or m.start <= l.start < m.end for l in own) for m in others)


def _the_one_he_or_she_is(text: str, sentence: Sentence, persons: list[Mention], links: list[EntityLink],
                          syntax: Syntax | None = None) -> Record | None:
    """The person record a sentence naming no one else tells of when "he" or "she" is what it is about — it
    opens the sentence ("He read physics …"); given the parse, as for a date, also "His first came in 2022" or
    the main verb's subject ("In a 1984 paper he described …"): the last person named before it, when the
    records know that one (when they do not, none: the sentence speaks of someone they do not keep)."""
    opening = r"\s*(?:He|She|His|Her)\s" if syntax is not None else r"\s*(?:He|She)\s"
    if not (re.match(opening, text[sentence.start:sentence.start + 5]) or _pronoun_subject(text, sentence, syntax)):
        return None
    # (a one-word name the recogniser alone calls a person is as often a place: "Newcastle upon Tyne")
    before = [person for person in persons if person.end <= sentence.start
              and (person.label == "record" or " " in person.text.strip() or any(link.start <= person.start < link.end for link in links))]
    if not before:
        return None
    last = before[-1]
    record = next((link.record for link in links if link.record.type == "person" and link.start <= last.start < link.end), None)
    # a sentence naming anyone but that person may speak of them ("… now known as the Hopfield network" names him again)
    named = [person for person in persons if sentence.start <= person.start < sentence.end]
    if record is None or any(not any(link.record is record and link.start <= person.start < link.end for link in links) for person in named):
        return None
    return record


def _pronoun_subject(text: str, sentence: Sentence, syntax: Syntax | None) -> bool:
    """Is "he" or "she" the subject of the sentence's main verb?"""
    if syntax is None:
        return False
    first = bisect.bisect_left(syntax.starts, sentence.start)
    last = bisect.bisect_left(syntax.starts, sentence.end)
    return any(token.dep in ("nsubj", "nsubjpass") and text[token.start:token.end].lower() in ("he", "she")
               and syntax.tokens[token.head].dep == "ROOT" for token in syntax.tokens[first:last])


def _dated_by_its_day(spec: FactSpec, keepers: dict[str, list[Record]] | None, days: list[Mention]) -> Record | None:
    """The one record keeping the fact one of whose own days (with its year) the sentence writes."""
    if not days:
        return None
    written = {day.value.earliest for day in days}
    dated = [record for record in (keepers or {}).get(spec.key, ()) if record.type == spec.entity_type
             and any(isinstance(value.value, dt.date) and value.value in written for values in record.facts.values() for value in values)]
    return dated[0] if len(dated) == 1 else None


def _sole_keeper(spec: FactSpec, links: list[EntityLink]) -> Record | None:
    """The one record the article names that keeps the fact."""
    keepers = {l.record.id: l.record for l in links if l.exact and spec.key in l.record.facts and l.record.origin != ARTICLE_ORIGIN}
    return next(iter(keepers.values())) if len(keepers) == 1 else None


# words that may stand between a fact's word and its figure after it: "attendance of 75,784",
# "revenue was $5 billion", "turnout stood at about 68%"
LINKING_WORDS = {"of", "was", "is", "were", "are", "be", "been", "stood", "stands", "at", "reached", "reaching", "totalled",
                 "totaled", "totalling", "totaling", "hit", "came", "to", "rose", "fell", "grew", "climbed", "about", "around",
                 "nearly", "almost", "some", "roughly", "approximately", "more", "than", "over", "under", "just", "only", "a", "an",
                 "the", "record", "reported", "put", "estimated", "an", "official", "officially", "its", "their", "his", "her"}


def _attached(tokens, starts, trigger: _Trigger, distance: float, mention: Mention, unit: str | None = None) -> bool:
    """Is a figure the one a fact's words (read from a record key) speak of? The count right before
    its noun ("three Super Bowl titles"), the key's unit between them with the place it was spent in
    ("29 years on the City Council" for `city_council_years`), or the figure after it with only
    linking words between ("attendance of 75,784") — not "titles in five seasons"."""
    if distance < 0:
        return distance >= -3.5 or _spent_in(tokens, starts, trigger, mention, unit)
    between = [t.norm for t in tokens[trigger.last:_first_token(starts, mention)]]
    return all(word in LINKING_WORDS for word in between)


def _spent_in(tokens, starts, trigger: _Trigger, mention: Mention, unit: str | None) -> bool:
    """"29 years on the City Council" for `city_council_years`: the figure, the key's unit, and the place
    the key names, the time spent in it (which the parse hangs on the verb, not on the figure)."""
    between = [t.norm for t in tokens[_last_token(starts, mention) + 1:trigger.first]]
    return unit is not None and len(between) in (2, 3) and between[0].rstrip("s") == unit \
        and between[1] in ("on", "in", "at", "with", "for") and between[2:] in ([], ["the"], ["its"], ["his"], ["her"], ["their"])


# prepositions that set one thing beside another
_SET_BESIDE = {"beside", "alongside", "near", "next", "opposite", "than", "like", "unlike", "replacing", "besides"}


def _told_of_another_noun(syntax: Syntax, text: str, tokens, trigger: _Trigger) -> bool:
    """Is the trigger a verb in a relative clause on a noun set beside another thing ("opens Queensferry Crossing beside
    the bridge she opened in 1964")? (Any other noun may be the record's in other words: "the bombing and shooting
    spree that killed 77 people on 22 June 2011" is the attacks' own day.)"""
    verb = _trigger_root(syntax, tokens, trigger)
    if verb is None or not syntax.tokens[verb].tag.startswith("VB") or syntax.tokens[verb].dep != "relcl":
        return False
    token = syntax.tokens[syntax.tokens[verb].head]
    preposition = syntax.tokens[token.head] if token.dep == "pobj" else None
    return preposition is not None and text[preposition.start:preposition.end].lower() in _SET_BESIDE


def _trigger_root(syntax: Syntax, tokens, trigger: _Trigger) -> int | None:
    return syntax.span_root(tokens[trigger.first].start, tokens[trigger.last - 1].end)


PRONOUN_ROLES = {"nsubj", "nsubjpass", "poss", "dobj", "pobj", "attr"}


def _subject_of(syntax: Syntax, tokens, trigger: _Trigger, mention: Mention) -> bool:
    """Is the value the subject of the fact's word, a verb ("Vos … dissented")?"""
    word = _trigger_root(syntax, tokens, trigger)
    value = syntax.span_root(mention.start, mention.end)
    return word is not None and value is not None and syntax.tokens[word].tag.startswith("VB") \
        and syntax.tokens[value].head == word and syntax.tokens[value].dep in ("nsubj", "nsubjpass")


def _trigger_words(syntax: Syntax, tokens, trigger: _Trigger) -> list[int]:
    start, end = tokens[trigger.first].start, tokens[trigger.last - 1].end
    return list(range(bisect.bisect_left(syntax.starts, start), bisect.bisect_left(syntax.starts, end)))


def _tied(syntax: Syntax, tokens, trigger: _Trigger, mention: Mention, limit: int) -> bool:
    """Does the value hang on the fact's word in the parse, in the same clause?
    ("Jake, born in 1987": 1987 hangs on born; "won in 2014 and 2019" hangs on won)."""
    word = _trigger_root(syntax, tokens, trigger)
    value = syntax.span_root(mention.start, mention.end)
    if word is None or value is None:
        return True
    if syntax.path_length(word, value) > limit:
        return False
    if syntax.clause(value) == syntax.clause(word) or syntax.path_length(word, value) <= 2:
        return True
    # "the previous record of 38.7C, set … on 25 July 2019": a participle clause on the fact's word
    head = syntax.tokens[syntax.clause(value)]
    return head.dep in ("acl", "relcl") and head.head == word


def _path_within(syntax: Syntax, tokens, trigger: _Trigger, mention: Mention, limit: int) -> bool:
    """Is the value at most `limit` steps from the fact's word in the parse, whatever clause it is in?"""
    word = _trigger_root(syntax, tokens, trigger)
    value = syntax.span_root(mention.start, mention.end)
    return word is None or value is None or syntax.path_length(word, value) <= limit


def _in_clause_of(syntax: Syntax, tokens, trigger: _Trigger, mention: Mention) -> bool:
    """"starring A as the doll and B as Ken, opened … as Christopher Nolan's film": A and B are the
    list's, Nolan is in another clause."""
    value = syntax.span_root(mention.start, mention.end)
    if value is None:
        return True
    return _in_trigger_clause(syntax, set(_trigger_words(syntax, tokens, trigger)), value)


def _in_trigger_clause(syntax: Syntax, trigger_words: set[int], index: int) -> bool:
    """In the clause of a word of the trigger, or in one that hangs on it ("ballots cast in the election")."""
    return syntax.clause(index) in trigger_words | {syntax.clause(w) for w in trigger_words}


def _beside_another_subject(syntax: Syntax, clause: int, name: int, word: int) -> bool:
    """Is the name only in an aside on its clause's subject, another proper name, while the fact's
    word is outside it ("Barbie, which opened on 21 July, the same day as Oppenheimer, turned eight
    nominations into one win": the nominations are Barbie's; but in "Phil Spencer, chief executive of
    Microsoft Gaming, wrote" the fact's word is in the aside with its name)?"""
    subject = next((c for c in syntax.children(clause) if syntax.tokens[c].dep in ("nsubj", "nsubjpass")), None)
    if subject is None or subject == name or syntax.tokens[subject].tag not in ("NNP", "NNPS") \
            or subject in syntax.ancestors(word):
        return False
    chain = [name, *syntax.ancestors(name)]
    if subject not in chain:
        return False
    return any(syntax.tokens[i].dep in ("appos", "relcl", "acl") for i in chain[:chain.index(subject)])


def _speaks_of(syntax: Syntax, tokens, trigger: _Trigger, link: EntityLink) -> bool:
    """Is the named entity what the fact's clause is about? Named in the same clause, or the noun a
    participle or relative clause hangs on ("Jake, born in 1987": born speaks of Jake, not of the
    mother named in the main clause)."""
    word = _trigger_root(syntax, tokens, trigger)
    name = syntax.span_root(link.start, link.end)
    if word is None or name is None:
        return True
    # "12 consecutive league matches" of `consecutive_league_matches_scored_record`: a word that modifies
    # another of the key's words is part of the fact's phrase, whose head speaks for it
    key_words = {word_base(w) for w in fact_key_words(trigger.spec.key)}
    while syntax.tokens[word].dep in ("compound", "amod") and syntax.tokens[word].head > word \
            and syntax.tokens[syntax.tokens[word].head].tag.startswith("NN") \
            and _base_at(syntax, tokens, syntax.tokens[word].head) in key_words:
        word = syntax.tokens[word].head
    clause = syntax.clause(word)
    trigger_words = set(_trigger_words(syntax, tokens, trigger))
    token = syntax.tokens[word]
    # (the name's last word: "Pain and Glory, directed by …" is one name, its "and" no word between)
    name_end = max(name, bisect.bisect_left(syntax.starts, link.end) - 1)
    if token.tag == "VBN" and token.dep in ("advcl", "acl", "relcl") and word > name_end \
            and _only_punctuation_between(syntax, name_end, word):
        # "with "Private Dancer," released in 1983": a participle right after a name, past a comma, tells of
        # that name, however the parser hangs it
        return True
    if token.dep in ("nsubj", "nsubjpass") and token.tag.startswith("NN") and word not in syntax.ancestors(name):
        # the fact's word is its clause's subject ("One seat … had gone to the BJP's candidate"): the
        # entity must be inside its phrase ("the BJP's 240 seats", "seats won by the BJP") — or be the noun
        # the clause hangs on ("Elton John's Farewell Yellow Brick Road Tour, which sold … over 339 shows
        # spread across five years", parsed as a relative clause of "Tour" with "shows" its subject)
        head = syntax.tokens[clause]
        return head.dep in ("acl", "relcl") and head.head == name
    if token.dep in ("compound", "amod", "nmod") and syntax.tokens[token.head].tag.startswith("NN"):
        # "the 543-seat Lok Sabha": the word describes the noun it modifies, and speaks of that; and a
        # name that modifies the word itself is its owner ("ISRO chairman K. Sivan")
        return syntax.path_length(name, token.head) <= 1 or name == token.head \
            or (syntax.tokens[name].head == word and syntax.tokens[name].dep in ("compound", "poss", "nmod"))
    if _beside_another_subject(syntax, clause, name, word):
        return False
    if _in_trigger_clause(syntax, trigger_words, name):
        # … near the fact's word: "the 543-seat Lok Sabha" is no party's seat count
        return syntax.path_length(name, word) <= MAX_SUBJECT_PATH
    head = syntax.tokens[clause]
    if head.dep in ("acl", "relcl") and syntax.path_length(name, head.head) <= 1:
        return True
    # "… Part One when it releases on July 12": a pronoun stands for a name elsewhere in the sentence
    if any(syntax.tokens[child].tag in ("PRP", "PRP$") and syntax.tokens[child].dep in PRONOUN_ROLES
           for w in {clause} | trigger_words for child in syntax.children(w)):
        return True
    # a name in the clause that governs this one, as its subject: "X said the film opens …" no;
    # "The film, which opens on Friday, stars …" — the relative clause's noun, above
    # a participle without a subject of its own ("…, taking eight Oscars") speaks of the governing clause's
    # (so does a gerund after a preposition: "Vardy set a record by scoring in 11 consecutive matches")
    participle = (head.dep == "advcl" and head.tag in ("VBG", "VBN") or head.dep == "pcomp" and head.tag == "VBG") and not any(
        syntax.tokens[child].dep in ("nsubj", "nsubjpass", "mark") for child in syntax.children(clause))
    if _subject_of_the_list(syntax, clause, name):
        return True
    if not ((head.dep in ("xcomp", "conj") or participle) and syntax.clause(name) == syntax.clause(head.head)):
        return False
    # … as that clause's subject or inside it ("Cummins's side lost to India …, and then won nine in a row":
    # the side won, not India)
    governing = syntax.clause(head.head)
    chain = [name, *syntax.ancestors(name)]
    return any(syntax.tokens[i].dep in ("nsubj", "nsubjpass") and syntax.tokens[i].head == governing for i in chain) \
        or name == governing


def _subject_of_the_list(syntax: Syntax, clause: int, name: int) -> bool:
    """Is the name the subject of a verb the parser hung on the fact's subjectless verb, in a list of
    verbs the name does ("the Ever Given is 59 metres wide, has a gross tonnage of 224,940 and can
    carry …": the parser makes "is" a complement of "has")?"""
    token = syntax.tokens[clause]
    if not token.tag.startswith("VB") or any(syntax.tokens[c].dep in ("nsubj", "nsubjpass", "expl") for c in syntax.children(clause)):
        return False
    subject = syntax.tokens[name]
    verb = subject.head
    return subject.dep in ("nsubj", "nsubjpass") and verb < clause and syntax.tokens[verb].head == clause \
        and syntax.tokens[verb].dep in ("ccomp", "conj", "parataxis")


def _only_punctuation_between(syntax: Syntax, name: int, word: int) -> bool:
    """Are the words between a name's head and a word after it a comma and quotation marks only (the
    name's own words aside)?"""
    between = [syntax.tokens[i] for i in range(name + 1, word) if syntax.tokens[i].dep != "compound"]
    return any(t.tag == "," for t in between) and all(t.tag in (",", "``", "''") for t in between)


def _pick(spec: FactSpec, scored: list[tuple[float, Mention]], text: str = "") -> list[Mention]:
    if not scored:
        return []
    if spec.value == "person-list":
        after = [m for d, m in scored if d >= 0]
        return sorted(after or [m for _, m in scored], key=lambda m: m.start)
    picked = [scored[0][1]]
    if spec.value == "date" and text:
        # the nearest date and the list it opens ("titles of 1996, 2003, 2005 and 2011"): each is a value
        for mention in sorted((m for _, m in scored if m.start > picked[-1].end), key=lambda m: m.start):
            if not _LIST_JOIN.fullmatch(text[picked[-1].end:mention.start]):
                break
            picked.append(mention)
    return picked


VALUE_CLASSES = {"person": "person", "person-list": "person", "date": "date", "text": "text",
                 "number": "number", "ordinal": "number", "duration": "number", "money": "number", "quantity": "number"}


def _blocked(spec: FactSpec, tokens, starts, trigger: _Trigger, mention: Mention) -> bool:
    """'released the first trailer … on Wednesday': a blocker word between trigger and value."""
    if _first_token(starts, mention) >= trigger.last:
        first, last = trigger.last, _first_token(starts, mention)
    else:
        first, last = _last_token(starts, mention) + 1, trigger.first
    first = min(first, max(trigger.first - 2, 0))  # "expects revenue of …", "hire 50 more staff"
    words = [t.norm for t in tokens[first:last]]
    return any(tuple(words[i:i + len(b)]) == b for b in spec.blockers for i in range(len(words) - len(b) + 1))


def _full_name_or_known(person: Mention) -> bool:
    """A one-word 'person' is a surname of someone the records know, or a recogniser's slip ("Moon"); and
    "the Manxman", "the Slovenian" describe someone: no name opens with an article."""
    if re.match(r"(?i)the\s", person.text):
        return False
    return person.label == "record" or len(name_key(person.text)) >= 2


# after a figure, words that make it a difference, not the fact's value: "one more than Messi's seven",
# "32 short of a majority"
GAP_AFTER = re.compile(r"^\s+(?:more|fewer|less|short|ahead|behind|clear)\b(?!\s+\w+\s+(?:ago|later|earlier))", re.IGNORECASE)


# a word before a value that makes it a bound or a difference, not the fact's own value — unless the key
# says the fact is one ("since" for `member_since`, "by" for `winning_margin`)
BOUND_WORDS = {"since": ("since", "start", "began", "from"), "until": ("until", "end", "ended"), "till": ("until", "end"),
               "before": ("before", "deadline"), "by": ("by", "deadline")}
MARGIN_WORDS = {"by": ("margin", "by", "difference", "increase", "decrease", "rise", "fall", "gap", "lead", "change", "drop",
                       "growth", "gain", "loss", "swing")}


def _bound_not_value(spec: FactSpec, text: str, mention: Mention, words: dict[str, tuple[str, ...]]) -> bool:
    before = re.search(r"\b([a-z]+)\s+$", text[max(0, mention.start - 8):mention.start])
    bound = before.group(1) if before is not None else None
    if bound not in words and "since" in words and _SINCE_IT_BEGAN.search(text, max(0, mention.start - 60), mention.start):
        bound = "since"  # "for the first time since trading began in 1983": when the span began, as "since 1983"
    if bound not in words:
        return False
    key_words = set(re.split(r"[_.\W]+", spec.key.lower()))
    return not any(word.startswith(allowed) for word in key_words for allowed in words[bound])


# a day told as the second, third … day of something: "Sunday 8 June, the console's third day on sale"
_A_LATER_DAY = re.compile(r",\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+){0,2}?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"\d+(?:nd|rd|th))\s+(?:full\s+)?day\b")
_SINCE_IT_BEGAN = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,3}(?:began|begun|started|opened|was\s+founded|was\s+first\s+\w+|were\s+first\s+\w+)"
                             r"\s+(?:in\s+)?$"
                             # … or another's doing it then: "since Sergey Bubka cleared 6.14 in July 1994"
                             r"|\bsince\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:[a-z]+ed|won|set|ran|threw|beat|broke|took|made)\b(?:[^,;.]|\.\d){0,30}\s+(?:in|on)\s+$")


# a capitalised word inside a line, right before a number ("Watch Ultra 2"), not one opening a sentence ("With 61 seats")
NAME_BEFORE = re.compile(r"[\w,’'][ \t]+([A-Z][\w-]*)[ \t]$")
CAPITALISED_FUNCTION_WORDS = {"At", "In", "On", "With", "By", "For", "From", "To", "Of", "And", "The", "A", "An", "As", "After",
                              "Before", "Since", "About", "Over", "Under", "Nearly", "Some", "Just", "Only", "All", "Or"}
COMPARED_AFTER = re.compile(r"[\s-]+(?:[a-z]+\s+)?(?:longer|shorter|more|fewer|less|higher|lower|bigger|smaller|older|younger|"
                            r"earlier|later|faster|slower|taller|heavier|lighter|wider|narrower)\s+than\b")
OPPONENTS_SHARE = re.compile(r"\d[\d,.]*\s+(?:votes?|seats?|points?|runs?|goals?|ballots?)\s+(?:to|against)\s+$")
MARGIN_PHRASE = re.compile(r"\b(?:lead|margin|gap|difference|deficit|advantage)\b(?:\s+[\w'’-]+){0,4}\s+(?:was|is|of|stood\s+at|at|by)\s+"
                           r"(?:about|around|roughly|nearly|some|just|only|almost|more\s+than|over)?\s*$")
SCORE_SIDE_BEFORE = re.compile(r"\d\s?[-–]\s?$")
SCORE_SIDE_AFTER = re.compile(r"\s?[-–]\s?\d")


def _fits_number(spec: FactSpec, mention: Mention, text: str, tokens, starts) -> bool:
    value: NumberValue = mention.value
    if GAP_AFTER.match(text[mention.end:mention.end + 30]):
        return False
    if SCORE_SIDE_BEFORE.search(text[max(0, mention.start - 3):mention.start]) or SCORE_SIDE_AFTER.match(text[mention.end:mention.end + 3]):
        return False  # one side of a score or result ("the 4-1 victory"), no count of goals or anything else
    if _bound_not_value(spec, text, mention, MARGIN_WORDS):
        return False  # "beat India by six wickets", "rose by 12": a margin or a change, not the figure itself
    name_word = NAME_BEFORE.search(text[max(0, mention.start - 24):mention.start]) if mention.text.isdigit() else None
    if name_word is not None and name_word.group(1) not in CAPITALISED_FUNCTION_WORDS:
        return False  # "the Apple Watch Ultra 2, at $799", "Apollo 11": a number in a name is no figure of a fact
    if COMPARED_AFTER.match(text[mention.end:mention.end + 40]):
        return False  # "four pages longer than Offshore": a difference, not the figure itself
    if OPPONENTS_SHARE.search(text[max(0, mention.start - 40):mention.start]):
        return False  # "elected Khan with 176 votes to 96 for Sharif": the figure after "to" is the other side's
    if MARGIN_PHRASE.search(text[max(0, mention.start - 60):mention.start]) and not any(w in spec.key for w in ("margin", "lead", "gap")):
        return False  # "Tinubu's lead over Atiku was about 1.8 million votes": a margin, nobody's total
    if spec.value == "ordinal":
        # "the first tour to pass $1 billion", "history's first $2 billion tour", "the first film in history
        # to take", "the first team since 2004": a superlative, no place in a series
        after = text[mention.end:mention.end + 60]
        superlative = value.value == 1 and bool(re.match(
            r"\s+(?:[$£€¥]\s?\d|(?:[A-Za-z'’-]+\s+){0,5}(?:to\s+[a-z]+|since|ever|in\s+(?:history|the\s+world))\b)", after))
        return value.ordinal and not superlative
    if spec.value == "money":
        return mention.label == "money"
    if spec.value == "quantity":
        return not value.ordinal and mention.label != "money" and quantity_in(text, mention, spec.unit) is not None
    if value.ordinal or (mention.label == "percent") != (spec.unit == "percent"):
        return False
    if spec.derived and mention.label == "money":  # a count is no sum of money
        return False
    if spec.derived and re.fullmatch(r"1[6-9]\d\d|20\d\d", mention.text.strip()):  # a year, not a count
        return False
    if spec.value == "duration":
        return DURATION_WORDS.get(_unit_after(text, mention)) in RUNTIME_UNITS
    if spec.unit is None and _measured_otherwise(spec, text, mention):
        return False  # "the 36.2-kilometer stage": a length of the stage, not a count of stages
    return True


def _is_unit_word(word: str) -> bool:
    from factcheck.facts import unit_name

    return unit_name(word.lower()) is not None


def _measured_otherwise(spec: FactSpec, text: str, mention: Mention) -> bool:
    """Is the number followed by a unit of measure ("36.2-kilometer", "32.5 miles") that the fact's
    key does not name (`diameter.feet` is measured in feet)?"""
    from factcheck.facts import unit_name

    written = _written_unit(text, mention)
    return written is not None and all(unit_name(word) != written for word in re.split(r"[._]", spec.key) if len(word) > 1)


def _unit_after(text: str, mention: Mention) -> str:
    rest = text[mention.end:mention.end + 12].lstrip(" -")
    word = rest.split(None, 1)[0].strip(".,;:)").lower() if rest.strip() else ""
    return word


def _written_unit(text: str, mention: Mention) -> str | None:
    """pint's name of the unit written after a number, read as written first ("2.4GW" is gigawatts, "gw" none);
    an area or a volume in two words ("240 square miles")."""
    from factcheck.facts import POWER_WORDS, power_unit, unit_name

    words = text[mention.end:mention.end + 24].lstrip(" -").split(None, 2)
    word = words[0].strip(".,;:)") if words else ""
    if word.lower() in POWER_WORDS and len(words) > 1:
        return power_unit(word.lower(), words[1].strip(".,;:)").lower())
    return (unit_name(word) or unit_name(word.lower())) if word else None


def _as_duration(spec: FactSpec, mention: Mention, text: str) -> Mention:
    """'2 hours' for a runtime in minutes is 120."""
    written = MINUTES_IN[DURATION_WORDS[_unit_after(text, mention)]]
    return _scaled(mention, written / MINUTES_IN[DURATION_WORDS.get(spec.unit or "minutes", "minute")])


def quantity_in(text: str, mention: Mention, unit: str | None) -> float | None:
    """The factor from the unit written after a number to `unit` (pint's name), when the two
    measure the same thing: "384,400 km" for kilometres is 1.0, for miles 0.62."""
    from factcheck.facts import units

    written = _written_unit(text, mention)
    if written is None or unit is None:
        return None
    registry = units()
    try:
        return float(registry.Quantity(1, written).to(unit).magnitude)
    except Exception:  # another dimension: not this fact's quantity
        return None


def _in_unit(spec: FactSpec, mention: Mention, text: str) -> Mention:
    factor = quantity_in(text, mention, spec.unit) or 1.0
    scaled = _scaled(mention, factor)
    if factor == 1.0:
        return scaled
    # a figure converted from another unit is only as exact as it was written, and the record's own
    # figure is rounded too: "161 mph" is 139.9 knots, and a record's 140 knots is the same wind
    decimals = re.search(r"\.(\d+)", mention.text)
    margin = 0.5 * 10 ** -(len(decimals.group(1)) if decimals else 0) * factor + 0.005 * abs(scaled.value.value)
    value = scaled.value
    return replace(scaled, value=replace(value, low=value.low - margin, high=value.high + margin))


def _scaled(mention: Mention, factor: float) -> Mention:
    """The mention with its value (and the range it admits) in another unit."""
    if factor == 1:
        return mention
    value: NumberValue = mention.value
    scaled = NumberValue(value.value * factor, value.low * factor, value.high * factor, value.ordinal, value.qualifier)
    return Mention(mention.kind, mention.start, mention.end, mention.text, scaled, mention.label)


_CONNECTORS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "de", "la", "le", "von", "van", "der"}
_TITLE_GAP = re.compile(r"^(?:\s+|\s*[:–—-]\s*)$")


def title_runs(text: str, tokens: list[Token], min_words: int = 2) -> list[tuple[int, int, str]]:
    """Runs of capitalised words ("Mission: Impossible – Dead Reckoning Part One"): names the
    recogniser may have missed, worth a look-up when no record covers them."""
    runs: list[tuple[int, int, str]] = []
    run: list[Token] = []

    def close() -> None:
        while run and run[-1].norm in _CONNECTORS:
            run.pop()
        if sum(text[t.start].isupper() for t in run) >= min_words:
            runs.append((run[0].start, run[-1].end, text[run[0].start:run[-1].end]))
        run.clear()

    for index, token in enumerate(tokens):
        word = text[token.start:token.end]
        capital = word[0].isupper() or word.isdigit()
        joined = not run or _TITLE_GAP.match(text[run[-1].end:token.start])
        if run and joined and (capital or token.norm in _CONNECTORS):
            run.append(token)
        else:
            close()
            if capital:
                run.append(token)
    close()
    return runs


def _proper(name: str) -> bool:
    """A name, not a description: "the Koonalda Range" yes, "the west coast" no."""
    words = name.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|\d+|[IVX]+")


def _capitalised_runs(text: str, tokens: list[Token], trigger: _Trigger) -> list[Mention]:
    """Names the recogniser missed right by a trigger: "aboard a Vantor 2 rocket"."""
    runs = []
    for side in (range(trigger.first - 1, max(trigger.first - 5, -1), -1), range(trigger.last, min(trigger.last + 4, len(tokens)))):
        run: list[Token] = []
        for index in side:
            word = text[tokens[index].start:tokens[index].end]
            if run and re.search(r"[.;:!?()]", text[min(run[-1].end, tokens[index].end):max(run[-1].start, tokens[index].start)]):
                break  # a run of a name stops at the sentence's or a clause's edge: "in May 1867. She"
            if _NAME_WORD.fullmatch(word) and (run or word[0].isupper()) or (run and _NAME_WORD.fullmatch(word)):
                run.append(tokens[index])
            elif run or word.lower() not in ("a", "an", "the"):
                break
        run.sort(key=lambda t: t.start)
        while run and not text[run[0].start].isupper():
            run.pop(0)
        if run:
            start, end = run[0].start, run[-1].end
            runs.append(Mention("org", start, end, text[start:end], None, "capitalised"))
    return runs


def _combine_durations(pool: list[Mention], text: str) -> list[Mention]:
    """'two hours and eight minutes' is one duration: 128 minutes."""
    combined: list[Mention] = []
    for mention in sorted(pool, key=lambda m: m.start):
        previous = combined[-1] if combined else None
        if previous is not None and re.fullmatch(r"\s*[a-z]+\s*(?:,|and)?\s*", text[previous.end:mention.start]) \
                and _unit_after(text, previous).startswith(("hour", "hr")) and _unit_after(text, mention).startswith("min"):
            total: NumberValue = previous.value
            part: NumberValue = mention.value
            value = NumberValue(total.value + part.value, total.low + part.low, total.high + part.high, False, total.qualifier)
            combined[-1] = Mention("number", previous.start, mention.end, text[previous.start:mention.end], value, previous.label)
        else:
            combined.append(mention)
    return combined


def _measured_name(text: str, value: Mention, sentence_links) -> int | None:
    """Where the name starts that a figure is written into with its unit ("the 51.5-kilometer Channel Tunnel"), or None."""
    return next((link.start for link in sentence_links if (unit := _MEASURE_BEFORE_NAME.fullmatch(text, value.end, link.start)) is not None
                 and _is_unit_word(unit.group("unit"))), None)


_MEASURE_BEFORE_NAME = re.compile(r"-?[ \t]?(?P<unit>[A-Za-z]+)(?:[ \t-]long)?[ \t]+")


def _subject(spec: FactSpec, trigger: _Trigger, tokens, sentence_links: list[EntityLink], values: list[Mention], syntax=None,
             text: str = "") -> EntityLink | None:
    candidates = [
        link for link in sentence_links
        if link.record.type == spec.entity_type
        and not any(v.start <= link.start < v.end or link.start <= v.start < link.end for v in values)
    ]
    # "the 51.5-kilometer Channel Tunnel": a figure written, with its unit, into the name it measures is that name's
    measured = {_measured_name(text, v, candidates) for v in values} if text else {None}
    if len(measured) == 1 and (start := measured.pop()) is not None:
        return next(link for link in candidates if link.start == start)
    if syntax is not None and candidates:
        candidates = [link for link in candidates if _speaks_of(syntax, tokens, trigger, link)]
        if any(_coordinated(syntax, link) for link in candidates):
            return None  # "Together the TDP and the JD(U) hold 28 seats": the two's, neither one's
    if not candidates:
        return None
    if spec.derived and syntax is not None:
        # "Truss sacked Kwarteng on 14 October" against Kwarteng's `sacked`: the verb's object keeps the
        # key the verb is read from, its subject does not — the fact is the object's
        word = _trigger_root(syntax, tokens, trigger)
        objects = [link for link in candidates if spec.key in link.record.facts and word is not None
                   and (name := syntax.span_root(link.start, link.end)) is not None
                   and syntax.tokens[name].head == word and syntax.tokens[name].dep == "dobj"]
        if objects and not any(spec.key in link.record.facts for link in candidates if link not in objects):
            candidates = objects
    trigger_start = tokens[trigger.first].start
    before = [link for link in candidates if link.start < trigger_start]
    if len(before) >= 2 and syntax is not None:
        # "Australia opened … with defeats by India …, then won nine matches in a row": the one that is the verb's
        # subject (or the subject of the verb it is joined to), not the name nearest before it
        own = _verb_subject(syntax, tokens, trigger)
        named = [link for link in before if own is not None and syntax.span_root(link.start, link.end) == own]
        if named:
            return named[0]
    if before:
        return before[-1]
    # a name after the trigger is its subject unless it is what the value is compared with
    # ("priced at $42,000, about $6,000 more than the Tallyman 2"; "born in 1874, 101 years before Truss")
    def words_between(start: int, end: int) -> list[str]:
        at = lambda token: token.start
        return [t.norm for t in tokens[bisect.bisect_left(tokens, start, key=at):bisect.bisect_left(tokens, end, key=at)]]

    # "founded Alameda in 2017 and FTX two years later": a name after the value and an "and" has its own
    values_end = max(v.end for v in values)
    trigger_end = tokens[trigger.last - 1].end
    # "The 37-year-old shot Steenkamp, a 29-year-old model": a sentence that opens on an age speaks of
    # someone named before; only a name right after it is its own ("The 24-year-old Alcaraz beat …")
    opens_on_age = text and re.search(r"(?:^|[.!?]\s+|\n)\s*The\s+[\w-]+-$", text[max(0, trigger_start - 30):trigger_start]) \
        and text[trigger_start:trigger_end].lower() == "year-old"
    if opens_on_age:
        candidates = [link for link in candidates if link.start < trigger_start or not text[trigger_end:link.start].strip()]
    after = [link for link in candidates
             if not re.search(r"\b(?:than|compared|versus|vs|unlike|like|before|after|since)\b", " ".join(words_between(trigger_start, link.start)))
             # not past a colon or a dash: "won 293 seats, carried … by two parties: … Telugu Desam Party"
             and not (text and re.search(r"[:;—–]", text[trigger_start:link.start]))
             and not (values_end <= link.start and "and" in words_between(values_end, link.start))]
    return after[0] if after else None


def _verb_subject(syntax: Syntax, tokens, trigger: _Trigger) -> int | None:
    """The subject of the verb the trigger is, or of the verb it is joined to ("and won", ", then won")."""
    word = _trigger_root(syntax, tokens, trigger)
    while word is not None and syntax.tokens[word].tag.startswith("VB"):
        subjects = _children(syntax, word, ("nsubj", "nsubjpass"))
        if subjects:
            return subjects[0]
        # ("then won …" after a comma, which the parser may hang on the verb before as a bare dependant)
        if syntax.tokens[word].dep not in ("conj", "dep") or syntax.tokens[word].head == word:
            return None
        word = syntax.tokens[word].head
    return None


def _coordinated(syntax: Syntax, link: EntityLink) -> bool:
    """Is a name one of two or more subjects joined by "and" ("the TDP and the JD(U) hold …")?"""
    name = syntax.span_root(link.start, link.end)
    if name is None:
        return False
    token = syntax.tokens[name]
    first = token.head if token.dep == "conj" else name
    if syntax.tokens[first].dep not in ("nsubj", "nsubjpass"):
        return False
    # (a conjunct inside the name itself is none: "Pain and Glory was directed by …")
    return any(syntax.tokens[c].dep == "conj" and syntax.tokens[c].tag.startswith("NN")
               and not link.start <= syntax.tokens[c].start < link.end for c in syntax.children(first))


def _has_own_subject(syntax: Syntax, tokens, trigger: _Trigger, links=(), named=()) -> bool:
    """Does the verb the fact's word hangs on have a named subject of its own before it, one that is no
    word of a record the article names ("Part Two is the third instalment" speaks of "… Part Two")?"""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return False
    verb = next((i for i in [word, *syntax.ancestors(word)][:4] if syntax.tokens[i].tag.startswith("VB")), None)
    if verb is None:
        return False
    # a name of its own ("The NDA"), not the fact's noun ("86,517 ballots were cast in …") nor a pronoun
    trigger_span = (tokens[trigger.first].start, tokens[trigger.last - 1].end)
    subjects = [c for c in syntax.children(verb)
                if syntax.tokens[c].dep in ("nsubj", "nsubjpass") and c < word and syntax.tokens[c].tag in ("NNP", "NNPS")
                and not trigger_span[0] <= syntax.tokens[c].start < trigger_span[1]
                # a name the recogniser found there too (the parser alone calls "Shot over 96 days" a subject),
                # or a plural name ("The Conservatives under Rishi Sunak were reduced to 121 seats")
                and (any(m.start <= syntax.tokens[c].start < m.end for m in named) or syntax.tokens[c].tag == "NNPS")]
    if not subjects:
        return False
    known = {fold(part) for record in {link.record.id: link.record for link in links}.values()
             for name in record.names for part in re.findall(r"[\w'’]+", name)}
    return any(not any(link.start <= syntax.tokens[c].start < link.end for link in links)
               and _token_text(syntax, tokens, c) not in known for c in subjects)


def _base_at(syntax: Syntax, tokens, index: int) -> str:
    """The word base of a parse token (its dictionary form for an irregular word)."""
    return word_base(syntax.tokens[index].lemma or _token_text(syntax, tokens, index))


def _token_text(syntax: Syntax, tokens, index: int) -> str:
    """The folded word of the article's tokens where a parse token starts."""
    start = syntax.tokens[index].start
    at = bisect.bisect_left(tokens, start, key=lambda token: token.start)
    return tokens[at].norm if at < len(tokens) and tokens[at].start == start else ""


def _it_of_the_sentence_before(syntax: Syntax, text: str, tokens, trigger: _Trigger, sentence: Sentence,
                               links: list[EntityLink]) -> Record | None:
    """The record "It", opening the sentence as the subject of its main clause, stands for: the subject of
    the sentence before, when that names one record (not a person's) that keeps the fact."""
    word = _trigger_root(syntax, tokens, trigger)
    if word is None:
        return None
    clause = syntax.clause(word)
    subject = next((c for c in syntax.children(clause) if syntax.tokens[c].dep in ("nsubj", "nsubjpass")), None)
    if subject is None or text[syntax.tokens[subject].start:syntax.tokens[subject].end] != "It" \
            or syntax.tokens[clause].head != clause or text[sentence.start:syntax.tokens[subject].start].strip(" \n\"“'‘"):
        return None  # (the sentence's own first word and main clause: in "The musical continues in London, where it
        # opened in 1986", "it" is the musical)
    first = bisect.bisect_left(syntax.starts, sentence.start)
    if first == 0:
        return None
    before = syntax.tokens[first - 1]
    if text[before.end:sentence.start].strip(" \n\"”’'.!?)"):
        return None  # (the parse may skip a sentence: the word before must end the sentence right before)
    root = before.head
    while syntax.tokens[root].head != root:
        root = syntax.tokens[root].head
    subjects = [c for c in syntax.children(root) if syntax.tokens[c].dep in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    said = syntax.tokens[subjects[0]]
    named = {link.record.id: link.record for link in links if link.start < said.end and said.start < link.end}
    if len(named) != 1:
        return None
    record = next(iter(named.values()))
    return record if record.type != "person" and trigger.spec.key in record.facts else None


def _referent(text: str, tokens: list[Token], starts, sentence: Sentence, referents: dict[str, list[Record]], trigger: _Trigger,
              syntax: Syntax | None, links=()) -> Record | None:
    """The one record of the fact's type, holding the fact, whose own noun the trigger's clause uses
    after a determiner ("the deal", "the all-cash acquisition"; not the "Election" of "the Election
    Commission", nor "the contest" of "The contest began after Johnson announced on 7 July")."""
    spec = trigger.spec
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end)
    words = [token.norm for token in tokens[first:last]]
    found = set()
    for i, word in enumerate(words):
        token = tokens[first + i]
        # "Council leader Ian Ward": the record's noun as the first word of the fact's own words (a
        # title before a name), whatever its case; else "the council", after a determiner
        titled = (first + i == trigger.first and trigger.last - trigger.first >= 2) or \
            (first + i == trigger.first - 1 and text[token.start].isupper() and token.end + 1 == tokens[trigger.first].start)
        for record in referents.get(word, ()):
            if record.type != spec.entity_type or spec.key not in record.facts:
                continue
            before = words[max(0, i - 3):i]
            proper = not any(re.search(rf"\b{re.escape(word)}\b", name) for name in record.names) \
                and not any(word in kin for kin in KIN_NOUNS)  # "Key Bridge"; but "the transaction" is a deal's common noun
            # the noun of a name, right after its determiner ("the bridge"; "the physics prize" is another)
            if proper and (titled or not before or before[-1] not in DETERMINERS
                           or not _only_one_named(text, word, record, links, sentence.start)):
                continue
            if not titled and (not text[token.start].islower() or not any(w in DETERMINERS for w in before)
                               or not _plain_modifiers(before) or _names_a_part(before, word, record)):
                continue
            if not titled and syntax is not None and _other_kind(syntax, text, token, record):
                continue
            reference = EntityLink(record, token.start, token.end, text[token.start:token.end], record.name, True)
            if titled or syntax is None or _speaks_of(syntax, tokens, trigger, reference):
                found.add(record)
    return found.pop() if len(found) == 1 else None


def _object_referent(syntax: Syntax, text: str, tokens, trigger: _Trigger, referents: dict[str, list[Record]]) -> Record | None:
    """The one record of the fact's type, holding the fact, whose own noun is the direct object of the
    fact's verb, after a determiner ("announced the deal", "completed the acquisition")."""
    verb = _trigger_root(syntax, tokens, trigger)
    if verb is None or not syntax.tokens[verb].tag.startswith("VB"):
        return None
    spec = trigger.spec
    for child in syntax.children(verb):
        token = syntax.tokens[child]
        if token.dep != "dobj":
            continue
        if not any(syntax.tokens[c].dep == "det" and text[syntax.tokens[c].start:syntax.tokens[c].end].lower() in DETERMINERS
                   for c in syntax.children(child)):
            continue
        noun = text[token.start:token.end].lower()
        found = [r for r in referents.get(noun, ()) if r.type == spec.entity_type and spec.key in r.facts
                 and any(re.search(rf"\b{re.escape(noun)}\b", name.lower()) for name in r.names)]
        if len(found) == 1:
            return found[0]
    return None


def _other_kind(syntax: Syntax, text: str, token: Token, record: Record) -> bool:
    """Does a noun before the record's noun name another of its kind ("the physics prize" for a
    record "literature prize", "the Bay bridge")? A noun the record's own names hold does not."""
    noun = syntax.span_root(token.start, token.end)
    if noun is None:
        return False
    own = {word.lower() for name in record.names for word in re.findall(r"[\w'’]+", name)}
    # a name whose noun has a plain word before it ("literature prize") is one of a kind that plain
    # words tell apart; "Microsoft acquisition" is not, and "the all-cash acquisition" is the same one
    kinds_told_apart = any(re.search(rf"\b[a-z][\w'’]*\s+{re.escape(text[token.start:token.end].lower())}\b", name)
                           for name in record.names)
    for child in syntax.children(noun):
        modifier = syntax.tokens[child]
        word = text[modifier.start:modifier.end]
        if modifier.dep != "compound" or word.lower() in own or text[max(0, modifier.start - 1):modifier.start] == "-":
            continue
        if word[:1].isupper() or kinds_told_apart:
            return True
    return False


def _only_one_named(text: str, noun: str, record: Record, links, before: int) -> bool:
    """Is "the bridge" the Francis Scott Key Bridge? Only when the article has named the record
    before, and every name it gives that ends in the noun is one the records know ("Key Bridge", or
    the "Key Bridge collapse" of another record; not an unknown "Bay Bridge")."""
    if not any(link.record is record and link.start < before for link in links):
        return False
    for match in re.finditer(rf"\b(?:[A-Z][\w'’.-]*\s+)+{noun.capitalize()}\b", text):
        if not any(link.start <= match.end() - len(noun) and match.end() <= link.end for link in links):
            return False
    return True


def _plain_modifiers(words: list[str]) -> bool:
    """Only a determiner and adjectives before the noun: not "the 2019 final" or "that other deal"."""
    after = words[max((i for i, w in enumerate(words) if w in DETERMINERS), default=0):]
    return not any(w.isdigit() or w in ("other", "previous", "last", "earlier", "first", "original", "another", "that") for w in after)


def _names_a_part(words: list[str], noun: str, record: Record) -> bool:
    """Does a word before the noun name one of the record's own parts ("the men's final" beside
    `mens_final: {date: …}` in the women's final's record)? Then the phrase is that part, not the record."""
    keys = {key.split(".")[0] for key in record.facts}
    return any(f"{stem}_{noun}" in keys or f"{stem}s_{noun}" in keys  # (the words drop their "'s": "men" for `mens_final`)
               for word in words if word not in DETERMINERS for stem in [re.sub(r"[^a-z0-9]", "", word)])


DETERMINERS = {"the", "this", "its", "his", "her", "their", "our"}  # not "that": "that mission" is often another


def _names_type_noun(tokens: list[Token], starts, sentence: Sentence, nouns: set[tuple[str, ...]]) -> bool:
    """Does the sentence say "the film" (or "the phones", a line-up's)? Only right after a determiner:
    "the 2026 race" or "the original film" may be another entity of the type."""
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end)
    words = [token.norm for token in tokens[first:last]]
    for noun in nouns:
        for i in range(1, len(words) - len(noun) + 1):
            said = tuple(words[i:i + len(noun)])
            if (said == noun or said[:-1] == noun[:-1] and said[-1] == noun[-1] + "s") and (words[i - 1] in DETERMINERS or
                                                          i >= 2 and words[i - 1] in CURRENT and words[i - 2] in DETERMINERS):
                return True
    return False


# "the new film", "the latest mission": the one the article is about, not another of its kind
CURRENT = {"new", "latest", "upcoming", "forthcoming", "current"}


def _topic(links: list[EntityLink], entity_type: str, before: int) -> Record | None:
    """What "the film" or an unnamed cast list is about: the entity of this type the
    article names most often (its subject), the one named last before this sentence on a tie."""
    counts: dict[str, int] = {}
    typed = [link for link in links if link.record.type == entity_type]
    # only the records' entities: a name the article merely repeats is a subject where the sentence
    # names it, never by default ("the chief executive" of a company the article only mentions)
    links = [link for link in typed if link.record.origin != ARTICLE_ORIGIN]
    for link in links:
        if link.record.type == entity_type:
            counts[link.record.id] = counts.get(link.record.id, 0) + 1
    if not counts:
        return None
    most = max(counts.values())
    earlier = [l.record for l in links if l.record.type == entity_type and l.start < before and counts[l.record.id] == most]
    if earlier:
        return earlier[-1]
    return next(l.record for l in links if counts.get(l.record.id) == most)
