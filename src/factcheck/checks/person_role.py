"""person-role: a person given an office the records give to someone else.

Newsrooms keep who holds what: `role_at_election: "leader of the Conservative People's Party of
Estonia (EKRE)"` in Martin Helme's record, `role_2023: "chief executive, Arm"` in Rene Haas's,
`office_in_march_2023: Prime Minister of Sweden` in Ulf Kristersson's; or the office's own record
names its holder (`chief_executive: Sarah Cardell` in the regulator's). When the article sets
another person in that office, in apposition — "The EKRE leader, Jüri Ratas, said", "Swedish Prime
Minister Magdalena Andersson", "Loretta Mester, president of the Federal Reserve Bank of Cleveland"
— the office is given to the wrong person.

An office is its title (with its modifiers: a deputy director is no director) and the body it is
held in, which must both match; a role the records say has ended ("former", "2015-2020", "no longer
in post"), or one a key dates to a year far from the article's, holds no longer and is left out.
Left alone: an office the article dates to another time ("former", "then", "at the time", a year in
the sentence that is not the article's), and a person whose own record gives them the office too.

An event's record keeps the one person who filled a role in it too (`referee: Adam Gee`, `chaired_by:
King Mohammed VI`), or notes an office beside a name ("Matteo Renzi (Italian prime minister)"), held
in the event's year: "Referee Ashley Klein" in copy about that final sets another in the role.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from rapidfuzz.distance import Indel

from factcheck.checks.base import CheckKind
from factcheck.facts import AGENT_KEY, PERSON_ROLES, looks_like_person, without_note
from factcheck.model import Analysis, Evidence, Record
from factcheck.checks._common import WRITTEN_YEAR, other_given_name, same_name
from factcheck.text import fold

# the words of an office's title: its head, and the words before it that make it another office
_MODIFIER = (r"(?:deputy|vice|acting|interim|assistant|associate|executive|general|managing|senior|principal|prime|foreign|"
             r"home|finance|health|defen[cs]e|education|justice|interior|economy|police|team|club|national|district|regional|"
             r"state|federal|chief|party|opposition|majority|minority|world|global|lead)")
_HEAD = (r"(?:leader|chief\s+executive(?:\s+officer)?|ceo|cfo|coo|chief\s+financial\s+officer|chief\s+operating\s+officer|"
         r"chair(?:man|woman|person)?|president|prime\s+minister|premier|governor|gov\.|mayor|commissioner|minister|secretary|"
         r"chancellor|director[\s-]general|director|captain|coach|manager|head|chief|spokes(?:man|woman|person)|judge|justice|"
         r"attorney[\s-]general|ambassador|administrator|treasurer|speaker|editor)")
_TITLE = rf"(?i:(?:{_MODIFIER}\s+){{0,2}}{_HEAD})"
_TITLES = rf"{_TITLE}(?:\s*(?:,|and|&)\s*{_TITLE})*"
# a body: capitalised words, with the small words names are made with ("Transport for London")
_BODY = r"(?:[A-Z][\w&.’'-]*|[A-Z]{2,})(?:\s+(?:of|for|and|the|de|du|des|von|van|&)?\s*(?:[A-Z][\w&.’'-]*))*"
_SYNONYMS = {"chief executive officer": "chief executive", "ceo": "chief executive", "chairman": "chair", "chairwoman": "chair",
             "chairperson": "chair", "gov.": "governor", "director-general": "director general", "attorney-general": "attorney general",
             "cfo": "chief financial officer", "coo": "chief operating officer", "spokeswoman": "spokesperson",
             "spokesman": "spokesperson"}
# a record's role that has ended, or that another time holds
_ENDED = re.compile(r"\b(?:former(?:ly)?|ex-|outgoing|no\s+longer|resigned|retired|until|previous(?:ly)?|later|elect|then|"
                    r"predecessor|succeeded|left)\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)\d\d)\b")
# the article dating the office to another time
_OTHER_TIME = re.compile(r"\b(?:former|ex|then|outgoing|late|previous|erstwhile|acting|interim|past|once)[\s-]+$", re.IGNORECASE)
_AT_THE_TIME = re.compile(r"\b(?:at\s+the\s+time|then|who\s+was|who\s+had\s+been|former(?:ly)?|until|before)\b", re.IGNORECASE)
_ROLE_KEY = re.compile(r"(?:current_)?(?:role|office|position|post|title|job)(?:_(?!match|deal|on_x|clinched|after)[a-z0-9_]+)?")

# "The EKRE leader, Jüri Ratas", "Swedish Prime Minister Magdalena Andersson", "The CMA's chief executive, Lina Khan,":
# the title right before the name (the longest), then the body right before the title
_TITLE_BEFORE = re.compile(rf"(?<![\w’'-])(?P<title>{_TITLE}),?\s+$")
_BODY_BEFORE = re.compile(rf"(?<![\w’'-])(?P<body>{_BODY}?)(?:’s|'s)?\s+$")
# "Loretta Mester, president of the Federal Reserve Bank of Cleveland", "Rene Haas, Arm's chief executive"
_AFTER = re.compile(rf"^,\s+(?:[Tt]he\s+|a\s+)?(?:(?P<title>{_TITLE})\s+(?:of|at)\s+(?:the\s+)?(?P<body>{_BODY})"
                    rf"|(?P<body2>{_BODY})(?:’s|'s)?\s+(?P<title2>{_TITLE}))\b")


def run(analysis: Analysis, rule) -> Iterator:
    offices = analysis.records.facts_memo("person-role:offices", _offices)
    if analysis.document.published is None:
        return
    published = analysis.document.published
    text = analysis.document.text
    current = [o for o in offices if _holds_in(o, published.year) and (not o.years or published.year in o.years)]
    people = [(m.start, m.end, m.text, None) for m in analysis.mentions if m.kind == "person"]
    people += [(link.start, link.end, link.text, link.record) for link in analysis.links if link.record.type == "person"]
    # a name the linker already tied to a record's fact is record-fact's to judge ("chief executive of
    # Norhaven Robotics is Rosalind Achebe")
    claimed = {claim.value.start for claim in analysis.claims}
    reported: set[int] = set()
    # (with no office holding now the offices' passes have nothing to compare: skipped, not run empty)
    for start, end, written, record in sorted(people, key=lambda p: (p[0], -(p[1] - p[0]))) if current else ():
        if start in reported or start in claimed or not looks_like_person(written) and record is None:
            continue
        sentence = analysis.sentence_of(start)
        for title, body in _offices_written(text, sentence.start, sentence.end, start, end):
            if _another_year(analysis, start, published.year):
                continue
            if title in _SHARED_TITLES:
                continue  # a court has many judges, a government many ministers (a prime minister is one)
            matching = [office for office in current
                        if office.title == title and any(_same_body(tail, office.bodies) for tail in _tails(body))]
            if not matching or any(_same_person(written, record, office.holder) or _near_miss(written, office.holder)
                                   for office in matching):
                continue  # the holder, or a slip of the holder's name (the name rules' to report)
            if len({office.holder_name for office in matching}) != 1:
                continue
            office = matching[0]
            reported.add(start)
            yield _finding(analysis, rule, start, end, _office_label(title, office.bodies[0]), office.holder_name, office.record, office.fact)
            break
    if current:
        yield from _offices_of_the_body_before(analysis, rule, people, current, reported, claimed)
    yield from _offices_by_alias(analysis, rule, people, reported)
    yield from _portfolios(analysis, rule, people, current, reported)
    yield from _roles_at_events(analysis, rule, people, reported | claimed)
    yield from _offices_held_for_a_term(analysis, rule, people, reported | claimed)


# the sub-keys of an office's term: when it began and when it ended
_TERM_FROM = {"from", "since", "start", "began", "took_office", "sworn_in", "appointed"}
_TERM_TO = {"to", "until", "end", "ended", "left_office", "resigned"}


def _terms(records: list[Record]) -> list[tuple[Record, str, str, dt.date, dt.date | None]]:
    """(person, title, key, from, to) of an office a person's own record keeps under its title with its term:
    `prime_minister: {from: 2016-12-06, to: 2017-05-15}` in Bernard Cazeneuve's. The key says no body."""
    found = []
    for record in records:
        if record.type != "person":
            continue
        terms: dict[str, dict[str, dt.date]] = {}
        for fact, values in record.facts.items():
            office, _, part = fact.rpartition(".")
            for value in values:
                day = value.value if isinstance(value.value, dt.date) else None
                if day is not None and "." not in office and (part in _TERM_FROM or part in _TERM_TO):
                    terms.setdefault(office, {})["from" if part in _TERM_FROM else "to"] = day
        for office, term in terms.items():
            title = office.replace("_", " ")
            if "from" in term and re.fullmatch(_TITLE, title) and _title(title) not in _SHARED_TITLES:
                found.append((record, _title(title), office, term["from"], term.get("to")))
    return found


