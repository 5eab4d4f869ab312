"""near-miss: a known title or name written with a typo ("Part On" for "Part One").

Known names are the records' names and aliases, the people the records name
as fact values (cast, director …), and multi-word names the article itself
repeats: a form written once beside a form written several times is a typo.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from rapidfuzz.distance import OSA

from factcheck.checks.base import CheckKind
from factcheck.model import ARTICLE_ORIGIN
from factcheck.model import Analysis, ByPosition, Evidence, Finding
from factcheck.names import INSTITUTION_WORDS, TITLE_SMALL_WORDS, NameIndex, capitalised_in, elided_capital, set_off_as_a_title, written_like
from factcheck.text import is_common_word, name_key, tokenize



def run(analysis: Analysis, rule) -> Iterator[Finding]:
    sources = set(KIND.param(rule, "sources"))
    text = analysis.document.text
    if "records" in sources:
        for link in analysis.links:
            if not link.exact and link.record.origin != ARTICLE_ORIGIN:
                yield _finding(rule, text, link.start, link.text, link.matched_name,
                               Evidence(record=link.record.id, fact="name", value=link.matched_name, source=link.record.source))
        yield from _one_word_slips(analysis, rule)
    known: dict[tuple[str, ...], tuple[str, Evidence]] = {}
    if "record-values" in sources:
        known.update(analysis.records.facts_memo("near-miss:record-values", _record_values))
    if "article" in sources:
        counts = Counter(name_key(m.text) for m in analysis.mentions if m.kind in ("person", "org", "work", "event", "product"))
        for mention in analysis.mentions:
            key = name_key(mention.text)
            if len(key) >= 2 and counts[key] >= KIND.param(rule, "min_repeats"):
                line, _ = analysis.document.position(mention.start)
                known.setdefault(key, (mention.text, Evidence(value=mention.text, source=f"written so {counts[key]} times in this article, first on line {line}")))
    if not known:
        return
    tokens = analysis.tokens
    starts = analysis.token_starts
    taken = {i for link in analysis.links for i in range(bisect.bisect_left(starts, link.start), bisect.bisect_left(starts, link.end))}
    index = NameIndex(known) if "article" in sources else \
        analysis.records.facts_owner().memo(("near-miss:index", frozenset(sources)), lambda: NameIndex(known))
    capitalised = capitalised_in(text, tokens)
    exact_spans = {(hit.first, hit.last) for hit in index.exact(tokens, capitalised)}
    people = ByPosition([m for m in analysis.mentions if m.kind == "person"])

    def person_at(first: int, last: int) -> bool:  # the recogniser's person, for a name the records give as a value
        return bool(people.holding(tokens[first].start, tokens[last - 1].end))

    source = analysis.document.source

    def quoted_at(first: int, last: int) -> bool:
        return set_off_as_a_title(source, tokens[first].start, tokens[last - 1].end)

    written_names = analysis.records.written_names()
    for hit in index.near(tokens, taken, capitalised, person_at=person_at, quoted_at=quoted_at):
        if (hit.first, hit.last) in exact_spans:
            continue
        if _written_by_the_records(tokens, hit, written_names):
            continue  # a name the records themselves write ("World Health Assembly"), not a slip for another
        if _inside_longer_name(text, tokens, hit) and any(tokens[i].norm in INSTITUTION_WORDS for i in hit.wrong_words):
            continue  # "the European Data Protection Board": a longer name of its own, not the Data Protection Commission
        name, evidence = known[hit.key]
        if not written_like(text, tokens, hit, name):
            continue
        start, end = tokens[hit.first].start, tokens[hit.last - 1].end
        yield _finding(rule, text, start, text[start:end], name, evidence)




def _written_by_the_records(tokens, hit, written_names: frozenset) -> bool:
    """Do the records write the name as the article does — the whole hit or any run of two words or more
    holding its wrong words ("Lt. Gen. Osama Rabei" where the records list "Osama Rabei" among the
    spellings of the chief's name)?"""
    wrong = set(hit.wrong_words) or set(range(hit.first, hit.last))
    for first in range(hit.first, hit.last - 1):
        for last in range(first + 2, hit.last + 1):
            if wrong <= set(range(first, last)) and tuple(token.norm for token in tokens[first:last]) in written_names:
                return True
    return False


MIN_ONE_WORD = 7  # letters: shorter one-word names are too often another word one letter off


def _one_word_slips(analysis: Analysis, rule) -> Iterator[Finding]:
    """A one-word name of the records written with one letter added, dropped, changed or two swapped
    inside it ("Craftpia" for Craftopia, "Wanderlust" for Wonderlust, "Unicron" for Unicorn). Only long names, and never at either end, where a word
    changes its form, not its spelling ("Kenya"/"Kenyan", "Oscar"/"Oscars", "Marines"/"Mariners")."""
    names = analysis.records.facts_memo("near-miss:one-word-names", _one_word_names)
    if not names:
        return
    text = analysis.document.text
    linked = ByPosition(list(analysis.links))
    written = {token.norm for token in analysis.tokens}
    for token in analysis.tokens:
        word = text[token.start:token.end]
        if len(word) < MIN_ONE_WORD or not word[:1].isupper() or not word.isalpha() or linked.holding(token.start, token.end):
            continue
        alike = names.get((token.norm[:1], token.norm[-2:]), {})
        if token.norm in alike:
            continue  # a name of the records itself ("Olympiacos", whose record keeps "Olympiakos" too), however linked
        # (two letters swapped just before the last one, which the index of last letters cannot see: "Unicron" for
        # Unicorn — the last letter kept, no ending changed)
        unswapped = token.norm[:-3] + token.norm[-2] + token.norm[-3] + token.norm[-1]
        if unswapped != token.norm and unswapped not in written and unswapped in names.get((unswapped[:1], unswapped[-2:]), {}):
            alike = {unswapped: names[(unswapped[:1], unswapped[-2:])][unswapped]}
        for norm, (name, record) in alike.items():
            if norm in written or OSA.distance(token.norm, norm) != 1:
                continue  # the right form is in the article too: another word, not a slip of this one
            if any(token.norm in name_key(other) for other in record.names):
                continue  # the record writes it so too ("Chernobyl nuclear accident", aliased "Chornobyl"): a spelling it knows
            yield rule.finding(
                rule.message("misspelt", written=word, suggestion=name, name=name), token.start, token.end, word, suggestion=name,
                evidence=Evidence(record=record.id, fact="name", value=name, source=record.source))
            break


def _one_word_names(records: list) -> dict:
    """(first letter, last two) → {folded name: (name, record)} for the records' one-word names."""
    found: dict = {}
    for record in records:
        if record.origin == ARTICLE_ORIGIN:
            continue
        # its names, and the one-word names its facts give ("Bridgerton (season 2)" as a title the chart kept)
        values = [re.sub(r"\s*\([^)]*\)", "", text).strip() for values in record.facts.values() for value in values
                  for text in (value.value, value.qualifiers.get("detail")) if isinstance(text, str)]
        for name in [*record.names, *(value for value in values if re.fullmatch(r"[A-Z][a-z]+", value))]:
            key = name_key(name)
            if len(key) == 1 and len(key[0]) >= MIN_ONE_WORD and key[0].isalpha() and not is_common_word(name):
                found.setdefault((key[0][:1], key[0][-2:]), {}).setdefault(key[0], (name, record))
    return found


def _inside_longer_name(text: str, tokens, hit) -> bool:
    """Is the window part of a longer run of capitalised words (not counting a sentence's first word)?"""
    if hit.first > 0:
        before = tokens[hit.first - 1]
        lead = text[:before.start].rstrip()
        if text[before.start:before.start + 1].isupper() and lead and lead[-1] not in ".!?\n\"“'‘:":
            return True
    return hit.last < len(tokens) and text[tokens[hit.last].start:tokens[hit.last].start + 1].isupper() \
        and tokens[hit.last].start - tokens[hit.last - 1].end <= 1


def _record_values(records: list) -> dict:
    known = {}
    for record in records:
        for fact, values in record.facts.items():
            for value in values:
                for text in (value.value, value.qualifiers.get("detail")):
                    if not isinstance(text, str):
                        continue
                    for name in _names_in(text):
                        known.setdefault(name_key(name), (name, Evidence(record=record.id, fact=fact, value=text, source=record.source)))
    return known


_CONNECTORS = {"of", "the", "and", "de", "la", "le", "du", "von", "van", "der", "for", "on", "in", "at", "y", "da", "al", "bin",
               "a", "an", "to", "with", "from", "by"}  # (and a title's small words: "Girl with a Pearl Earring")


def _names_in(text: str) -> list[str]:
    """The names a record's text value holds: "Erwin Bach (married July 2013)" → Erwin Bach;
    "Maryland Transportation Authority (MDTA)" → the authority; "Farage, Tice and Lowe" → each."""
    outside = re.sub(r"\s*\([^)]*\)", "", text).strip()
    parts = [outside, *re.split(r"\s*(?:;|,|\band\b|&)\s*", outside)]
    return [part for part in dict.fromkeys(p.strip() for p in parts) if _looks_like_name(part)]


def _looks_like_name(value: str) -> bool:
    words = value.split()
    return len(words) >= 2 and words[0][:1].isupper() and _capitalised(words[-1]) \
        and all(_capitalised(word) or word.lower() in _CONNECTORS for word in words)


def _capitalised(word: str) -> bool:
    """A capitalised word, or one elided onto a capitalised one ("d'Alger", "l'Équipe")."""
    return word[:1].isupper() or elided_capital(word)


def _finding(rule, text: str, start: int, written: str, name: str, evidence: Evidence) -> Finding:
    """Point at the misspelt word with one neighbour, so that the suggestion reads on its own:
    "Part On" → "Part One", "Harrogate Rovers" → "Harrowgate Rovers"."""
    written_tokens = tokenize(written)
    name_tokens = tokenize(name)
    wrong = [i for i, (a, b) in enumerate(zip(written_tokens, name_tokens)) if a.norm != b.norm]
    one_word = len(written_tokens) == len(name_tokens) and len(wrong) == 1
    # (a title's small word slipped for another, "of the" for "of a": the whole title reads on its own)
    small = one_word and all(tokens[wrong[0]].norm in TITLE_SMALL_WORDS for tokens in (written_tokens, name_tokens))
    if one_word and not small:
        i = wrong[0]
        first, last = (i - 1, i) if i > 0 else (i, min(i + 1, len(written_tokens) - 1))
        span_start, span_end = written_tokens[first].start, written_tokens[last].end
        suggestion = name[name_tokens[first].start:name_tokens[last].end]
        shown = written[span_start:span_end]
        start, written_span = start + span_start, shown
    else:
        written_span, suggestion = written, name
    return rule.finding(
        rule.message("misspelt", written=" ".join(written_span.split()), suggestion=suggestion, name=name),
        start, start + len(written_span), written_span, suggestion=suggestion, evidence=evidence,
    )


KIND = CheckKind(
    name="near-miss",
    run=run,
    summary="a known title or name is written with a typo",
    params={
        "sources": ((list,), ["records", "record-values", "article"]),
        "min_repeats": ((int,), 2),
    },
    messages=('misspelt',),
)
