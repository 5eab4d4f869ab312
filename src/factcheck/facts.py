"""What a record's fact measures, read from the newsroom's own key and value.

Newsrooms name facts in their own words: `opening_weekend_domestic_usd`,
`worldwide_gross_usd_as_of_2022_12_29`, `revenue_fy2023`, `age_at_final`. A key is
split into words; its suffixes say the unit (`_usd`, `_minutes`, `_km`,
`_percent`), that the value is a year or a date (`_year`, `_date`), and when it
holds (`_as_of_2022_12_29`, `_fy2023`, `_2024`, `_q3`). What is left are the words
an article uses for the fact ("opening weekend", "domestic"). Units are asked of
pint, loaded only when a key ends in a word this module does not know.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from factcheck.lexicon import MONTHS
from factcheck.model import DateValue

CURRENCIES = {"usd": "USD", "dollars": "USD", "dollar": "USD", "eur": "EUR", "euros": "EUR", "euro": "EUR",
              "gbp": "GBP", "pounds_sterling": "GBP", "sterling": "GBP", "jpy": "JPY", "yen": "JPY", "inr": "INR",
              "rupees": "INR", "cny": "CNY", "yuan": "CNY", "aud": "AUD", "cad": "CAD", "chf": "CHF", "ngn": "NGN", "naira": "NGN",
              "krw": "KRW", "sek": "SEK", "kronor": "SEK", "nok": "NOK", "dkk": "DKK", "zar": "ZAR", "rand": "ZAR", "mxn": "MXN",
              "brl": "BRL", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "aed": "AED", "sar": "SAR", "pln": "PLN"}
PERCENT_WORDS = {"percent", "pct", "per_cent", "percentage", "share"}
# scale words in keys: revenue_usd_millions is in millions of dollars
SCALES = {"thousands": 1e3, "thousand": 1e3, "k": 1e3, "millions": 1e6, "million": 1e6, "m": None, "mn": 1e6,
          "billions": 1e9, "billion": 1e9, "bn": 1e9, "trillions": 1e12, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
# words that say nothing about which fact a value is: never a trigger on their own
GENERIC_WORDS = {"number", "count", "total", "value", "amount", "figure", "num", "no", "n", "of", "the", "a", "an",
                 "at", "in", "on", "for", "to", "by", "and", "or", "with", "is", "was", "as", "per", "from", "data",
                 "info", "stat", "stats", "official", "reported", "final", "overall", "current", "latest", "through",
                 "thru", "till", "until", "asof"}
_SPLIT = re.compile(r"[_\W]+|(?<=[a-z])(?=[A-Z])")
_QUARTER = re.compile(r"^q([1-4])$")
_FISCAL = re.compile(r"^fy(\d{2}|\d{4})$")
_YEAR = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")


@dataclass(frozen=True)
class KeyMeaning:
    """A fact key read as words, a unit and a time scope."""

    key: str
    words: tuple[str, ...]  # what the article may call the fact, in the key's order
    unit: str | None = None  # "USD", "percent", "year", "date", or a pint unit name ("minute", "kilometer")
    scale: float = 1.0  # the key's values are in thousands, millions …
    year: int | None = None  # the fact holds for this (fiscal) year
    quarter: int | None = None
    as_of: dt.date | None = None
    scope: tuple[str, ...] = ()  # words after a preposition: age_at_final → ("final",), the when or where
    ordinal: bool = False  # the value is a place in a series: spain_title_number, novel_no, rank


@lru_cache(maxsize=4096)
def describe_key(key: str) -> KeyMeaning:
    parts = [p.lower() for p in _SPLIT.split(str(key)) if p]
    if parts in (["year"], ["years"], ["date"]):  # a sub-key such as box_office.year or previous_record.date
        return KeyMeaning(str(key), tuple(parts), "date" if parts == ["date"] else "year")
    words: list[str] = []
    unit: str | None = None
    scale = 1.0
    year = quarter = None
    as_of = None
    index = 0
    while index < len(parts):
        part = parts[index]
        rest = parts[index + 1:]
        if part == "as" and rest[:1] == ["of"]:
            as_of, used = _date_from(rest[1:])
            if as_of is not None:
                index += 2 + used
                continue
        if words[-1:] == ["per"]:
            # what a rate is counted by (`list_price_usd_per_year`, `price_cfa_per_kg`): a scope of the figure,
            # never its unit, which stays the currency or count before it
            words.append(part)
            index += 1
            continue
        if _YEAR.match(part) and index > 0:
            date, used = _date_from(parts[index:])
            if used > 1:
                as_of = date
                index += used
                continue
            year = int(part)
            index += 1
            continue
        fiscal = _FISCAL.match(part)
        if fiscal:
            year = int(fiscal.group(1)) if len(fiscal.group(1)) == 4 else 2000 + int(fiscal.group(1))
            index += 1
            continue
        if _QUARTER.match(part):
            quarter = int(part[1])
            index += 1
            continue
        if part in CURRENCIES and index > 0:
            unit = CURRENCIES[part]
        elif part in PERCENT_WORDS and index > 0 and not rest:
            unit = "percent"
        elif part in SCALES and SCALES[part] and index > 0:
            scale = SCALES[part]
        elif part == "m" and unit in CURRENCIES.values():
            scale = 1e6  # after a currency, "m" is millions: `group_revenue_gbp_m` (alone, `height_m`, it is metres)
        elif part == "m" and not rest and index > 0 and unit is None and _LENGTH_WORDS & set(words):
            unit = "meter"  # `tower_height_above_high_tide_m` (not `viewers_m`: millions, as likely as metres)
        elif part in ("year", "years") and not rest and index > 0 and words[-1:] != ["light"]:
            unit = "year" if not words or words[-1] not in ("age",) else "years"
        elif part == "date" and not rest and index > 0:
            unit = "date"
        elif not rest and index > 0 and unit is None and words[-1:] and words[-1] in POWER_WORDS \
                and (measured := power_unit(words[-1], part)) is not None:
            unit = measured  # `area_square_miles`: an area, `volume_cubic_metres` a volume
            words.pop()
        elif not rest and index > 0 and unit is None and (measured := unit_name(_KEY_UNIT_CASE.get(part, part))) is not None \
                and (part != "in" or words[-1:] and words[-1] in _MEASURED_IN_INCHES) and "magnitude" not in words:
            # (`magnitude_mw`: a quake's moment magnitude, no megawatt)
            unit = measured
        else:
            words.append(part)
        index += 1
    if not words and parts:
        words = [p for p in parts if not _YEAR.match(p)] or parts[:1]
    scope: tuple[str, ...] = ()
    for index, word in enumerate(words):
        if index and word in SCOPE_PREPOSITIONS:
            words, scope = words[:index], tuple(w for w in words[index + 1:] if w not in GENERIC_WORDS)
            break
    # "world_ranking", "rank_among_costliest_us_hurricanes": the head, before any scope, is a place in an order
    ordinal = bool(words) and words[-1] in ORDINAL_KEY_WORDS and (len(parts) > 1)
    return KeyMeaning(str(key), tuple(words), unit, scale, year, quarter, as_of, scope, ordinal)


def _date_from(parts: list[str]) -> tuple[dt.date | None, int]:
    """A date written in key parts: 2022_12_29 (three parts) or 2022 (one, the year's end)."""
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]) and _YEAR.match(parts[0]):
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), 3
        except ValueError:
            pass
    if parts and _YEAR.match(parts[0]):
        return dt.date(int(parts[0]), 12, 31), 1
    return None, 0


