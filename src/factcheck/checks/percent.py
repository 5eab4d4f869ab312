"""percent: arithmetic that does not add up.

"rose from 40 to 50, a 20% increase" (it is 25%), "doubled from 10 to 30"
(it tripled), and shares of one whole that sum past 100%.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, Evidence, Finding, Mention, NumberValue, format_number

MULTIPLIERS = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_POINTS = re.compile(r"^\s*(?:percentage|percent(?:age)?)?\s*points?\b", re.IGNORECASE)
# (a whole counted is that count's: "52.8 percent of the 2,015,577 votes cast early" and "50.6 percent of
# the 1,036,182 ballots cast on Sunday" are shares of two wholes)
_SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|all\s+|an?\s+)?((?:\d[\d,.]*\s+)?(?!(?:the|a|an)\b)[a-z]+(?:\s+[a-z]+)?)", re.IGNORECASE)
# a rate "on" or "with" which something stands is its level, not a change: "slumped from 26 seats to 16 on 15.3 per cent"
_LEVEL_BEFORE = re.compile(r"\b(?:on|with|at)\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+)?$", re.IGNORECASE)
# between two shares of one whole, words that make the second another whole's: "64.1% of an electorate …,
# higher than the 60.5% who voted in 2015"
# "78.2% of enrolled voters, four points down on 82.2% in 2020": a comparison with another time's
# "84.44% of departures on time …, ahead of Hyderabad's Rajiv Gandhi International at 84.42%": a ranking of owners' rates
# (or a goal set for it: "far short of the targets of 75 and 50 per cent")
_ANOTHER_WHOLE = re.compile(r"\b(?:than|compared|against|versus|from|previous|last|earlier|in (?:19|20)\d\d|(?:down|up) on|ahead\s+of|behind|"
                            r"short\s+of|targets?|goals?|aims?|objectives?)\b",
                            re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    tolerance = KIND.param(rule, "tolerance_points")
    for sentence in analysis.sentences:
        numbers = [m for m in analysis.mentions_in(sentence.start, sentence.end, "number")
                   if isinstance(m.value, NumberValue) and not m.value.ordinal]
        if len(numbers) < 2:
            continue
        words = [t.norm for t in _common.tokens_between(analysis, sentence.start, sentence.end)]
        pairs = _from_to(text, numbers)
        for before, after in pairs:
            yield from _change(analysis, rule, text, numbers, before, after, words, tolerance, pairs)
        yield from _shares(analysis, rule, text, numbers)
        yield from _counts_and_shares(analysis, rule, text, numbers)
        yield from _part_of_whole(analysis, rule, text, sentence, numbers)
    yield from _remainders(analysis, rule, text)
    yield from _share_of_total(analysis, rule, text)


_CHANGE_CUE = re.compile(r"\b(?:up|down|rise|rose|risen|increase[ds]?|fall|fell|fallen|drop(?:ped)?|decline[ds]?|jump(?:ed)?|"
                         r"gain(?:ed)?|growth|cut|climb(?:ed)?|slump(?:ed)?|plunge[ds]?|soar(?:ed)?|by)\s+(?:of\s+)?(?:about\s+|some\s+|nearly\s+)?$",
                         re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:increase|decrease|rise|fall|drop|decline|jump|gain|growth|cut|higher|lower|more|less|up|down)\b",
                           re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:%|per\s?cent|percent)?\s*(?:to|–)\s*", re.IGNORECASE)


def _from_to(text: str, numbers: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The two figures of each "from A to B" or "to B from A", in the order they come."""
    # "lifted the target range to 1.5% to 1.75%, from 0.75% to 1%": a range moved, both ends, no one change
    def rate(mention: Mention) -> bool:
        return "%" in mention.text or bool(re.match(r"\s*(?:%|per\s?cent|percent)", text[mention.end:mention.end + 9]))

    if any(rate(a) and rate(b) and _RANGE_JOIN.fullmatch(text[a.end:b.start])
           and not re.search(r"\bfrom\s*$", text[max(0, a.start - 6):a.start].lower()) for a, b in zip(numbers, numbers[1:])):
        return []
    pairs = []
    for first, second in zip(numbers, numbers[1:]):
        lead = _LEAD.search(text, max(0, first.start - 30), first.start)
        between = text[first.end:second.start].lower()
        if lead is None or len(between) > 50 or re.search(r"[.;!?]|,\s+(?:and|but|while|whereas)\b", between):
            continue  # (nor across a clause: "down from £67.6 million a year earlier, and net assets almost halved to £48.1 million")
        # "from 31,530 votes in 2021 to 39,412": words (and a year) may stand between
        joined = _LEAD.search(between)
        if joined is None or pairs and pairs[-1][0] in (first, second) or pairs and pairs[-1][1] in (first, second):
            continue
        if _WHOLE_AFTER_FROM.search(text, max(0, first.start - 30), first.start) or _WHOLE_AFTER_FROM.search(between):
            continue  # "bringing the total poll to 2,159,655 from an electorate of 3,367,556": a part of a whole, no change
        if lead.group(1).lower() == "from" and joined.group(1).lower() == "to":
            pairs.append((first, second))
        elif lead.group(1).lower() == "to" and joined.group(1).lower() == "from":
            pairs.append((second, first))
    return pairs


