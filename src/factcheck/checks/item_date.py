"""item-date: a date beside something the records date otherwise — one item of a record's list or table.

Records keep dated items under a fact: `marathons: [{race: Valencia Marathon, date: 2022-12-04, time:
"2:01:53"}]`, `previous_record: {value_celsius: 38.7, place: Cambridge University Botanic Garden,
date: 2019-07-25}`, `previous_centre_court_defeat: {date: 2013-07-07, opponent: Andy Murray}`. Each
item's texts and figures are its anchors. Where a sentence names an anchor ("Andy Murray", "2:01:53",
"38.7C") and gives a date close to it in the parse, that date must be one of the item's dates; one
that differs from an item date only in its year, or only in its day, is reported ("won on his debut
in Valencia in December 2021 in 2:01:53": the race was in December 2022).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.facts import without_note
from factcheck.lexicon import MONTHS
from factcheck.model import Analysis, DateValue, Evidence, FactValue, Mention, NumberValue, Record, in_another_time_zone, without_its_year

DATE_QUALIFIER = re.compile(r"(?:^|_)(?:date|on|day)$")
YEAR_QUALIFIER = re.compile(r"(?:^|_)(?:date|on|day|year|when)$")
_KEY_YEAR = re.compile(r"(?<![0-9])(?:1[5-9]\d\d|2[0-2]\d\d)(?![0-9])")
MAX_PATH_YEAR = 4  # an item dated by its year alone: a name beside a year is often another event's, so only a year
# close to its anchor counts (measured on the blind corpora: paths of 5 to 7 raised 7 false alarms and found no error)
MAX_PATH = 7  # edges between the anchor and the date in the parse: the parser often hangs a closing "on June 6, 2021" on the
# main verb, not on the relative clause that names the anchor ("the mark … that Gidey set in Hengelo, …, on June 6, 2021");
# measured: 5 → 7 found 2 more on the blind corpora, 8 raised a false alarm


@dataclass(frozen=True)
class Item:
    anchor: str | float  # a text written as it is, or a figure
    dates: tuple[dt.date, ...]
    record: Record
    key: str
    year_only: bool = False  # dated by a year alone ("2013: bought … for $127.5 million"): its dates are 1 January
    written: str = ""  # the anchor as the records write it, when that is not the figure's plain digits
    bare: bool = False  # a text with its year and nothing else (`melbourne_cup_wins: {2023: Without A Fight}`)
    # other names of one word the item keeps, one of which the sentence must name too: a name of one word beside
    # a year is too often another's, two of one item are not ("since Grindstone edged Cavonnier in 1997")
    partners: tuple[str, ...] = ()


# a text item led by its year: "2013: bought by Dmitry Rybolovlev for $127.5 million", "1958 – sold for £45"
_YEAR_LED = re.compile(r"^\s*(?P<year>1[5-9]\d\d|20\d\d)\s*(?::|–|—|-)\s+(?P<rest>.+)$")
_MONEY = re.compile(r"(?<![\w.])[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m)\b)?")


def run(analysis: Analysis, rule) -> Iterator:
    claimed = {claim.value.start for claim in analysis.claims}
    yield from _named_years(analysis, rule, claimed)
    items = analysis.records.facts_memo("dated_items", _items)
    if not items:
        return
    text = analysis.document.text
    for sentence in analysis.sentences:
        # (a day written without its year has only its day to slip: "due on April 18" of an album kept for 2024-04-19)
        dates = [m for m in analysis.mentions if m.kind == "date" and sentence.start <= m.start < sentence.end
                 and isinstance(m.value, DateValue) and (not m.value.relative and re.search(r"\d{4}", m.text) or without_its_year(m))
                 and not _common.in_dateline(text, m.start, m.end)
                 and not in_another_time_zone(text, m, analysis.mentions)]
        if not dates:
            continue
        anchors = [anchor for anchor in _anchors(analysis, items, sentence)
                   if not anchor[2].bare or _says_what_it_is(analysis, sentence, anchor[2])]
        for date in dates:
            own = anchors
            if date.start in claimed:
                # a record's fact tied it — but "Mini in 2021" is the item's year, whatever else the verb tells: only the
                # name written right before it is then judged
                own = [anchor for anchor in anchors if _year_right_after(text, anchor, date) or _title_right_after(text, anchor, date)]
                if not own:
                    continue
            # the nearest anchor first: it names the item the date is told for
            near = [item for start, end, item in sorted(own, key=lambda anchor: abs(anchor[0] - date.start))
                    if not (start < date.end and date.start < end) and not (item.year_only and without_its_year(date))
                    and _close(analysis, (start, end), date, item.year_only and not item.written, paired=bool(item.partners))]
            if not near or any(_fits(date, item, d) for item in near for d in item.dates):
                continue
            if analysis.syntax is not None and analysis.syntax.year_naming_a_thing(date) \
                    and not any(_year_right_after(text, (start, end), date) or start <= _named_by_year(analysis.syntax, date) < end
                                for start, end, _ in own):
                # "Japan beat the United States 3-2 to win the 2023 World Baseball Classic": the year says which Classic, and the
                # Classic is no item's ("in the 2019 Senior TT" of an item whose race is the Senior TT is its year)
                continue
            facts_near = {(item.record.id, item.key.split(".")[0]) for item in near}
            if any(_fits(date, item, d) for _, _, item in anchors
                   if (item.record.id, item.key.split(".")[0]) in facts_near for d in item.dates):
                continue  # the sentence names another item of the same list that the date fits ("Time Shelter, translated by …")
            # (any date the sentence writes, one a record's fact has claimed too: "since Billie Jean King in 1963")
            written = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date") if isinstance(m.value, DateValue)]
            # (of the nearest anchor's items: "after Iris Murdoch, who won in 1978 with The Sea, The Sea; Roddy Doyle, in
            # 1995 with …" — the years of the other items in the list are theirs, not Doyle's)
            nearest = near[0].anchor
            if any(other.value.earliest.year <= d.year <= other.value.latest.year
                   for item in near if item.year_only and item.anchor == nearest for d in item.dates for other in written):
                continue  # the item's own year is in the sentence: another year there is another event's
            if any(_paired_elsewhere(analysis, item.anchor, date) for item in near if isinstance(item.anchor, str)):
                continue  # "a 20-year-old Novak Djokovic in 2008" beside `youngest_since: "Novak Djokovic, 2008, aged 20"`:
                # the records pair the name with that year too, for another thing than this item
            if date.value.precision == "day" and date.value.earliest in analysis.records.facts_memo("kept_days", _kept_days):
                continue  # a day the records keep for something else of the name: "On 1 September 1984 "What's Love
                # Got to Do With It" reached No 1" beside the 1993 film of that title and the song's own key
            # (a year written right after an item kept by its day slips in its year: "at Mid Staffordshire in 1992" for
            # 1990-03-22; a year anywhere else near it was too often another event's)
            right_after = {id(item) for start, end, item in anchors if _year_right_after(text, (start, end), date)}
            slip = next(((item, d) for item in near for d in item.dates
                         if (date.value.earliest.year != d.year if item.year_only
                             else _common.date_slip(date.value, d, year_guessed=without_its_year(date)) or date.value.precision == "year" and id(item) in right_after
                             and _common.year_slip(date.value, d))),
                        None)
            if slip is None:
                continue
            item, recorded = slip
            shown = str(recorded.year) if item.year_only else recorded.isoformat() if isinstance(recorded, dt.date) else str(recorded)
            yield rule.finding(
                rule.message("item", anchor=item.written or (item.anchor if isinstance(item.anchor, str) else _common.format_number(item.anchor)),
                             record=item.record.name, recorded=shown, stated=date.text),
                date.start, date.end, analysis.document.source[date.start:date.end],
                suggestion=str(recorded.year) if re.fullmatch(r"\d{4}", date.text)
                else _common.format_date_like(date.text, recorded) if isinstance(recorded, dt.date) and date.value.precision == "day" and not item.year_only else None,
                evidence=Evidence(record=item.record.id, fact=item.key, value=shown, source=item.record.origin),
            )


def _named_by_year(syntax, date: Mention) -> int:
    """Where the noun a year names starts ("TT" of "the 2019 Senior TT")."""
    word = syntax.span_root(date.start, date.end)
    return syntax.tokens[syntax.tokens[word].head].start if word is not None else -1


# a title right after its year: "won in 1988 with "Hold Me Now""
_WITH_NAME_AFTER = re.compile(r"\s+with\s+[\"“*_]?")


def _year_right_after(text: str, anchor: tuple[int, int], date: Mention) -> bool:
    """Is the date written right after the item's name ("Mini in 2021", "Euphoria (2012)")?"""
    return anchor[1] <= date.start and _YEAR_RIGHT_AFTER.fullmatch(text[anchor[1]:date.start]) is not None