# the words of a key that measures a length, before which a bare "m" is metres
_LENGTH_WORDS = {"height", "length", "span", "depth", "width", "elevation", "altitude", "distance", "diameter", "radius",
                 "tall", "long", "wide", "deep", "high"}
# a key is written in lower case, where pint reads a unit's symbol by its case: `capacity_mw` is in
# megawatts (pint's "mw" would be none, "mW" milliwatts, which no newsroom keeps)
_KEY_UNIT_CASE = {f"{prefix}{unit}": f"{prefix.upper() if prefix != 'k' else 'k'}{unit.upper() if unit == 'w' else 'Wh'}"
                  for prefix in ("k", "m", "g", "t") for unit in ("w", "wh")}
# "rainfall_in" is in inches; "sworn_in", "born_in" and "died_in" end in a preposition
_MEASURED_IN_INCHES = {"height", "length", "width", "depth", "rainfall", "rain", "snowfall", "snow", "diameter", "size",
                       "screen", "display", "thickness", "span", "wingspan", "reach", "tall", "long", "wide", "deep"}
ORDINAL_KEY_WORDS = {"number", "no", "nth", "ordinal", "rank", "ranking", "position", "place", "seed"}
# "age_at_final", "titles_in_last_five_seasons": what follows says when or where, the head comes before
SCOPE_PREPOSITIONS = {"at", "in", "on", "for", "after", "before", "since", "during", "until", "to", "of", "from", "per", "as", "by", "vs",
                      "among", "amongst", "between", "within", "behind",
                      # what a count takes in or leaves out is its scope, not its head: `matches_including_non_tests`
                      # counts matches, not Tests
                      "including", "incl", "excluding", "excl", "except"}
# a key's head word as an article writes it: the age of a person is "the 23-year-old"
# how copy says a key's head word without writing it: "aged 46" is an age, "lasted 4 hours" a duration
HEAD_FORMS = {"age": (("year-old",), ("year", "old"), ("years", "old"), ("aged",)),
              "duration": (("lasted",), ("lasting",), ("lasts",)),
              "weight": (("weighs",), ("weighed",), ("weighing",)),
              # a change told by its way: `share_change_2024_07_19_percent` is how far the shares "fell" or "rose"
              "change": tuple((verb,) for verb in ("rose", "fell", "jumped", "dropped", "slid", "climbed", "gained", "lost",
                                                   "surged", "slumped", "plunged", "tumbled", "soared", "sank", "declined"))}
