"""restated: "the 240-month sentence" restates a figure the article gave before, and must agree.

A definite description whose modifier is a measure — "the 58-day eruption", "the 240-month
sentence", "the seven-wicket victory", "the 34-minute change" — speaks of something the article
has already told, with its figure: "the eruption had lasted 85 days", "sentenced … to 22 1/2
years", "beat India by six wickets", "shortened the orbit by 32 minutes". The earlier figures
counted are those of the same measure (durations convert: 22 1/2 years is 270 months) in a
sentence that speaks of the same thing (a word of the noun's stem: "sentenced", "eruption";
"victory" is told by "won", "beat"). When there are such figures and none is the restated one,
the restatement disagrees. Approximate earlier figures ("about 30 years") admit their range; an
earlier figure far from the restated one (more than NEAR times) is another thing's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.lexicon import MINUTES_IN, word_value
from factcheck.checks._common import digit_slip, scale, sentence_text, written_digits
from factcheck.model import Analysis, Evidence, Finding, NumberValue
from factcheck.text import quoted_at

DURATIONS = MINUTES_IN  # a length of time's word, and what one of it is in minutes
COUNTED = {"wicket", "run", "goal", "point", "stroke", "lap", "seat", "vote", "mile", "kilometre", "kilometer", "game", "set",
           "tonne", "ton"}
_UNIT = "|".join(sorted([*DURATIONS, *COUNTED], key=len, reverse=True))
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|"
                r"three|four|five|six|seven|eight|nine|hundred))*")
_FIGURE = rf"(?:\d[\d,]*(?:\.\d+)?(?:\s+\d/\d|[½¼¾]|\s+(?:thousand|million|billion))?|{_NUMBER_WORD})"
# "the 58-day eruption", "The seven-wicket victory", "its 34-minute change"
# (not an age: "the 46-year-old officer")
# (and a length of time in two parts: "his 64-day, 17-hour voyage")
RESTATED = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<figure>{_FIGURE})-(?P<unit>{_UNIT})s?"
                      rf"(?:,?\s+(?:and\s+)?(?P<figure2>{_FIGURE})-(?P<unit2>{'|'.join(DURATIONS)})s?)?"
                      rf"(?:-long)?\s+(?P<noun>[a-z]{{4,}})\b")
# … or set off after its noun: "handed down the term — 260 months — more than a year after", "the voyage, 64 days, …"
RESTATED_AFTER = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<noun>[a-z]{{4,}})\s*(?:—|–|--|,|\()\s*"
                            rf"(?P<figure>{_FIGURE})\s+(?P<unit>{_UNIT})s?\s*(?:—|–|--|,|\))")
# a slip in restating a figure leaves it near the one told (58 for 85, 240 months for 270, seven
# wickets for six): figures further apart are other things ("the 114-minute film" is no "17 days")
NEAR = 1.6
# an earlier figure of a measure: "85 days", "22 1/2 years", "by six wickets", "a 12-day run"
EARLIER = re.compile(rf"(?<![\w.,])(?P<bound>(?:about|around|nearly|almost|roughly|some|more than|over|less than|under|at least)\s+)?"
                     rf"(?P<figure>{_FIGURE})[\s-](?P<unit>{_UNIT})s?\b", re.IGNORECASE)
# a restatement set against another thing in its own sentence: "longer than the previous longest flight, the
# 11,707-kilometre service"
_ANOTHER_BEFORE = re.compile(r"\b(?:than|previous|former|prior|compared\s+(?:with|to))\b", re.IGNORECASE)
# words that tell of the same occasion as the noun of a restatement, beyond its own stem
TOLD_BY = {"victory": ("won", "win", "beat", "defeat", "victor"), "win": ("won", "beat", "victor"),
           "defeat": ("lost", "lose", "beaten", "defeat"), "loss": ("lost", "lose", "beaten", "defeat"),
           "term": ("sentenc", "jail", "prison"), "stint": ("serv", "spent"), "reign": ("rule", "reign", "throne"),
           "change": ("shorten", "lengthen", "alter", "cut", "increas", "decreas", "rose", "fell"),
           "goal": ("aim", "target"), "target": ("aim", "goal"),
           "partnership": ("added", "stand", "partner"), "stand": ("added", "partner")}
# a partnership told in cricket's words, its runs unwritten: "Stokes and Buttler then added 110 for the fifth wicket"
_ADDED_FOR_A_WICKET = re.compile(r"\b(?:added|put\s+on)\s+(?P<figure>\d{1,3})\s+(?:runs\s+)?for\s+the\s+[a-z\d]+\s+wicket\b")
# a noun of two senses, and the words its own sentence tells the other sense by: "a post he held until his five-year
# term expired" is a term of office, no prison term told before
OTHER_SENSE = {"term": frozenset({"office", "post", "mandate", "elected", "re-elected", "presidency", "president", "chair", "chairman",
                                  "chairwoman", "tenure"})}


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    yield from _money_restated(analysis, rule)
    for match in itertools.chain(RESTATED.finditer(text), RESTATED_AFTER.finditer(text)):
        parts = match.groupdict()
        unit = match.group("unit")
        lead = stated = _amount(match.group("figure"), unit)
        if stated is None or quoted_at(text, match.start()):
            continue
        # a restatement rounds to its last unit: "the 85-day eruption" for "85 days and 18 hours"
        slack = 1.0
        if parts.get("figure2"):
            if unit not in DURATIONS or DURATIONS[match.group("unit2")] >= DURATIONS[unit]:
                continue
            stated += _amount(match.group("figure2"), unit, written_unit=match.group("unit2")) or 0
            slack = DURATIONS[match.group("unit2")] / DURATIONS[unit]
        if _ANOTHER_BEFORE.search(text, analysis.sentence_of(match.start()).start, match.start()):
            continue  # "about a quarter longer than the previous longest …, the 11,707-kilometre service": another's
        noun = match.group("noun").lower()
        head = _head_noun(analysis, match.start("noun"), match.end("noun"))
        if _of_the_other_sense(analysis, noun, match.start()):
            continue
        # "the 12 million-tonne export goal": the compound's head says what it is, too
        stems = (noun[:5], *TOLD_BY.get(noun, ()), *((head[:5], *TOLD_BY.get(head, ())) if head else ()))
        # a length in two parts is that length wherever the first part is told the same, in parts too
        # ("a record 64 days, 19 hours, 22 minutes": "his 64-day, 17-hour voyage"), whatever the noun
        earlier = [(found, low, high, told) for found, low, high, told in
                   _earlier_figures(analysis, match.start(), unit, stems, lead=lead if parts.get("figure2") else None)
                   if high >= stated / NEAR and low <= stated * NEAR]
        if not earlier or any(low - slack + 1e-6 < stated < high + slack - 1e-6 for _, low, high, _ in earlier):
            continue
        other, _, _, told = earlier[-1]
        line, _ = analysis.document.position(other.start())
        last = "unit2" if parts.get("unit2") else "unit"
        start, end = match.start("figure"), match.end(last) + (1 if text[match.end(last):match.end(last) + 1] == "s" else 0)
        written = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("restated", stated=f"{noun}, {written}" if match.re is RESTATED_AFTER else f"{written} {noun}" + (f" {head}" if head else ""),
                         earlier=told, line=line),
            start, end, written,
            evidence=Evidence(fact=noun, value=told, source=f"this article, line {line}"),
        )


# "the $69.7 billion purchase", "its £207.3m project": a sum told as known, with the noun of what it paid for
# ("last year's ¥5.53 trillion operating profit": a possessive restates too)
_MONEY_RESTATED = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|\w+[’']s)\s+$")
_MONEY_NOUN = re.compile(r"[\s-]+(?:[a-z]+-)?(?P<noun>[a-z]{4,})\b")
# the words one deal goes by
_DEAL = ("acqui", "purch", "deal", "takeo", "buyou", "merge", "bough", "buy")
_SAME_DEAL = {"acqui": _DEAL, "purch": _DEAL, "deal": _DEAL, "takeo": _DEAL, "buyou": _DEAL, "merge": _DEAL}


def _money_restated(analysis: Analysis, rule) -> Iterator[Finding]:
    """"the $69.7 billion purchase" of a takeover the article has twice called "$68.7 billion": a definite sum
    one typist's slip from a sum of the same currency and scale told before in a sentence of the same thing,
    where no sum told of it is the restated one."""
    text = analysis.document.text
    sums = [m for m in analysis.mentions if m.kind == "number" and m.label == "money" and isinstance(m.value, NumberValue)]
    for sum_ in sums:
        noun = _MONEY_NOUN.match(text, sum_.end)
        if noun is None or not _MONEY_RESTATED.search(text[max(0, sum_.start - 12):sum_.start]) or quoted_at(text, sum_.start):
            continue
        stems = _SAME_DEAL.get(noun.group("noun")[:5], (noun.group("noun")[:5],))
        sentence = analysis.sentence_of(sum_.start)
        written = _digits_and_scale(sum_)
        earlier = []
        for other in sums:
            if other.start >= sentence.start or other.value.qualifier is not None or other.text[:1] != sum_.text[:1]:
                continue
            told = analysis.sentence_of(other.start)
            if not any(stem in word for stem in stems for word in re.findall(r"[a-z]+", text[told.start:told.end].lower())):
                continue
            if other.value.value and 1 / NEAR <= sum_.value.value / other.value.value <= NEAR:
                earlier.append(other)  # (a sum far from it is another thing's: "a $3 billion break fee")
        if not earlier or any(abs(other.value.value - sum_.value.value) < 1e-9 * max(1.0, sum_.value.value) for other in earlier):
            continue
        slips = {o.text for o in earlier if _digits_and_scale(o)[1] == written[1] and digit_slip(written[0], _digits_and_scale(o)[0])
                 and len(written[0].replace(".", "")) >= 3}
        # a sum told once is the one restated when it was told with the noun itself ("an operating profit of ¥5.35
        # trillion"), not only in a sentence that speaks of it
        named = [o for o in earlier if re.search(rf"\b{re.escape(noun.group('noun'))}(?:\s+[a-z]+){{0,2}}\s+(?:of|at|was|were|is|came\s+to|reached)\s+(?:\w+\s+)?$",
                                                  text[max(0, o.start - 40):o.start])]
        named_slips = {o.text for o in named} & slips
        if len(slips) != 1 or not named_slips and (len({o.value.value for o in earlier}) != 1 or len(earlier) < 2):
            continue  # no slip, sums of other things told of it too, or a sum told once (which of two is the slip?)
        other = next(o for o in earlier if o.text in slips)
        line, _ = analysis.document.position(other.start)
        written_text = analysis.document.source[sum_.start:sum_.end]
        yield rule.finding(
            rule.message("restated", stated=f"{written_text} {noun.group('noun')}", earlier=other.text, line=line),
            sum_.start, sum_.end, written_text,
            evidence=Evidence(fact=noun.group("noun"), value=other.text, source=f"this article, line {line}"),
        )


def _digits_and_scale(mention) -> tuple[str, float]:
    """The figure's digits as written and the power of ten its scale word gives it ("$69.7 billion": "69.7", 1e9)."""
    digits = written_digits(mention.text)
    return digits, scale(mention.value.value, digits)


