"""Extract stage: dates, numbers and named entities of a Document, as Mentions."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from factcheck.extract.dates import find_dates, month_value
from factcheck.extract.numbers import find_numbers
from factcheck.extract.sentences import split_sentences
from factcheck.lexicon import SCHEDULED_AHEAD_DAYS, days_later, scheduled_event, stated_weekday
from factcheck.model import Document, Mention, Sentence, Syntax
from factcheck.suppress import quote_spans

__all__ = ["extract", "split_sentences"]


def extract(document: Document, entities: list[Mention], day_first: bool = False, syntax: Syntax | None = None,
            sentences: list[Sentence] | None = None) -> list[Mention]:
    """All mentions in text order. `entities` are the recogniser's (see factcheck.nlp); `sentences`
    the document's, when the caller has already split it."""
    if sentences is None:
        sentences = split_sentences(document.text)
    dates = years_from_context(document.text, find_dates(document.text, document.published, day_first), document.published,
                               syntax, sentences)
    dates = weekdays_by_tense(document.text, dates, document.published, syntax)
    dates = speakers_days(document, dates)
    date_spans = [(m.start, m.end) for m in dates]
    numbers = find_numbers(document.text, exclude=date_spans)
    dates, numbers = years_in_lists(document.text, dates, numbers)
    mentions = dates + numbers + entities
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


_YEAR_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+or\s+")


