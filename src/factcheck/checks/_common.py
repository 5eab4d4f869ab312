"""What several check kinds share: comparing stated values with record values, and
writing a suggested correction in the style of the text it replaces."""

from __future__ import annotations

import calendar
from functools import lru_cache
import datetime as dt
import functools
import re

from rapidfuzz.distance import OSA, Hamming, Indel

from factcheck.facts import CURRENCIES, fact_key_words, without_note
from factcheck.lexicon import ABOUT, CONTEST_PARTS, NEARLY, ORDINALS, WEEKDAYS, word_value
from factcheck.model import Analysis, DateValue, Evidence, FactValue, Mention, NumberValue, Record, format_number
from factcheck.names import same_first_name
from factcheck.text import fold, is_common_word, name_key, tokenize


def admits(mention: Mention, fact: FactValue) -> bool:
    """Does the stated value allow the record's value? Approximate statements admit ranges."""
    stated, recorded = mention.value, fact.value
    if isinstance(stated, DateValue):
        if mention.label == "month-no-year":
            # "in May" with no year: the same month, whatever the year guessed for it
            if isinstance(recorded, (dt.date, DateValue)):
                return (recorded.earliest if isinstance(recorded, DateValue) else recorded).month == stated.earliest.month
            return True
        if isinstance(recorded, dt.date) and stated.relative and stated.precision == "day" and mention.label == "relative" \
                and re.fullmatch(r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", mention.text.strip(), re.IGNORECASE):
            # a bare "Thursday" is the last one or the next: the recorded day on that weekday, a week either side
            return recorded.weekday() == stated.earliest.weekday() and abs((recorded - stated.earliest).days) <= 7
        if isinstance(recorded, dt.date):
            if stated.relative and stated.precision == "day" and mention.label in ("day-no-year", "weekday"):
                # "July 12" with no year: the same day of the month, whatever the year guessed for it (the
                # sentence may be about another year: "opened on January 26, 1986, after previews that
                # began on January 9")
                return (recorded.month, recorded.day) == (stated.earliest.month, stated.earliest.day)
            return stated.admits(recorded)
        if isinstance(recorded, int):  # a year-precision record
            return stated.earliest.year <= recorded <= stated.latest.year
        if isinstance(recorded, DateValue):  # a month the newsroom wrote in words ("December 2018")
            if stated.relative and stated.precision == "day" and mention.label in ("day-no-year", "weekday"):
                return stated.earliest.month == recorded.earliest.month and abs(recorded.earliest.year - stated.earliest.year) <= 1
            return stated.overlaps(recorded)
        return True  # a text the records hold (e.g. "2023") cannot be compared safely
    if isinstance(stated, NumberValue):
        if isinstance(recorded, (int, float)) and not isinstance(recorded, bool):
            # "set … over 328 shows": "over" may span the figure rather than bound it, so the figure itself fits
            kept = number_of(fact)
            # (a fall the records keep below zero, `share_change_percent: -11.1`, is told by its size: "fell 11.1%")
            return stated.admits(kept) or stated.qualifier == "over" and kept == stated.value \
                or kept < 0 < stated.value and stated.admits(-kept)
        return True
    return same_name(mention.text, str(recorded))


def number_of(fact: FactValue) -> float:
    """A recorded number in plain units: `cost_usd_millions: 500` is 500,000,000."""
    scale = fact.qualifiers.get("scale", 1)
    return float(fact.value) * (scale if isinstance(scale, (int, float)) and not isinstance(scale, bool) else 1)


HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "the", "president",
              "senator", "sen", "rep", "gov", "governor", "mayor", "judge", "justice", "gen", "general", "capt", "captain", "coach"}


def other_given_name(written: str, recorded: str) -> bool:
    """Two people of one surname: both names give a first name (past any title), and neither is the other's
    initial, short form ("Bob" for Robert) or misspelling — "Stephen Kerr" is not Liam Kerr, "Liz Upton" not Eben Upton."""
    ours, theirs = ([w for w in name_key(name) if w not in HONORIFICS and w.isalpha()] for name in (written, recorded))
    if len(ours) < 2 or len(theirs) < 2 or ours[-1] != theirs[-1]:
        return False
    # (any word before the surname may be the given name: "Taoiseach Leo Varadkar", "George W. Bush")
    return not any(mine.startswith(other) or other.startswith(mine) or same_first_name(mine, other)
                   or Indel.normalized_similarity(mine, other) >= 0.6 for mine in ours[:-1] for other in theirs[:-1])


def same_name(written: str, recorded: str) -> bool:
    """'McQuarrie' names 'Christopher McQuarrie'; 'Rome' names 'Rome, Italy'; 'Dr Ana Sokolova' names 'Ana Sokolova'."""
    written_key, recorded_key = name_key(written), name_key(recorded)
    written_key = tuple(w for w in written_key if w not in HONORIFICS) or written_key
    if not written_key or not recorded_key:
        return False
    if written_key == recorded_key:
        return True
    if len(written_key) == len(recorded_key) >= 2 and written_key[1:] == recorded_key[1:] \
            and same_first_name(written_key[0], recorded_key[0]):
        return True  # "Bob Kane" names "Robert Kane"
    return set(written_key) <= set(recorded_key)


