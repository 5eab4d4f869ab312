"""difference: a stated change or gap that the two figures it joins contradict.

"gave the BJP 240 seats, … a drop of 73 from the 303 it won" (303 − 240 is 63); "revenue
of $22.1 billion" … "rose 32% from $18.12 billion" (it is 22%); "9.1% … up from 8.6%, an
acceleration of 0.7 percentage point"; "runs 166 minutes … 11 minutes longer than its
predecessor: the 2021 film ran 150 minutes".

A change has three figures: the difference (D), the base it starts from or is compared
with (after "from" or "than"), and the figure it arrives at. The last is often not in
the sentence: it is the figure earlier in the sentence of the same kind (money, percent,
or a count of the same noun), or else the nearest earlier sentence's figure of the same
noun or subject. A finding needs every such figure to disagree, each figure read to the
precision it is written with; approximate figures ("about", "more than") are left alone,
and so is a change written "from A to B" with a percentage (percent-arithmetic's).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from factcheck.checks import _common
from factcheck.checks._common import digit_slip, format_number_like, half_last_digit, ordinal, tokens_between
from factcheck.checks.base import RATIO_OR_NEVER, SEVERITY_NAME, CheckKind
from factcheck.lexicon import ORDINALS, whole_number, word_value
from factcheck.model import Analysis, Evidence, Mention, NumberValue, Severity, format_number
from factcheck.text import name_key

# words that say a figure is a change: "rose 5% from", "a drop of 73 from", "up from 8.6%"
CHANGE_WORD = re.compile(
    r"\b(?:up|down|r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|increas\w*|decreas\w*|climb\w*|drop\w*|jump\w*|gr[eo]w\w*|"
    r"gain\w*|declin\w*|slip\w*|slid\w*|surg\w*|dip\w*|accelerat\w*|decelerat\w*|slow\w*|loss|lost|los(?:e|es|ing)|"
    r"cut|reduc\w*|plung\w*|soar\w*|swing|shed|add(?:ed|s|ing)?|narrow\w*|widen\w*|rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
CHANGE_NOUN_OF = re.compile(
    r"\b(?:rise|increase|jump|gain|growth|drop|fall|decline|decrease|reduction|cut|loss|acceleration|deceleration|"
    r"slowdown|swing|climb|dip|slide|surge|revision|overrun|overspend|improvement|deterioration|widening|narrowing)\s+of\s+$|\bby\s+$",
    re.IGNORECASE,
)
# a figure told for another year than its sentence's: "growth of 2.1% expected in 2025", "… next year"
ANOTHER_YEAR_AFTER = re.compile(r"^\s*(?:percent|per\s?cent)?\s*(?:[a-z]+\s+){0,2}?(?:in|for|by)\s+(?:19|20)\d\d\b|"
                                r"^\s*(?:percent|per\s?cent)?\s*(?:[a-z]+\s+){0,2}?next\s+year\b", re.IGNORECASE)
UNIT_WORDS = r"(?:percentage|per\s?cent(?:age)?)\s+points?|points?|pp|per\s?cent|percent"
# D, then its unit, then "from": "265% from", "73 from the", "0.5 percentage points from"
# ("revised down by 72,000, from +336,000 to +246,000": a change written with its sign)
# (the base may be described: "down 39 per cent from the all-time high of $39.87bn" — not "1.358 million from a
# revised 1.269 million", a level reached from another)
# (or below zero: "to minus 0.75 percent from minus 0.25 percent")
FROM_AFTER = re.compile(rf"^\s*(?:{UNIT_WORDS}|[a-z]+)?\s*,?\s*from\s+(?:(?:the|its|their|his|her|a|an)\s+(?:(?:[a-z-]+\s+){{1,3}}of\s+)?)?\s*"
                        r"(?:[+]|(?:minus|negative)\s+)?$",
                        re.IGNORECASE)
# what a tally is made in, not a level it changed from: "fell for 137 from 120 balls", "nine goals from 12 games"
TRIES = {"ball", "balls", "deliveries", "overs", "games", "matches", "appearances", "starts", "attempts", "shots", "races",
         "innings", "outings", "caps", "fixtures", "rides"}
# "up 14 per cent on its September estimate of 32.2 million tonnes": the base of a rate named, then its figure
# (not "gained 14 on its 2020 total of 38": a count's change, where it arrived left unsaid)
ON_BASE_AFTER = re.compile(rf"^\s*(?:{UNIT_WORDS})?\s*,?\s*on\s+(?:the|its|their|his|her|last\s+year's)\s+(?:[\w-]+\s+){{0,3}}?of\s+$",
                           re.IGNORECASE)
# "rose to $43.81 billion from $42.63 billion": the figure after "to" is where the change arrives
# (the arrival may govern two figures joined by "and": "the EFF fell to 9.52 per cent and 39 seats, from 44")
ARRIVAL_BEFORE = re.compile(r"\b(?:to|at|reach\w*|hit)\s+(?:a\s+|an\s+)?(?:[a-z-]+\s+)?"
                            r"(?:[$£€¥]?\d[\d,.]*\s*(?:%|per\s?cent|percent)?\s+and\s+)?$", re.IGNORECASE)
# a change named after its figure, then its base: "a 37% decline from the previous all-time low of 5.9 million"
CHANGE_NOUN_FROM = re.compile(r"^\s*(?:percent|per\s?cent)?\s*(?:rise|increase|jump|gain|growth|drop|fall|decline|decrease|"
                              r"reduction|cut|slump|plunge)\s+(?:on|from|over)\s+(?:the|its|their|his|her|a|an|last\s+year's)\s+"
                              r"(?:[\w-]+\s+){0,3}?(?:of\s+)?$", re.IGNORECASE)
# a figure followed by its own base is a level, not a change: "cut by 50%, up from 30%"
OWN_BASE_AFTER = re.compile(r"\s*(?:percent|per\s?cent)?\s*,?\s*(?:up|down)\s+from\b", re.IGNORECASE)
UP_FROM = re.compile(r"\b(?:(?:up|down|ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|"
                     r"climb(?:s|ed|ing)?|drop(?:s|ped|ping)?|gr[eo]w(?:s|n|ing)?)\s+from|"
                     r"compared\s+(?:with|to)|"
                     # "put at £18.9bn, against a budget of £14.8bn set in 2010, an overrun of £3.1bn"
                     r"against\s+(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}?(?:budget|estimate|forecast|target|plan)\s+of)\s+$",
                     re.IGNORECASE)
# the base of a change told arrival first: "the margin widened to 22.2% from 16.9%", "rose to $10.25 billion from"
TO_THEN_FROM = re.compile(rf"{CHANGE_WORD.pattern}\s+to\s+[$£€¥]?\d[\d,.]*\s*(?:%|per\s?cent|percent|[mb]n|million|billion|trillion)?"
                          r"\s+from\s+(?:a\s+|the\s+)?[$£€¥]?$", re.IGNORECASE)
COMPARATIVE = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:longer|shorter|more|fewer|less|higher|lower|bigger|smaller|larger|heavier|lighter|taller|"
    r"older|younger|faster|slower|greater|cheaper|dearer)\s+than\b"
    # (not a ratio: "The field of 56 was more than double the 22 of 2020")
    r"(?!\s+(?:double|twice|triple|treble|quadruple|half|[\w.-]+\s+times)\b)"
    # (nor one whose base is named in words, not given: "6,001 yen more than now, or an extra 72,012 yen over a year")
    r"(?!\s+(?:now|today|currently|at\s+present|before|previously|usual|normal|expected|planned|forecast)\b)"
    r"|^\s*(?:[a-z]+\s+)?short\s+of\b",
    re.IGNORECASE,
)
# "beat the old mark of 38.7C by a full 1.8C", "topped last year's $2.1 billion by $300 million"
BEATEN = re.compile(r"\b(?:beat(?:s|en|ing)?|exceed(?:s|ed|ing)?|topp(?:ed|ing)|tops?|surpass(?:es|ed|ing)?|eclips(?:es|ed|ing)|"
                    r"better(?:s|ed|ing)?|outscor(?:es|ed|ing)|outpoll(?:s|ed|ing)?)\b", re.IGNORECASE)
BEAT_BY = re.compile(r"\bby\s+(?:a\s+(?:full|further|mere|whole|clear)\s+|just\s+|only\s+|some\s+)?$", re.IGNORECASE)
THRESHOLD_BEFORE = re.compile(r"\b(?:passed|passing|above|over|below|under|beyond|exceed(?:ed|ing)?|topp(?:ed|ing)|crossed|broke)\s+$",
                              re.IGNORECASE)
TO_AFTER = re.compile(r"^[^.;:!?]{0,40}?\bto\s+(?:the|a|an)?\s*[+]?$", re.IGNORECASE)
# a figure that is itself a gap, not a total: "32 short of a majority", "one more than", "from 8.6%"
GAP_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:short|more|fewer|less|ahead|behind|clear|up|down|higher|lower)\b", re.IGNORECASE)
POINTS = re.compile(rf"^\s*(?:{UNIT_WORDS.split('|pp|')[0]}|pp)\b", re.IGNORECASE)
# nouns that say nothing of what is counted
NOT_NOUNS = {"it", "they", "he", "she", "we", "in", "on", "at", "a", "an", "the", "of", "and", "or", "to", "from", "for", "by",
             "with", "was", "is", "were", "are", "than", "more", "less", "per", "percent", "cent", "million", "billion",
             "thousand", "that", "this", "which", "who", "as", "its", "their", "his", "her", "a", "year", "years",
             "over", "ahead", "behind", "above", "below", "under", "into", "after", "before", "against",
             "needed", "required", "necessary"}
# a gap below a base: "23 seats short of", "1.2C short of"
SHORT_OF = re.compile(r"\s*(?:[a-z]+\s+)?short\s+of\b", re.IGNORECASE)
# the base a comparison names at once, its noun left out: "23 seats short of the 272 needed", "two more than the 30"
NAMED_AT_ONCE = re.compile(r"\s*(?:[a-z]+\s+)?(?:[a-z]+\s+than|short\s+of)\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
# a part and the whole it is of: "240 of the 543 seats"
PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?\d[\d,]*(?=\s+[A-Za-z])")
MINUTES = {"minute": 1, "minutes": 1, "min": 1, "mins": 1, "hour": 60, "hours": 60, "hr": 60, "hrs": 60}


@dataclass(frozen=True)
class Figure:
    """A figure as this check reads it: its span, its value to the precision written, and
    what it measures ("percent", "money", or the noun after it: "seats", "minutes")."""

    start: int
    end: int
    low: float
    high: float
    value: float
    kind: str
    noun: str
    exact: bool
    mention: Mention
    # a span of time it counts in ("years", "months"): "10 years more than the 150 months" compares
    # two units, and no figure in months is a base or an arrival for a difference in years
    time_unit: str = ""


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    slack = KIND.param(rule, "slack_percent") / 100
    figures = analysis.derived("difference.figures", lambda: _figures(analysis, text))  # (two rules run this kind)
    checked = set(KIND.param(rule, "arithmetic"))
    margins = [*(_margins(analysis, text, figures, slack) if "margin" in checked else ()),
               *(_standings(analysis, text, figures) if "margin" in checked else ()),
               *(_majorities(analysis, text, figures) if "majority" in checked else ()),
               *(_to_spare(analysis, text, figures) if "majority" in checked else ())]
    far = KIND.param(rule, "far_ratio")
    far_severity = Severity.parse(KIND.param(rule, "far_severity"))
    for margin, first, second in margins:
        larger, smaller = sorted((first, second), key=lambda f: -f.value)
        gap = larger.value - smaller.value
        yield rule.finding(
            rule.message("margin", larger=larger.mention.text, smaller=smaller.mention.text, actual=_like(margin, gap),
                         stated=("" if margin.exact else f"{margin.mention.value.qualifier} ") + margin.mention.text),
            margin.start, margin.end, analysis.document.source[margin.start:margin.end],
            severity=far_severity if _far_off(margin.mention, margin.value, gap, far) else None,
            suggestion=_like(margin, gap),
            evidence=Evidence(fact="difference", source="arithmetic", value=f"{larger.mention.text} − {smaller.mention.text}"),
        )
    if "sum" in checked:
        yield from _points_from(analysis, rule, text, KIND.param(rule, "scores"))
    sums = [*_sums(analysis, text, figures, slack), *_running_totals(analysis, text, figures),
            *_breakdowns(analysis, text, figures), *_added_for_a_total(analysis, text, figures)] if "sum" in checked else []
    told_before = [*_parts_of_a_whole_told_before(analysis, text, figures), *_listed_after_a_colon(analysis, text, figures)] \
        if "sum" in checked else []
    for (_, total, parts, added), whole_told_before in [*((s, False) for s in sums), *((t, True) for t in told_before)]:
        # reported on the whole stretch, parts and total: a part may have slipped as well as the total
        # ("a duty of 73.6 per cent and one of 9.6 per cent, a combined 80.5 per cent": the 9.6 was
        # 6.9), so no figure of it is offered as the fix — or on the parts alone, of a whole told sentences before
        start, end = (parts[0].start, parts[-1].end) if whole_told_before else \
            (min(total.start, parts[0].start), max(total.end, parts[-1].end))
        yield rule.finding(
            rule.message("sum", parts=" + ".join(p.mention.text for p in parts), total=total.mention.text,
                         actual=_like(total, added)),
            start, end, analysis.document.source[start:end],
            severity=far_severity if _far_off(total.mention, total.value, added, far) else None,
            evidence=Evidence(fact="sum", source="arithmetic", value=" + ".join(p.mention.text for p in parts)),
        )
    for total, rate, count, period, actual in _over_a_term(analysis, text, figures) if "sum" in checked else ():
        yield rule.finding(
            rule.message("term", rate=rate.mention.text, count=count, period=period, actual=_like(total, actual),
                         total=("" if total.exact else f"{total.mention.value.qualifier} ") + total.mention.text),
            total.start, total.end, analysis.document.source[total.start:total.end], suggestion=_like(total, actual),
            evidence=Evidence(fact="sum", source="arithmetic", value=f"{rate.mention.text} × {count}"))
    for move, start, end, expected, stated in _rank_moves(text) if "change" in checked else ():
        yield rule.finding(rule.message("rank", move=move, expected=expected, stated=stated), start, end, analysis.document.source[start:end],
                           evidence=Evidence(fact="rank", source="arithmetic", value=move))
    for start, end, stated, expected, gap, lead in _leads_moved(text) if "change" in checked else ():
        yield rule.finding(rule.message("lead", lead=lead, gap=gap, expected=expected, stated=stated), start, end,
                           analysis.document.source[start:end], suggestion=expected,
                           evidence=Evidence(fact="lead", source="arithmetic", value=f"{lead} and {gap}"))
    for larger, smaller, start, end, actual in _multiples(analysis, text, figures) if "multiple" in checked else ():
        yield rule.finding(
            rule.message("multiple", larger=larger.mention.text, smaller=smaller.mention.text, actual=actual,
                         stated=text[start:end]),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="multiple", source="arithmetic", value=f"{larger.mention.text} ÷ {smaller.mention.text}"))
    changes = list(_changes(analysis, text, figures)) if "change" in checked else []
    # a figure another change is measured from is where none arrives: "up 14 per cent on its September estimate
    # of 32.2 million tonnes and a 3 per cent increase on the record 36.3 million tonnes"
    bases = {change[1].start for change in changes}
    for change in changes:
        difference, base, points, relative = change
        arrived = _arrivals(analysis, text, figures, difference, base, bases)
        if not arrived or relative and difference.end <= arrived[0].start < base.start:
            # "rose by 15 per cent to €295.4 million, from €275.0 million": a rate of "to A, from B" is
            # percent-arithmetic's, as "from B to A" is
            continue
        expected = [_expected(_as_fine_as(figure, difference, base), base, points, relative) for figure in arrived]
        if points and not relative and len({_decimals(f) for f in (difference, base, *arrived)}) == 1:
            # "10.1 per cent …, down from 10.4 per cent …, a drop of 0.4 percentage points": rates published to
            # one decimal are differenced as written, not as what each might have been before rounding
            expected = [(abs(f.value - base.value),) * 2 + (" percentage points",) for f in arrived]
        elif not relative and all(_whole_as_written(f) for f in (difference, base, *arrived)):
            # "slipped 5 points, from 241 to 235": a change in whole numbers between whole numbers is
            # their difference as written — no rounding of either end makes 241 to 235 a fall of five
            expected = [(abs(f.value - base.value),) * 2 + ("",) for f in arrived]
        if any(_agrees(difference, low, high, slack) for low, high, _ in expected):
            continue
        nearest, (low, high, unit) = arrived[0], expected[0]
        start, end = min(difference.start, base.start), max(difference.end, base.end)
        if end - start - (difference.end - difference.start) - (base.end - base.start) > 70:
            # "the previous record of 38.7C (101.7F), measured at … on 25 July 2018, by a clear 1.9C": far from its
            # base, the stated difference is the place (the line between would cover the sentence's other claims)
            start, end = difference.start, difference.end
        if 0 <= nearest.start - end <= 12 and re.fullmatch(r"\s*to\s+[+]?", text[end:nearest.start]):
            end = nearest.end  # "by 72,000, from +336,000 to +246,000": the arrival may be the slip as well
        middle = round((low + high) / 2, 2)
        # in the difference's own form ("$100" for "$200"); a share or points keep their unit
        actual = format_number(middle) + unit if unit else _like(difference, middle)
        yield rule.finding(
            rule.message("change", base=_told(base), arrived=_told(nearest), actual=actual,
                         stated=("" if difference.exact else f"{difference.mention.value.qualifier} ") + difference.mention.text
                         + ("" if difference.mention.text.endswith(("%", "percent", "per cent", "points", "point")) else unit)),
            start, end, analysis.document.source[start:end],
            severity=far_severity if _far_off(difference.mention, difference.value, middle, far) else None,
            evidence=Evidence(fact="difference", source="arithmetic",
                              value=f"{_told(nearest)} against {_told(base)} (line {analysis.document.position(nearest.start)[0]})"),
        )


# "…, for a global debut of $366.3 million", "a combined total of": a figure said to be the sum of the ones before
TOTAL_BEFORE = re.compile(r"\b(?:total|combined|overall|global|worldwide|aggregate|cumulative)\b(?:\s+[a-z-]+){0,2}\s+of\s+$"
                          r"|\b(?:a|an)\s+(?:combined|total|aggregate)\s+$", re.IGNORECASE)
# … or one set after them and said to be all of them: "All 171 passengers and six crew members — 177 people in all"
TOTAL_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:in\s+all|in\s+total|altogether|all\s+told|between\s+them)\b", re.IGNORECASE)
SET_AFTER = re.compile(r"(?:\s[—–]|\s--|,)\s*(?:or\s+|making\s+|so\s+)?$")
NESTED = re.compile(r"\b(?:of which|including|includes|among|out of|within)\b", re.IGNORECASE)  # a part of a part
# a figure set against another is no part of a sum: "28,451 votes, short of the quota of 39,873"
COMPARED = re.compile(r"\b(?:short\s+of|quota|threshold|target|than|behind|ahead\s+of)\b", re.IGNORECASE)
# "from a total valid poll of 79,745": the whole a figure was drawn from, not the sum of those before
WHOLE_BEFORE = re.compile(r"\b(?:from|out\s+of)\s+(?:a|an|the)\s+(?:total|overall|combined)\b[^.;:!?\d]{0,30}$", re.IGNORECASE)
PART_GAP = re.compile(r"^[^.;:!?\d]{0,90}$")


def _sums(analysis: Analysis, text: str, figures: list[Figure], slack: float) -> Iterator:
    """"$162 million in the US and Canada and $194.3 million overseas, for a global debut of $366.3 million"."""
    for index, total in enumerate(figures):
        sentence = analysis.sentence_of(total.start)
        told = TOTAL_BEFORE.search(text[max(sentence.start, total.start - 40):total.start])
        if told is None and TOTAL_AFTER.match(text, total.end, sentence.end):
            told = SET_AFTER.search(text[max(sentence.start, total.start - 40):total.start])
        if not total.exact or not told:
            continue
        if total.kind == "percent" and not re.search(r"combined|total|aggregate", told.group(0), re.IGNORECASE):
            continue  # "an overall share of 45%" is no sum; "a combined 80.5 per cent" of two duties is
        if re.match(r"[ \t]*[-–][ \t]*\d", text[total.end:total.end + 4]):
            continue  # "won all three games … by a combined 21-7": a score, not a sum of the figures before
        if WHOLE_BEFORE.search(text[max(sentence.start, total.start - 60):total.start]):
            continue
        parts: list[Figure] = []
        later = total
        told_at = max(sentence.start, total.start - 40) + told.start()
        for figure in reversed(figures[:index]):
            if figure.start >= told_at or re.fullmatch(r"-[a-z]+\s+", text[figure.end:told_at]):
                later = figure
                continue  # "a 72-hole total of 275": the figure says what the total is of, not a part of it
            if re.search(r"[a-z]-$", text[max(0, figure.start - 4):figure.start]):
                continue  # "on the par-72 course": a word's number, no part (nor anything between parts)
            # (such a number between is no figure: "rounds of 65, 69, 73 and 69 on the par-72 course gave him …")
            gap = re.sub(r"(?<=[a-z]-)\d+", "", text[figure.end:later.start])
            if figure.start < sentence.start or figure.kind != total.kind or not PART_GAP.match(gap) \
                    or (parts and not re.search(r",|\band\b|\bplus\b", gap)) or NESTED.search(gap) or COMPARED.search(gap):
                break
            parts.append(figure)
            later = figure
        if len(parts) < 2 or not all(p.exact for p in parts):
            continue
        if any(bool(p.time_unit) != bool(total.time_unit) and p.noun not in NOT_NOUNS for p in parts):
            continue  # "51,240 kilometers, in his 60-foot IMOCA, and led for a total of 42 days": no lengths add to days
        # the figures as written, allowing the rounding of the least precise of them: "$8 billion,
        # $1.7 billion and $1.3 billion — a combined $10 billion" is a billion short, though "$8
        # billion" alone might stand for 8.4
        added = sum(p.value for p in parts)
        # (whole numbers as written add up exactly: "171 passengers and six crew members — 178 people in all")
        allowed = max((f.high - f.low) / 2 for f in [*parts, total]) \
            + (0 if all(_whole_as_written(f) for f in [*parts, total]) else slack * total.value)
        if abs(added - total.value) <= allowed:
            continue
        # "… convicted Holmes of three counts … and one count …. Jurors acquitted her of four counts … and
        # could not reach a verdict on three others, for a total of 11 counts": the sentence before adds in
        before = analysis.sentence_of(max(0, sentence.start - 1))
        earlier = [f for f in figures if before.start <= f.start < sentence.start and f.kind == total.kind and f.exact]
        if before.start < sentence.start and "\n\n" not in text[before.start:sentence.start] and earlier \
                and abs(added + sum(f.value for f in earlier) - total.value) <= allowed:
            continue
        parts.reverse()
        yield analysis, total, parts, added


# a whole and then what it is made of: "12 crew, made up of three pilots and eight cabin attendants"
# (the parts make the whole), "13,811 children … Of those, 7,124 were girls and 6,867 were boys" (the
# parts are some of it: together no more than it)
MADE_OF_AFTER = re.compile(r"^(?:\s+[a-z-]+){0,3}\s*,?\s*(?:made\s+up\s+of|comprising|consisting\s+of|"
                           r"(?:split|divided|broken\s+down)\s+(?:into|between|as))\s+(?:the\s+)?$", re.IGNORECASE)
# … or set off by a dash after the whole's noun: "eight medals – three golds, two silvers and two bronzes –"
DASHED_AFTER = re.compile(r"^\s+[a-z-]+(?:\s+[a-z-]+){0,2}\s*[—–]\s*$")
# "…, of whom 40 were …", or a sentence opening "Of those, …" after one that gives a single count
SOME_OF = re.compile(r"^(?:\s+[a-z-]+){0,3}\s*,\s*(?:of\s+(?:whom|which)|among\s+them)\s+$", re.IGNORECASE)
SOME_OF_OPENING = re.compile(r"\s*(?:of\s+(?:those|these|them|the\s+total)|among\s+(?:them|those|these))\s*,?\s+", re.IGNORECASE)
# between two parts: the first part's words, then a comma or "and" ("three pilots and eight …"), and no
# word that starts a phrase of another kind ("eight neighborhoods, with seven pools")
PART_JOIN = re.compile(r"^(?![^.;:!?\d]*\b(?:with|of|for|in|on|at|by|from|to|including|plus|than|each|per)\b)[^.;:!?\d]{0,60}$",
                       re.IGNORECASE)


def _breakdowns(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    counts = [f for f in figures if f.kind == "count" and f.exact]
    for index, total in enumerate(figures):
        if total.kind != "count" or not total.exact or index + 1 >= len(figures):
            continue
        first = figures[index + 1]
        gap = text[total.end:first.start]
        exhaustive = bool(MADE_OF_AFTER.match(gap))
        sentence = analysis.sentence_of(first.start)
        between_dashes = not exhaustive and DASHED_AFTER.match(gap) is not None
        if not exhaustive and not between_dashes:
            opening = SOME_OF_OPENING.match(text, sentence.start)
            previous = analysis.sentence_of(max(0, sentence.start - 1))
            if SOME_OF.match(gap):
                pass  # "…, of whom 40 were …"
            elif not (opening and opening.end() == first.start and previous.start <= total.start < previous.end
                      and previous.end <= sentence.start and "\n\n" not in gap
                      and [f for f in counts if previous.start <= f.start < previous.end and not 1800 <= f.value <= 2100] == [total]):
                continue  # "Of those, 7,124 …" after the one count the sentence before gives
        parts = _listed_parts(text, figures, index + 1, sentence)
        if len(parts) < 2 or not all(p.kind == "count" and p.exact and p.value < total.value for p in parts):
            continue
        if between_dashes:
            # "eight medals – three golds, two silvers and two bronzes –": the parts set off by dashes are all of it
            # (the dash closing them, or the sentence's end; not a length of time told again, "20 months — one year and
            # eight months")
            if total.time_unit or any(p.time_unit for p in parts) or total.noun in MINUTES or not re.match(r"\s*[a-z-]+(?:\s+[a-z-]+){0,2}\s*(?:[—–]|[.;]|$)", text[parts[-1].end:sentence.end]):
                continue
            exhaustive = True
        added = sum(p.value for p in parts)
        if added == total.value or (not exhaustive and added < total.value):
            continue
        yield analysis, total, parts, added


def _listed_parts(text: str, figures: list[Figure], first: int, sentence, join: re.Pattern = PART_JOIN) -> list[Figure]:
    """The figures listed as parts from `figures[first]` on, in its sentence: joined by commas or "and", with
    no word between that starts a phrase of another kind (`join` says what may stand between), nor a nested or
    compared figure."""
    parts = [figures[first]]
    for figure in figures[first + 1:]:
        between = text[parts[-1].end:figure.start]
        if figure.start >= sentence.end or not join.match(between) or not re.search(r",|\band\b", between) \
                or NESTED.search(between) or COMPARED.search(between):
            break
        parts.append(figure)
    return parts


# a whole, then its parts after a colon: "43.4 million refugees: 31.6 million under UNHCR's mandate, …"
COLON_AFTER = re.compile(r"^\s+[a-z-]+(?:\s+[a-z-]+){0,2}\s*:\s*$")
# between two parts of such a list: their words (no figure, no clause's end), a comma or "and"
LOOSE_JOIN = re.compile(r"^[^.;:!?\d()]{0,80}$")


def _listed_after_a_colon(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"The total includes 43.4 million refugees: 31.6 million under UNHCR's mandate, 8.5 million other people in
    need of international protection and 6 million Palestine refugees": the parts a colon lists after a whole, to
    the sentence's end, each described in its own words. Such a list may leave a part out, so only a sum that one
    part slipped by a digit (changed, or two swapped) would set right is reported, on the parts."""
    for index, total in enumerate(figures[:-2]):
        sentence = analysis.sentence_of(total.start)
        if total.kind != "count" or not total.exact or total.time_unit or not COLON_AFTER.match(text[total.end:figures[index + 1].start]):
            continue
        parts = _listed_parts(text, figures, index + 1, sentence, LOOSE_JOIN)
        if len(parts) < 3 or not all(p.kind == "count" and p.exact and not p.time_unit and p.value < total.value for p in parts) \
                or not re.search(r"\band\s+(?:[a-z-]+\s+)?$", text[parts[-2].end:parts[-1].start]) \
                or any(parts[-1].end <= f.start < sentence.end for f in figures):
            continue  # a list to the sentence's end, its last part after "and"
        added = sum(p.value for p in parts)
        rounding = sum(_rounding(p) for p in parts) + _rounding(total)
        if abs(added - total.value) <= rounding:
            continue
        slipped = [p for p in parts if any(_one_slip(value, p.value) for value in _meant(total, [q for q in parts if q is not p], p))]
        if len(slipped) == 1:
            yield analysis, total, parts, added


