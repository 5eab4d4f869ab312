"""transposed: a figure given twice, once with two neighbouring digits swapped.

"the £207.3 million budget … within budget … the £270.3m project", "the $816 million grand
bargain … the $861 million deal": the same amount of the same kind (money in one currency, or
a count of the same noun) written with two adjacent digits swapped is a typist's slip, not a
second figure. The rarer form is reported (the later one on a tie). Only figures of three digits
or more (five for a count with no noun after it; four with a decimal point); never percentages, which share digits by
chance; two round figures ("81,000", "18,000") only when one is told as known ("the 57,000
strikers"); an approximate figure ("about", "more than") is never the slip and may be the figure meant
only when it has five digits or more; a form the article gives twice or more is taken to be meant.

A long figure (three significant digits or more) that is a record's figure with two neighbouring
digits swapped ("a crowd of 57,784" where the match's record says attendance 75,784) is the same
slip, found even when no word of the sentence names the fact: the chance that an unrelated figure
of that length is a transposition of one of the few figures of the records the article names is small.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from rapidfuzz.distance import OSA

from factcheck.checks._common import digits_swapped, records_named_in_part, row_figure
from factcheck.checks.base import CheckKind
from factcheck.facts import describe_key, fact_key_words
from factcheck.model import Analysis, DateValue, Evidence, Mention, NumberValue

_AN_AGE = re.compile(r"[\s-]+years?[\s-]+old\b", re.IGNORECASE)
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    figures = [(m, key) for m in analysis.mentions if (key := _key(text, m)) is not None]
    counts = Counter(key for _, key in figures)
    # an approximate figure of five digits or more ("more than 75,000 workers") may be the one meant,
    # never the slip; a shorter one is too often another figure rounded ("more than $109 billion" of
    # Ian's toll beside Katrina's "$190 billion")
    approximate = {m.start for m, _ in figures if m.value.qualifier is not None}
    figures = [(m, key) for m, key in figures if m.start not in approximate or len(key[1].replace(".", "")) >= 5]
    reported: set[int] = set()
    # (a value tied to two facts of one record is judged by none: "forecast at 130,793 adults, the second lowest
    # since 1997", against `forecast_2023_adults` and `lowest_forecast.adults`; a slip of a record's figure is then this rule's)
    facts_of: dict[tuple[int, str], set[str]] = {}
    for claim in analysis.claims:
        facts_of.setdefault((claim.value.start, claim.record.id), set()).add(claim.fact)
    claimed = {start for (start, _), facts in facts_of.items() if len(facts) == 1} \
        - {start for (start, _), facts in facts_of.items() if len(facts) > 1}
    record_figures = _record_figures(analysis)
    for index, (first, first_key) in enumerate(figures):
        for second, second_key in figures[index + 1:]:
            if first_key[0] != second_key[0] or not digits_swapped(first_key[1], second_key[1]):
                continue
            if _across_the_point(first_key[1], second_key[1]) and "\n\n" not in text[first.end:second.start]:
                # digits swapped across the point, in one paragraph: one dense paragraph's figures share
                # digits by chance ("… to $7.6 billion from $11.5 billion. … fell about 2.5%, to $15.1
                # billion"); a headline's "$68.7 billion" restated lower down as "$67.8 billion" is a slip
                continue
            if counts[first_key] >= 2 and counts[second_key] >= 2:
                continue  # both written more than once: two figures
            if _round(first_key[1]) and _round(second_key[1]) and not (_definite(text, first) or _definite(text, second)):
                # two round figures share their two digits by chance ("81,000 of them in temporary help", "18,000 in
                # accommodation"); one told as known ("the 57,000 strikers" after "more than 75,000 … workers") restates
                continue
            if _apart_by_another(text, analysis.mentions, first, second):
                continue  # "the 15.5-kilometre section" of a line that "runs 51.5 kilometres" with its "36-kilometre" first section
            if _of_other_days(analysis, first, second):
                continue  # "426 patients … on Friday, 10 March", "246 patients presented … on Monday, 20 February"
            slip, meant = (first, second) if counts[first_key] < counts[second_key] else (second, first)
            if slip.start in approximate:
                slip, meant = meant, slip
            if slip.start in approximate:
                continue  # two approximate figures: "about 12,000 … some 21,000" are rounded, not slips
            if slip.start in reported or slip.start in claimed:
                continue  # a record's fact stated twice: conflicting-values speaks of it
            if _digits(slip.value.value) in record_figures:
                continue  # the records keep the figure as written: another thing's, not a slip
            reported.add(slip.start)
            yield _swapped(analysis, rule, slip, meant, "the same figure")
    yield from _one_days_move(analysis, rule, reported)
    # against the records, a thousands figure needs no noun after it ("put the number of dead at 2,091 and
    # the number of injured at …" against `dead: 2901`): what a record's few figures share with it by
    # chance is small either way
    keyed = {m.start for m, _ in figures}
    figures += [(m, (("count", 1.0), m.text.replace(",", ""))) for m in analysis.mentions
                if m.start not in keyed and m.kind == "number" and isinstance(m.value, NumberValue) and not m.value.ordinal
                and m.value.qualifier is None and m.label != "percent" and re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.text)]
    # and a share written to two decimal places or three figures ("rose to 7.30%" against a record's 7.03), matched
    # with a share only
    figures += [(m, (("percent",), digits.group(0))) for m in analysis.mentions
                if m.kind == "number" and m.label == "percent" and isinstance(m.value, NumberValue) and m.value.qualifier is None
                and (digits := DIGITS.search(m.text)) is not None and len(digits.group(0).replace(".", "").lstrip("0")) >= 3]
    yield from _swapped_from_records(analysis, rule, figures, reported | claimed, record_figures)


_WEEKDAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOVED = (r"(?:jump|surg|soar|climb|ris|rose|gain|add|rall|advanc|fell|fall|drop|slid|slump|sank|sink|tumbl|plung|"
          r"declin|los|lost|shed|dipp|dip)\w*")
# a share's move on a named day, told by its verb ("shares jumped 16.4% on Thursday") or by the day's
# possessive ("Thursday's 14.6% surge")
_MOVE_BY_VERB = re.compile(rf"\b{_MOVED}\s+(?:by\s+|about\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_ON_THE_DAY = re.compile(rf"\s*(?:%|per\s?cent|percent)?\s+on\s+{_WEEKDAY}\b")
_DAYS_OWN = re.compile(rf"\b{_WEEKDAY}['’]s\s+$")
_MOVE_NOUN = re.compile(r"\s*(?:%|per\s?cent|percent)?\s+(?:surge|jump|rise|gain|rally|advance|climb|fall|drop|slide|slump|"
                        r"plunge|decline|loss|sell-off|selloff|tumble)\b", re.IGNORECASE)


def _one_days_move(analysis: Analysis, rule, reported: set[int]) -> Iterator:
    """"Nvidia shares jumped 16.4% on Thursday" … "Thursday's 14.6% surge": one day's move told twice, two neighbouring
    digits swapped. (Shares share digits by chance, so only a move tied to one named day, told both times.)"""
    text = analysis.document.text
    moves: dict[str, list[tuple[Mention, str]]] = {}
    for mention in analysis.mentions:
        if mention.kind != "number" or mention.label != "percent" or not isinstance(mention.value, NumberValue) \
                or mention.value.qualifier is not None or (digits := DIGITS.search(mention.text)) is None:
            continue
        before = text[max(0, mention.start - 30):mention.start]
        on = _ON_THE_DAY.match(text, mention.end) if _MOVE_BY_VERB.search(before) else None
        own = _DAYS_OWN.search(before) if _MOVE_NOUN.match(text, mention.end) else None
        if on or own:
            moves.setdefault((on or own).group(1), []).append((mention, digits.group(0)))
    for told in moves.values():
        counts = Counter(digits for _, digits in told)
        for index, (first, first_digits) in enumerate(told):
            for second, second_digits in told[index + 1:]:
                if not digits_swapped(first_digits, second_digits) or counts[first_digits] >= 2 and counts[second_digits] >= 2 \
                        or second.start in reported:
                    continue
                reported.add(second.start)
                yield _swapped(analysis, rule, second, first, "the same day's move")


def _swapped(analysis: Analysis, rule, slip: Mention, meant: Mention, fact: str):
    """The finding on a figure written with two digits swapped from the one the article meant."""
    line, _ = analysis.document.position(meant.start)
    written = analysis.document.source[slip.start:slip.end]
    return rule.finding(
        rule.message("swapped", stated=written, other=meant.text, line=line),
        slip.start, slip.end, written,
        suggestion=_rewritten(written, meant.text),
        evidence=Evidence(fact=fact, value=meant.text, source=f"this article, line {line}"),
    )


def _record_figures(analysis: Analysis) -> dict[str, tuple]:
    """The digits of each whole or decimal figure of the records the article names, with whose fact it is."""
    figures: dict[str, tuple] = {}
    for record in records_named_in_part(analysis):
        for key, values in record.facts.items():
            for value in values:
                number = value.value
                if (row := row_figure(value)) is not None:
                    number = row  # `votes: {Akhmed Yakoob (Independent): 69621}`: a row's figure
                if isinstance(number, bool) or not isinstance(number, (int, float)):
                    continue
                figures.setdefault(_digits(number), (record, key, value))
                scale = value.qualifiers.get("scale", 1)
                if scale != 1:  # `viewers_millions: {ep1: 6.45}` is 6,450,000 too, as "6.45 million" says
                    figures.setdefault(_digits(number * scale), (record, key, value))
    return figures


def _swapped_from_records(analysis: Analysis, rule, figures, skipped: set[int], known: dict[str, tuple]) -> Iterator:
    items = analysis.records.facts_memo("transposed:item-figures", _item_figures)
    if not known and not items:
        return
    stated = {_digits(m.value.value) for m, _ in figures}
    for mention, (_, written_digits) in figures:
        if mention.value.qualifier is not None:
            continue  # "about 57,000" is rounded, not a slip
        digits = _digits(mention.value.value)
        share = mention.label == "percent"
        if mention.start in skipped or digits in known or len((written_digits if share else digits.rstrip("0")).replace(".", "")) < 3:
            continue
        if 1000 <= mention.value.value <= 2100 and "," not in mention.text:
            continue  # a year's digits
        sentence = analysis.sentence_of(mention.start)
        said = analysis.document.text[sentence.start:sentence.end]
        matches = [(meant, fact) for meant, fact in known.items()
                   if meant not in stated and (digits_swapped(digits, meant) or _swapped_as_written(written_digits, meant))
                   and _row_named(fact[2], said)]
        if not matches and len(digits) >= 5:
            # a row of a table the article does not name, when the sentence names the row ("Mr Odinga … finished second
            # with 6,726,224 votes" against `declared_result: {Raila Odinga: {votes: 6762224}}` of "the 8 August election")
            matches = [(meant, fact) for meant, facts in items.items() if meant not in stated and digits_swapped(digits, meant)
                       for fact in facts if _names_its_last_word(fact[2].qualifiers["item"], said)]
        if len({(fact[0].id, fact[1], id(fact[2])) for _, fact in matches}) != 1:
            continue  # (one fact matched at its scale and as written is one match)
        meant, (record, key, value) = matches[0]
        if _AN_AGE.match(analysis.document.text, mention.end) or _a_share(key, value) != share:
            continue  # "the 124-year-old company" is no slip of a 142% premium: an age, and a share, are other measures
        written = analysis.document.source[mention.start:mention.end]
        yield rule.finding(
            rule.message("swapped_record", stated=written, other=_shown(value), fact=" ".join(fact_key_words(key)) or key, name=record.name),
            mention.start, mention.end, written,
            evidence=Evidence(record=record.id, fact=key, value=str(value), source=record.origin),
        )


def _a_share(key: str, value) -> bool:
    """Is the fact a percentage (`turnout_percent`, `fifteen_year_fixed_percent.this_week`, a value kept in per cent)?"""
    return value.qualifiers.get("unit") == "percent" or any(describe_key(part).unit == "percent" for part in key.split("."))


def _item_figures(records) -> dict[str, list[tuple]]:
    """The digits of every figure of five digits or more the records keep for a named row (`votes` of
    "Raila Odinga"), whether or not the article names the record: built once for the run."""
    figures: dict[str, list[tuple]] = {}
    for record in records:
        for key, values in record.facts.items():
            for value in values:
                if isinstance(value.qualifiers.get("item"), str) and isinstance(value.value, (int, float)) \
                        and not isinstance(value.value, bool) and value.value >= 10_000:
                    figures.setdefault(_digits(value.value), []).append((record, key, value))
    return figures


def _row_named(value, sentence: str) -> bool:
    """A row's figure of a table kept by names is the row's only in a sentence that names it ("Akhmed
    Yakoob came third with 69,261 votes"; not "still 115 behind" against Shan Masood's 151)."""
    if row_figure(value) is None:
        return True
    return _names_its_last_word(value.value, sentence)


def _names_its_last_word(name: str, sentence: str) -> bool:
    """Does the sentence write the name's last word, its note in brackets left out ("Yakoob" of "Akhmed Yakoob (Independent)")?"""
    words = re.sub(r"\s*\([^)]*\)", "", name).split()
    return bool(words) and re.search(rf"(?<!\w){re.escape(words[-1])}(?!\w)", sentence) is not None


def _shown(value) -> str:
    """A record's figure as the message shows it: a row's figure, not its name ("69621 for Akhmed Yakoob")."""
    if (row := row_figure(value)) is not None:
        return f"{row} for {value.value}"
    return str(value)


def _swapped_as_written(written: str, meant: str) -> bool:
    """Swapped digits that a trailing nought hides from the values: "£25.80" against 25.08, "1.0520"
    against a record's 1.0250 (read as 1.025) — the decimals compared as the article writes them."""
    if "." not in written or "." not in meant:
        return False
    decimals = len(written.split(".")[1])
    if len(meant.split(".")[1]) > decimals:
        return False
    return digits_swapped(written, f"{float(meant):.{decimals}f}")


def _digits(number) -> str:
    """75784 → "75784", 1.23e9 → "1230000000", 37.36 → "37.36"."""
    if float(number).is_integer():
        return str(int(number))
    return f"{number:.6f}".rstrip("0")


_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|IST|JST|local\s+time)\b")


