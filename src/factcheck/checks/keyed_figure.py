"""keyed-figure: a figure given for one name (or year) of a record's table that is a slip of the table's.

Newsrooms keep tables keyed by name: `interests_percent: {ExxonMobil: 45, Hess: 30}`,
`payouts_usd: {Team Spirit: 18208300}`, `members_ballot: {Liz Truss: 81326, Rishi Sunak: 60399}`.
A figure the article ties to one of those names — owned by it ("Hess's 35% interest") or right
after it in its clause ("Truss took 81,236 votes", "Sunak (60,399)") — that is a slip of that name's
figure is reported: two neighbouring digits swapped in a figure of three digits or more, or, when
the word after the figure is a word of the table's key ("35% interest" against `interests_percent`),
one digit changed. A figure that is no slip may be another measure of that name (another ballot,
another year, a half-time score) and is left alone, and so is one the record's tables give that name —
unless the word of the key follows it, no other occasion is told, and it is a tally within a fifth of the
row's ("Skinner made 21 saves" against `saves: {stuart_skinner: 19}`, a row keyed by a name written as a key).
Tables keyed by year or season (`estimates: {"2019/2020": 20580}`) are read the same way, for a figure
with its year right after it ("It then fell to 21,580 in 2019/2020").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks import _common
from factcheck.checks._common import digit_slip, digits_swapped, records_named_in_part
from factcheck.checks.base import CheckKind
from factcheck.facts import describe_key, fact_key_words, without_note
from factcheck.model import Analysis, DateValue, Evidence, Finding, NumberValue, Record, without_its_year
from factcheck.text import fold, is_common_word, name_key

# what may stand between a name and its figure in one breath: "Truss took 81,236 votes", "Sunak (60,399)"
# ("Queensland the lowest, 31.97 per cent": a comma after the words too)
# ("The Islamic Republic of Iran hosted the largest population, 3.4 million": four words)
_BETWEEN = re.compile(r"^(?:[’']s)?[\s,(:-]*(?:(?:[a-z]+|\w+[’']s),?\s+){0,4}(?:[$£€]|[A-Z]{1,2}\$)?$")


def run(analysis: Analysis, rule) -> Iterator:
    numbers = [m for m in analysis.mentions if m.kind == "number" and isinstance(m.value, NumberValue)
               and not m.value.ordinal and m.value.qualifier is None]
    reported: set[int] = set()
    yield from _name_slips(analysis, rule, numbers, reported)
    yield from _period_slips(analysis, rule, numbers, reported)
    yield from _anchored_slips(analysis, rule, numbers, reported)


def _name_slips(analysis: Analysis, rule, numbers, reported: set[int]) -> Iterator:
    """A figure tied to a name of a record's table ("Hess's 35% interest", "Truss took 81,236 votes")."""
    tables = _tables(analysis)
    if not tables:
        return
    text = analysis.document.text
    tokens = analysis.tokens
    names = sorted(tables, key=len, reverse=True)
    # the words without brackets: "the Canterbury Television (CTV) building killed 151" names `CTV building`
    words = [index for index, token in enumerate(tokens) if token.norm not in ("(", ")")]
    for place, index in enumerate(words):
        if not text[tokens[index].start].isupper():
            continue
        key = next((k for k in names if tuple(tokens[i].norm for i in words[place:place + len(k)]) == k), None)
        if key is None:
            continue
        name_end = tokens[words[place + len(key) - 1]].end
        sentence = analysis.sentence_of(tokens[index].start)
        figure = next((m for m in numbers if name_end <= m.start < sentence.end), None)
        if figure is None or figure.start in reported or not _BETWEEN.match(text[name_end:figure.start]):
            continue
        entries = tables[key]
        if any(_same(figure.value.value, value) for _, _, value, _ in entries) \
                or _another_rows(text, figure.end, sentence.end, tables, figure.value.value):
            continue
        shown_name = re.sub(r"[’']s$", "", " ".join(text[tokens[index].start:name_end].replace("(", " ").replace(")", " ").split()))
        siblings = _rows_given_exactly(analysis, sentence, figure, entries, tables)
        found = _slip_finding(analysis, rule, figure, entries, shown_name, lambda unit: _in_its_unit(figure, unit) or siblings,
                              tally_of_the_row=_no_other_occasion(analysis, figure, sentence))
        if found is not None:
            reported.add(figure.start)
            yield found