def _offices_held_for_a_term(analysis: Analysis, rule, people, reported: set[int]) -> Iterator:
    """A bare title before a name ("Prime Minister Manuel Valls is expected to resign"), no body written, when one
    person's record keeps that title with a term the publication day falls in, and the name is another's."""
    published = analysis.document.published
    holding = [term for term in analysis.records.facts_memo("person-role:terms", _terms)
               if term[3] <= published and (term[4] is None or published <= term[4])]
    if not holding:
        return
    text = analysis.document.text
    for start, end, written, record in people:
        if start in reported:
            continue
        title = _bare_title(text, analysis.sentence_of(start), start)
        if title is None or not title[0][:1].isupper() or _another_year(analysis, start, published.year):
            continue  # (a title with a body of its own, "British Prime Minister Theresa May", may be another country's)
        holders = [term for term in holding if term[1] == _title(title[0])]
        if len({term[0].id for term in holders}) != 1 or _same_person(written, record, holders[0][0]) or _near_miss(written, holders[0][0]):
            continue
        holder, office_title, key, _, _ = holders[0]
        reported.add(start)
        yield _finding(analysis, rule, start, end, office_title, holder.name, holder, key)


def _bare_title(text: str, sentence, start: int) -> tuple[str, int] | None:
    """(title, where it starts) right before a name at `start`, when no body is written before it and no word of
    another time ("former", "then")."""
    lead = text[max(sentence.start, start - 80):start]
    title = _TITLE_BEFORE.search(lead)
    if title is None or _OTHER_TIME.search(lead[:title.start()]):
        return None
    body = _BODY_BEFORE.search(lead, 0, title.start())
    return None if body is not None and _clean_body(body.group("body")) else (title.group("title"), start - len(lead) + title.start())


