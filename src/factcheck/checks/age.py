"""age: an age, "N years ago" or "Nth anniversary" that the dates do not allow.

An age ("the 37-year-old", "Raman, 46,", "aged 37") is checked against the
person's birth date — from their record, or from "born on/in …" in the
article — at the publication date. "Twenty years ago, in 2004" and "the 50th
anniversary of its 1975 founding" are checked against the publication year; an anniversary
against the dates its own sentence gives, in checks.anniversary.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks._common import HONORIFICS, in_dateline
from factcheck.checks.anniversary import anniversaries
from factcheck.checks.base import CheckKind
from factcheck.facts import describe_key, fact_key_words, stem, word_base
from factcheck.lexicon import word_value
from factcheck.model import Analysis, DateValue, Evidence, Finding, without_its_year
from factcheck.text import fold, name_key, quoted_at

_NUMBER = r"(\d{1,3}|(?:[a-z]+[- ])?[a-z]+)"
AGE_PATTERNS = [
    # not "an 81-year-old man": an indefinite article introduces someone unnamed
    # (the word's start first: the regex engine then passes over the insides of words at once)
    re.compile(rf"(?<!\w)(?=\w)(?<!\ba )(?<!\ban )(?<!\banother ){_NUMBER}-year-old\b", re.IGNORECASE),
    re.compile(r"\b(?:is|was) now (\d{1,3})\b(?=\s*(?:[,.;]|and\b|years old\b))", re.IGNORECASE),
    # (and "at 23, the youngest men's champion": a bare "at" before a superlative of age, or before "he is": "At 75 he
    # is the oldest monarch to be crowned")
    re.compile(rf"\b(?:aged|at age|at the age of|turned|turns|age|at(?=\s+\d{{1,3}},\s+(?:the|its|his|her|their)\s+(?:youngest|oldest)\b)"
               rf"|at(?=\s+\d{{1,3}},?\s+(?:he|she)\s+(?:is|was|becomes|became)\b))"
               rf"\s+{_NUMBER}\b", re.IGNORECASE),
    # "Richard, born … on 2 October 1452, was 33 when he was cut down … on 22 August 1485": an age on the day
    # its "when" clause gives, checked only against a birth its own sentence gives
    re.compile(r"\b(?:was|were)\s+(\d{1,3})\s+(?=when\b)", re.IGNORECASE),
    # "Born in Rodez on Christmas Eve, 24 December 1919, Soulages was 103.": the age an obituary closes its sentence
    # with, checked only against a birth its own sentence gives, in a story of a death
    re.compile(r"(?<=[a-z])\s+was\s+(\d{1,3})(?=\s*[.;])"),
]
# the last of AGE_PATTERNS: an obituary's "X was N."
_OBITUARY_AGE = len(AGE_PATTERNS) - 1
_AFTER_NAME = re.compile(r"^,\s*(?:now\s+)?(\d{1,3}),")  # ("Noel Pearson, now 58, the Cape York lawyer")
_DIED = re.compile(r"\b(?:died|dies|death|obituary)\b", re.IGNORECASE)
_YEARS_AGO = re.compile(rf"\b{_NUMBER}\s+years\s+ago\b", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th))\s+anniversary\b|\b([a-z]+(?:-[a-z]+)?)\s+anniversary\b", re.IGNORECASE)
# an age in a sentence about another day: "was 27 when she won", "at the time", "died at 80"
# ("then" of that time, "then 45", "the then prime minister" — not of what came next: "Sabalenka then came back")
_PAST_CONTEXT = re.compile(r"\b(?:when|at the time|then(?!\s+(?:[a-z]+ed|came|went|won|lost|beat|took|made|ran|fell|rose|"
                           r"broke|drew|led|met|saw|became|began|sank|hit|struck|scored|set)\b)|died|death|(?:was|were)\s+(?:\d+|aged))\b",
                           re.IGNORECASE)
# … not past "born", whose own past tells of the birth ("born in Tunis …, when Tunisia was …")
_BORN = re.compile(r"\bborn\b")
_BORN_ANY_CASE = re.compile(r"\b[Bb]orn\b")  # "Born on 9 July 1928 …" opens a sentence too


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    published = analysis.document.published
    if published is None:
        return
    yield from _ages(analysis, rule, published)
    yield from _ages_at_death(analysis, rule)
    yield from _years_ago(analysis, rule, published)
    yield from _first_since(analysis, rule, published)
    yield from _years_earlier(analysis, rule, published)
    yield from _spans(analysis, rule)
    yield from _years_after(analysis, rule)
    yield from _day_spans(analysis, rule)
    yield from _from_to_spans(analysis, rule)
    yield from _ages_of_things(analysis, rule, published)
    yield from _birthdays(analysis, rule)
    yield from anniversaries(analysis, rule)


# "… died on Thursday in São Paulo. He was 83.": the age on the day of the death just reported
_AGE_AT_DEATH = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=\n))(?:He|She|They) (?:was|were) (\d{1,3})(?=[.,;])")
_DIED = re.compile(r"\b(?:died|passed away|was killed|death|fatal|succumbed)\b", re.IGNORECASE)
# a day told as the birth beside the death's: "Shackleton, who was born on Feb. 15, 1874, …, suffered a fatal heart attack … on Jan. 5, 1922"
_BORN_ON = re.compile(r"\bborn\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


def _ages_at_death(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    people = None
    for match in _AGE_AT_DEATH.finditer(text):
        sentence = analysis.sentence_of(match.start())
        before = _death_told(analysis, text, sentence)
        if before is None:
            continue
        # (not the dateline's day: "MILAN, 28 May — Carla Fracci … died on Thursday")
        days = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue)
                and m.value.precision == "day" and before.start <= m.start < before.end
                and not _BORN_ON.search(text[max(before.start, m.start - 20):m.start]) and not in_dateline(text, m.start, m.end)]
        if len(days) > 1 or (not days and analysis.document.published is None):
            continue
        # "has died in London. She was 57.": with no day given, the death is the news of the last week
        died = days[0].value.earliest if days else analysis.document.published
        week_before = None if days else died - dt.timedelta(days=7)
        people = _people_of(analysis) if people is None else people
        named = [p for p in people if before.start <= p[0] < before.end]
        if not named:
            continue
        births = _births_of(analysis)
        key = named[0][3]
        if key not in births:
            continue
        birth, _ = births[key]
        allowed = _age_range(birth, died)
        if allowed is not None and week_before is not None:
            earlier = _age_range(birth, week_before)
            allowed = (min(allowed[0], earlier[0]), max(allowed[1], earlier[1])) if earlier else allowed
        age = int(match.group(1))
        if allowed is None or allowed[0] <= age <= allowed[1]:
            continue
        shown = str(allowed[0]) if allowed[0] == allowed[1] else f"{allowed[0]} or {allowed[1]}"
        start, end = match.start(1), match.end(1)
        yield rule.finding(
            rule.message("age_at", person=_display(analysis, key), allowed=shown, born=_shown(birth),
                         day=died.isoformat() if week_before is None else f"between {week_before.isoformat()} and {died.isoformat()}",
                         stated=age),
            start, end, analysis.document.source[start:end], suggestion=str(allowed[0]) if allowed[0] == allowed[1] else None,
            evidence=Evidence(fact="birth date", value=_shown(birth), source=births[key][1]),
        )


# a person named as someone's kin: "his father, Xavier Marchand", "her mother Céline Bonnet"
_KIN_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:late\s+)?(?:father|mother|son|daughter|wife|husband|brother|sister|"
                         r"grandfather|grandmother|uncle|aunt|partner|fiancée?)\s*,?\s*$", re.IGNORECASE)
# "The 27-year-old Russian": an age told with a nationality, the way a story turns to someone it has just told of
_CALLED_BY_NATION = re.compile(r"-year-old\s+[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|er|on)\b")


def _another_before(text: str, start: int, earlier: list, key) -> bool:
    """Does the paragraph before the age's own name people, none of them the one the story is about? "… having also
    been two sets up against Nadal two years ago.\n\nThe 27-year-old Russian played four five-set matches …" goes on
    with the paragraph before, about Medvedev, not with the champion named further back: no one to hold the age to.
    (Asked only of an age told with a nationality: "The 36-year-old singer" after a paragraph on another singer is
    the story's own.)"""
    opening = text.rfind("\n\n", 0, start)
    before = text.rfind("\n\n", 0, opening) if opening >= 0 else -1
    named = {p[3] for p in earlier if before < p[0] < opening}
    return bool(named) and key not in named


def _opens_its_paragraph(text: str, sentence) -> bool:
    """Is the sentence its paragraph's first?"""
    paragraph = text.rfind("\n\n", 0, sentence.start)
    return not text[paragraph + 2 if paragraph >= 0 else 0:sentence.start].strip()


def _death_told(analysis: Analysis, text: str, sentence):
    """The sentence before the age, or the one before that in its paragraph ("… died on Tuesday, 8 August
    2023, in Valladolid. Born on 9 July 1928 …, he had marked his birthday a month earlier. He was 94."),
    that tells of the death; or None."""
    current = sentence
    for _ in range(2):
        before = analysis.sentence_of(max(current.start - 1, 0))
        if before.start == current.start or "\n\n" in text[before.end:current.start]:
            return None
        if _DIED.search(text[before.start:before.end]):
            return before
        current = before
    return None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    parsed = word_value(text.replace(" ", "-"))
    return int(parsed[0]) if parsed and parsed[0] == int(parsed[0]) else None


def _people_of(analysis: Analysis) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """`_people`, read once for the document (three passes of this kind ask for them)."""
    return analysis.derived("age:people", lambda: _people(analysis))


def _births_of(analysis: Analysis) -> dict:
    """`_birth_dates` of the document's people, read once for the document."""
    return analysis.derived("age:births", lambda: _birth_dates(analysis, _people_of(analysis)))


def _people(analysis: Analysis) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, name as written, key of the full name) for every person named."""
    people = []
    named: set[int] = set()  # the offsets a person's name covers (a set: a scan of `people` grows with its square)
    by_surname: dict[tuple[str, ...], tuple[str, ...]] = {}  # the first full name met for each last word

    def add(start: int, end: int, written: str, full: tuple[str, ...]) -> None:
        people.append((start, end, written, full))
        named.update(range(start, end))
        by_surname.setdefault(full[-1:], full)

    for link in analysis.links:
        if link.record.type == "person":
            add(link.start, link.end, link.text, name_key(link.record.name))
    for mention in analysis.mentions:
        # the recogniser calls some titles people ("Finals MVP", "the CEO"): no name ends in an acronym
        # … and a "person" after "born in" or "raised in" is a place ("Born … in Bogotá"); a people's word is
        # no one's name ("The 29-year-old Briton")
        if mention.kind == "person" and mention.start not in named and not re.search(r"\b[A-Z]{3,}$", mention.text) \
                and not _a_place_by_its_preposition(analysis, mention) and not _ONLY_A_PEOPLE.fullmatch(mention.text):
            key = name_key(mention.text)
            add(mention.start, mention.end, mention.text, by_surname.get(key[-1:], key) if key else key)
    text = analysis.document.text
    # a name a birth is told of is a person's, whatever the recogniser called it ("Christie, who was born on
    # 15 September 1890"), by the full name the article gives it first ("Agatha Christie's The Mousetrap")
    for born in _NAME_THEN_BORN.finditer(text):
        if born.start(1) in named:
            continue
        key = name_key(born.group(1))
        if len(key) == 1:
            full = re.search(rf"\b([A-Z][a-z]+)\s+{re.escape(born.group(1))}\b", text[:born.start(1)])
            key = name_key(full.group(0)) if full else key
        if key:
            add(born.start(1), born.end(1), born.group(1), by_surname.get(key[-1:], key))
    # a surname alone names the person given in full elsewhere, whatever the recogniser called it
    surnames = {p[3][-1]: p[3] for p in people if len(p[3]) >= 2}
    for token in analysis.tokens:
        full = surnames.get(token.norm)
        if full and text[token.start].isupper() and token.start not in named:
            end = token.end - (2 if text[token.start:token.end].endswith(("’s", "'s")) else 0)
            add(token.start, end, text[token.start:end], full)
    return sorted(people)


# (an age may stand between: "Dalin, 41, who was born in Le Havre on 10 May 1984")
# (or the name the subject of "was born": "Marchand was born in Toulouse on 17 May 2002")
# (the name on one line, its words ending in a point only when short: "J.", "Jr." — not "Olympics.\n\nMarchand")
_NAME_THEN_BORN = re.compile(r"(?<![\w’'])((?:[A-Z](?:[\w’'-]{0,2}\.|[\w’'-]*)[ \t]+){0,2}[A-Z][\w’'-]*)(?:,\s+(?:\d{1,3},\s+)?"
                             r"(?:who\s+was\s+)?|\s+was\s+)born\s+(?:on|in)\b")


BIRTH_KEY = re.compile(r"(?:birth_?date|born(?:_on)?|date_of_birth|dob|birthday|birth_year|year_of_birth|born_year)")


def _birth_key(key: str) -> bool:
    """`born`, `date_of_birth` …, or a birth kept with its place: `born.date`, `birth.on` (`born: {date: …, place: …}`)."""
    parts = key.split(".")
    return BIRTH_KEY.fullmatch(key) is not None or \
        (len(parts) == 2 and re.fullmatch(r"born|birth", parts[0]) is not None and parts[1] in ("date", "on", "when", "day", "year"))


def _display(analysis: Analysis, key: tuple[str, ...]) -> str:
    """A person's name as the records or the article write it ("King Charles III", not "King Charles Iii")."""
    if key[:1] == _BORN_IN_SENTENCE:
        return "The person"
    for record in analysis.records.records:
        for name in record.names:
            if name_key(name) == key:
                return name
    return " ".join(word.upper() if re.fullmatch(r"[ivx]+", word) else word.title() for word in key)