def _rounding(figure: Figure) -> float:
    """How far a count may be from what it says: none for a whole number written out ("14 gold"), half its
    last digit for one rounded ("8.5 million")."""
    return 0.0 if re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+|[a-z]+(?:-[a-z]+)?", figure.mention.text) else half_last_digit(figure.mention)


def _meant(total: Figure, others: list[Figure], part: Figure) -> list[float]:
    """The values, at the step the part is written to ("8.5 million": tenths of a million), that would make the
    parts add up to the total, each other figure read to its own precision."""
    needed = total.value - sum(other.value for other in others)
    slack = _rounding(total) + sum(_rounding(other) for other in others)
    step = 2 * half_last_digit(part.mention)
    lowest, highest = math.ceil((needed - slack) / step - 1e-9), math.floor((needed + slack) / step + 1e-9)
    return [round(multiple * step, 6) for multiple in range(lowest, highest + 1)]


# a whole the article counted before, then what it was made of: "the last of 33 miners …" … "The group was made
# up of 31 Chileans and one Bolivian"
MADE_OF_A_WHOLE_TOLD_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:[a-z-]+\s+)?(?:group|crew|team|squad|party|delegation|contingent|cohort|class|dead|victims|"
    r"hostages|survivors|passengers)\s+(?:(?:was|were|is|are)\s+(?:made\s+up|composed|comprised)\s+of|comprised|comprises|"
    r"consisted\s+of|consists\s+of)\s+$", re.IGNORECASE)


