"""ordinal-count: "the Chiefs' fourth Super Bowl title" when the records count three.

An ordinal says how many of a thing its owner has had: "Alcaraz's third Grand Slam
title" is a third only if he has won at least three. The records often keep that count
in their own words (`grand_slam_titles_after_final: 2`, `super_bowl_titles: [IV, LIV,
LVII]`). The ordinal's noun phrase is read from the parse (its noun, the nouns and
adjectives before it; "for the third time" takes its verb: `host_time_number`), its
owner is the noun's possessor or the subject of the verb that has it as object (a
pronoun is the nearest named owner of its kind before it), and a fact of that owner's
record whose key says no more than the phrase (`titles` counts every title, so a key
broader than the phrase only allows more) bounds the ordinal:
- a count (or a list, counted by its items) that includes the present one: the ordinal
  can be at most the count; one more only when the sentence speaks of a bid ("chasing a
  fifth title") or denies it;
- a count the key says is from before (`titles_going_in`, `previous_wins`): at most one more,
  whatever the sentence says ("chasing a ninth title" with seven before is still one too many);
- a place in a series (`host_time_number: 4`) said of its owner: exactly that place.
A count the records date before the article (`titles_as_of_2020`) says nothing of now.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from factcheck.checks._common import format_number_like
from factcheck.checks.base import CheckKind
from factcheck.facts import GENERIC_WORDS, ORDINAL_KEY_WORDS, describe_key, is_average, word_base
from factcheck.lexicon import word_value
from factcheck.model import Analysis, EntityLink, Evidence, NumberValue, Record

# a key's words after one of these say when its count was taken, not what it counts
_BEFORE_WORDS = {"before", "prior", "previous", "earlier", "going", "entering", "heading", "ahead", "pre"}
_WHEN_PREPOSITIONS = {"after", "at", "as", "through", "following", "post", "incl", "including"} | _BEFORE_WORDS
# what a count "at"/"after" is taken at: the occasion itself, not a place that narrows what is counted
_OCCASION_WORDS = {"final", "finals", "start", "end", "time", "event", "ceremony", "match", "game", "race", "tournament",
                   "publication", "retirement", "death", "win", "victory", "close", "today", "now", "announcement", "launch"}
# a sentence about the next one, not one already had: "chasing a fifth title", "denied him an eighth"
_BID = re.compile(r"\b(?:chas\w*|bid\w*|seek\w*|sought|aim\w*|hop(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|attempt\w*|quest|pursu\w*|"
                  r"going\s+for|go\s+for|goes\s+for|shot\s+at|eye\w*|target\w*|deni\w*|deny\w*|depriv\w*|miss\w*|fail\w*|"
                  r"could|would|will|can|may|might|shall|should|if|unless|whether|hunt\w*|pursuit|in\s+line\s+for|"
                  r"on\s+course\s+for|next|record-equall?ing|record-tying|record-extending|potential\w*|possible|bidding)\b",
                  re.IGNORECASE)
# the words of a key that say it is a figure, or of everything ("career_titles" counts them all); not "final":
# `grand_slam_final_number` counts finals, not titles
_FIGURE_WORDS = {"number", "no", "num", "n", "count", "total", "tally", "of", "the", "a", "an", "overall", "career", "all"}
# the nouns copy uses for a key's word ("his 94th career victory" for `career_win_number`)
_SAME = {word_base("victory"): "win", word_base("championship"): word_base("title"), word_base("crown"): word_base("title")}
_PLACE_WORDS = {"number", "no", "num", "n", "of", "the", "a", "an"}
# what an ordinal before an event's name counts ("her fifth Olympics", "his third Vendée Globe"): taking part
_TAKING_PART = {word_base(w) for w in ("starts", "appearances", "participations", "entries", "outings", "editions")}
_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "thing", "their": None}


def run(analysis: Analysis, rule) -> Iterator:
    yield from _ranks(analysis, rule)
    syntax = analysis.syntax
    if syntax is None or not analysis.links:
        return
    text = analysis.document.text
    claimed = {claim.value.start for claim in analysis.claims}
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or not value.ordinal or not value.exact \
                or not 2 <= value.value <= 500 or mention.start in claimed:
            continue
        modified = syntax.modified_noun(mention.start, mention.end)  # ("his sixth world final": "final")
        if modified is None:
            continue
        word, noun = modified
        if not _a_noun(syntax.tokens[noun]) or noun < word or noun - word > 4 \
                or any(syntax.tokens[i].dep in ("cc", "punct", "conj") for i in range(word + 1, noun)):
            continue  # "his ninth Wimbledon final and 35th Grand Slam final": the ordinal is the first noun's
        phrase = _phrase_words(syntax, text, noun, word)
        owner = _owner(analysis, noun)
        if owner is None:
            continue
        sentence = analysis.sentence_of(mention.start)
        for key, values in owner.record.facts.items():
            bound = _bound(key, values, phrase, analysis.document.published)
            if bound is None:
                continue
            count, kind = bound
            stated = int(value.value)
            if kind == "place":
                wrong = stated != count
                allowed = count
            else:
                # a count from before allows the next one; so does a count with the present one when the
                # sentence chases or denies the next ("chasing a fifth title")
                slack = 1 if kind == "before" or _BID.search(text[sentence.start:sentence.end]) else 0
                wrong = stated > count + slack
                allowed = count + slack
            if not wrong:
                continue
            shown = format_number_like(mention, float(allowed))
            written = " ".join(key.split("_"))
            yield rule.finding(
                rule.message("place" if kind == "place" else "count", stated=mention.text, owner=owner.record.name,
                             fact=written, recorded=count, allowed=shown),
                mention.start, mention.end, analysis.document.source[mention.start:mention.end],
                suggestion=shown,
                evidence=Evidence(record=owner.record.name, fact=key, value=_shown(values), source=owner.record.source),
            )
            break


def _a_noun(token) -> bool:
    """A noun, or a word the tagger took for an adjective where a noun stands ("in his sixth world final")."""
    return token.tag.startswith("NN") or token.tag == "JJ" and token.dep in ("pobj", "dobj", "nsubj", "nsubjpass", "attr")


# a rank written as an ordinal joined to a superlative: "third-wettest day", "second-busiest airport"
_SUPERLATIVE_AFTER = re.compile(r"-((?:most|least)[- ][a-z]+|[a-z]{3,}est|best|worst)\b(?:\s+([a-z]+))?", re.IGNORECASE)
_RANK_IN_TEXT = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th)|[a-z]+)[- ]((?:most|least)[- ][a-z]+|[a-z]{3,}est|best|worst)\b(?:\s+([a-z]+))?",
                           re.IGNORECASE)
_RANK_WORDS = {"rank", "ranking", "place", "position"}
_SPANS = {"hour", "day", "night", "week", "month", "season", "year", "decade"}


def _ranks(analysis: Analysis, rule) -> Iterator:
    """"the city's third-wettest day" where a record the sentence names keeps "fifth-wettest day on
    record" (or `wettest_day_rank: 5`): one superlative, of one noun, at two places. The record is
    named by a link or by its name inside a longer one ("Palm Springs International Airport")."""
    text = analysis.document.text
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or not value.ordinal or not value.exact:
            continue
        joined = _SUPERLATIVE_AFTER.match(text, mention.end)
        if joined is None:
            continue
        superlative, noun = joined.group(1).lower().replace(" ", "-"), (joined.group(2) or "").lower()
        kept = analysis.records.facts_memo("ordinal-count:ranks", _recorded_ranks).get(superlative, ())
        if not kept:
            continue
        sentence = analysis.sentence_of(mention.start)
        said = text[sentence.start:sentence.end]
        linked = {link.record.id for link in analysis.links if link.exact and sentence.start <= link.start < sentence.end}
        found = [(record, key, place) for record, key, place, other in kept
                 if (record.id in linked or any(re.search(rf"\b{re.escape(name)}\b", said) for name in record.names))
                 and (not noun or not other or word_base(noun) == word_base(other))]  # "fifth-wettest year" is no day's
        if len({place for _, _, place in found}) != 1:
            continue  # none, or the records disagree among themselves
        record, key, place = found[0]
        if place == int(value.value):
            continue
        shown = format_number_like(mention, float(place))
        yield rule.finding(
            rule.message("place", stated=f"{mention.text}-{superlative}", owner=record.name, fact=key,
                         allowed=f"{shown}-{superlative}"),
            mention.start, mention.end, analysis.document.source[mention.start:mention.end],
            suggestion=shown,
            evidence=Evidence(record=record.name, fact=key, value=_shown(record.facts[key]), source=record.source),
        )


def _recorded_ranks(records: list[Record]) -> dict[str, list[tuple[Record, str, int, str]]]:
    """By superlative, the places the records give it, with the noun it ranks: in a text ("fifth-wettest
    day on record") or as a number under a key that names it (`wettest_day_rank: 5`)."""
    found: dict[str, list] = {}
    for record in records:
        for key, values in record.facts.items():
            words = [w for w in re.split(r"[_\W]+", key.lower()) if w]
            for fact in values:
                if isinstance(fact.value, str):
                    for match in _RANK_IN_TEXT.finditer(fact.value):
                        place = _ordinal_value(match.group(1))
                        if place is not None:
                            superlative = match.group(2).lower().replace(" ", "-")
                            found.setdefault(superlative, []).append((record, key, place, (match.group(3) or "").lower()))
                elif isinstance(fact.value, int) and not isinstance(fact.value, bool) and set(words) & _RANK_WORDS:
                    for word in words:
                        if word.endswith("est") and len(word) >= 6 or word in ("best", "worst"):
                            # the span it ranks, when the key says one (`wettest_day_rank`); its other words
                            # are as often a scope (`busiest_rank_uk`)
                            spans = [w for w in words if w in _SPANS]
                            found.setdefault(word, []).append((record, key, fact.value, spans[0] if len(spans) == 1 else ""))
    return found


def _ordinal_value(written: str) -> int | None:
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", written, re.IGNORECASE)
    if digits:
        return int(digits.group(1))
    read = word_value(written)
    return int(read[0]) if read is not None and read[1] else None


def _shown(values) -> str:
    if len(values) == 1:
        return str(values[0])
    return f"{len(values)} listed: " + "; ".join(str(v) for v in values)


def _phrase_words(syntax, text: str, noun: int, number: int) -> set[str]:
    """The word bases of what the ordinal counts: its noun with the words between ("Super Bowl
    title", "consecutive increase"); "the third time" counts what its verb does."""
    found = {_base(syntax, text, i) for i in range(number + 1, noun + 1) if syntax.tokens[i].tag != "CD"}
    found |= {_SAME[word] for word in found if word in _SAME}
    if syntax.tokens[noun].tag.startswith("NNP"):
        found |= _TAKING_PART  # "his third Vendée Globe": his third start in it
    if _base(syntax, text, noun) == "time":
        verb = next((i for i in syntax.ancestors(noun)[:3] if syntax.tokens[i].tag.startswith("VB")), None)
        if verb is not None:
            found.add(_base(syntax, text, verb))
    return found


def _base(syntax, text: str, index: int) -> str:
    token = syntax.tokens[index]
    return _folded(word_base((token.lemma or text[token.start:token.end]).lower()))


def _folded(word: str) -> str:
    """A word without its accents: a key is written `vendee_globe_starts`, copy "Vendée Globe"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# words that make a dated key a running total to that time, not one year's count
_CUMULATIVE_WORDS = {"after", "before", "by", "through", "until", "since", "as", "career", "total", "all", "overall"}


def _bound(key: str, values, phrase: set[str], published) -> tuple[int, str] | None:
    """The count (or place) a fact gives the ordinal's phrase, and how to read it: "after" (the count
    with the present one), "before" (without it), "place" (the place itself); None when the fact is no
    count of what the phrase says."""
    if is_average(key) or "." in key:
        return None
    parts = [p for p in re.split(r"[_\W]+", key.lower()) if p]
    meaning = describe_key(key)
    if meaning.unit is not None or meaning.quarter is not None:
        return None
    if meaning.year is not None and (published is None or meaning.year != published.year):
        return None  # `wins_2019`: another year's count; `win_number_at_2020_turkish_gp` in a 2020 article is now
    if meaning.as_of is not None and published is not None and (published - meaning.as_of).days > 31:
        return None  # counted long before the article
    cut = next((i for i, part in enumerate(parts) if i and part in _WHEN_PREPOSITIONS), len(parts))
    head, when = parts[:cut], parts[cut:]
    before = bool(set(parts) & _BEFORE_WORDS)
    if when and when[0] == "at" and not set(when[1:]) <= _OCCASION_WORDS | GENERIC_WORDS and meaning.year is None:
        return None  # `titles_at_wimbledon`: a narrower count than the phrase says; `titles_after_lvii` is a time
    place = bool(head) and head[-1] in ORDINAL_KEY_WORDS
    if meaning.year is not None and not place and not meaning.scope and not set(parts) & _CUMULATIVE_WORDS:
        return None  # `ascents_2024`: that year's count, not the "30th ascent" of a career (`titles_after_wimbledon_2023` is one)
    # a count's key may be broader than the phrase (it only allows more); a place's must say as much as
    # the phrase: `career_win_number: 94` is no "tenth win" of a season
    skipped = _PLACE_WORDS if place else _FIGURE_WORDS
    wanted = {_folded(word_base(p)) for p in head if p not in skipped and p not in ORDINAL_KEY_WORDS and p not in _BEFORE_WORDS
              and p.isalpha()}
    if not wanted or not all(word in phrase or _adjective_of(word, phrase) for word in wanted):
        return None
    plain = [v.value for v in values]
    if any(isinstance(v, bool) for v in plain) or any(_dated_otherwise(v, published) for v in values):
        return None
    if len(plain) == 1 and isinstance(plain[0], int) and 1 <= plain[0] <= 1000:
        if place:
            return plain[0], "place"
        return plain[0], "before" if before else "after"
    if len(plain) >= 2 and not place and meaning.words and meaning.words[-1].endswith("s") \
            and all(isinstance(v, str) or isinstance(v, int) and 1000 <= v <= 2300 for v in plain):
        return len(plain), "before" if before else "after"  # `super_bowl_titles: [IV, LIV, LVII]`, `titles: [2011, 2014]`
    return None


def _adjective_of(word: str, phrase: set[str]) -> bool:
    """Is the key's word the adjective of a noun of the phrase (`presidential_ordinal` of "the 39th president")?"""
    return any(word.endswith(ending) and word[:-len(ending)] in phrase for ending in ("ial", "al"))