def _recorded_births(records: list) -> dict[tuple[str, ...], tuple[dt.date | int, str]]:
    """Birth dates the records give, by the person's name key: a person record's own (birth_date,
    born, date_of_birth, dob, birthday in the newsroom's words) and those of people kept as items of
    another record's list ("people: [{name: Robert Downey Jr., born: 1965-04-04}]"); a person's own
    record wins."""
    births: dict[tuple[str, ...], tuple] = {}
    listed: dict[tuple[str, ...], tuple] = {}

    def usable(value) -> bool:
        return isinstance(value, (dt.date, int)) and not isinstance(value, bool)

    for record in records:
        for key, values in record.facts.items():
            if "." in key and BIRTH_KEY.fullmatch(key.rsplit(".", 1)[1]):
                for value in values:
                    item = value.qualifiers.get("item")
                    if isinstance(item, str) and usable(value.value):
                        listed.setdefault(name_key(item), (value.value, f"record {record.id}"))
        if record.type == "person":
            birth = next((values[0].value for key, values in record.facts.items()
                          if _birth_key(key) and values and usable(values[0].value)), None)
            if birth is not None:
                births[name_key(record.name)] = (birth, f"record {record.id}")
    return {**listed, **births}


@dataclass(frozen=True)
class _RecordedAge:
    """An age the records state for a person they give no birth date (`age_at_finish: 40`,
    `age_at_chicago_2023: 23`): the age on the day the article tells of."""
    age: int
    key: str


@dataclass(frozen=True)
class _TurningAge(_RecordedAge):
    """An age the article gives by a birthday still to come ("who turns 91 next week": 90 until then); `key` is the
    words that tell it."""


def _recorded_ages(records: list) -> dict[tuple[str, ...], tuple[int, str, int | None, str]]:
    """Each person record's one age fact (a key whose words are only "age", with a whole number):
    the age, its key, the year the key or its `as_of` names, and the record's id. A record with
    two such ages (`age_at_2019_final`, `age_at_2023_final`) keeps them both, by year."""
    found: dict[tuple[str, ...], list] = {}
    for record in records:
        if record.type != "person":
            continue
        for key, values in record.facts.items():
            if "." in key or fact_key_words(key) != ("age",) or len(values) != 1:
                continue
            value = values[0]
            if not isinstance(value.value, int) or isinstance(value.value, bool) or not 0 < value.value < 125:
                continue
            as_of = value.qualifiers.get("as_of")
            year = describe_key(key).year or (as_of.year if isinstance(as_of, dt.date) else as_of if isinstance(as_of, int) else None)
            found.setdefault(name_key(record.name), []).append((value.value, key, year, record.id))
    return {name: tuple(ages) for name, ages in found.items()}


def _stated_ages(analysis: Analysis, published: dt.date) -> dict[tuple[str, ...], tuple[_RecordedAge, str]]:
    """The recorded age of each person that holds on the publication date: a key of that year, or
    the one age with no year (a record's age is the age at the story it was kept for)."""
    ages = {}
    for name, recorded in analysis.records.facts_memo("age:recorded", _recorded_ages).items():
        fitting = [r for r in recorded if r[2] == published.year] or [r for r in recorded if r[2] is None]
        if len(fitting) == 1:
            age, key, _, record_id = fitting[0]
            ages[name] = (_RecordedAge(age, key), f"record {record_id}")
    return ages


def _main_subject(analysis: Analysis, sentence) -> int | None:
    """The offset of the subject of a sentence's main verb, from the parse."""
    syntax = analysis.syntax
    if syntax is None:
        return None
    for token in syntax.tokens:
        if sentence.start <= token.start < sentence.end and token.dep in ("nsubj", "nsubjpass") \
                and syntax.tokens[token.head].dep == "ROOT":
            return token.start
    return None


def _participle_subject(analysis: Analysis, born: int) -> int | None:
    """The offset of the subject of the verb an opening "Born …" hangs on: "Born in Tokyo on 17 January 1952, he
    died on Tuesday …, his management company said" is of "he", not of the company that said it."""
    syntax = analysis.syntax
    index = syntax.span_root(born, born + 4) if syntax is not None else None
    if index is None or syntax.tokens[index].dep != "advcl":
        return None
    head = syntax.tokens[index].head
    return next((syntax.tokens[c].start for c in syntax.children(head) if syntax.tokens[c].dep in ("nsubj", "nsubjpass")), None)


def _birth_dates(analysis: Analysis, people) -> dict[tuple[str, ...], tuple[DateValue | dt.date | int, str]]:
    # read from the records once for the run, not for every article
    births = dict(analysis.records.facts_memo("age:births", _recorded_births))
    text = analysis.document.text
    for match in _BORN_ANY_CASE.finditer(text):
        sentence = analysis.sentence_of(match.start())
        date = next((m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue)
                     and match.end() <= m.start < min(sentence.end, match.end() + 70)), None)  # ("Born in Haugesund, on Norway's west coast, on 29 September 1959")
        if date is not None and _finite_verb_between(analysis, match.end(), date.start):
            date = None  # "Vargas, born in Cienfuegos, Cuba, was granted Turkish citizenship in April 2021": another verb's date
        person = next((p for p in reversed(people) if sentence.start <= p[0] < match.start()), None)
        if person is None and _ANAPHORIC_SUBJECT.match(text[sentence.start:match.start()]):
            # "The 27-year-old Serbian, born Feb. 19, 1995, …", "She was born in …": the person the
            # sentences before named last, in the same paragraph
            person = next((p for p in reversed(people) if sentence.start - 600 <= p[0] < sentence.start
                           and "\n\n" not in text[p[1]:sentence.start]), None)
        if person is None and date is not None and not text[sentence.start:match.start()].strip(" \"“'"):
            # "Born on Jan. 17, 1955, in Szolnok, Hungary, Karikó earned her doctorate": the participle
            # opens the sentence and speaks of its subject, named after it
            # (its subject, not a name inside the participle: "Born … to an American father, Greg, …")
            subject = _participle_subject(analysis, match.start()) or _main_subject(analysis, sentence)
            person = next((p for p in people if subject is not None and p[0] <= subject < p[1]), None)
            if person is None and _AGE_AFTER_PARTICIPLE.search(text, match.end(), sentence.end):
                # "Born … on 10 November 1999 to an American father, …, the 25-year-old is …": the age and the
                # birth are one subject's, whoever it is
                person = (sentence.start, sentence.start, "", _born_in_sentence(sentence.start))
            if person is None and subject is not None and re.match(r"(?:he|she)\b", text[subject:subject + 4], re.IGNORECASE):
                # "Born on 9 July 1928 in Santo Domingo-Caudilla, he had …": the person the paragraph named last
                person = next((p for p in reversed(people) if sentence.start - 600 <= p[0] < sentence.start
                               and "\n\n" not in text[p[1]:sentence.start]), None)
        if date is not None and person is None and _AGE_THEN_BORN.match(text[sentence.start:match.start()]):
            # "The 67-year-old was born in Hong Kong on March 24, 1957": the age and the birth are one
            # subject's, whoever it is
            person = (sentence.start, sentence.start, "", _born_in_sentence(sentence.start))
        if date is not None and person is not None:
            line, _ = analysis.document.position(date.start)
            births.setdefault(person[3], (date.value, f"“born … {date.text}” on line {line}"))
    for match in _TURNS_ON.finditer(text):
        # "The world No 1, who turns 48 on Tuesday [5 December 2023]": born on 5 December 1975
        sentence = analysis.sentence_of(match.start())
        day = next((m for m in analysis.mentions_in(match.end(), min(sentence.end, match.end() + 30), "date")
                    if isinstance(m.value, DateValue) and m.value.precision == "day"
                    and re.fullmatch(r"\s*(?:on\s+)?(?:(?:this|next|last|coming)\s+)?", text[match.end():m.start])), None)
        # (the person the sentence names before it, or the subject of the sentence before: "Ronnie O'Sullivan
        # became the oldest winner …, beating Ding Junhui 10-7 … [new paragraph] The world No 1, who turns 48 on
        # Tuesday, …" is O'Sullivan)
        person = next((p for p in reversed(people) if sentence.start <= p[0] < match.start()), None)
        if person is None and sentence.start > 0:
            subject = _main_subject(analysis, analysis.sentence_of(sentence.start - 1))
            person = next((p for p in people if subject is not None and p[0] <= subject < p[1]), None)
        if day is None or person is None:
            continue
        on = day.value.earliest
        try:
            birth = on.replace(year=on.year - int(match.group(1)))
        except ValueError:
            continue  # (a birthday on 29 February)
        line, _ = analysis.document.position(match.start())
        births.setdefault(person[3], (birth, f"“{match.group(0)}{text[match.end():day.end]}” on line {line}"))
    published = analysis.document.published
    for match in _TURNS_SOON.finditer(text) if published is not None else ():
        # "Margaret Keenan, who turns 91 next week, …": 90 until a birthday still to come (the age on the day of
        # publication is all this tells)
        sentence = analysis.sentence_of(match.start())
        person = next((p for p in reversed(people) if sentence.start <= p[0] < match.start()), None)
        if person is None:
            continue
        line, _ = analysis.document.position(match.start())
        births.setdefault(person[3], (_TurningAge(int(match.group(1)) - 1, match.group(0)), f"line {line} of this article"))
    return births