def _parts_of_a_whole_told_before(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"… the last of 33 miners …" … "The group was made up of 31 Chileans and one Bolivian": the parts of a whole
    the article counted before make it. Which earlier count is the whole is not written, so only a sum one slip
    away from one earlier count (a digit changed, neighbours swapped), and equal to none, is reported."""
    for index, first in enumerate(figures):
        sentence = analysis.sentence_of(first.start)
        if first.kind != "count" or not first.exact or first.time_unit \
                or not MADE_OF_A_WHOLE_TOLD_BEFORE.search(text, sentence.start, first.start) \
                or any(sentence.start <= f.start < first.start for f in figures):
            continue
        parts = _listed_parts(text, figures, index, sentence)
        # (the list ends its clause: no part without a figure after it, "31 Chileans, one Bolivian and a dog")
        if len(parts) < 2 or not all(p.kind == "count" and p.exact and not p.time_unit for p in parts) \
                or re.match(r"[^,.;:()—–]*\band\b", text[parts[-1].end:sentence.end]):
            continue
        added = sum(p.value for p in parts)
        wholes = {f.value: f for f in figures if f.end <= sentence.start and f.kind == "count" and f.exact and not f.time_unit
                  and not 1800 <= f.value <= 2100 and f.value > max(p.value for p in parts)}
        slipped = [f for value, f in wholes.items() if _one_slip(added, value)]
        if added not in wholes and len(slipped) == 1:
            yield analysis, slipped[0], parts, added


# a figure told as a multiple of another: "at least 20 million, more than four times the reported figure", "£5bn, about
# three times the £1.6bn of 2019"
_MULTIPLE = re.compile(r"\s*,\s+(?:or\s+|which\s+is\s+)?(?P<multiple>(?:(?P<bound>more\s+than|over|nearly|almost|about|roughly|around|some|"
                       r"close\s+to|less\s+than|under)\s+)?(?:(?P<times>\d{1,2}(?:\.\d)?|two|three|four|five|six|seven|eight|nine|ten)\s+times|"
                       r"(?P<twice>twice)))\s+(?:(?:the|that|its|their|his|her)\b|as\s+(?:many|much)\s+as\b)", re.IGNORECASE)
# … the other figure after it ("the 7 million reported"), or a figure told before, by the word it was told with
# ("the reported figure" of "almost 7 million deaths have been reported")
_NAMED_AFTER = re.compile(r"(?:\s+[a-z'’-]+){0,3}?\s+(?:of\s+)?[$£€¥]?$")
_TOLD_BEFORE = re.compile(r"\s+(?:(?P<word>[a-z-]{4,})\s+)?(?:figure|total|number|toll|tally|amount|count|level|estimate)\b")
# how far the figures may be from the multiple, as a ratio of it, for each way of telling it
_BOUNDS = {None: (0.8, 1.25), "about": (0.75, 1.33), "roughly": (0.75, 1.33), "around": (0.75, 1.33), "some": (0.75, 1.33),
           "close to": (0.75, 1.05), "nearly": (0.7, 1.05), "almost": (0.7, 1.05), "more than": (0.9, math.inf),
           "over": (0.9, math.inf), "less than": (0.0, 1.1), "under": (0.0, 1.1)}


def _multiples(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """(larger, smaller, start, end of the multiple, the ratio shown) for a figure told as a multiple of another that
    the two figures contradict, well beyond rounding: "at least 20 million, more than four times the reported figure",
    after "almost 7 million deaths have been reported" (2.9 times)."""
    for index, larger in enumerate(figures):
        said = _MULTIPLE.match(text, larger.end)
        if said is None or larger.time_unit or larger.value <= 0:
            continue
        sentence = analysis.sentence_of(larger.start)
        times = 2.0 if said["twice"] else float(said["times"]) if said["times"][0].isdigit() else float(word_value(said["times"])[0])
        after = next((f for f in figures[index + 1:] if said.end() <= f.start < sentence.end), None)
        if after is not None and _NAMED_AFTER.fullmatch(text[said.end():after.start]) and after.kind == larger.kind:
            smaller = after
        elif (back := _TOLD_BEFORE.match(text, said.end())) is not None:
            # the nearest earlier figure of its kind in the sentence or the one before, told with the word named
            earlier = analysis.sentence_of(max(0, sentence.start - 1))
            word = back["word"]
            told = [f for f in figures[:index] if f.start >= earlier.start and f.kind == larger.kind and not f.time_unit
                    and (word is None or word[:6] in text[analysis.sentence_of(f.start).start:analysis.sentence_of(f.start).end].lower())]
            if not told:
                continue
            smaller = told[-1]
        else:
            continue
        if smaller.value <= 0 or smaller.time_unit != larger.time_unit:
            continue
        ratio = larger.value / smaller.value
        low, high = _BOUNDS[" ".join(said["bound"].lower().split()) if said["bound"] else None]
        if low * times <= ratio <= high * times:
            continue
        yield larger, smaller, said.start("multiple"), said.end("multiple"), f"{ratio:.1f}"


# "…, bringing the overall toll to 22,112": a running total of the counts the paragraph gave before
BRINGING_BEFORE = re.compile(r"\b(?:bringing|taking|pushing|raising|lifting)\s+(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}"
                             r"(?:toll|total|tally|count|number|figure|sum)\s+to\s+$", re.IGNORECASE)


def _running_totals(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"15,900 dead and 2,523 missing. Another 3,789 died …, bringing the overall toll to 22,112": the
    counts of the paragraph before the total add up to it. Which counts the writer meant to add is
    not written, so only a total one slip away from the sum (a digit changed, two neighbours
    swapped) is reported: the sum of unrelated figures is never a digit away by chance."""
    for index, total in enumerate(figures):
        if total.kind != "count" or not total.exact or not BRINGING_BEFORE.search(text[max(0, total.start - 60):total.start]):
            continue
        paragraph_start = text.rfind("\n\n", 0, total.start) + 1
        parts = [f for f in figures[:index] if f.start >= paragraph_start and f.kind == "count" and f.exact
                 and not 1800 <= f.value <= 2100 and f.value < total.value]
        if len(parts) < 2:
            continue
        added = sum(p.value for p in parts)
        if added == total.value or not _one_slip(added, total.value):
            continue
        yield analysis, total, parts, added


# "Overseas, "Barbie" added $182 million from 70 markets for a global debut of $347 million": the part added,
# then the total it makes with a part the article gave before
ADDED_BEFORE = re.compile(r"\b(?:added|took|earned|grossed|made|contributed|collected|brought\s+in|pulled\s+in)\s+(?:another\s+|a\s+further\s+)?$",
                          re.IGNORECASE)
FOR_A_TOTAL = re.compile(r"^[^.;:]{0,60}?\bfor\s+(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}?(?:global|worldwide|world|total|combined|"
                         r"overall|cumulative)\s+(?:[a-z-]+\s+){0,2}?(?:of\s+)?$", re.IGNORECASE)


def _added_for_a_total(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"Barbie opened to $155 million in North American theaters" … "Overseas, Barbie added $182 million … for a
    global debut of $347 million": the part the article gave before, of the same name, is the total less the part
    added. Which figure that is, is not written: only a total one slip away from a sum is reported (an earlier
    figure of the name one digit off the difference, none equal to it)."""
    for index, added in enumerate(figures[:-1]):
        total = next((f for f in figures[index + 1:] if f.kind == "money"), None)
        if total is None or added.kind != "money" or not (added.exact and total.exact) or total.value <= added.value \
                or not ADDED_BEFORE.search(text[max(0, added.start - 30):added.start]) \
                or not FOR_A_TOTAL.match(text[added.end:total.start]):
            continue
        sentence = analysis.sentence_of(added.start)
        names = _names_in(analysis, sentence)
        needed = total.value - added.value
        # (an "estimated $155 million" is a figure as written too: box office is estimated, and so are early counts)
        earlier = [f for f in figures if f.end <= sentence.start and f.kind == "money" and f.mention.text[:1] == added.mention.text[:1]]
        slack = half_last_digit(added.mention) + half_last_digit(total.mention)
        if not names or any(abs(f.value - needed) <= slack + half_last_digit(f.mention) for f in earlier):
            continue
        slipped = [f for f in earlier if _one_slip(f.value, needed) and names & _names_in(analysis, analysis.sentence_of(f.start))]
        if len(slipped) == 1:
            yield analysis, total, [added, slipped[0]], added.value + slipped[0].value


def _names_in(analysis: Analysis, sentence) -> set[tuple[str, ...]]:
    """The names the recogniser finds in a sentence, as keys."""
    return {name_key(m.text) for m in analysis.mentions_in(sentence.start, sentence.end)
            if m.kind in ("person", "org", "work", "event", "product")}


def _one_slip(first: float, second: float) -> bool:
    return digit_slip(*(str(int(v)) if float(v).is_integer() else str(v) for v in (first, second)))


# "a margin of 760,349 votes", "a lead of 12 points": the gap between two figures the sentence gave before
MAJORITY_BEFORE = re.compile(r"\bmajority\s+of\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
# a vote's result: "by 314 votes to 291", "voted 61-36", "by 61 to 36"
DIVISION = re.compile(r"\b(?:by|vot(?:ed|e|ing)|vote\s+of|pass(?:ed|es)|approv(?:ed|es)|carried|defeated|rejected|backed)\s+"
                      r"(?:(?!by\b)[a-z]+\s+){0,3}?(?:(?P<ayes>\d{1,3}(?:,\d{3})*)\s+(?:votes\s+)?to\s+(?P<noes>\d{1,3}(?:,\d{3})*)\b(?!\s*(?:%|per|[ap]\.?m\b))"
                      r"|(?P<a2>\d{1,3})\s*[-–]\s*(?P<n2>\d{1,3})\b)", re.IGNORECASE)
# … or its two sides named: "1,201,607 votes in favour and 734,300 against", "61 for and 36 against"
SIDES = re.compile(r"(?<![\d,.])(?P<ayes>\d{1,3}(?:,\d{3})*)\s+(?:votes\s+)?(?:\([^)]{0,20}\)\s*)?(?:in\s+favou?r|for|yes)\s*(?:\([^)]{0,20}\)\s*)?"
                   r"(?:,|and|to|with)\s+(?P<noes>\d{1,3}(?:,\d{3})*)\s+(?:votes\s+)?(?:\([^)]{0,20}\)\s*)?(?:against|no)\b", re.IGNORECASE)
# … or written as one word before it: "an unassailable eight-point lead", "a two-stroke margin"
MARGIN_AFTER = re.compile(r"[- ](point|goal|run|vote|seat|stroke|shot|length)s?[- ](?:lead|margin|gap|advantage|cushion|victory|win)\b", re.IGNORECASE)
MARGIN_BEFORE = re.compile(r"\b(?:margin|lead|gap|difference|saving|discount|premium)\s+of\s+(?:just\s+|only\s+|(?:more|less|fewer)\s+than\s+|"
                           r"over\s+|under\s+|nearly\s+|almost\s+|at\s+least\s+)?$", re.IGNORECASE)
# the one whose margin it is: "Loreen's jury lead of 190 points"
_MARGIN_OWNER = re.compile(r"\b([A-Z][\w’'-]+)(?:’s|'s)\s+(?:[\w-]+\s+){0,2}(?:margin|lead|gap|advantage|cushion)\s+of\s+"
                           r"(?:just\s+|only\s+|(?:more|less|fewer)\s+than\s+|over\s+|under\s+|nearly\s+|almost\s+|at\s+least\s+)?$")
# (a bound, not "about £87m": "a budget gap of about £87m" is a shortfall, no difference of the figures before it)


# a final margin over a named rival: "finished on 91 points, three points clear of Mikel Arteta's side, who ended on
# 89", "a record 45 votes, finishing eight votes clear of Collingwood's Nick Daicos"
# ("six clear of Hamilton on 387.5": the unit left to the winner's tally before it)
_RIVAL_AFTER = re.compile(r"(?:\s+(?P<unit>votes?|points?|goals?|seats?|strokes?|shots?))?\s+(?:clear\s+of|ahead\s+of|in\s+front\s+of|behind)\s+"
                          r"(?:the\s+[A-Za-z]+\s+)?(?:[A-Z][\w’'-]*(?:’s|'s)\s+)?", re.IGNORECASE)
# … a standing at the end: not one on the way ("began the final round five shots clear of Cameron Young", "leaving him
# 91 points behind Quartararo at the halfway point")
_FINISHED = re.compile(r"\b(?:finish\w*|won|ended|closed)\b", re.IGNORECASE)
_ON_THE_WAY = re.compile(r"\b(?:began|begin\w*|start\w*|lead\w*|led|trail\w*|leaving|falling|halfway|with\s+\w+\s+(?:rounds?|races?|games?|"
                         r"matches|holes?)\s+(?:left|to\s+go|remaining)|before|ahead\s+of\s+\w+'s)\b", re.IGNORECASE)
# the rival's own tally: "…, who ended on 89", "Daicos polled 38", "(38)"
_TALLY_AFTER_NAME = r"(?:’s|'s)?(?:\s*\(|,?\s+(?:who|which)\s+(?:had|has|ended|finished|polled|scored|took|won|got)\s+(?:on\s+|with\s+)?|\s+(?:polled|scored|had|finished\s+on|ended\s+on|took|won|got)\s+(?:on\s+|with\s+)?|\s+on\s+)$"


def _standings(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """A final margin over a named rival that the two tallies the article gives do not make: "City finished on 91
    points, three points clear of Mikel Arteta's side, who ended on 89". The winner's tally is a figure of that
    unit before the margin in its sentence; the rival's, a figure right after the rival's name, there or in any
    sentence ("Daicos polled 38"). Whole counts, so the gap is exact; any pair of tallies that agrees is enough."""
    for margin in figures:
        rival = _RIVAL_AFTER.match(text, margin.end)
        if rival is None or not margin.exact or margin.kind != "count":
            continue
        sentence = analysis.sentence_of(margin.start)
        lead = text[sentence.start:margin.start]
        if not _FINISHED.search(lead) or _ON_THE_WAY.search(lead):
            continue
        before = [f for f in figures if sentence.start <= f.start < margin.start and f.kind == "count" and f.exact]
        unit = (rival.group("unit") or (before[-1].noun if before else None) or "").lower().rstrip("s")
        own = [f for f in before if (f.noun or "").lower().rstrip("s") == unit] if unit else []
        # (the rival's name as the recogniser reads it, or its capitalised words: "Mikel Arteta's side")
        name = next((m.text for m in analysis.mentions if m.start == rival.end() and m.kind in ("person", "org")), None) \
            or next(iter(re.findall(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*", text[rival.end():rival.end() + 40])[:1]), None)
        if not own or name is None:
            continue
        surname = re.sub(r"(?:’s|'s)$", "", name).split()[-1]
        theirs = [f for f in figures if f.kind == "count" and f.exact and f is not margin and f not in own
                  and re.search(rf"\b{re.escape(surname)}\b(?:[^.;:!?]{{0,40}}?\b(?:side|team|club))?{_TALLY_AFTER_NAME}",
                                text[max(0, f.start - 80):f.start])]
        if not theirs or any(abs(a.value - b.value) == margin.value for a in own for b in theirs):
            continue
        yield margin, own[-1], theirs[0]


_TIME_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}


def _margins(analysis: Analysis, text: str, figures: list[Figure], slack: float) -> Iterator:
    """"1,429,981 votes (66.4%) in favour and 723,632 (33.6%) against, a margin of 760,349 votes":
    no two of the sentence's figures of that kind are that far apart."""
    for margin in figures:
        sentence = analysis.sentence_of(margin.start)
        compound = MARGIN_AFTER.match(text, margin.end)
        # (a bounded margin too: "a margin of more than 3.6 million votes" is at least that, "nearly 3.2 million" at most)
        if not (compound or MARGIN_BEFORE.search(text[max(sentence.start, margin.start - 30):margin.start])):
            continue
        points = _points(text, margin)
        kind = "percent" if points else margin.kind

        unit = compound.group(1) if compound else margin.noun

        def compared(start: int, end: int) -> list[Figure]:
            return [f for f in figures if start <= f.start < end and f.kind == kind and f.exact
                    and (kind != "count" or not f.noun or not unit or f.noun.rstrip("s") == unit.rstrip("s"))
                    and (not compound or (f.noun or "").rstrip("s") == unit or re.match(r"\s*(?:,|and|\.|with|$)", text[f.end:f.end + 6]))
                    and not GAP_AFTER.match(text[f.end:f.end + 30])]

        def before() -> list[Figure]:
            found = compared(sentence.start, margin.start)
            if not found:
                # "Lula won 60,345,999 votes to 58,206,354. The winning margin of 2,193,645 votes …": the
                # sentence before, in the same paragraph
                previous = analysis.sentence_of(sentence.start - 1) if sentence.start else None
                if previous is not None and previous.start < sentence.start and "\n\n" not in text[previous.start:sentence.start]:
                    found = compared(previous.start, previous.end)
                    # … two sides, not one side's list ("His rounds of 67, 65, 69 and 70. The 65 on Friday gave him
                    # a five-shot cushion": the rival's score is not given)
                    found = found if len(found) == 2 else []
                    # … of the margin's own measure, one of them at least saying it ("drew 1–1 … a lead of seven points": a
                    # score of goals is no tally of points)
                    if unit and not any((f.noun or "").rstrip("s") == unit.rstrip("s") for f in found):
                        found = []
            return found

        stated = before()
        if len(stated) < 2 and points and re.match(r"\s*points?\b", text[margin.end:margin.end + 10], re.IGNORECASE):
            # "265 points to Quartararo's 248, a winning margin of 19 points": points of a table, not of a percentage
            kind, unit = margin.kind, "points"
            stated = before()
        if len(stated) == 1:
            # "Loreen finished on 583 points … Käärijä was second on 526 points, a margin of 75 points": one side in its
            # sentence, the other told in the sentence before, in the same paragraph, of the margin's own measure
            pair = _other_side_before(analysis, text, margin, stated[0], compared)
            if pair is not None:
                yield pair
            continue
        if len(stated) < 2:
            continue
        owner = _MARGIN_OWNER.search(text[max(sentence.start, margin.start - 60):margin.start])
        if owner is not None and owner.group(1) not in text[analysis.sentence_of(stated[0].start).start:stated[-1].end]:
            continue  # "… lifted Finland to 526 in total, but Loreen's jury lead of 190": a tally of hers the figures are not
        gaps = [(abs(a.value - b.value), a, b) for i, a in enumerate(stated) for b in stated[i + 1:]]
        # points, goals, seats are whole: "77 points" is no rounding of 77.4, so their gap is exact
        spread = 0 if compound else 1

        def fits(pairs) -> bool:
            return any(_agrees(margin, abs(a.value - b.value) - spread * (a.high - a.low + b.high - b.low) / 2,
                               abs(a.value - b.value) + spread * (a.high - a.low + b.high - b.low) / 2, slack) for a, b in pairs)

        if fits((a, b) for _, a, b in gaps):
            continue
        told = analysis.sentence_of(min(f.start for f in stated))
        previous = analysis.sentence_of(told.start - 1) if told.start else None
        earlier = []
        if previous is not None and previous.start < told.start and "\n\n" not in text[previous.start:told.start]:
            # "Apple shipped 234.6 million … Samsung shipped 226.6 million, down from 262.2 million. Apple's margin of
            # 8 million units …": one side in the sentence before those figures, in the same paragraph, whatever
            # its noun ("phones" for "units")
            # (never a length of time for another measure: "every two weeks" is no side of "a difference of 0.54 points")
            earlier = [f for f in figures if previous.start <= f.start < previous.end and f.kind == kind and f.exact
                       and ((f.noun or "").rstrip("s") not in _TIME_NOUNS or (f.noun or "").rstrip("s") == (unit or "").rstrip("s"))]
            if fits((a, b) for a in earlier for b in stated):
                continue
        # the two sides are the pair whose gap the margin is a slip of, when one is ("carried Australia to 369 … India
        # replied with 336, Thakur making 67 …, leaving Australia with a first-innings lead of 23"), else the largest
        slipped = [(a, b) for a, b in [*((a, b) for _, a, b in gaps), *((a, b) for a in earlier for b in stated)]
                   if a.value != b.value and _slip_of(margin.mention, margin.value, a.value - b.value)]
        if slipped:
            yield margin, *slipped[0]
            continue
        _, first, second = max(gaps, key=lambda gap: (max(gap[1].value, gap[2].value)))
        yield margin, first, second


# a sum a period ("€45 million a year", "$2bn per year"), and a term counted in those periods ("a five-year contract",
# "over the next four years"); a sum over the whole term ("some €270 million over the length of the deal")
_A_PERIOD = re.compile(r"\s*(?:a|per|each|every)\s+(year|season|month|week)\b", re.IGNORECASE)
_TERM = re.compile(r"\b(?P<count>\w+)[- ](?P<period>year|season|month|week)[- ](?:contract|deal|agreement|lease|term|extension|loan|plan)\b"
                   r"|\bover\s+(?:the\s+(?:next\s+)?)?(?P<count2>\w+)\s+(?P<period2>year|season|month|week)s\b", re.IGNORECASE)
_OVER_THE_TERM = re.compile(r"\s*(?:in\s+total\s+)?(?:over\s+the\s+(?:length|life|course|term|duration|whole)\s+of\s+the\s+(?:deal|contract|agreement|lease|term)"
                            r"|over\s+(?:the\s+)?(?:\w+\s+)?(?:years|seasons|months|weeks)\b|in\s+total\b|in\s+all\b)"
                            # (not a total with more in it: "£42m in total with bonuses")
                            r"(?!\s*,?\s*(?:including|with|plus|if|once|after|before)\b)", re.IGNORECASE)


def _over_a_term(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator[tuple[Figure, Figure, int, str, float]]:
    """(total, rate, count, period, rate × count) for a sum over a whole term that is not the rate for each
    period times the periods: "a five-year contract … €45 million a year …, some €270 million over the length of
    the deal" (five times €45 million is €225 million). The term in the rate's sentence or the one before, in
    the same paragraph; the total after the rate in its sentence, in the same currency."""
    money = [f for f in figures if f.kind == "money"]
    for rate in money:
        period = _A_PERIOD.match(text, rate.end)
        if period is None:
            continue
        sentence = analysis.sentence_of(rate.start)
        previous = analysis.sentence_of(sentence.start - 1) if sentence.start else sentence
        reach = previous.start if "\n\n" not in text[previous.start:sentence.start] else sentence.start
        terms = [t for t in _TERM.finditer(text, reach, sentence.end)
                 if (t["period"] or t["period2"]).lower() == period.group(1).lower()]
        counts = {whole_number(t["count"] or t["count2"]) if not (t["count"] or t["count2"]).isdigit() else int(t["count"] or t["count2"])
                  for t in terms}
        if len(counts) != 1 or None in counts:
            continue
        count = counts.pop()
        if not 2 <= count <= 50:
            continue
        for total in money:
            if not (rate.end < total.start < sentence.end) or not _OVER_THE_TERM.match(text, total.end) \
                    or total.mention.text[:1] != rate.mention.text[:1]:
                continue
            low, high = rate.low * count, rate.high * count
            slack = 0 if total.exact else 0.05 * max(total.value, high)
            if not (total.low - slack <= high and low <= total.high + slack):
                yield total, rate, count, period.group(1).lower(), rate.value * count
            break


def _other_side_before(analysis: Analysis, text: str, margin: Figure, side: Figure, compared) -> tuple | None:
    """(margin, one side, the other) when the margin is no gap between the one side its sentence gives and any
    figure of its measure the sentence before gives (the pair it is a slip of, or the largest); None when one fits."""
    sentence = analysis.sentence_of(margin.start)
    previous = analysis.sentence_of(sentence.start - 1) if sentence.start else None
    if previous is None or previous.start >= sentence.start or "\n\n" in text[previous.start:sentence.start] or not side.noun:
        return None
    others = [f for f in compared(previous.start, previous.end) if f.value != side.value]
    if not others or not any((f.noun or "").rstrip("s") == side.noun.rstrip("s") for f in others):
        return None
    if any(_agrees(margin, abs(f.value - side.value), abs(f.value - side.value), 0) for f in others):
        return None
    slipped = [f for f in others if _slip_of(margin.mention, margin.value, f.value - side.value)]
    other = slipped[0] if slipped else max(others, key=lambda f: f.value)
    return margin, other, side


def _majorities(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"Passed by 314 votes to 291, a majority of 23": a division's majority is the gap between its
    two sides (a majority of seats is not: "411 of the 650 seats, a majority of 174")."""
    by_start = {figure.start: figure for figure in figures}
    for majority in figures:
        sentence = analysis.sentence_of(majority.start)
        if not majority.exact or not MAJORITY_BEFORE.search(text[max(sentence.start, majority.start - 30):majority.start]):
            continue
        divisions = [*DIVISION.finditer(text, sentence.start, majority.start), *SIDES.finditer(text, sentence.start, majority.start)]
        if not divisions:
            polled = _top_two_polls(text, figures, majority)
            if polled is not None and _slip_of(majority.mention, majority.value, polled[0].value - polled[1].value):
                yield majority, *polled
            continue
        sides = _one_division(divisions)
        if sides is None:
            continue  # two votes in one sentence: which one's majority is unclear
        first, second = (by_start.get(side) for side in sides)
        if first is not None and second is not None and abs(first.value - second.value) != majority.value:
            yield majority, first, second


def _one_division(divisions: list[re.Match]) -> tuple[int, int] | None:
    """Where the ayes and the noes of the one division found start ("by 180 votes to 169"), or None when
    the matches are of two divisions or more."""
    if len({d.start("ayes") if d.group("ayes") else d.start() for d in divisions}) != 1:
        return None
    groups = ("ayes", "noes") if divisions[0].group("ayes") else ("a2", "n2")
    return divisions[0].start(groups[0]), divisions[0].start(groups[1])


_VOTED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:voted|backed|cast\s+ballots)\b")
# "with five votes to spare": the votes over the bar a vote had to clear …
_TO_SPARE = re.compile(r"\s+(?:votes?|seats?)\s+to\s+spare\b", re.IGNORECASE)
# … the bar told before it in its paragraph: "The motion needed an absolute majority of 176"
_BAR = re.compile(r"\b(?:needed|needs|required|requires|need|require)\s+(?:(?:an?|the)\s+)?(?:(?:absolute|simple|overall|two-thirds)\s+)?"
                  r"(?:majority\s+of\s+|minimum\s+of\s+)?(?P<bar>\d{1,3}(?:,\d{3})*)\b", re.IGNORECASE)


def _to_spare(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator:
    """"by 180 votes to 169" … "needed an absolute majority of 176 … cleared that bar with five votes to spare": the
    votes to spare are the votes for less the bar, when the article gives one division before them and their
    paragraph one bar."""
    by_start = {figure.start: figure for figure in figures}
    for spare in figures:
        if not spare.exact or not _TO_SPARE.match(text, spare.end):
            continue
        paragraph = text.rfind("\n\n", 0, spare.start) + 1
        bars = list(_BAR.finditer(text, paragraph, spare.start))
        sides = _one_division([*DIVISION.finditer(text, 0, spare.start), *SIDES.finditer(text, 0, spare.start)])
        if len(bars) != 1 or sides is None:
            continue
        ayes = by_start.get(sides[0])
        bar = by_start.get(bars[0].start("bar"))
        if ayes is not None and bar is not None and ayes.value > bar.value and ayes.value - bar.value != spare.value:
            yield spare, ayes, bar


def _top_two_polls(text: str, figures: list[Figure], majority: Figure) -> tuple[Figure, Figure] | None:
    """The two largest tallies of votes the majority's paragraph gives before it ("won the seat with 16,456 votes
    … Claire Holmes took 12,295 votes …, leaving Labour with a majority of 4,611"): an election's majority is the
    winner's lead over the runner-up. The paragraph may leave the runner-up out, so only a slip of the gap counts."""
    paragraph = text.rfind("\n\n", 0, majority.start) + 1
    # (a tally told by its verb is one too: "1,201,607 people voted Yes and 734,300 voted No")
    polls = [f for f in figures if paragraph <= f.start < majority.start and f.exact
             and (f.noun in ("votes", "vote") or _VOTED_AFTER.match(text, f.end)) and f.kind == "count" and f.value >= 100]
    if len(polls) < 2:
        return None
    first, second = sorted(polls, key=lambda f: -f.value)[:2]
    return first, second


# a fraction of a point told in words, as rates are moved: "by a quarter of a percentage point", "half a point"
_POINT_FRACTION = re.compile(r"\b(?P<fraction>(?:a|one|three)\s+quarters?\s+of|half)\s+a\s+(?:percentage\s+)?point\b",
                             re.IGNORECASE)
_FRACTIONS = {"quarter": 0.25, "quarters": 0.75, "half": 0.5}


def _point_fractions(text: str) -> list[Mention]:
    """Each fraction of a point written in words, as a figure of percentage points."""
    found = []
    for match in _POINT_FRACTION.finditer(text):
        words = match.group("fraction").lower().split()
        value = _FRACTIONS[words[0] if words[0] == "half" else words[1]]
        found.append(Mention("number", match.start(), match.end(), match.group(0), NumberValue(value, value, value), "point-fraction"))
    return found


def _figures(analysis: Analysis, text: str) -> list[Figure]:
    """The document's figures in order, "2 hours and 46 minutes" as one figure of 166 minutes."""
    figures: list[Figure] = []
    mentions = analysis.mentions
    if _POINT_FRACTION.search(text):
        mentions = sorted([*mentions, *_point_fractions(text)], key=lambda mention: mention.start)
    for mention in mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal:
            continue
        after = text[mention.end:mention.end + 30]
        if _band_end(text, mention):
            continue  # "up two bands, from 1001–1200": a band's ends are no figures to subtract
        if re.fullmatch(r"(?:1[89]|20)\d\d", mention.text) and text[mention.start - 1:mention.start] == "(" \
                and text[mention.end:mention.end + 1] == ")":
            continue  # "shared by Takao Kajimoto (1957) and Masayuki Dobashi (1958)": a year in brackets, no figure
        if mention.label == "percent" or re.match(r"^\s*(?:%|per\s?cent\b|percent\b)", after) \
                or re.search(r"(?:%|\bper\s?cent|\bpercent)$", mention.text):
            kind, noun = "percent", "percent"
        elif mention.label == "money":
            kind, noun = "money", "money"
        else:
            kind, noun = "count", _noun_after(after)
        half = 0.01 if mention.label == "point-fraction" else half_last_digit(mention)  # a fraction is told exactly
        exact = value.qualifier is None  # "about", "more than": approximate
        low, high = (min(value.low, value.value - half), max(value.high, value.value + half)) if exact else (value.low, value.high)
        if _BELOW_ZERO.search(text, max(0, mention.start - 10), mention.start) and value.value > 0:
            # "settled at minus $37.63 a barrel …, down $55.90, or 306%, from $18.27": a figure below zero
            value = dataclasses.replace(value, value=-value.value, low=-value.high, high=-value.low)
            low, high = -high, -low
        unit = re.match(r"^[\s-]*(year|month|week|day|decade|centur)", after, re.IGNORECASE)
        figure = Figure(mention.start, mention.end, low, high, value.value, kind, noun, exact, mention,
                        unit.group(1).lower() if unit and kind == "count" else "")
        if noun in MINUTES:
            previous = figures[-1] if figures else None
            scale = MINUTES[noun]
            figure = Figure(figure.start, figure.end, low * scale, high * scale, value.value * scale, kind, "minutes", figure.exact, mention)
            if previous is not None and previous.noun == "minutes" and noun.startswith("min") \
                    and re.fullmatch(r"\s*(?:hours?|hrs?)\s*(?:,|and)?\s*", text[previous.end:mention.start]):
                # "2 hours and 46 minutes": the hours are whole, the minutes say the precision
                figures[-1] = Figure(previous.start, mention.end, previous.value + low, previous.value + high,
                                     previous.value + value.value, kind, "minutes", previous.exact and figure.exact, previous.mention)
                continue
        figures.append(figure)
    return figures


_BELOW_ZERO = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)


# a band or a range written with its two ends ascending ("the 601–800 band", "from 1001-1200"); a
# score may run either way, and "3-1" is left to the score checks
_BAND_AFTER = re.compile(r"^[ \t]*[–-][ \t]*(\d[\d,]*)")
_BAND_BEFORE = re.compile(r"(\d[\d,]*)[ \t]*[–-][ \t]*$")


def _band_end(text: str, mention: Mention) -> bool:
    value = mention.value.value
    if (after := _BAND_AFTER.match(text[mention.end:mention.end + 12])) is not None:
        return value < float(after.group(1).replace(",", ""))
    if (before := _BAND_BEFORE.search(text[max(0, mention.start - 12):mention.start])) is not None:
        return float(before.group(1).replace(",", "")) < value
    return False


# the places of a table in words, first to twentieth (the lexicon's first twenty ordinals, in order)
_PLACE_WORDS = list(ORDINALS)[:20]
_ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:twenty-)?(?:{'|'.join(_PLACE_WORDS)}))"
# a move in a ranking and where it started: "up three places from seventh", "climbed two spots from 10th"
RANK_MOVE = re.compile(
    rf"\b(?P<way>up|down|climb(?:s|ed|ing)?|r(?:ise|ises|ose|isen|ising)|jump(?:s|ed|ing)?|f[ae]ll(?:s|en|ing)?|"
    rf"drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|sl(?:ide|ides|id|iding)|mov(?:e|es|ed|ing)\s+(?:up|down))\s+"
    rf"(?P<places>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:places?|spots?|positions?|rungs?)"
    rf"\s*,?\s+from\s+(?:the\s+)?(?P<start>{_ORDINAL})\b", re.IGNORECASE)
# … and where it arrived, right after: "…, are third", "to fourth", "into sixth"
RANK_ARRIVAL = re.compile(rf"\s*,?\s*(?:to|into|are|is|now|and\s+(?:are|is|now))\s+(?:in\s+)?(?:the\s+)?(?P<end>{_ORDINAL})\b",
                          re.IGNORECASE)
_DOWN = re.compile(r"down|f[ae]ll|drop|slip|sl[iy]d|mov\w*\s+down", re.IGNORECASE)


def _rank_moves(text: str) -> Iterator[tuple[str, int, int, str, str]]:
    """"Barcelona, up three places from seventh, are third": a move in a table that does not arrive
    where it says (seventh, up three, is fourth)."""
    for match in RANK_MOVE.finditer(text):
        arrival = RANK_ARRIVAL.match(text, match.end())
        if arrival is None:
            continue
        places, start_rank, end_rank = (_rank(match.group("places")), _rank(match.group("start")), _rank(arrival.group("end")))
        if None in (places, start_rank, end_rank):
            continue
        expected = start_rank + places if _DOWN.match(match.group("way")) else start_rank - places
        if expected >= 1 and expected != end_rank:
            yield (text[match.start():match.end()], match.start(), arrival.end(), _ordinal_like(arrival.group("end"), expected),
                   arrival.group("end"))


# "beat Pogačar … by 1:38, stretching his 10-second lead to 1:58": a lead moved by a margin arrives at their sum
# (or, cut, at their difference); a clock of minutes and seconds, or a figure with its unit
_AMOUNT = r"(?:\d{1,2}:[0-5]\d|\d+(?:\.\d+)?[\s-](?:seconds?|secs?|minutes?|mins?|points?|strokes?|shots?|runs?|goals?|games?|votes?|seats?))"
_LEAD_MOVED = re.compile(
    rf"\bby\s+(?:a\s+further\s+|another\s+)?(?P<gap>{_AMOUNT}),?\s+(?:and\s+)?(?P<verb>stretch|extend|increas|widen|grow|cutt?|reduc|trimm?|narrow|slash)\w*"
    rf"\s+(?:his|her|their|its|the)\s+(?:overall\s+)?(?P<lead>{_AMOUNT})\s+(?:overall\s+)?(?:lead|advantage|cushion)\b[^.;:\d]{{0,40}}?\s+to\s+"
    rf"(?P<new>{_AMOUNT}|\d+(?:\.\d+)?)(?![\d:])", re.IGNORECASE)
_GROWS = ("stretch", "extend", "increas", "widen", "grow")


def _leads_moved(text: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(start, end, stated, expected, margin, lead) for each lead moved by a margin to a figure that is not their
    sum (or difference): "by 1:38, stretching his 10-second lead to 1:58" arrives at 1:48."""
    for match in _LEAD_MOVED.finditer(text):
        gap, lead, new = (_amount(match.group(name)) for name in ("gap", "lead", "new"))
        if gap is None or lead is None or new is None:
            continue
        unit = {gap[1], lead[1], new[1]} - {""}
        if len(unit) != 1:
            continue  # another unit, or none to tell what the lead counts
        grows = match.group("verb").lower().startswith(_GROWS)
        expected = lead[0] + gap[0] if grows else lead[0] - gap[0]
        if expected <= 0 or abs(expected - new[0]) < 1e-9:
            continue
        written = match.group("new")
        shown = f"{int(expected) // 60}:{int(expected) % 60:02d}" if ":" in written and unit == {"second"} else format_number(expected)
        yield match.start("gap"), match.end("new"), written, shown, match.group("gap"), match.group("lead")


def _amount(written: str) -> tuple[float, str] | None:
    """A clock of minutes and seconds in seconds ("1:38" → 98), or a figure and its unit's singular ("10-second")."""
    clock = re.fullmatch(r"(\d{1,2}):([0-5]\d)", written)
    if clock:
        return int(clock.group(1)) * 60 + int(clock.group(2)), "second"
    figure = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[\s-]([a-z]+))?", written, re.IGNORECASE)
    if figure is None:
        return None
    unit = (figure.group(2) or "").lower().rstrip("s")
    unit = {"sec": "second", "min": "minute"}.get(unit, unit)
    value = float(figure.group(1))
    return (value * 60, "second") if unit == "minute" else (value, unit)


def _rank(written: str) -> int | None:
    digits = re.match(r"\d+", written)
    if digits:
        return int(digits.group(0))
    value = word_value(written)
    return int(value[0]) if value is not None else None


def _ordinal_like(written: str, number: int) -> str:
    """A place written as the article writes its places: "4th", or "fourth"."""
    if written[:1].isdigit():
        return ordinal(number)
    return _PLACE_WORDS[number - 1] if number <= len(_PLACE_WORDS) else str(number)


def _like(figure: Figure, number: float) -> str:
    return format_number_like(figure.mention, number)


def _noun_after(after: str) -> str:
    if part := PART_OF.match(after):
        return _noun_after(after[part.end():])  # "240 of the 543 seats" counts seats
    match = re.match(r"^[\s-]*(?:(?:million|billion|thousand|more|extra|additional|fewer|short)\s+)?([A-Za-z]+)", after)
    word = match.group(1).lower() if match else ""
    return "" if word in NOT_NOUNS else word


def _changes(analysis: Analysis, text: str, figures: list[Figure]) -> Iterator[tuple[Figure, Figure, bool, bool]]:
    """(difference, base, in points, relative) for each change the text states."""
    for index, figure in enumerate(figures):
        sentence = analysis.sentence_of(figure.start)
        rest = [f for f in figures[index + 1:] if f.start < sentence.end]
        after = text[figure.end:figure.end + 60]
        points = _points(text, figure)
        before = text[max(sentence.start, figure.start - 80):figure.start]
        base = None
        if rest and (FROM_AFTER.match(text[figure.end:rest[0].start])
                     or figure.kind == "percent" and ON_BASE_AFTER.match(text[figure.end:rest[0].start])) \
                and CHANGE_WORD.search(before) \
                and not ARRIVAL_BEFORE.search(before) \
                and _noun_after(text[rest[0].end:rest[0].end + 30]) not in TRIES:
            base = rest[0]  # "rose 265% from $6.05 billion", "a drop of 73 from the 303"
        elif rest and CHANGE_NOUN_FROM.match(text[figure.end:rest[0].start]):
            base = rest[0]  # "a 37% decline from the previous all-time low of 5.9 million"
        elif len(rest) >= 2 and re.fullmatch(rf"\s*(?:(?:{UNIT_WORDS})\s*,?\s*|,\s*|[a-z]+\s+)?to\s+(?:(?:minus|negative)\s+)?",
                                             text[figure.end:rest[0].start], re.IGNORECASE) \
                and FROM_AFTER.match(text[rest[0].end:rest[1].start]) and re.search(r"\bby\s+$", before) and CHANGE_WORD.search(before):
            # "will rise by 1,570 yen to 68,000 yen, from 66,250 yen", "cut … by a quarter of a percentage point, to
            # 0.75 percent from 1.25 percent": the base after the arrival
            base = rest[1]
        elif COMPARATIVE.match(after):
            # "11 minutes longer than its predecessor: the 2021 film ran 150 minutes"
            # — not a figure that is itself a gap, nor one past a second comparison ("two fewer than on
            # election night and 23 fewer than the 56": election night is the base, and no figure)
            base = next((f for f in rest if f.kind == figure.kind
                         and (f.noun.rstrip("s") == figure.noun.rstrip("s")  # "23 metres longer than the 1,991-metre span"
                              or (not f.noun and NAMED_AT_ONCE.fullmatch(text[figure.end:f.start])))
                         and not GAP_AFTER.match(text[f.end:f.end + 30])
                         and len(re.findall(r"\bthan\b", text[figure.end:f.start])) < 2
                         # nor past a second gap ("two fewer than Rafael Nadal and four behind Federer's 20": the
                         # 20 is the second gap's base, Nadal's figure is not given)
                         and not any(figure.end <= g.start < f.start and GAP_AFTER.match(text[g.end:g.end + 30]) for g in rest)
                         # not past the comparison's own clause ("19 grams less than the 206-gram iPhone 14
                         # Pro, and the Pro Max weighs 221 grams": 221 is another phone's)
                         and not re.search(r",\s+(?:and|but|while|whereas)\s|;", text[figure.end:f.start])
                         # "short of" names its figure at once ("22 short of the 272"), or none ("of a majority")
                         and not (SHORT_OF.match(after) and
                                  not re.fullmatch(r"\s*(?:[a-z]+\s+)?short\s+of\s+(?:the\s+|a\s+)?", text[figure.end:f.start]))), None)
        elif BEAT_BY.search(before) and (beaten := BEATEN.search(text, sentence.start, figure.start)) \
                and _a_verb(analysis, beaten.start(), beaten.end()):
            # "It beats the previous record of 38.7C …, by a full 1.8C": the figure beaten is the base
            # (not a figure after "by" itself: "beat the Welshman by 44 seconds … to take the jersey by 14 seconds"
            # gives two margins, no level beaten)
            base = next((f for f in figures if beaten.end() <= f.start < figure.start and f.kind == figure.kind
                         and (figure.kind != "count" or f.noun.rstrip("s") == figure.noun.rstrip("s"))
                         and not BEAT_BY.search(text[max(0, f.start - 30):f.start])), None)
        elif CHANGE_NOUN_OF.search(before) and not ANOTHER_YEAR_AFTER.match(after) and not OWN_BASE_AFTER.match(after):
            # "up from 8.6% in May, was an acceleration of 0.7 percentage point", "widened to 22.2% from 16.9%,
            # an improvement of 3.5 percentage points" (not "with growth of 2.1%
            # expected in 2025": another year's figure, not the change; nor "livestock farms must cut by 50%, up
            # from 30%": a level with its own base; nor a base past a semicolon, another clause's)
            base = next((f for f in figures if sentence.start <= f.start < figure.start
                         and (UP_FROM.search(text[max(sentence.start, f.start - 30):f.start])
                              or TO_THEN_FROM.search(text[max(sentence.start, f.start - 60):f.start]))
                         and ";" not in text[f.end:figure.start]), None)
            if base is not None and any(base.end <= f.start < figure.start and f.kind == figure.kind
                                        and not TO_AFTER.fullmatch(text[base.end:f.start]) for f in figures):
                # "up from €454 million …, and net income was €367 million, against a loss of €70 million":
                # the change of a figure said after the base is that figure's, not the base's ("from £9,250
                # to £9,535 …, a rise of £285": the figure the base goes "to" is its arrival)
                base = None
        # a bound ("more than €550 million larger") is checked too: the figures must not fall short of it
        bounded = math.isinf(figure.low) != math.isinf(figure.high)
        if base is None or not ((figure.exact or bounded) and base.exact):
            continue
        if not base.noun and figure.kind == "count":
            # "23 seats short of the 272 needed": the base counts what its gap counts
            base = dataclasses.replace(base, noun=figure.noun)
        if points and figure.kind == "count" and base.kind == "count" and figure.noun in ("points", "point"):
            points = False  # "the average score fell 5 points, from 241 to 235": a score's points, no percentage's
        relative = figure.kind == "percent" and not points and base.kind != "percent"
        if not relative and not _same_measure(figure, base, points):
            continue
        yield figure, base, points, relative


def _a_verb(analysis: Analysis, start: int, end: int) -> bool:
    """Is the word a verb in the parse ("topped", not "the top 200"); without a parse, yes."""
    if analysis.syntax is None:
        return True
    root = analysis.syntax.span_root(start, end)
    return root is None or analysis.syntax.tokens[root].tag.startswith("VB")


def _same_measure(difference: Figure, base: Figure, points: bool) -> bool:
    if points:
        return base.kind == "percent"
    if difference.kind != base.kind or difference.time_unit != base.time_unit:
        return False
    return difference.kind != "count" or not difference.noun or not base.noun or difference.noun.rstrip("s") == base.noun.rstrip("s")


def _arrivals(analysis: Analysis, text: str, figures: list[Figure], difference: Figure, base: Figure,
              bases: set[int] = frozenset()) -> list[Figure]:
    """The figure(s) the change arrives at: "to B" after the base, else the same measure earlier in
    the sentence, else in the nearest earlier sentence that speaks of the same noun or subject."""
    sentence = analysis.sentence_of(difference.start)
    first = min(difference.start, base.start)

    def candidate(figure: Figure) -> bool:
        return (figure is not difference and figure is not base and figure.start not in bases and figure.kind == base.kind
                and figure.time_unit == base.time_unit
                and (base.kind != "count" or not base.noun or figure.noun.rstrip("s") == base.noun.rstrip("s"))
                and not GAP_AFTER.match(text[figure.end:figure.end + 30])
                and not re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, figure.start - 12):figure.start])
                # "240 of the 543 seats": the whole a part is of, not a figure arrived at
                and not re.search(r"\d\s+of\s+(?:the\s+)?$", text[max(0, figure.start - 20):figure.start])
                # "pay is up $1.40, or 4.4%", "an increase of 22,703,743, or 7.4%": a change itself, restated as
                # a share, not a level
                and not ((re.search(r"\b(?:up|down|by)\s+(?:about\s+|some\s+|nearly\s+)?$", text[max(0, figure.start - 16):figure.start])
                          or CHANGE_NOUN_OF.search(text[max(0, figure.start - 30):figure.start]))
                         and re.match(r"\s*,\s*or\b", text[figure.end:figure.end + 6]))
                # a threshold passed is no reading: "the first time the thermometer has passed 40C"
                and not THRESHOLD_BEFORE.search(text[max(0, figure.start - 16):figure.start]))

    if TO_THEN_FROM.search(text[max(sentence.start, base.start - 60):base.start]):
        # "rose to 1,132 from 858, an increase of 274 people": the figure gone "to", right before "from" its base
        arrival = next((f for f in reversed(figures) if f.end <= base.start), None)
        if arrival is not None and arrival.kind == base.kind and arrival.time_unit == base.time_unit:
            return [arrival]
    if difference.end <= base.start:
        # "rise by 1,570 yen to 68,000 yen, from 66,250 yen": "to A" between the change and its base
        between = [f for f in figures if difference.end <= f.start < base.start and candidate(f)
                   and re.search(r"\bto\s+(?:(?:minus|negative)\s+)?$", text[max(0, f.start - 16):f.start])]
        if between:
            return between[:1]
    following = [f for f in figures if base.end <= f.start < sentence.end]
    if following and TO_AFTER.match(text[base.end:following[0].start]) and following[0].kind == base.kind \
            and (candidate(following[0]) or not following[0].noun):
        # "rose from 31,530 votes in 2021 to 39,412": "to B" after the base, its noun left out, is where it arrived
        return [] if difference.kind == "percent" and not _points(text, difference) and base.kind != "percent" else [following[0]]
    earlier = [f for f in figures if sentence.start <= f.start < first and candidate(f)]
    if earlier:
        return earlier[::-1]
    if SHORT_OF.match(text, difference.end):
        # "falling 23 seats short of the 272": what falls short is the sentence's own ("which at just under
        # 120F sits 1.2C short of the 50C" gives its figure in another unit, not an earlier sentence's)
        return []
    key = base.noun if base.kind == "count" and base.noun else _subject(analysis, difference)
    if not key and re.match(r"\s*(?:That|This|It)\s+(?:is|was|marks|marked|represents|represented)\b", text[sentence.start:sentence.end]):
        # "… averaged 4.3 million viewers. That is a 37% decline from …": the sentence before, in its paragraph
        previous = analysis.sentence_of(max(0, sentence.start - 1))
        if previous.start < sentence.start and "\n\n" not in text[previous.start:sentence.start]:
            return [f for f in figures if previous.start <= f.start < previous.end and candidate(f)][::-1]
    if not key:
        return []
    subject = _subject(analysis, difference) if base.kind == "count" else ""
    earlier_sentences = list(reversed([s for s in analysis.sentences if s.end <= sentence.start]))
    if subject and subject != key:
        # "The main span is 32 metres longer than …": the nearest earlier sentence with a figure of its
        # measure that names the subject too ("The main span … measures 2,023 metres"), past another
        # thing's metres ("the structure runs to 4,608 metres"); within four sentences
        for previous in earlier_sentences[:4]:
            words = {t.norm.rstrip("s") for t in tokens_between(analysis, previous.start, previous.end)}
            found = [f for f in figures if previous.start <= f.start < previous.end and candidate(f)]
            if found and subject in words:
                return found[::-1]
    for previous in earlier_sentences:
        words = {t.norm.rstrip("s") for t in tokens_between(analysis, previous.start, previous.end)}
        found = [f for f in figures if previous.start <= f.start < previous.end and candidate(f)
                 and (base.kind == "count" or key in words)]
        if found:
            return found[::-1]
    return []