def comparable(mention: Mention, fact: FactValue) -> bool:
    stated, recorded = mention.value, fact.value
    if isinstance(stated, DateValue):
        # a whole number is a year only when it can be one: `masters_wins: 6` beside another's list of years
        return isinstance(recorded, (dt.date, DateValue)) or (isinstance(recorded, int) and not isinstance(recorded, bool)
                                                             and 1000 <= recorded <= 2300)
    if isinstance(stated, NumberValue):
        return isinstance(recorded, (int, float)) and not isinstance(recorded, bool)
    return isinstance(recorded, str)


# (not "a quarter of a percentage point", "a quarter-point rise": a fraction, not a quarter of the year)
QUARTER_WORDS = re.compile(r"\b(?:(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter|Q[1-4]|"
                           r"(?<!\ba\s)(?<!\bone\s)(?<!\bthree\s)quarter(?:ly)?(?![\s-]+(?:of\s+an?\b|points?\b|percentage\b))|three months)\b",
                           re.IGNORECASE)
WRITTEN_YEAR = re.compile(r"(?<![\d,.$£€¥-])\b(1[89]\d\d|20\d\d)\b(?!\d|,\d|%|\.\d)")  # "in 1968, when" is a year; "1968,000" no
QUARTER_NUMBERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3, "fourth": 4, "4th": 4,
                   "q4": 4, "final": 4}


def in_scope(analysis, claim, fact: FactValue) -> bool:
    """Does the recorded value hold for the time the claim's sentence speaks of? A figure for 2024
    (`revenue_2024`, `{value: …, year: 2024}`) says nothing of a sentence about 2025, and a yearly
    figure nothing of a quarter's ("revenue for the first quarter of fiscal 2025 of $24.0 billion")."""
    start, end = claim.sentence
    text = analysis.document.text[start:end]
    item = fact.qualifiers.get("item")
    if isinstance(item, str) and not _names_in_sentence(item, text) \
            and _year_of(fact.qualifiers.get("year")) not in sentence_years(text):
        # one item of a list ("earlier_deals: [{target: LinkedIn, year: 2016}]"): a sentence that names
        # it, or gives its year ("contest wins … in 2023")
        return False
    if _the_other_draw(claim.record.names, text):
        return False  # "The women's competition begins with the short program on …" of a men's event
    if isinstance(claim.value.value, DateValue):
        return True  # a date claim states its own time
    years = claim_years(analysis, claim)
    # a record of one year's event ("2022 FIFA World Cup final"): a sentence about other years
    # ("won the World Cup as captain in 1998") speaks of another edition
    own = {int(year) for name in claim.record.names for year in WRITTEN_YEAR.findall(name)} or _event_years(claim.record)
    if own and years and not own & years:
        return False
    if isinstance(fact.value, str) and not _held_then(analysis, claim, fact, years):
        return False  # `chairman: [{name: K. Sivan, to: 2022-01}, …]`: not the chairman of a 2023 sentence
    if not isinstance(claim.value.value, NumberValue):
        return True
    if not _on_its_day(analysis, claim, fact) or _of_a_part(analysis, claim, fact) or _the_keys_own_number(claim):
        return False
    recorded_year = _year_of(fact.qualifiers.get("year")) or _year_of(fact.qualifiers.get("fiscal_year")) \
        or _year_of(fact.qualifiers.get("as_of")) or _year_of(fact.qualifiers.get("season"))
    if recorded_year is not None and years and recorded_year not in years:
        return False
    published = analysis.document.published
    # (a record named for its year, "Saudi Aramco full-year 2022 results", is that year's news: its later
    # figure, "up from $107.5 billion a year earlier", is the record's year's, not the publication's)
    if recorded_year is not None and published is not None and recorded_year < published.year and recorded_year not in own \
            and _this_years_figure(analysis, claim, recorded_year, years):
        return False
    quarters = [QUARTER_NUMBERS.get(m.group(0).split()[0].split("-")[0].lower()) for m in QUARTER_WORDS.finditer(text)]
    recorded_quarter = fact.qualifiers.get("quarter")
    if quarters and recorded_quarter is None and not fact.qualifiers.get("period"):
        return False  # a year's figure, a sentence about a quarter
    if recorded_quarter is not None and quarters and all(q is not None for q in quarters):
        number = re.search(r"[1-4]", str(recorded_quarter))
        return number is None or int(number.group()) in quarters
    return True


# the two draws of one sport, by the word a record's name tells its own by
_DRAWS = {"men": "women", "women": "men", "boys": "girls", "girls": "boys"}
_DRAW_WORD = re.compile(r"\b(men|women|boys|girls)(?:['’]s?|\b)", re.IGNORECASE)