def _finite_verb_between(analysis: Analysis, start: int, end: int) -> bool:
    """Does the parse find a verb with a tense of its own ("was granted", "moved") between two offsets?"""
    syntax = analysis.syntax
    if syntax is None:
        return False
    first, last = bisect.bisect_left(syntax.starts, start), bisect.bisect_left(syntax.starts, end)
    return any(syntax.tokens[i].tag in ("VBD", "VBZ", "VBP", "MD") for i in range(first, last))


# a birthday on a day given: "who turns 48 on Tuesday", "turned 76 on Thursday"
# … or turns it soon, no day given: "who turns 91 next week"
_TURNS_SOON = re.compile(r"\b(?:turns|will\s+turn|is\s+turning)\s+(\d{1,3})\s+(?:next\s+(?:week|month)|later\s+this\s+(?:week|month))\b")
_TURNS_ON = re.compile(r"\b(?:turns|turned|will\s+turn|is\s+turning)\s+(\d{1,3})\b(?=\s+(?:on\s+)?(?:(?:this|next|last|coming)\s+)?[A-Z0-9])")


# the subject after an opening participle, an age: "Born in Lafayette …, the 25-year-old is …"
# (its verb any: "…, on 29 September 1959, the 63-year-old grew up in Strandebarm")
_AGE_AFTER_PARTICIPLE = re.compile(r",\s+the\s+[\w-]+-year-old(?:\s+[a-z]+){0,2}\s+(?:is|was|has|had|will|became|becomes|won|wins|took|takes|"
                                   r"grew|went|began|left|made|spent|[a-z]+ed)\b")
_AGE_THEN_BORN = re.compile(r"\s*The [\w-]+-year-old(?:\s+[a-z]+){0,2}\s+(?:was|is)\s+$")
_BORN_IN_SENTENCE = ("\0born",)  # the key of a birth told of the age's own subject


def _born_in_sentence(sentence_start: int) -> tuple[str, ...]:
    return _BORN_IN_SENTENCE + (str(sentence_start),)


# the endings of words for a people ("Serbian", "Japanese", "Spanish", "Israeli", "Czech"): the
# recogniser calls some surnames a group too ("the 20-year-old Alcaraz")
_PEOPLE_WORD = (r"(?:Swede|Dane|Pole|Finn|Scot|Turk|Serb|Croat|Czech|Slovak|Slovene|Bosniak|Kazakh|Uzbek|Briton|Brit|Kiwi|Aussie|Greek|Thai|Basque|Swiss|Filipino|Filipina|Spaniard|"
                r"(?:French|Dutch|Irish|Welsh|English|Scots)(?:man|woman))")
_DEMONYM = re.compile(rf"(?:ans?|ese|ish|i|ic|ch|er|ss|ard|iot)$|^{_PEOPLE_WORD}$")
# … and a word only a people is called, which the recogniser may call a person ("The 29-year-old Briton")
_ONLY_A_PEOPLE = re.compile(rf"{_PEOPLE_WORD}s?")


# a sentence whose subject names nobody: a pronoun, or "the 27-year-old Serbian"; the words up to "born"
_ANAPHORIC_SUBJECT = re.compile(r"\s*(?:(?:He|She)\b[^,]*|The [\w-]+-year-old[\w\s-]*,\s*(?:who\s+was\s+)?)$")


def _age_range(birth, on: dt.date) -> tuple[int, int] | None:
    if isinstance(birth, _RecordedAge):
        return birth.age, birth.age
    if isinstance(birth, dt.date):
        age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
        return age, age
    if isinstance(birth, int):
        return on.year - birth - 1, on.year - birth
    if isinstance(birth, DateValue):
        oldest = on.year - birth.earliest.year - ((on.month, on.day) < (birth.earliest.month, birth.earliest.day))
        youngest = on.year - birth.latest.year - ((on.month, on.day) < (birth.latest.month, birth.latest.day))
        return youngest, oldest
    return None