def _offices_of_the_body_before(analysis: Analysis, rule, people, current: list[Office], reported: set[int],
                                claimed: set[int] = frozenset()) -> Iterator:
    """A title with no body right before a person's name, held in the body the sentence last named before it:
    "Acadia, led by chief executive Uli Hacksell" when Acadia's record gives its chief executive as Steve Davis.
    (Another organisation named in between is the title's body: "Microsoft's rival Google, led by chief
    executive Sundar Pichai".)"""
    text = analysis.document.text
    published = analysis.document.published
    for start, end, written, record in people:
        if start in reported:
            continue
        sentence = analysis.sentence_of(start)
        title = _bare_title(text, sentence, start)
        if title is None:
            continue  # (a body written before the title is the main pass's)
        written_title, at = _title(title[0]), title[1]
        names = [m for m in (*analysis.links, *analysis.mentions) if sentence.start <= m.start < at
                 and (m.record.type != "person" if hasattr(m, "record") else m.kind == "org")]
        if not names and not text[sentence.start:at].strip() and sentence.start > 0:
            # the title opens its sentence: the body is the one the sentence before, in the same paragraph, named
            # last ("… the Bank of Japan's plans to end negative rates. Governor Haruhiko Kuroda said …")
            before = analysis.sentence_of(sentence.start - 1)
            if "\n\n" not in text[before.start:sentence.start] and start not in claimed:
                names = [m for m in (*analysis.links, *analysis.mentions) if before.start <= m.start < before.end
                         and (m.record.type != "person" if hasattr(m, "record") else m.kind == "org")]
                # (one body named there, or the title may be another's: "The British carrier, which took over part of the
                # bankrupt Air Berlin, … at BER … Chief executive Johan Lundgren" is easyJet's)
                if len({name.start for name in names if not any(o.start <= name.start < o.end and o is not name
                                                                    and (o.start, -o.end) < (name.start, -name.end) for o in names)}) != 1:
                    names = []
        if written_title in _SHARED_TITLES or not names or _another_year(analysis, start, published.year):
            continue
        nearest = max(names, key=lambda m: (m.start, hasattr(m, "record")))
        body = getattr(nearest, "record", None)
        if body is None:
            continue
        matching = [o for o in current if o.title == written_title and (o.record is body or _same_body(body.name, o.bodies))]
        if len({o.holder_name for o in matching}) != 1 or any(_same_person(written, record, o.holder) or _near_miss(written, o.holder)
                                                             for o in matching):
            continue
        office = matching[0]
        reported.add(start)
        yield _finding(analysis, rule, start, end, f"{written_title} of {body.name}", office.holder_name, office.record, office.fact)


# a record that keeps a title as a person's other name (`aliases: ["budget chief"]`): words in lower case
_TITLE_ALIAS = re.compile(r"[a-z]+(?:[ -][a-z]+)+")


# … or a title of capitalised words with "of": "Archbishop of Canterbury", "the Lord Chief Justice of England"
_CAPITALISED_TITLE_ALIAS = re.compile(r"(?:[Tt]he\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")


def _title_alias(written: str, record: Record) -> bool:
    """Is the alias the link matched a title, not a name: words in lower case, or capitalised words with "of"
    that share no word with the person's name ("Archbishop of Canterbury" of Justin Welby)?"""
    if _TITLE_ALIAS.fullmatch(written):
        return True
    own = {fold(word) for word in record.name.split()}
    return bool(_CAPITALISED_TITLE_ALIAS.fullmatch(written)) and not own & {fold(word) for word in written.split()}


def _offices_by_alias(analysis: Analysis, rule, people, reported: set[int]) -> Iterator:
    """A title the records keep as one person's other name, set before another person's name: "budget
    chief Paula Fletcher" when `aliases: ["budget chief"]` is Shelley Carroll's; "The Archbishop of
    Canterbury, Stephen Cottrell," when `aliases: [Archbishop of Canterbury]` is Justin Welby's."""
    text = analysis.document.text
    published = analysis.document.published
    for link in analysis.links:
        if link.record.type != "person" or not link.exact or link.matched_name not in link.record.aliases \
                or not _title_alias(link.text, link.record) or _OTHER_TIME.search(text[max(0, link.start - 16):link.start]):
            continue
        gap = re.match(r",?[ \t]+", text[link.end:link.end + 3])
        named = next((p for p in people if gap is not None and p[0] == link.end + gap.end()), None)
        if named is None or named[0] in reported:
            continue
        start, end, written, record = named
        if _same_person(written, record, link.record) or _near_miss(written, link.record) \
                or _another_year(analysis, start, published.year):
            continue
        reported.add(start)
        yield _finding(analysis, rule, start, end, link.text, link.record.name, link.record, link.matched_name)