def _of_the_other_sense(analysis: Analysis, noun: str, position: int) -> bool:
    """Does the restatement's own sentence tell its noun in the sense TOLD_BY does not ("a post he held until
    his five-year term expired": a term of office)?"""
    words = re.findall(r"[a-z-]+", sentence_text(analysis, position))
    return bool(OTHER_SENSE.get(noun, frozenset()) & set(words))  # (whole words: a "police officer" holds no office)


def _head_noun(analysis: Analysis, start: int, end: int) -> str | None:
    """The noun a compound's first noun modifies ("goal" of "export goal"), from the parse, or None."""
    syntax = analysis.syntax
    if syntax is None:
        return None
    word = syntax.span_root(start, end)
    if word is None or syntax.tokens[word].dep != "compound":
        return None
    head = syntax.tokens[syntax.tokens[word].head]
    if head.start < end or not head.tag.startswith("NN"):
        return None
    return analysis.document.text[head.start:head.end].lower()


def _earlier_figures(analysis: Analysis, before: int, unit: str, stems: tuple[str, ...], lead: float | None = None):
    """(match, low, high, the words told) for each figure of the measure before `before`, in a sentence that
    speaks of the noun (or, given `lead`, a length in parts whose first part is `lead` in `unit`, wherever it
    is told); a length in parts is one figure, told whole ("64 days, 19 hours, 22 minutes and 49 seconds")."""
    text = analysis.document.text
    # told in an earlier sentence: one sentence that gives two figures speaks of two things
    # ("reached 268,536 miles …, beating the 248,655-mile record")
    before = analysis.sentence_of(before).start
    if unit == "run":
        for match in _ADDED_FOR_A_WICKET.finditer(text, 0, before):
            if _speaks_of(analysis, match.start(), stems):
                yield match, float(match["figure"]), float(match["figure"]), f"added {match['figure']}"
    matches = list(EARLIER.finditer(text, 0, before))
    for index, match in enumerate(matches):
        if not _same_measure(unit, match.group("unit").lower()):
            continue
        if index and _joined(text, matches[index - 1], match):
            continue  # the "18 hours" of "85 days and 18 hours": counted with the days
        if text[max(0, match.start() - 12):match.start()].rstrip().lower().endswith(("the", "its", "his", "her", "their")) \
                and text[match.end():match.end() + 1] in ("-", " ") and "-" in match.group(0):
            continue  # another restatement, not a telling
        amount = _amount(match.group("figure"), unit, written_unit=match.group("unit"))
        if amount is None:
            continue
        in_parts = lead is not None and amount == lead and index + 1 < len(matches) and _joined(text, match, matches[index + 1])
        if not in_parts and not _speaks_of(analysis, match.start(), stems):
            continue
        # "two hours and eight minutes" is 128 minutes
        last = match
        for part in matches[index + 1:]:
            if not _joined(text, last, part):
                break
            amount += _amount(part.group("figure"), unit, written_unit=part.group("unit")) or 0
            last = part
        bound = (match.group("bound") or "").lower().strip()
        low, high = amount, amount
        if bound in ("about", "around", "nearly", "almost", "roughly", "some"):
            low, high = amount * 0.9, amount * 1.1
        elif bound in ("more than", "over", "at least"):
            high = float("inf")
        elif bound in ("less than", "under"):
            low = 0
        yield match, low, high, text[match.start():last.end()].strip()