def _ages(analysis: Analysis, rule, published: dt.date) -> Iterator[Finding]:
    text = analysis.document.text
    people = _people_of(analysis)
    if not people and "year-old" not in text:
        return  # (a titled age needs no name: "the 95-year-old monarch")
    # a birth date, from the records or the article, else an age the records state
    births = {**_stated_ages(analysis, published), **_births_of(analysis)}
    stated: list[tuple[int, int, int, tuple | None]] = []  # start, end, age, person key (None: nearest)
    moments: dict[int, DateValue] = {}  # an age's start → the day it was that age, when not the publication's
    when_ages: set[int] = set()  # ages on the day of a "when" clause: only a birth in their own sentence tells them
    at_death: set[int] = set()  # an obituary's "X was N.", its own sentence giving the birth: the age at the death reported
    for number, pattern in enumerate(AGE_PATTERNS):
        for match in pattern.finditer(text):
            age = _number(match.group(1))
            if age is not None and 0 < age < 125:
                if number == 2 and _of_a_past_moment(analysis, match.start(1), match.end(1)):
                    # "moved to Oxford at the age of four": an age then, not now — checked only when
                    # its clause says which day ("who turned 76 on Thursday", "died … on January 5, 1922,
                    # at the age of 48")
                    day = _day_of_its_verb(analysis, match.start(1), match.end(1))
                    if day is None:
                        continue
                    moments[match.start(1)] = day
                if number == _OBITUARY_AGE:
                    # (its subject the name right before it, born in the same sentence)
                    sentence = analysis.sentence_of(match.start(1))
                    named = next((p for p in people if p[1] == match.start()), None)
                    if named is not None and named[3] in births and _BORN_ANY_CASE.search(text, sentence.start, named[0]) \
                            and _DIED.search(text):
                        stated.append((match.start(1), match.end(1), age, named[3]))
                        at_death.add(match.start(1))
                    continue
                if number == 3:
                    day = _day_of_its_when(analysis, match.end())
                    if day is None:
                        continue
                    moments[match.start(1)] = day
                    when_ages.add(match.start(1))
                if number == 0 and re.search(r"(?:'s|’s|s'|s’|\b(?:his|her|their|its|our|my|your))\s+$",
                                             text[max(0, match.start() - 6):match.start()], re.IGNORECASE):
                    continue  # "Floyd's 7-year-old daughter", "her 19-year-old son": the age of what one owns, not theirs
                anaphor = number == 0 and re.search(r"\bthe\s+$", text[max(0, match.start() - 5):match.start()], re.IGNORECASE)
                named_after = re.match(r"[ \t]+([A-Z][\w'’.-]*)", text[match.end():match.end() + 40]) if number == 0 else None
                if number == 0 and named_after is None:
                    # "The 36-year-old defender Stopira": a role noun or two between the age and the name
                    named_after = _after_role_nouns(analysis, match.end())
                # "The 36-year-old Ukrainian": the one person of the article the records give that nationality
                said_after = named_after.group(1).rstrip(".’'") if named_after else ""
                of_a_people = _of_that_people(analysis, said_after) if named_after else None
                if named_after:
                    # "the 20-year-old Shelton": the age is the name's right after it, known or not
                    # ("the 27-year-old Serbian" names a nationality, not a person: the age is the subject's)
                    position = match.end() + named_after.start(1)
                    after = next((p for p in people if p[0] == position), None)
                    if after is not None:
                        stated.append((match.start(1), match.end(1), age, after[3]))
                    if after is not None or not (analysis.mentions_in(position, position + 1, "group") and _DEMONYM.search(said_after)
                                                 or _DEMONYM.search(said_after) and of_a_people
                                                 or _ONLY_A_PEOPLE.fullmatch(said_after)
                                                 or _names_a_noun(analysis, position)):
                        continue
                # ("At 75 he is the oldest monarch": the "he" is the one named last before, like "the 75-year-old")
                he = number == 2 and re.match(r"\s*,?\s+(?:he|she)\b", text[match.end():match.end() + 6])
                stated.append((match.start(1), match.end(1), age, of_a_people or (None if anaphor or he else "sentence")))
    for start, end, _, key in people:
        after = _AFTER_NAME.match(text[end:end + 12])
        if after and not _inside_another_persons_name(analysis, start, end, key):
            stated.append((end + after.start(1), end + after.end(1), int(after.group(1)), key))
    for start, end, age, key in sorted(stated):
        ahead = False  # told of by a name after it, a weaker tie
        either_day = False
        others: set = set()  # others an unnamed age may be of, as well as `key`
        sentence = analysis.sentence_of(start)
        own_birth = key in (None, "sentence") and _born_in_sentence(sentence.start) in births
        if start in when_ages and not own_birth:
            # the one born must be the one the age is of: the last person named before it ("Harman, born …,
            # becomes the oldest … since Sergio Garcia, who was 37 when he won the 2017 Masters" is Garcia's)
            named = [p for p in people if sentence.start <= p[0] < start]
            if not (named and named[-1][3] in births and _BORN_ANY_CASE.search(text, sentence.start, start)):
                continue
            key = named[-1][3]
        # (a past after "born" tells of the birth: "Agostini, 81, was born in Tunis …, when Tunisia was a
        # French protectorate")
        born = _BORN.search(text, end, sentence.end)
        # (not a past told in a relative clause on the age's own noun: "said the 21-year-old, who had been crippled by
        # cramp when he lost to Djokovic in June" is his age now)
        aside = _WHO_AFTER.match(text, end)
        told_until = born.start() if born else aside.start(1) if aside else sentence.end
        if _PAST_CONTEXT.search(text, sentence.start, told_until) and not own_birth \
                and start not in moments and start not in at_death:
            continue  # "was 27 when she won" speaks of another day than the publication
        if key is None and re.match(r"-year-old\b", text[end:end + 10]):
            # "the 95-year-old monarch" in a story that never names her in that sentence: the one
            # person the records title so ("Queen Elizabeth II")
            key = _titled(analysis, text[end + 10:end + 40], births) or key
        if own_birth:  # (a "when" later in it tells of another moment: "… came to Toronto in 1970, when she was 13")
            key = _born_in_sentence(sentence.start)
        if key is None or key == "sentence":
            # the nearest person before the age whose birth date is known: "Halloran returns
            # as Nora Keane. The 35-year-old …" is about the actor, not the character
            # … and "the 24-year-old" in a sentence that names people is its subject, the first named;
            # "aged 46" or "a 46-year-old" in a sentence that names nobody is nobody's we know
            # (a name inside a quotation is the speaker's words, not the sentence's subject: "… the
            # particular cruelty shown to George Floyd," Cahill told the 46-year-old former officer)
            named = [p for p in people if sentence.start <= p[0] < start and not quoted_at(text, p[0], paragraph_from=sentence.start)]
            in_sentence = [p for p in named if p[3] in births]
            # the last person named before it, known or not ("Vondroušová beat Jabeur … The 24-year-old
            # was ranked 42nd" is not about the champion named earlier) — but not a part played
            # ("Halloran returns as Nora Keane … The 35-year-old" is the actor)
            earlier = [p for p in people if sentence.start - 600 <= p[0] < start
                       and not re.search(r"\bas\s+$", text[max(0, p[0] - 4):p[0]])
                       and not (p[0] >= sentence.start and quoted_at(text, p[0], paragraph_from=sentence.start))]
            # (not one named as another's kin, "his father, Xavier Marchand,": the paragraph goes on with whose father)
            in_paragraph = [p for p in earlier if "\n\n" not in text[p[1]:start]
                            and not _KIN_BEFORE.search(text, max(0, p[0] - 30), p[0])]
            # or, with none before in its paragraph, the first named after it there ("The 29-year-old
            # quarterback was named MVP. "We're not done," Mahomes said."), or else the last named before
            paragraph_end = text.find("\n\n", start)
            later = [p for p in people if start < p[0] < (paragraph_end if paragraph_end >= 0 else len(text))]
            if in_sentence and in_sentence[0] == named[0]:
                key = in_sentence[0][3]
            elif key is None and not named and (in_paragraph or later or earlier):
                either_day = True  # (the age of a past day the sentence tells of, or of today)
                # a person named later in the age's own sentence is in another of its clauses ("The
                # 62-year-old …, the first Labour prime minister since Gordon Brown left office"):
                # the one named after it is taken from the sentences that follow
                # … when it is a subject there ("'We're not done,' Mahomes said"), not a name in a
                # sentence about someone else ("He finished … ahead of … Geraint Thomas")
                # (not one the age's own sentence sets against it: "said the 21-year-old, who had … lost to Djokovic")
                # (nor, when the age opens its sentence as its subject, one that sentence names after it: "The 28-year-old …
                # joins Seve Ballesteros (1980, 1983) … as Spanish winners. Ballesteros … was born on 9 April 1957")
                opens = re.fullmatch(r"\s*The\s+", text[sentence.start:start]) is not None
                against = {p[3] for p in later if p[0] < sentence.end} if _WHO_AFTER.match(text, end) or opens else set()
                following = [p for p in later if p[0] >= sentence.end and _a_subject(analysis, p[0], p[1]) and p[3] not in against]
                key = (in_paragraph[-1] if in_paragraph else following[0] if following
                       else _salient(start, people) if earlier else later[0])[3]
                last = earlier[-1][3] if earlier else None
                if not in_paragraph and not following and last is not None and last != key and key in births \
                        and text.count("\n\n", earlier[-1][1], start) == 1 \
                        and last in births and (fits := _age_range(births[last][0], published)) is not None and fits[0] <= age <= fits[1]:
                    # "… Hamilton became the first driver to win 100 Grands Prix.\n\nFor the 36-year-old Briton, …": the age is that
                    # of the one the paragraph before names last, whom the records (or the article) give that age, not the story's own
                    continue
                ahead = not in_paragraph and (bool(following) or not earlier)
                # "Vondroušová became the first unseeded champion, beating sixth seed Ons Jabeur … The 24-year-old
                # left-hander …": another person the sentence before names may be the one meant
                previous = analysis.sentence_of(max(sentence.start - 1, 0))
                others = {p[3] for p in in_paragraph if previous.start <= p[0] < sentence.start and previous.start < sentence.start} - {key}
                before_paragraph = _the_one_a_pronoun_goes_on_with(text, start, earlier, _salient(start, people)[3] if earlier else None) \
                    if not in_paragraph else None
                if before_paragraph is not None:
                    key, ahead = before_paragraph, False
                elif not in_paragraph and not following and earlier and _CALLED_BY_NATION.match(text, end) \
                        and _another_before(text, start, earlier, key):
                    continue
            elif key is None and named and _acted_on_by(analysis, start, end, named):
                # "Judge Lewis A. Kaplan also ordered the 31-year-old to forfeit $11 billion": the one a named
                # subject acts on is no one the sentence names, but the story's own person, named before
                subjects = {p[3] for p in named}
                rest = [p for p in people if p[0] < start and p[3] not in subjects]
                if not rest:
                    continue
                key = _salient(start, rest)[3]
            elif key == "sentence" and not named and later and later[0][0] < sentence.end \
                    and re.match(r"\s*,", text[end:end + 3]):
                key, ahead = later[0][3], True  # "at the age of 75, the King …": the subject after it
            elif key == "sentence" and not named and start in moments and (in_paragraph or earlier and _opens_its_paragraph(text, sentence)) \
                    and re.match(r"\s*(?:[Bb]orn\b[^.;]*?,\s*)?(?:He|She|he|she|His|Her)\b", text[sentence.start:start]):
                # "He died … on January 5, 1922, at the age of 48", "Born in Tokyo on 17 January 1952, he died … at the
                # age of 72", "His death on Monday, at the age of 73, was confirmed …": the one the paragraph named last
                # (or, opening its paragraph, the one named last before it)
                key = (in_paragraph or earlier)[-1][3]
            else:
                continue
        if key not in births:
            continue
        birth, source = births[key]
        if ahead and isinstance(birth, _RecordedAge):
            continue  # "The 29-year-old Kenyan … held off Sifan Hassan. Hassan, …": a recorded age needs its person before it
        on = moments[start].latest if start in moments else published
        allowed = _age_range(birth, on)
        if start in moments and moments[start].precision != "day" and allowed is not None:
            # a year told ("died … in 1967 at the age of 72"): any day of it
            earlier = _age_range(birth, moments[start].earliest)
            allowed = (min(allowed[0], earlier[0]), allowed[1]) if earlier else allowed
        if allowed is not None and start not in moments and isinstance(birth, dt.date) and _birthday_just_passed(birth, published):
            # "Pogačar, 21, rides into Paris" published on his 22nd birthday: copy written for the day
            # before may give the age of the day before
            allowed = (allowed[0] - 1, allowed[1])
        if allowed is None or allowed[0] <= age <= allowed[1]:
            continue
        if either_day and start not in moments \
                and any((then := _age_range(birth, day)) is None or then[0] <= age <= then[1]
                        for day in _past_days_told(analysis, sentence, published)):
            continue  # the age of a past day the sentence tells of: "The 17-year-old scored the only goal … on 29 June 1958"
        if any(other in births and (fits := _age_range(births[other][0], on)) is not None and fits[0] <= age <= fits[1]
               for other in others):
            continue  # the age of another the sentence before names: which one it is, the copy does not say
        if re.search(r"\b(?:turns|turning|will turn)\s+$", text[max(0, start - 12):start], re.IGNORECASE) and allowed[0] <= age - 1 <= allowed[1]:
            continue  # "79, who turns 80 next month": the birthday is still to come
        if start not in moments and isinstance(birth, dt.date) and not allowed[0] - 1 <= age <= allowed[1] + 1 \
                and _fits_a_past_day_told_before(analysis, sentence, birth, age, published):
            continue  # "Fifty years ago today, … Oct. 30, 1974, Muhammad Ali knocked out George Foreman …" and later
            # "Foreman, 25, was unbeaten": told in the past, the age of the story's day (an age one year off today's
            # is as likely a slip: "Chauvin, 44, spoke briefly before the sentence was read")
        shown = str(allowed[0]) if allowed[0] == allowed[1] else f"{allowed[0]} or {allowed[1]}"
        written = analysis.document.source[start:end]
        if isinstance(birth, _TurningAge):
            yield rule.finding(
                rule.message("turning", person=_display(analysis, key), allowed=shown, told=birth.key, line=source, stated=age),
                start, end, written, suggestion=shown if written.isdigit() else None,
                evidence=Evidence(fact="age", value=birth.key, source=source),
            )
            continue
        if isinstance(birth, _RecordedAge):
            yield rule.finding(
                rule.message("recorded", person=_display(analysis, key), allowed=shown, fact=birth.key, stated=age),
                start, end, written, suggestion=shown if written.isdigit() else None,
                evidence=Evidence(fact=birth.key, value=str(birth.age), source=source),
            )
            continue
        yield rule.finding(
            rule.message("age" if on == published else "age_on", person=_display(analysis, key), allowed=shown,
                         published=published.isoformat(),
                         on=f"on {on.isoformat()}" if start not in moments or moments[start].precision == "day" else f"in {on.year}",
                         born=_shown(birth), stated=age),
            start, end, written,
            suggestion=str(allowed[1] if allowed[0] == allowed[1] else allowed[0]) if written.isdigit() else None,
            evidence=Evidence(fact="birth_date", value=_shown(birth), source=source),
        )