# a key's head as the verb copy says it with: `construction_start` is when "construction began"
HEAD_VERBS = {"start": ("began", "begun", "begin", "begins", "beginning", "commenced"),
              "end": ("ended", "ends", "finished", "concluded")}
# a key's head and the other words copy tells the same act with: `found: September 2014` is when the
# hoard was "uncovered"
HEAD_SAID_AS = {word: tuple(w for w in group if w != word)
                for group in (("found", "discovered", "uncovered", "unearthed"), ("arrived", "reached"), ("passed", "overtook", "surpassed"),
                              ("discovery", "find", "finding"), ("verdict", "guilty", "convicted", "acquitted"),
                              ("shared", "jointly"),
                              # a player's caps are the Tests (internationals) played: "37 tries in 63 Tests"
                              ("caps", "tests"))
                for word in group}
# a key's other words and the words copy tells them with: `construction_start` is when "work began"
WORD_SAID_AS = {"construction": ("work", "works", "building")}
# heads too common alone to tie a figure: "the age of steam"
HEADS_NEVER_ALONE = {"age"}
# words that make such a value another time's: "since I was 15 years old" is no age now
HEAD_BLOCKERS = {"age": (("was",), ("were",), ("had", "been"))}


# unit words pint reads as something other than what a key means by them
_NOT_UNITS = {"c", "f", "g", "h", "s", "t", "a", "b", "k", "l", "min", "max", "rank", "place", "points", "point", "goals",
              "seats", "votes", "people", "runs", "wins", "age", "gross", "final", "round", "day", "days", "second", "seconds",
              "year", "years", "month", "months", "week", "weeks", "yes", "no", "won", "lost",
              "mps"}  # (`nomination_threshold_mps`: members of parliament, not metres a second)
_TIME_UNITS = {"minutes": "minute", "minute": "minute", "mins": "minute", "hours": "hour", "hour": "hour", "hrs": "hour",
               "seconds": "second", "secs": "second", "days": "day", "weeks": "week", "months": "month",
               "years": "year", "year": "year"}


def unit_name(word: str) -> str | None:
    """pint's name of a unit word ("km" → "kilometer", "inches" → "inch"), or None when it is no unit."""
    return _unit_name(word) or (_unit_name(word[:-1]) if word.endswith("s") else None)  # pint reads most plurals, not all


POWER_WORDS = {"square": 2, "sq": 2, "cubic": 3, "cu": 3}


def power_unit(power: str, word: str) -> str | None:
    """pint's name of an area or a volume ("square miles" → "mile**2", `sq_km` → "kilometer**2"): a length
    unit after "square" or "cubic", which is no length (240 square miles is no distance of 240 miles)."""
    base = unit_name(word)
    exponent = POWER_WORDS.get(power)
    return f"{base}**{exponent}" if base and exponent else None


@lru_cache(maxsize=1024)
def _unit_name(word: str) -> str | None:
    if word in _TIME_UNITS:
        return _TIME_UNITS[word]
    if "/" in word:  # "km/h", "m/s": a rate, each side a unit
        parts = word.split("/")
        if len(parts) != 2 or not all(_unit_name(part) or part in ("h", "s", "m", "g") for part in parts):
            return None
    elif word in _NOT_UNITS or len(word) < 2 or not word.isalpha():
        return None
    registry = units()
    try:
        readings = registry.parse_unit_name(word)
        parsed = registry.parse_units(word)
    except Exception:  # pint raises several kinds for a word it does not know
        return None
    # pint knows thousands of units and reads a prefix into any word it can: "pct" is a picocarat,
    # "section" a square survey mile, "us" a microsecond, "at" a technical atmosphere. A word is a
    # unit only when pint can read it as a measure news copy uses, with no prefix or a metric one.
    if "/" not in word and not any(unit in NEWS_UNITS and (not prefix or (prefix in METRIC_PREFIXES and unit in PREFIXABLE_UNITS)
                                                           or prefix in SMALL_PREFIXES and unit in SMALL_PREFIXABLE_UNITS and word not in ("um", "ug", "nm"))
                                   for prefix, unit, _ in readings):
        return None
    return str(parsed) if parsed.dimensionality else None


# the measures news copy gives, in pint's names, and the ones a metric prefix may go with ("km", "mg")
NEWS_UNITS = {"meter", "inch", "foot", "yard", "mile", "nautical_mile", "gram", "pound", "ounce", "stone", "ton", "metric_ton",
              "tonne", "liter", "gallon", "barrel", "acre", "hectare", "degree_Celsius", "degree_Fahrenheit", "kelvin",
              "mile_per_hour", "kilometer_per_hour", "meter_per_second", "knot", "watt", "watt_hour", "joule", "calorie",
              "byte", "bit", "force_pound", "newton", "pascal", "bar", "foot_per_second"}