def _the_other_draw(names, sentence: str) -> bool:
    """Does the sentence speak of the other draw than the record's ("the women's competition" of a record named "…
    Men's singles") and not of the record's own?"""
    own = _draw_of(tuple(names))
    if own is None:
        return False
    said = {found.lower() for found in _DRAW_WORD.findall(sentence)}
    return _DRAWS[own] in said and own not in said


@functools.lru_cache(maxsize=4096)
def _draw_of(names: tuple[str, ...]) -> str | None:
    """The one draw a record's names tell ("men" of "… – Men's singles"), or None (most records: asked once each)."""
    own = {found.lower() for name in names for found in _DRAW_WORD.findall(name)}
    return next(iter(own)) if len(own) == 1 else None


_STARTS = ("from", "since", "start", "took_office", "in_office_since", "term_start")
_ENDS = ("to", "until", "till", "end", "left_office", "term_end")


def _held_then(analysis, claim, fact: FactValue, years: set[int]) -> bool:
    """Did a dated value (who held a role: `{name: …, from: 2018-01, to: 2022-01}`, `{value: …, as_of: …}`,
    `holder_dec_2020`) hold when the sentence speaks of — the years it names, else the publication date?
    A value that does not say when holds always."""
    qualifiers = fact.qualifiers
    start = next((d for key in _STARTS if (d := _as_day(qualifiers.get(key), end=False)) is not None), None)
    end = next((d for key in _ENDS if (d := _as_day(qualifiers.get(key), end=True)) is not None), None)
    at = next((d for key in ("as_of", "asof", "date") if (d := _as_day(qualifiers.get(key), end=False)) is not None), None)
    year = _year_of(qualifiers.get("year"))
    if start is None and end is None and at is None and year is None:
        return True
    if years:
        spans = [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years if 1 <= y <= 9999]
    elif analysis.document.published is not None:
        spans = [(analysis.document.published, analysis.document.published)]
    else:
        return True
    for low, high in spans:
        if start is not None or end is not None:
            if (start is None or start <= high) and (end is None or low <= end):
                return True
        elif at is not None:
            if at.year in range(low.year, high.year + 1):
                return True
        elif year is not None and year in range(low.year, high.year + 1):
            return True
    return False