# the endings of a word for someone's role ("defender", "captain", "coach", "mayor", "chief", "star"),
# not of a verb the parser may read as a noun ("shot", "beat")
_WHO_AFTER = re.compile(r"(?:-year-old)?(\s*,\s*who\b)")
_ROLE_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ee|ain|ach|ief|ar|ard|ive)$")
# one or two lower-case words, then the name (its group 1, as the caller reads a name right after the age)
_ROLES_THEN_NAME = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){1,2}([A-Z][\w'’.-]*)")


def _after_role_nouns(analysis: Analysis, position: int) -> re.Match | None:
    """The name after one or two common nouns of role right after an age ("the 36-year-old defender
    Stopira", "the 64-year-old former mayor …" is no name): the nouns by the parse, not a verb ("the
    20-year-old beat Jannik Sinner" tells of another)."""
    text = analysis.document.text
    found = _ROLES_THEN_NAME.match(text[position:position + 50])
    if found is None or analysis.syntax is None:
        return None
    roles = text[position:position + found.start(1)]
    for word in re.finditer(r"[a-z]+", roles):
        index = analysis.syntax.span_root(position + word.start(), position + word.end())
        if index is None or not analysis.syntax.tokens[index].tag.startswith("NN"):
            return None
    if not _ROLE_NOUN.search(roles.split()[-1]):
        return None  # (the small parser reads "The 37-year-old shot Steenkamp" as a noun before a name)
    return found


def _inside_another_persons_name(analysis: Analysis, start: int, end: int, key) -> bool:
    """Is the name the end of a longer one written right before it, with a word the person's own name does not have
    ("Jean-Marie Le Pen, now 93," read as the "Pen" of Marine Le Pen's record), or written with another given name
    right before the surname ("Maggie Murdaugh, 52,")? A title before it ("President") is none."""
    if key is None or isinstance(key, str):
        return False
    written = name_key(analysis.document.text[start:end])
    shared = 0  # the words the two names end in alike
    while shared < min(len(written), len(key)) and written[-1 - shared] == key[-1 - shared]:
        shared += 1
    if 0 < shared < min(len(written), len(key)) and written[-1 - shared] not in HONORIFICS \
            and not any(link.record.type == "person" and link.start <= start and end <= link.end for link in analysis.links):
        return True  # "Maggie Murdaugh, 52," beside Alex Murdaugh's record: the surname, with another given name
    if not written or written[0] == key[0]:
        return False  # the name written with its own given name: what stands before is a title ("Education Secretary")
    # (capitalised words or initials, not a sentence's last word: "on Tuesday. Keenan, 91,")
    before = re.search(r"((?:(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t]+){1,3})$", analysis.document.text[max(0, start - 40):start])
    return before is not None and any(word not in key and word not in HONORIFICS for word in name_key(before.group(1)))


def _birthday_just_passed(birth: dt.date, published: dt.date, days: int = 2) -> bool:
    """Was the person's birthday on the publication day or in the `days` before it?"""
    for back in range(days + 1):
        day = published - dt.timedelta(days=back)
        if (day.month, day.day) == (birth.month, birth.day):
            return True
    return False


def _fits_a_past_day_told_before(analysis: Analysis, sentence, birth: dt.date, age: int, published: dt.date) -> bool:
    """Is the age the person's on a day of an earlier year the article gives before the sentence, and is the sentence
    told in the past? Then it is the age of the story's day, not of the day of publication."""
    syntax = analysis.syntax
    if syntax is None or not any(t.tag == "VBD" for t in syntax.tokens if sentence.start <= t.start < sentence.end):
        return False
    for day in analysis.mentions_in(0, sentence.start, "date"):
        if isinstance(day.value, DateValue) and day.value.precision == "day" and not day.value.relative \
                and day.value.latest.year < published.year and day.value.earliest > birth:
            fits = _age_range(birth, day.value.latest)
            if fits is not None and fits[0] <= age <= fits[1]:
                return True
    return False


# the facts that say where a person is from
_ORIGIN_KEY = re.compile(r"(?:^|[._])(?:nationality|citizenship|country|birthplace|born_in|place_of_birth|hometown|from)(?:$|[._])")


def _of_that_people(analysis: Analysis, demonym: str) -> tuple[str, ...] | None:
    """The one person the article links whose record says they are of the people a word names ("Ukrainian" of
    `nationality: Ukrainian`, `birthplace: "Simferopol, Crimea, Ukraine"`), as the person keys go; None when none or two."""
    from factcheck.names import inflection

    word = fold(demonym)
    found = set()
    for link in analysis.links:
        if link.record.type != "person":
            continue
        said = [fold(v.value) for key, values in link.record.facts.items() if _ORIGIN_KEY.search(key)
                for v in values if isinstance(v.value, str)]
        if any(w == word or inflection(w, word) for text in said for w in re.findall(r"[^\W\d_]+", text)):
            found.add(name_key(link.record.name))
    return next(iter(found)) if len(found) == 1 else None


def _past_days_told(analysis: Analysis, sentence, published: dt.date) -> list[dt.date]:
    """The days in earlier years the sentence tells of ("The 17-year-old scored the only goal … in Solna on 29 June
    1958"): the age may be his that day, or the one he is now ("The 20-year-old made his England debut … on 12
    November 2020" is his age at publication). A year alone ("has represented Holborn since 2015", "the first since
    Vettel in 2013") or a birth date is no such day, and nor is the sentence before ("… won in 2019. The 35-year-old
    …" is as often the age now)."""
    text = analysis.document.text
    return [m.value.earliest for m in analysis.mentions_in(sentence.start, sentence.end, "date")
            if isinstance(m.value, DateValue) and m.value.precision == "day" and not m.value.relative
            and m.value.latest.year < published.year
            and not re.search(r"\bborn\b[^.;]{0,12}$", text[max(sentence.start, m.start - 20):m.start], re.IGNORECASE)]


# a title copy uses for a person, and the words of the names it stands for
TITLES = {"monarch": ("queen", "king"), "sovereign": ("queen", "king"), "queen": ("queen",), "king": ("king",),
          "pope": ("pope",), "pontiff": ("pope",)}


def _titled(analysis: Analysis, after: str, births: dict) -> tuple[str, ...] | None:
    """The one person with a known birth date whose record's name holds the title written after
    the age ("the 95-year-old monarch": Queen Elizabeth II), or None."""
    noun = re.match(r"\s*([a-z]+)", after)
    words = TITLES.get(noun.group(1)) if noun else None
    if not words:
        # "the 70-year-old prime minister" of the one person whose record calls them "the prime minister"
        said = tuple(re.findall(r"[a-z]+", after.lower()))
        by_alias = analysis.records.facts_memo("age:titled-by-alias", _titled_by_alias)
        found = {key for title, keys in by_alias.items() if said[:len(title)] == title for key in keys} & set(births)
        return next(iter(found)) if len(found) == 1 else None
    titled = analysis.records.facts_memo("age:titled", _titled_people)
    found = {key for word in words for key in titled.get(word, ())} & set(births)
    return next(iter(found)) if len(found) == 1 else None


def _titled_by_alias(records: list) -> dict[tuple[str, ...], set]:
    """The people the records call by a title with "the" (`aliases: [the prime minister]`), by the title's words
    after it: built once."""
    found: dict[tuple[str, ...], set] = {}
    for record in records:
        if record.type == "person":
            for alias in record.aliases:
                words = tuple(re.findall(r"[a-z]+", alias.lower()))
                if len(words) >= 2 and words[0] == "the":
                    found.setdefault(words[1:], set()).add(name_key(record.name))
    return found


def _titled_people(records: list) -> dict[str, set]:
    """The people the records name with a title ("Queen Elizabeth II"), by the title's word: built once."""
    wanted = {word for words in TITLES.values() for word in words}
    found: dict[str, set] = {}
    for record in records:
        if record.type == "person":
            for word in {w.lower() for w in re.findall(r"[A-Za-z]+", record.name)} & wanted:
                found.setdefault(word, set()).add(name_key(record.name))
    return found


def _a_place_by_its_preposition(analysis: Analysis, mention) -> bool:
    """Is a name the recogniser calls a person the object of "in", "at" or "near" (a place: "born in
    Bogotá", "at Anfield")? A person is seldom where something happens."""
    syntax = analysis.syntax
    word = syntax.span_root(mention.start, mention.end) if syntax is not None else None
    if word is None or syntax.tokens[word].dep != "pobj":
        return False
    preposition = syntax.tokens[syntax.tokens[word].head]
    return analysis.document.text[preposition.start:preposition.end].lower() in ("in", "at", "near")


def _names_a_noun(analysis: Analysis, position: int) -> bool:
    """Is the name at `position` a modifier of a common noun after it ("the 23-year-old Team Ineos
    rider", "the 31-year-old Real Madrid striker"), not a person's name ("the 20-year-old Shelton")?"""
    syntax = analysis.syntax
    word = syntax.span_root(position, position + 1) if syntax is not None else None
    if word is None:
        return False
    while syntax.tokens[word].dep == "compound" and syntax.tokens[word].tag in ("NNP", "NNPS"):
        word = syntax.tokens[word].head
    token = syntax.tokens[word]
    return token.start > position and token.tag in ("NN", "NNS")


def _a_subject(analysis: Analysis, start: int, end: int) -> bool:
    syntax = analysis.syntax
    word = syntax.span_root(start, end) if syntax is not None else None
    return word is None or syntax.tokens[word].dep in ("nsubj", "nsubjpass")


def _the_one_a_pronoun_goes_on_with(text: str, start: int, earlier: list, story_person: tuple | None) -> tuple | None:
    """The one person the paragraph before names, when the age's own paragraph opens with "He", "She" or the
    age ("For Rose, whose only major remains the 2013 US Open, …\n\nHe was not even exempt this year. The
    43-year-old …"; "Tadej Pogačar arrived in Rome …\n\nThe 25-year-old Slovenian finished …, ahead of …
    Geraint Thomas …"): the paragraph goes on with that person, not the story's first (after a pronoun) nor one
    it names later."""
    opened = text.rfind("\n\n", 0, start) + 2
    pronoun = re.match(r"\s*(?:He|She)\b", text[opened:start])
    if opened < 2 or not (pronoun or re.fullmatch(r"\s*The\s+", text[opened:start])):
        return None
    before = text.rfind("\n\n", 0, opened - 2) + 2
    keys = {p[3] for p in earlier if before <= p[0] < opened}
    if len(keys) != 1:
        return None
    # (an age opening the paragraph goes on with the story's own person only: one the paragraph before named
    # alone may be a record holder she passed — "Okafor's tour had held the record. …\n\nThe 36-year-old singer")
    return keys.pop() if pronoun or keys == {story_person} else None


def _salient(start: int, people: list):
    """The one a new paragraph's "The 35-year-old singer" speaks of: the story's own, named first in
    the article (the headline's and the lead's), even when the paragraphs just before name only
    others (a record holder she passed, the host) — not whoever the paragraph before happened to end
    on ("… Justice Edson Fachin annulled Lula's convictions") nor the one named most (a beaten
    finalist may be named more than the champion)."""
    return next(p for p in people if p[0] < start)


def _acted_on_by(analysis: Analysis, start: int, end: int, named: list) -> bool:
    """Is the age's noun the object of a verb whose subject is a person the sentence names ("Kaplan
    ordered the 31-year-old to forfeit")?"""
    syntax = analysis.syntax
    word = syntax.span_root(start, end) if syntax is not None else None
    if word is None:
        return False
    for index in [word, *syntax.ancestors(word)[:3]]:
        token = syntax.tokens[index]
        if token.dep in ("dobj", "dative"):
            verb = token.head
            subjects = [child for child in syntax.children(verb) if syntax.tokens[child].dep == "nsubj"]
            return any(p[0] <= syntax.tokens[child].start < p[1] for child in subjects for p in named)
    return False


REPORTING_VERBS = {"said", "told", "added", "explained", "recalled", "wrote", "noted", "remembered", "says", "tells"}


def _of_a_past_moment(analysis: Analysis, start: int, end: int) -> bool:
    """Does the age hang on a verb in the past ("moved … at the age of four", "won it aged 19")?"""
    syntax = analysis.syntax
    if syntax is None:
        return False
    if re.search(r"\b(?:today|now|this week)\b[^.;]{0,30}$", analysis.document.text[max(0, start - 50):start], re.IGNORECASE):
        return False  # "and today, at the age of 75, the King had the crown placed on his head"
    word = syntax.span_root(start, end)
    if word is None:
        return False
    for index in syntax.ancestors(word)[:6]:
        token = syntax.tokens[index]
        if token.tag == "VBG" and token.dep in ("advcl", "acl", "conj"):
            continue  # "made his debut in 1957, scoring at the age of 16": the tense of the clause it joins
        if token.tag.startswith("VB"):
            verb = analysis.document.text[token.start:token.end].lower()
            return token.tag in ("VBD", "VBN") and verb not in REPORTING_VERBS
    return False


def _day_of_its_verb(analysis: Analysis, start: int, end: int) -> DateValue | None:
    """The day a past age was reached, when the verb it hangs on has one ("turned 76 on Thursday")."""
    syntax = analysis.syntax
    verb = syntax.governing_verb(start, end) if syntax is not None else None
    if verb is None:
        return None
    sentence = analysis.sentence_of(start)
    text = analysis.document.text
    token = syntax.tokens[verb]
    if text[token.start:token.end].lower() == "aged" and token.dep == "advcl" and token.head != verb:
        verb = token.head  # "She died … on 12 January 1976, aged 86": "aged" hangs on the verb that has the day
    for mention in analysis.mentions_in(sentence.start, sentence.end, "date"):
        if isinstance(mention.value, DateValue) and (mention.value.precision == "day" or mention.value.precision in ("month", "year")
                                                     and not mention.value.relative) \
                and _on_the_verb(syntax, syntax.governing_verb(mention.start, mention.end), verb) \
                and not _a_births_day(text, sentence.start, mention.start):
            # (not the day of a birth told in the same sentence: "Born … on 28 December 1934, she moved
            # to Oxford at the age of four"; a year will do: "born … in 1898 and died in Brussels in 1967 at
            # the age of 72")
            return mention.value
    return None


def _on_the_verb(syntax, said: int | None, verb: int) -> bool:
    """Is a date's verb the age's, or a participle's clause on it that happened then ("died in a fall while hiking
    … on 18 August 2023, aged 76": the parser hangs the day on "hiking")?"""
    return said == verb or said is not None and syntax.tokens[said].head == verb and syntax.tokens[said].dep == "advcl" \
        and syntax.tokens[said].tag == "VBG"


def _day_of_its_when(analysis: Analysis, after: int) -> DateValue | None:
    """The one date (a day or a year, written) the "when" clause after an age gives, in its sentence."""
    sentence = analysis.sentence_of(after)
    text = analysis.document.text
    clause_end = re.search(r"[;:—–]|,\s+(?:and|but)\b", text[after:sentence.end])
    end = after + clause_end.start() if clause_end else sentence.end
    dates = [m for m in analysis.mentions_in(after, end, "date") if isinstance(m.value, DateValue) and not m.value.relative
             and m.value.precision in ("day", "year")]
    if not dates and _BORN_ANY_CASE.search(text, sentence.start, after) and sentence.start > 0:
        # "The world premiere was … on Monday 6 October 1952 … Richard Attenborough, born in August 1923, was 31
        # when he created the role": a clause that gives no day is the one the sentence before tells, when that
        # one gives one day and its paragraph goes on here
        before = analysis.sentence_of(sentence.start - 1)
        if "\n\n" not in text[before.start:sentence.start]:
            dates = [m for m in analysis.mentions_in(before.start, before.end, "date") if isinstance(m.value, DateValue)
                     and not m.value.relative and m.value.precision in ("day", "year")]
    return dates[0].value if len(dates) == 1 else None


def _a_births_day(text: str, sentence_start: int, date_start: int) -> bool:
    """Is the date the one a "born" before it in its sentence tells ("Born … in Ilford, Essex, on 28
    December 1934"), not a later one joined after it ("born … in 1898 and died … in 1967")?"""
    born = None
    for born in _BORN_ANY_CASE.finditer(text, sentence_start, date_start):
        pass
    # ("Born in Tokyo on 17 January 1952, he died on Tuesday, 28 March": the participle's clause closed, a later day;
    # "who was born … on Feb. 15, 1874, died … on Jan. 5, 1922": the birth's year told already, a later day)
    return born is not None and not re.search(r"\b(?:and|but|then|before|until|while)\b|,\s*(?:he|she)\b|\b(?:1[5-9]|20)\d\d\b.*\S",
                                              text[born.end():date_start])


def _shown(birth) -> str:
    return birth.isoformat() if isinstance(birth, dt.date) else str(birth)


# what the anniversary is of, then the participle that dates it: " of the first ascent of Everest, made on "
_OF_THE_EVENT_DONE = re.compile(r"\s+of\s+[^.;:,()]{3,60},\s+[a-z]+(?:ed|en|de|ld|lt|on|un|wn)\s+(?:on|in)\s+")


def _years_ago(analysis: Analysis, rule, published: dt.date) -> Iterator[Finding]:
    text = analysis.document.text
    dates = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and not m.value.relative]
    lowered = text.lower()
    for pattern, what in ((_YEARS_AGO, "years ago"), (_ANNIVERSARY, "anniversary")):
        if what not in lowered:
            continue  # (the patterns try every word: most articles have neither phrase)
        for match in pattern.finditer(text):
            group = 1 if match.group(1) else 2
            count = _number(re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", match.group(group).lower()))
            if count is None and what == "anniversary":
                parsed = word_value(match.group(group).lower())
                count = int(parsed[0]) if parsed and parsed[1] else None
            if count is None or count <= 0:
                continue
            sentence = analysis.sentence_of(match.start())
            # not the dateline's day: "BETHEL, N.Y., August 15, 2019 — Fifty years ago today, on …, 1969"
            near = [d for d in dates if sentence.start <= d.start < sentence.end and d.start != match.start()
                    and not in_dateline(text, d.start, d.end)]
            told_next = False
            if not near and what == "anniversary":
                # "the 36th anniversary of its official opening today. King Carl XVI Gustaf opened the museum on
                # Friday, June 15, 1990": the day the next sentence gives with the noun's own verb
                date = _day_told_next(analysis, match, dates)
                near, told_next = ([date], True) if date is not None else ([], False)
            if not near:
                continue
            date = min(near, key=lambda d: abs(d.start - match.start()))
            between = text[min(date.end, match.end()):max(date.start, match.start())]
            if not told_next and (len(between) > 40 and not (what == "anniversary" and _OF_THE_EVENT_DONE.fullmatch(between))
                                  or re.search(r"[:;]", between)):
                continue  # "30 years ago: 26 ascents by the end of 2022": another clause's date
            if what == "anniversary" and date.end <= match.start() and re.fullmatch(r",\s*(?:the|its|his|her|their)\s+", between):
                continue  # "started on Saturday 25 August 2012, the 527th anniversary of the king's burial": the day it fell
            if what == "anniversary" and not told_next and date.start >= match.end() \
                    and not re.search(r"\bof\b", text[match.end():date.start]):
                continue  # "the 10th anniversary in 2021": the year it fell, not the year it counts from
            elapsed_low = published.year - date.value.latest.year - 1
            elapsed_high = published.year - date.value.earliest.year
            if what == "anniversary":  # an anniversary is marked in the year it falls, or around it
                elapsed_low, elapsed_high = elapsed_low, elapsed_high + 1
                if date.value.precision == "day":
                    # of a day, it falls on that day of the year: within half a year of the article
                    elapsed_low, elapsed_high = _anniversaries_near(date.value.earliest, published)
            if elapsed_low <= count <= elapsed_high:
                continue
            start, end = match.start(group), match.end(group)
            yield rule.finding(
                rule.message("elapsed", date=date.text, published=published.isoformat(), low=elapsed_low, high=elapsed_high,
                             years=str(elapsed_low) if elapsed_low == elapsed_high else f"{elapsed_low}–{elapsed_high}",
                             stated=count),
                start, end, analysis.document.source[start:end],
                evidence=Evidence(fact="elapsed years", value=date.text,
                                  source="the date in the next sentence" if told_next else "the date in the same sentence"),
            )


# "since the 1934 Nepal–Bihar earthquake, 72 years earlier": a year, then how long before the story's time it was
_YEARS_EARLIER = re.compile(rf"\b(?P<year>1[5-9]\d\d|20\d\d)\b(?P<between>[^.;:()\d]{{0,60}}?),\s+(?:some\s+|about\s+|nearly\s+|almost\s+)?"
                            rf"{_NUMBER}\s+years\s+(?:earlier|before)(?=\s*[,.;)]|\s*$)", re.IGNORECASE)  # (not "101 years before Truss")


def _years_earlier(analysis: Analysis, rule, published: dt.date) -> Iterator[Finding]:
    """"…, the worst natural disaster since the 1934 Nepal–Bihar earthquake, 72 years earlier": the years back from
    a time the article gives — the publication's, or any year it writes — give or take one; none is 72 from 1934."""
    text = analysis.document.text
    if "years earlier" not in text and "years before" not in text:
        return
    told = {published.year} | {m.value.earliest.year for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue)
                                and m.value.earliest.year == m.value.latest.year}
    for match in _YEARS_EARLIER.finditer(text):
        count = _number(match.group(3).lower())
        year = int(match.group("year"))
        if count is None or count < 2 or re.search(r"\b(?:after|later)\b", match.group("between"), re.IGNORECASE):
            continue
        if any(abs(later - year - count) <= 1 for later in told if later > year):
            continue
        start, end = match.start(3), match.end(3)
        low, high = published.year - year - 1, published.year - year
        yield rule.finding(
            rule.message("elapsed", date=match.group("year"), published=published.isoformat(), low=low, high=high,
                         years=f"{low}–{high}", stated=count),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="elapsed years", value=match.group("year"), source="the year in the same sentence"),
        )