# "from an electorate of …": "from" a whole the figure before is drawn from, not a level it changed from
_WHOLE_AFTER_FROM = re.compile(r"\bfrom\s+(?:an?|the|its|their)\s+(?:[a-z]+\s+)?(?:electorate|population|field|pool|workforce|membership|"
                               r"roll|register|sample|intake|cohort)\s+of\s+(?:[$£€¥]|[A-Z]{1,2}\$)?$", re.IGNORECASE)
# "to 1,238,000", "to a rate of 1,238,000", "from a revised 1,174,000": the figure a change leaves or reaches,
# a short description of it between ("a record", "an estimated", "a rate of")
_LEAD = re.compile(r"\b(from|to)\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+)?(?:of\s+)?)?(?:[$£€¥]|[A-Z]{1,2}\$)?$", re.IGNORECASE)


# another clause between a change's word and a pair of figures: the word is another change's
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\b|;")


def _change(analysis, rule, text, numbers, before: Mention, after: Mention, words, tolerance, pairs) -> Iterator[Finding]:
    old, new = before.value.value, after.value.value
    if old == 0:
        return
    multiplier = next((MULTIPLIERS[w] for w in words if w in MULTIPLIERS), None)
    word = next((w for w in words if w in MULTIPLIERS), None)
    start = text.lower().find(word, analysis.sentence_of(before.start).start) if word else -1
    if multiplier is not None and (start < min(before.start, after.start) and _CLAUSE_BREAK.search(text, start, min(before.start, after.start))
                                   or start > max(before.end, after.end) and _CLAUSE_BREAK.search(text, max(before.end, after.end), start)):
        multiplier = None  # "more than doubled, to $4.27 from $2.11, and the margin widened to 22.2% from 16.9%": the first pair's
        # (and "Revenue rose 16% to $10.25 billion from $8.83 billion …, and earnings per share roughly doubled to $4.27": the
        # second pair's)
    if multiplier is not None:
        actual = new / old
        # "more than doubled": at least twice; "nearly doubled": somewhat under
        qualifier = re.search(r"\b(more than|over|nearly|almost)\s+$", text[max(0, start - 12):start].lower())
        # (a cut runs the other way: "almost halved" leaves somewhat over half, "more than halved" at most half)
        ratio = actual / multiplier if multiplier > 1 else multiplier / actual
        if qualifier is None:
            off = abs(ratio - 1) > 0.1
        elif qualifier.group(1) in ("more than", "over"):
            off = ratio < 0.9
        else:
            off = ratio < 0.75 or ratio > 1.02
        if off:
            yield rule.finding(
                rule.message("multiple", old=format_number(old), new=format_number(new), actual=f"{actual:.2g}", word=word,
                             multiplier=f"{multiplier:g}"),
                start, start + len(word), analysis.document.source[start:start + len(word)],
                evidence=Evidence(fact="ratio", value=f"{format_number(new)} / {format_number(old)} = {actual:.3g}", source="arithmetic"),
            )
            return
    for percent in numbers:
        if percent.label != "percent" or percent in (before, after):
            continue
        if not _one_clause(analysis, percent, before, after):
            continue  # "income rose to A from B, and earnings per share climbed 13%": another change
        first, last = min(before.start, after.start), max(before.end, after.end)
        if any(percent.end <= min(a.start, b.start) and max(a.end, b.end) <= first
               or last <= min(a.start, b.start) and max(a.end, b.end) <= percent.start for a, b in pairs):
            continue  # "from 27 minutes to 19, and … from 50 minutes to 29, a cut of about 40%": the nearer pair's
        if any(other is not percent and other.label == "percent" and other not in (before, after)
               and (percent.end <= other.start < first or last <= other.start < percent.start) for other in numbers):
            continue  # "lifted award wages by 5.75 per cent and the minimum wage by about 8.6 per cent, from $812.60 to
            # $882.80": the rate next to the pair is its change; one further off is another's
        if _SHARE_OF.match(text[percent.end:percent.end + 40]):
            continue  # "20.9 per cent of the votes cast": a share of a whole, not the rate of the change
        if _LEVEL_BEFORE.search(text[max(0, percent.start - 20):percent.start]):
            continue  # "slumped from 26 seats to 16 on 15.3 per cent": the share it stands on, not the change
        if _POINTS.match(text[percent.end:percent.end + 30]):
            expected = new - old
            unit = " percentage points"
        elif re.search(r"(?:\d|%|cent)\s+to\s+$|\bfrom\s+$", text[max(0, percent.start - 12):percent.start]):
            continue  # "… and from 44.0 to 37.5 per cent": another pair's end, not a change
        elif (before.label == "percent" or after.label == "percent") and not _CHANGE_CUE.search(text[max(0, percent.start - 30):percent.start]) \
                and not _CHANGE_AFTER.match(text[percent.end:percent.end + 20]):
            # "fell from 14.6 per cent to 8.9 per cent, against 7.7 per cent in 2019": between two rates a third is
            # another rate unless the words make it the change ("a fall of 39%", "a 39% drop")
            continue
        else:
            expected = (new - old) / old * 100
            unit = "%"
        stated = percent.value.value
        if percent.value.exact:
            if abs(abs(stated) - abs(expected)) <= max(tolerance, abs(expected) * 0.02):
                continue
        elif unit != "%" or _admits_roughly(percent.value, abs(expected), tolerance):
            continue
        # any of the three figures may be the wrong one ("from $29.6 billion", a slip for $26.97 billion,
        # or the 126%): the finding covers them all and suggests none
        start, end = min(before.start, after.start, percent.start), max(before.end, after.end, percent.end)
        yield rule.finding(
            rule.message("change", old=format_number(old), new=format_number(new), actual=f"{abs(expected):.1f}{unit}",
                         stated=f"{percent.value}{unit}"),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="change", value=f"({format_number(new)} − {format_number(old)}) / {format_number(old)}", source="arithmetic"),
        )