def _dated_otherwise(value, published) -> bool:
    """Is a value dated to another time than the article's (`{value: 3, as_of: 2019-06-01}`, a 2019
    figure in a 2020 article)?"""
    year = value.qualifiers.get("year")
    if year is not None and (published is None or year != published.year):
        return True
    as_of = value.qualifiers.get("as_of")
    if isinstance(as_of, dt.date) and published is not None and (published - as_of).days > 31:
        return True
    return as_of is not None and not isinstance(as_of, dt.date)


def _owner(analysis: Analysis, noun: int) -> EntityLink | None:
    """The record whose count the noun is: its possessor ("Alcaraz's third title", "his fourth term"),
    or the subject of the verb it is the object of ("Alcaraz won a third title")."""
    syntax = analysis.syntax
    token = syntax.tokens[noun]
    candidates = [c for c in syntax.children(noun) if syntax.tokens[c].dep == "poss"]
    if not candidates and token.dep == "dobj" and syntax.tokens[token.head].tag.startswith("VB"):
        verb = token.head
        candidates = [c for c in syntax.children(verb) if syntax.tokens[c].dep == "nsubj"]
        # "Djokovic had won … and was chasing a ninth title": a joined verb shares its first verb's subject
        while not candidates and syntax.tokens[verb].dep == "conj" and syntax.tokens[syntax.tokens[verb].head].tag.startswith("VB"):
            verb = syntax.tokens[verb].head
            candidates = [c for c in syntax.children(verb) if syntax.tokens[c].dep == "nsubj"]
    for candidate in candidates:
        owner = _named(analysis, candidate)
        if owner is not None:
            return owner
    if token.dep == "appos":
        # "Carter, the nation's 38th president, served …": the name the noun is set beside is the one it counts
        return _named(analysis, token.head)
    return None