def _title_right_after(text: str, anchor: tuple[int, int], date: Mention) -> bool:
    """Is the item's name written right after the date, as what was done then ("in 1988 with "Hold Me Now"")?"""
    return date.end <= anchor[0] and _WITH_NAME_AFTER.fullmatch(text[date.end:anchor[0]]) is not None
_YEAR_RIGHT_AFTER = re.compile(r"\s*(?:,\s*)?(?:in\s+|\(\s*)?")


def _items(records: list[Record]) -> list[Item]:
    """Every fact value that carries a date among its qualifiers (a dated item's text or figure)."""
    found = []
    for record in records:
        for key, values in record.facts.items():
            for value in values:
                dates = tuple(q for name, q in value.qualifiers.items() if DATE_QUALIFIER.search(name) and _is_date(q))
                year_only = False
                if not dates and not _KEY_YEAR.search(key):
                    # an item dated by its year or month alone (`previous_record: {time: "8:13.878", year: 2013}`);
                    # a year in the key (`running_mate_2022`, `majors_won_2023`) is a scope, not an item's date
                    dates = tuple(dict.fromkeys(dt.date(year, 1, 1) for name, q in value.qualifiers.items()
                                                if YEAR_QUALIFIER.search(name) and (year := _year_of(q)) is not None))
                    year_only = bool(dates)
                if not dates:
                    dates = _sibling_day(record, key, value)
                if not dates:
                    found.extend(_year_led_items(value.value, record, key))
                    continue
                anchor = value.value
                if isinstance(anchor, str):
                    # (a sub-key, `previous_record.player`, is one field of an item with others)
                    bare = year_only and "." not in key and all(YEAR_QUALIFIER.search(name) for name in value.qualifiers)
                    # (a name of one word, only for an item kept by its day: beside a year it is too often another's)
                    texts = _text_anchors(anchor, "" if year_only else key)
                    found.extend(Item(text, dates, record, key, year_only, bare=bare) for text in texts)
                    if not texts and year_only and one_word_name(without_note(anchor), letters=4) and (partners := _partners(record, key, value)):
                        found.append(Item(without_note(anchor), dates, record, key, year_only, partners=partners))
                elif isinstance(anchor, (int, float)) and not isinstance(anchor, bool) and _distinct_figure(anchor):
                    found.append(Item(float(anchor), dates, record, key, year_only))
                for name, qualifier in value.qualifiers.items():
                    if isinstance(qualifier, str) and not DATE_QUALIFIER.search(name) and not YEAR_QUALIFIER.search(name):
                        found.extend(Item(text, dates, record, key, year_only) for text in _text_anchors(qualifier))
    return found