def _admits_roughly(stated: NumberValue, actual: float, tolerance: float) -> bool:
    """Does a rate written roughly ("almost 15 per cent", "about 43%", "more than 20%") admit the change
    the figures make? Its qualifier's range, and a point or a twentieth either side (writers round
    loosely: "about 30%" of 26.5%): "rose by almost 15 per cent to €295.4 million, from €275.0 million"
    (7.4%) does not."""
    slack = max(tolerance, 1.0, actual * 0.05)
    return stated.low - slack <= actual <= stated.high + slack


# "The remaining 73 per cent", "the other 12 percent", "the rest, 5%": what is left of a whole after the shares before
_REMAINING = re.compile(r"\b(?:the\s+)?(?:remaining|other|rest\s*,)\s+$", re.IGNORECASE)


def _remainders(analysis: Analysis, rule, text: str) -> Iterator[Finding]:
    """"French visitors … at 23 per cent of individual visitors: just over 13 per cent came from the Île-de-France
    region … and 10 per cent from the rest of the country. The remaining 73 per cent travelled from abroad": what
    remains is 100 less a share the paragraph gave before it (or less all of them, or the last ones together) —
    77 here; a remainder none of them leaves is reported."""
    percents = [m for m in analysis.mentions if m.kind == "number" and m.label == "percent" and isinstance(m.value, NumberValue)]
    for index, remaining in enumerate(percents):
        if not remaining.value.exact or not _REMAINING.search(text, max(0, remaining.start - 20), remaining.start):
            continue
        paragraph = text.rfind("\n\n", 0, remaining.start) + 1
        before = [m for m in percents[:index] if m.start >= paragraph and m.value.exact]
        if not before or remaining.value.value >= 100:
            continue
        # ("… fragrances for 15 per cent each": a share of two items or more, counted twice at least)
        values = [m.value.value * (2 if re.match(r"\s*(?:per\s?cent|percent)?\s+each\b", text[m.end:m.end + 20]) else 1) for m in before]
        candidates = {100 - v for v in values} | {100 - sum(values[i:]) for i in range(len(values))}
        slack = 1.0 + _common.half_last_digit(remaining)
        if any(abs(remaining.value.value - c) <= slack for c in candidates) or min(candidates) < 0:
            continue
        nearest = min(candidates, key=lambda c: abs(c - remaining.value.value))
        shown = ", ".join(m.text for m in before)
        yield rule.finding(
            rule.message("remainder", earlier=shown, actual=format_number(nearest), stated=remaining.text),
            remaining.start, remaining.end, analysis.document.source[remaining.start:remaining.end],
            evidence=Evidence(fact="remainder", value=f"100 − {shown}", source="arithmetic"),
        )