def _told(figure: Figure) -> str:
    """A figure as the article tells it, below zero with its word ("minus 0.75 percent")."""
    return f"minus {figure.mention.text}" if figure.value < 0 < figure.mention.value.value else figure.mention.text


def _points(text: str, figure: Figure) -> bool:
    return figure.mention.label == "point-fraction" or bool(POINTS.match(text[figure.end:figure.end + 40]))


def _subject(analysis: Analysis, figure: Figure) -> str:
    """The noun a change speaks of: the subject of its clause ("Revenue … rose 32%", "The annual rate, up …")."""
    syntax = analysis.syntax
    if syntax is None:
        return ""
    index = syntax.span_root(figure.start, figure.end)
    if index is None:
        return ""
    for word in [index, *syntax.ancestors(index)]:
        for child in syntax.children(word):
            token = syntax.tokens[child]
            if token.dep in ("nsubj", "nsubjpass") and token.tag.startswith("NN"):
                return analysis.document.text[token.start:token.end].lower().rstrip("s")
    return ""


def _far_off(stated: Mention, value: float, actual: float, ratio: float) -> bool:
    """Is the stated figure more than `ratio` times off what the figures make, and no slip of its digits ("8 million"
    against 35.6 million, "7.4%" against 92.65%)? On copy written blind such a sum was more often drawn between the
    wrong figures than an error of the copy, so it is reported at the rule's lower severity."""
    if not ratio or not value or not actual or _slip_of(stated, value, actual):
        return False
    return max(abs(value), abs(actual)) / min(abs(value), abs(actual)) > ratio


