"""Find numbers written in digits or words, with their qualifiers, and value them.

"13,000", "13000" and "thirteen thousand" are all 13000; "seventh" and "7th"
are the ordinal 7; "over 500" admits anything above 500; "about 13,000" and
round figures ("six million") admit the values they would round from.
"""

from __future__ import annotations

import math
import re


from factcheck.facts import unit_name
from factcheck.lexicon import ABOUT, NEARLY, CURRENCY_SIGNS, ORDINALS, SCALES, SIGN_CHARACTERS, TENS, UNITS, word_value  # noqa: F401 (read from here by older callers)
from factcheck.model import ByPosition, Mention, NumberValue

SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 10**12}
CURRENCIES = CURRENCY_SIGNS

# The qualifier decides which values a stated number admits.
LOWER_BOUNDS = {"over", "more than", "above", "upwards of", "in excess of", "exceeding"}
AT_LEAST = {"at least", "no fewer than", "no less than", "a minimum of"}
UPPER_BOUNDS = {"under", "less than", "fewer than", "below"}
AT_MOST = {"up to", "at most", "no more than", "a maximum of"}
QUALIFIERS = sorted(LOWER_BOUNDS | AT_LEAST | UPPER_BOUNDS | AT_MOST | NEARLY | ABOUT, key=len, reverse=True)

_word = "|".join(UNITS + TENS + list(SCALES) + list(ORDINALS))
# "and" joins words into one number only after a scale word ("one hundred and five");
# "between five and ten" is two numbers.
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+"
_NUMBER_WORDS = rf"(?:{_word})(?:(?:{_AND}|[\s-]+)(?:{_word}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<abbr>k|m|mn|bn|b|tn)\b)"
_QUALIFIER = "|".join(re.escape(q) for q in QUALIFIERS)
# Every match starts at a word's start or at a currency sign; saying so first lets the regex
# engine pass over the inside of words at once (half the pattern's time in running text).
_MATCH_START = rf"(?:(?<!\w)(?=[\w{SIGN_CHARACTERS}])|(?=[{SIGN_CHARACTERS}]))"
NUMBER_RE = re.compile(
    _MATCH_START +
    # \b: the "over" of "leftover 20" and the "some" of "handsome 500" are no qualifiers;
    # "more than a million" qualifies the million
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+(?:an?\s+(?=[a-z]))?)?"
    rf"(?P<currency>US\$|[{SIGN_CHARACTERS}])?"
    rf"(?:(?P<digits>(?<![\w.,/-])(?:{_DIGITS}))(?P<suffix>st|nd|rd|th)?{_SCALE}?"
    rf"|(?P<words>\b{_NUMBER_WORDS}\b))"
    rf"(?P<percent>\s*(?:%|per\s?cent\b))?",
    re.IGNORECASE,
)


def find_numbers(text: str, exclude: list[tuple[int, int]] = ()) -> list[Mention]:
    mentions = []
    excluded = ByPosition(exclude, tuple)
    for match in NUMBER_RE.finditer(text):
        number_start = match.start("digits") if match.group("digits") else match.start("words")
        start, end = number_start, match.end()
        if excluded.overlaps(start, end):
            continue
        if match.group("digits") and _glued_to_word(text, match.end("digits"), match.group("suffix"), match.group("scale") or match.group("abbr")):
            continue
        across = (match.group("qualifier") or "").lower() == "over" and _FIGURE_BEFORE.search(text[max(0, match.start() - 40):match.start()])
        value = _value(match, None if across else (match.group("qualifier") or "").lower() or None)
        if value is None:
            continue
        if match.group("currency"):
            start = match.start("currency")
        label = _label(match, value)
        if label == "cardinal" and not value.ordinal and _CURRENCY_WORD_AFTER.match(text, end):
            label = "money"  # "6.9 billion euros", "10 million Swedish kronor": a sum named by its currency's word
        mentions.append(Mention("number", start, end, text[start:end], value, label))
    return mentions


# a currency's word after a figure, maybe with its country's ("Swedish kronor", "Hong Kong dollars"); not "pounds",
# a weight as often as a sum, nor "won", a verb
_CURRENCY_WORD_AFTER = re.compile(
    r"\s+(?:(?:US|U\.S\.|[A-Z][a-z]+)\s+){0,2}(?:dollars|euros|yen|yuan|renminbi|rupees|kronor|krona|kroner|francs|rand|naira|"
    r"pesos|reais|roubles|rubles|lira|dirhams|riyals|shekels|zloty|forints|ringgit|baht|rupiah)\b")