PREFIXABLE_UNITS = {"meter", "gram", "liter", "watt", "watt_hour", "joule", "calorie", "byte", "bit", "newton", "pascal"}
METRIC_PREFIXES = {"kilo", "centi", "milli", "mega", "giga", "tera"}
# the small prefixes, for the masses and lengths of science copy only ("96 nanograms", `intake_ng`, "5 µm"): with
# other units their abbreviations are too often words or initials ("nW" of "NW"), and "nm" is as often nautical miles
SMALL_PREFIXES = {"micro", "nano"}
SMALL_PREFIXABLE_UNITS = {"gram", "meter"}


@lru_cache(maxsize=1)
def units():
    """pint's registry, loaded on first use (its import costs a quarter of a second)."""
    import sys

    # pint imports dask at its own import when dask is installed (factcheck's audit extra puts it
    # there), to handle dask arrays factcheck never gives it: 0.2 s of every worker's start. Hidden
    # from pint while it loads, unless something here already uses it; importable again afterwards.
    hidden = [name for name in ("dask", "xarray") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # an import of it raises ImportError
    try:
        import pint
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return pint.UnitRegistry(cache_folder=":auto:")


# --- facts no vocabulary describes: a fact spec read from the key and the values ----------------

# words of a key too vague to tie a value to the fact on their own ("time", "first")
VAGUE_WORDS = GENERIC_WORDS | {
    "time", "opening", "first", "second", "third", "half", "final", "previous", "prior", "new", "old", "year", "day",
    "date", "top", "high", "low", "best", "main", "team", "home", "away", "game", "match", "season", "record", "place",
    "round", "score", "role", "type", "name", "status", "note", "notes", "source", "official", "other", "end", "start",
    "last", "next", "long", "short", "big", "small", "full", "part", "series", "event", "us", "uk", "world", "global",
    "domestic", "international", "local", "national", "age", "at", "when", "since", "until", "during", "after", "before",
    "over", "under", "off", "out", "up", "down",
}
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "ance", "ence", "ments", "ment", "s", "e")
TIME_UNITS = {"minute": "minutes", "hour": "hours", "day": "days"}


def stem(word: str) -> str:
    """A trigger pattern for a key word: its stem and a star ("release" → "releas*", "attendance" → "attend*")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + "*"
    return word + "*" if len(word) >= 4 else word


# inflections a key word and an article's word may differ by ("wins" / "winner" / "winning",
# "nominations" / "nominated"); longest first
_INFLECTIONS = ("ations", "ation", "ating", "ated", "ates", "ate", "ances", "ance", "ences", "ence", "nings", "ning",
                "ners", "ner", "ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "s", "e")


@lru_cache(maxsize=16384)
def word_base(word: str) -> str:
    """A word without its inflection, for comparing a key's words with an article's: "wins",
    "winner", "winning" → "win"; "nominations", "nominated" → "nomin"; "goals" → "goal".
    Irregular forms ("won") are the parse's business (SyntaxToken.lemma) and come in as their
    dictionary form."""
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                base += "y"
            elif len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiosl":  # "winn" → "win"
                base = base[:-1]
            return base
    return word


@lru_cache(maxsize=1)
def _vague_bases() -> frozenset[str]:
    # a preposition's stem is no noun's: "during" would make "duration" vague
    prepositions = {"after", "before", "during", "since", "under"}
    return frozenset(word_base(word) for word in VAGUE_WORDS - prepositions)


def key_triggers(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Phrases of the key's words an article may use: the whole key, each pair of neighbours,
    and each word that is specific enough alone. The last word of a phrase is stemmed."""
    # (a month says when the value held, as a year does: `max9_fleet_january_2024` is the fleet, not January)
    content = [w for w in words if w not in GENERIC_WORDS and w.isalpha() and w not in MONTHS]
    phrases: list[tuple[str, ...]] = []
    numbered = [w for w in words if w not in GENERIC_WORDS and (w.isalpha() or w.isdigit()) and w not in MONTHS]
    if len(numbered) > len(content) and len(content) >= 1 and numbered[-1].isalpha():
        # "Phase 1 report" for `phase_1_report`: the whole key, its number in its place
        phrases.append(tuple(numbered[:-1]) + (stem(numbered[-1]),))
    if len(content) >= 2:
        phrases.append(tuple(content[:-1]) + (stem(content[-1]),))
        phrases.append((content[-2], stem(content[-1])))  # the head and the word before it
        # "construction_start": "Construction began", "Work began"
        for before in (content[-2], *WORD_SAID_AS.get(content[-2], ())):
            phrases.extend((before, said) for said in HEAD_VERBS.get(content[-1], ()))
    if len(content) >= 2 and content[-1] in PERSON_ROLES and content[-2].endswith("ing") and len(content[-2]) > 6:
        # `dissenting_judge`, `presiding_judge`: the one the verb says did it ("Lord Burnett dissented")
        phrases.append((stem(content[-2]),))
    # alone, only the word the key is about (its last: "nominations" of oscar_nominations, not "oscar")
    head = content[-1] if content else ""
    # "years" is as vague as "year", "titles" as specific as "title"
    vague = head in VAGUE_WORDS or word_base(head) in _vague_bases()
    # (a head of three letters with no vowel is an initialism, as specific as a long word: `phd`, `gdp`, `mvp`)
    initialism = len(head) == 3 and not re.search(r"[aeiouy]", head)
    if head and not vague and head not in HEADS_NEVER_ALONE and (len(head) >= 4 or initialism):
        phrases.append((stem(head),))
        phrases.extend((stem(said),) for said in HEAD_SAID_AS.get(head, ()))
    elif len(content) >= 2:
        phrases.extend((content[-2], stem(said)) for said in HEAD_SAID_AS.get(head, ()))
    return tuple(dict.fromkeys(phrases))