def _key(text: str, mention: Mention) -> tuple[tuple, str] | None:
    """(what the figure measures, its digits) for a figure worth comparing, else None."""
    value = mention.value
    if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal:
        return None
    digits = DIGITS.search(mention.text)
    if digits is None:
        return None
    if text.startswith(":", mention.end):
        return None  # the minutes of a race time
    if _CLOCK_AFTER.match(text, mention.end):
        return None  # "7.50am local time (12.50 GMT)": a time of day, no figure
    plain = digits.group(0).replace(",", "")
    clock = re.search(r"(\d+):$", text[max(0, mention.start - 4):mention.start])
    if clock:
        # "3:59.95" and "3:59.59": a race time is compared whole, its minutes with its seconds ("8:05.07" is
        # no slip of "2:05.70")
        return ("clock",), clock.group(1) + plain
    if len(plain.replace(".", "")) < 3:
        return None
    written = float(plain)
    scale = round(value.value / written, 6) if written else 1
    if mention.label == "money":
        measure = ("money", mention.text[:digits.start()].strip().lower(), scale)
    elif mention.label == "percent":
        return None  # "20.59 percent from 20.95 percent": percentages share digits by chance
    elif len(plain.replace(".", "")) >= 5:
        measure = ("count", scale)  # "75,784" and "57,784": a figure that long is one figure
    elif "." in plain and len(plain.replace(".", "")) >= 4:
        measure = ("decimal", scale)  # "in 45.94 seconds" and "Warholm's 45.49": four digits and a point are one figure too
    else:
        noun = _noun(text, mention)
        if noun is None:
            return None  # a bare figure: nothing says two of them count the same thing
        measure = ("count", noun, scale)
    return measure, plain