# a minister or secretary kept by portfolio: "Saudi Minister of Energy", "Minister of Foreign Affairs",
# "energy minister of Saudi Arabia" — one office in a government, where a bare "minister" is many
_PORTFOLIO_ROLE = re.compile(r"(?:(?P<body>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+)?(?P<head>minister|secretary)\s+(?:of|for)\s+(?:the\s+)?"
                             r"(?P<portfolio>[A-Za-z]+(?:\s+(?:and\s+)?[A-Za-z]+)?)|(?P<portfolio2>[a-z]+)\s+(?P<head2>minister|secretary)\b",
                             re.IGNORECASE)
# the article's title right before the name: "the energy minister, Prince Faisal", "Saudi Energy Minister Abdulaziz"
_PORTFOLIO_BEFORE = re.compile(r"(?<![\w’'-])(?:(?:the|its|his|her|their)\s+)?(?:(?P<body>[A-Z][\w’'-]+)\s+)?(?P<words>(?:[A-Za-z]+\s+){1,2})"
                               r"(?P<head>[Mm]inister|[Ss]ecretary),?\s+$")
# words before a portfolio that make another office, or no portfolio at all
_NOT_PORTFOLIO = {"prime", "deputy", "vice", "junior", "senior", "shadow", "former", "then", "acting", "interim", "cabinet", "chief",
                  "first", "a", "an", "the", "its", "his", "her", "their", "new", "ex", "outgoing", "general"}


def _portfolio(words: str) -> str:
    """A portfolio's words, the way copy shortens them: "Foreign Affairs" is "foreign", "Home Affairs" "home"."""
    return re.sub(r"\s+affairs$", "", " ".join(words.lower().split()))


def _portfolios(analysis: Analysis, rule, people, current: list[Office], reported: set[int]) -> Iterator:
    """A minister or secretary named by portfolio ("the energy minister, Prince Faisal bin Farhan") whose own
    record gives him another office, when the records give that portfolio to one other person."""
    text = analysis.document.text
    published = analysis.document.published
    held = [o for o in current if o.title.endswith((" minister", " secretary"))]
    if not held:
        return
    for start, end, written, record in people:
        if start in reported:
            continue
        lead = _PORTFOLIO_BEFORE.search(text[max(0, start - 60):start])
        if lead is None or _OTHER_TIME.search(text[max(0, start - 80):start - len(lead.group(0))]):
            continue
        words = lead.group("words").split()
        if words[0].lower() in _NOT_PORTFOLIO:
            continue
        title = f"{_portfolio(' '.join(words))} {lead.group('head').lower()}"
        body = lead.group("body")
        own = record or next((r for r in analysis.records.records if r.type == "person"
                              and any(same_name(written, n) for n in r.names)), None)
        holders = {o.holder_name: o for o in held if o.title == title and (body is None or _same_body(body, o.bodies))}
        if own is None or len(holders) != 1 or _another_year(analysis, start, published.year):
            continue
        office = next(iter(holders.values()))
        own_titles = [o.title for o in current if isinstance(o.holder, Record) and o.holder.id == own.id]
        if not own_titles or title in own_titles or _same_person(written, own, office.holder) or _near_miss(written, office.holder):
            continue  # (whose own record gives no office is not shown to hold another)
        reported.add(start)
        yield _finding(analysis, rule, start, end, title, office.holder_name, office.record, office.fact)


class EventRole(NamedTuple):
    """One person a record keeps in a role of its own event: `referee: Adam Gee`, `finals_mvp: Jaylen
    Brown`, `chaired_by: King Mohammed VI`. `head` is the role ("referee", "mvp"; the verb of a `…ed_by` key,
    "chaired"), `words` the key's other words ("finals" of `finals_mvp`), `verb` whether it is a doer's."""

    holder: str
    head: str
    words: tuple[str, ...]
    verb: bool
    record: Record
    fact: str


# key words that only say of which: `mvp_of_the_final`
_KEY_FILLER = {"at", "as", "of", "the", "in", "on", "for", "a", "an", "and", "to", "s"}


