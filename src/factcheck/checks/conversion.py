"""conversion: a figure and its conversion in one breath that do not agree.

"a 42.195-kilometre (28.2-mile) course", "40.3C (106.5F)", "14.98°C (59.96°F)":
the second figure is the first in another unit, so pint converts the first and
the two must agree to the precision the second is written with (its significant
figures: "238,900 miles" is good to 50 miles, "106.5F" to 0.05°F). Approximations
("about 64 km") get twice that and 2% more. Units of different kinds are left
alone, and so is money (exchange rates move).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks.base import CheckKind
from factcheck.facts import power_unit, unit_name, units
from factcheck.lexicon import TEMPERATURES, TENS, UNITS, word_value
from factcheck.model import Analysis, Evidence, Finding, format_number  # noqa: F401

# a figure, and a scale word after it ("48 million pounds")
# (and a vulgar fraction after whole digits: "21½ years")
# (not the denominator of a fraction: "12 1/2 years, or 150 months" is no "2 years")
# (or a number word: "a full six days, or 142 hours")
_NUMBER = (r"(?<![\d/])(?P<{n}>(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)[½¼¾]?|(?:" + "|".join(UNITS[1:] + TENS) + r")\b)"
           r"(?P<{n}x>\s+(?:thousand|million|billion))?")
_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}
_UNIT = (r"(?:\s?-?\s?)(?P<{u}>°\s?[CF]\b|[CF]\b(?!\.\w)|degrees?\s+(?:Celsius|Fahrenheit|centigrade)\b|"
         r"(?:metric|short|long|square|cubic)\s+[A-Za-z]+|[A-Za-z]+(?:/[a-z]+)?)")
# what the first figure measures may come between it and its conversion: "26,527 metric tons of corn (…)"
_OF_WHAT = r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?(?=\s*\())?"
# … or what it is a rate of, when the conversion keeps it: "200 litres per person per day (about 63 gallons)"
_PER_WHAT = r"(?P<per>(?:\s+(?:per|a)\s+[a-z]+){1,2}(?=\s*\())?"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# two-word units as pint names them
_TWO_WORD_UNITS = {"metric ton": "metric_ton", "metric tons": "metric_ton", "short ton": "short_ton", "short tons": "short_ton",
                   "long ton": "long_ton", "long tons": "long_ton"}
_APPROXIMATE = r"(?P<{a}>(?:about|around|roughly|some|nearly|almost|approximately|approx\.|just over|just under|over|under|~)\s+)?"
# below zero: "minus 70C (minus 94F)", "-40°C (-40°F)"
# (a hyphen between figures is a range, "20-25C (68-77F)", not a sign)
_SIGN = r"(?P<{s}>minus\s+|(?<![\w.,])[-−](?=\d))?"
# where a figure can start: a word ("about", "minus"), a sign, or a digit after no other digit. Said
# first, it lets the regex engine pass over the insides of words at once (half the time), and keeps
# the "over" of "cover 85 square metres" from reading as "over 85"
_FIGURE_START = r"(?:(?<!\w)(?=[^\W\d_])|(?=[-−~])|(?<![\d/])(?=\d))"
PAIR = re.compile(
    _FIGURE_START + _APPROXIMATE.format(a="a1") + _SIGN.format(s="s1") + _NUMBER.format(n="n1") + _UNIT.format(u="u1") + _OF_WHAT + _PER_WHAT
    + r"\s*(?:\(\s*|,?\s+or\s+|\s*/\s*)" + _APPROXIMATE.format(a="a2") + _SIGN.format(s="s2") + _NUMBER.format(n="n2")
    + _UNIT.format(u="u2"),
    re.IGNORECASE,
)


# "26 inches by 18 inches (roughly 66 by 56 centimetres)": each side converts on its own; the first
# side's unit may be left to the second ("26 by 18 inches (66 by 46 cm)")
_BY = r"\s+(?:by|x|×)\s+"
DIMENSIONS = re.compile(
    _FIGURE_START + _APPROXIMATE.format(a="a1") + _NUMBER.format(n="n1") + rf"(?:{_UNIT.format(u='u1')})?" + _BY + _NUMBER.format(n="m1")
    + _UNIT.format(u="v1") + r"\s*\(\s*" + _APPROXIMATE.format(a="a2") + _NUMBER.format(n="n2")
    + rf"(?:{_UNIT.format(u='u2')})?" + _BY + _NUMBER.format(n="m2") + _UNIT.format(u="v2"),
    re.IGNORECASE,
)

# "50 to 200 metres (about 165 to 460 feet)", "20-25C (68-77F)": each end of a range converts on its own
_TO = r"\s*(?:to|–|-)\s*"
RANGES = re.compile(
    _FIGURE_START + _APPROXIMATE.format(a="a1") + _NUMBER.format(n="n1") + rf"(?:{_UNIT.format(u='u1')})?" + _TO + _NUMBER.format(n="m1")
    + _UNIT.format(u="v1") + r"\s*\(\s*" + _APPROXIMATE.format(a="a2") + _NUMBER.format(n="n2")
    + rf"(?:{_UNIT.format(u='u2')})?" + _TO + _NUMBER.format(n="m2") + _UNIT.format(u="v2") + r"\s*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Side:
    """One figure of a pair as written: its sign, digits, scale word and unit, and where they are."""
    match: re.Match
    # the names of its groups in the match: digits, scale word, unit, sign
    number: str
    scale: str
    unit: str
    sign: str | None = None
    unit_group: str | None = None  # where the unit is written, when another side's names it

    @property
    def scale_factor(self) -> float:
        written = self.match.group(self.scale)
        return SCALES[written.split()[-1].lower()] if written else 1.0

    @property
    def negative(self) -> bool:
        return bool(self.sign and self.match.group(self.sign))

    @property
    def value(self) -> float:
        return float(self.digits.replace(",", "")) * self.scale_factor * (-1 if self.negative else 1)

    @property
    def digits(self) -> str:
        """The figure's digits, a fraction as decimals ("21½" → "21.5")."""
        written = self.match.group(self.number)
        if written.isalpha():
            return format(int(word_value(written)[0]))
        return written[:-1] + _FRACTIONS[written[-1]] if written[-1] in _FRACTIONS else written

    @property
    def unit_text(self) -> str:
        return self.match.group(self.unit)

    @property
    def start(self) -> int:
        return self.match.start(self.sign) if self.negative else self.match.start(self.number)

    @property
    def end(self) -> int:
        """The end of the figure with its own unit, or of its digits when another side names the unit."""
        return self.match.end(self.unit_group) if self.unit_group else self.match.end(self.number)

    @property
    def shown(self) -> str:
        """The figure as written, with its unit ("18 inches" of "26 by 18 inches")."""
        written = self.match.string[self.start:self.end]
        return written if self.unit_group else f"{written} {self.unit_text}"