def _partners(record: Record, key: str, value: FactValue) -> tuple[str, ...]:
    """The other names of one word an item of a mapping keeps for the same year (`previous_nose_finish: {year: 1996,
    winner: Grindstone, runner_up: Cavonnier}`; `eurovision_wins: {2012: {song: Euphoria, host_city: Baku}}`), or the
    other items of a mapping by year."""
    if "." not in key:
        # a mapping by year (`dakar_wins: {2010: Volkswagen, 2018: Peugeot, 2020: Mini}`): its other items, one of which the
        # sentence names too ("after Volkswagen in 2010, Peugeot in 2018 and Mini in 2021")
        return tuple(dict.fromkeys(without_note(other.value) for other in record.facts.get(key, ()) if isinstance(other.value, str)
                                   and other.value != value.value and one_word_name(without_note(other.value), letters=4)))
    parent = key.rsplit(".", 1)[0]
    year = value.qualifiers.get("year")
    return tuple(dict.fromkeys(without_note(other.value) for sibling, values in record.facts.items()
                               if "." in sibling and sibling.rsplit(".", 1)[0] == parent for other in values
                               if isinstance(other.value, str) and other.value != value.value and other.qualifiers.get("year") == year
                               and one_word_name(without_note(other.value), letters=4)))


def _sibling_day(record: Record, key: str, value: FactValue) -> tuple[dt.date, ...]:
    """The one day a text field's item keeps beside it under a name of its own: `announced_album: {title: The
    Tortured Poets Department, release_date: 2024-04-19}` dates the title."""
    if "." not in key or not isinstance(value.value, str):
        return ()
    parent = key.rsplit(".", 1)[0]
    # (any sibling that holds a day: `first_ship: {name: Razoni, departed_odesa: 2022-08-01}`)
    days = [v.value for sibling, values in record.facts.items() if "." in sibling and sibling != key
            and sibling.rsplit(".", 1)[0] == parent for v in values if _is_date(v.value)]
    return tuple(days) if len(days) == 1 else ()