def key_context(key: str) -> tuple[str, ...]:
    """Stems of the words that narrow a key: its list's (`eurovision_wins.points` is a win's points, not
    any points) and those after a preposition (`goals_in_world_cup_finals`)."""
    parts = key.split(".")
    words: list[str] = []
    if len(parts) > 1:
        words += describe_key(parts[-2]).words
    # a vague scope ("age_on_final_day") narrows nothing an article would repeat; nor does where a thing done came
    # from or who did it (`released_from_dart`: LICIACube was released once, "released on Sept. 11" says it)
    if not re.search(r"(?:^|_)[a-z]{3,}ed_(?:from|by|with)_", parts[-1]):
        words += [w for w in describe_key(parts[-1]).scope if w not in VAGUE_WORDS]
    return tuple(dict.fromkeys(stem(w) for w in words if w.isalpha() and len(w) >= 3 and w not in GENERIC_WORDS))


# a key that holds an average ("finals_averages.rebounds", "points_per_game_avg") is a rate over
# many occasions: a sentence gives it only when it says so ("averaged 14 rebounds", "a mean of"),
# never the one game's "28 points and 16 rebounds"
AVERAGE_WORDS = ("average", "averages", "averaged", "avg", "mean", "median")


def is_average(key: str) -> bool:
    return any(word.lower() in AVERAGE_WORDS for word in _SPLIT.split(key))


def fact_key_words(key: str) -> tuple[str, ...]:
    """The words of a (dotted) key; a sub-key that only says "date", "year" or "value"
    (previous_record.date) leaves the head to its parent ("record")."""
    parts = [describe_key(part).words for part in key.split(".")]
    if len(parts) > 1 and (all(w in VAGUE_WORDS or w == "value" for w in parts[-1]) or sub_key_unit(key)):
        parts = parts[:-1]  # and `max_distance.miles` says what the distance is measured in, not what it is
    return tuple(w for words in parts for w in words)


def unit_label(unit: str) -> str:
    """pint's unit name as copy writes a plural: knot → knots, foot → feet, mile_per_hour → miles per hour."""
    words = unit.split("_")
    head = {"foot": "feet", "inch": "inches", "celsius": "celsius"}.get(words[0].lower(), words[0] + ("" if words[0].endswith("s") else "s"))
    return " ".join([head, *words[1:]])


# units of measure (in pint's names) and the words copy writes them with
MEASURE_WORDS = {
    "foot": ("foot", "feet"), "mile": ("mile*",), "kilometer": ("kilomet*", "kilometr*"), "meter": ("metre*", "meter*"),
    "yard": ("yard*",), "inch": ("inch*",), "hectare": ("hectare*",), "acre": ("acre*",), "metric_ton": ("tonne*",),
    "kilogram": ("kilogram*", "kilo*"), "liter": ("litre*", "liter*"), "gallon": ("gallon*",),
}


def _sole_fact_in_its_unit(record, key: str) -> bool:
    unit = sub_key_unit(key)
    return unit is not None and sum(1 for other in record.facts if sub_key_unit(other) == unit) == 1


def sub_key_unit(key: str) -> str | None:
    """The unit a dotted key's last part names on its own (`diameter.feet`, `distance.km`), in pint's words."""
    if "." not in key:
        return None
    part = key.rsplit(".", 1)[1].lower()
    return unit_name(part) if part not in _NOT_UNITS else None