def _as_day(value, end: bool) -> dt.date | None:
    """A qualifier's date: a day, a month or a year (its first or, for an end, its last day)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, DateValue):
        return value.latest if end else value.earliest
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2300:
        return dt.date(value, 12, 31) if end else dt.date(value, 1, 1)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", value)
        if match:
            year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
            try:
                if day:
                    return dt.date(year, month, day)
                if month:
                    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(year, month, 1)
                return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
            except ValueError:
                return None
    return None


def _names_in_sentence(name: str, text: str) -> bool:
    """Does the sentence name the item? Its name, or any capitalised word of it ("ZeniMax Media (Bethesda)")."""
    words = [w for w in re.findall(r"[A-Z][\w'’-]+", name)] or [name]
    return any(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) for word in words)


RELATIVE_YEAR = re.compile(r"\b(?:(?P<which>last|this|next) year|(?P<count>a|one|two|three|four|five|\d{1,2}) years? ago)\b", re.IGNORECASE)
_YEARS_AGO = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _measured_from(text: str, start: int) -> bool:
    """"since 2018", "up from 63.1 percent four years ago": a year measured from, not spoken of ("from a
    2005 survey" names where a figure comes from: that year is spoken of)."""
    if re.search(r"\bfrom\s+(?:a|an|the|its|their)\s+$", text[max(0, start - 12):start], re.IGNORECASE) \
            and re.match(r"\d{4}\s+[a-z]", text[start:start + 7]):
        return False
    if re.match(r"\d{4},?\s+when\b", text[start:start + 12]) and re.search(r"\bsince\s+$", text[max(0, start - 8):start]):
        return False  # "a record that had stood since 1968, when Julius Boros won": the when-clause's year
    return re.search(r"\b(?:since|before|until|till|after|than|from)\b(?:[^.;,]|[.,](?=\d)){0,24}$", text[max(0, start - 40):start],
                     re.IGNORECASE) is not None


def sentence_years(text: str) -> set[int]:
    """The years a sentence is about ("in 2024", "fiscal 2025", "March 2023"), not those it measures
    from or against ("the first since 2018", "since it began in 2013", "than in 2019")."""
    return {int(match.group(1)) for match in WRITTEN_YEAR.finditer(text) if not _measured_from(text, match.start())}


def claim_years(analysis, claim) -> set[int]:
    """The years a claim's sentence is about, and a year said relative to the publication ("won in
    Turin last year", "two years ago") in the claim's own clause (in "Norhaven, which has 1,800
    employees, plans a site next year" the year is the site's)."""
    start, end = claim.sentence
    text = analysis.document.text[start:end]
    years = sentence_years(text)
    published, syntax = analysis.document.published, analysis.syntax
    value_clause = None
    if syntax is not None:
        root = syntax.span_root(claim.value.start, claim.value.end)
        value_clause = syntax.clause(root) if root is not None else None
        if root is not None:
            above = {root, *syntax.ancestors(root)}
            trigger = syntax.span_root(claim.trigger_start, claim.trigger_start + len(claim.trigger)) if claim.trigger_start else None
            if trigger is not None:
                # "Only Jack Nicklaus, who won … in 1986, has won the tournament": a year in the clause of
                # the fact's own word ("won") is the claim's, though the clause describes the value
                above.add(syntax.clause(trigger))
            years -= _described_years(syntax, text, start, above)
    if published is None:
        return years
    for match in RELATIVE_YEAR.finditer(text):
        if _measured_from(text, match.start()):
            continue
        if value_clause is not None:
            root = syntax.span_root(start + match.start(), start + match.end())
            if root is None or syntax.clause(root) != value_clause:
                continue
        if match["which"]:
            years.add(published.year + {"last": -1, "this": 0, "next": 1}[match["which"].lower()])
        else:
            count = match["count"].lower()
            years.add(published.year - (int(count) if count.isdigit() else _YEARS_AGO[count]))
    return years


def _described_years(syntax, text: str, start: int, above_value: set[int]) -> set[int]:
    """Years said only in a relative clause that describes another noun than the value's ("scoring 756
    runs, beating the 673 Sachin Tendulkar made in 2003"): they date that noun, not the claim."""
    found: dict[int, bool] = {}
    for match in WRITTEN_YEAR.finditer(text):
        word = syntax.span_root(start + match.start(1), start + match.end(1))
        if word is None:
            continue
        clause = syntax.clause(word)
        describing = syntax.tokens[clause].dep in ("relcl", "acl") and clause not in above_value
        year = int(match.group(1))
        found[year] = found.get(year, True) and describing
    return {year for year, described in found.items() if described}


def _this_years_figure(analysis, claim, recorded_year: int, years: set[int]) -> bool:
    """Is a figure beside an earlier year's in its sentence the later one? An earlier year's figure is said
    with its year in its own clause, and after "from": in "the ANC took 40.18% …, down from 57.5% … in
    2019", 57.5 is 2019's and 40.18 this year's."""
    start, end = claim.sentence
    text = analysis.document.text
    if recorded_year not in years and any(m.group(1) == str(recorded_year) for m in WRITTEN_YEAR.finditer(text, start, end)) \
            and recorded_year not in _clause_years(analysis, claim):
        return True
    return not re.search(r"\bfrom\s+(?:a\s+|the\s+)?$", text[max(start, claim.value.start - 12):claim.value.start]) \
        and re.search(r"\b(?:up|down|rising|falling|rose|fell)\s+from\s+\S*\d", text[claim.value.end:end]) is not None


# a key that dates its figure to one day, not "as of" it: `trolleys_2023_02_21`, `attendance_2024_07_14`
# (a key's "on"/"at" a day says when a lasting thing was so: `age_on_2019_06_23`)
_DAY_KEY = re.compile(r"(?<!_on)(?<!_at)(?<!_of)_(?:1[89]|20)\d\d_\d\d?_\d\d?(?:_|$)")


# a part of a season or contest: "in 12 games", "in round 21", "in each of his last two games", "a game"
_PART = "(?:" + "|".join(sorted({form for part in CONTEST_PARTS.items() for form in part}, key=len, reverse=True)) + ")"
_OF_A_PART = re.compile(rf"\b(?:in|from|over)\s+(?:(?:his|her|their|its|the|each\s+of\s+\w+)\s+)?(?:(?:first|last|next|final|opening|\d+|[a-z]+)\s+){{0,2}}"
                        rf"{_PART}\b|\bin\s+{_PART}\s+\d+|\bin\s+each\s+of\b|\b(?:per|a|each)\s+(?:game|match|round|race|frame|start)\b",
                        re.IGNORECASE)


def _of_a_part(analysis, claim, fact: FactValue) -> bool:
    """Is a figure smaller than the record's told in a sentence about a part of the season or contest ("polled
    three votes in 12 games", "in round 21 … Cripps took three votes"), where the record keeps the whole
    (`votes_2024: 45`)? A part is less than its whole; a key that names the part (`three_vote_games`) is
    the part's."""
    if not isinstance(fact.value, (int, float)) or isinstance(fact.value, bool) or claim.value.value.high >= fact.value:
        return False
    if re.search(_PART, " ".join(fact_key_words(claim.fact)), re.IGNORECASE):
        return False
    start, end = claim.sentence
    return _OF_A_PART.search(analysis.document.text, start, end) is not None


def _the_keys_own_number(claim) -> bool:
    """Is the figure a number the key is named with ("three votes" for `three_vote_games_2024`, "top-10" for
    `top_10_finishes`)? It names what is counted, not how many."""
    stated = claim.value.value.value
    for word in fact_key_words(claim.fact.rsplit(".", 1)[-1]):
        number = int(word) if word.isdigit() and len(word) < 4 else word_value(word)
        if isinstance(number, tuple):
            number = number[0] if not number[1] else None
        if number is not None and number == stated:
            return True
    return False


def _on_its_day(analysis, claim, fact: FactValue) -> bool:
    """A figure the key dates to one day (`trolleys_2023_02_21: 96`) is that day's count, and speaks only
    of a sentence that gives that day (or the month holding it): "627 patients on trolleys" in a March
    story is another day's. A key saying "as of" that day (`gross_usd_as_of_2022_12_29`) keeps a running
    total, which later copy may still give."""
    day = fact.qualifiers.get("as_of")
    last_part = claim.fact.rsplit(".", 1)[-1]
    if not isinstance(day, dt.date) or not _DAY_KEY.search(last_part):
        return True
    start, end = claim.sentence
    return any(m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision in ("day", "month", "span")
               and m.value.admits(day) for m in analysis.mentions if start <= m.start < end)


def _clause_years(analysis, claim) -> set[int]:
    """The years written in the claim value's own clause (measured from or not)."""
    start, end = claim.sentence
    syntax = analysis.syntax
    text = analysis.document.text
    if syntax is None:
        return set()
    root = syntax.span_root(claim.value.start, claim.value.end)
    if root is None:
        return set()
    clause = syntax.clause(root)
    found = set()
    for match in WRITTEN_YEAR.finditer(text, start, end):
        word = syntax.span_root(match.start(1), match.end(1))
        if word is not None and syntax.clause(word) == clause:
            found.add(int(match.group(1)))
    return found


def _event_years(record: Record) -> set[int]:
    """The year of a record that is one dated occasion (`date: 2020-12-08`, `announced: {date: …}`): its
    figures are that occasion's, and a sentence about another year ("from a 2005 survey") speaks of another."""
    days = {v.value for key, values in record.facts.items() if key in ("date", "announced", "announced.date", "held", "held.date")
            for v in values if isinstance(v.value, dt.date)}
    return {days.pop().year} if len(days) == 1 and record.type != "person" else set()


def _year_of(value) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, DateValue):
        return value.earliest.year
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2300:
        return value
    if isinstance(value, str):
        found = re.search(r"\b(1\d{3}|20\d{2})\b", value)
        return int(found.group(1)) if found else None
    return None