def _rows_given_exactly(analysis: Analysis, sentence, figure, entries: list, tables: dict) -> bool:
    """Does the sentence give another row of the same table exactly ("Karnataka is second with 563, ahead of
    Uttarakhand with 560 and Maharashtra with 404" against `tigers_2022: {Karnataka: 563, Uttarakhand: 560,
    Maharashtra: 444}`)? Then it reads from that table, and a figure of three significant digits or more one digit off its row is a
    slip; a shorter one too when the sentence gives three other rows or more exactly."""
    facts = {(record.id, fact) for record, fact, _, _ in entries}
    others = {value for rows in tables.values() for record, fact, value, _ in rows
              if (record.id, fact) in facts and not any(_same(value, own) for _, _, own, _ in entries)}
    given = {value for mention in analysis.mentions_in(sentence.start, sentence.end, "number")
             if mention is not figure and isinstance(mention.value, NumberValue) for value in others if _same(mention.value.value, value)}
    # a short figure one digit off another is often chance ("15 for New Zealand" beside 17) — unless the sentence reads
    # the table row by row ("3.4 million, followed by Türkiye with 3.3 million, Colombia with 2.9 million …")
    # (not a round figure of one digit: "entered the top 100 at 97th" is no row's 108)
    significant = len(_common.written_digits(figure.text).replace(".", "").strip("0"))
    return bool(given) if significant >= 3 else significant == 2 and len(given) >= 3


# a year or season written right after a figure: "It then fell to 21,580 in 2019/2020", "£4.2m in 2022-23"
_PERIOD_AFTER = re.compile(r"[\s-]*(?:[a-z]+\s+){0,2}?(?:in|for|during|by)\s+(?:the\s+)?(?P<label>(?:1[89]|20)\d\d(?:\s*[/–-]\s*(?:(?:1[89]|20)\d\d|\d\d))?)(?![\d/–-])")


def _period(label) -> tuple[int, int | None] | None:
    """A year or season as (first year, last year or None): "2019/2020", "2019/20" and "2019-20" are one season."""
    found = re.fullmatch(r"((?:1[89]|20)\d\d)(?:\s*[/–-]\s*((?:1[89]|20)\d\d|\d\d))?", str(label).strip())
    if found is None:
        return None
    first = int(found.group(1))
    last = found.group(2)
    if last is None:
        return first, None
    return first, int(last) if len(last) == 4 else first // 100 * 100 + int(last)


def _period_slips(analysis: Analysis, rule, numbers, reported: set[int]) -> Iterator:
    """A figure for a year or season of a record's series that is a slip of the series' figure: "It then fell
    to 21,580 in 2019/2020" against `estimates: {"2019/2020": 20580}`. Only a record the article names; a figure
    of four digits or more may have one digit changed, a shorter one only two swapped (or, with a word of the
    key after it, one changed)."""
    series: dict[tuple[int, int | None], list] = {}
    for record in records_named_in_part(analysis):
        for fact, values in record.facts.items():
            for value in values:
                figure = _number(value.qualifiers.get("detail"))
                label = value.qualifiers.get("written", value.value)
                period = _period(label) if figure is not None and isinstance(label, (str, int)) and not isinstance(label, bool) else None
                if period is not None:
                    series.setdefault(period, []).append((record, fact, figure, value.qualifiers.get("unit", "")))
    if not series:
        return
    text = analysis.document.text
    for figure in numbers:
        sentence = analysis.sentence_of(figure.start)
        after = _PERIOD_AFTER.match(text, figure.end, sentence.end)
        entries = series.get(_period(after.group("label"))) if after else None
        if not entries or figure.start in reported or any(_same(figure.value.value, value) for _, _, value, _ in entries):
            continue
        # (a figure of four digits or more with one digit changed is as unlikely a chance as a word of the key)
        long = len(_common.written_digits(figure.text).replace(".", "").lstrip("0")) >= 4
        found = _slip_finding(analysis, rule, figure, entries, after.group("label"), lambda unit: long)
        if found is not None:
            reported.add(figure.start)
            yield found


