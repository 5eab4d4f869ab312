"""conversion: a figure and its conversion in one breath that do not agree.

"a 42.195-kilometre (28.2-mile) course", "40.3C (106.5F)", "14.98°C (59.96°F)":
the second figure is the first in another unit, so pint converts the first and
the two must agree to the precision the second is written with (its significant
figures: "238,900 miles" is good to 50 miles, "106.5F" to 0.05°F). Approximations
("about 64 km") get twice that and 2% more. Units of different kinds are left
alone, and so is money (exchange rates move).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.base import CheckKind
from factcheck.facts import unit_name, units
from factcheck.model import Analysis, Evidence, Finding, format_number  # noqa: F401

# a figure, and a scale word after it ("48 million pounds")
_NUMBER = r"(?P<{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<{n}x>\s+(?:thousand|million|billion))?"
_UNIT = (r"(?:\s?-?\s?)(?P<{u}>°\s?[CF]\b|[CF]\b(?!\.\w)|degrees?\s+(?:Celsius|Fahrenheit|centigrade)\b|"
         r"(?:metric|short|long|square|cubic)\s+[A-Za-z]+|[A-Za-z]+(?:/[a-z]+)?)")
# what the first figure measures may come between it and its conversion: "26,527 metric tons of corn (…)"
_OF_WHAT = r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?(?=\s*\())?"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# two-word units as pint names them
_TWO_WORD_UNITS = {"metric ton": "metric_ton", "metric tons": "metric_ton", "short ton": "short_ton", "short tons": "short_ton",
                   "long ton": "long_ton", "long tons": "long_ton"}
_APPROXIMATE = r"(?P<{a}>(?:about|around|roughly|some|nearly|almost|approximately|approx\.|just over|just under|over|under|~)\s+)?"
# below zero: "minus 70C (minus 94F)", "-40°C (-40°F)"
# (a hyphen between figures is a range, "20-25C (68-77F)", not a sign)
_SIGN = r"(?P<{s}>minus\s+|(?<![\w.,])[-−](?=\d))?"
PAIR = re.compile(
    _APPROXIMATE.format(a="a1") + _SIGN.format(s="s1") + _NUMBER.format(n="n1") + _UNIT.format(u="u1") + _OF_WHAT
    + r"\s*(?:\(\s*|,?\s+or\s+|\s*/\s*)" + _APPROXIMATE.format(a="a2") + _SIGN.format(s="s2") + _NUMBER.format(n="n2")
    + _UNIT.format(u="u2"),
    re.IGNORECASE,
)
TEMPERATURES = {"c": "degC", "°c": "degC", "° c": "degC", "f": "degF", "°f": "degF", "° f": "degF", "degrees celsius": "degC",
                "degree celsius": "degC", "degrees centigrade": "degC", "degrees fahrenheit": "degF", "degree fahrenheit": "degF"}


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    for match in PAIR.finditer(text):
        first, second = _unit(match.group("u1")), _unit(match.group("u2"))
        if first is None or second is None or first == second:
            continue
        if text[max(0, match.start() - 1):match.start()] in ("$", "£", "€", "¥"):
            continue
        scale_from, scale = (SCALES[(match.group(g) or " thousand").split()[-1].lower()] if match.group(g) else 1.0 for g in ("n1x", "n2x"))
        stated_from = float(match.group("n1").replace(",", "")) * scale_from * (-1 if match.group("s1") else 1)
        stated = float(match.group("n2").replace(",", "")) * scale * (-1 if match.group("s2") else 1)
        registry = units()
        try:
            converted = float(registry.Quantity(stated_from, first).to(second).magnitude)
        except Exception:  # not the same kind of quantity (pint raises several kinds)
            continue
        # a decimal is as often cut short as rounded: a unit of its last digit, not half ("5.338km (3.316
        # miles)" for 3.3168); a whole figure's own rounding already allows for it
        tolerance = _precision(match.group("n2")) * (2 if "." in match.group("n2") else 1) * scale
        if match.group("a1") or match.group("a2"):
            tolerance = 2 * tolerance + 0.02 * abs(stated)
        tolerance += 1e-9
        # the first figure is rounded too: what it may have been, converted, is allowed
        # (a figure of one or two digits is taken as written: "minus 70C" is not "somewhere from 65 to 75")
        written = match.group("n1")
        source_precision = (0.5 if re.fullmatch(r"\d{1,2}", written) else _precision(written)) * scale_from
        slack = abs(float(registry.Quantity(stated_from + source_precision, first).to(second).magnitude) - converted)
        if abs(converted - stated) <= tolerance + slack:
            continue
        if first in ("degC", "degF") and abs(_difference(registry, stated_from, first, second) - stated) <= tolerance + slack:
            continue  # "warmer by 0.17°C (0.31°F)": a difference of temperatures converts without the offset
        if re.match(r"\s*(?:,|and)\s*\d", text[match.end("u2"):match.end("u2") + 8]):
            continue  # "166 minutes (2 hours and 46 minutes)": the conversion goes on
        if re.match(r"\s*(?:to|–|-)\s*\d", text[match.end("u2"):match.end("u2") + 8]) \
                and re.search(r"\d\s*(?:°\s?)?[A-Za-z]*\s*(?:to|–|-)\s*$", text[max(0, match.start() - 16):match.start()]):
            continue  # "2C to 8C (36F to 46F)": a range in a range, each end converting its own
        start, end = match.start("n2"), match.end("u2")
        decimals = len(match.group("n2").split(".")[1]) if "." in match.group("n2") else 0
        # the sign stays as written before the figure ("minus 84F" → "minus 94F")
        magnitude = (abs(converted) if match.group("s2") and converted < 0 else converted) / scale
        shown = f"{magnitude:,.{decimals}f}" if "," in match.group("n2") else f"{magnitude:.{decimals}f}"
        yield rule.finding(
            rule.message("mismatch", first=text[match.start("s1") if match.group("s1") else match.start("n1"):match.end("u1")].strip(),
                         converted=f"{shown}{_spacing(match)}{match.group('u2')}", stated=text[start:end]),
            start, end, analysis.document.source[start:end],
            suggestion=shown + text[match.end("n2"):end],
            evidence=Evidence(fact="conversion", value=f"{format_number(stated_from)} {first} = {converted:.4g} {second}", source="pint unit conversion"),
        )


def _difference(registry, value: float, first: str, second: str) -> float:
    return float(registry.Quantity(value, "delta_" + first).to("delta_" + second).magnitude)


def _spacing(match: re.Match) -> str:
    return match.string[match.end("n2"):match.start("u2")]


def _unit(word: str) -> str | None:
    folded = " ".join(word.lower().split())
    if folded in TEMPERATURES:
        return TEMPERATURES[folded]
    if folded in _TWO_WORD_UNITS:
        return _TWO_WORD_UNITS[folded]
    if folded.startswith(("square ", "cubic ")):
        base = unit_name(folded.split()[1])
        return f"{base}**{2 if folded.startswith('square') else 3}" if base else None
    if len(folded) == 1:
        return None  # "5 m" is metres, but "£5m" or "3 C" in other senses are too common to guess
    return unit_name(folded)


def _precision(figure: str) -> float:
    """Half a unit of the last significant digit: "28.2" 0.05, "620" 5, "238,900" 50; a whole figure of
    two digits or more ending in 5 may be rounded to the nearest 5 ("125 mph (205 km/h)", as forecasters
    write winds measured in knots): 2.5."""
    digits = figure.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    if len(digits) >= 2 and digits.endswith("5"):
        return 2.5
    trailing = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** min(trailing, len(digits) - 1)


KIND = CheckKind(
    name="conversion",
    run=run,
    summary="a figure and its conversion into another unit do not agree",
    messages=("mismatch",),
)
