"""figure-slip: a figure the article gives that is a typist's slip of one of the records' figures.

A name near-miss ("Part On" for "Part One") has a figure twin: "the jury heard from 54 witnesses"
against `witnesses: {total: 45}`, "the 27-storey block" against `storeys: 24`. The record need not be
named in the sentence, only somewhere in the article (one named in the sentence ties the figure
through a claim, and the record-fact checks judge it). What ties the figure to the fact is what it
counts — the word after it, past its unit and scale, is the head of the fact's key ("54 witnesses",
"91 matches", "221 balls" of `balls_faced`) — and the slip itself: one digit changed, or two neighbouring digits swapped, in the
figure as the records write it at the article's scale. A rounded amount with two digits swapped
("almost $558 million" against "almost 585 million") needs only a word of the key near it; an exact
long one is transposed-figure's.

Measured on the blind corpora, a slip is often chance, so much is left alone: a figure any fact of
those records gives, as written or rounded ("16,000 dead" of 15,900: that fact's); one in a sentence
naming another person, organisation or work, by the recogniser or the parse's proper nouns
("Labuschagne … finishing on 58 not out from 110 balls" beside Head's 120: the figure may be theirs), unless
the record's own name stands between that name and the figure ("Gill made 91, and Pujara ground out 56 from 221 balls");
a year; a figure that slips two facts at once; and one whose sentence is about another year than the
fact's (`_common.in_scope`). (Tried and dropped: a sibling of the fact stated beside the figure, and
two words of the key within eight words, as ties — 40 false alarms for 29 errors found.)
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.facts import GENERIC_WORDS, VAGUE_WORDS, describe_key, fact_key_words, is_average, word_base
from factcheck.model import Analysis, Claim, Evidence, FactValue, Mention, NumberValue, Record
from factcheck.records import written_amount

NEAR = 8  # words either side of the figure in which the key's words count
# words between a figure and what it counts: its unit or scale ("$558 million", "42.7 degrees Celsius")
_UNIT_WORDS = {"million", "billion", "trillion", "thousand", "bn", "m", "k", "per", "cent", "percent", "percentage", "points",
               "point", "degrees", "degree", "celsius", "fahrenheit", "c", "f", "of", "its", "their", "his", "her", "the",
               "us", "dollars", "pounds", "euros", "kronor", "yen"}
# a text value that is one figure after a qualifier: "almost 585 million" (the figure read as the records read amounts)
_QUALIFIED = re.compile(r"^(?:about|around|almost|nearly|roughly|some|over|more than|under|less than|just over|just under)\s+(.+)$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class _Figure:
    record: Record
    fact: str
    value: float
    unit: str
    kept: FactValue
    counted_in_text: bool = False  # read from a records' text with the noun it counts ("120 balls")


def run(analysis: Analysis, rule) -> Iterator:
    records = _named_records(analysis)
    if not records:
        return
    figures = [figure for record in records for figure in _figures(record)]
    kept = [f.value for f in figures]
    claimed = {claim.value.start for claim in analysis.claims}
    pointed_back: dict[int, tuple | None] = {}  # by sentence start: read once for all its figures
    own_values: dict[str, tuple] = {}  # by record id: its text values, read once
    names_of: dict[int, tuple] = {}  # by sentence start: its other names, and each as _one_of_its_values reads it
    text = analysis.document.text
    tokens, starts = analysis.tokens, analysis.token_starts
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal or mention.start in claimed \
                or _a_year(mention):
            continue
        written = _common.written_digits(mention.text)
        if any(_rounds_to(value.value, written, other) for other in kept):
            continue  # a figure of the records, as written or rounded ("200 m" of 205): that fact's
        significant = len(written.replace(".", "").lstrip("0"))
        if significant < 2:
            continue
        sentence = analysis.sentence_of(mention.start)
        if sentence.start not in names_of:
            others = _other_names(analysis, sentence)
            names_of[sentence.start] = others, {(start, name): _as_values(analysis, start, name) for start, name in others}
        others, as_values = names_of[sentence.start]
        # a sentence that names no one and opens by pointing back ("That deal also excluded …, and up to 12,000 jobs are
        # expected to go"): the names of the sentence before, in its paragraph, are whose the figure is
        if not others and sentence.start not in pointed_back:
            pointed_back[sentence.start] = _names_pointed_back_to(analysis, sentence)
        before = pointed_back.get(sentence.start) if not others else None
        # the figures the sentence itself gives: a record's figure told there makes another one its part, no slip ("It
        # crossed 13 states …, for a total of 15")
        told_here = {m.value.value for m in analysis.mentions_in(sentence.start, sentence.end, "number")
                     if m is not mention and isinstance(m.value, NumberValue)}
        near = _words_near(tokens, starts, mention, sentence)
        words_after = _words_after(text, mention.end, sentence.end)
        counted = words_after[0] if words_after else ""  # the word it counts, past its unit and scale
        slips = []
        owns: dict[str, tuple[int, tuple[int, int]]] = {}  # each record's own name before this figure, found once
        for figure in figures:
            if not _common.fits_unit(mention, figure.unit):
                continue
            if figure.record.id not in owns:
                owns[figure.record.id] = _own_name_before(analysis, figure.record, sentence, mention)
            if figure.record.id not in own_values:
                own_values[figure.record.id] = _own_values(figure.record)
            own, described = owns[figure.record.id]
            if any(not _names_it(figure, name) and not _described_by_it(text, mention, start, name, figure.record)
                   and not _one_of_its_values(own_values[figure.record.id], as_values[start, name])
                   for start, name in others if own <= start and not _what_it_did(analysis, mention, start)
                   and not described[0] <= start < described[1]):
                # "Labuschagne … from 110 balls", "Killers of the Flower Moon … all 11 of its nominations": another's
                # (a name before the record's own, nearest name is another clause's: "Shubman Gill made 91, and
                # Cheteshwar Pujara ground out 56 from 221 balls"; a name after the figure is what it did, not
                # whose it is when the figure is its verb's subject: "His 137 off 102 balls carried Australia to a
                # six-wicket victory over India" — not "grabbed 16 rebounds as Denver held off the Miami Heat", nor
                # "$479.99 in a bundle with Mario Kart World")
                continue
            if figure.value in told_here:
                continue
            if before and figure.record.id not in before[1] and not any(_names_it(figure, name) for _, name in before[0]):
                continue
            meant = _common.digits(figure.value / _common.scale(value.value, written), written)
            if written.find(".") != meant.find(".") or not _common.digit_slip(written, meant):
                continue
            swapped = _common.digits_swapped(written, meant)
            # (a round figure, "480-pound bales" beside a yield of 840 pounds, only by what it counts)
            round_figure = len(written.replace(".", "").strip("0")) < 3
            if figure.counted_in_text and not (_same_word(counted, figure.fact.rsplit(".", 1)[-1]) and swapped and significant >= 3
                                               and len(written.replace(".", "").strip("0")) >= 3 and value.qualifier is None):
                # a figure of a records' text is tied by its noun alone, so only two digits swapped in a figure of
                # three or more is a slip ("102 balls" of "137 off 120 balls"; "12 months" of "18 months" may be another span)
                continue
            if swapped and not round_figure and value.qualifier is None and not figure.counted_in_text:
                continue  # transposed-figure's: a long figure with two digits swapped needs no word of the key
                # (a round one, "430,000 donors" for 340,000, is left to this rule: transposed-figure takes it for rounded)
            words = _key_words(figure.fact)
            # (the head before a closing participle: `balls_faced`, `votes_cast`, `tickets_sold`)
            counts_its_head = bool(words) and (_same_word(counted, words[-1])
                                               or len(words) >= 2 and words[-1].endswith(("ed", "ld", "st")) and _same_word(counted, words[-2])
                                               # (past the key's own words before its head: "12 new stations" of `new_stations_count`)
                                               or _same_word(_counted_past(words_after, fact_key_words(figure.fact), words[-1]), words[-1]))
            # five significant digits or more, one changed ("by 81,326 votes to 63,399" against 60,399): as
            # unlikely a chance as two swapped, so no word need tie it either
            long_slip = len(written.replace(".", "").strip("0")) >= 5 and value.qualifier is None  # ("50,000" is a round one)
            if not (counts_its_head or long_slip and not round_figure
                    or swapped and significant >= 3 and not round_figure and any(_same_word(w, k) for w in near for k in words)):
                continue
            claim = Claim(figure.record, figure.fact, mention, "", (sentence.start, sentence.end))
            if not _common.in_scope(analysis, claim, figure.kept):
                continue
            slips.append(figure)
        if len({(f.record.id, f.fact, f.value) for f in slips if not f.counted_in_text} or {f.value for f in slips}) != 1:
            continue  # none, or a slip of two facts at once: which one it is, the sentence does not say
            # (the same figure told in two records' texts is one: "137 off 120 balls" of the batter and of the final)
        figure = slips[0]
        shown = _shown(figure, written, value.value)
        stated = analysis.document.source[mention.start:mention.end]
        yield rule.finding(
            rule.message("slip", stated=stated, recorded=shown, fact=" ".join(fact_key_words(figure.fact)) or figure.fact,
                         record=figure.record.name),
            mention.start, mention.end, stated,
            evidence=Evidence(record=figure.record.id, fact=figure.fact, value=str(figure.kept), source=figure.record.origin),
        )


# a sentence that opens by pointing back to the one before: "That deal also excluded …", "It crossed …"
_POINTS_BACK = re.compile(r"\s*(?:That|This|These|Those|It|Its|Their)\b")


def _names_pointed_back_to(analysis: Analysis, sentence) -> tuple[list[tuple[int, str]], frozenset[str]] | None:
    """(the names, the ids of the records it links) of the sentence before, in the same paragraph, when this one opens
    by pointing back to it and names no record itself; None otherwise."""
    text = analysis.document.text
    if sentence.start == 0 or not _POINTS_BACK.match(text, sentence.start) \
            or any(sentence.start <= link.start < sentence.end for link in analysis.links):
        return None
    previous = analysis.sentence_of(sentence.start - 1)
    if previous.start >= sentence.start or "\n\n" in text[previous.end:sentence.start]:
        return None
    names = _other_names(analysis, previous)
    linked = frozenset(link.record.id for link in analysis.links if previous.start <= link.start < sentence.start)
    return (names, linked) if names else None


def _what_it_did(analysis: Analysis, mention: Mention, start: int) -> bool:
    """Is the name at `start`, after the figure, inside the predicate of a verb the figure's phrase is the
    subject of ("His 137 off 102 balls carried Australia to a six-wicket victory over India")?"""
    syntax = analysis.syntax
    if syntax is None or start < mention.end:
        return False
    figure = syntax.span_root(mention.start, mention.end)
    name = syntax.span_root(start, start + 1)
    if figure is None or name is None:
        return False
    for index in [figure, *syntax.ancestors(figure)[:4]]:
        token = syntax.tokens[index]
        if token.dep in ("nsubj", "nsubjpass"):
            return token.head in syntax.ancestors(name)
        if token.tag.startswith("VB"):
            return False
    return False

def _own_name_before(analysis: Analysis, record: Record, sentence, mention: Mention) -> tuple[int, tuple[int, int]]:
    """Where the record's own name stands last before the figure in its sentence (the sentence's start when it
    does not), and the phrase between commas right after it that describes it ("Usyk, the London 2012 Olympic
    heavyweight champion, is 22-0 with 15 knockouts": its names are the record's description, not others')."""
    text = analysis.document.text
    own = [link for link in analysis.links if link.record is record and link.exact and sentence.start <= link.start < mention.start
           and not re.match(r"['’]s?\b", text[link.end:link.end + 2])]  # ("Head's partner … 58 from 110 balls": the partner's)
    if not own:
        return sentence.start, (0, 0)
    described = re.match(r",[^,;()]{3,80},", text[own[-1].end:mention.start])
    return own[-1].start, ((own[-1].end, own[-1].end + described.end()) if described else (0, 0))


def _other_names(analysis: Analysis, sentence) -> list[tuple[int, str]]:
    """The people, organisations and works the sentence names (a figure there may be any of theirs), where each stands."""
    names = [(m.start, m.text) for m in analysis.mentions_in(sentence.start, sentence.end) if m.kind in ("person", "org", "work")]
    names += [(link.start, link.text) for link in analysis.links if sentence.start <= link.start < sentence.end]
    if analysis.syntax is not None:
        # the parse's proper nouns too: the recogniser misses names ("Labuschagne was content …")
        text, run = analysis.document.text, []
        places = [m for m in analysis.mentions_in(sentence.start, sentence.end, "place")]
        first = bisect.bisect_left(analysis.syntax.starts, sentence.start)
        for token in analysis.syntax.tokens[first:]:
            if token.start >= sentence.end:
                break
            if token.tag in ("NNP", "NNPS") and not any(p.start <= token.start < p.end for p in places):
                # (a place is where, not whose: "the 27-storey block in North Kensington")
                run.append(token)
            elif run:
                names.append((run[0].start, text[run[0].start:run[-1].end]))
                run = []
        if run:
            names.append((run[0].start, text[run[0].start:run[-1].end]))
    return names


def _names_it(figure: _Figure, name: str) -> bool:
    """Is the name the figure's record's, or one its key names (`pledges_usd.united_states`)?"""
    written = name.lower()
    words = [w for w in re.findall(r"\w+", written) if w not in ("the", "of", "s")]
    if not words:
        return True
    if any(written in own or own in written for own in (n.lower() for n in figure.record.names)):
        return True
    # a row of the fact's own table ("Truss over Sunak by 81,326 votes to 63,399" against `members_ballot:
    # {Liz Truss: 81326, Rishi Sunak: 60399}`): the names of its rows are the table's, not another's
    rows = [v.value.lower() for v in figure.record.facts.get(figure.fact, ()) if isinstance(v.value, str) and "detail" in v.qualifiers]
    if any(written in row for row in rows):
        return True
    key = set(re.split(r"[_.]+", figure.fact.lower()))
    return all(w in key for w in words)


def _described_by_it(text: str, mention: Mention, start: int, name: str, record: Record) -> bool:
    """Is the name the thing the figure describes, one the record's own facts name ("its 256-seat
    Dreamliners" of a flight whose `aircraft_type` is a "Boeing 787-9 Dreamliner")?"""
    if not re.fullmatch(r"-[A-Za-z]+\s+", text[mention.end:start]):
        return False
    word = name.lower().rstrip("s")
    return len(word) >= 4 and any(isinstance(v.value, str) and re.search(rf"\b{re.escape(word)}", v.value.lower())
                                  for values in record.facts.values() for v in values)


def _one_of_its_values(own: tuple[frozenset, frozenset], name: tuple[tuple[str, ...], bool]) -> bool:
    """Is the name (`_as_values`) one the record's own facts give (`own`: _own_values), whole: an item of one of its
    plain lists ("12 new stations, including Farringdon, … and Abbey Wood" of a line whose `new_stations` lists them),
    or a value that names no person or organisation ("the southern constellation Octans" of a planet's
    `constellation`)? Then it is the record's, not another's. (A person or organisation the record gives —
    "Mercedes", a Grand Prix's winning team — is another whose figures the sentence may give.)"""
    listed, single = own
    pieces, actor = name
    return all(piece in listed or not actor and piece in single for piece in pieces)


def _as_values(analysis: Analysis, start: int, name: str) -> tuple[tuple[str, ...], bool]:
    """A name as _one_of_its_values reads it: its pieces, lower-cased (the recogniser may run two of a list together:
    "Tottenham Court Road, Whitechapel"), and whether the recogniser calls it a person or organisation."""
    pieces = tuple(piece for piece in re.split(r",\s*|\s+and\s+", name.lower()) if piece)
    return pieces, any(m.kind in ("person", "org") for m in analysis.mentions_in(start, start + len(name)))


def _own_values(record: Record) -> tuple[frozenset, frozenset]:
    """The record's text values, lower-cased: (the items of its plain lists, every one)."""
    listed = frozenset(v.value.lower() for values in record.facts.values() if len(values) >= 3 and not any(v.qualifiers for v in values)
                       for v in values if isinstance(v.value, str))  # (a plain list: not a table's rows of drivers and teams)
    return listed, frozenset(v.value.lower() for values in record.facts.values() for v in values if isinstance(v.value, str))


def _rounds_to(stated: float, written: str, kept: float) -> bool:
    """Is the stated figure the kept one as written, or rounded to the figure's written precision
    ("200" for 205, "$10,000" for 10,030, "6.7 million" for 6,730,000)?"""
    scale = _common.scale(stated, written)
    step = 10 ** -len(written.split(".")[1]) if "." in written else 10 ** (len(written) - len(written.rstrip("0")))
    if kept == int(kept) and "." in written and abs(stated - kept) < 0.5 * scale:
        return True  # the records keep the whole figure of "£56,008,113.20"
    return abs(stated - kept) <= 0.5 * step * scale + 1e-9 * abs(kept)


def _named_records(analysis: Analysis) -> list[Record]:
    """The records the article names (exactly, or every proper word of their name)."""
    named = {record.id: record for record in _common.records_named_in_part(analysis)}
    for link in analysis.links:
        if link.exact and link.record.facts:
            named.setdefault(link.record.id, link.record)
    return list(named.values())


def _figures(record: Record) -> list[_Figure]:
    found = []
    for fact, values in record.facts.items():
        if is_average(fact):
            continue  # an average over many games is no one game's figure: "grabbed 16 rebounds" beside `finals_averages`
        unit = next((u for u in (describe_key(part).unit for part in fact.split(".")) if u), "")
        for kept in values:
            number = _figure_of(kept.value)
            if number is None and (row := _common.row_figure(kept)) is not None:
                number = float(row)  # `members_ballot: {Rishi Sunak: 60399}`: a row's figure
            if number is not None:
                found.append(_Figure(record, fact, number, str(kept.qualifiers.get("unit") or unit or ""), kept))
            elif isinstance(kept.value, str):
                # a text that tells figures with what they count ("137 off 120 balls", "241/4, 43 overs"): each
                # figure under its noun, which the article's figure must count too
                for item in _COUNTED_IN_TEXT.finditer(kept.value):
                    found.append(_Figure(record, f"{fact}.{item.group(2).lower()}", float(item.group(1).replace(",", "")), "", kept,
                                         counted_in_text=True))
    return found


# a figure and the noun it counts inside a records' text: "120 balls" of "137 off 120 balls"
_COUNTED_IN_TEXT = re.compile(r"(?<![\d.,/])(\d[\d,]*)\s+(?!(?:off|of|to|for|and|or|not|out|in|on|at|from|by|with|per|a|an|the)\b)"
                              r"([A-Za-z]{3,})\b")


def _figure_of(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        qualified = _QUALIFIED.match(value.strip())
        amount = written_amount(qualified.group(1) if qualified else value)
        if amount is not None:
            return float(amount[0])
    return None


def _key_words(fact: str) -> list[str]:
    """The key's words an article would repeat: not its units, scopes or figure words."""
    return [w for w in fact_key_words(fact) if w.isalpha() and len(w) >= 3 and w not in GENERIC_WORDS and w not in VAGUE_WORDS
            and w not in _UNIT_WORDS and not describe_key(w).unit]


def _same_word(said: str, key_word: str) -> bool:
    """"witnesses"/"witnesses", "storey"/"storeys", "prosecutors"/"prosecution", "pledged"/"pledges"."""
    if not said:
        return False
    if word_base(said) == word_base(key_word):
        return True
    return len(os.path.commonprefix([said, key_word])) >= 6


def _words_near(tokens, starts, mention: Mention, sentence) -> list[str]:
    at = bisect.bisect_left(starts, mention.start)
    first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    return [t.norm for t in tokens[max(first, at - NEAR):min(last, at + NEAR + 1)]]


def _words_after(text: str, end: int, stop: int) -> list[str]:
    """The first words after a figure, lower-cased, past its unit and scale words, within its sentence: the first is the
    word it counts ("54 witnesses", "the 27-storey block", "11 of its nominations"; "2,255 are … missing": none)."""
    return [word.lower() for word in re.findall(r"[A-Za-z]+", text[end:min(end + 60, stop)])[:4] if word.lower() not in _UNIT_WORDS]


def _counted_past(words_after: list[str], key_words: list[str], head: str) -> str:
    """The word a figure counts (of the words after it, past its unit words) past the words of the key before its head
    ("new" in "12 new stations" of `new_stations_count`), or ""."""
    words = list(words_after)
    skipped = 0
    while words and words[0] in key_words and not _same_word(words[0], head):
        words.pop(0)
        skipped += 1
    return words[0] if skipped and words else ""


def _a_year(mention: Mention) -> bool:
    return mention.label != "money" and re.fullmatch(r"(?:1[5-9]|20)\d\d", mention.text.strip()) is not None


def _shown(figure: _Figure, written: str, stated: float) -> str:
    scale = _common.scale(stated, written)
    meant = _common.digits(figure.value / scale, written)
    words = {1e3: " thousand", 1e6: " million", 1e9: " billion", 1e12: " trillion"}.get(scale, "")
    number = f"{int(float(meant)):,}" if "." not in meant else meant
    return number + words


KIND = CheckKind(
    name="figure-slip",
    run=run,
    summary="a figure that is a typist's slip of a figure of the records the article names",
    messages=("slip",),
)