def _event_roles(records: list[Record]) -> list[EventRole]:
    """The roles one person fills in the event a record is about, by the vocabulary's roles (a referee, an
    umpire, a conductor, an MVP: `PERSON_ROLES`) or a `…ed_by` key — not an office, which is held in a body
    (the offices' pass reads it with its body), and not a key dated to a year (another year's referee)."""
    found = []
    for record in records:
        if record.type == "person":
            continue
        for fact, values in record.facts.items():
            if len(values) != 1 or not isinstance(values[0].value, str) or re.search(r"(?:^|[._])(?:1[89]|20)\d\d(?:[._]|$)", fact):
                continue  # a list ("guests: [Alicia Keys, Ludacris]") is no one-person role
            holder = without_note(values[0].value)
            if not looks_like_person(holder) or re.search(r"\s(?:and|&)\s", values[0].value):
                continue  # ("Alesha Dixon, Hannah Waddingham and Julia Sanina": a list in a sentence)
            words = [w for w in re.split(r"[._]+", fact.lower()) if w and w not in _KEY_FILLER]
            verb = bool(AGENT_KEY.search(fact))
            if len(words) < (2 if verb else 1):
                continue  # (`to: Beijing`: a key of small words only)
            head, rest = (words[-2], words[:-2]) if verb else (words[-1], words[:-1])
            if not verb and (head not in PERSON_ROLES and "_".join(words[-2:]) not in PERSON_ROLES
                             or re.fullmatch(_HEAD, head, re.IGNORECASE)):
                continue
            found.append(EventRole(holder, head, tuple(rest), verb, record, fact))
    return found


# the role written right before the name: "Referee Ashley Klein", "The Welsh referee Nigel Owens", "Finals MVP
# Jayson Tatum"; after it, in apposition: "Adam Gee, the referee,"; a verb whose doer the name is: "chaired by
# Prime Minister Aziz Akhannouch"; the name's own verb: "Mandisa Maya presided over"
_ROLE_BEFORE = re.compile(r"(?<![\w’'-])(?P<role>[A-Za-z]+),?\s+$")
_DONE_BY = re.compile(r"(?<![\w’'-])(?P<verb>[a-z]+ed)\s+by\s+(?:(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3})?$")
_DOES = re.compile(r"^\s+(?P<verb>[a-z]+ed)\b(?!\s+by\b)")
_ROLE_AFTER = re.compile(r"^,\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?(?P<role>[A-Za-z]+)\s*[,.;]")
# the role another time's: "last year's referee", "the previous MVP", "the 2015 final's referee"
_ANOTHER_TIMES = re.compile(r"\b(?:last|previous|past|former|then|defending|reigning|(?:1[89]|20)\d\d)\b[\w\s’'-]*$", re.IGNORECASE)


_UNDONE = re.compile(r"\b(?:invalid|void|null|unconstitutional|unlawful|illegal)\b", re.IGNORECASE)


def _roles_at_events(analysis: Analysis, rule, people, reported: set[int]) -> Iterator:
    """A person set in a role that the record of an event the article names gives to another: "Referee
    Ashley Klein" when the grand final's record keeps `referee: Adam Gee`. The role's other key words must
    be said in the sentence ("finals" of `finals_mvp`), and the article's records must give the role to that
    one holder. Left alone: a name some record keeps in that role (another year's referee), a role of
    another time ("last year's", "former", a year not the article's nor the event's), an event of other
    years than the article's, and a record of the same type the sentence names instead."""
    roles = analysis.records.facts_memo("person-role:event-roles", _event_roles)
    if not roles:
        return
    text = analysis.document.text
    named = {link.record.id for link in analysis.links}
    # (the recogniser calls a name it does not know an organisation as often as a person: "referee Stéphanie Frappart")
    named_as_org = [(m.start, m.end, m.text, None) for m in analysis.mentions if m.kind == "org" and looks_like_person(m.text)
                    and not any(link.start < m.end and m.start < link.end for link in analysis.links)]
    for start, end, written, record in sorted(people + named_as_org, key=lambda p: (p[0], p[1])):
        if start in reported or record is None and not looks_like_person(written):
            continue
        sentence = analysis.sentence_of(start)
        lead = text[max(sentence.start, start - 60):start]
        written_roles = []
        if (match := _ROLE_BEFORE.search(lead)) is not None:
            written_roles.append((match.group("role"), False, lead[:match.start()]))
        if (match := _DONE_BY.search(lead)) is not None:
            written_roles.append((match.group("verb"), True, lead[:match.start()]))
        if (match := _DOES.match(text[end:min(sentence.end, end + 30)])) is not None \
                and not _UNDONE.search(text, end + match.end(), min(sentence.end, end + match.end() + 80)):
            # (not the act undone: "Chief Justice David Maraga declared President Uhuru Kenyatta's victory "invalid,
            # null and void"" is no declaring of the result, `declared_by`'s)
            written_roles.append((match.group("verb"), True, lead))
        if (match := _ROLE_AFTER.match(text[end:min(sentence.end, end + 60)])) is not None:
            written_roles.append((match.group("role"), False, lead))
        if not written_roles:
            continue
        said = set(re.findall(r"[a-z]+", fold(text[sentence.start:sentence.end])))
        for role_word, verb, before in written_roles:
            if _OTHER_TIME.search(before) or _ANOTHER_TIMES.search(before) or re.search(r"\b(?:not|no|nor|never)\s+$", before):
                continue
            role_word = role_word.lower()
            matching = [r for r in roles if r.verb == verb and role_word in (r.head, r.head + "s") and set(r.words) <= said]
            if any(same_name(written, r.holder) or same_name(r.holder, written) or _near_miss(written, r.holder) for r in matching):
                break  # a holder of that role in some record: another year's, or a slip of the name (the name rules')
            in_article = [r for r in matching if r.record.id in named]
            if len({fold(r.holder) for r in in_article}) != 1:
                continue
            role = in_article[0]
            if record is not None and record.type != "person" or not _the_records_time(analysis, start, role.record):
                break
            if any(link.record.type == role.record.type and link.record.id != role.record.id
                   and sentence.start <= link.start < sentence.end for link in analysis.links):
                break  # "the 2015 final, refereed by Nigel Owens": another event's
            reported.add(start)
            shown = analysis.document.source[start:end]
            message = rule.message("done_by", event=role.record.name, verb=role_word, holder=role.holder, written=shown) if verb \
                else rule.message("role", role=" ".join((*role.words, role.head)), event=role.record.name, holder=role.holder, written=shown)
            yield rule.finding(message, start, end, shown, suggestion=role.holder,
                               evidence=Evidence(record=role.record.id, fact=role.fact, value=role.holder, source=role.record.origin))
            break