def preferred(values: tuple[FactValue, ...]) -> FactValue:
    """The value to suggest: not one marked superseded."""
    for value in values:
        if value.qualifiers.get("status") not in ("superseded", "previous", "deprecated"):
            return value
    return values[0]


def evidence(record: Record, fact: str, values: tuple[FactValue, ...]) -> Evidence:
    shown = "; ".join(str(value) for value in values)
    source = record.source
    prop = next((v.qualifiers["property"] for v in values if "property" in v.qualifiers), None)
    if prop and source and record.origin.startswith("wikidata:") and re.search(r"/wiki/Q\d+$", source):
        source = f"{source}#{prop}"  # the item and the statement's property: a Wikibase page anchors it
    return Evidence(record=record.id, fact=fact, value=shown, source=source)


def suggestion_for(mention: Mention, fact: FactValue) -> str:
    value = fact.value
    if isinstance(value, dt.date):
        return format_date_like(mention.text, value)
    if isinstance(value, DateValue):
        return str(fact)
    if isinstance(value, (int, float)) and isinstance(mention.value, NumberValue):
        return format_number_like(mention, number_of(fact))
    if mention.kind == "person" and isinstance(value, str):
        # the name alone, as the article writes a name: not the records' note after it ("Laura Trott, MP for Sevenoaks")
        return without_note(value) or value
    return str(value)


_ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                  "nineteenth", "twentieth"]


# an ordinal as copy writes it: "14th", "thirteenth", "twenty-first"
ORDINAL_WRITTEN = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:{'|'.join(ORDINALS)}))"


def whole_number(written: str, ordinal: bool) -> int | None:
    """A whole number as written in digits or words ("14th", "thirteenth", "22", "twenty-two"), or None
    when the words are no such number or not of the kind asked for (an ordinal, or a count)."""
    figure = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", written)
    if figure:
        return int(figure.group(1))
    value = word_value(written)
    if value is None or value[1] != ordinal or value[0] != int(value[0]):
        return None
    return int(value[0])


