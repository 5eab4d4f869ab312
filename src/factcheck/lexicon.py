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
# a length of time in each of its written forms, and what one of it is in minutes; the link stage
# reads a runtime with them, the restated check a duration told twice
DURATION_WORDS = {
    **{form: "second" for form in ("second", "seconds", "sec", "secs")},
    **{form: "minute" for form in ("minute", "minutes", "min", "mins")},
    **{form: "hour" for form in ("hour", "hours", "hr", "hrs")},
    **{form: "day" for form in ("day", "days")},
    **{form: "week" for form in ("week", "weeks")},
    **{form: "month" for form in ("month", "months")},
    **{form: "year" for form in ("year", "years")},
}
MINUTES_IN = {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43830, "year": 525960}
UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# the signs money is written with, and the currency each stands for (one list for the number reader and the checks)
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₦": "NGN", "₹": "INR", "₩": "KRW", "₱": "PHP",
                  "₺": "TRY", "₽": "RUB"}
# … those of one character, for a regular expression's character class
SIGN_CHARACTERS = "".join(sign for sign in CURRENCY_SIGNS if len(sign) == 1)
# the parts a contest or season is played in, with their plurals: "the 20th stage of the race", "in 12 games"
CONTEST_PARTS = {"game": "games", "match": "matches", "round": "rounds", "race": "races", "leg": "legs", "frame": "frames",
                 "innings": "innings", "quarter": "quarters", "half": "halves", "stage": "stages", "lap": "laps", "heat": "heats",
                 "fixture": "fixtures", "bout": "bouts", "outing": "outings"}
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


def whole_number(word: str) -> int | None:
    """A whole number written in digits ("117") or words ("five", "twenty-one"); not an ordinal."""
    if word.isdigit():
        return int(word)
    read = word_value(word)
    return int(read[0]) if read is not None and not read[1] and read[0] == int(read[0]) else None


def stated_weekday(mention: Mention) -> int | None:
    match = re.match(r"\s*([A-Za-z]+)", mention.text)
    if match and mention.label == "weekday":
        return WEEKDAYS.get(match.group(1).lower().rstrip("."))
    return None




LATER = re.compile(r"\b([\w-]+)\s+(days?|weeks?)\s+(?:later|after(?:wards)?)\b[^.;!?\d]{0,20}$", re.IGNORECASE)
# "the next day, Friday, May 28", "the following day", "a day later": one day after the date before
NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+day|(?:a|one)\s+day\s+later|the\s+day\s+after)\b[^.;!?\d]{0,20}$",
                      re.IGNORECASE)
DAY_AFTER_FOLLOWS = re.compile(r",?\s*(?:the\s+(?:next|following)\s+day|the\s+day\s+after)\b", re.IGNORECASE)


def days_later(text: str, start: int, end: int, strict: bool = False) -> int | None:
    """How many days after the date before it a date at [start, end) says it is: "21 days later, on
    22 December" 21, "a week later, on Friday" 7, "the next day, Friday, May 28" 1; None if it says not.
    `strict`: only where the words stand right before the date."""
    preceding = text[max(0, start - 60):start]
    later = LATER.search(preceding)
    if strict:
        # only "N days later, on D" and "the next day, D", the date at once after the words
        if later is not None and not re.match(r"\s+(?:days?|weeks?)\s+later\s*,?\s*(?:on\s+)?(?:the\s+)?$",
                                               preceding[later.end(1):], re.IGNORECASE):
            later = None
        if later is None:
            return 1 if re.search(r"\bthe\s+(?:next|following)\s+day\s*,\s*(?:on\s+)?$", preceding, re.IGNORECASE) else None
    if later is not None:
        written = later.group(1).lower()
        count = int(written) if written.isdigit() else 1 if written in ("a", "one") else (word_value(written) or (None,))[0]
        if not count:
            return None
        return int(count) * (7 if later.group(2).lower().startswith("week") else 1)
    if NEXT_DAY.search(preceding) or DAY_AFTER_FOLLOWS.match(text, end):
        return 1  # "the next day, Friday, May 28"; "on 12 March, the day after the quake"
    return None


# verbs of events fixed and announced ahead — a release, a publication, an opening, an inauguration, a law
# coming into force: told in the past with a yearless day still to come, the tense is the writer's slip, not
# the year (unlike an outcome, "won on 28 May" in February, which is last year's)
# how far ahead of publication such a day is still this year's (a yearless day further ahead, told in the
# past, is last year's; measured on the blind corpora: 8 slips found for none wrongly reported, where the
# same window for every verb reported 6 outcomes of last year, "won on 28 May")
SCHEDULED_AHEAD_DAYS = 120
_SCHEDULED_VERB = re.compile(r"(?:releas|publish|open|launch|premier|air|arriv|debut|sworn|swore|inaugurat)", re.IGNORECASE)
_ARRIVED_FROM = re.compile(r"arriv\w*\s+(?:\w+\s+){0,4}?from\s+[A-Z]")
_INTO_FORCE = re.compile(r"\b(?:came|come|comes|entered|enters?)\s+into\s+force\b|\btook\s+effect\b", re.IGNORECASE)
# a prize handed over at a ceremony fixed ahead: "received his medal and diploma … on 10 December"
_RECEIVE = re.compile(r"receiv", re.IGNORECASE)
_AWARD_NOUNS = re.compile(r"(?:medal|prize|award|diploma|trophy|honou?r|knighthood|degree)s?$", re.IGNORECASE)


def scheduled_event(text: str, syntax, start: int, end: int) -> bool:
    """Is the verb a date hangs on one of an event fixed ahead ("was released on", "came into force on",
    "received their medals … on Dec. 10")?"""
    verb = syntax.governing_verb(start, end) if syntax is not None else None
    if verb is None:
        return False
    token = syntax.tokens[verb]
    if _RECEIVE.match(text[token.start:token.end]):
        return any(syntax.tokens[child].dep == "dobj" and _AWARD_NOUNS.match(text[syntax.tokens[child].start:syntax.tokens[child].end])
                   for child in syntax.children(verb))
    if _ARRIVED_FROM.match(text[token.start:token.start + 80]):
        return False  # "Vitale arrived on April 1 from Miu Miu": someone joining from elsewhere, no arrival fixed ahead
    return bool(_SCHEDULED_VERB.match(text[token.start:token.end]) or _INTO_FORCE.search(text[token.start:end]))


# the words that round a figure rather than bound it: "nearly 500" is a little under 500, "about 500" either side
NEARLY = frozenset({"nearly", "almost", "close to", "just under", "shy of"})
ABOUT = frozenset({"about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "approx."})


# a temperature's unit as copy writes it after its figure, by pint's name ("46.6C", "113 °F", "45 degrees Celsius")
TEMPERATURES = {"c": "degC", "°c": "degC", "° c": "degC", "f": "degF", "°f": "degF", "° f": "degF", "degrees celsius": "degC",
                "degree celsius": "degC", "degrees centigrade": "degC", "degrees fahrenheit": "degF", "degree fahrenheit": "degF"}