# "the first tropical storm to hit Southern California in 84 years" … "the first such storm … since a
# tropical storm came ashore … in September 1939": one stretch told twice
_FIRST_IN = re.compile(rf"\bfirst\s+(?P<noun>(?:[\w-]+\s+){{0,3}}?[\w-]+)\s+(?:to|in|for)\b[^.;!?]{{0,80}}?\bin\s+{_NUMBER}\s+years\b",
                       re.IGNORECASE)
_FIRST_SINCE = re.compile(r"\bfirst\s+(?P<noun>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:to|in|for|since)\b[^.;!?]{0,100}?\bsince\b",
                          re.IGNORECASE)


def _first_since(analysis: Analysis, rule, published: dt.date) -> Iterator[Finding]:
    """A "first … in N years" and a "first … since <date>" of the same noun, within three sentences of
    each other: the date must be N years before the publication (give or take the months)."""
    text = analysis.document.text
    if " since " not in text or not re.search(r"\bfirst\b", text, re.IGNORECASE):
        return
    dates = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and not m.value.relative
             and re.search(r"\d{4}", m.text)]
    spans = []
    for match in _FIRST_IN.finditer(text):
        count = _number(match.group(2).lower())
        if count is not None and count > 1:
            spans.append((match, count))
    for since in _FIRST_SINCE.finditer(text):
        date = next((d for d in dates if since.end() <= d.start < since.end() + 80
                     and analysis.sentence_of(d.start).start == analysis.sentence_of(since.start()).start), None)
        if date is None:
            continue
        noun = since.group("noun").lower().split()[-1]
        sentence = analysis.sentence_of(since.start())
        for match, count in spans:
            if match.group("noun").lower().split()[-1] != noun or noun in ("time", "one"):
                continue  # "the first time since": of anything
            told = analysis.sentence_of(match.start())
            apart = [s for s in analysis.sentences if min(told.start, sentence.start) < s.start <= max(told.start, sentence.start)]
            if told.start == sentence.start or len(apart) > 3:
                continue
            low = published.year - date.value.latest.year - 1
            high = published.year - date.value.earliest.year
            if low <= count <= high:
                continue
            line, _ = analysis.document.position(match.start())
            yield rule.finding(
                rule.message("first_since", date=date.text, count=count, line=line, low=low, high=high, published=published.isoformat()),
                date.start, date.end, analysis.document.source[date.start:date.end],
                evidence=Evidence(fact="elapsed years", value=f"{count} years", source=f"this article, line {line}"),
            )
            break