def _slip_of(stated: Mention, value: float, actual: float) -> bool:
    """Is the stated figure a typist's slip of the figure the others make, that figure written as the stated one is
    ("4,611" for 4,161; "1.9 million" against 9.1 million)?"""
    written = _common.written_digits(stated.text)
    return bool(written) and digit_slip(written, _common.digits(abs(actual) / _common.scale(abs(value), written), written))


def _as_fine_as(arrived: Figure, difference: Figure, base: Figure) -> Figure:
    """The arrival read to the precision of the change and the base when both are finer and it is not said to be
    rough: "will rise by 1,570 yen to 68,000 yen, from 66,250 yen" — an exact sum of two exact amounts is
    exact, not 68,000 rounded to the thousand."""
    finest = max(difference.high - difference.low, base.high - base.low)
    if arrived.mention.value.qualifier is not None or math.isinf(finest) or finest >= arrived.high - arrived.low \
            or difference.kind == "percent" or base.kind == "percent":
        return arrived
    return dataclasses.replace(arrived, low=arrived.value - finest / 2, high=arrived.value + finest / 2)


def _expected(arrived: Figure, base: Figure, points: bool, relative: bool) -> tuple[float, float, str]:
    """The range the difference must fall in, given both figures' precision, and its unit."""
    low, high = arrived.low - base.high, arrived.high - base.low
    unit = " percentage points" if points else ""
    if relative:
        low, high = low / base.value * 100, high / base.value * 100
        unit = "%"
    if low <= 0 <= high:
        return 0.0, max(abs(low), abs(high)), unit
    return min(abs(low), abs(high)), max(abs(low), abs(high)), unit