def ordinal(number: int) -> str:
    """58 → "58th", 21 → "21st", 112 → "112th"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_number_like(mention: Mention, number: float) -> str:
    stated: NumberValue = mention.value
    written = mention.text
    if stated.ordinal:
        if written[:1].isalpha() and 0 <= number < len(_ORDINAL_WORDS) and number == int(number):
            word = _ORDINAL_WORDS[int(number)]
            return word.capitalize() if written[:1].isupper() else word
        return ordinal(int(number))
    text = format_number(number)
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if digits is None:  # written in words: the figure alone
        return text
    if "," not in digits.group():
        text = text.replace(",", "")
    # keep what surrounds the figure: "$694" → "$649", "51.6 per cent" → "48.6 per cent"
    scale = stated.value / float(digits.group().replace(",", "")) if float(digits.group().replace(",", "")) else 1
    if scale not in (0, 1):
        text = format_number(number / scale).replace(",", "" if "," not in digits.group() else ",")
    return written[:digits.start()] + text + written[digits.end():]


def format_date_like(written: str, day: dt.date) -> str:
    """Write `day` the way `written` writes a date: 'June 28, 2024' → 'July 12, 2023'."""
    text = written.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        return day.isoformat()
    if re.fullmatch(r"\d{4}", text):  # a year told, a day kept: the year
        return str(day.year)
    if re.fullmatch(r"[A-Z][a-z]+\.? \d{4}", text):  # "October 2021": the month and the year
        month = calendar.month_abbr[day.month] + "." if text.split()[0].endswith(".") else calendar.month_name[day.month]
        return f"{month} {day.year}"
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", text):
        year = str(day.year) if len(text.rsplit("/", 1)[1]) == 4 else f"{day.year % 100:02d}"
        return f"{day.month}/{day.day}/{year}"
    weekday = re.match(r"([A-Za-z]+\.?),?\s+(?=\S)", text)
    prefix = ""
    if weekday and weekday.group(1).rstrip(".").lower() in WEEKDAYS:
        prefix = calendar.day_name[day.weekday()] + (", " if "," in weekday.group() else " ")
        text = text[weekday.end():]
    abbreviated = re.search(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?", text) is not None
    month = calendar.month_abbr[day.month] + "." if abbreviated else calendar.month_name[day.month]
    if abbreviated and day.month == 9 and re.search(r"\bSept\b", text):
        month = "Sept."  # the newsroom's own abbreviation (AP style)
    has_year = re.search(r"\d{4}", text) is not None
    day_first = re.match(r"(?:the\s+)?\d", text) is not None
    written_ordinal = re.search(r"\d(st|nd|rd|th)\b", text)
    day_text = ordinal(day.day) if written_ordinal else str(day.day)
    if day_first:
        body = f"{day_text} {month}" + (f" {day.year}" if has_year else "")
    else:
        body = f"{month} {day_text}" + (f", {day.year}" if has_year else "")
    return prefix + body


def tokens_between(analysis, start: int, end: int) -> list:
    """The folded word tokens of the document between two offsets."""
    import bisect

    starts = analysis.token_starts
    return analysis.tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def find_phrase(words: list[str], phrases: list[tuple[str, ...]]) -> list[tuple[int, tuple[str, ...]]]:
    """Where each phrase (a tuple of folded words; a trailing * on a word matches any ending) occurs in words."""
    found = []
    by_first = _by_first_word(tuple(phrases))
    for index, word in enumerate(words):
        for phrase in by_first.get(word, ()) + tuple(p for p in by_first.get("*", ()) if word.startswith(p[0][:-1])):
            if index + len(phrase) <= len(words) and all(
                words[index + i].startswith(p[:-1]) if p.endswith("*") else words[index + i] == p
                for i, p in enumerate(phrase)
            ):
                found.append((index, phrase))
    return found


@lru_cache(maxsize=256)
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list] = {}
    for phrase in phrases:
        index.setdefault("*" if phrase[0].endswith("*") else phrase[0], []).append(phrase)
    return {key: tuple(value) for key, value in index.items()}


def phrase_keys(phrases) -> tuple[tuple[str, ...], ...]:
    return _phrase_keys(tuple(phrases))


@lru_cache(maxsize=256)
def _phrase_keys(phrases) -> tuple[tuple[str, ...], ...]:
    keys = []
    for phrase in phrases:
        key = name_key(phrase.rstrip("*"))
        if phrase.endswith("*") and key:
            key = key[:-1] + (key[-1] + "*",)
        if key:
            keys.append(key)
    return tuple(keys)


# a place, perhaps with its state or country ("BETHEL, N.Y.,"), and perhaps a weekday
# (a place in any letters, the day in brackets too: "COPIAPÓ, Chile (Oct. 13, 2020) — Ten years ago today")
_DATELINE_LEAD = re.compile(r"^[\s*_#>]*(?:[A-Z][\w.'’ -]*,\s*){0,2}(?:[A-Z][a-z]+,?\s+)?\(?$")
_DATELINE_END = re.compile(r"^\)?[\s*_]*(?:[—–]|--|\s-\s)")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is the date the dateline's ("PARIS, Sunday 29 October 2023 — …"): the day the story was filed,
    said at the head of its first paragraph, not the day of anything the story reports?"""
    paragraph = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_LEAD.match(text[paragraph:start])) and bool(_DATELINE_END.match(text[end:end + 6]))


def half_last_digit(mention: Mention) -> float:
    """Half the last written digit's worth, in the value's own scale: "$22.1 billion" is ±0.05 billion,
    "48.34%" ±0.005; a number in words ±0.5."""
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", mention.text)
    if digits is None:
        return 0.5
    written = float(digits.group(0).replace(",", ""))
    step = 10 ** -len(digits.group(1) or "")
    scale = mention.value.value / written if written else 1
    return 0.5 * step * scale