def _anniversaries_near(day: dt.date, published: dt.date) -> tuple[int, int]:
    """The anniversaries of a day that fall within half a year of the publication date."""
    found = [n for n in range(max(1, published.year - day.year - 1), published.year - day.year + 2)
             if abs((_same_day_in(day, day.year + n) - published).days) <= 183]
    return (min(found), max(found)) if found else (0, -1)


def _same_day_in(day: dt.date, year: int) -> dt.date:
    return day.replace(year=year) if (day.month, day.day) != (2, 29) else dt.date(year, 3, 1)


_ANNIVERSARY_OF = re.compile(r"\s+of\s+(?:the|its|his|her|their)\s+((?:[a-z]+\s+){0,2}[a-z]{4,})\b", re.IGNORECASE)


def _day_told_next(analysis: Analysis, match, dates: list):
    """The day the next sentence gives for the anniversary's noun, told by a word of its stem ("… of its
    official opening" … "opened the museum on Friday, June 15, 1990"), the only such day there."""
    noun = _ANNIVERSARY_OF.match(analysis.document.text, match.end())
    if noun is None:
        return None
    bases = {stem(word) for word in noun.group(1).lower().split() if len(word) >= 4 and word != "today"}
    sentence = analysis.sentence_of(match.start())
    following = next((s for s in analysis.sentences if s.start >= sentence.end), None)
    if following is None:
        return None
    said = analysis.document.text[following.start:following.end]
    if not any(stem(word.lower()) in bases for word in re.findall(r"[A-Za-z]+", said)):
        return None
    days = [d for d in dates if following.start <= d.start < following.end and d.value.precision == "day"]
    return days[0] if len(days) == 1 else None


# a day told as so many years after another the sentence gives: "on Monday 4 September – exactly 53 years after she
# opened the neighbouring Forth Road Bridge on 4 September 1964"
_YEARS_AFTER = re.compile(rf"\b(?P<exact>exactly\s+|precisely\s+)?{_NUMBER}\s+years\s+(?:to\s+the\s+day\s+)?(?:after|since)\b", re.IGNORECASE)


def _years_after(analysis: Analysis, rule) -> Iterator[Finding]:
    """"…on Monday 4 September – exactly 54 years after she opened … on 4 September 1964": the day the sentence gave
    before the count, less the day it gives after it, in whole years (exactly, for "exactly" or the same day of the
    year; else give or take one)."""
    text = analysis.document.text
    if " years after" not in text and " years since" not in text:
        return
    for match in _YEARS_AFTER.finditer(text):
        count = _number(match.group(2).lower())
        if count is None or count < 2:
            continue
        sentence = analysis.sentence_of(match.start())
        if len(_YEARS_AFTER.findall(text, sentence.start, sentence.end)) > 1:
            continue  # "30 years after Casey, decided on June 29, 1992, and 49 years after Roe": each from a day not given
        days = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date")
                if isinstance(m.value, DateValue) and m.value.precision == "day" and m.label != "relative"]
        later = [m for m in days if m.end <= match.start()]
        earlier = [m for m in days if m.start >= match.end() and re.search(r"\d{4}", m.text)]
        if len(later) != 1 or not earlier or "\n" in text[later[0].end:match.start()]:
            continue
        end, start = later[0].value.earliest, earlier[0].value.earliest
        if start >= end:
            continue
        years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
        same_day = (end.month, end.day) == (start.month, start.day)
        if count == years or not (match["exact"] or same_day) and abs(count - years) <= 1:
            continue
        yield rule.finding(
            rule.message("years_after", start=earlier[0].text, end=later[0].text, years=years, stated=count),
            match.start(2), match.end(2), analysis.document.source[match.start(2):match.end(2)],
            evidence=Evidence(fact="years between", value=f"{earlier[0].text} to {later[0].text}", source="the days in the same sentence"),
        )


# a stretch of years the sentence bounds with its own years: "returned in 1960 … and stayed for 46 years,
# until he retired in 1996", "after 20 years at the bank"
_SPAN = re.compile(rf"\b(?:for|after|spanning|lasting)\s+(?:nearly\s+|almost\s+|some\s+|about\s+)?{_NUMBER}\s+years\b(?!\s+(?:ago|old|later|earlier|before|after))",
                   re.IGNORECASE)
_SPAN_START = re.compile(r"\b(?:in|from|since)\s+$", re.IGNORECASE)
_SPAN_END = re.compile(r"\b(?:until|till|to|in|through)\s+$", re.IGNORECASE)


def _spans(analysis: Analysis, rule) -> Iterator[Finding]:
    """"he returned … in 1960 … and stayed for 46 years, until he retired in 1996": the years the
    sentence gives before and after the span bound it (36 years, give or take one)."""
    syntax = analysis.syntax
    if syntax is None:
        return
    text = analysis.document.text
    for match in _SPAN.finditer(text):
        if re.match(r"\s*(?:about|nearly|almost|some)\b", text[match.start():match.end()].split(None, 1)[1]):
            continue
        count = _number(match.group(1).lower())
        if count is None or count <= 1:
            continue
        sentence = analysis.sentence_of(match.start())
        years = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and not m.value.relative
                 and sentence.start <= m.start < sentence.end and re.search(r"\d{4}", m.text)]
        before = [m for m in years if m.end <= match.start() and _SPAN_START.search(text[max(0, m.start - 8):m.start])]
        after = [m for m in years if m.start >= match.end() and _SPAN_END.search(text[max(0, m.start - 8):m.start])
                 and re.match(r"\s*,?\s*(?:until|till|to|through)\b", text[match.end():m.start])]
        spans = [(before[0].start, before[0].end), match.span(), (after[0].start, after[0].end)] if len(before) == len(after) == 1 else []
        if not spans or not _in_joined_clauses(syntax, spans):
            continue
        low = after[0].value.earliest.year - before[0].value.latest.year
        high = after[0].value.latest.year - before[0].value.earliest.year
        if low - 1 <= count <= high + 1:
            continue
        start, end = match.start(1), match.end(1)
        yield rule.finding(
            rule.message("span", start=before[0].text, end=after[0].text, low=low, high=high, stated=count),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="years between", value=f"{before[0].text} to {after[0].text}", source="the years in the same sentence"),
        )


# "ending a 56-day mission", "the 12-day strike": a length in days that names what lasted it
_DAYS_LONG = re.compile(rf"\b{_NUMBER}-day\s+(?:[a-z]+\s+)?[a-z]+\b", re.IGNORECASE)
# the verbs that open and close what lasted it, as the parse's lemma (irregular verbs) or the word's base gives them
_OPENING_VERBS = {"begin", "start", "launch", "lift", "open", "depart", "leave", "commenc", "blast", "kick"}
_CLOSING_VERBS = {"end", "finish", "clos", "conclud", "return", "land", "touch", "splash", "arriv", "complet", "wrap"}


def _day_spans(analysis: Analysis, rule) -> Iterator[Finding]:
    """"… touched down … on Tuesday, June 25, …, ending a 56-day mission that began when a Long March 5 rocket
    lifted off … on May 3": a length in days in a sentence with one day told by a verb that opens it and one by a
    verb that closes it; the days between them (53, or 54 counting both) bound it, give or take one."""
    syntax = analysis.syntax
    if syntax is None:
        return
    text = analysis.document.text
    for match in _DAYS_LONG.finditer(text):
        count = _number(match.group(1).lower())
        if count is None or count <= 2:
            continue
        sentence = analysis.sentence_of(match.start())
        days = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date")
                if isinstance(m.value, DateValue) and m.value.precision == "day" and (not m.value.relative or without_its_year(m))]
        if len(days) != 2:
            continue
        verbs = [syntax.governing_verb(m.start, m.end) for m in days]
        lemmas = [syntax.tokens[v].lemma or word_base(text[syntax.tokens[v].start:syntax.tokens[v].end].lower()) if v is not None else ""
                  for v in verbs]
        opened = [m for m, lemma in zip(days, lemmas) if lemma in _OPENING_VERBS]
        closed = [m for m, lemma in zip(days, lemmas) if lemma in _CLOSING_VERBS]
        if len(opened) != 1 or len(closed) != 1:
            continue
        between = (closed[0].value.earliest - opened[0].value.earliest).days
        if between <= 0 or between - 1 <= count <= between + 2:
            continue  # counted with or without both ends, give or take one
        start, end = match.start(1), match.end(1)
        yield rule.finding(
            rule.message("day_span", start=opened[0].text, end=closed[0].text, low=between, high=between + 1, stated=count),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="days between", value=f"{opened[0].text} to {closed[0].text}", source="the days in the same sentence"),
        )


# "from the first fissure on 9 September to the last tremor on 13 December": a span's two ends, each day after its word
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,5}?(?:on\s+)?$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"^\s*,?\s+(?:to|until|till|through)\s+(?:[\w’'-]+\s+){0,5}?(?:on\s+)?$", re.IGNORECASE)
# … and the length in days its sentence gives it: "lasted 85 days", "a total of 85 days", "the 85-day eruption"
_DAYS_COUNT = re.compile(rf"\b{_NUMBER}[- ]days?\b", re.IGNORECASE)


