"""score-conflict: the match the article reports, given two final scores.

"The best-of-five final finished 3–2" … "after the 3–1 win": a result told back with "the"
("the 3–1 win", "the 2-0 defeat") speaks of the match the article reports, and so must carry the
score the article gave it. A result score is one written with the result ("won 3–2",
"finished 3–2", "beat Spain 2-1", "a 3–2 victory"); the first of them is the reported match's.

Only a score written nowhere else in the article, in either order, is reported: an article that
gives several matches ("beat France 2-1 in the semi-final") names each score where it tells of
it. A result told back with another side or time beside it ("the 2-1 win over Brazil", "the 3-1
win in 2019", "last year's 4-0 defeat") is another match, and so are intermediate scores
("levelled at 2–2", "led 2-1").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from factcheck.checks._common import digit_slip
from factcheck.checks.base import CheckKind
from factcheck.lexicon import whole_number
from factcheck.model import Analysis, Evidence

_SCORE = r"(?P<a{n}>\d{{1,3}})\s?[-–—]\s?(?P<b{n}>\d{{1,3}})(?![\d\-–—])"
_RESULT_NOUN = r"(?:win|victory|triumph|defeat|loss|success|thrashing|drubbing|rout|final|result|scoreline)"
# a result as the article first gives it: "won 3–2", "finished 3-2", "beat Spain 2-1", "a 3–2 victory"
FIRST_RESULT = re.compile(
    rf"\b(?:(?:won|win|wins|beat|beats|defeated|edged|finished|ended|lost|loses|lose|claimed|sealed|clinched)\s+"
    rf"(?:(?:[A-Z][\w.'’-]*|the|a|an|by)\s+){{0,4}}{_SCORE.format(n='')}"
    rf"|(?:a|an|after|with)\s+{_SCORE.format(n='2')}\s+{_RESULT_NOUN})", re.IGNORECASE)
# a result told back: "the 3–1 win", "that 2-0 defeat", "Sunday's 3-2 win"
# ("closed out a 7-3 scoreline": a scoreline or a result is the match's own, whatever its article)
TOLD_BACK = re.compile(rf"\b(?:(?:the|that|this)\s+{_SCORE.format(n='')}\s+(?P<noun>{_RESULT_NOUN})"
                       rf"|(?:a|an)\s+{_SCORE.format(n='3')}\s+(?P<noun3>scoreline|result))\b", re.IGNORECASE)
ANY_SCORE = re.compile(rf"(?<![\d:/.,]){_SCORE.format(n='')}")
# another match: its opponent, time or stage beside the result told back
ANOTHER = re.compile(r"\s*(?:over|against|at|in|on|from|to|versus|v\.?|vs\.?|last|earlier)\b|\s*\d{4}\b", re.IGNORECASE)
ANOTHER_BEFORE = re.compile(r"\b(?:last|previous|earlier|first[- ]leg|second[- ]leg|semi[- ]final|quarter[- ]final|group|\d{4})\W*"
                            r"(?:\w+\W+){0,2}$", re.IGNORECASE)


# a margin no score gives: "a six-wicket victory", "won by 10 runs", "a five-length win", "by two strokes"
_MARGIN_UNITS = r"(?:wicket|run|length|stroke|shot)"
MARGIN_WON = re.compile(
    rf"\b(?:(?P<det>the|their|its|his|her|this|that|a|an)\s+(?P<n>\w+)[- ](?P<unit>{_MARGIN_UNITS})s?\s+(?:{_RESULT_NOUN})"
    rf"|(?:won|win|wins|winning|beat|beating|defeated)\s+(?:(?:[A-Z][\w.'’-]*|the)\s+){{0,3}}by\s+(?P<n2>\w+)\s+(?P<unit2>{_MARGIN_UNITS})s?)\b",
    re.IGNORECASE)


# a deficit overcome: "they overturned an 18-point deficit" after "Brisbane led 24-8"
DEFICIT_OVERCOME = re.compile(r"\b(?:overturned|overcame|overcoming|overturning|came\s+back\s+from|recovered\s+from|fought\s+back\s+from|"
                              r"erased|wiped\s+out)\s+(?:a|an|the|their|his|her)\s+(?P<n>\w+)[- ](?P<unit>point|goal|run|shot|stroke)\s+"
                              r"(?:deficit|hole|gap)\b", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    yield from _margins_without_score(analysis, rule)
    yield from _deficits_overcome(analysis, rule)
    first = next(FIRST_RESULT.finditer(text), None)
    if first is None:
        return
    reported = (int(first["a"] or first["a2"]), int(first["b"] or first["b2"]))
    # how often each score is written, either way round
    written = Counter(tuple(sorted((int(m["a"]), int(m["b"])))) for m in ANY_SCORE.finditer(text))
    for back in TOLD_BACK.finditer(text):
        if back.start() <= first.start():
            continue
        told = (int(back["a"] or back["a3"]), int(back["b"] or back["b3"]))
        if sorted(told) == sorted(reported):
            continue
        if ANOTHER.match(text, back.end()) or ANOTHER_BEFORE.search(text[max(0, back.start() - 40):back.start()]):
            continue
        if written[tuple(sorted(told))] > 1:
            continue  # written elsewhere too: another match the article tells of
        line, _ = analysis.document.position(first.start())
        start, end = (back.start("a"), back.end("b")) if back["a"] else (back.start("a3"), back.end("b3"))
        shown = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("told_back", stated=shown, reported=f"{reported[0]}–{reported[1]}", line=line),
            start, end, shown,
            evidence=Evidence(fact="the reported match's score", value=f"{reported[0]}–{reported[1]}",
                              source=f"this article, line {line}"),
        )
    yield from _margins_told_back(analysis, rule, first, reported, written)


# the reported match's margin told back: "Their 10-point victory", "the two-goal win", "won by eight points"
_MARGIN_TOLD_BACK = re.compile(
    rf"\b(?:(?:the|their|its|his|her|this|that|a|an)\s+(?P<n>\w+)[- ](?P<unit>point|goal)\s+(?P<noun>{_RESULT_NOUN})"
    r"|(?:won|win|wins|winning|beat|beaten|defeated)\s+(?:(?:[A-Z][\w.'’-]*|the)\s+){0,3}by\s+(?P<n2>\w+)\s+(?P<unit2>points|goals)\b)",
    re.IGNORECASE)


def _margins_told_back(analysis: Analysis, rule, first, reported: tuple[int, int], written: Counter) -> Iterator:
    """A margin told back after the reported result must be its scores' difference ("beat Melbourne Storm
    14-6" … "Their 10-point victory"). A margin that some score written in the article makes is that match's;
    another side or time beside it ("the two-goal win over Spurs", "last year's six-point defeat") is another
    match's; and a margin only a result's score makes (no "won 3-2" first) is left alone."""
    text = analysis.document.text
    margin = abs(reported[0] - reported[1])
    differences = {abs(a - b) for a, b in written}
    for told in _MARGIN_TOLD_BACK.finditer(text, first.end()):
        value = whole_number(told["n"] or told["n2"])
        if value is None or value == margin or value in differences or ANOTHER.match(text, told.end()) \
                or ANOTHER_BEFORE.search(text[max(0, told.start() - 40):told.start()]):
            continue
        line, _ = analysis.document.position(first.start())
        start, end = told.start("n") if told["n"] else told.start("n2"), told.end("unit") if told["n"] else told.end("unit2")
        shown = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("margin", stated=shown, reported=f"{reported[0]}–{reported[1]}", line=line, margin=margin),
            start, end, shown,
            evidence=Evidence(fact="the reported match's score", value=f"{reported[0]}–{reported[1]}",
                              source=f"this article, line {line}"),
        )


def _deficits_overcome(analysis: Analysis, rule) -> Iterator:
    """A deficit overcome is the widest gap of the scores the article writes ("Brisbane led 24-8 … they overturned an
    18-point deficit": 16). The widest may go unwritten, so only a deficit one slip of its digits away from the widest
    written gap, and no written gap itself, is reported."""
    text = analysis.document.text
    gaps: dict = {}
    for score in ANY_SCORE.finditer(text):
        gaps.setdefault(abs(int(score["a"]) - int(score["b"])), score)  # (where each gap is first written)
    if not gaps:
        return
    widest = max(gaps)
    for told in DEFICIT_OVERCOME.finditer(text):
        value = whole_number(told["n"])
        if value is None or value in gaps or not digit_slip(str(value), str(widest)):
            continue
        score = gaps[widest]
        line, _ = analysis.document.position(score.start())
        shown = analysis.document.source[told.start("n"):told.end("unit")]
        yield rule.finding(
            rule.message("deficit", stated=shown, score=f"{score['a']}–{score['b']}", line=line, widest=widest),
            told.start("n"), told.end("unit"), shown,
            evidence=Evidence(fact="the widest score gap", value=f"{score['a']}–{score['b']}", source=f"this article, line {line}"),
        )


def _margins_without_score(analysis: Analysis, rule) -> Iterator:
    """A margin no score gives, told back with "the" or a possessive, must be the one the article first gave:
    "a six-wicket victory over India" … "The seven-wicket win adds to Australia's titles". A margin in another
    unit, or beside another side or time ("the 10-wicket win over Pakistan", "last year's five-length win"),
    is another match's; a margin written twice or more the article tells of more than once."""
    text = analysis.document.text
    told = [(m, whole_number(m["n"] or m["n2"]), (m["unit"] or m["unit2"]).lower()) for m in MARGIN_WON.finditer(text)]
    told = [(m, n, unit) for m, n, unit in told if n is not None]
    if not told:
        return
    first, reported, unit = told[0]
    if first["det"] and first["det"].lower() not in ("a", "an"):
        return  # the first margin told is itself told back
    counts = Counter((n, u) for _, n, u in told)
    line, _ = analysis.document.position(first.start())
    for back, value, back_unit in told[1:]:
        if back_unit != unit or value == reported or counts[(value, back_unit)] > 1 or not back["det"] \
                or back["det"].lower() in ("a", "an") or ANOTHER.match(text, back.end()) \
                or ANOTHER_BEFORE.search(text[max(0, back.start() - 40):back.start()]):
            continue
        start, end = back.start("n"), back.end("unit")
        shown = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("margin_told_back", stated=shown, reported=f"{first['n'] or first['n2']} {unit}{'' if reported == 1 else 's'}", line=line),
            start, end, shown,
            evidence=Evidence(fact="the reported match's margin", value=text[first.start():first.end()], source=f"this article, line {line}"),
        )


KIND = CheckKind(
    name="score-conflict",
    run=run,
    summary="the reported match given two final scores",
    messages=("told_back", "margin", "margin_told_back", "deficit"),
)