MAX_ANCHOR_PATH = 7  # edges in the parse between a figure and the name or day of its item (as item-date's dates)


@dataclass(frozen=True)
class AnchoredItem:
    """One mapping of a record's facts (`wales_max: {c: 37.1, station: Hawarden Airport, Flintshire, date: 2022-07-18}`):
    the texts and days that name it, and its figures by sub-key."""
    record: Record
    key: str
    texts: tuple[str, ...]
    days: tuple[dt.date, ...]
    figures: tuple[tuple[str, float, str], ...]  # (sub-key, figure, unit)


def _anchored_slips(analysis: Analysis, rule, numbers, reported: set[int]) -> Iterator:
    """A figure beside the name or the day of an item the records keep as a mapping, that is a slip of the
    item's figure: "Wales: 37.4C at Hawarden Airport, Flintshire, on Monday 18 July" against `wales_max: {c: 37.1,
    station: Hawarden Airport, Flintshire, date: 2022-07-18}`. Only figures written with decimals (a whole number one
    digit off is too often another count), nearest in the parse to that item's name or day, with no other name
    nearer and the name not in a clause of its own below the figure."""
    items = analysis.records.facts_memo("keyed-figure:anchored", _anchored_items)
    if not items:
        return
    text = analysis.document.text
    syntax = analysis.syntax
    if syntax is None:
        return
    for sentence in analysis.sentences:
        figures = [m for m in numbers if sentence.start <= m.start < sentence.end and m.start not in reported
                   and _distinct_written(m.text)]
        if not figures:
            continue
        anchors = list(_item_anchors(analysis, items, sentence))
        if not anchors:
            continue
        names = [(m.start, m.end, where) for m in analysis.mentions_in(sentence.start, sentence.end)
                 if m.kind in ("person", "org", "place", "work") and (where := syntax.span_root(m.start, m.end)) is not None]
        for figure in figures:
            root = syntax.span_root(figure.start, figure.end)
            if root is None:
                continue
            nearest = sorted(((syntax.path_length(root, where), start, end, order) for order, (start, end, item, where) in enumerate(anchors)
                              if not (start < figure.end and figure.start < end) and not _in_a_clause_below(syntax, where, root)))
            if not nearest or nearest[0][0] > MAX_ANCHOR_PATH:
                continue
            if any(syntax.path_length(root, where) < nearest[0][0] and not any(s < end and start < e for _, s, e, _ in nearest)
                   for start, end, where in names):
                continue  # another name stands nearer the figure: it is that one's ("Heathrow had reached 40.2C" beside Coningsby)
            closest = [anchors[order][2] for length, _, _, order in nearest if length == nearest[0][0]]
            their_records = {item.record.id for item in closest}
            if any(_same(figure.value.value, value) for item in items if item.record.id in their_records
                   for _, value, _ in item.figures) \
                    or any(_same(figure.value.value, kept.value) for item in closest for values in item.record.facts.values()
                           for kept in values if isinstance(kept.value, (int, float)) and not isinstance(kept.value, bool)):
                continue  # a figure the records keep (another item's, another measure of this one, another fact's: the aftershock's 6.7)
            entries = [(item.record, f"{item.key}.{sub_key}", value, unit) for item in closest for sub_key, value, unit in item.figures]
            # the item as the sentence names it ("Hawarden Airport", "12 May"), by a name or a day rather than a time
            named = [text[start:end] for _, start, end, order in sorted(nearest, key=lambda near: near[1]) if anchors[order][2] is closest[0]]
            name = next((said for said in named if not re.fullmatch(r"[\d:.]+", said)), named[0])
            found = _slip_finding(analysis, rule, figure, entries, name, lambda unit: True)
            if found is not None:
                reported.add(figure.start)
                yield found


