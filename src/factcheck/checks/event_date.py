"""event-date: an event referred back to by a date one or two days off the one the article gave it.

"… left the terminal at 12:36 a.m. on Tuesday, March 26 …" and later "six weeks after the March
27 collapse": a date written as the name of an event ("the March 27 collapse", "the Aug. 21
changeover", the date modifying a noun after "the" or a possessive) refers back to something the
article has already told, and news copy gives one day for one event. When no other date of the
article is that day, but one is a day or two away, one of them is a slip. A reference that matches
a date of the article, or has none near it, is left alone: "the Sept. 11 attacks" in copy about
something else names its own event.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.checks._common import sentence_text
from factcheck.checks.base import CheckKind
from factcheck.model import Analysis, DateValue, Evidence, Finding, without_its_year

# "the March 27 collapse", "his 30 July double", "its Aug. 21 changeover"
# (or a name's possessive: "The King's 5 May crowning")
_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+$|\b[A-Z][\w-]*['’]s\s+$", re.IGNORECASE)
_YEAR_OR_WEEKDAY = re.compile(r"\b(?:1[5-9]|20)\d\d\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_COUNTED_FROM = re.compile(r"\b(?:days?|weeks?|months?|hours?|years?)\s+(?:after|before|since)\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[ \t]+([a-z][a-z-]{2,})\b")
# "Her time-trial win on 3 September", "Storey's victory on 4 September": someone's event, its day after it
# (a win or a defeat only: a decision, a release or a swearing-in on the day after its announcement is often
# another step of it — tried on every corpus with any noun: 1 error found, 13 false alarms)
_POSSESSED_ON = re.compile(r"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?(win|victory|triumph|defeat)"
                           r"\s+on\s+(?:\w+day,?\s+)?$")


# the end of a reporting period: "its fiscal fourth quarter, which ended Jan. 28", "In the three months through Jan. 31",
# "the year to 31 March"
_PERIOD_END = re.compile(r"\b(?:quarter|three\s+months|six\s+months|nine\s+months|12\s+months|twelve\s+months|half|period|"
                         r"fiscal\s+year|financial\s+year)\s*,?\s+(?:(?:which|that)\s+)?(?:ended|ending|ends|through|to)\s+(?:on\s+)?$",
                         re.IGNORECASE)
# two ends of one period no more than this many days apart are one end told twice
_PERIOD_SLIP_DAYS = 7


def _period_ends(analysis: Analysis, rule, days: list) -> Iterator[Finding]:
    """"revenue for its fiscal fourth quarter, which ended Jan. 28" and later "In the three months through Jan. 31":
    one company's quarter ends once. Two ends of a reporting period a few days apart, neither told again, are one
    end written two ways; the later is queried. (Periods a month or more apart are different ones: a quarter and
    the half before it.)"""
    text = analysis.document.text
    ends = [m for m in days if _PERIOD_END.search(text, max(0, m.start - 60), m.start)]
    for index, later in enumerate(ends):
        for earlier in ends[:index]:
            apart = (later.value.earliest - earlier.value.earliest).days
            if not 0 < abs(apart) <= _PERIOD_SLIP_DAYS or any(m.value.earliest == later.value.earliest for m in ends[:index]):
                continue
            yield _told_twice(analysis, rule, "period_end", later, earlier, "end of the period told earlier", days=abs(apart))
            break


def _told_twice(analysis: Analysis, rule, message: str, later, earlier, fact: str, **fields) -> Finding:
    """The finding on the later of two days that tell one thing, naming the earlier one's line."""
    line, _ = analysis.document.position(earlier.start)
    return rule.finding(
        rule.message(message, told=earlier.text, stated=later.text, line=line, **fields),
        later.start, later.end, analysis.document.source[later.start:later.end],
        evidence=Evidence(fact=fact, value=earlier.value.earliest.isoformat(), source=f"line {line} of this article"),
    )


# two tellings of one event are at most this many days apart
_RETOLD_DAYS = 7
_NOT_A_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|The|A|An|In|On|At")