def _the_records_time(analysis: Analysis, position: int, record: Record) -> bool:
    """Does the sentence speak of the record's event's time? The years it writes must be the event's or the
    article's; an event of other years (the years its name and its dates give: a symphony's premiere in 1824)
    must have its year written in the sentence."""
    sentence = analysis.sentence_of(position)
    written = {int(y) for y in WRITTEN_YEAR.findall(analysis.document.text[sentence.start:sentence.end])}
    own = _named_years(record) | _dated_years(record)
    year = analysis.document.published.year
    if own and not own & {year - 1, year, year + 1}:
        return bool(written & own)
    return written <= own | {year, year - 1}


def _another_year(analysis: Analysis, position: int, year: int) -> bool:
    """Does the sentence write a year other than the article's or the one before ("In 2016, the commissioner …":
    another year's office-holder)?"""
    sentence = analysis.sentence_of(position)
    return bool({int(y) for y in WRITTEN_YEAR.findall(analysis.document.text[sentence.start:sentence.end])} - {year, year - 1})


def _office_label(title: str, body: str) -> str:
    """"prime minister of Italy", but "Italian prime minister": a people's adjective goes before the title."""
    if " " not in body and re.search(r"(?:ian|ish|ese|ean|can|man|ch|ss|ic|i)$", body) and body[:1].isupper():
        return f"{body} {title}"
    return f"{title} of {body}"


def _finding(analysis: Analysis, rule, start: int, end: int, office: str, holder: str, record: Record, fact: str):
    shown = analysis.document.source[start:end]
    return rule.finding(
        rule.message("office", written=shown, office=office, holder=holder),
        start, end, shown, suggestion=holder,
        evidence=Evidence(record=record.id, fact=fact, value=holder, source=record.origin),
    )


def _offices_written(text: str, first: int, last: int, start: int, end: int) -> list[tuple[str, str]]:
    """The offices the sentence sets a person in, by apposition: (title, body)."""
    found = []
    lead = text[max(first, start - 80):start]
    title = _TITLE_BEFORE.search(lead)
    body = _BODY_BEFORE.search(lead, 0, title.start()) if title is not None else None
    # (nor a time word the body took in: "Former NASA Administrator Jim Bridenstine")
    if body is not None and not _OTHER_TIME.search(lead[:body.start()]) and not _OTHER_TIME.search(lead[:title.start()]) \
            and not _OTHER_TIME.match(body.group("body").split(" ", 1)[0] + " "):
        found.append((_title(title.group("title")), body.group("body")))
    after = _AFTER.match(text[end:min(last, end + 120)])
    rest = text[end + after.end():min(last, end + after.end() + 40)] if after is not None else ""
    # the apposition must close ("…, president of the Cleveland Fed, dissented"), and not name someone next:
    # "the prime minister, Boris Johnson, the mayor of London, Sadiq Khan," is a list of pairs
    if after is not None and not _AT_THE_TIME.search(after.group(0)) and re.match(r"\s*(?:[,.;:)]|$)", rest) \
            and not re.match(r",\s+(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z]", rest):
        title, body = (after.group("title"), after.group("body")) if after.group("title") else (after.group("title2"), after.group("body2"))
        if body[:1].isupper():
            found.append((_title(title), body))
    return [(title, _clean_body(body)) for title, body in found if _clean_body(body)]


# titles many hold at once in one body
_SHARED_TITLES = {"judge", "justice", "spokesperson", "editor", "minister", "commissioner", "secretary", "director", "manager"}