def figure_slip(stated: Mention, recorded: FactValue) -> bool:
    """Is a stated whole number a slip of the recorded one: one digit off ("28" for 27, "412" for 402), two
    neighbouring digits swapped ("756" for 765), or a zero dropped from thousands ("80,000" for 800,000)? Any
    other figure is likely another tally's."""
    value = stated.value
    if isinstance(value, NumberValue) and value.qualifier in _ROUNDING and isinstance(recorded.value, int) \
            and not isinstance(recorded.value, bool) and value.value == int(value.value) and recorded.qualifiers.get("scale", 1) == 1:
        # "about $65,000" for 56,000: an approximation rounds a figure, it does not swap two of its digits
        said, kept = str(int(value.value)), str(recorded.value)
        return digits_swapped(said, kept) and "0" not in {a for a, b in zip(said, kept) if a != b}
    # a round figure as written ("£250,000", read as 245,000–255,000) is compared by its digits too
    if not isinstance(value, NumberValue) or value.qualifier is not None or isinstance(recorded.value, bool):
        return False
    written = re.search(r"\d[\d,]*(?:\.(\d+))?", stated.text)
    # (a figure kept at a key's scale is compared in plain units: `group_revenue_gbp_m: 614.3` is £614,300,000)
    scale = recorded.qualifiers.get("scale", 1)
    kept_value = number_of(recorded) if isinstance(recorded.value, (int, float)) else recorded.value
    if isinstance(recorded.value, float) and written is not None and written.group(1):
        # a decimal compared to the places it is written with: "41.36 per cent" for 44.36, "63.5 per cent" for 60.52
        places = len(written.group(1))
        return digit_slip(f"{value.value:.{places}f}", f"{kept_value:.{places}f}")
    if not (isinstance(recorded.value, int) or scale != 1 and float(kept_value).is_integer()) or value.value != int(value.value):
        return False
    said, kept = int(value.value), int(kept_value)
    # a zero dropped or doubled in a figure of thousands ("80,000 doses" for 800,000): too few digits for another
    # tally to lie a tenth away by chance
    return digit_slip(str(said), str(kept)) or min(abs(said), abs(kept)) >= 1000 and (said == kept * 10 or kept == said * 10)


# a month's name as copy writes it, in full or cut short ("Sept."): a regex fragment
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

# the words that round a figure ("about", "nearly"), not those that bound it ("more than")
_ROUNDING = ABOUT | NEARLY


def digit_slip(said: str, kept: str) -> bool:
    """Two figures written alike, one a typist's slip of the other: one digit changed ("28" for 27, "412"
    for 402) or two neighbouring digits swapped ("756" for 765)."""
    return said != kept and len(said) == len(kept) and (Hamming.distance(said, kept) == 1 or digits_swapped(said, kept))


def digits_swapped(first: str, second: str) -> bool:
    """Two neighbouring digits swapped, the point where it was: "207.3"/"270.3", and "68.7"/"67.8" (the
    digits 687 and 678: a typist swaps digits, and the point stays)."""
    digits, other = first.replace(".", ""), second.replace(".", "")
    return first != second and len(first) == len(second) and sorted(digits) == sorted(other) and OSA.distance(digits, other) == 1 \
        and first.find(".") == second.find(".")


def date_slip(stated, recorded, year_guessed: bool = False) -> bool:
    """Does a stated date (a DateValue) differ from the recorded day by a slip: its year alone, (of one
    month) its day alone, or its month alone by one ("21 October 1915" for 1915-11-21)? A day written
    without its year ("on 12 September") has only its day to slip."""
    day = stated.earliest
    if stated.precision == "day" and year_guessed:
        return day.month == recorded.month and day.day != recorded.day
    if stated.precision == "day":
        return (day.month, day.day) == (recorded.month, recorded.day) and day.year != recorded.year \
            or (day.year, day.month) == (recorded.year, recorded.month) and day.day != recorded.day \
            or (day.year, day.day) == (recorded.year, recorded.day) and abs(day.month - recorded.month) == 1
    if stated.precision == "month":
        return day.month == recorded.month and day.year != recorded.year
    return False


def year_slip(stated, recorded) -> bool:
    """Does a month or a year the article writes (a DateValue) slip from the record's year (`2011`,
    "December 2018" written in words, or a day's): the same month, if both have one, and a year one digit or two
    years off ("April 2012" for 2011; "December 2019" for December 2018)?"""
    if not isinstance(stated, DateValue) or stated.precision not in ("month", "year"):
        return False
    if isinstance(recorded, int) and not isinstance(recorded, bool) and 1000 <= recorded <= 2300:
        year, month = recorded, None
    elif isinstance(recorded, DateValue) and recorded.precision in ("month", "year"):
        year, month = recorded.earliest.year, recorded.earliest.month if recorded.precision == "month" else None
    elif isinstance(recorded, dt.date):  # a day kept, a month or a year told: "in 1966" for 1965-01-30
        year, month = recorded.year, recorded.month
    else:
        return False
    said = stated.earliest.year
    if said == year or month is not None and stated.precision == "month" and stated.earliest.month != month:
        return False
    return abs(said - year) <= 2 or sum(a != b for a, b in zip(str(said), str(year))) == 1