def _paired_elsewhere(analysis: Analysis, anchor: str, date: Mention) -> bool:
    """Does a text the records keep name the anchor and the stated year together?"""
    texts = analysis.records.facts_memo("texts_by_year", _texts_by_year).get(str(date.value.earliest.year), ())
    return any(anchor in text for text in texts)


def _texts_by_year(records: list[Record]) -> dict[str, list[str]]:
    """The records' texts by each year written in them, built once for the run."""
    by_year: dict[str, list[str]] = {}
    for record in records:
        for values in record.facts.values():
            for value in values:
                if isinstance(value.value, str):
                    for year in set(re.findall(r"\b(?:1[5-9]|20)\d\d\b", value.value)):
                        by_year.setdefault(year, []).append(value.value)
    return by_year


def _kept_days(records: list[Record]) -> dict[dt.date, None]:
    """Every day the records keep, as a value or a qualifier (a dict: a memo is a list or a dict)."""
    return dict.fromkeys({day for record in records for values in record.facts.values() for value in values
                 for day in (value.value, *value.qualifiers.values()) if _is_date(day)})


def _fits(date: Mention, item: Item, day: dt.date) -> bool:
    """The date stated is the item's: its year, for an item the records date by its year alone."""
    if item.year_only:
        return date.value.earliest.year <= day.year <= date.value.latest.year
    return _common.admits(date, FactValue(day))


def _year_led_items(value, record: Record, key: str) -> list[Item]:
    """A text item that opens with its year and tells what happened in it ("2013: bought by Dmitry
    Rybolovlev for $127.5 million"): each sum of money in it with decimals or of four digits or
    more is an anchor dated that year. A year beside a name alone dates too many other things."""
    from factcheck.records import written_amount

    match = _YEAR_LED.match(value) if isinstance(value, str) else None
    if match is None:
        return []
    year = dt.date(int(match["year"]), 1, 1)
    items = []
    for money in _MONEY.finditer(match["rest"]):
        if re.search(r"\b(?:under|over|about|around|almost|nearly|than|some|roughly|up to)\s*$", match["rest"][:money.start()]):
            continue  # "for under $10,000": a bound, not the sum
        amount = written_amount(money.group(0))
        if amount is not None and _distinct_figure(float(amount[0])):
            items.append(Item(float(amount[0]), (year,), record, key, year_only=True, written=money.group(0)))
    return items


@dataclass(frozen=True)
class NamedYear:
    name: str
    years: frozenset[int]
    record: Record
    key: str
    written: str  # the record's value as written


# "Sir Winston Churchill, 30 January 1965", "The Blind Assassin (2000)", "Richie McCaw (2011, 2015)":
# a name, then what follows it after a comma, a bracket or a dash
_NAME_THEN = re.compile(r"^\s*(?P<name>[A-Z\"“][^,(;—–]*?)\s*(?:,|\(|—|–)\s*(?P<rest>.+)$")
# … or a place and its year, as a Games is named: "Seoul 1988", "Tokyo 2020"
_NAME_SPACE_YEAR = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?P<rest>1[5-9]\d\d|20\d\d)")
_YEARS = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:\s*[-–]\s*(\d{2}|\d{4})\b)?")
# a year written right after a name: "Churchill in 1964", "The Piano (1994)", "Hewitt, in 2003", "Churchill in January 1965"
_YEAR_AFTER = re.compile(r"(?:['’]s)?[*_]{0,2}(?:\s+in\s+|\s*,\s*(?:in\s+)?|\s*\(\s*)"
                         r"(?:(?:[A-Z][a-z]+\.?|\d{1,2}(?:st|nd|rd|th)?,?)\s+){0,2}(?P<year>1[5-9]\d\d|20\d\d)\b")