def years_in_lists(text: str, dates: list[Mention], numbers: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """"the titles won in 1987, 1999, 2003, 2007 and 2015": four-digit figures listed after a year are
    years too, not counts of nineteen hundred and ninety-nine."""
    years = sorted((m for m in dates if m.label == "year" and m.value is not None), key=lambda m: m.start)
    if not years:
        return dates, numbers
    by_start = sorted(numbers, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    converted: dict[int, Mention] = {}
    for year in years:
        previous = year
        # the figures after the year, in order, until one is not the list's next year
        for number in by_start[bisect.bisect_left(starts, year.end):]:
            if not _YEAR_LIST_JOIN.fullmatch(text[previous.end:number.start]) or not re.fullmatch(r"(?:1[5-9]|20)\d\d", number.text):
                break
            value = dataclasses.replace(year.value, earliest=dt.date(int(number.text), 1, 1), latest=dt.date(int(number.text), 12, 31))
            converted[number.start] = Mention("date", number.start, number.end, number.text, value, "year")
            previous = number
    if not converted:
        return dates, numbers
    return dates + list(converted.values()), [m for m in numbers if m.start not in converted]


def speakers_days(document: Document, dates: list[Mention]) -> list[Mention]:
    """"Today's flight has been delayed," Arianespace said on Thursday: a relative date inside a
    quotation counts from the day the words were spoken, which the article need not give — it
    is left unresolved rather than counted from the publication date."""
    quoted = quote_spans(document)
    if not quoted:
        return dates
    result = []
    for mention in dates:
        inside = any(start <= mention.start < end for start, end in quoted)
        relative = mention.value is not None and getattr(mention.value, "relative", False)
        result.append(dataclasses.replace(mention, value=None) if inside and relative else mention)
    return result


BARE_WEEKDAY = re.compile(r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE)


def weekdays_by_tense(text: str, dates: list[Mention], published: dt.date | None, syntax: Syntax | None) -> list[Mention]:
    """A weekday named alone is the last one before publication ("said on Wednesday"), unless the verb
    it hangs on speaks of what is to come: "The Federal Reserve announces its decision on Wednesday",
    "opens in cinemas on Friday", "will vote on Monday" — the coming one, publication day included."""
    if published is None or syntax is None:
        return dates
    result = []
    for mention in dates:
        value = mention.value
        if value is None or not value.relative or not BARE_WEEKDAY.fullmatch(mention.text.strip()) or not _speaks_ahead(text, syntax, mention):
            result.append(mention)
            continue
        weekday = value.earliest.weekday()
        day = published + dt.timedelta(days=(weekday - published.weekday()) % 7)
        result.append(dataclasses.replace(mention, value=dataclasses.replace(value, earliest=day, latest=day)))
    return result


def _speaks_ahead(text: str, syntax: Syntax, mention: Mention) -> bool:
    """Is the verb the date hangs on in the present or the future ("announces", "opens", "will vote",
    "is due to open")? A headline's present ("Swift closes the tour on Sunday") tells of the past."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start:mention.start].lstrip().startswith("#"):
        return False
    verb = syntax.governing_verb(mention.start, mention.end)
    if verb is None:
        return False
    # (a verb joined to another shares its helpers: "will start … on Thursday, 2 November, and visit Cape Town on Friday")
    shared = [verb]
    while syntax.tokens[shared[-1]].dep == "conj" and syntax.tokens[syntax.tokens[shared[-1]].head].tag.startswith(("VB", "MD")) \
            and len(shared) < 4:
        shared.append(syntax.tokens[shared[-1]].head)
    helpers = [text[syntax.tokens[c].start:syntax.tokens[c].end].lower() for v in shared for c in syntax.children(v)
               if syntax.tokens[c].dep in ("aux", "auxpass")]
    if any(h in ("will", "shall", "'ll") for h in helpers):
        return True
    if any(h in ("would", "could", "might", "may", "did", "was", "were", "had", "has", "have") for h in helpers):
        return False
    # "is due to open on Friday", "plans to vote on Monday": the present governs through "to"
    index = verb
    for _ in range(3):
        token = syntax.tokens[index]
        if token.tag in ("VBZ", "VBP"):
            return True
        helpers = [text[syntax.tokens[c].start:syntax.tokens[c].end].lower() for c in syntax.children(index)
                   if syntax.tokens[c].dep in ("aux", "auxpass")]
        if any(h in ("is", "are", "am", "will") for h in helpers):
            return True
        if token.dep not in ("xcomp", "acomp") or token.head == index:
            return False
        index = token.head
    return False


# a plan told in the past ("was scheduled for Monday, 8 May"): the day may still be ahead
_PLANNED = re.compile(r"\b(?:scheduled|due|set|planned|expected|slated|postponed|moved|rescheduled|delayed|brought\s+forward|"
                      r"announced|booked|fixed|penciled|pencilled)\b", re.IGNORECASE)
# ("her 11th studio album, … due on April 18": a thing due on a day, not one that was)
FUTURE_WORDS = re.compile(r"\b(?:will|shall|'ll|(?:is|are)\s+(?:due|set|scheduled|expected|slated|going)\s+to|next|upcoming|coming"
                          r"|(?<!was\s)(?<!were\s)due(?:\s+out)?\s+(?:on|in)(?=\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)))\b",
                          re.IGNORECASE)


# what joins the two ends of a range of days
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|and|[-–—])\s*", re.IGNORECASE)


def years_from_context(text: str, dates: list[Mention], published: dt.date | None, syntax: Syntax | None,
                       sentences: list[Sentence]) -> list[Mention]:
    """A day written without its year ("on 26 March") is in the year its sentence, or the one
    before in the same paragraph, is about ("was announced on 9 March 2021 and shipped on 26
    March"; "came in 2010. That breakthrough, on Friday 15 October, …"), not the publication's."""
    if published is None:
        return dates
    starts = [s.start for s in sentences]

    def sentence_index(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    written = [m for m in dates if m.value is not None and not m.value.relative and m.label not in ("relative",)
               and m.value.precision in ("day", "month", "year") and re.search(r"\d{4}", m.text)]
    result = []
    proven_paragraphs: dict[int, int] = {}  # paragraph start → the year a weekday proved for it
    for mention in dates:
        value = mention.value
        if value is None or mention.label not in ("day-no-year", "weekday", "month-no-year") or not value.relative:
            result.append(mention)
            continue
        said = _SAID_YEAR.match(text, mention.end)
        if said:
            # "on November 29 last year": the year is said, in words
            day = _in_year(value.earliest, published.year + {"last": -1, "this": 0, "next": 1}[said.group(1).lower()])
            if day is not None:
                result.append(_on_day(mention, day))
                continue
        that = _THAT_YEAR.match(text, mention.end)
        earlier = [m for m in written if m.end <= mention.start]
        if that and earlier:
            # "in July 2021; … joined at a ceremony on 29 July that year": the year last written, or the one
            # after or before it ("the following year")
            day = _in_year(value.earliest, earlier[-1].value.earliest.year
                           + _THAT_YEAR_SHIFT.get(" ".join(that.group(1).lower().split()), 0))
            if day is not None:
                result.append(_on_day(mention, day, fixed=True))
                continue
        ended = next((m for m in written if m.start > mention.end and _RANGE_JOIN.fullmatch(text[mention.end:m.start])), None)
        if ended is not None and ended.value.precision == "day":
            # "from July 26 to August 11, 2024": a range's start takes its end's year (the year before
            # when its month is later: "December 28 to January 3, 2025")
            day = _in_year(value.earliest, ended.value.earliest.year - (1 if value.earliest.month > ended.value.earliest.month else 0))
            if day is not None:
                result.append(_on_day(mention, day, fixed=True))
                continue
        beside = next((m for m in dates if m.label == "relative" and m.value is not None and m.value.precision == "day"
                       and 0 <= mention.start - m.end <= 3 and not text[m.end:mention.start].strip(" ,")), None)
        if beside is not None and (beside.value.earliest.month, beside.value.earliest.day) == (value.earliest.month, value.earliest.day):
            # "last Tuesday, 17 May": the same day said twice; the relative one fixes the year
            result.append(dataclasses.replace(mention, value=dataclasses.replace(value, earliest=beside.value.earliest,
                                                                                    latest=beside.value.earliest)))
            continue
        anchored = _days_after(text, mention, written)
        if anchored is not None:
            # "on 25 April 2015 … struck 17 days later on 12 May": counted from the date before
            result.append(dataclasses.replace(mention, value=dataclasses.replace(value, earliest=anchored, latest=anchored)))
            continue
        here = sentence_index(mention.start)
        # (not a year a comparison reaches back to: "its largest increase since 1994" tells no time of the story)
        context = [m for m in written if m.start < mention.start and sentence_index(m.start) >= here - 1
                   and "\n\n" not in text[m.end:mention.start] and not _SINCE_BEFORE.search(text, max(0, m.start - 8), m.start)]
        if context and syntax is not None and sentence_index(context[-1].start) == here \
                and not _same_clause_chain(syntax, context[-1], mention):
            context = []  # "built …, first used on 5 November 1948, closed for good on 8 November": another clause's year
        if context and sentence_index(context[-1].start) == here - 1 and _aside(text, syntax, context[-1], sentences[here - 1]):
            # "Mario Draghi — …, who pledged in July 2012 to do 'whatever it takes' — resigned …": a date in
            # an aside about someone tells no time of the story
            context = []
        if context and sentence_index(context[-1].start) == here - 1 and \
                len({m.value.earliest.year for m in context if sentence_index(m.start) == here - 1}) > 1:
            context = []  # "… the 202 it won in 2019 … the 418 that Tony Blair won in 1997. … on Saturday 6 July": which year?
        sentence = sentences[here] if sentences else None
        if context and sentence is not None and FUTURE_WORDS.search(text[sentence.start:sentence.end]) \
                and (context[-1].value.earliest.year < published.year or syntax is not None and _clause_in_the_past(syntax, mention)):
            context = []  # "are due to publish on Friday, 12 January": ahead of the publication, not in the past year
            # (a year ahead stands — "the holiday will be …; in 2026 it falls on Monday, 2 February" — but not for a
            # day told in the past: "will cost €63 from 1 January 2026, after ministers agreed … on Thursday (18 September)")
        # "marked this year's National DNA Day, …, on April 25": an occasion of the year the sentence names in words
        # before the day, not of the year of the sentence before ("… was published on April 25, 1953.")
        told = {m.value.earliest.year for m in dates if m.value is not None and m.value.relative and m.value.precision == "year"
                and sentence_index(m.start) == here and m.end <= mention.start and re.match(r"['’]s\b", text[m.end:m.end + 3])}
        year = told.pop() if len(told) == 1 else context[-1].value.earliest.year if context else None
        proven = None
        if year is None and value.earliest > published:
            # a day the guess puts after publication, written elsewhere with its (earlier) year; a day before
            # publication keeps the publication's ("on Monday, Dec. 11", 50 years to the day after "Dec. 11, 1972")
            year = _year_written_for_the_day(value.earliest, dates, published)
        if year is None:
            year = proven = _year_the_weekday_fits(mention, written, result)
        elif (weekday_said := stated_weekday(mention)) is not None \
                and (in_context := _in_year(value.earliest, year)) is not None and in_context.weekday() != weekday_said:
            # "… on Tuesday, April 20, 2010, … exploded. … The rig … completed in 2003. It burned … before sinking on
            # Thursday, April 22": the weekday fits the last day written in full, not the year of the sentence before
            fitted = _year_the_weekday_fits(mention, written)
            if fitted is not None:
                year = proven = fitted
        if year is None and value.earliest > published and syntax is not None and _said_in_the_past(text, syntax, mention):
            # "This process continued from March 29 until April 5", told as done in a column published on the
            # twentieth anniversary of an eruption that began on March 25, 1984: the anniversary's year
            year = _anniversary_year(value.earliest, [m for m in written if m.end <= mention.start and m.value.precision == "day"], published)
        # a month or more ahead: a slip of tense within the coming weeks is the writer's ("was held on
        # 12 July", three days after publication, is an error to report, not last year's)
        # (a month alone is looser still: "the Lumen 5, which launched in March", in November, is last March)
        shift = SCHEDULED_AHEAD_DAYS if mention.label != "month-no-year" and scheduled_event(text, syntax, mention.start, mention.end) \
            else PAST_SHIFT_DAYS
        if year is None and (value.earliest - published).days > shift and syntax is not None and sentence is not None \
                and not FUTURE_WORDS.search(text[sentence.start:sentence.end]) and _said_in_the_past(text, syntax, mention) \
                and not _told_ahead_elsewhere(text, mention, dates, sentences) \
                and not _made_known_before_it(text, mention, dates, sentence, published):
            # "on Feb. 4 she won album of the year", in December: last February, not the next
            day = _in_year(value.earliest, value.earliest.year - 1)
            weekday = stated_weekday(mention)
            if day is not None and (weekday is None or day.weekday() == weekday):  # "Monday 8 May" fits this year only
                result.append(_on_day(mention, day))
                continue
            if day is not None and not _PLANNED.search(text, sentence.start, sentence.end):
                # "became wedged … on Wednesday, March 23", in July: the weekday fits next March only, the past
                # tense says last March — a day told as done is the past one, and its weekday the slip
                result.append(_on_day(mention, day))
                continue
        # (the year the sentences around it give wins even when it is the publication's: "His 2023
        # season … beat Tsitsipas in the Australian Open final on Jan. 28", in September 2023)
        if year is None or year == value.earliest.year:
            result.append(mention)
            continue
        day = _in_year(value.earliest, year)
        if day is None:
            result.append(mention)
            continue
        weekday = stated_weekday(mention)
        if weekday is not None and day.weekday() != weekday and value.earliest.weekday() == weekday \
                and not ((value.earliest - published).days > shift and day <= published and syntax is not None and sentence is not None
                         and not _PLANNED.search(text, sentence.start, sentence.end) and _said_in_the_past(text, syntax, mention)):
            # "since STS-135, in July 2011 … docked on Sunday, May 31": the weekday says which year — unless
            # that year is ahead and the clause tells it as done ("became wedged … on Wednesday, March 23", in
            # a July 2021 story of that March): the story's past year is meant, and the weekday is the slip (a day
            # within the coming weeks is the publication year's, its past tense the slip: "were lowered into a new
            # tomb … on Thursday 26 March", the day after a story that writes "23 May 2014" the sentence before)
            result.append(mention)
            continue
        resolved = _on_day(mention, day)
        result.append(resolved)
        if proven is not None:
            # its year, proven by its weekday, holds for the yearless days after it ("…, and splashed down on
            # July 24") and for those of its paragraph that would otherwise fall after publication
            bisect.insort(written, resolved, key=lambda m: m.start)
            if day < published:
                proven_paragraphs[text.rfind("\n\n", 0, mention.start) + 1] = proven
    return [_whole_month(m) for m in _years_the_weekdays_prove(text, result, published, syntax, proven_paragraphs)]


def _told_ahead_elsewhere(text: str, mention: Mention, dates: list[Mention], sentences: list[Sentence]) -> bool:
    """Does the article write the same day without its year in a sentence that speaks of what is still to come
    ("Bills will fall from 1 April" … "Standing charges were brought into line … on 1 April")? Then both are
    the coming day, and the past tense is the slip, not a sign of last year's."""
    day = mention.value.earliest
    for other in dates:
        if other is mention or other.label != "day-no-year" or other.value is None \
                or (other.value.earliest.month, other.value.earliest.day) != (day.month, day.day):
            continue
        sentence = next((s for s in sentences if s.start <= other.start < s.end), None)
        if sentence is not None and FUTURE_WORDS.search(text[sentence.start:sentence.end]):
            return True
    return False


# what tells that something was planned or made known: "a visit announced by the Holy See press office on Feb. 27"
_MADE_KNOWN = re.compile(r"\b(?:announced|confirmed|unveiled|revealed|scheduled|booked)\b[^.;]{0,60}$", re.IGNORECASE)


def _made_known_before_it(text: str, mention: Mention, dates: list[Mention], sentence: Sentence, published: dt.date) -> bool:
    """Does its sentence tell, before it, the day this year (up to publication) that it was made known ("His 41st, a
    three-day visit to Budapest announced … on Feb. 27, took place April 28-30", in March)? What was announced
    then comes after it: the coming day, and the past tense the slip, not last year's."""
    day = mention.value.earliest
    return any(other is not mention and other.end <= mention.start and sentence.start <= other.start
               and other.value is not None and other.value.precision == "day"
               and other.value.earliest.year == published.year and other.value.earliest <= published and other.value.earliest < day
               and _MADE_KNOWN.search(text, max(sentence.start, other.start - 80), other.start)
               for other in dates)


def _whole_month(mention: Mention) -> Mention:
    """A month written without its year ("in May"), resolved above as its first day, is the whole month of that year."""
    if mention.label != "month-no-year" or mention.value is None:
        return mention
    day = mention.value.earliest
    return dataclasses.replace(mention, value=month_value(day.year, day.month, relative=mention.value.relative))


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _year_written_for_the_day(day: dt.date, dates: list[Mention], published: dt.date) -> int | None:
    """The one year the article writes this month and day with, alone or inside a run of days ("# March 2-3, 2020
    Tornadoes" … "From late in the day on March 2 into the early morning hours on March 3"); None when it writes
    none, or several."""
    years = set()
    for other in dates:
        value = other.value
        if value is None or value.relative or not re.search(r"\d{4}", other.text) or value.precision not in ("day", "span") \
                or (value.latest - value.earliest).days > 7:
            continue
        for year in range(value.earliest.year, value.latest.year + 1):
            same = _in_year(day, year)
            if same is not None and value.earliest <= same <= value.latest and same <= published:
                years.add(year)
    return years.pop() if len(years) == 1 else None


def _aside(text: str, syntax: Syntax | None, mention: Mention, sentence) -> bool:
    """Is a date inside an aside of its sentence: between dashes, in brackets, or in a relative clause?"""
    before = text[sentence.start:mention.start]
    if before.count("—") % 2 == 1 or before.count(" – ") % 2 == 1 or before.count("(") > before.count(")"):
        return True
    if syntax is None:
        return False
    word = syntax.span_root(mention.start, mention.end)
    return word is not None and syntax.tokens[syntax.clause(word)].dep == "relcl"


def _year_the_weekday_fits(mention: Mention, written: list[Mention], resolved: list[Mention] = ()) -> int | None:
    """The year of the last full date written before a yearless day whose weekday fits that year and
    not the publication's ("Eagle touched down … on July 20, 1969" … "lifted off … on Wednesday, July
    16", in a 2019 article): the article is still telling of that year — unless a yearless day told
    since, its weekday fitting its own year, has brought the story back ("on 24 July 2022" … "the end of
    the emergency on Friday, 5 May. The committee had met … on Wednesday, 4 May", in May 2023)."""
    weekday = stated_weekday(mention)
    value = mention.value
    if weekday is None or value.earliest.weekday() == weekday:
        return None
    before = [m for m in written if m.end <= mention.start and m.value.precision == "day"]
    if not before or before[-1].value.earliest.year == value.earliest.year:
        return None
    if any(before[-1].end <= m.start and m.end <= mention.start and m.value is not None and m.value.precision == "day"
           and m.value.earliest.year == value.earliest.year and stated_weekday(m) == m.value.earliest.weekday()
           for m in resolved):
        return None
    year = before[-1].value.earliest.year
    day = _in_year(value.earliest, year)
    if day is not None and day.weekday() == weekday:
        return year
    # … or the year after it, for a day within three months of it ("20 December 2021" … "until Tuesday 22 February")
    day = _in_year(value.earliest, year + 1)
    fits = day is not None and day.weekday() == weekday and 0 < (day - before[-1].value.earliest).days <= 90
    return year + 1 if fits and year + 1 != value.earliest.year else None


# (measured on blind copy: a past tense with a yearless day one to four months ahead is last year's
# far more often than a slip — "Feb. 4 she won" in December, "convicted Holmes on Jan. 3" in November; tried again
# in the thirty-fifth session with 100 days: 3 slips found on all the corpora for 8 false alarms)
PAST_SHIFT_DAYS = 30  # … but an event fixed ahead ("was released on April 19", in February): SCHEDULED_AHEAD_DAYS
_SAID_YEAR = re.compile(r",?\s+(last|this|next)\s+year\b", re.IGNORECASE)
# a year said as the one written last: "on 29 July that year", "the same year", "the following year"
_THAT_YEAR = re.compile(r",?\s+(that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b", re.IGNORECASE)
_THAT_YEAR_SHIFT = {"the following": 1, "the next": 1, "the previous": -1}


def _years_the_weekdays_prove(text: str, dates: list[Mention], published: dt.date, syntax: Syntax | None,
                              proven_before: dict[int, int] | None = None) -> list[Mention]:
    """A yearless day given in the past tense, with a weekday that fits the year before and not the
    publication's, which would put it after publication ("Crews ended the recovery on Friday, July 23",
    in a June 2022 article: 23 July 2021 was a Friday): both say it is last year's. The other yearless
    days of its paragraph that would fall after publication are that year's too ("had been demolished
    on July 4"). A wrong weekday in the publication's year is still one (its tense fits its date)."""
    if syntax is None:
        return dates
    proven: dict[int, int] = dict(proven_before or {})  # paragraph start → year
    for mention in dates:
        value = mention.value
        weekday = stated_weekday(mention)
        if weekday is None or value is None or not value.relative or value.earliest <= published:
            continue
        before = _in_year(value.earliest, value.earliest.year - 1)
        if before is None:
            continue
        if before.weekday() == weekday and value.earliest.weekday() != weekday and before < published \
                and _said_in_the_past(text, syntax, mention):
            proven[text.rfind("\n\n", 0, mention.start) + 1] = before.year
    if not proven:
        return dates
    result = []
    for mention in dates:
        value = mention.value
        year = proven.get(text.rfind("\n\n", 0, mention.start) + 1)
        if year is not None and value is not None and value.relative and mention.label in ("day-no-year", "weekday", "month-no-year") \
                and value.earliest > published:
            day = _in_year(value.earliest, year)
            if day is not None and day < published:
                mention = _on_day(mention, day)
        result.append(mention)
    return result


def _said_in_the_past(text: str, syntax: Syntax, mention: Mention) -> bool:
    """Is the verb the date hangs on in a past tense ("ended", "was identified", "had been demolished")?"""
    verb = syntax.governing_verb(mention.start, mention.end)
    if verb is None:
        return False
    helpers = [text[syntax.tokens[c].start:syntax.tokens[c].end].lower() for c in syntax.children(verb)
               if syntax.tokens[c].dep in ("aux", "auxpass")]
    if any(h in ("will", "shall", "'ll", "would", "could", "might", "may", "is", "are", "am") for h in helpers):
        return False
    tag = syntax.tokens[verb].tag
    # ("became wedged", "got stuck": a past passive too)
    return tag == "VBD" or (tag == "VBN" and any(h in ("was", "were", "had", "has", "have", "became", "got") for h in helpers))


def _clause_in_the_past(syntax: Syntax, mention: Mention) -> bool:
    """Is the verb of the clause the date stands in a simple past ("after the ministers agreed … at a conference in
    Munich on Thursday (18 September)"), however far down the clause the date hangs?"""
    word = syntax.span_root(mention.start, mention.end)
    return word is not None and syntax.tokens[syntax.clause(word)].tag == "VBD"


def _anniversary_year(day: dt.date, earlier: list[Mention], published: dt.date) -> int | None:
    """The year of the event a piece published on its anniversary tells of: a day written in full before, in an
    earlier year, on the publication's day of the year (a day either side), when the yearless day falls within a
    month after that event."""
    for mention in reversed(earlier):
        event = mention.value.earliest
        same_day = _in_year(event, published.year)
        if event.year >= published.year or same_day is None or abs((same_day - published).days) > 1:
            continue
        candidate = _in_year(day, event.year)
        if candidate is not None and 0 <= (candidate - event).days <= 31:
            return event.year
    return None


def _in_year(day: dt.date, year: int) -> dt.date | None:
    """The same day in another year; None for 29 February in a year without one."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _on_day(mention: Mention, day: dt.date, fixed: bool = False) -> Mention:
    """The mention resolved to `day`; `fixed`: its year is now written or told, no guess."""
    value = dataclasses.replace(mention.value, earliest=day, latest=day, **({"relative": False} if fixed else {}))
    return dataclasses.replace(mention, value=value)


def _days_after(text: str, mention: Mention, written: list[Mention]) -> dt.date | None:
    """The day "N days (weeks) later, on D" means, when the last full date before it, plus N, falls on D."""
    before = [m for m in written if m.end <= mention.start and m.value.precision == "day"]
    days = days_later(text, mention.start, mention.end)
    if not before or days is None:
        return None
    day = before[-1].value.earliest + dt.timedelta(days=days)
    stated = mention.value.earliest
    return day if (day.month, day.day) == (stated.month, stated.day) else None


def _same_clause_chain(syntax: Syntax, first: Mention, second: Mention) -> bool:
    """Do two dates stand in one clause, or in clauses joined by "and" ("was announced on … and shipped on …")?"""
    one, other = syntax.span_root(first.start, first.end), syntax.span_root(second.start, second.end)
    if one is None or other is None:
        return True
    a, b = syntax.clause(one), syntax.clause(other)
    # "at 10:21 p.m. on Nov. 23, 2021, which was already 1:21 a.m. on Nov. 24": a relative clause on the first's words
    return a == b or (syntax.tokens[a].dep == "conj" and syntax.tokens[a].head == b) or \
        (syntax.tokens[b].dep == "conj" and syntax.tokens[b].head == a) or \
        (syntax.tokens[b].dep == "relcl" and syntax.clause(syntax.tokens[b].head) == a) or \
        _under_clause(syntax, b, a) or _framed_by(syntax, a, b)


def _framed_by(syntax: Syntax, frame: int, clause: int) -> bool:
    """Is the first date's clause an adverbial that sets the time of a clause the second stands under ("After finding
    the step on 4 November 1922, he … cabled his patron, Lord Carnarvon, who arrived … on 23 November"): an "after …"
    phrase or an adverbial clause on a verb the second's clause hangs on, through conjuncts and relative clauses?"""
    token = syntax.tokens[frame]
    if token.dep == "pcomp" and syntax.tokens[token.head].dep == "prep":
        framed = syntax.clause(syntax.tokens[token.head].head)
    elif token.dep == "advcl":
        framed = syntax.clause(token.head)
    else:
        return False
    for _ in range(6):
        if clause == framed:
            return True
        if syntax.tokens[clause].dep not in ("relcl", "conj", "advcl") or syntax.tokens[clause].head == clause:
            return False
        clause = syntax.clause(syntax.tokens[clause].head)
    return False


def _under_clause(syntax: Syntax, clause: int, above: int) -> bool:
    """Does a clause hang, through adverbial clauses and their conjuncts, on another ("The 2020 models came
    later, with the iPhone 12 announced on Oct. 13 and released on Oct. 23")? The higher clause's year
    holds for it. A clause beside the year's, or above it ("the airport, first used on 5 November 1948,
    closed on 8 November"), has its own time."""
    while syntax.tokens[clause].dep in ("advcl", "conj") and syntax.tokens[clause].head != clause:
        clause = syntax.clause(syntax.tokens[clause].head)
        if clause == above:
            return True
    return False
