"""edition-number: the number of an event in its series, given otherwise than the records or the
article itself give it.

"The 59th Super Bowl" in a story on Super Bowl LVIII; "the 96th Academy Awards" in a story on the
ceremony the records file as the 95th. A series name is written with its number before it (an
ordinal: "the 59th Super Bowl") or after it (digits or Roman numerals: "Super Bowl LVIII",
"Super Bowl 57"); both forms name the same series when the words are the same.

Against the records: a record named with the same series and another number is the event the
article reports when the article names it, states its date, or was published within a fortnight
of it; the number is then that record's, unless the records also know an event with the stated
number. In the article alone: the same series given two numbers. Either way a number written
beside words that move in time ("a year earlier", "last year's", "the next", "since") names
another edition and is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks import _common
from factcheck.checks._common import ordinal
from factcheck.checks.base import CheckKind
from factcheck.lexicon import word_value
from factcheck.model import Analysis, DateValue, Evidence, Record
from factcheck.text import fold, is_common_word

_ORDINAL = r"(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z][a-z]+(?:-[a-z]+)?)"
_WORD = r"[A-Z](?:[\w'’.-]*[\w'’])?"  # not the full stop after it
_SERIES = rf"(?P<series>{_WORD}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{_WORD}){{0,3}})"
# tried at every word (a lookahead): "the Thirty-third Amendment" is not hidden by "the Thirty-third …" read first
ORDINAL_FIRST = re.compile(rf"(?<![\w'’-])(?=(?P<whole>{_ORDINAL}[ \t]+{_SERIES}))")
NUMBER_AFTER = re.compile(rf"(?<![\w'’-])(?P<series>{_WORD}(?:[ \t]+{_WORD}){{0,3}})[ \t]+(?P<number>\d{{1,3}}|[IVXLC]{{1,8}})\b(?![.,]?\d)")
ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
NEAR_DAYS = 14  # an article published this close to an event's date reports that event


@dataclass(frozen=True)
class Edition:
    series: tuple[str, ...]  # folded words
    number: int
    start: int
    end: int
    text: str
    ordinal_first: bool


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    shifts = set(KIND.param(rule, "time_words"))
    editions = [e for e in editions_in(text) if not _moved_in_time(analysis, e, shifts) and _numbers_the_series(analysis, e)
                and not _COUNTED_FOR.match(text, e.end) and not (e.ordinal_first and _OF_A_KIND_AFTER.match(text, e.end))]
    if not editions:
        return
    recorded = _recorded_editions(analysis)
    reported: set[int] = set()
    for edition in editions:
        known = [(record, number, fact) for series, number, record, fact in recorded if _same_series(series, edition.series)]
        if not known or any(number == edition.number for _, number, _ in known):
            continue
        current = list({(record.id, number): (record, number, fact) for record, number, fact in known
                        if _reported_event(analysis, record)}.values())  # (one record under two of its names once)
        if len(current) > 1:
            # a record numbered by its own name or edition key is the edition; another's fact naming one tells
            # where that other went ("Roma" of `ceremony: 91st Academy Awards (2019)`, in a story of the 92nd)
            own = [(record, number, fact) for record, number, fact in current if fact is None or _EDITION_KEY.search(fact[0])]
            current = own if len({record.id for record, _, _ in own}) == 1 else current
        if len({record.id for record, _, _ in current}) != 1 or len({number for _, number, _ in current}) != 1:
            continue
        record, number, fact = current[0]
        if _dated_otherwise(analysis, edition, record, shifts):
            continue
        if abs(edition.number - number) > 2 and _names_its_number(text, number, edition.series[0]):
            # the article names the record's own number too, and this one is far from it: another member of the series
            # ("repeal the Eighth Amendment … the Thirty-sixth Amendment … Bill"); one near it is a slip ("the Thirty-sixth
            # Amendment … will become the 37th Amendment")
            continue
        reported.add(edition.start)
        written = analysis.document.source[edition.start:edition.end]  # as typed, with its markup
        if fact is None:
            message = rule.message("record", stated=written, name=record.name, number=ordinal(number))
            evidence = Evidence(record=record.id, fact="name", value=record.name, source=record.origin)
        else:
            key, value = fact
            message = rule.message("fact", stated=written, value=value, fact=key.replace("_", " "), name=record.name,
                                   number=ordinal(number))
            evidence = Evidence(record=record.id, fact=key, value=value, source=record.origin)
        yield rule.finding(message, edition.start, edition.end, written, evidence=evidence)
    for index, edition in enumerate(editions):
        if edition.start in reported:
            continue
        # one numbered before the series and one after it ("the 59th Super Bowl", "Super Bowl LVIII"):
        # two numbers of one form are as often two editions ("Windows 10 … Windows 11")
        earlier = next((e for e in editions[:index] if _same_series(e.series, edition.series) and e.number != edition.number
                        and e.ordinal_first != edition.ordinal_first and e.start not in reported), None)
        if earlier is None:
            continue
        line, _ = analysis.document.position(earlier.start)
        reported.add(edition.start)
        written, other = (analysis.document.source[e.start:e.end] for e in (edition, earlier))
        yield rule.finding(
            rule.message("article", stated=written, other=other, number=ordinal(earlier.number), line=line),
            edition.start, edition.end, written,
            evidence=Evidence(fact="the same event", value=earlier.text, source=f"this article, line {line}"),
        )


def editions_in(text: str, name: bool = False) -> list[Edition]:
    """Every series name written with a number, in the order of the text; `name`: the text is a
    record's name, where an ordinal before one word numbers it ("88th Masters", "Thirty-sixth Amendment")."""
    found: list[Edition] = []
    for match in ORDINAL_FIRST.finditer(text):
        if found and match.start() < found[-1].end:
            continue
        parsed = _read_ordinal(match["ordinal"])
        if parsed is None or not parsed[1] or parsed[0] < 2:
            continue  # "first" is as often a superlative ("the first Super Bowl to go to overtime")
        if re.search(r"\b(?:a|an|another)\s+$", text[max(0, match.start() - 9):match.start()], re.IGNORECASE):
            continue  # "a sixth Pocket Dragons film", "another 60th Super Bowl": one still to come
        if _TALLY_BEFORE.search(text[max(0, match.start() - 20):match.start()]):
            continue  # "Koepka wins third PGA Championship", "his fifth Open", "Ko's third major": someone's tally
        # "the 88th Masters", "the fourth Test" number one name; "the Eighth Amendment", its ordinal
        # capitalised, is a name of its own
        # … after "the" ("wins second Masters", "his second Masters" count his wins, not the editions)
        series = _series_key(match["series"], ordinal_first=name or not match["ordinal"][:1].isupper()
                             and bool(re.search(r"\bthe[ \t]+$", text[max(0, match.start() - 5):match.start()], re.IGNORECASE)))
        if series:
            found.append(Edition(series, int(parsed[0]), match.start(), match.end("whole"), match["whole"], True))
    for match in NUMBER_AFTER.finditer(text):
        number = _number(match["number"])
        series = _series_key(match["series"])
        if number is None or not series or any(e.start <= match.start() < e.end for e in found):
            continue
        found.append(Edition(series, number, match.start(), match.end(), match.group(0), False))
    return sorted(found, key=lambda e: e.start)


