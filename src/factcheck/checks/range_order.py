"""range-order: a range whose upper end is written below its lower one ("between $500 million and $700").

"Between A and B" names the low end first. When B is smaller than A, one of them is wrong, and most
often B has lost the scale word A carries: "between $500 million and $700" means $700 million. A
figure of another kind beside the first ("between 5 and 10 per cent" read as a count and a share) is
left alone: only two figures of one kind (two sums of money, two shares, two counts) are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.lexicon import SCALES
from factcheck.model import Analysis, Evidence, Finding, NumberValue

_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
_BEFORE_CHRIST = re.compile(r"\s*(?:BC|BCE|B\.C\.|B\.C\.E\.|years\s+ago)\b")
# the lexicon's scale words, and the abbreviations copy writes them with
_MULTIPLIERS = {**SCALES, "k": SCALES["thousand"], "m": SCALES["million"], "bn": SCALES["billion"]}
_SCALE = re.compile(r"\s*(hundred|thousand|million|billion|trillion|bn|m|k)\b", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    numbers = [m for m in analysis.mentions if m.kind == "number" and isinstance(m.value, NumberValue) and not m.value.ordinal]
    for low, high in zip(numbers, numbers[1:]):
        if not _BETWEEN.search(text[max(0, low.start - 10):low.start]) or not _AND.fullmatch(text[low.end:high.start]):
            continue
        if low.label != high.label or high.value.value >= low.value.value or _BEFORE_CHRIST.match(text, high.end):
            continue  # ("between 3359 and 3105 BC": years before Christ count down)
        scale = _SCALE.search(low.text)
        fixed = None
        if scale and not _SCALE.search(high.text):
            scaled = high.value.value * _MULTIPLIERS[scale.group(1).lower()]
            # ("between 1.2 million and 900,000": no scale makes 900,000 the upper end of that range)
            fixed = f"{high.text}{scale.group(0)}" if low.value.value < scaled <= 100 * low.value.value else None
        if fixed is None and high.value.value * 10 >= low.value.value and low.value.value < 1000:
            continue  # "between 12 and 9 metres": too near for a lost scale; copy that counts down says so otherwise
        yield rule.finding(
            rule.message("reversed", low=low.text, high=high.text),
            high.start, high.end, analysis.document.source[high.start:high.end],
            suggestion=fixed,
            evidence=Evidence(fact="range", value=f"{low.text} … {high.text}", source="arithmetic"),
        )


KIND = CheckKind(name="range-order", run=run, summary="a range whose upper end is below its lower one", messages=("reversed",))