def _one_clause(analysis: Analysis, *mentions: Mention) -> bool:
    syntax = analysis.syntax
    if syntax is None:
        return True
    roots = [syntax.span_root(m.start, m.end) for m in mentions]
    if any(r is None for r in roots):
        return True
    return len({syntax.clause(r) for r in roots}) == 1


def _shares(analysis, rule, text: str, numbers: list[Mention]) -> Iterator[Finding]:
    """Percentages "of the vote" (the same whole) in one sentence that add up past 100."""
    wholes: dict[str, list[Mention]] = {}
    current = None
    previous = None
    for mention in numbers:
        if mention.label != "percent":
            continue
        share_of = _SHARE_OF.match(text[mention.end:mention.end + 40])
        if share_of:
            current = share_of.group(1).lower()
        elif previous is not None and (_ANOTHER_WHOLE.search(text[previous.end:mention.start])
                                       or _RELATIVE_CLAUSE.search(text[previous.end:mention.start])) \
                or _ANOTHER_STAGE.match(text[mention.end:mention.end + 40]):
            current = None
        if current is not None:
            wholes.setdefault(current, []).append(mention)
        previous = mention
    for whole, shares in wholes.items():
        total = sum(m.value.value for m in shares)
        if len(shares) >= 2 and total > 100.5 and all(m.value.exact for m in shares) \
                and not _told_of_by_different_verbs(analysis, shares) and not _at_different_times(text, shares):
            last = shares[-1]
            yield rule.finding(
                rule.message("shares", whole=whole, total=format_number(total)),
                last.start, last.end, last.text,
                evidence=Evidence(fact="sum", value=" + ".join(m.text for m in shares), source="arithmetic"),
            )


# a relative clause between two percentages tells of its own noun: "96.4% of members rejected an agreement
# that offered 25% raises" (the raises', no share of the members)
_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|whose)\b")


# a share said of a later stage than the whole the one before it was of: "44.2% of first preferences and 56.8%
# after the run-off"
_ANOTHER_STAGE = re.compile(r"\s+(?:after|before|following|once)\b|\s+in\s+the\s+(?:[a-z-]+\s+)?(?:round|run-?off|ballot|count|vote)\b",
                            re.IGNORECASE)