def _telling(analysis: Analysis, mention) -> tuple[str, str, frozenset[str]] | None:
    """(the subject's name, the verb, the other names of its clause) of the clause a day is told in: "Carson Wentz tore
    the anterior cruciate ligament … against the Los Angeles Rams on Dec. 10" is (Wentz, tear, {Los, Angeles, Rams})."""
    syntax = analysis.syntax
    verb = syntax.governing_verb(mention.start, mention.end) if syntax is not None else None
    if verb is None:
        return None
    subjects = [c for c in syntax.children(verb) if syntax.tokens[c].dep in ("nsubj", "nsubjpass") and syntax.tokens[c].tag == "NNP"]
    if len(subjects) != 1:
        return None
    text = analysis.document.text
    clause = syntax.clause(verb)
    sentence = analysis.sentence_of(mention.start)
    first, last = bisect.bisect_left(syntax.starts, sentence.start), bisect.bisect_left(syntax.starts, sentence.end)
    names = frozenset(text[t.start:t.end] for i, t in enumerate(syntax.tokens[first:last], first)
                      if t.tag in ("NNP", "NNPS") and i != subjects[0] and syntax.clause(i) == clause
                      and not _NOT_A_NAME.fullmatch(text[t.start:t.end]))
    said = syntax.tokens[verb]
    verb_word = said.lemma or text[said.start:said.end].lower()
    subject = syntax.tokens[subjects[0]]
    return text[subject.start:subject.end], verb_word, names


def _retold(analysis: Analysis, rule, days: list) -> Iterator[Finding]:
    """"… starter Carson Wentz tore the anterior cruciate ligament … against the Los Angeles Rams on Dec. 10" and later
    "since Wentz went down in Los Angeles on Dec. 17": one person, told with the same other name, doing something
    told with another verb a few days off — one event told twice with two days. (The same verb twice is two
    occasions: "Wentz played in Los Angeles on Dec. 10 … played in Los Angeles on Dec. 17".)"""
    if analysis.syntax is None:
        return
    told = [(m, t) for m in days if (not m.value.relative or without_its_year(m)) and (t := _telling(analysis, m)) is not None]
    for index, (later, (subject, verb, names)) in enumerate(told):
        for earlier, (first_subject, first_verb, first_names) in told[:index]:
            apart = abs((later.value.earliest - earlier.value.earliest).days)
            if not 0 < apart <= _RETOLD_DAYS or subject != first_subject or verb == first_verb or not names & first_names \
                    or analysis.sentence_of(later.start).start == analysis.sentence_of(earlier.start).start \
                    or any(m.value.earliest == later.value.earliest for m in days if m is not later):
                continue
            yield _told_twice(analysis, rule, "retold", later, earlier, "the same event told earlier", subject=subject, days=apart)
            break


# a line of a list ("- 24 May 2012, Baku: Euphoria, 1st, 372 points"), a fact box's or a timeline's
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+", re.MULTILINE)
# the words a list line and a sentence may share: names, and figures of two digits or more
_SHARED_WORD = re.compile(r"\b(?:[A-Z][\w’'-]{2,}|\d[\d,.]*\d)\b")