def _named(analysis: Analysis, index: int) -> EntityLink | None:
    """The exact link a word is part of, or, for a possessive pronoun, the last one before it of the
    pronoun's kind that was a subject (else the nearest), in its sentence or the two before."""
    syntax = analysis.syntax
    token = syntax.tokens[index]
    inside = [link for link in analysis.links if link.exact and link.start <= token.start < link.end]
    if inside:
        return inside[0]
    pronoun = analysis.document.text[token.start:token.end].lower()
    if pronoun not in _POSSESSIVE_PRONOUNS:
        return None
    kind = _POSSESSIVE_PRONOUNS[pronoun]
    clause = syntax.clause(index)
    if syntax.tokens[clause].dep == "relcl":
        # "Djokovic, who had won his 23rd title": the pronoun in a relative clause is its noun's
        noun = syntax.tokens[syntax.tokens[clause].head]
        return next((link for link in analysis.links if link.exact and link.start <= noun.start < link.end), None)
    sentence = analysis.sentence_of(token.start)
    earlier = [s for s in analysis.sentences if s.end <= sentence.start][-2:]  # two sentences back at most
    start = earlier[0].start if earlier else sentence.start
    before = [link for link in analysis.links if link.exact and start <= link.start < token.start
              and (kind is None or (link.record.type == "person") == (kind == "person"))]
    # the last one that was a subject ("Lewis Hamilton clinched …, drawing level with Michael Schumacher's
    # record. … It was his 93rd career victory": Hamilton's), else the nearest
    subjects = [link for link in before if (root := syntax.span_root(link.start, link.end)) is not None
                and syntax.tokens[root].dep in ("nsubj", "nsubjpass")]
    return (subjects or before or [None])[-1]


KIND = CheckKind(
    name="ordinal-count",
    run=run,
    summary="an ordinal is more than the records' count of the same thing for its owner",
    messages=("count", "place"),
)