def _at_different_times(text: str, shares: list[Mention]) -> bool:
    """"17% of participants completed their course at six months, 47% at 12 months and 69% at 18 months": one
    share read at different times (a running total), not parts of one whole."""
    times = set()
    for share, after in zip(shares, [*shares[1:], None]):
        said = _AT_A_TIME.search(text, share.end, after.start if after is not None else share.end + 60)
        if said is None:
            return False
        times.add(" ".join(said.group(0).lower().split()))
    return len(times) == len(shares)


_AT_A_TIME = re.compile(r"\b(?:at|by|after|within|in)\s+(?:\d+|[a-z]+)\s+(?:months?|years?|weeks?|days?)\b|\b(?:in|by)\s+(?:19|20)\d\d\b",
                        re.IGNORECASE)


def _told_of_by_different_verbs(analysis, shares: list[Mention]) -> bool:
    """"67 per cent of those who died were 70 or older, and 56 per cent lived alone": shares that are the
    subjects of different verbs tell different things of one whole, which may overlap; shares of one
    verb ("52 per cent voted yes and 47 per cent voted no") split it."""
    syntax, text = analysis.syntax, analysis.document.text
    if syntax is None:
        return False
    verbs = set()
    for share in shares:
        word = syntax.span_root(share.start, share.end)
        if word is None or syntax.tokens[word].dep not in ("nsubj", "nsubjpass"):
            return False
        verb = syntax.tokens[syntax.tokens[word].head]
        verbs.add(verb.lemma or text[verb.start:verb.end].lower())
    return len(verbs) > 1


# "19,419,507 voters, or 59.11%": a count and its share of the whole, side by side
_OR_SHARE = re.compile(r"^[^,.;:]{0,40}?,?\s+(?:or\s+|\(\s*)$")


def _counts_and_shares(analysis, rule, text: str, numbers: list[Mention]) -> Iterator[Finding]:
    """Counts given with their shares of one whole ("19,419,507 voters, or 59.11%, rejected it and
    13,432,208, or 41.89%, approved it"): whatever the whole, the shares must stand in the ratio of
    the counts, to the precision they are written with (59.11 : 41.89 is not 19,419,507 : 13,432,208)."""
    pairs = []
    for count, share in itertools.pairwise(numbers):
        if count.label in ("percent", "money") or share.label != "percent" or not count.value.exact or not share.value.exact \
                or count.value.value < 100 or not _OR_SHARE.match(text[count.end:share.start]):
            continue
        pairs.append((count, share))
    for (count_a, share_a), (count_b, share_b) in itertools.pairwise(pairs):
        counts = count_a.value.value / count_b.value.value
        shares = share_a.value.value / share_b.value.value
        # the shares are rounded to their last digit, the counts perhaps ("57.3 million")
        slack = sum(_common.half_last_digit(m) / m.value.value for m in (share_a, share_b, count_a, count_b))
        if share_b.value.value == 0 or abs(shares - counts) / counts <= 1.5 * slack + 1e-4:
            continue
        start, end = count_a.start, share_b.end
        yield rule.finding(
            rule.message("ratio", first=count_a.text, first_share=share_a.text, second=count_b.text, second_share=share_b.text,
                         counts=f"{counts:.4f}", shares=f"{shares:.4f}"),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="ratio", value=f"{count_a.text} / {count_b.text} = {counts:.4f}; {share_a.text} / {share_b.text} = {shares:.4f}",
                              source="arithmetic"),
        )


# "Of 93,469,008 registered voters, only 25,286,616 were accredited to vote, a turnout of about 37%"
_OF_WHOLE = re.compile(r"^\s*(?:Of|Out of)\s+(?:the\s+)?$")
_SHARE_PHRASE = re.compile(r"^[^.;:]*?,\s+(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(?:of|at)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+)?$|^,?\s+or\s+(?:about\s+)?$")