def _glued_to_word(text: str, end: int, suffix: str | None, scale: str | None) -> bool:
    """'4K', 'F1', 'COVID-19b': digits that are part of a word are not numbers."""
    if suffix or scale:
        return False
    if _GLUED_UNIT.match(text, end):
        return False  # "minus 70C (minus 94F)", "a 100km stage", "40kg": a unit written against its figure
    glued = _GLUED_WORD.match(text, end)
    if glued is not None and unit_name(glued.group(0)) is not None:
        return False  # "a planned capacity of 2.4GW", "1,386MW", "24hrs": any unit pint reads as a news measure
    return end < len(text) and (text[end].isalpha() or text[end] == "_")


# unit symbols a newsroom writes against the figure (British style): the figure is a number
_GLUED_UNIT = re.compile(r"(?:°?[CF]|km|kg|cm|mm|mph|kph|lbs?|ft|mi|ml)(?![\w-])")


_GLUED_WORD = re.compile(r"[A-Za-z]{2,5}(?![\w-])")


def _label(match: re.Match, value: NumberValue) -> str:
    if match.group("currency"):
        return "money"
    if match.group("percent"):
        return "percent"
    return "ordinal" if value.ordinal else "cardinal"


# "$939 million over 238 shows", "30 goals over 50 games": after a figure, "over" spans, it does not bound
_FIGURE_BEFORE = re.compile(r"\d(?:\s*(?:%|per\s?cent|thousand|million|billion|bn|m|k))?(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)


def _value(match: re.Match, qualifier: str | None) -> NumberValue | None:
    ordinal = False
    round_unit = 1.0
    significant = 0
    if match.group("digits"):
        digits = match.group("digits").replace(",", "")
        significant = _significant_digits(digits)
        number = float(digits)
        ordinal = bool(match.group("suffix"))
        scale = match.group("scale") or (match.group("abbr") if match.group("currency") else None)
        if match.group("abbr") and not scale:
            return None
        if scale:
            multiplier = SCALES.get(scale.lower()) or SCALE_ABBREVIATIONS[scale.lower()]
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            round_unit = multiplier / 10**decimals
            number *= multiplier
        else:
            round_unit = _rounding_unit(digits)
    else:
        parsed = word_value(match.group("words"))
        if parsed is None:
            return None
        number, ordinal = parsed
        round_unit = 1.0 if ordinal else _rounding_unit(str(int(number)))
    low, high = _admitted_range(number, qualifier, round_unit, ordinal, significant)
    return NumberValue(number, low, high, ordinal=ordinal, qualifier=qualifier)


def _rounding_unit(digits: str) -> float:
    """13,000 is a round figure (it may stand for 12,600); 13,472 is not; a year-like 2023 is exact."""
    if "." in digits:
        return 1.0
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    return 10.0**zeros if zeros >= 3 else 1.0


def _significant_digits(digits: str) -> int:
    """How precisely a figure is written: 177 and 3.24 have three significant digits, 180 and 3,500 two."""
    whole, _, decimals = digits.partition(".")
    written = (whole + decimals).lstrip("0")
    return len(written if decimals else written.rstrip("0"))


# A figure written to three significant digits or more after "about" or "nearly" ("about 177 jets") is
# itself a close rounding: it admits a few per cent, not the tenth a round "about 180" may stand for
PRECISE_APPROXIMATION = 0.03


def _admitted_range(number: float, qualifier: str | None, round_unit: float, ordinal: bool,
                    significant: int = 0) -> tuple[float, float]:
    if ordinal or qualifier is None:
        if round_unit > 1:
            return number - round_unit / 2, number + round_unit / 2
        return number, number
    if qualifier in LOWER_BOUNDS:
        return math.nextafter(number, math.inf), math.inf
    if qualifier in AT_LEAST:
        return number, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, math.nextafter(number, -math.inf)
    if qualifier in AT_MOST:
        return -math.inf, number
    share = PRECISE_APPROXIMATION if significant >= 3 else 0.1
    if qualifier in NEARLY:
        return number * (1 - share), number
    margin = max(number * share, round_unit / 2)
    return number - margin, number + margin