# what joins a figure to its conversion: a bracket, "or", a slash
_JOIN = re.compile(r"[(/]|\bor\b", re.IGNORECASE)


def _paragraphs_with_a_join(text: str) -> list[tuple[int, int]]:
    """The paragraphs that write a bracket, an "or" or a slash: a conversion is told in one breath, and the
    patterns below are costly to try at every word of the others."""
    spans, start = [], 0
    for end in [*(m.start() for m in re.finditer(r"\n\s*\n", text)), len(text)]:
        if _JOIN.search(text, start, end):
            spans.append((start, end))
        start = end
    return spans


def _pairs(text: str) -> Iterator[tuple[_Side, _Side, bool]]:
    """Each figure and its conversion: (first, second, approximate); each side of a pair of dimensions or
    of a range on its own."""
    spans = _paragraphs_with_a_join(text)
    for match in (match for start, end in spans for match in PAIR.finditer(text, start, end)):
        yield (_Side(match, "n1", "n1x", "u1", "s1", "u1"), _Side(match, "n2", "n2x", "u2", "s2", "u2"),
               bool(match.group("a1") or match.group("a2")))
    for match in [*(m for start, end in spans for m in DIMENSIONS.finditer(text, start, end)),
                  *(m for start, end in spans for m in RANGES.finditer(text, start, end))]:
        approximate = bool(match.group("a1") or match.group("a2"))
        yield (_Side(match, "n1", "n1x", "u1" if match.group("u1") else "v1", unit_group="u1" if match.group("u1") else None),
               _Side(match, "n2", "n2x", "u2" if match.group("u2") else "v2", unit_group="u2" if match.group("u2") else None),
               approximate)
        yield _Side(match, "m1", "m1x", "v1", unit_group="v1"), _Side(match, "m2", "m2x", "v2", unit_group="v2"), approximate


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    yield from _clock_conversions(analysis, rule)
    yield from _rates_restated(analysis, rule)
    yield from _fractions_restated(analysis, rule)
    for first_side, second_side, approximate in _pairs(text):
        match = first_side.match
        first, second = _unit(first_side.unit_text), _unit(second_side.unit_text)
        if first is None or second is None or first == second:
            continue
        if text[max(0, match.start() - 1):match.start()] in ("$", "£", "€", "¥"):
            continue
        if match.groupdict().get("per") and re.match(r"\s*(?:per|an?)\s+[a-z]", text[match.end(second_side.unit):]):
            continue  # "3.6 miles per hour (1.6 meters per second)": a rate's units on both sides, not one measure's
        lead = _larger_part(text, match.start(), first)
        first, second = _READINGS.get(first, (first,))[0], _READINGS.get(second, (second,))[0]
        converted = _disagreement(first_side, second_side, first, second, approximate, lead[0] if lead else 0.0)
        if converted is None or any(_disagreement(first_side, second_side, one, other, approximate, lead[0] if lead else 0.0) is None
                                    for one in _READINGS.get(first, (first,)) for other in _READINGS.get(second, (second,))):
            continue
        after = match.end(second_side.unit)
        if re.match(r"\s*(?:,|and)\s*\d", text[after:after + 8]):
            continue  # "166 minutes (2 hours and 46 minutes)": the conversion goes on
        if re.match(r"\s*(?:to|–|-)\s*\d", text[after:after + 8]) \
                and re.search(r"\d\s*(?:°\s?)?[A-Za-z]*\s*(?:to|–|-)\s*$", text[max(0, match.start() - 16):match.start()]):
            continue  # "2C to 8C (36F to 46F)": a range in a range, each end converting its own
        start, end = match.start(second_side.number), second_side.end
        written = second_side.digits
        decimals = len(written.split(".")[1]) if "." in written else 0
        # the sign stays as written before the figure ("minus 84F" → "minus 94F")
        magnitude = (abs(converted) if second_side.negative and converted < 0 else converted) / second_side.scale_factor
        shown = f"{magnitude:,.{decimals}f}" if "," in written else f"{magnitude:.{decimals}f}"
        spacing = text[match.end(second_side.number):match.start(second_side.unit)] if second_side.unit_group else " "
        yield rule.finding(
            rule.message("mismatch", first=(lead[1] + " " if lead else "") + first_side.shown.strip(), converted=f"{shown}{spacing}{second_side.unit_text}",
                         stated=text[start:end] if second_side.negative else second_side.shown),
            start, end, analysis.document.source[start:end],
            suggestion=shown + text[match.end(second_side.number):end],
            evidence=Evidence(fact="conversion", value=f"{format_number(first_side.value)} {first} = {converted:.4g} {second}",
                              source="pint unit conversion"),
        )