def _round(digits: str) -> bool:
    """A figure of two significant digits or fewer before its zeros ("81000")."""
    return "." not in digits and len(digits.rstrip("0")) <= 2


def _definite(text: str, mention: Mention) -> bool:
    """Is the figure told as one the reader knows: "the 57,000 strikers", "its 75,000 members"?"""
    return re.search(r"\b(?:the|its|their|those|these|all)\s+$", text[max(0, mention.start - 8):mention.start], re.IGNORECASE) is not None


def _apart_by_another(text: str, mentions, first: Mention, second: Mention) -> bool:
    """Do the two figures differ by exactly a third figure the article gives of the same noun? Then
    one is the other plus a part, not a slip of it."""
    noun = _noun(text, first)
    if noun is None or noun != _noun(text, second):
        return False
    gap = abs(first.value.value - second.value.value)
    return any(m is not first and m is not second and m.kind == "number" and isinstance(m.value, NumberValue)
               and not m.value.ordinal and abs(m.value.value - gap) < 1e-6 * max(1.0, gap) and _noun(text, m) == noun
               for m in mentions)


def _of_other_days(analysis: Analysis, first: Mention, second: Mention) -> bool:
    """Are the figures told of different days, each sentence giving its own and none the other's? Then
    they are two days' counts."""
    days = []
    for figure in (first, second):
        sentence = analysis.sentence_of(figure.start)
        days.append({m.value.earliest for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue)
                     and m.value.precision == "day" and m.label != "relative"  # ("sold in seven days" is no day)
                     and sentence.start <= m.start < sentence.end})
    return bool(days[0]) and bool(days[1]) and not days[0] & days[1]


