"""Find date expressions and turn them into DateValues.

Calendar forms ("June 28, 2024", "12 July 2023", "2023-07-12", "7/12/2023",
"July 2023", "in 2023") are found by pattern, so an impossible date such as
"February 30" is still found (its value is None and its label "invalid").
Relative forms ("two days ago", "last Tuesday", "next month") are resolved by
dateparser against the publication date; without one they stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from factcheck.lexicon import MONTHS, WEEKDAYS, stated_weekday  # noqa: F401 (read from here by older callers)
from factcheck.model import DateValue, Mention

MONTH = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))"
WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)(?:\s+(?:night|morning|afternoon|evening))?,?\s+(?:the\s+)?)?"
# ("Tuesday night, Nov. 15": the part of the day between the weekday and its date)
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})(?!\d)"
NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several|\d+)"
UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "\b" before a word, said as "not after a word character, before one": the regex engine then
# passes over word ends and the insides of words without trying the alternatives after it (each
# pattern below takes half the time over running text; the matches are the same)
WORD_START = r"(?<!\w)(?=\w)"

_CALENDAR_PATTERNS = [
    # days of one month with their year: "March 2-3, 2020", "2–3 March 2020" (not "March 2" of an unknown year)
    re.compile(rf"{WORD_START}{MONTH}\s+{DAY}\s*[-–]\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+){YEAR}", re.IGNORECASE),
    re.compile(rf"{WORD_START}{DAY}\s*[-–]\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+{YEAR}", re.IGNORECASE),
    # Thursday, July 12, 2023 / July 12th / Jul. 12 2023
    re.compile(rf"{WORD_START}{WEEKDAY}{MONTH}\s+{DAY}(?!\d)(?:(?:,\s*|\s+){YEAR})?", re.IGNORECASE),
    # Thursday 12 July 2023 / 12th of July / the 31 April
    re.compile(rf"{WORD_START}{WEEKDAY}{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?", re.IGNORECASE),
    # 2023-07-12
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 7/12/2023 (US order unless day_first)
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
    # July 2023
    re.compile(rf"{WORD_START}{MONTH}\s+(?:of\s+)?{YEAR}", re.IGNORECASE),
]
# A bare year is a date only where the words around it say so: "in 2023", "the 2024 season".
_YEAR_PATTERN = re.compile(
    # (not the first year of a season or fiscal year: "in 2014-15", "in 2019/20" span two)
    r"\b(?:(?:in|since|by|from|until|till|before|after|during|of|early|late|mid|summer|spring|autumn|fall|winter)\s+|mid-|(?:the|its|their|his|her)\s+(?=\d{4}\s+[a-z]))(?P<year>(?:1[89]|20)\d{2})(?!\d|[,.]\d|\s*(?:%|percent)|[-–/]\d\d(?!\d))",
    re.IGNORECASE,
)
_RELATIVE_PATTERN = re.compile(
    rf"{WORD_START}(?:{NUMBER_WORD}\s+{UNIT}\s+(?:ago|earlier|later|from now)"
    rf"|(?:in|within)\s+{NUMBER_WORD}\s+{UNIT}"
    r"|(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)"
    # "in September of this year", "March next year": the month of a year named from the publication
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?(?:this|last|next)\s+year"
    rf"|(?:last|next|this|this\s+past|this\s+coming)\s+(?:week|month|year|weekend|{WEEKDAY_NAME}|spring|summer|autumn|fall|winter)"
    # "on Thursday" whatever follows ("died on Thursday at the hospital"); a weekday without "on"
    # only before a stop or a part of the day ("Thursday's", "Thursday Night Football" are no dates)
    rf"|on\s+{WEEKDAY_NAME}(?![’'-])|{WEEKDAY_NAME}(?=\s*[,.;]|\s+(?:night|morning|afternoon|evening))"
    r")\b",
    re.IGNORECASE,
)
# A month named without its year, where the words before it say it is a time ("in May", "by late June", "at the end of
# October"); capitalised, so "may" the verb is none. Its year is the one nearest the publication (or the story's: see
# extract.years_from_context). Not a month before a day or a year, nor one "of this year".
_MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Dd]uring|(?:[Ii]n\s+)?(?:[Ee]arly|[Ll]ate|[Mm]id)-?|"
    r"(?:[Aa]t\s+|[Bb]y\s+)?the\s+(?:end|start|beginning|middle)\s+of)\s*(?<=[\s-])"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?![\s,]*(?:\d|of\b|this\b|last\b|next\b|[A-Z]))")
# Lower-case month names that are also English words: "20 may be affected" is no date.
_MONTH_LOOKALIKES = {"may", "mar"}
# "the first … in", "the highest … in", "its second overall win in": "in N years" after them counts back,
# it is no date ahead
_SPAN_SINCE = re.compile(r"\b(?:first|only|best|highest|lowest|biggest|largest|worst|longest|fastest|most|least|second|third|fourth|"
                         r"fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b[^.;:]*$",
                         re.IGNORECASE)
# "two days later" counts from an event the article tells of, not from the publication.
_ANAPHORIC_RE = re.compile(r"\b(?:earlier|later)$")
_RELATIVE_WEEKDAY_PATTERN = re.compile(rf"\b(?:last|next|this|this past|this coming)\s+{WEEKDAY_NAME}\b", re.IGNORECASE)
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# a season right before a year ("in autumn 2022", "the summer of 2021"); winter, which runs across two
# years, is left to the year
_SEASON_BEFORE = re.compile(r"\b(spring|summer|autumn|fall)\s+(?:of\s+)?$", re.IGNORECASE)


def find_dates(text: str, published: dt.date | None, day_first: bool = False) -> list[Mention]:
    """All date mentions in `text`, without overlaps, in text order."""
    found: list[Mention] = []
    taken: set[int] = set()  # the offsets a date already found covers

    def free(start: int, end: int) -> bool:
        return not any(offset in taken for offset in range(start, end))

    # "last Tuesday, March 5": the relative weekday first, so the date after it stands alone
    for match in _RELATIVE_WEEKDAY_PATTERN.finditer(text):
        found.append(Mention("date", match.start(), match.end(), match.group(), resolve_relative(match.group(), published), "relative"))
        taken.update(range(*match.span()))
    for pattern in _CALENDAR_PATTERNS:
        position = 0
        while (match := pattern.search(text, position)) is not None:
            position = match.end()
            if not free(match.start(), match.end()):
                position = match.start() + 1  # a shorter date may start inside this one
                continue
            mention = _calendar_mention(match, published, day_first)
            if mention is not None:
                found.append(mention)
                taken.update(range(match.start(), match.end()))
    for match in _YEAR_PATTERN.finditer(text):
        start = match.start("year")
        if free(start, match.end()):
            year = int(match.group("year"))
            season = _SEASON_BEFORE.search(text, max(0, start - 20), start)
            if season is not None and free(season.start(1), start):
                # "were released in autumn 2022": the season's months of that year (as the northern
                # hemisphere counts them), not the whole year
                first, last = SEASONS[season.group(1).lower()]
                value = DateValue(dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]), "span")
                found.append(Mention("date", season.start(1), match.end(), text[season.start(1):match.end()], value, "season"))
                taken.update(range(season.start(1), match.end()))
                continue
            value = DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
            found.append(Mention("date", start, match.end(), match.group("year"), value, "year"))
            taken.update(range(start, match.end()))
    if published is not None:
        for match in _MONTH_ALONE.finditer(text):
            start, end = match.span("month")
            if free(start, end):
                month = MONTHS[match.group("month").lower()]
                year = infer_year(month, 15, published)
                if match.group(0)[:5].lower() == "since":
                    # "unemployment has been below 4% since March": the last March, not the next
                    year = published.year if month <= published.month else published.year - 1
                found.append(Mention("date", start, end, match.group("month"), month_value(year, month, relative=True), "month-no-year"))
                taken.update(range(start, end))
    for match in _RELATIVE_PATTERN.finditer(text):
        start, end = match.span()
        phrase = match.group()
        if _SPAN_SINCE.search(text[max(0, start - 50):start]) and re.match(r"(?:in|within)\s", phrase, re.IGNORECASE):
            continue  # "his first major in 11 years": a span back to now, not a day 11 years ahead
        if phrase.lower().startswith("on "):
            start += 3
            phrase = phrase[3:]
        if free(start, end):
            value = resolve_relative(phrase, published)
            found.append(Mention("date", start, end, phrase, value, "relative" if value is None or value.relative else "month"))
            taken.update(range(start, end))
    found.sort(key=lambda mention: mention.start)
    return found


# a capitalised word inside a sentence right before a month and its day, no weekday nor preposition: "a Long March 5
# rocket" names a rocket ("Tuesday March 5", "On March 5" and "… Shetland. March 5" stay dates)
_IN_A_NAME = re.compile(r"(?<=[a-z,;:] )(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|"
                        r"Sat|Sun|On|In|By|From|Since|Until|Till|Before|After|Through|Early|Late|Mid|Last|Next|This)\b)"
                        r"[A-Z][a-z]+ $")


def _calendar_mention(match: re.Match, published: dt.date | None, day_first: bool) -> Mention | None:
    groups = match.groupdict()
    text = match.group()
    if "first" in groups and groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        month, day = (second, first) if day_first else (first, second)
        if month > 12 and day <= 12:
            month, day = day, month  # "26/09/2025" can only be day first, whatever the default
        year = int(groups["year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        return _day_mention(match, year, month, day, None, inferred=False)
    month_text = groups["month"]
    if month_text in _MONTH_LOOKALIKES:
        return None
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("day") is None:
        if year is None:
            return None
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 28
        value = DateValue(dt.date(year, month, 1), dt.date(year, month, last), "month")
        return Mention("date", match.start(), match.end(), text, value, "month")
    day = int(groups["day"])
    if groups.get("day2"):
        first, last = _valid_day(year, month, day), _valid_day(year, month, int(groups["day2"]))
        if first is None or last is None or last <= first:
            return None
        return Mention("date", match.start(), match.end(), text, DateValue(first, last, "span"), "days")
    weekday = groups.get("weekday")
    if year is None and weekday is None and _IN_A_NAME.search(match.string, max(0, match.start() - 30), match.start()) \
            and text.lower().startswith(month_text.lower()):
        return None  # "a Long March 5 rocket": the month word is inside a name
    inferred = year is None
    if year is None:
        if published is None:
            checked = _valid_day(2000, month, day)  # a leap year: February 29 is possible
            label = "invalid" if checked is None else "no-year"
            return Mention("date", match.start(), match.end(), text, None, label)
        year = infer_year(month, day, published, WEEKDAYS.get(weekday.lower().rstrip(".")) if weekday else None)
    return _day_mention(match, year, month, day, weekday, inferred)


def _day_mention(match: re.Match, year: int, month: int, day: int, weekday: str | None, inferred: bool) -> Mention:
    date = _valid_day(year, month, day)
    if date is None:
        return Mention("date", match.start(), match.end(), match.group(), None, "invalid")
    label = "weekday" if weekday else ("day-no-year" if inferred else "day")
    return Mention("date", match.start(), match.end(), match.group(), DateValue(date, date, "day", relative=inferred), label)


def month_value(year: int, month: int, relative: bool = False) -> DateValue:
    """The whole of a month of a year, as a date value; `relative`: its year is a guess."""
    return DateValue(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month", relative=relative)


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: dt.date, weekday: int | None = None) -> int:
    """The year that puts a month and day closest to the publication date; with a
    weekday ("Thursday, November 5"), the nearest year in which that day is that weekday."""
    years = tuple(y for y in (published.year - 1, published.year, published.year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR)
    # a day only some of those years have ("29 February", in a September 2024 story) is in one that has it
    years = tuple(y for y in years if _valid_day(y, month, day) is not None) or years
    if weekday is not None:
        # only a year that keeps the date within nine months of publication: "Friday, August 16"
        # in an August 2025 article is a wrong weekday, not August 2024
        matching = [y for y in years if (d := _valid_day(y, month, day)) is not None and d.weekday() == weekday
                    and abs((d - published).days) <= 270]
        if matching:
            years = tuple(matching)
    best_year = published.year
    best_distance = None
    for year in years:
        candidate = _valid_day(year, month, min(day, 28)) or dt.date(year, month, 1)
        distance = abs((candidate - published).days)
        if best_distance is None or distance < best_distance:
            best_year, best_distance = year, distance
    return best_year


def resolve_relative(phrase: str, published: dt.date | None) -> DateValue | None:
    if published is None or _ANAPHORIC_RE.search(phrase.lower()):
        return None
    try:
        return _resolve_relative(phrase.lower(), published)
    except (ValueError, OverflowError):
        # "10000 years ago", "last Monday" in an article dated 0001-01-01: a day outside the
        # calendar (years 1–9999) cannot be named, so the phrase stays unresolved
        return None


@lru_cache(maxsize=4096)
def _resolve_relative(phrase: str, published: dt.date) -> DateValue | None:
    season = re.fullmatch(r"(last|next|this|this past|this coming)\s+(spring|summer|autumn|fall|winter)", phrase)
    if season:
        return _season(season.group(1), season.group(2), published)
    month = re.fullmatch(r"([a-z]+)\s+(?:of\s+)?(this|last|next)\s+year", phrase)
    if month and month.group(1) in MONTHS:
        year = published.year + {"last": -1, "this": 0, "next": 1}[month.group(2)]
        number = MONTHS[month.group(1)]
        # as exact as "September 2024": the year is named, from the publication
        return month_value(year, number)
    weekday = re.fullmatch(r"(?:(last|next|this|this past|this coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", phrase)
    if weekday:
        return _weekday(weekday.group(1), WEEKDAYS[weekday.group(2)], published)
    ago = re.fullmatch(r"(.+?)\s+(weeks?|months?|years?)\s+ago", phrase)
    if ago:
        spanned = _ago(ago.group(1), ago.group(2), published)
        if spanned is not None:
            return spanned
    # dateparser knows "next Monday" and "last Monday" but not "this coming/past Monday"
    phrase = re.sub(r"^this coming ", "next ", re.sub(r"^this past ", "last ", phrase))
    parsed = _parser(published).get_date_data(phrase)
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    period = parsed.period or "day"
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return DateValue(day.replace(day=1), day.replace(day=last), "month", relative=True)
    if period == "year":
        return DateValue(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", relative=True)
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return DateValue(monday, monday + dt.timedelta(days=6), "span", relative=True)
    return DateValue(day, day, "day", relative=True)


def _weekday(which: str | None, weekday: int, published: dt.date) -> DateValue:
    """A weekday named alone is the last one before publication (news tells of what
    happened); "next"/"this coming" the first one after; "this" the one in the same week."""
    offset = (published.weekday() - weekday) % 7
    if which in ("next", "this coming"):
        day = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif which == "this":
        day = published + dt.timedelta(days=weekday - published.weekday())
    elif which is None:  # alone: the most recent one, publication day included ("said on Wednesday")
        day = published - dt.timedelta(days=offset)
    else:  # "last", "this past": the most recent one before publication day
        day = published - dt.timedelta(days=offset or 7)
    return DateValue(day, day, "day", relative=True)


def _ago(count_text: str, unit: str, published: dt.date) -> DateValue | None:
    """"three weeks ago" is about 21 days before (±3); "two months ago" that month; "a year ago" that year, or
    any day a full year or less before."""
    from factcheck.extract.numbers import word_value

    count_text = {"a": "one", "an": "one"}.get(count_text, count_text)
    if count_text.isdigit():
        count = int(count_text)
    else:
        parsed = word_value(count_text)
        if parsed is None or parsed[1]:
            return None
        count = int(parsed[0])
    if unit.startswith("week"):
        middle = published - dt.timedelta(days=7 * count)
        return DateValue(middle - dt.timedelta(days=3), middle + dt.timedelta(days=3), "span", relative=True)
    if unit.startswith("month"):
        month_index = published.year * 12 + published.month - 1 - count
        year, month = divmod(month_index, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return DateValue(dt.date(year, month + 1, 1), dt.date(year, month + 1, last), "month", relative=True)
    year = published.year - count
    # "the peak it reached 34 years ago", in February 2024, of 29 December 1989: told by the years gone by
    # since, not only by the calendar's (1990); either reading holds
    full_years_since = _years_before(published, count + 1) + dt.timedelta(days=1)
    return DateValue(min(dt.date(year, 1, 1), full_years_since), dt.date(year, 12, 31), "year", relative=True)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (28 February for a 29 February the year lacks)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _season(which: str, season: str, published: dt.date) -> DateValue:
    first, last = SEASONS[season]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if first > last else year  # winter runs into the next year
        return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])

    # "this": the season of the publication's year, or the winter it falls in (January is last year's winter)
    year = published.year - 1 if first > last and published.month <= last else published.year
    if which in ("next", "this coming"):
        # the first one not yet begun
        year = published.year if span(published.year)[0] > published else published.year + 1
    elif which in ("last", "this past"):
        # the latest one already over
        year = year if span(year)[1] < published else year - 1
    start, end = span(year)
    return DateValue(start, end, "span", relative=True)


@lru_cache(maxsize=16)
def _parser(published: dt.date):
    # dateparser is imported here so that commands that parse no text never pay for it;
    # one parser per publication date keeps its settings built once.
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
        "PREFER_DATES_FROM": "current_period",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def iter_date_values(mentions: list[Mention]) -> Iterator[tuple[Mention, DateValue]]:
    for mention in mentions:
        if mention.kind == "date" and isinstance(mention.value, DateValue):
            yield mention, mention.value