def _named_years(analysis: Analysis, rule, claimed: set[int]) -> Iterator:
    """A year written right after a name that a record's text value pairs with other years
    ("previous_state_funeral: Sir Winston Churchill, 30 January 1965"; the article: "since that of Sir
    Winston Churchill in 1964"). A year beside a name is often another event's, so the sentence must
    also say what the fact is: two of its key's words (or all, if it has fewer)."""
    from factcheck.facts import fact_key_words, word_base

    by_name = analysis.records.facts_memo("named_years", _named_years_index)
    if not by_name:
        return
    names = _names_pattern(tuple(by_name))
    text = analysis.document.text
    dates = {m.start: m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and not m.value.relative}
    for sentence in analysis.sentences:
        words = None
        for match in names.finditer(text, sentence.start, sentence.end):
            after = _YEAR_AFTER.match(text, match.end())
            # (or right before it, as a Games is named: "the 2012 Beijing Games" for "Beijing 2008")
            before = None if after is not None else _YEAR_BEFORE.search(text, max(sentence.start, match.start() - 8), match.start())
            found = after or before
            if found is None or found.start("year") not in dates or found.start("year") in claimed:
                continue
            date = dates[found.start("year")]
            stated_years = set(range(date.value.earliest.year, date.value.latest.year + 1))
            # (and the years listed with it: "the first since Hélio Castroneves in 2001 and 2002" names both wins)
            stated_years |= {int(year) for year in _LISTED_YEARS.match(text, date.end).group(0).split() if year.isdigit()}
            if any(stated_years & item.years for item in by_name[match.group(0)]):
                continue  # the records pair the name with this year somewhere ("youngest champion since Sharapova in 2004")
            for item in by_name[match.group(0)]:
                if words is None:
                    words = _sentence_bases(analysis, sentence, word_base)
                key_words = {word_base(w) for w in fact_key_words(item.key) if w.isalpha() and len(w) > 2}
                key_words -= {word_base(w.lower()) for w in re.findall(r"[A-Za-z]+", item.name)}
                # (the year before the name, as the records write it after: the name's own year, so the key's
                # last word will do, "Games" of `olympic_record.games`)
                needed = 1 if before is not None and word_base(fact_key_words(item.key)[-1]) in words else min(2, len(key_words))
                if not key_words or len(key_words & words) < needed:
                    continue
                yield rule.finding(
                    rule.message("named", anchor=item.name, record=item.record.name, fact=item.key.replace("_", " "),
                                 written=item.written, stated=date.text),
                    date.start, date.end, analysis.document.source[date.start:date.end],
                    suggestion=str(min(item.years)) if len(item.years) == 1 and re.fullmatch(r"\d{4}", date.text) else None,
                    evidence=Evidence(record=item.record.id, fact=item.key, value=item.written, source=item.record.origin),
                )


_YEAR_BEFORE = re.compile(r"(?P<year>1[5-9]\d\d|20\d\d)\s+$")
# the years listed after a year: ", 2002 and 2009", " and 2002"
_LISTED_YEARS = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:1[5-9]\d\d|20\d\d)\b)*")


def _named_years_index(records: list[Record]) -> dict[str, list[NamedYear]]:
    """The records' named years, by name."""
    by_name: dict[str, list[NamedYear]] = {}
    for record in records:
        for item in _named_years_of(record):
            by_name.setdefault(item.name, []).append(item)
    return by_name