def _listed_again(analysis: Analysis, rule, days: list) -> Iterator[Finding]:
    """"Loreen first won in Baku, Azerbaijan, on 26 May 2012, when Euphoria scored 372 points" and, in the fact box,
    "- 24 May 2012, Baku: Euphoria, 1st, 372 points": a list line telling again, with two of the same names or
    figures, what a sentence told a few days off. The list line is queried (a box is filled in after the story)."""
    # (the list's marks are in the source: the text the checks read has them masked, in place)
    source = analysis.document.source
    lines = [(match.start(), end if (end := source.find("\n", match.start())) >= 0 else len(source))
             for match in _LIST_LINE.finditer(source)]

    def line_of(mention) -> tuple[int, int] | None:
        return next(((start, end) for start, end in lines if start <= mention.start < end), None)

    listed = [(m, line) for m in days if not m.value.relative and (line := line_of(m)) is not None]
    # (a day told without its year is the story's too, "on Sunday 13 April": not "yesterday")
    told = [m for m in days if (not m.value.relative or re.search(r"\d", m.text)) and line_of(m) is None]
    for mention, (start, end) in listed:
        if any(m.value.earliest == mention.value.earliest for m in told):
            continue  # told on the same day in the story
        # (not a date's own figures, "10/31/2018" beside "November 1, 2018", nor a year)
        # (a line that gives the box's own date, "- Date: 12 April 2025", speaks of what the box's title names)
        box = _box_title(source, start) if _THE_DATE_LINE.match(source, start, end) else ""
        words = {w for w in _SHARED_WORD.findall(_without_dates(analysis, start, end) + " " + box)
                 if not _NOT_A_NAME.fullmatch(w) and not re.fullmatch(r"(?:1[89]|20)\d\d", w)}
        near = []
        for other in told:
            apart = (mention.value.earliest - other.value.earliest).days
            sentence = analysis.sentence_of(other.start)
            shared = words & set(_SHARED_WORD.findall(_without_dates(analysis, sentence.start, sentence.end)))
            if 0 < abs(apart) <= _RETOLD_DAYS and len(shared) >= 2:
                near.append((other, abs(apart), shared))
        if len(near) == 1:
            other, apart, shared = near[0]
            yield _told_twice(analysis, rule, "listed", mention, other, "the same event told earlier", days=apart,
                              shared=", ".join(sorted(shared)))


# a list line that gives the date of what its box is about: "- Date: 12 April 2025", "* When: Sunday, 13 April"
_THE_DATE_LINE = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?:\*\*)?(?:Date|When|Day|Held|Race\s+day|Match\s+day)(?:\*\*)?\s*:",
                            re.IGNORECASE)


def _box_title(source: str, line_start: int) -> str:
    """The line that heads a list: the last line before it that is not blank and not one of its items
    ("**The 2025 Boat Races at a glance**")."""
    for line in reversed(source[:line_start].splitlines()):
        if line.strip() and not _LIST_LINE.match(line):
            return line
    return ""


def _without_dates(analysis: Analysis, start: int, end: int) -> str:
    """The text of a stretch with its dates blanked out."""
    text = analysis.document.text
    pieces, at = [], start
    for mention in analysis.mentions_in(start, end, "date"):
        pieces.append(text[at:mention.start])
        at = max(at, mention.end)
    pieces.append(text[at:end])
    return " ".join(pieces)


# an occasion its ordinal makes one of a kind: "his 100th lap", "Kane's 50th goal"
_ORDINAL_OCCASION = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)\s+(?P<occasion>\d{1,4}(?:st|nd|rd|th)\s+[a-z]{3,})\b")
# … dated right after it: "his 100th lap, on April 15,"
_DATED_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:on\s+)?")