_CLAUSES = {"advcl", "ccomp", "conj", "parataxis", "xcomp"}


def _in_a_clause_below(syntax, anchor: int, figure: int) -> bool:
    """Is the anchor in a clause of its own below where it meets the figure in the parse ("Heathrow reached 40.2C …
    before Coningsby overtook it": another event, told of another place)?"""
    up_figure = {figure, *syntax.ancestors(figure)}
    for index in [anchor, *syntax.ancestors(anchor)]:
        if index in up_figure:
            return False
        if syntax.tokens[index].dep in _CLAUSES:
            return True
    return False


def _distinct_written(written: str) -> bool:
    """A measure unlikely to be one digit off another by chance: "37.4", "21.1%" — not a whole count ("253
    for Pakistan" beside a record's 254 is often another innings), nor a rounded amount ("7.0 million")."""
    return "." in _common.written_digits(written) and not re.search(r"[A-Za-z]{2,}", written)


def _item_anchors(analysis: Analysis, items: list, sentence) -> Iterator[tuple[int, int, AnchoredItem, int]]:
    """Where the sentence names an item by one of its texts or its day, with the word of the parse there."""
    text = analysis.document.text
    said = text[sentence.start:sentence.end]
    syntax = analysis.syntax
    days = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date")
            if isinstance(m.value, DateValue) and m.value.precision == "day" and (not m.value.relative or without_its_year(m))]
    for item in items:
        for anchor in item.texts:
            if anchor not in said:
                continue
            for match in re.finditer(rf"(?<![\w]){re.escape(anchor)}(?![\w])", said):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if (where := syntax.span_root(start, end)) is not None:
                    yield start, end, item, where
        for day in days:
            if day.value.earliest in item.days and (where := syntax.span_root(day.start, day.end)) is not None:
                yield day.start, day.end, item, where


def _anchored_items(records: list) -> list[AnchoredItem]:
    """Each mapping of a record's facts that has a text or day to name it and a figure, built once for the run (a text
    of two words or more, or one capitalised word before the records' note on it: "Charterhall, Borders").
    A list's items are told apart by their day; a list of named items is keyed-figure's `_item_rows`, held to more
    (its rows are often measured several ways: a vendor's share and its growth)."""
    from factcheck.checks.item_date import _text_anchors, one_word_name

    groups: dict[tuple, dict] = {}
    for record in records:
        for fact, values in record.facts.items():
            if "." not in fact:
                continue
            parent, sub_key = fact.rsplit(".", 1)
            for value in values:
                day = value.qualifiers.get("date")
                if value.qualifiers.get("item") is not None:
                    continue
                group = groups.setdefault((record.id, parent, day if isinstance(day, dt.date) else None),
                                          {"record": record, "texts": [], "days": [], "figures": []})
                if isinstance(value.value, bool):
                    continue
                if isinstance(value.value, dt.date):
                    group["days"].append(value.value)
                elif isinstance(value.value, str):
                    group["texts"].extend(t for t in _text_anchors(value.value) if not is_common_word(t.lower()))
                    group["texts"].extend(head for head in [without_note(value.value).strip()] if one_word_name(head))
                elif isinstance(value.value, (int, float)) and not (isinstance(value.value, int) and 1000 <= value.value <= 2300):
                    # (a sub-key may be the unit itself: `largest_local_increase: {name: Tower Hamlets, percent: 22.1}`)
                    group["figures"].append((sub_key, float(value.value), value.qualifiers.get("unit") or describe_key(fact).unit or ""))
                if isinstance(day, dt.date):
                    group["days"].append(day)
    return [AnchoredItem(group["record"], key[1], tuple(dict.fromkeys(group["texts"])), tuple(dict.fromkeys(group["days"])),
                         tuple(group["figures"]))
            for key, group in groups.items() if group["figures"] and (group["texts"] or group["days"])
            # (a sub-key twice is a list's items run together, `vendors: [{vendor: Apple, share_pct: 20.1}, …]`: which
            # figure is whose is lost)
            and len({sub_key for sub_key, _, _ in group["figures"]}) == len(group["figures"])]