def _from_to_spans(analysis: Analysis, rule) -> Iterator[Finding]:
    """"Measured from the first fissure on 9 September to the last tremor on 13 December, the eruption lasted 85
    days": a span told by its two days, "from" one "to" the other, and its length in days in the same sentence; the
    days between them (95, or 96 counting both) bound it, give or take one."""
    text = analysis.document.text
    for sentence in analysis.sentences:
        days = [m for m in analysis.mentions_in(sentence.start, sentence.end, "date")
                if isinstance(m.value, DateValue) and m.value.precision == "day" and (not m.value.relative or without_its_year(m))]
        for first, last in zip(days, days[1:]):
            if not _FROM_BEFORE.search(text, max(sentence.start, first.start - 40), first.start) \
                    or not _TO_BETWEEN.match(text[first.end:last.start]):
                continue
            counts = [(match, count) for match in _DAYS_COUNT.finditer(text, sentence.start, sentence.end)
                      if not (first.start <= match.start() < last.end) and (count := _number(match.group(1).lower())) is not None
                      and count > 2]
            between = (last.value.earliest - first.value.earliest).days
            if len(counts) != 1 or between <= 2:
                continue
            told, count = counts[0]
            if between - 1 <= count <= between + 2:
                continue  # counted with or without both ends, give or take one
            # (reported on its whole stretch, days and count: either day may be the slip, or the count)
            start, end = min(first.start, told.start(1)), max(last.end, told.end(1))
            yield rule.finding(
                rule.message("day_span", start=first.text, end=last.text, low=between, high=between + 1, stated=count),
                start, end, analysis.document.source[start:end],
                evidence=Evidence(fact="days between", value=f"{first.text} to {last.text}", source="the days in the same sentence"),
            )


def _in_joined_clauses(syntax, spans: list[tuple[int, int]]) -> bool:
    """Do the spans stand in clauses joined as one account ("returned …, and stayed …, until he
    retired …": conjuncts and adverbial clauses), not in a clause that describes something else
    ("the company, founded in 1900, was run for 30 years")?"""
    clauses = set()
    for start, end in spans:
        word = syntax.span_root(start, end)
        if word is None:
            return False
        clause = syntax.clause(word)
        if syntax.tokens[clause].dep in ("acl", "relcl", "ccomp", "parataxis"):
            return False
        clauses.add(clause)
    tops = set()
    for clause in clauses:
        while syntax.tokens[clause].dep in ("conj", "advcl"):
            clause = syntax.clause(syntax.tokens[clause].head)
        tops.add(clause)
    return len(tops) == 1


# "The 148-year-old firm" beside "founded in 1850": the age of a thing, from the year it began
_THING_AGE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,2}?(firm|company|bank|club|business|institution|brand|band|"
                        r"newspaper|magazine|bridge|building|stadium|tower|church|cathedral|school|university|college|hospital|"
                        r"museum|theatre|theater|airport|railway|tunnel|dam|franchise|chain|retailer|carmaker|airline|party|"
                        r"organisation|organization|charity|festival|tournament|race|competition|record|partnership|dynasty|"
                        r"monarchy|empire|republic|treaty|law|tradition|union|society|league|orchestra|show|play|production)\b"
                        # "in the college's 103-year history": the thing is whose history it is
                        r"|\b(\d{1,3})-year\s+(history|existence)\b", re.IGNORECASE)
_FOUNDED = re.compile(r"\b(?:founded|established|formed|created|built|opened|launched|set up|started|began|incorporated)\s+"
                      r"(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?((?:1[5-9]|20)\d\d)\b")
# A record's founding year in the newsroom's words: founded, year_founded, established_in, opened_on …
_FOUNDING_KEY = re.compile(r"(?:year_)?(?:founded|founding|established|formed|incorporated|inaugurated|first_opened|opened)"
                           r"(?:_(?:in|on|year|date))?")


def _recorded_foundings(analysis: Analysis) -> dict[str, int]:
    """The founding year of each record the article names exactly, by record id."""
    years: dict[str, int] = {}
    for link in analysis.links:
        if not link.exact or link.record.id in years:
            continue
        for key, values in link.record.facts.items():
            if _FOUNDING_KEY.fullmatch(key) and values:
                value = values[0].value
                if isinstance(value, dt.date):
                    years[link.record.id] = value.year
                elif isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2100:
                    years[link.record.id] = value
                break
    return years


def _founding_year_of(analysis: Analysis, start: int, written: set[int], recorded: dict[str, int]) -> tuple[int, str, str] | None:
    """The year the thing aged at `start` began, where that is known, and whose name: the one
    founding year the article writes, else the record whose the thing is ("the college's 103-year
    history"), else the one founding year of the records the article names."""
    if len(written) == 1:
        return next(iter(written)), "the founding year given in this article", ""
    if written:
        return None  # two founding years written: which is whose is not known
    text = analysis.document.text
    before = re.search(r"(?:['’]s?|\bits)\s*$", text[max(0, start - 3):start])
    if before is not None:
        owner = next((link for link in analysis.links if link.exact and link.end <= start and text[link.end:start].strip() in ("'s", "’s", "'", "’")), None)
        if owner is not None and owner.record.id in recorded:
            return recorded[owner.record.id], f"record {owner.record.id}", owner.record.name
    years = set(recorded.values())
    if len(years) == 1:
        record = next(link.record for link in analysis.links if link.record.id in recorded)
        return years.pop(), f"record {record.id}", record.name
    return None


def _in_an_earlier_year(analysis: Analysis, position: int, published: dt.date) -> bool:
    """Does the sentence at `position` date itself more than a year before publication?"""
    sentence = analysis.sentence_of(position)
    return any(isinstance(m.value, DateValue) and m.value.latest.year < published.year - 1
               for m in analysis.mentions_in(sentence.start, sentence.end, "date"))


def _ages_of_things(analysis: Analysis, rule, published: dt.date) -> Iterator[Finding]:
    """"The 148-year-old firm" in an article that says it was founded in 1850 (only one such year
    in the article), or whose record says so: at publication it is 158. "In the college's
    103-year history" likewise."""
    text = analysis.document.text
    foundings = [(m.start(), int(m.group(1))) for m in _FOUNDED.finditer(text)]
    recorded = _recorded_foundings(analysis)
    if not foundings and not recorded:
        return
    syntax = analysis.syntax
    starts = analysis.sentence_starts
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]  # where each paragraph after the first begins
    for match in _THING_AGE.finditer(text):
        # a founding year the article writes is the thing's when told near it — in its sentence, the one before, or
        # within two paragraphs ("the 59-year-old bridge" … "The 447-foot span, which opened in 1973") — not five
        # paragraphs away, of another thing ("the Premier League since it began in 1992" … "their 132-year history")
        here = bisect.bisect_right(starts, match.start())
        written = {year for at, year in foundings if here - 1 <= bisect.bisect_right(starts, at) <= here
                   or abs(bisect.bisect_right(breaks, at) - bisect.bisect_right(breaks, match.start())) <= 2}
        group = 1 if match.group(1) is not None else 3
        word = syntax.span_root(match.start(group + 1), match.end(group + 1)) if syntax is not None else None
        if word is None or syntax.tokens[word].dep == "compound":
            continue  # "the 46-year-old former school governor": the governor's age, not the school's
        if group == 3 and _in_an_earlier_year(analysis, match.start(), published):
            continue  # "in 1990, the biggest crowd in its 40-year history": its age then, not now
        founding = _founding_year_of(analysis, match.start(), written, recorded)
        if founding is None:
            continue
        year, source, owner = founding
        thing = owner if group == 3 and owner else match.group(group + 1)
        stated = int(match.group(group))
        low, high = published.year - year - 1, published.year - year
        if low <= stated <= high:
            continue
        start, end = match.start(group), match.end(group)
        yield rule.finding(
            rule.message("founded", thing=thing, year=year, low=low, high=high, published=published.isoformat(), stated=stated),
            start, end, analysis.document.source[start:end],
            suggestion=str(high),
            evidence=Evidence(fact="founded", value=str(year), source=source),
        )


# "will celebrate his 23rd birthday on Monday", "would have turned 58 on June 8": an age reached on a day
# ("turned 76 on Thursday" is an age on a day, which _ages checks)
_BIRTHDAY = re.compile(r"\b(?:(\d{1,3})(?:st|nd|rd|th)\s+birthday|would\s+have\s+turned\s+(\d{1,3})\b)", re.IGNORECASE)


def _birthdays(analysis: Analysis, rule) -> Iterator[Finding]:
    """A birthday on a day the sentence gives must fall on the birth date's day and month, and be
    the birthday that year makes it ("born Sept. 21, 1998, will celebrate his 23rd birthday on
    Monday [Sept. 21, 2020]" is his 22nd)."""
    text = analysis.document.text
    people = _people_of(analysis)
    if not people and "year-old" not in text:
        return  # (a titled age needs no name: "the 95-year-old monarch")
    births = _births_of(analysis)
    for match in _BIRTHDAY.finditer(text):
        group = 1 if match.group(1) is not None else 2
        sentence = analysis.sentence_of(match.start())
        # (or in a month: "He will mark his 80th birthday in June", the month of his birth)
        day = next((m for m in analysis.mentions_in(match.end(), min(sentence.end, match.end() + 40), "date")
                    if isinstance(m.value, DateValue) and (
                        m.value.precision == "day"
                        and re.fullmatch(r"\s*(?:on|,)?\s*(?:(?:this|next|last|coming)\s+)?", text[match.end():m.start])
                        or m.value.precision == "month" and re.fullmatch(r"\s*in\s+(?:(?:this|next|last|coming)\s+)?", text[match.end():m.start]))),
                   None)
        if day is None:
            continue
        named = [p for p in people if sentence.start <= p[0] < match.start() and p[3] in births]
        earlier = [p for p in people if sentence.start - 600 <= p[0] < sentence.start and p[3] in births
                   and "\n\n" not in text[p[1]:sentence.start]]
        person = named[0] if named else earlier[-1] if earlier and not any(
            sentence.start <= p[0] < match.start() for p in people) else None
        if person is None:
            continue
        birth, source = births[person[3]]
        if isinstance(birth, DateValue) and birth.precision == "day":
            birth = birth.earliest
        if not isinstance(birth, dt.date):
            continue
        on = day.value.earliest
        stated = int(match.group(group))
        evidence = Evidence(fact="birth_date", value=_shown(birth), source=source)
        if (on.month, on.day if day.value.precision == "day" else birth.day) != (birth.month, birth.day):
            yield rule.finding(
                rule.message("birthday", person=_display(analysis, person[3]), born=_shown(birth), day=day.text),
                day.start, day.end, analysis.document.source[day.start:day.end], evidence=evidence)
            continue
        if stated != on.year - birth.year:
            start, end = match.start(group), match.end(group) + (2 if group == 1 else 0)  # "23rd", "58"
            yield rule.finding(
                rule.message("age_on", person=_display(analysis, person[3]), allowed=on.year - birth.year,
                             on=f"on {on.isoformat()}" if day.value.precision == "day" else f"in {on.strftime('%B %Y')}",
                             born=_shown(birth), stated=stated),
                start, end, analysis.document.source[start:end], evidence=evidence)


KIND = CheckKind(name="age", run=run, summary="an age or elapsed time that the dates do not allow",
                 messages=("age", "age_on", "elapsed", "age_at", "span", "years_after", "day_span", "founded", "birthday", "recorded", "first_since", "anniversary",
                           "turning"),
                 fallback_messages={
                     "recorded": "{person} is {allowed} in the records ({fact}), not {stated}",
                     "first_since": "{date} is {low}–{high} years before the publication date {published}, but the same first is "
                                    "“in {count} years” on line {line}"})