@functools.lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern that finds any of the names, the longest first."""
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# a name: capitalised words and the small words names keep ("Bank of England", "Roe v. Wade")
_NAME = re.compile(r"(?:[A-Z0-9][\w.'’&-]*|of|the|and|de|la|du|da|v\.?|vs\.?|von|van|for|on|in)(?:\s+(?:[A-Z0-9][\w.'’&-]*|of|the|and|de|la|du|da|v\.?|vs\.?|von|van|for|on|in))*")
# after it, only dates, places, figures and the like: "(died 9 April 2021)" dates another event
_PLAIN_REST = re.compile(r"(?:[A-Z0-9$£€][\w.,:$£€%*'’&-]*|v\.?|vs\.?|and|joint|[-–,;()\s])*")


def _named_years_of(record: Record) -> list[NamedYear]:
    found = []
    for key, values in record.facts.items():
        for value in values:
            if not isinstance(value.value, str):
                continue
            parts = _NAME_THEN.match(value.value) or _NAME_SPACE_YEAR.fullmatch(value.value.strip())
            if parts is None:
                continue
            name = parts.group("name").strip("\"“” ")
            if len(name) < 4 or re.search(r"\d{4}", name) or name.split()[0].lower().rstrip(".") in MONTHS or not _NAME.fullmatch(name) \
                    or not _PLAIN_REST.fullmatch(parts.group("rest")):
                continue
            years = set()
            for found_year in _YEARS.finditer(parts.group("rest")):
                first = int(found_year.group(1))
                years.add(first)
                if found_year.group(2):  # "2009-10", "2009–2010"
                    last = int(found_year.group(2))
                    last = last if last > 1000 else first // 100 * 100 + last
                    years.update(range(first + 1, last + 1) if first < last <= first + 10 else ())
            if years:
                found.append(NamedYear(name, frozenset(years), record, key, value.value))
    return found


def _sentence_bases(analysis: Analysis, sentence, word_base) -> set[str]:
    text = analysis.document.text
    words = {word_base(w.lower()) for w in re.findall(r"[A-Za-z]+", text[sentence.start:sentence.end])}
    syntax = analysis.syntax
    if syntax is not None:  # "won" says "win"
        words |= {word_base(t.lemma) for t in syntax.tokens if sentence.start <= t.start < sentence.end and t.lemma}
    return words


def _is_date(value) -> bool:
    # a day, not a year: a year beside a name is too often the year of something else ("the first
    # American since 1999"), and a year read from a key (`majors_won_2023`) is a scope, not an item's date
    return isinstance(value, dt.date)


def _year_of(value) -> int | None:
    """The year of a year (2013), a month or year as the records write it ("August 2016"), or None."""
    from factcheck.records import written_dates

    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1500 <= value <= 2300 else None
    if isinstance(value, DateValue):
        return value.earliest.year if value.earliest.year == value.latest.year else None
    if isinstance(value, str):
        # (one day told in two time zones is one year: "2012-08-05 PDT / 2012-08-06 EDT and UTC")
        years = {_year_of(date) if isinstance(date, DateValue) else date.year for date in written_dates(value)}
        if len(years) == 1:
            return years.pop()
    return None


def _distinct_text(text: str) -> bool:
    """A name of two words or more ("Andy Murray"), a time or score ("2:01:53", "4:02.95"), or an event by its distance
    ("400m individual medley"): not "final"."""
    return bool(re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,3})?|\d{2,5}\s?(?:m|km|metres|meters)(?:\s+[a-z]+){1,3}", text)) or \
        (len(text.split()) >= 2 and len(text) <= 60 and text[:1].isupper() and not re.search(r"[;()]", text))


# the fields of an item that name where it happened or who it was: `first_country: {country: Malawi, date: 2019-04-23}`
_PLACE_NAME_KEYS = {"country", "nation", "city", "venue", "host", "winner"}


def _text_anchors(text: str, key: str = "") -> list[str]:
    """The texts an article would repeat of an item's text: itself, and without the records' note after it ("Joe
    Frazier (29-0)" → "Joe Frazier", "National Stadium, Kingston, Jamaica" → "National Stadium"), when distinct;
    and a name of one word the records give as the item's name (`first_ship: {name: Razoni, departed_odesa: …}`)."""
    from factcheck.records import ITEM_NAME_KEYS

    found = [candidate for candidate in dict.fromkeys((text, without_note(text))) if _distinct_text(candidate)]
    if "." in key and key.rsplit(".", 1)[1].lower() in ITEM_NAME_KEYS | _PLACE_NAME_KEYS and one_word_name(text):
        found.append(text)
    return found


def one_word_name(text: str, letters: int = 5) -> bool:
    """A name of one word distinct enough to anchor an item ("Razoni", "Charterhall"): capitalised, five letters or
    more (four with another of the item's names beside it: "Baku"), no common word."""
    from factcheck.text import is_common_word

    return bool(re.fullmatch(rf"[A-Z][a-zà-ÿ]{{{letters - 1},}}", text)) and not is_common_word(text.lower())


def _distinct_figure(number: float) -> bool:
    """A figure unlikely to recur by chance: one with decimals (38.7) or of four digits or more."""
    return (number != int(number) or abs(number) >= 1000) and not 1000 <= number <= 2300


def _anchors(analysis: Analysis, items: list[Item], sentence) -> Iterator[tuple[int, int, Item]]:
    text = analysis.document.text
    said = text[sentence.start:sentence.end]
    for item in items:
        if isinstance(item.anchor, str):
            if item.anchor not in said or item.partners and not any(re.search(rf"(?<!\w){re.escape(partner)}(?!\w)", said)
                                                                      for partner in item.partners):
                continue  # (a plain search first: most items are not in most sentences)
            for match in re.finditer(rf"(?<![\w:]){re.escape(item.anchor)}(?![\w:])", said):
                yield sentence.start + match.start(), sentence.start + match.end(), item
        else:
            for mention in analysis.mentions:
                if mention.kind == "number" and sentence.start <= mention.start < sentence.end and isinstance(mention.value, NumberValue) \
                        and not mention.value.ordinal and mention.value.value == item.anchor:
                    yield mention.start, mention.end, item


def _says_what_it_is(analysis: Analysis, sentence, item: Item) -> bool:
    """Does the sentence of a name kept with its year and nothing else name the item's record, or say the
    last word of its key? `melbourne_cup_wins: {2023: Without A Fight}` in the jockey's record dates his win on the
    horse, not "Without A Fight had finished 13th in the 2022 Cup"."""
    from factcheck.facts import fact_key_words, word_base

    if any(link.record.id == item.record.id for link in analysis.links if sentence.start <= link.start < sentence.end):
        return True
    words = [w for w in fact_key_words(item.key.split(".")[0]) if w.isalpha()]
    return bool(words) and word_base(words[-1]) in _sentence_bases(analysis, sentence, word_base)


def _close(analysis: Analysis, anchor: tuple[int, int], date: Mention, year_only: bool = False, paired: bool = False) -> bool:
    """Close in the parse; for an item dated by its year alone, closer still and in one clause or phrase:
    "Rhys Millen … first raced there as a teenager, and he won the class again in 2012" joins two events."""
    text = analysis.document.text
    if _year_right_after(text, anchor, date) and (paired or date.value.precision == "year") or _title_right_after(text, anchor, date):
        return True  # "… Peugeot in 2018 and Mini in 2021", "a five-point loss to West Coast in 2017", "in 1988 with "Hold Me
        # Now"": the year written right beside the name (a month only with the name's partner: "in New York in November
        # 2017" is when a sale there was), however the parser hangs a list
    syntax = analysis.syntax
    if syntax is None:
        return abs(anchor[0] - date.start) <= (40 if year_only else 80)
    one, other = syntax.span_root(*anchor), syntax.span_root(date.start, date.end)
    if one is None or other is None:
        return False
    if not year_only:
        return syntax.path_length(one, other) <= MAX_PATH
    up_one, up_other = [one, *syntax.ancestors(one)], [other, *syntax.ancestors(other)]
    meeting = next((index for index in up_one if index in up_other), None)
    if meeting is None:
        return False
    path = up_one[:up_one.index(meeting)] + up_other[:up_other.index(meeting)]  # the words below where they meet
    if syntax.path_length(one, other) > MAX_PATH_YEAR and not _where_and_when_of_its_object(syntax, up_one[:up_one.index(meeting) + 1],
                                                                                       up_other[:up_other.index(meeting) + 1]):
        return False
    return all(syntax.tokens[index].dep != "conj" for index in path)


def _where_and_when_of_its_object(syntax, anchor_up: list[int], date_up: list[int]) -> bool:
    """"who won the inaugural Final in Gothenburg, Sweden, in 1978": the place hangs on the verb's object, the
    year on the verb, each by its preposition — where and when of one event, five steps apart."""
    deps = [syntax.tokens[i].dep for i in anchor_up[:-1]], [syntax.tokens[i].dep for i in date_up[:-1]]
    return syntax.tokens[anchor_up[-1]].tag.startswith("VB") and deps == (["pobj", "prep", "dobj"], ["pobj", "prep"])


KIND = CheckKind(
    name="item-date",
    run=run,
    summary="a date beside an item of a record's list or table that the records date otherwise",
    messages=("item", "named"),
)