def _part_of_whole(analysis, rule, text: str, sentence, numbers: list[Mention]) -> Iterator[Finding]:
    """A sentence that opens with a whole and gives a part of it and the part's share: "Of 93,469,008
    registered voters, only 25,286,616 were accredited to vote, a turnout of about 37%" (27%)."""
    if len(numbers) < 3:
        return
    whole, part, share = numbers[0], numbers[1], numbers[2]
    if not _OF_WHOLE.match(text[sentence.start:whole.start]) or whole.label in ("percent", "money") or part.label in ("percent", "money") \
            or share.label != "percent" or not whole.value.exact or not part.value.exact or whole.value.value <= part.value.value:
        return
    if not _SHARE_PHRASE.match(text[part.end:share.start]) or re.search(r"[.;:]", text[whole.end:part.start]):
        return
    actual = 100 * part.value.value / whole.value.value
    slack = _common.half_last_digit(share) + (2.0 if share.value.qualifier is not None or not share.value.exact else 0.05)
    if abs(actual - share.value.value) <= slack + 0.05 * actual * (share.value.qualifier is not None):
        return
    start, end = whole.start, share.end
    yield rule.finding(
        rule.message("part", part=part.text, whole=whole.text, actual=f"{actual:.1f}%", stated=share.text),
        start, end, analysis.document.source[start:end],
        evidence=Evidence(fact="share", value=f"{part.text} / {whole.text} = {actual:.2f}%", source="arithmetic"),
    )


# a share of a company's total: "accounting for about 93% of total sales", "73% of Nvidia's total revenue"
_OF_TOTAL = re.compile(r"\s*(?:%|per\s?cent|percent)?\s+of\s+(?:the\s+)?(?:(?:company|group|firm|[A-Z][\w.&-]*)['’]s?\s+|its\s+|their\s+)?"
                       r"(?:total|overall|group|combined)\s+(?:sales|revenues?|turnover)\b")
