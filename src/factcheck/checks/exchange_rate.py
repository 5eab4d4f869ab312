"""exchange-rate: sums of money converted at rates the article itself contradicts.

"30,000 dirhams (about $3,000) … 140,000 dirhams (about $14,000) … 80,000 dirhams (about $4,000)":
an article converts one currency into another at the rate of its day, and every conversion of that
pair in it should use about the same rate. Money is never converted with a table (rates move); the
article's own conversions are the table. Each conversion's rate is known to the precision its figures
are written with ("$4,000" is $3,500 to $4,500), and the conversions whose rates can agree are the
rate the article means; one outside it is reported: with three or more conversions of a pair, one the
others agree against; with two that cannot agree, the later (the first sets the rate a reader trusts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from factcheck.checks.base import CheckKind
from factcheck.lexicon import SIGN_CHARACTERS
from factcheck.model import Analysis, Evidence, format_number

_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
           "trillion": 1e12, "tn": 1e12}
_SCALE = r"(?:\s*(?P<{s}>thousand|million|billion|trillion|bn|mn|tn|m|b|k)\b)?"
_AMOUNT = r"(?P<{a}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# a currency by its sign ("$", "US$", "A$", "£", "€", "¥", "₹", "₦") or by its name after the figure ("80,000 dirhams")
_OTHER_SIGNS = SIGN_CHARACTERS.replace("$", "")
_SIGN = rf"(?P<{{c}}>(?:US|A|AU|C|CA|NZ|HK|S|NT|R)?\$|[{_OTHER_SIGNS}])"
_NAMES = (r"(?P<{c}>dollars?|euros?|dirhams?|rupiah|rupees?|riyals?|yen|yuan|renminbi|won|pesos?|rand|naira|shillings?|francs?|"
          r"kronor|kroner|krona|krone|lira|liras|baht|ringgit|dong|zlotys?|forints?|dinars?|taka|cedis?|reais|hryvnias?|"
          r"rubles?|roubles?|pounds\s+sterling|sterling)\b")


def _money(n: str) -> str:
    return (rf"(?:{_SIGN.format(c=f'{n}c')}\s?{_AMOUNT.format(a=f'{n}a')}{_SCALE.format(s=f'{n}s')}"
            rf"|{_AMOUNT.format(a=f'{n}b')}{_SCALE.format(s=f'{n}t')}\s+{_NAMES.format(c=f'{n}d')})")


# a sum and its conversion in brackets: "80,000 dirhams (about $4,000)", "£85.3 million ($108.4 million)"
_CONVERSION = re.compile(
    rf"(?<![\w.,]){_money('x')}\s*\(\s*(?:about|around|roughly|some|nearly|almost|approximately|approx\.|or|equivalent\s+to|"
    rf"worth|just\s+over|just\s+under|over|under|more\s+than|less\s+than|c\.)?\s*{_money('y')}\s*\)")
# (a sign written with its country's letters is the same money: "US$" and "$" in one article)
_SAME_SIGN = {"US$": "$"}


class _Conversion(NamedTuple):
    start: int  # the converted figure, which is what a slip in the rate makes wrong
    end: int
    sum: str  # the first figure as written
    pair: tuple[str, str]
    low: float  # the rate the figures allow, given their precision
    high: float
    rate: float


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    if "(" not in text:
        return
    conversions = [c for c in map(_conversion, _CONVERSION.finditer(text)) if c is not None]
    for pair in sorted({c.pair for c in conversions}):
        same = [c for c in conversions if c.pair == pair]
        if len(same) < 2:
            continue
        for stated, meant in _disagreeing(same):
            line, _ = analysis.document.position(meant.start)
            written = analysis.document.source[stated.start:stated.end]
            yield rule.finding(
                rule.message("rate", stated=written, sum=stated.sum, rate=_shown(stated.rate), meant=_shown(meant.rate),
                             other=meant.sum, line=line, pair=f"{pair[0]} to {pair[1]}"),
                stated.start, stated.end, written,
                evidence=Evidence(fact="exchange rate", value=f"{meant.sum} = {text[meant.start:meant.end]}",
                                  source=f"this article, line {line}"),
            )


def _disagreeing(conversions: list[_Conversion]) -> list[tuple[_Conversion, _Conversion]]:
    """The conversions whose rate the others' cannot be, each with one conversion it disagrees with: those
    outside the largest set that can share a rate (when two or more share it), or, of two that cannot
    agree, the later."""
    def agree(a: _Conversion, b: _Conversion) -> bool:
        # (10% more either way: a rate quoted a day apart, or a sum rounded before converting)
        return a.low <= b.high * 1.1 and b.low <= a.high * 1.1

    if len(conversions) == 2:
        first, later = sorted(conversions)
        return [] if agree(first, later) else [(later, first)]
    agreeing = max(([c for c in conversions if agree(c, other)] for other in conversions), key=len)
    if len(agreeing) < 2 or not all(agree(a, b) for a in agreeing for b in agreeing):
        return []
    return [(c, agreeing[0]) for c in conversions if c not in agreeing]


def _conversion(match: re.Match) -> _Conversion | None:
    first = _figure(match, "x")
    second = _figure(match, "y")
    if first is None or second is None:
        return None
    from_currency, to_currency = _currency(match, "x"), _currency(match, "y")
    if from_currency == to_currency or not first[0] or not second[0]:
        return None
    (value, low, high), (converted, converted_low, converted_high) = first, second
    if match.group("yc"):
        start, end = match.start("yc"), match.end("ys") if match.group("ys") else match.end("ya")
    else:
        start, end = match.start("yb"), match.end("yd")
    return _Conversion(start, end, match.group(0).split("(")[0].strip(), (from_currency, to_currency),
                       low / converted_high, high / converted_low, value / converted)


def _figure(match: re.Match, n: str) -> tuple[float, float, float] | None:
    """The figure, and the least and most it can be rounded from ("$4,000": 3,500 to 4,500)."""
    digits = match.group(f"{n}a") or match.group(f"{n}b")
    scale_word = (match.group(f"{n}s") or match.group(f"{n}t") or "").lower()
    scale = _SCALES.get(scale_word, 1.0)
    plain = digits.replace(",", "")
    if "." in plain:
        step = 10 ** -len(plain.split(".")[1])
    else:
        trailing = len(plain) - len(plain.rstrip("0"))
        step = 10 ** trailing if plain.strip("0") else 1
    value = float(plain)
    return value * scale, (value - step / 2) * scale, (value + step / 2) * scale


def _currency(match: re.Match, n: str) -> str:
    sign = match.group(f"{n}c")
    if sign:
        return _SAME_SIGN.get(sign, sign)
    name = match.group(f"{n}d").lower()
    return re.sub(r"(?<=[a-z])s$", "", name) if name not in ("reais", "kronor", "kroner", "rupiah") else name


def _shown(rate: float) -> str:
    """A rate to three significant figures: 10.0, 14,700, 1.28."""
    if rate >= 100:
        return format_number(float(f"{rate:.3g}"))
    return f"{rate:.3g}"


KIND = CheckKind(
    name="exchange-rate",
    run=run,
    summary="sums of money converted at rates the article itself contradicts",
    messages=("rate",),
)