# a verb of winning or an owner right before the ordinal: the count is someone's wins, not the edition
_TALLY_BEFORE = re.compile(r"\b(?:wins?|won|winning|claims?|claimed|takes?|took|clinch(?:es|ed)?|secures?|secured|his|her|their|"
                           r"[A-Z][\w.-]*['’]s?)\s+$")


def _series_key(words: str, ordinal_first: bool = False) -> tuple[str, ...]:
    key = tuple(fold(w) for w in words.split() if w.lower() not in ("of", "the"))
    # two words at least ("Super Bowl", "Academy Awards"): one capitalised word and a number after it
    # is too often something else ("Apollo 11" aside: "Route 66", "Room 101", "Chapter 3"); an
    # ordinal before one name numbers it ("the 88th Masters"), unless the name is a common word
    if ordinal_first and len(key) == 1 and not is_common_word(words.strip()):
        return key
    return key if len(key) >= 2 else ()


def _names_its_number(text: str, number: int, word: str) -> bool:
    """Does the article write the number as an ordinal before the series' first word ("the Eighth Amendment")?"""
    for match in re.finditer(rf"\b([A-Za-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th))\s+{re.escape(word)}\b", text, re.IGNORECASE):
        value = _read_ordinal(match.group(1))
        if value is not None and value[1] and value[0] == number:
            return True
    return False