# a unit name with more than one measure, news's first: "4.9 million barrels, or roughly 206 million gallons" are oil
# barrels of 42 US gallons (not pint's 31.5), and a British story's gallons may be imperial ones
_READINGS = {"barrel": ("oil_barrel", "barrel"), "oil_barrel": ("oil_barrel", "barrel"), "gallon": ("gallon", "imperial_gallon")}


# the larger part of a length or weight written in two units: "4 miles 374 yards", "6 ft 2 in", "5lb 4oz"
_LARGER_PART = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d+)\s?-?\s?([A-Za-z]+)\s*(?:,\s*|\s+and\s+)?$")


def _larger_part(text: str, start: int, unit: str) -> tuple[float, str] | None:
    """The figure, in `unit`, of a larger unit of the same measure written right before ("4 miles" of
    "4 miles 374 yards (6.8km)"), and how it is written; None when there is none."""
    match = _LARGER_PART.search(text, max(0, start - 24), start)
    if match is None:
        return None
    larger = _unit(match.group(2))
    if larger is None or larger == unit:
        return None
    value = _converted(float(match.group(1).replace(",", "")), larger, unit)
    return (value, match.group(0).strip()) if value is not None and value > 1 else None


def _disagreement(first_side: _Side, second_side: _Side, first: str, second: str, approximate: bool,
                  larger_part: float = 0.0) -> float | None:
    """The first figure (with the larger part before it, in its unit) converted into the second's unit,
    when the second does not agree with it to the precision both are written with; None when they agree
    or do not convert."""
    stated_from, stated = first_side.value + larger_part, second_side.value
    registry = units()
    converted = _converted(stated_from, first, second)
    if converted is None:
        return None
    written_from, written = first_side.digits, second_side.digits
    # a decimal is as often cut short as rounded: a unit of its last digit, not half ("5.338km (3.316
    # miles)" for 3.3168); a whole figure's own rounding already allows for it
    # winds are given to the nearest 5 (measured in knots, converted, rounded), and so are the reaches of a storm's
    # winds ("up to 125 miles (205 km)", from nautical miles): a speed's 5 may be so rounded, and a length's when
    # both figures are whole fives ("21 kilometres (15 miles)" is no such pair)
    fives = registry.Quantity(1, second).dimensionality == registry.Quantity(1, "meter/second").dimensionality \
        or all(re.fullmatch(r"\d[\d,]*[05]", figure) for figure in (written_from, written))
    tolerance = _precision(written, fives) * (2 if "." in written else 1) * second_side.scale_factor
    if approximate:
        tolerance = 2 * tolerance + 0.02 * abs(stated)
    tolerance += 1e-9
    # the first figure is rounded too: what it may have been, converted, is allowed
    # (a figure of one or two digits is taken as written: "minus 70C" is not "somewhere from 65 to 75")
    source_precision = (0.5 if re.fullmatch(r"\d{1,2}", written_from) or _exact_conversion_of(written_from, written)
                        else _precision(written_from, fives)) * first_side.scale_factor
    # a round figure is rounded to its last significant digit, but not past a twentieth of itself: "200 litres
    # (about 63 gallons)" is no figure from 150 to 250 litres (it is 53 gallons)
    source_precision = min(source_precision, 0.05 * abs(stated_from)) if stated_from else source_precision
    if "." not in written_from and registry.Quantity(1, first).dimensionality == registry.Quantity(1, "hour").dimensionality:
        source_precision = 0  # whole days, hours or weeks are counted, not rounded: "six days, or 142 hours" is 144
    slack = abs(float(registry.Quantity(stated_from + source_precision, first).to(second).magnitude) - converted)
    if abs(converted - stated) <= tolerance + slack:
        return None
    if first in ("degC", "degF") and abs(_difference(registry, stated_from, first, second) - stated) <= tolerance + slack:
        return None  # "warmer by 0.17°C (0.31°F)": a difference of temperatures converts without the offset
    return converted