# the figure a total is told as: "reported revenue of $22.1 billion", "total sales were $9.4bn", "$22.1 billion in revenue"
_TOTAL_BEFORE = re.compile(r"\b(?:revenues?|sales|turnover)\s+(?:of|was|were|reached|hit|totall?ed|came\s+in\s+at|rose\s+to|fell\s+to|grew\s+to)\s+"
                           r"(?:a\s+record\s+|an?\s+all-time\s+high\s+of\s+|about\s+|some\s+)?$", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\s+(?:in|of)\s+(?:total\s+|quarterly\s+|annual\s+)?(?:revenues?|sales|turnover)\b", re.IGNORECASE)
# a figure that is the base or the size of a change, no level: "from $6.05 billion", "up $4 billion"
_CHANGE_LEAD = re.compile(r"\b(?:from|by|up|down|than)\s+(?:about\s+)?$", re.IGNORECASE)


def _share_of_total(analysis: Analysis, rule, text: str) -> Iterator[Finding]:
    """A part's share of the company's total the article gives both figures for: "Data center revenue reached a
    record $18.4 billion … The unit now accounts for about 73% of Nvidia's total sales" beside "reported revenue
    of $22.1 billion" (83%). The part is the level in money its sentence gives before the share, or else the
    first its sentence before gives; the totals are the figures the article gives as revenue or sales. Any total
    that fits is enough: an article may give this quarter's and a forecast."""
    shares = [m for m in analysis.mentions if m.kind == "number" and m.label == "percent" and isinstance(m.value, NumberValue)
              and _OF_TOTAL.match(text, m.end)]
    money = [m for m in analysis.mentions if m.kind == "number" and m.label == "money" and isinstance(m.value, NumberValue)
             and not m.value.ordinal] if shares else []
    if len(money) < 2:
        return
    totals = [m for m in money if _is_total(analysis, text, m)]
    for share in shares:
        sentence = analysis.sentence_of(share.start)
        part = _part_before(analysis, text, money, sentence, share)
        if part is None:
            continue
        currency = _currency(part)
        wholes = [m for m in totals if m is not part and _currency(m) == currency and m.value.value > part.value.value]
        if not wholes:
            continue
        slack = _common.half_last_digit(share) + (2.0 if share.value.qualifier is not None or not share.value.exact else 0.5)
        actuals = [100 * part.value.value / whole.value.value for whole in wholes]
        # ("about 73%" is read as 73 give or take the slack, not the qualifier's wide range; "more than 70%" one-sided)
        low = share.value.low if share.value.high == math.inf else share.value.value
        high = share.value.high if share.value.low <= 0 < share.value.high < math.inf else share.value.value
        if any(low - slack - 0.03 * actual <= actual <= high + slack + 0.03 * actual for actual in actuals):
            continue
        whole, actual = wholes[0], actuals[0]
        yield rule.finding(
            rule.message("part", part=part.text, whole=whole.text, actual=f"{actual:.1f}%", stated=share.text),
            share.start, share.end, analysis.document.source[share.start:share.end],
            evidence=Evidence(fact="share of the total", value=f"{part.text} / {whole.text} = {actual:.2f}%", source="arithmetic"),
        )


# a total forecast is no total yet: "expects revenue of $24.0 billion … for the first quarter"
_FORECAST = re.compile(r"\b(?:expect\w*|forecast\w*|project\w*|predict\w*|guid\w*|outlook|anticipat\w*|estimat\w*|target\w*|will|would)\b",
                       re.IGNORECASE)
_TOTAL_NOUNS = ("revenue", "revenues", "sales", "turnover")
# words that may stand before the total's noun and still name the whole: "fourth-quarter revenue", "group sales"
_WHOLE_MODIFIERS = {"quarter", "year", "group", "company", "total", "overall", "net", "annual", "quarterly", "record", "fiscal"}


def _is_total(analysis: Analysis, text: str, money: Mention) -> bool:
    """Is the figure told as the company's revenue or sales, as the words right before or after it say
    ("reported revenue of $22.1 billion", "$22.1 billion in revenue") or the subject of the verb it hangs on
    ("revenue for the three months to Jan. 28 rose to $22.1 billion")? Not a segment's: "Gaming revenue of
    $2.9 billion" is a part."""
    syntax = analysis.syntax
    sentence = analysis.sentence_of(money.start)
    if _FORECAST.search(text, sentence.start, money.start):
        return False
    before = _TOTAL_BEFORE.search(text, max(0, money.start - 60), money.start)
    if before is not None or _TOTAL_AFTER.match(text, money.end):
        noun = before.start() if before is not None else None
    elif syntax is not None and (verb := syntax.governing_verb(money.start, money.end)) is not None:
        subjects = [i for i in syntax.children(verb) if syntax.tokens[i].dep in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or text[syntax.tokens[subjects[0]].start:syntax.tokens[subjects[0]].end].lower() not in _TOTAL_NOUNS:
            return False
        noun = syntax.tokens[subjects[0]].start
    else:
        return False
    if noun is None or syntax is None:
        return True
    word = syntax.span_root(noun, noun + 1)
    return word is None or not any(
        syntax.tokens[i].dep in ("compound", "amod") and i < word
        and not set(re.split(r"[\s-]+", text[syntax.tokens[i].start:syntax.tokens[i].end].lower())) & _WHOLE_MODIFIERS
        and (syntax.tokens[i].dep == "compound" or syntax.tokens[i].tag.startswith(("NN", "VBG")))
        for i in syntax.children(word))


def _part_before(analysis: Analysis, text: str, money: list[Mention], sentence, share: Mention) -> Mention | None:
    """The level in money a share is of: the last before it in its sentence, or the first of the sentence before."""
    def levels(start: int, end: int) -> list[Mention]:
        return [m for m in money if start <= m.start < end and not _CHANGE_LEAD.search(text, max(0, m.start - 12), m.start)]

    here = levels(sentence.start, share.start)
    if here:
        return here[-1]
    previous = analysis.sentence_of(sentence.start - 1) if sentence.start else None
    if previous is None or previous.start >= sentence.start or "\n\n" in text[previous.end:sentence.start]:
        return None
    earlier = levels(previous.start, previous.end)
    return earlier[0] if earlier else None


def _currency(mention: Mention) -> str:
    # (the sign as written, "A$" apart from "$": conflicting-values' reading takes both for US dollars)
    return re.match(r"[^\d]*", mention.text).group(0).strip().upper()


KIND = CheckKind(
    name="percent",
    run=run,
    summary="a percentage change, multiple or set of shares that does not add up",
    params={"tolerance_points": ((int, float), 0.6)},
    messages=("multiple", "change", "shares", "ratio", "part", "remainder"),
)