def _noun(text: str, mention: Mention) -> str | None:
    """The noun a figure counts, in the singular ("kilometre" of "51.5 kilometres"); None for a bare figure."""
    found = _NOUN_AFTER.match(text[mention.end:mention.end + 40])
    if found is None or found.group(1).lower() in _NOT_NOUNS:
        return None
    noun = found.group(1).lower().rstrip("s")
    noun = _ONE_TOLL.get(noun, noun)
    rate = _PER.match(text, mention.end + found.end())
    # "840 pounds per harvested acre" is a yield, not a weight: no slip of "480-pound bales"
    return f"{noun} per {rate.group(1).lower()}" if rate else noun


# the words a toll of the dead is counted in are one noun: "killed 185 people" … "the names of all 158 victims"
_ONE_TOLL = {"victim": "people", "death": "people", "fatalitie": "people", "live": "people", "dead": "people", "person": "people"}


_PER = re.compile(r"\s+(?:per|a|an)\s+(?:\w+ed\s+)?(acre|hectare|hour|day|week|month|year|game|match|head|person|capita|"
                  r"share|litre|liter|gallon|mile|kilometre|kilometer|second|minute|kilo|kilogram|pound|tonne|ton)\b", re.IGNORECASE)
# the noun counted, past a word that only qualifies it ("2,964 confirmed deaths")
_NOT_NOUNS = {"in", "on", "at", "and", "or", "to", "of", "the", "a", "was", "is"}
_NOUN_AFTER = re.compile(r"^[\s-]*(?:(?:confirmed|reported|recorded|registered|official|known|new|more|additional|total)\s+)?([A-Za-z]+)")


def _across_the_point(first: str, second: str) -> bool:
    """Are the swapped digits on either side of the point ("68.7"/"67.8")?"""
    return "." in first and OSA.distance(first, second) != 1


def _rewritten(written: str, meant: str) -> str:
    """The slip with the other form's digits, in its own style: "£270.3m" → "£207.3m"."""
    found, right = DIGITS.search(written), DIGITS.search(meant)
    if found is None or right is None:
        return meant
    digits = right.group(0)
    if ("," in found.group(0)) != ("," in digits):
        digits = digits.replace(",", "") if "," not in found.group(0) else f"{float(digits.replace(',', '')):,.{max(0, len(digits.split('.')[1]) if '.' in digits else 0)}f}"
    return written[:found.start()] + digits + written[found.end():]


KIND = CheckKind(
    name="transposed",
    run=run,
    summary="a figure given twice, once with two neighbouring digits swapped",
    messages=("swapped", "swapped_record"),
)