def _ordinal_occasions(analysis: Analysis, rule, days: list) -> Iterator[Finding]:
    """"On Thursday, April 16, … he completed his 100th lap" and later "between his 100th lap, on April 15, and his
    birthday": an occasion its ordinal makes one of a kind, dated twice a few days apart. Its day is the one written
    right after it, or else the one day of its sentence."""
    text = analysis.document.text
    dated = []
    for match in _ORDINAL_OCCASION.finditer(text):
        day = next((m for m in days if match.end() <= m.start <= match.end() + 8
                    and _DATED_RIGHT_AFTER.fullmatch(text, match.end(), m.start)), None)
        if day is None:
            sentence = analysis.sentence_of(match.start())
            in_sentence = [m for m in days if sentence.start <= m.start < sentence.end]
            day = in_sentence[0] if len(in_sentence) == 1 else None
        if day is not None:
            dated.append((match["occasion"].lower(), day))
    for index, (occasion, later) in enumerate(dated):
        for told, earlier in dated[:index]:
            apart = abs((later.value.earliest - earlier.value.earliest).days)
            if told == occasion and 0 < apart <= _RETOLD_DAYS:
                yield _told_twice(analysis, rule, "occasion", later, earlier, "the same occasion told earlier", occasion=occasion, days=apart)
                break


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    most = KIND.param(rule, "max_days")
    days = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"]
    yield from _period_ends(analysis, rule, days)
    yield from _retold(analysis, rule, days)
    yield from _ordinal_occasions(analysis, rule, days)
    yield from _listed_again(analysis, rule, days)
    def named_by_date(mention) -> re.Match | None:
        noun = _NOUN_AFTER.match(text, mention.end)
        if not _BEFORE.search(text[max(0, mention.start - 8):mention.start]) or noun is None \
                or not _a_noun(analysis, mention.end + noun.start(1) - noun.start(), mention.end + noun.end(1) - noun.start()):
            return None
        return noun

    def possessed_and_dated(mention) -> re.Match | None:
        # "Her time-trial win on 3 September": an event someone's, dated after its noun
        noun = _POSSESSED_ON.search(text, max(0, mention.start - 60), mention.start)
        if noun is None or mention.label not in ("day", "day-no-year") or not _a_noun(analysis, noun.start(1), noun.end(1)) \
                or analysis.sentence_of(noun.start()).start != analysis.sentence_of(mention.start).start:
            return None
        return noun

    for reference in days:
        noun = named_by_date(reference)
        possessed = noun is None and (noun := possessed_and_dated(reference)) is not None
        if noun is None:
            continue
        others = [m for m in days if m is not reference]
        stems = _SAME_EVENT.get(noun.group(1).lower()[:4], (noun.group(1).lower()[:5],))
        apart = {id(m): _days_apart(analysis, reference, m, stems) for m in others}
        if any(apart[id(m)] == 0 for m in others):
            continue  # told already (or again) on the same day
        near = [m for m in others if apart[id(m)] is not None and 0 < abs(apart[id(m)]) <= most]
        if possessed:
            # (dated after its noun, a reference only when the near day's sentence tells of the same thing: "the
            # decision on 21 September" may be a meeting's second day)
            near = [m for m in near if any(stem in sentence_text(analysis, m.start) for stem in stems)]
        if len({m.value.earliest for m in near}) > 1 and len({apart[id(m)] > 0 for m in near}) > 1:
            # near days on both sides: the one whose sentence tells of the same thing ("Since its 14 March
            # debut" beside "released on Thursday 13 March" and "the week of 10 to 16 March")
            near = [m for m in near if any(stem in sentence_text(analysis, m.start) for stem in stems)]
        if len({m.value.earliest for m in near}) > 1 and len({apart[id(m)] > 0 for m in near}) == 1:
            # all on one side, the nearest, when its sentence tells of the same thing: "The King's 5 May
            # crowning" beside "was crowned … on Saturday, 6 May" and a "7 May" is the 6th's (a day between two
            # told days may be a third one's: "on March 25 and March 28 … the March 27 walkout"; and "the
            # September 11 attacks" are not told by a final on 12 September)
            nearest = min(abs(apart[id(m)]) for m in near)
            near = [m for m in near if abs(apart[id(m)]) == nearest
                    and any(stem in sentence_text(analysis, m.start) for stem in stems)]
        # (tried: a definite noun dated with "on", "the royal visit on 18 May", its near date's sentence telling
        # of the same thing — on the 41 corpora 1 error found, 5 false alarms: "the decision on 21 September" of
        # a meeting whose first day was the 20th)
        if len({m.value.earliest for m in near}) != 1:
            continue  # no date near it, or several as near: nothing says which one it refers to
        told = min(near, key=lambda m: m.label == "relative")  # "Sunday, Aug. 20" rather than a "tomorrow" of that day
        published = analysis.document.published
        if published is not None and reference.value.earliest > published >= told.value.latest:
            continue  # "before the March 5 primary", the day after a ruling told on Monday: what is to come, not told
        if told.start > reference.start and named_by_date(told) is not None:
            continue  # "the Nov. 2 election" … "the Nov. 3 vote": the later of two such names is the one to query
        # the event named by its date first ("two weeks after the June 22 primary") and told again later with another
        # day no more fully ("since the polls closed on June 23"): the later telling is the one to query (not an account
        # that gives its weekday or year, "The raid came on Sunday, Feb. 10, 2008", nor a day counted from the event,
        # "relief was approved on March 28, two days after the collapse": another thing's)
        restated = told.start > reference.start and not _YEAR_OR_WEEKDAY.search(told.text) \
            and not _COUNTED_FROM.search(sentence_text(analysis, told.start))
        queried, other = (told, reference) if restated else (reference, told)
        line, _ = analysis.document.position(other.start)
        yield rule.finding(
            rule.message("restated" if restated else "dated_after" if possessed else "slip", reference=reference.text,
                         noun=noun.group(1), told=told.text,
                         line=line, days=abs(apart[id(told)])),
            queried.start, queried.end, analysis.document.source[queried.start:queried.end],
            evidence=Evidence(fact="date named earlier" if restated else "date told earlier", value=other.value.earliest.isoformat(),
                              source=f"line {line} of this article"),
        )