def _converted(value: float, unit: str, into: str) -> float | None:
    """The value in another unit, or None when the two do not measure the same kind of quantity."""
    try:
        return float(units().Quantity(value, unit).to(into).magnitude)
    except Exception:  # not the same kind of quantity (pint raises several kinds)
        return None


def _difference(registry, value: float, first: str, second: str) -> float:
    return float(registry.Quantity(value, "delta_" + first).to("delta_" + second).magnitude)


def _unit(word: str) -> str | None:
    folded = " ".join(word.lower().split())
    if folded in TEMPERATURES:
        return TEMPERATURES[folded]
    if folded in _TWO_WORD_UNITS:
        return _TWO_WORD_UNITS[folded]
    if folded in ("year", "years", "yr", "yrs"):
        return "year"  # "270 months, or 21½ years": beside another unit of time, a year is a length
    if folded.startswith(("square ", "cubic ")):
        return power_unit(*folded.split()[:2])
    if len(folded) == 1:
        return None  # "5 m" is metres, but "£5m" or "3 C" in other senses are too common to guess
    return unit_name(folded)


def _significant_digits(figure: str) -> int:
    digits = figure.replace(",", "").replace(".", "").lstrip("0")
    return len(digits if "." in figure else digits.rstrip("0"))


def _exact_conversion_of(first: str, second: str) -> bool:
    """Is the conversion written finer than the figure it converts ("400-metre (1,313ft)")? Then the
    round figure was converted as written, not some value it rounds ("400" is no 370)."""
    return _significant_digits(second) >= 3 and _significant_digits(second) > _significant_digits(first)


def _precision(figure: str, fives: bool = False) -> float:
    """Half a unit of the last significant digit: "28.2" 0.05, "620" 5, "238,900" 50; with `fives`, a whole
    figure of two digits or more ending in 5 may be rounded to the nearest 5 ("125 mph (205 km/h)", as
    forecasters write winds measured in knots): 2.5."""
    digits = figure.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    if fives and len(digits) >= 2 and digits.endswith("5"):
        return 2.5
    trailing = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** min(trailing, len(digits) - 1)


# a time of day in a zone, then the same moment in another, in brackets: "6:04 pm IST (12:34 GMT)",
# "8 p.m. EDT (0000 GMT)", "12.51pm NZDT (23.51 UTC)"
_CLOCK = (r"(?P<{h}>\d{{1,2}})(?:[:.](?P<{m}>\d{{2}}))?\s*(?P<{p}>[ap]\.?\s?m\.?)?"
          r"|(?P<{hm}>[012]\d[0-5]\d)(?=\s*(?:GMT|UTC)\b)")