def _decimals(figure: Figure) -> int:
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", figure.mention.text)
    return len(digits.group(1) or "") if digits else 0


def _whole_as_written(figure: Figure) -> bool:
    """A count written in plain digits or words, under ten thousand and not said to be rough: "241", "five"."""
    return figure.kind == "count" and figure.exact and figure.value == int(figure.value) and abs(figure.value) < 10_000 \
        and re.fullmatch(r"[\d,]+|[a-z-]+", figure.mention.text.lower()) is not None


def _agrees(difference: Figure, low: float, high: float, slack: float) -> bool:
    margin = slack * max(abs(high), abs(difference.value))
    return difference.low <= high + margin and low - margin <= difference.high


_COUNT_WORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _points_from(analysis: Analysis, rule, text: str, scores: dict) -> Iterator:
    """"Ntamack finished with 17 points from four penalties and a conversion": the scores listed,
    at the values the rule gives them (`scores`: a try 5, a conversion 2, a penalty 3), add up to the points."""
    if not scores or " point" not in text:
        return
    names = sorted(scores, key=len, reverse=True)
    pattern, what = _points_patterns(tuple(names))
    for match in pattern.finditer(text):
        total = _count(match["total"])
        if total is None:
            continue
        added = 0
        for part in re.finditer(rf"(?P<n>{_COUNT_WORD})\s+(?P<what>{what})\b", match["items"], re.IGNORECASE):
            what = part["what"].lower()
            name = next((n for n in names if what in (n, n + "s", n + "es") or n.endswith("y") and what == n[:-1] + "ies"), None)
            count = _count(part["n"])
            if name is None or count is None:
                break
            added += count * scores[name]
        else:
            if added != total:
                start, end = match.start("total"), match.end("items")
                yield rule.finding(
                    rule.message("points", items=match["items"], actual=added, stated=match["total"]),
                    start, end, analysis.document.source[start:end],
                    evidence=Evidence(fact="points", source="arithmetic",
                                      value=", ".join(f"{name} {value}" for name, value in scores.items())),
                )