def _slip_finding(analysis: Analysis, rule, figure, entries: list, name: str, changed_digit_allowed,
                  tally_of_the_row: bool = False) -> Finding | None:
    """The finding for a figure that is a slip of exactly one fact's figure among a row's entries (record, fact,
    figure, unit), or None: two swapped digits, or one changed when the word after the figure is a word of the
    key or `changed_digit_allowed(unit)` says so. With `tally_of_the_row` (the row named as the figure's own
    and no other occasion told), a figure close to the row's with a word of the key after it is reported too:
    "Skinner made 21 saves" against `saves: {stuart_skinner: 19}`."""
    text = analysis.document.text
    noun = _noun_after(text, figure.end)
    written_digits = _common.written_digits(figure.text)
    scale = _common.scale(figure.value.value, written_digits)  # "$763.4 million": the record's figure in millions
    slips = [(record, fact, value, unit) for record, fact, value, unit in entries
             if _common.fits_unit(figure, unit) and (_slip(written_digits, value / scale, noun in _key_nouns(fact)
                                                           or changed_digit_allowed(unit))
                                                     or tally_of_the_row and noun in _key_nouns(fact)
                                                     and _close_tally(figure.value.value, value))]
    if len({(record.id, fact) for record, fact, _, _ in slips}) != 1:
        return None
    record, fact, value, unit = slips[0]
    written = analysis.document.source[figure.start:figure.end]
    table, _, row = fact.rpartition(".")
    # (a row the records key by its name, `saves.stuart_skinner`, is told by its table's words)
    named_row = bool(table) and bool(name_key(name)) and row.split("_")[-1] == name_key(name)[-1]
    shown_fact = table if named_row else fact
    return rule.finding(
        rule.message("slip", stated=written, name=name, other=_shown(value, unit), fact=" ".join(fact_key_words(shown_fact)) or fact,
                     record=record.name),
        figure.start, figure.end, written,
        evidence=Evidence(record=record.id, fact=fact, value=f"{name}: {_shown(value, unit)}", source=record.origin),
    )


# what tells another occasion of a row's tally after its noun: "made five saves in the first period", "21 goals
# this season", "his 10th goal of the postseason"
_OTHER_OCCASION = re.compile(r"\b(?:games?|periods?|halfs?|halves|quarters?|seasons?|years?|months?|weeks?|days?|rounds?|matches|match|"
                             r"innings|sets?|series|playoffs?|postseason|career|tournaments?|campaigns?|since|before|after|previous|"
                             r"last|first|earlier|later|total|overall|combined|per|each|average)\b", re.IGNORECASE)


def _no_other_occasion(analysis: Analysis, figure, sentence) -> bool:
    """Does the clause tell no other occasion after the figure's noun, and hold no other figure or date there:
    "Skinner made 21 saves for the Oilers" is the game's tally, "made five saves in the first period" a part of it."""
    text = analysis.document.text
    end = re.search(r"[,;:.!?—–(]|\s-\s|$", text[figure.end:sentence.end])
    rest_end = figure.end + (end.start() if end else 0)
    rest = text[figure.end:rest_end]
    return not _OTHER_OCCASION.search(rest) and not _OTHER_OCCASION.search(text[sentence.start:figure.start]) \
        and not any(m is not figure and figure.end <= m.start < rest_end for m in analysis.mentions_in(sentence.start, sentence.end)
                    if m.kind in ("number", "date"))


def _close_tally(stated: float, kept: float) -> bool:
    """A tally of ten or more within a fifth of the row's: another digit or two, not another measure ("five saves"
    beside 23 is a period's, not the game's)."""
    return stated != kept and min(stated, kept) >= 10 and max(stated, kept) <= 1.25 * min(stated, kept)


# a row's name right after its figure: "71 per cent of the Sun covered in Perth and 81 per cent in Darwin"
_ROW_AFTER = re.compile(r"[\s-]*(?:(?:per\s?cent|percent|%)\s*)?(?:[a-z]+\s+){0,2}?(?:in|for|at|of|by|to)\s+(?:the\s+)?")