def value_kind(key: str, values, person_names: frozenset = frozenset()) -> tuple[str, str | None] | None:
    """The vocabulary's value kind (and unit) a fact's values have, or None when they are not
    something the article's values can be compared with safely (free text, booleans)."""
    meaning = describe_key(key.rsplit(".", 1)[-1])
    plain = [v.value for v in values]
    if not plain or any(isinstance(v, bool) for v in plain):
        return None
    if all(isinstance(v, (dt.date, DateValue)) for v in plain):
        return "date", None
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, dt.date) for v in plain)
    if numbers:
        units = {v.qualifiers.get("unit") for v in values}
        unit = units.pop() if len(units) == 1 else None
        if unit in ("year", "date") and all(isinstance(v, int) and 1000 <= v <= 2300 for v in plain):
            return "date", None
        if unit in CURRENCIES.values():
            return "money", unit
        if unit in TIME_UNITS:
            return "duration", TIME_UNITS[unit]
        if unit == "percent":
            return "number", "percent"
        if unit is None:
            if meaning.ordinal and all(isinstance(v, int) and 0 < v < 1000 for v in plain):
                return "ordinal", None
            if _years(plain, meaning.words) or SINCE_KEY.search(key) and _years(plain, ("since",)):
                # co_founded_twitter: 2006; world_cups_played: [2006, 2010, …]; `lowest_turnout_since: 2001`,
                # `home_from: 1899`: the year it began
                return "date", None
            return "number", None
        return "quantity", unit
    # a name is a person's only when the records know that person: "Foreign Secretary" looks like one too
    from factcheck.text import name_key

    if all(isinstance(v, str) and name_key(v) in person_names for v in plain):
        return ("person-list" if len(plain) > 1 else "person"), None
    if HOLDER_KEY.fullmatch(key) and len(plain) == 1 and isinstance(plain[0], str) and _NAME_LIKE.fullmatch(without_note(plain[0])):
        return "person", None  # an office's holder is a person by what the key says
    words = fact_key_words(key)
    if words and words[-1] in PERSON_ROLES and len(plain) == 1 and isinstance(plain[0], str) \
            and _NAME_LIKE.fullmatch(without_note(plain[0])):
        return "person", None  # `referee: "Jérôme Garcès (France)"`: a role's holder, with a note
    if AGENT_KEY.search(key) and len(plain) == 1 and isinstance(plain[0], str) and _NAME_LIKE.fullmatch(without_note(plain[0])):
        return "person", None  # `presided_by: "Chief Justice Raymond Zondo"`: who did it, by what the key says
    if words and (words[-1] in PERSON_ROLES or words[-1] in DATED_ROLES) and (DATED_KEY.search(key) or all(held_when(v) for v in values)) \
            and all(isinstance(v, str) and _NAME_LIKE.fullmatch(without_note(v)) for v in plain):
        # `ceo_as_of: {date: 2024-02-06, value: Dave Calhoun}`, `chairman: [{name: K. Sivan, from: 2018-01,
        # to: 2022-01}, …]`: a role the newsroom dates names who held it then (checks._common.in_scope)
        return "person", None
    return None


# a key that names who did the thing its verb says: `presided_by`, `chaired_by`, `opened_by`
AGENT_KEY = re.compile(r"(?:^|[._])[a-z]+ed_by$")
# roles one person holds at a time, which change: a fact of one only when the newsroom says when
DATED_ROLES = {"ceo", "executive", "president", "governor", "mayor", "minister", "secretary", "chancellor", "premier",
               "commissioner", "spokesman", "spokeswoman", "spokesperson", "leader", "captain", "coach", "manager",
               "justice", "ambassador", "speaker", "director", "holder", "incumbent", "general", "chief", "head"}
# a key that says when its value held: `ceo_as_of`, `holder_dec_2020`, `governor_at_time`, `president_in_2016`
DATED_KEY = re.compile(r"(?:^|_)(?:as_of|at_time|at_the_time|then|in_office)(?:_|$)|(?:^|_)(?:1[89]|20)\d\d(?:_|$)")
# qualifiers that say when a value held
WHEN_QUALIFIERS = ("as_of", "asof", "date", "year", "from", "to", "since", "until", "till", "start", "end", "took_office",
                   "left_office", "in_office_since", "term_start", "term_end")


def held_when(value) -> bool:
    """Does a value say when it held (`{name: …, from: 2018-01}`, `{value: …, as_of: 2024-02-06}`)?"""
    return any(key in value.qualifiers for key in WHEN_QUALIFIERS)


# Who holds an office, in a newsroom's words: `holder`, `incumbent`, `current_holder: {name: …, since: …}`
HOLDER_KEY = re.compile(r"(?:current_|present_)?(?:holder|incumbent|occupant|office_?holder|post_?holder|held_by)"
                        r"(?:_(?:in_|as_of_|at_|on_|from_|since_)?(?:[a-z]+_)?(?:1[89]|20)\d\d(?:_\d{1,2}){0,2}|_as_of|_at_time|_then)?(?:\.name)?")
