"""Words every stage reads the same way: month and weekday names, and numbers written in words.

Extraction finds dates and numbers with them; the checks read a stated weekday
or a number word ("third", "twenty-one") with them too. Kept here, apart from
both, so that no check depends on the extract stage.
"""

from __future__ import annotations

import calendar
import re

from text_to_num import text2num

from factcheck.model import Mention

MONTHS = {
    name.lower(): index
    for index in range(1, 13)
    for name in (calendar.month_name[index], calendar.month_abbr[index])
}
MONTHS["sept"] = 9
WEEKDAYS = {
    name.lower(): index
    for index in range(7)
    for name in (calendar.day_name[index], calendar.day_abbr[index])
}
# the longer abbreviations WEEKDAY accepts, so that stated_weekday() can read them too
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
ORDINALS = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five",
    "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen",
    "fifteenth": "fifteen", "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen",
    "nineteenth": "nineteen", "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty",
    "fiftieth": "fifty", "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty",
    "ninetieth": "ninety", "hundredth": "hundred", "thousandth": "thousand", "millionth": "million",
}

def word_value(words: str) -> tuple[float, bool] | None:
    """The value of number words and whether they are an ordinal: 'twenty-first' → (21, True)."""
    cleaned = re.sub(r"[\s-]+", " ", words.lower()).strip()
    parts = cleaned.split(" ")
    ordinal = parts[-1] in ORDINALS
    if ordinal:
        parts[-1] = ORDINALS[parts[-1]]
    if any(part in ORDINALS for part in parts[:-1]):
        return None
    phrase = " ".join(parts)
    if phrase in SCALES:  # "hundred" alone: "a hundred" is handled by the caller's text
        return float(SCALES[phrase]), ordinal
    try:
        return float(text2num(phrase, "en")), ordinal
    except ValueError:
        return None


def stated_weekday(mention: Mention) -> int | None:
    match = re.match(r"\s*([A-Za-z]+)", mention.text)
    if match and mention.label == "weekday":
        return WEEKDAYS.get(match.group(1).lower().rstrip("."))
    return None