def _speaks_of(analysis: Analysis, position: int, stems: tuple[str, ...]) -> bool:
    """Does the sentence at `position` say a word of one of the stems (the restated noun's, or the words that tell it)?"""
    return any(word.startswith(stem) for stem in stems for word in re.findall(r"[a-z]+", sentence_text(analysis, position)))


def _joined(text: str, first, second) -> bool:
    """Is `second` the smaller part of one duration with `first` ("11 hours and 55 minutes")?"""
    units = (first.group("unit").lower(), second.group("unit").lower())
    return all(u in DURATIONS for u in units) and DURATIONS[units[1]] < DURATIONS[units[0]] \
        and re.fullmatch(r"\s*(?:,\s*|,?\s+and\s+)", text[first.end():second.start()]) is not None


def _same_measure(first: str, second: str) -> bool:
    return first == second or (first in DURATIONS and second in DURATIONS)


def _amount(figure: str, unit: str, written_unit: str | None = None) -> float | None:
    """The figure in the restatement's unit: "22 1/2" years is 270 months."""
    figure = figure.strip().replace(",", "")
    fraction = 0.0
    for sign, part in (("½", 0.5), ("¼", 0.25), ("¾", 0.75)):
        if figure.endswith(sign):
            figure, fraction = figure[:-1], part
    parts = figure.split()
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
    if len(parts) == 2 and parts[1].lower() in scale:  # "12 million" (tonnes)
        number = _amount(parts[0], unit, written_unit)
        return number * scale[parts[1].lower()] if number is not None else None
    if len(parts) == 2 and re.fullmatch(r"\d/\d", parts[1]):
        top, bottom = parts[1].split("/")
        figure, fraction = parts[0], int(top) / int(bottom)
    if re.fullmatch(r"\d+(?:\.\d+)?", figure):
        value = float(figure) + fraction
    else:
        words = word_value(figure)
        if words is None or words[1]:
            return None
        value = words[0] + fraction
    written_unit = (written_unit or unit).lower()
    if written_unit != unit and written_unit in DURATIONS and unit in DURATIONS:
        value = value * DURATIONS[written_unit] / DURATIONS[unit]
    return value


KIND = CheckKind(name="restated", run=run, summary="a figure restated in a description that disagrees with the one told before",
                 messages=("restated",))