# (a peer's title may hold "of": "Lord Burnett of Maldon")
_NAME_LIKE = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:of\s+)?){1,3}[A-Z][\w'’.-]*")
# a key's last word that names the one person who filled a role in the event the record is about
# (not a team's captain or a party's leader: they change, and copy names former ones)
PERSON_ROLES = {"referee", "umpire", "auctioneer", "conductor", "presenter", "returning_officer", "commentator", "judge",
                "narrator", "chairman", "chairwoman", "chair", "mvp"}
_NOTE_AFTER = re.compile(r"\s*(?:\([^)]*\)|,.*)$")  # "Jérôme Garcès (France)", "Jussi Pylkkänen, Christie's president"


def without_note(text: str) -> str:
    """A name without the records' note after it: "Jérôme Garcès (France)" → "Jérôme Garcès"; notes one after
    another too: "Lord Burnett of Maldon (Lord Chief Justice), who accepted …"."""
    while (shorter := _NOTE_AFTER.sub("", text)) != text:
        text = shorter
    return text


# a key ending in "since" or "from" dates the start of what still holds: `lowest_turnout_since`, `home_from`
SINCE_KEY = re.compile(r"(?:^|_)(?:since|from)$")
# key words that say the value is when something happened, not how many
_WHEN_WORDS = {"born", "birth", "debut", "founding", "since", "season", "edition", "year", "years", "when"}
# the irregular participles of things done once, which "-ed" does not catch: `built: 1832` is the year it was built
_DONE_IRREGULAR = {"built", "rebuilt", "begun", "won", "held", "sold", "made", "laid", "struck", "sunk", "shot", "written", "drawn",
                   "sworn", "chosen", "broken", "shut", "torn", "rung", "sung", "lost", "led", "wed", "undertaken"}


def _years(values: list, words: tuple[str, ...]) -> bool:
    """Whole numbers that are years: all between 1800 and 2100, and either several of them (a list of
    seasons or tournaments) or under a key that names an event ("co_founded_twitter", "elected")."""
    if not values or not all(isinstance(v, int) and not isinstance(v, bool) and 1800 <= v <= 2100 for v in values):
        return False
    return len(values) > 1 or any(w in _WHEN_WORDS or w in _DONE_IRREGULAR or (w.endswith("ed") and len(w) > 4) for w in words) \
        or bool(words) and words[-1] in _EVENT_NOUNS  # "first_world_series_title: 2023": when it was won


# a key ending in one of these names a thing that happened: a lone figure of 1800–2100 under it is its year
_EVENT_NOUNS = {"title", "win", "victory", "debut", "launch", "release", "opening", "founding", "start", "end", "election",
                "edition", "final", "championship", "cup", "medal", "appearance", "visit", "landing", "flight", "premiere",
                "publication", "retirement", "death", "wedding", "marriage", "inauguration", "independence", "merger",
                "acquisition", "ipo", "listing", "closure", "split", "reunion", "tour", "album", "single", "award", "prize"}


def looks_like_person(text: str) -> bool:
    words = text.replace(".", ". ").split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words) and not any(c.isdigit() for c in text)


def borrowed_specs(records, curated) -> tuple[list, dict[str, set[str]]]:
    """A curated spec for a key a record of another type uses: a newsroom may file a lunar mission
    as an "event" or a club as a "team"; `launch_date` means the same whatever the type. Returns the
    specs, and for each record type the types whose nouns it borrows ("the mission")."""
    from dataclasses import replace

    by_key: dict[str, object] = {}
    for spec in curated:
        by_key.setdefault(spec.key, spec)
    known = {(spec.entity_type, spec.key) for spec in curated}
    found: dict[tuple[str, str], object] = {}
    borrowed: dict[str, set[str]] = {}
    person_names = _person_names(records)
    for record in records:
        for key, values in record.facts.items():
            spec = by_key.get(key)
            if spec is None and (dated := by_key.get(_undated_key(key))) is not None and dated.value in ("person", "person-list"):
                spec = dated  # `ceo_as_of: {date: …, value: Dave Calhoun}` is the `ceo` at a time
            if spec is None or (record.type, key) in known or (record.type, key) in found:
                continue
            kind = value_kind(key, values, person_names)
            if kind is not None and _value_family(kind[0]) != _value_family(spec.value):
                continue  # a ship's `crew: 25` is a count, not a mission's crew of named astronauts
            found[(record.type, key)] = replace(spec, entity_type=record.type, key=key)
            borrowed.setdefault(record.type, set()).add(spec.entity_type)
    return list(found.values()), borrowed


def _verb_forms(past: str) -> tuple[str, ...]:
    """A regular verb's forms from its past ("presided" → presided, preside, presides, presiding)."""
    if not past.endswith("ed") or len(past) < 5:
        return (past,)
    forms = [past]
    for base in (past[:-1], past[:-2]):  # preside(d), chair(ed)
        forms += [base, base + "s", (base[:-1] if base.endswith("e") else base) + "ing"]
    return tuple(dict.fromkeys(forms))


def _undated_key(key: str) -> str | None:
    """A key that says when its value held, without the words that say it (`ceo_as_of` → ceo,
    `holder_dec_2020` → holder), or None."""
    if "." in key or not DATED_KEY.search(key):
        return None
    words = [w for w in re.split(r"_+", re.sub(DATED_KEY, "_", key.lower())) if w and w not in MONTHS and w not in ("in", "on", "at")]
    return "_".join(words) or None