def _another_rows(text: str, end: int, last: int, tables: dict, stated: float) -> bool:
    """Is the figure the one the table gives the row named right after it ("… in Perth and 81 per cent
    in Darwin", against `{Perth: 71, Darwin: 81}`)? Then it is that row's, not a slip of the row before."""
    after = _ROW_AFTER.match(text, end, last)
    if after is None:
        return False
    rest = name_key(text[after.end():min(last, after.end() + 60)])
    return any(rest[:len(key)] == key and any(_same(stated, value) for _, _, value, _ in entries)
               for key, entries in tables.items())


def _tables(analysis: Analysis) -> dict[tuple[str, ...], list]:
    """Each name a record's table keys a figure by (and a person's surname alone, when no other name
    of the tables ends in it) → (record, fact, figure, unit)."""
    tables: dict[tuple[str, ...], list] = {}
    for record in records_named_in_part(analysis):
        for fact, values in record.facts.items():
            for value in values:
                detail = value.qualifiers.get("detail")
                figure = _number(detail)
                name, unit = value.value, value.qualifiers.get("unit", "")
                written = _NAME_AND_FIGURE.fullmatch(name) if figure is None and isinstance(name, str) else None
                if written is not None:
                    # a row written as one text: `lowest_state_yes: "Queensland, 31.79%"`
                    name, figure, unit = written.group(1), _number(written.group(2)), "percent" if written.group(3) else unit
                if figure is None or not isinstance(name, str):
                    continue
                figure *= value.qualifiers.get("scale", 1.0)  # a table in millions: `top_host_countries_millions: {Iran: 3.8}`
                # (and without its note: "CTV building (six storeys)" is the CTV building)
                for key in dict.fromkeys((name_key(name), name_key(without_note(name)))):
                    if key and not (len(key) == 1 and is_common_word(key[0])):
                        tables.setdefault(key, []).append((record, fact, figure, unit))
    for key, entries in analysis.records.facts_memo("keyed-figure:rows", _item_rows).items():
        tables.setdefault(key, []).extend(entries)
    surnames: dict[tuple[str, ...], list] = {}
    for key, entries in tables.items():
        if len(key) >= 2 and len(key[-1]) >= 4 and not is_common_word(key[-1]):
            surnames.setdefault(key[-1:], []).append(entries)
    for surname, found in surnames.items():
        if len(found) == 1 and surname not in tables:
            tables[surname] = found[0]
    # (rows keyed as identifiers by their full name; by the surname alone only when it is a person's the article
    # names — "non_gaap" written "Non-GAAP" is no "GAAP")
    people = {name_key(m.text) for m in analysis.mentions if m.kind == "person"}
    for key, entries in _rows_keyed_as_identifiers(analysis).items():
        tables.setdefault(key, []).extend(entries)
        if key in people and key[-1:] not in tables and len(key[-1]) >= 4:
            tables[key[-1:]] = entries
    return tables


def _rows_keyed_as_identifiers(analysis: Analysis) -> dict[tuple[str, ...], list]:
    """Rows whose name the records write as a key (`saves: {stuart_skinner: 19}`), by that name, when the
    article writes it as a name — every word capitalised ("Stuart Skinner"): a key of two or three words
    is then that name's row, not a sub-fact of its own."""
    candidates = [(record, fact, values, tuple(fact.rpartition(".")[2].split("_")))
                  for record in records_named_in_part(analysis) for fact, values in record.facts.items()
                  if fact.rpartition(".")[0] and 2 <= fact.rpartition(".")[2].count("_") + 1 <= 3]
    if not candidates:
        return {}
    # the runs of two or three capitalised words the article writes, looked for from the rows' first words only
    firsts = {key[0] for *_, key in candidates}
    written: set[tuple[str, ...]] = set()
    text, tokens = analysis.document.text, analysis.tokens
    for index in range(len(tokens) - 1):
        if tokens[index].norm not in firsts:
            continue
        for length in (2, 3):
            run = tokens[index:index + length]
            if len(run) == length and all(text[token.start].isupper() and token.norm.isalpha() for token in run):
                written.add(tuple(token.norm for token in run))
    rows: dict[tuple[str, ...], list] = {}
    for record, fact, values, key in candidates:
        if key in written:
            for value in values:
                figure = _number(value.value)
                if figure is not None and value.qualifiers.get("item") is None:
                    rows.setdefault(key, []).append((record, fact, figure, value.qualifiers.get("unit", "")))
    return rows