@lru_cache(maxsize=16)
def _points_patterns(names: tuple[str, ...]) -> tuple[re.Pattern, str]:
    """"17 points from four penalties and a conversion", for the scoring acts `names`; and one act."""
    what = rf"(?:{'|'.join(re.escape(n) + '(?:s|es)?' for n in names)}|{'|'.join(re.escape(n[:-1]) + 'ies' for n in names if n.endswith('y'))})"
    item = rf"{_COUNT_WORD}\s+{what}\b"
    pattern = re.compile(rf"\b(?P<total>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)\s+points?,?\s+(?:from|with|via|thanks\s+to|courtesy\s+of)\s+"
                         rf"(?P<items>{item}(?:(?:,\s*|,?\s+and\s+){item})*)", re.IGNORECASE)
    return pattern, what


def _count(word: str) -> int | None:
    word = word.lower()
    return 1 if word in ("a", "an") else whole_number(word)


KIND = CheckKind(
    name="difference",
    run=run,
    summary="a stated change or gap that its two figures contradict",
    # which sums to do: a stated change, a total of parts, a margin or gap, a division's majority
    # `scores`: what each scoring act is worth, for "17 points from five penalties and a conversion"
    # `far_ratio`: a stated figure this many times off what its figures make, and no slip of it, is reported at
    # `far_severity` (0: never)
    params={"slack_percent": ((int, float), 2), "arithmetic": ((list,), ["change", "sum", "margin", "multiple"]), "scores": ((dict,), {}),
            "far_ratio": ((int, float), 0), "far_severity": ((str,), "info")},
    messages=("change", "sum", "margin", "points"),
    fallback_messages={"points": "{items} make {actual} points, not {stated}",
                       "term": "{rate} a {period} for {count} {period}s is {actual}, not {total}",
                       "lead": "a {lead} lead moved by {gap} is {expected}, not {stated}",
                       "multiple": "{larger} is {actual} times {smaller}, not {stated}"},
    param_checks={"far_ratio": RATIO_OR_NEVER, "far_severity": SEVERITY_NAME,
                  "scores": (lambda scores: all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                                                for k, v in scores.items()),
                             "a mapping of scoring acts to whole points (try: 5)")},
)