def _tails(body: str) -> list[str]:
    """The body as written and each shorter run of its last words that opens on a capital: "Leyen and
    Swedish" (the search ran back over another name) → "Swedish"."""
    words = body.split()
    return [" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper()]


def _clean_body(body: str) -> str:
    """The body without a leading "The" and a title word run into it ("The EKRE" → "EKRE")."""
    return re.sub(r"(?:’s|'s)$", "", re.sub(r"^(?:the|The)\s+", "", body).strip())


def _title(words: str) -> str:
    title = " ".join(words.lower().split()).replace("-", " ") if "director-general" not in words.lower() else words.lower()
    for long, short in sorted(_SYNONYMS.items(), key=lambda item: -len(item[0])):
        title = re.sub(rf"(?<![\w.]){re.escape(long)}(?![\w])", short, title)
    return title


# the words a company's name carries beside what it is called by
_COMPANY_WORDS = {"airlines", "airline", "airways", "company", "co", "corporation", "corp", "inc", "incorporated", "group",
                  "plc", "ltd", "limited", "holdings", "llc", "sa", "ag", "the"}


def _without_company_words(name: str) -> str:
    words = name.replace(".", "").replace(",", "").split()
    kept = [w for w in words if w not in _COMPANY_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else name


def _same_body(written: str, names: tuple[str, ...]) -> bool:
    """Is the body the article writes one of the names the records give the office's body? A people's
    adjective names its country ("Swedish" Sweden)."""
    key = fold(written)
    for name in names:
        other = fold(name)
        if key == other or key == _without_company_words(other):
            return True  # ("Alaska's chief executive" of Alaska Airlines, "Boeing's" of The Boeing Company)
        if " " not in key and " " not in other and len(key) >= 5 and len(other) >= 5 and key[:4] == other[:4] \
                and (key.endswith(("ish", "ian", "ese", "an")) or other.endswith(("ish", "ian", "ese", "an"))):
            return True
    return False


def _same_person(written: str, record: Record | None, holder) -> bool:
    if isinstance(holder, Record):
        if record is not None and record.id == holder.id:
            return True
        if other_given_name(written, holder.name):
            return False  # "Liz Upton" is not Eben Upton, whose alias is "Upton"
        return any(same_name(written, name) or same_name(name, written) for name in holder.names)
    return same_name(written, holder) or same_name(holder, written)


def _near_miss(written: str, holder) -> bool:
    """Is the name a slip of the holder's ("Andrew Haynes" for Andrew Haines)?"""
    names = holder.names if isinstance(holder, Record) else (holder,)
    return any(Indel.normalized_similarity(fold(written), fold(name)) >= 0.8 for name in names)


def _holds_in(office: Office, year: int) -> bool:
    """Does the office hold in the article's year? A key may date it (`role_2023`, `office_in_2021_2023`,
    `role_from_2019_10_23`)."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", office.fact)]
    if years and re.search(r"(?:^|_)(?:from|since)_(?:19|20)\d\d", office.fact):
        return min(years) - 1 <= year  # `role_from_2019_10_23`: held from then on
    return not years or min(years) - 1 <= year <= max(years) + 1


class Office(NamedTuple):
    """An office the records give a holder: who (a person's Record, or a name a record gives), the title,
    the names of the body it is held in, the record that says so and its key."""

    holder: Record | str
    title: str
    bodies: tuple[str, ...]
    record: Record
    fact: str
    years: frozenset[int] = frozenset()  # the only years it is known to hold: those of the event whose record gives it

    @property
    def holder_name(self) -> str:
        return self.holder.name if isinstance(self.holder, Record) else self.holder


def _offices(records: list[Record]) -> list[Office]:
    """Every office the records give a holder, now or at a year a key says."""
    found = []
    # the names the records know a body by: "Competition and Markets Authority" is also "CMA"
    bodies = [record.names for record in records if record.type != "person"]
    for record in records:
        for fact, values in record.facts.items():
            leaf = fact.rsplit(".", 1)[-1]
            if leaf in _HOLDER_LEAVES and "." in fact:
                # `governor: {name: Kazuo Ueda, since: 2023-04-09}`: the holder under the office's own key
                leaf = fact.rsplit(".", 2)[-2]
            for value in values:
                if not isinstance(value.value, str):
                    continue
                if record.type == "person" and _ROLE_KEY.fullmatch(fact.split(".")[0]):
                    for title, body in _roles(value.value) + _portfolio_roles(value.value):
                        found.append(Office(record, title, _body_names(body, bodies), record, fact))
                elif record.type != "person" and (noted := _NAME_WITH_ROLE.fullmatch(value.value.strip())) is not None \
                        and looks_like_person(noted["name"]) and (roles := _roles(noted["role"] or noted["role2"])):
                    # `foreign_leaders_present: ["Matteo Renzi (Italian prime minister)"]`: an office the event's
                    # record notes beside a name, held in the event's year
                    years = _record_years(record)
                    found.extend(Office(noted["name"].strip(), title, _body_names(body, bodies), record, fact, years)
                                 for title, body in roles if years)
                elif record.type != "person" and looks_like_person(without_note(value.value)):
                    # `chief_executive: Sarah Cardell` in the body's own record; `governor_of_maryland_at_time`
                    words = re.sub(r"_(?:at_.*|as_of.*|in_\w+|(?:19|20)\d\d.*)$", "", leaf).replace("_", " ")
                    heads = re.fullmatch(rf"({_TITLE})(?:\s+of\s+(.+))?", words, re.IGNORECASE)
                    before = None if heads is not None else re.fullmatch(rf"(?!{_MODIFIER}\b|{_KEY_TIMES}\b)([a-z]{{2,}})\s+({_TITLE})",
                                                                         words, re.IGNORECASE)
                    if heads is None and before is None:
                        continue
                    if before is not None:
                        # (or before the title: `nasa_administrator_in_october_2022` is NASA's administrator)
                        found.append(Office(without_note(value.value), _title(before.group(2)),
                                            tuple(_body_names(before.group(1).upper() if len(before.group(1)) <= 4 else before.group(1).title(), bodies)), record, fact))
                        continue
                    # (a body the key names is written in lower case: `governor_of_maryland_at_time`)
                    names = _body_names(heads.group(2).title(), bodies) if heads.group(2) else record.names
                    found.append(Office(without_note(value.value), _title(heads.group(1)), tuple(names), record, fact))
    return found


# the sub-keys that name an office's holder under the office's key
_HOLDER_LEAVES = {"name", "holder", "person", "who", "incumbent"}


# words of a key that date an office rather than name its body: `previous_ceo`, `founding_director`
_KEY_TIMES = r"(?:previous|former|first|founding|new|late|then|past|incoming|outgoing|current|ex|original|interim|acting|last|next)"


# a name with its office noted after it: "Matteo Renzi (Italian prime minister)", "Justin Welby, Archbishop of Canterbury"
_NAME_WITH_ROLE = re.compile(r"(?P<name>[^,()]+?)\s*(?:\((?P<role>[^()]+)\)|,\s*(?P<role2>[^,()]+))")


def _record_years(record: Record) -> frozenset[int]:
    """The years of the event a record is about: those its name writes, or else those of its dates."""
    return frozenset(_named_years(record) or _dated_years(record))


def _named_years(record: Record) -> set[int]:
    return {int(year) for name in record.names for year in WRITTEN_YEAR.findall(name)}


def _dated_years(record: Record) -> set[int]:
    return {value.value.year for values in record.facts.values() for value in values if isinstance(value.value, dt.date)}


def _roles(text: str) -> list[tuple[str, str]]:
    """The (title, body) pairs of a role a record writes: "Prime Minister of Estonia; leader of the Reform
    Party", "chief executive, Arm", "Chairman and CEO of EDF", "Apple CEO" — none that has ended or
    that is given with the years it ran ("Commissioner of Transport for London 2015-2020")."""
    found = []
    for part in re.split(r"\s*;\s*", text):
        if _ENDED.search(part) or _YEAR_RANGE.search(part):
            continue
        acronyms = re.findall(r"\(([A-Z][A-Za-z]{1,9})\)", part)
        plain = re.sub(r"\s*\([^)]*\)", "", part).strip().rstrip(".")
        match = re.fullmatch(rf"(?:[Tt]he\s+)?(?P<titles>{_TITLES})\s*(?:,|\bof\b|\bat\b|\bfor\b)\s*(?:the\s+)?(?P<body>{_BODY})", plain) \
            or re.fullmatch(rf"(?P<body>{_BODY})\s+(?P<titles>{_TITLE})", plain)
        if match is None:
            continue
        for title in re.split(r"\s*(?:,|\band\b|&)\s*", match.group("titles")):
            if title:
                found.append((_title(title), "|".join([_clean_body(match.group("body")), *acronyms])))
    return found


def _portfolio_roles(text: str) -> list[tuple[str, str]]:
    """The ministers' and secretaries' offices a record's role gives by portfolio: "Saudi Minister of Energy"
    → ("energy minister", "Saudi"); none that has ended."""
    found = []
    for part in re.split(r"\s*;\s*", text):
        if _ENDED.search(part) or _YEAR_RANGE.search(part):
            continue
        for match in _PORTFOLIO_ROLE.finditer(part):
            words = match.group("portfolio") or match.group("portfolio2")
            if words.lower() in _NOT_PORTFOLIO:
                continue
            head = (match.group("head") or match.group("head2")).lower()
            found.append((f"{_portfolio(words)} {head}", _clean_body(match.group("body") or "")))
    return found


def _body_names(body: str, bodies: list[tuple[str, ...]]) -> tuple[str, ...]:
    """A body as a role writes it ("the Conservative People's Party of Estonia|EKRE"), with every name a
    record gives it."""
    names = [n for n in body.split("|") if n]
    for record_names in bodies:
        if any(fold(n) == fold(name) for n in names for name in record_names):
            names.extend(record_names)
    return tuple(dict.fromkeys(names))


KIND = CheckKind(
    name="person-role",
    run=run,
    summary="a person is given an office the records give to someone else",
    messages=("office",),
)