_NAME_AND_FIGURE = re.compile(r"\s*([A-Z][^,():;\d]*?)\s*(?:,|\(|:)\s*(-?\d[\d,]*(?:\.\d+)?)\s*(%|per\s?cent|percent)?\s*\)?\s*")


def _item_rows(records: list) -> dict[tuple[str, ...], list]:
    """The figures of the rows of lists that name themselves, by the row's name, whether or not the
    article names the record: `ranking: [{tour: U2 360 Tour, gross_usd: 736400000}]`. A name of two
    words or more, or one word that is the surname or alias of someone the records keep (`results:
    {Bolsonaro: {share_percent: 43.2}}`): any other word alone is too often something else's."""
    known = {name_key(name)[-1] for record in records if record.type == "person" for name in record.names if name_key(name)}
    rows: dict[tuple[str, ...], list] = {}
    for record in records:
        for fact, values in record.facts.items():
            for value in values:
                item, figure = value.qualifiers.get("item"), _number(value.value)
                if isinstance(item, str) and figure is not None and (len(key := name_key(item)) >= 2 or len(key) == 1 and key[0] in known):
                    rows.setdefault(key, []).append((record, fact, figure, value.qualifiers.get("unit", "")))
    return rows


def _in_its_unit(figure, unit: str) -> bool:
    """Is the figure written in the row's own unit, a percentage for a share in percent ("Bolsonaro's 45.2
    per cent" against `share_percent: 43.2`)? The unit says what the figure is, as a key word would."""
    return figure.label == "percent" and str(unit).lower() in ("percent", "percentage")


def _number(detail) -> float | None:
    if isinstance(detail, bool):
        return None
    if isinstance(detail, (int, float)):
        return detail
    if isinstance(detail, str) and re.fullmatch(r"-?\d[\d,]*(?:\.\d+)?", detail.strip()):
        return float(detail.replace(",", ""))
    return None


def _slip(written: str, value: float, named: bool) -> bool:
    """Two neighbouring digits swapped in a figure of three significant digits or more; or, when the
    word after the figure is a word of the table's key ("Hess's 35% interest" against
    `interests_percent`), one digit changed or two swapped in one of two digits or more. (Without that
    word a changed digit is too often another figure: a half-time score, another year's seats.)"""
    meant = _common.digits(value, written)
    significant = len(written.replace(".", "").lstrip("0"))
    if significant < 2 or written.find(".") != meant.find(".") or not digit_slip(written, meant):
        return False
    return named or (significant >= 3 and digits_swapped(written, meant))


def _noun_after(text: str, end: int) -> str:
    """The word a figure counts or measures, past its unit: "35% interest" → interest."""
    found = re.match(r"[\s-]*(?:(?:per\s?cent|percent|percentage\s+points?)\s+)?([A-Za-z]+)", text[end:end + 40])
    return fold(found.group(1)).rstrip("s") if found else ""


def _key_nouns(fact: str) -> set[str]:
    return {word.rstrip("s") for word in fact_key_words(fact)}


def _same(stated: float, value: float) -> bool:
    return abs(stated - value) < 1e-9 * max(1.0, abs(value))


def _shown(value: float, unit: str = "") -> str:
    shown = f"{int(value):,}" if float(value).is_integer() else str(value)
    return shown + "%" if str(unit).lower() in ("percent", "percentage") else shown


KIND = CheckKind(
    name="keyed-figure",
    run=run,
    summary="a figure given for one name of a record's table, a slip of the table's figure",
    messages=("slip",),
)