CLOCK_PAIR = re.compile(r"(?<![\d:.])(?:" + _CLOCK.format(h="h1", m="m1", p="p1", hm="hm1") + r")\s+(?P<z1>[A-Z]{2,5})\s*\(\s*"
                        r"(?:" + _CLOCK.format(h="h2", m="m2", p="p2", hm="hm2") + r")\s+(?P<z2>[A-Z]{2,5})\s*\)")


@functools.lru_cache(maxsize=8)
def zone_offsets(year: int) -> dict[str, frozenset[int]]:
    """Each time-zone abbreviation the IANA database uses in a year → the offsets from UTC it stands for there, in
    minutes ("IST" is India's +5:30, Ireland's summer +1:00 and Israel's winter +2:00; "EDT" only −4:00)."""
    offsets: dict[str, set[int]] = {}
    for name in zoneinfo.available_timezones():
        try:
            zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        for month in (1, 4, 7, 10):
            moment = dt.datetime(year, month, 15, 12, tzinfo=zone)
            abbreviation, offset = moment.tzname(), moment.utcoffset()
            if abbreviation and abbreviation.isalpha() and offset is not None:
                offsets.setdefault(abbreviation, set()).add(int(offset.total_seconds() // 60))
    return {abbreviation: frozenset(found) for abbreviation, found in offsets.items()}


def _minutes(match: re.Match, side: str) -> int | None:
    """The time of day a side writes, in minutes after midnight (12-hour times by their a.m. or p.m.)."""
    if match[f"hm{side}"]:
        return int(match[f"hm{side}"][:2]) * 60 + int(match[f"hm{side}"][2:])
    hour, minute, half = int(match[f"h{side}"]), int(match[f"m{side}"] or 0), (match[f"p{side}"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    elif match[f"m{side}"] is None or hour > 23:
        return None  # a bare hour with no a.m. or p.m. is no time of day
    return hour * 60 + minute if minute < 60 else None


def _clock_conversions(analysis: Analysis, rule) -> Iterator[Finding]:
    """"6:04 pm IST (13:34 GMT)": the second time must be the first moved by the two zones' offsets, by any of
    the offsets the abbreviations stand for that year (an abbreviation several zones share is checked by each)."""
    text = analysis.document.text
    if "(" not in text:
        return
    # (an undated text is read with the abbreviations of a recent year: they change seldom)
    year = analysis.document.published.year if analysis.document.published else 2024
    offsets = None
    for match in CLOCK_PAIR.finditer(text):
        offsets = offsets or zone_offsets(year)
        first, second = _minutes(match, "1"), _minutes(match, "2")
        zones = offsets.get(match["z1"]), offsets.get(match["z2"])
        if first is None or second is None or None in zones or match["z1"] == match["z2"]:
            continue
        expected = sorted({(first - one + other) % 1440 for one in zones[0] for other in zones[1]})
        if second in expected:
            continue
        nearest = min(expected, key=lambda minutes: min(abs(minutes - second), 1440 - abs(minutes - second)))
        start, end = match.start("h2") if match["h2"] else match.start("hm2"), match.end("z2")
        shown = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("clock", first=analysis.document.source[match.start():match.start("z1") + len(match["z1"])].strip(),
                         converted=f"{nearest // 60:02d}:{nearest % 60:02d} {match['z2']}", stated=shown),
            start, end, shown,
            evidence=Evidence(fact="time zones", value=f"{match['z1']} and {match['z2']}, {year}", source="the IANA time zone database"),
        )


# "selling 5 million a day, or about 85 songs every second": one rate told again over another length of time
_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400, "month": 30.4375 * 86400,
            "year": 365.25 * 86400}
# the counts copy converts by: a year of 52 weeks, 12 months or 365 days; a month of 30 or 31 days or four weeks
_CALENDAR = {("year", "week"): (52,), ("year", "month"): (12,), ("year", "day"): (365, 360), ("month", "day"): (30, 31),
             ("month", "week"): (4, 4.33)}
_RATE_NUMBER = r"(?P<{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?P<{n}x>thousand|million|billion))?"
_RATE = re.compile(
    _RATE_NUMBER.format(n="n1") + r"(?:\s+[a-z]+){0,2}?\s+(?:a|an|per|each|every)\s+(?P<p1>second|minute|hour|day|week|month|year)\b"
    r",?\s+or\s+(?P<about>(?:about|around|roughly|some|nearly|almost|approximately|close\s+to|more\s+than|over|just\s+under|"
    r"just\s+over)\s+)?" + _RATE_NUMBER.format(n="n2")
    + r"(?:\s+[a-z]+){0,2}?\s+(?:a|an|per|each|every)\s+(?P<p2>second|minute|hour|day|week|month|year)\b")


def _rates_restated(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    for match in _RATE.finditer(text):
        first, second = match["p1"], match["p2"]
        if first == second:
            continue
        stated = _rate_value(match, "n2")
        ratios = {_PERIODS[second] / _PERIODS[first], *_CALENDAR.get((second, first), ()),
                  *(1 / r for r in _CALENDAR.get((first, second), ()))}
        candidates = [_rate_value(match, "n1") * ratio for ratio in ratios]
        converted = min(candidates, key=lambda c: abs(c - stated))
        digits = match["n2"].replace(",", "")
        # good to half the last written digit (and, said "about", to twice that and 5% more: "about 58")
        step = 10 ** -len(digits.split(".")[1]) if "." in digits else 10 ** (len(digits) - len(digits.rstrip("0")))
        step *= SCALES.get((match["n2x"] or "").lower(), 1)
        slack = step / 2 if not match["about"] else step + 0.05 * converted
        if abs(stated - converted) <= slack or converted == 0:
            continue
        start, end = match.start("n2"), match.end("n2x") if match["n2x"] else match.end("n2")
        shown = format_number(round(converted, max(0, len(digits.split(".")[1]) if "." in digits else 0)))
        yield rule.finding(
            rule.message("rate", first=f"{match['n1']}{' ' + match['n1x'] if match['n1x'] else ''} a {first}", converted=f"{shown} a {second}",
                         stated=text[start:end]),
            start, end, analysis.document.source[start:end],
            suggestion=shown,
            evidence=Evidence(fact="rate", value=f"{match['n1']} a {first}", source="arithmetic"),
        )


def _rate_value(match: re.Match, group: str) -> float:
    return float(match[group].replace(",", "")) * SCALES.get((match[group + "x"] or "").lower(), 1)


# a fraction in words with its figure in brackets: "by six-hundredths (0.06) of a second", "three-tenths (0.3)"
_FRACTION_RESTATED = re.compile(r"\b(?P<count>[a-z]+(?:-[a-z]+)?|\d+)[- ](?P<part>tenths?|hundredths?|thousandths?|10ths?|100ths?|1,?000ths?)"
                                r"\s*\(\s*(?P<figure>\d*\.\d+)\s*\)", re.IGNORECASE)
_FRACTION_PART = re.compile(r"(?:tenths?|hundredths?|thousandths?|0ths?)\s*\(", re.IGNORECASE)


def _fractions_restated(analysis: Analysis, rule) -> Iterator[Finding]:
    """"beating Kyle Chalmers by sixth-hundredths (0.60) of a second": six hundredths is 0.06. A fraction written in
    words and then in figures must be one number (an ordinal's "sixth" read as the count it slips from)."""
    text = analysis.document.text
    if not _FRACTION_PART.search(text):
        return  # (most articles write no such fraction: one quick look for its word before the full pattern)
    for match in _FRACTION_RESTATED.finditer(text):
        count = match["count"].lower()
        read = (float(count), False) if count.isdigit() else word_value(count)
        part = match["part"].lower()
        denominator = 1000 if part.startswith(("tho", "1000", "1,000")) else 100 if part.startswith(("hun", "100")) else 10
        if read is None:
            continue
        value = read[0] / denominator
        figure = float(match["figure"])
        decimals = len(match["figure"].split(".")[1])
        if abs(value - figure) <= 0.5 * 10 ** -decimals + 1e-9:
            continue
        start, end = match.start(), match.end()
        shown = f"{value:.{max(decimals, len(str(denominator)) - 1)}f}"
        yield rule.finding(
            rule.message("mismatch", first=f"{match['count']}-{match['part']}", converted=shown, stated=match["figure"]),
            start, end, analysis.document.source[start:end], suggestion=None,
            evidence=Evidence(fact="fraction", value=f"{match['count']} / {denominator} = {shown}", source="arithmetic"),
        )


KIND = CheckKind(
    name="conversion",
    run=run,
    summary="a figure and its conversion into another unit do not agree",
    messages=("mismatch", "clock", "rate"),
    fallback_messages={"rate": "{first} is {converted}, not {stated}"},
)