# the words one event goes by ("the 20 September vote" told as "Saturday's election, held on 21 September")
_VOTING = ("vote", "voti", "elect", "poll", "ballot", "primar")
_RELEASE = ("debut", "releas", "premier", "launch")
# … and a storm told by its kind ("the March 25 storm" told as "on Friday, March 24, … a tornado touched down")
_STORM = ("storm", "tornad", "hurrican", "cyclone", "typhoon", "twister")
_WINNING = ("win", "won", "victor", "triumph")
# … and a race told by its kind ("Kiptum's Oct. 7 run" told as "winning the Chicago Marathon on Sunday, Oct. 8")
_RACE = ("run", "race", "marath", "sprint")
_SAME_EVENT = {"vote": _VOTING, "voti": _VOTING, "elec": _VOTING, "poll": _VOTING, "ball": _VOTING, "prim": _VOTING,
               "debu": _RELEASE, "rele": _RELEASE, "prem": _RELEASE, "laun": _RELEASE,
               "stor": _STORM, "torn": _STORM, "hurr": _STORM, "cycl": _STORM, "typh": _STORM, "twis": _STORM,
               "win": _WINNING, "vict": _WINNING, "triu": _WINNING,
               "run": _RACE, "race": _RACE, "mara": _RACE, "spri": _RACE}


def _days_apart(analysis: Analysis, reference, other, stems: tuple[str, ...]) -> int | None:
    """Days from the reference to another date of the article. A reference written without its year ("since
    the Feb. 12 robbery") has the copy's guess of a year, the wrong one in a story of an earlier event: set in
    the other date's year ("Feb. 10, 2008"), when the guess is no day still to come and the other date's
    paragraph tells of the same thing ("The raid … came on Feb. 10, 2008. … the largest art robbery in Swiss
    history"); otherwise the two are apart by years ("the Nov. 5 vote" of this year
    beside "the Nov. 3, 2020, election")."""
    day = reference.value.earliest
    if day.year != other.value.earliest.year and without_its_year(reference):
        published = analysis.document.published
        if published is not None and day > published:
            return None
        text = analysis.document.text
        paragraph_end = text.find("\n", other.start)
        paragraph = text[text.rfind("\n", 0, other.start) + 1:paragraph_end if paragraph_end >= 0 else len(text)].lower()
        if not any(stem in paragraph for stem in stems):
            return None
        try:
            day = day.replace(year=other.value.earliest.year)
        except ValueError:  # 29 February in a year without one
            return None
    return (other.value.earliest - day).days


def _a_noun(analysis: Analysis, start: int, end: int) -> bool:
    syntax = analysis.syntax
    if syntax is None:
        return True
    word = syntax.span_root(start, end)
    if word is None:
        return False
    if syntax.tokens[word].tag == "JJ" and word + 1 < len(syntax.tokens) and syntax.tokens[word + 1].tag.startswith("VB"):
        return True  # "The July 30 double made Marchand …": a word the tagger read as an adjective, heading the subject
    return syntax.tokens[word].tag in ("NN", "NNS")


KIND = CheckKind(
    name="event-date",
    run=run,
    summary="an event referred back to by a date one or two days off the one the article gave it",
    params={"max_days": ((int,), 2)},
    messages=("slip", "restated", "dated_after", "period_end", "retold", "occasion", "listed"),
)