def _person_names(records) -> frozenset:
    from factcheck.text import name_key

    return frozenset(name_key(name) for record in records if record.type == "person" for name in record.names)


def _value_family(kind: str) -> str:
    """Figures, dates and names: kinds of value one key may not mean across two types."""
    if kind in ("number", "ordinal", "money", "duration", "quantity"):
        return "figure"
    return "date" if kind == "date" else "name"


# a key that is an award's title: "player_of_the_year", "college_of_the_year", "goal_of_the_month"
_AWARD_TITLE = re.compile(r"(?:^|_)of_the_(year|season|month|week|decade|tournament|match|series|game|race)$")


def derived_specs(records, known: set[tuple[str, str]]):
    """A FactSpec for each (entity type, fact key) of the records that the vocabulary does not
    describe: triggers from the key's words (and the fact's own `label:`/`triggers:`), the value
    kind and unit from its values. Such a spec ties only a value close to its words
    (`adjacent`-free, but see link.DERIVED_DISTANCE)."""
    from factcheck.rules import FactSpec, trigger_key

    found: dict[tuple[str, str], FactSpec] = {}
    person_names = _person_names(records)
    for record in records:
        for key, values in record.facts.items():
            if (record.type, key) in known or (record.type, key) in found:
                continue
            kind = value_kind(key, values, person_names)
            if kind is None:
                continue
            words = fact_key_words(key)
            triggers = list(key_triggers(words))
            per = re.search(r"(?:^|_)per_([a-z]+)", key.rsplit(".", 1)[-1].lower())
            if per and kind[0] == "money":
                # `price_per_share_usd`: "$59 a share", "$98 per share" say the fact without its head
                triggers.extend([("per", per.group(1)), ("a", per.group(1)), ("an", per.group(1))])
            if AGENT_KEY.search(key) and words:
                # `presided_by`: the verb's own forms ("presided", "presides", "presiding"), never its
                # stem, which is also a noun's ("presid*" would take "President")
                triggers = [(form,) for form in _verb_forms(words[-1])]
            title = _AWARD_TITLE.search(key.rsplit(".", 1)[-1].lower())
            if title and words:
                # `uscf_chess_college_of_the_year: 2004` is when an award was won, told by its title ("College of
                # the Year"), never by its head alone ("the college's small team competed last month")
                head = [w for w in words if w not in GENERIC_WORDS and w.isalpha()]
                triggers = [(*head[i:], "of", "the", title.group(1)) for i in range(max(0, len(head) - 2), len(head))]
            if _sole_fact_in_its_unit(record, key):
                # "Dimorphos measures about 560 feet across" beside `diameter: {feet: 530}`: the unit names
                # the fact when it is the record's one fact in that unit (not `max_distance.miles` beside
                # `previous_record.miles`, where "81 miles above the surface" is neither)
                triggers.extend(key_triggers((key.rsplit(".", 1)[1].lower(),)))
            if kind[1] in MEASURE_WORDS and sum(1 for other in record.facts if describe_key(other.rsplit(".", 1)[-1]).unit == kind[1]) == 1:
                # "The suspect circuit covers a 470-foot section of track" beside `suspect_track_circuit_length_ft: 740`:
                # a unit of measure the key ends in names the fact too, when it is the record's one fact in that unit
                triggers.extend((form,) for form in MEASURE_WORDS[kind[1]])
            if words and words[-1] in HEAD_FORMS:
                triggers.extend(HEAD_FORMS[words[-1]])
            labels = [v.qualifiers.get("label") for v in values if isinstance(v.qualifiers.get("label"), str)]
            for value in values:
                extra = value.qualifiers.get("triggers")
                for trigger in [extra] if isinstance(extra, str) else extra if isinstance(extra, list) else []:
                    if isinstance(trigger, str) and trigger_key(trigger):
                        triggers.append(trigger_key(trigger))
            for label in labels:
                triggers.append(trigger_key(label))
            triggers = [t for t in dict.fromkeys(triggers) if t]
            if not triggers and (kind[0] != "date" or len([w for w in words if w not in ("year", "date")]) > 1):
                # (a time of one word or none, `year: 1883`, `named_year: 2016`, is still checked where its record's
                # name dates it: link.own_year_claims)
                continue
            # `holder_dec_2020` is the holder: the month says when, as the year does
            label = labels[0] if labels else " ".join(w for w in words if w not in MONTHS) or key
            found[(record.type, key)] = FactSpec(
                entity_type=record.type, key=key, label=label, value=kind[0], triggers=tuple(triggers), unit=kind[1],
                derived=True, context=key_context(key), blockers=HEAD_BLOCKERS.get(words[-1], ()) if words else (),
            )
    return list(found.values())