def _read_ordinal(written: str) -> tuple[float, bool] | None:
    """(value, is an ordinal) of "36th" or "Thirty-sixth" (word_value's reading), or None."""
    return (float(written[:-2]), True) if written[0].isdigit() else word_value(written)


def _same_series(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """The same series, one written shorter: "the 37th Amendment of the Constitution" and "the
    Thirty-sixth Amendment"."""
    shorter, longer = sorted((one, other), key=len)
    return longer[:len(shorter)] == shorter


def _number(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    if not ROMAN.match(written) or len(written) < 2:
        return None  # a lone "I" or "V" is a word or a letter
    total = 0
    for char, following in zip(written, written[1:] + " "):
        value = ROMAN_VALUES[char]
        total += -value if following != " " and ROMAN_VALUES[following] > value else value
    return total


def _recorded_editions(analysis: Analysis) -> list[tuple[tuple[str, ...], int, Record, tuple[str, str] | None]]:
    """(series, number, record, (fact key, its text) or None) of every record named as an edition ("Super Bowl LVIII"),
    and of every text fact that opens with one ("amendment_bill: Thirty-fourth Amendment of the
    Constitution (Marriage Equality) Bill 2015"; a series of two words at least)."""
    def build(records) -> list:
        found = []
        for record in records:
            for name in record.names:
                for edition in editions_in(name, name=True):
                    if edition.start == 0 and edition.end == len(name):
                        found.append((edition.series, edition.number, record, None))
            for key, values in record.facts.items():
                numbered = _EDITION_KEY.search(key)
                for value in values:
                    if numbered and isinstance(value.value, int) and not isinstance(value.value, bool) and 1 < value.value < 1000:
                        # `edition: 106` of "2023 Giro d'Italia": the series is the record's name without its year
                        for name in record.names:
                            series = _series_key(_YEAR_AROUND.sub("", name))
                            if series:
                                found.append((series, value.value, record, (key, str(value.value))))
                    if not isinstance(value.value, str):
                        continue
                    first = next(iter(editions_in(value.value)), None)
                    if first is not None and first.start == 0 and first.ordinal_first and len(first.series) >= 2:
                        found.append((first.series, first.number, record, (key, value.value)))
        return found

    return analysis.records.facts_memo("editions", build)


# "the 19th Indianapolis 500 for team owner Roger Penske": someone's wins counted, not the editions
_COUNTED_FOR = re.compile(r"[^.;,]{0,12}?\bfor\s+(?:[a-z]+\s+){0,3}[A-Z]")
# "the 11th Super Bowl played in New Orleans", "the third Olympics held in Paris": the editions of one
# kind counted, not the series' number (with a comma, "the 58th Super Bowl, played in Las Vegas", it is)
_OF_A_KIND_AFTER = re.compile(r"[ \t]+(?:to[ \t]+be[ \t]+)?(?:played|held|staged|hosted|contested|run|won|lost|broadcast|shown|"
                              r"aired|televised|decided|settled|attended)\b")
# a fact that numbers the event in its series: `edition: 106`, `edition_number`, `running: 163`
_EDITION_KEY = re.compile(r"(?:^|_)(?:edition|running)(?:_number|_no)?$", re.IGNORECASE)
_YEAR_AROUND = re.compile(r"^\s*\d{4}\s+|\s+\d{4}\s*$")


def _reported_event(analysis: Analysis, record: Record) -> bool:
    """Is the record the event this article reports? Named in it, its date stated in it, or its
    date within a fortnight of the publication."""
    if any(link.record.id == record.id for link in analysis.links):
        return True
    days = [v.value for values in record.facts.values() for v in values if isinstance(v.value, dt.date)]
    published = analysis.document.published
    if published and any(abs((day - published).days) <= NEAR_DAYS for day in days):
        return True
    dates = [m.value for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"]
    return any(value.admits(day) for value in dates for day in days)


def _record_days(record: Record, shifts: set[str]) -> list[dt.date]:
    """The record's own days: a date under a key that moves in time ('next_test.start',
    'previous_final') is another edition's."""
    return [v.value for key, values in record.facts.items() for v in values if isinstance(v.value, dt.date)
            and not shifts & set(re.split(r"[^a-z]+", key.lower()))]


def _dated_otherwise(analysis: Analysis, edition: Edition, record: Record, shifts: set[str]) -> bool:
    """'The fourth Test starts at Old Trafford on Wednesday 4 September', in a story on the third:
    a day stated in the edition's sentence that is none of the record's own days dates another edition."""
    sentence = analysis.sentence_of(edition.start)
    stated = [m.value for m in analysis.mentions if m.kind == "date" and sentence.start <= m.start < sentence.end
              and isinstance(m.value, DateValue) and m.value.precision == "day"]
    days = _record_days(record, shifts)
    return bool(stated and days) and not any(value.admits(day) for value in stated for day in days)


def _numbers_the_series(analysis: Analysis, edition: Edition) -> bool:
    """'The 53rd Glastonbury Festival' numbers the festival; in 'the sixth Pocket Dragons film' the
    ordinal hangs on "film", after the name: it numbers the films, not the series."""
    syntax = analysis.syntax
    if not edition.ordinal_first or syntax is None:
        return True
    index = syntax.span_root(edition.start, edition.start + 1)
    if index is None:
        return True
    head = syntax.tokens[syntax.tokens[index].head]
    # … or a proper name going on past a particle ("the 107th Giro d'Italia", "the 110th Tour de France")
    return head.start < edition.end or head.tag.startswith("NNP") and \
        re.fullmatch(r"[ \t]+(?:d['’]|de[ \t]+|del[ \t]+|di[ \t]+|du[ \t]+|la[ \t]+)?", analysis.document.text[edition.end:head.start]) is not None


def _moved_in_time(analysis: Analysis, edition: Edition, shifts: set[str]) -> bool:
    """'Super Bowl 57 a year earlier', 'last year's 95th Academy Awards', 'since the 50th Super Bowl'."""
    sentence = analysis.sentence_of(edition.start)
    before = [t.norm for t in _common.tokens_between(analysis, sentence.start, edition.start)][-4:]
    # (eight words on: "The 152nd Open will be played at Royal Troon next July")
    after = [t.norm for t in _common.tokens_between(analysis, edition.end, sentence.end)][:8]
    if any(word in shifts for word in before + after):
        return True
    # (or a year of its own before it, two years or more from the article's: "In 2009 he came off the bench in the
    # second Test at Pretoria", in a story of the 2021 series)
    published = analysis.document.published
    return published is not None and any(
        mention.label == "year" and isinstance(mention.value, DateValue) and abs(mention.value.earliest.year - published.year) >= 2
        for mention in analysis.mentions_in(sentence.start, edition.start, "date"))


KIND = CheckKind(
    name="edition-number",
    run=run,
    summary="an event's number in its series given otherwise than the records or the article give it",
    params={"time_words": ((list,), [])},
    messages=("record", "article", "fact"),
)