def row_figure(value) -> float | int | None:
    """The figure of a row of a table kept by names (`votes: {Akhmed Yakoob (Independent): 69621}` is the
    value "Akhmed Yakoob (Independent)" with its figure as detail), or None for any other value."""
    detail = value.qualifiers.get("detail")
    if isinstance(value.value, str) and isinstance(detail, (int, float)) and not isinstance(detail, bool):
        return detail
    return None


def records_named_in_part(analysis: Analysis) -> list:
    """The records the article names, and those whose name (or alias) it gives every proper word of,
    apart: "BHP's 2024 approach for Anglo American" in a story of "BHP" and "Anglo American", the
    "Chevron-Hess deal" in one of Chevron and Hess — a newsroom names a story's record in its own words."""
    records = {link.record.id: link.record for link in analysis.links if link.exact}
    words = {token.norm for token in analysis.tokens if analysis.document.text[token.start].isupper()}
    every_word = {token.norm for token in analysis.tokens}
    by_word = analysis.records.facts_memo("proper-name-words", _proper_name_words)
    for word in words:
        for record, proper, nouns in by_word.get(word, ()):
            if record.id not in records and all(other in words for other in proper) and all(noun in every_word for noun in nouns):
                records[record.id] = record
    return list(records.values())


def _proper_name_words(records) -> dict[str, list]:
    """Each proper word of a name of two proper words or more → (record, the name's proper words, ()),
    and of a name of one proper word and its own nouns ("Morocco earthquake", "Ofgem energy price cap, 1 January
    to 31 March 2025": the article writes "Morocco" and, anywhere, "earthquake") → (record, (proper,), nouns),
    for the records (not people) with figures: built once for the run."""
    by_word: dict[str, list] = {}
    for record in records:
        if record.type == "person" or not any(isinstance(v.value, (int, float)) for values in record.facts.values() for v in values):
            continue
        for name in record.names:
            tokens = tokenize(name)
            proper = tuple(t.norm for t in tokens if name[t.start].isupper() and not is_common_word(t.norm))
            # the name's head: its words before a comma or a bracket ("Ofgem energy price cap" of "…, 1 January to 31 March")
            head = [t for t in tokens if not re.search(r"[,(]", name[:t.start])]
            if head and re.fullmatch(r"(?:1[89]|20)\d\d", head[0].norm):
                head = head[1:]  # (a year before it names no other thing: "2011 Christchurch earthquake")
            nouns = [t for t in head[1:] if not t.norm.isdigit()]  # (a year in the name is no noun: "Wimbledon 2023 prize money")
            if len(proper) >= 2:
                by_word.setdefault(proper[0], []).append((record, proper, ()))
            elif len(proper) == 1 and head and nouns and head[0].norm == proper[0] \
                    and all(name[t.start].islower() and t.norm.isalpha() for t in nouns) \
                    and max(len(t.norm) for t in nouns) >= 5:
                by_word.setdefault(proper[0], []).append((record, proper, tuple(t.norm for t in nouns)))
    return by_word


def fits_unit(figure, unit: str) -> bool:
    """A percentage against a table of percentages, money against one of money, a count against the rest."""
    unit = str(unit)
    percent, money = unit.lower() in ("percent", "percentage"), unit in CURRENCIES.values()  # (the records' "USD", "GBP" …)
    if figure.label == "percent" or percent:
        return figure.label == "percent" and percent
    if figure.label == "money" or money:
        return figure.label == "money" and money
    return True


def scale(value: float, written: str) -> float:
    """The power of ten a figure's scale word gives it ("763.4 million": a million), or 1."""
    try:
        ratio = value / float(written)
    except (ValueError, ZeroDivisionError):
        return 1.0
    for power in (1e3, 1e6, 1e9, 1e12):
        if abs(ratio - power) < 1e-6 * power:
            return power
    return 1.0


def written_digits(written: str) -> str:
    found = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    return found.group(0).replace(",", "") if found else ""


def digits(value: float, like: str) -> str:
    """The record's figure written with as many decimals as the article's."""
    decimals = len(like.split(".")[1]) if "." in like else 0
    return f"{value:.{decimals}f}" if decimals or float(value).is_integer() else str(value)


def name_in(sentence: str, name: str) -> tuple[int, int] | None:
    """Where the name stands in the (folded) sentence, or else its last word (a surname, of four letters
    or more, of a name of two words or more)."""
    key = fold(name)
    found = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", sentence)
    last = key.split()[-1] if key.split() else ""
    if found is None and len(last) >= 4 and " " in key:
        found = re.search(rf"(?<!\w){re.escape(last)}(?!\w)", sentence)
    return found.span() if found else None


def sentence_text(analysis: Analysis, offset: int) -> str:
    """The sentence holding `offset`, in lower case: what a check asks of the words around a value."""
    sentence = analysis.sentence_of(offset)
    return analysis.document.text[sentence.start:sentence.end].lower()
