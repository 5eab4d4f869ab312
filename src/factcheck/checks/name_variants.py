"""name-variants: one person or organisation spelled two ways in one article.

"McQuarrie" three times and "McQuarie" once: the rarer form is reported, with
the common one as the suggestion. Only names the recogniser (or the records)
call people or organisations are compared, so "Austria" and "Australia" are
left alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from rapidfuzz.distance import OSA, Indel, Levenshtein

from factcheck.checks.base import CheckKind
from factcheck.model import ARTICLE_ORIGIN, Analysis, Evidence, Finding
from factcheck.names import NUMBER_WORDS, inflection
from factcheck.text import is_common_word, name_key

NAME_KINDS = ("person", "org")


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    min_length = KIND.param(rule, "min_length")
    undecided = KIND.param(rule, "undecided")
    similarity = KIND.param(rule, "min_similarity")
    text = analysis.document.text
    if not undecided:
        yield from _long_name_variants(analysis, rule, similarity)
    # every capitalised word that is part of a person's or organisation's name
    name_words: set[str] = set()
    for mention in analysis.mentions:
        if mention.kind in NAME_KINDS:
            name_words.update(norm for norm in name_key(mention.text) if len(norm) >= min_length)
    for link in analysis.links:
        if link.record.type in ("person", "organisation"):
            name_words.update(norm for norm in name_key(link.text) if len(norm) >= min_length)
    occurrences: dict[str, list] = defaultdict(list)
    written: dict[str, Counter] = defaultdict(Counter)
    capitalised = [t for t in analysis.tokens if len(t.norm) >= min_length and text[t.start].isupper()]
    for token in capitalised:
        written[token.norm][analysis.document.source[token.start:token.end]] += 1
    # a capitalised word the recogniser did not call a name, where a person stands ("…, Kotiadas said",
    # "to Labuschange, who held up"), is one when it is a slip away from a person's name the article
    # writes (not a place's: "Genova" and "Genoa", "Europa" and "Europe" are two words)
    by_letter: dict[str, list[str]] = defaultdict(list)
    person_names = [m.text for m in analysis.mentions if m.kind == "person"] + \
        [link.text for link in analysis.links if link.record.type == "person"]  # the recogniser may call them else
    for name in person_names:
        for norm in name_key(name):
            if len(norm) >= min_length:
                by_letter[norm[:1]].append(norm)
    # … or anywhere, a slip of a person's name the article writes three times or more ("Paolini" four
    # times, then "before Paolino hit a return long")
    # (named as a person twice at least: "Argentina" once inside a person's span is no person's name)
    as_person = Counter(norm for names in by_letter.values() for norm in names)
    person_words = set(as_person)
    established: dict[str, list[str]] = defaultdict(list)
    for norm, count in as_person.items():
        if count >= 2 and sum(written[norm].values()) >= 3:
            established[norm[:1]].append(norm)
    for token in capitalised:
        if token.norm in name_words or not token.norm.isalpha():
            continue
        partner = _AND_NAME.match(text, token.end)
        if _PERSON_PLACE.match(text, token.end) or partner is not None and partner.group(1).lower() in person_words:
            # (or beside another person by "and": "Sarrandos and Peters now run a service")
            known = by_letter.get(token.norm[:1], ())
        else:
            known = established.get(token.norm[:1], ())
            if known and is_common_word(token.norm):
                continue
        if any(_variant(token.norm, name, similarity, written) for name in known):
            name_words.add(token.norm)
    things = _named_alike(text, capitalised, name_words, similarity, written)
    name_words |= things
    for token in capitalised:
        if token.norm in name_words:
            occurrences[token.norm].append(token)
    # the words of the names of the people and organisations the article links: the records' spelling
    # — their surnames only: "Hiroshi" and "Hitoshi", "Marie" and "Marine" are two first names, two people
    people = {link.record.id: link.record for link in analysis.links if link.record.type == "person" and link.record.origin != ARTICLE_ORIGIN}
    recorded = {name_key(name)[-1] for record in people.values() for name in record.names if name_key(name)}
    # … and a name the linked records give as a fact's text ("original_christine: Sarah Brightman",
    # "announcement_event: Wonderlust")
    linked = {link.record.id: link.record for link in analysis.links if link.record.origin != ARTICLE_ORIGIN}
    recorded |= {word for record in linked.values() for values in record.facts.values() for value in values
                 if isinstance(value.value, str) and len(value.value) <= 60
                 for word in name_key(value.value) if len(word) >= min_length}
    forms = sorted(occurrences, key=lambda w: -len(occurrences[w]))
    for rare in forms:
        rare_count = len(occurrences[rare])
        common = next(
            (w for w in forms if (len(occurrences[w]) >= 2 and len(occurrences[w]) > rare_count
                                  # once each: the records say which is right ("Bill Nelson" … "Nelsen")
                                  or w in recorded and rare not in recorded and len(occurrences[w]) >= rare_count
                                  and not any(_first_name(text, token) for token in occurrences[rare])
                                  or _once_each(text, occurrences[w], occurrences[rare], recorded))
             and _variant(rare, w, similarity, written)),
            None,
        )
        if common is None:
            continue
        if _written_together(text, occurrences[rare], occurrences[common]):
            continue  # "the Los Angeles Angels": two words of one name, each as it is meant
        if all(_FOREIGN_NAME_AFTER.match(text, t.end) for t in occurrences[rare]):
            continue  # "the Orchestre de Paris" beside "the Concertgebouw Orchestra": one word in two languages
        if all(_first_name(text, t) for t in occurrences[rare]) and not any(_first_name(text, t) for t in occurrences[common]):
            continue  # "David Ross" beside "Rajai Davis" and "Davis drove in a run": a first name, and a surname
        rare_kinds, common_kinds = _kinds(analysis, occurrences[rare]), _kinds(analysis, occurrences[common])
        # (after the same given name it is the same person, whatever the recogniser called it: "Sadiq Kahn", an organisation)
        same_given = bool({_given_name(text, t) for t in occurrences[rare]} & {_given_name(text, t) for t in occurrences[common]} - {None})
        if len(rare_kinds) == 1 and rare_kinds | common_kinds == {"person", "org"} and not rare_kinds < common_kinds and not same_given:
            continue  # "Guns N' Roses" and "Diana Ross": a band's word and a person's surname, two names
            # (not "Mr Thwait" beside six "Thwaite", one of them called an organisation)
        if rare_kinds == {"person"} and "place" in common_kinds and common_kinds <= {"place", "org"} \
                and all(_first_name(text, t) for t in occurrences[rare]):
            continue  # "Toyo Ito" and "Tokyo" (and "Tokyo University of the Arts"): a person's given name and a place's
        if len(occurrences[common]) >= 2:
            message = "variant"
        elif common in recorded:
            message = "recorded"
        elif _named_in_full_first(text, occurrences[common], occurrences[rare]):
            message = "full_name"
        else:
            message = "undecided"
        if undecided != (message == "undecided"):
            continue  # the two rules split the work: one reports what is decided, the other the rest
        suggestion = written[common].most_common(1)[0][0]
        # "Ganjar Pranowo" beside "Prabowo Subianto": a surname after a given name the other form never
        # has is another person's
        given_common = {_given_name(text, t) for t in occurrences[common]}
        for token in occurrences[rare]:
            given = _given_name(text, token)
            if given is not None and given not in given_common:
                continue
            if _swapped(rare, common) and Indel.normalized_similarity(rare, common) < similarity and given is None:
                continue  # "Kahn" alone beside "Khan": two surnames as often as one misspelt; "Sadiq Kahn" is a slip
            if any(link.start <= token.start < link.end and link.record.origin != ARTICLE_ORIGIN for link in analysis.links):
                continue  # part of a record's name: the record rules speak for it
            if re.search(r"[^\W\d_][’'][^\W\d_]", re.sub(r"[’']s$", "", text[token.start:token.end])) \
                    or re.match(r"-[A-Z]", text[token.end:token.end + 2]):
                continue  # "known as Char'es-Baby": a letter elided on purpose, a word of a hyphenated name
            shown = analysis.document.source[token.start:token.end]
            for suffix in ("’s", "'s"):
                if shown.endswith(suffix):
                    shown = shown[: -len(suffix)]
            line, _ = analysis.document.position(occurrences[common][0].start)
            yield rule.finding(
                rule.message(message, written=shown, common=suggestion, times=len(occurrences[common]), line=line),
                token.start, token.start + len(shown), shown,
                suggestion=None if message == "undecided" else suggestion,  # which is right is not known
                evidence=Evidence(fact="spelling", value=suggestion, source=f"this article, first on line {line}"),
            )


# a long name: three capitalised words or more, with the small words names join them by
_LONG_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+(?:\s+(?:(?:of|the|and|for|de|du|des|la|le)\s+)*[A-Z][\w’'-]+){2,}")


def _long_name_variants(analysis: Analysis, rule, similarity: float) -> Iterator[Finding]:
    """A long name written alike twice or more and once with one word another form of it: "the Royal Swedish
    Academy of Sciences" twice, then "… of the Royal Swedish Academy of Science". One word of a name written
    twice in full is a slip, plural or not (a word alone may be either: "Smiths" and "Smith")."""
    text = analysis.document.text
    counts = Counter(tuple(re.sub(r"^(?:The|A|An)\s+", "", found.group(0)).split()) for found in _LONG_NAME.finditer(text))
    reported: set[int] = set()
    for common, times in counts.items():
        if times < 2 or sum(word[:1].isupper() for word in common) < 3:
            continue
        for index, meant in enumerate(common):
            if not meant[:1].isupper():
                continue
            pattern = r"\s+".join(re.escape(word) if place != index else r"([A-Z][\w’'-]+)" for place, word in enumerate(common))
            for found in re.finditer(rf"(?<![\w’'-]){pattern}(?![\w’'-])", text):
                said = found.group(1)
                plural = said.rstrip("s") == meant.rstrip("s")
                if said.replace("’", "'") == meant.replace("’", "'") or found.start(1) in reported \
                        or not (plural or _variant(said.lower(), meant.lower(), similarity, defaultdict(Counter))):
                    continue
                if plural and not re.search(r"\bof\s+(?:[A-Z][\w’'-]+\s+)*$", text[max(0, found.start(1) - 60):found.start(1)]):
                    continue  # "the last two Women's World Cups", "the National Book Awards": a series told in the plural
                    # (not after "of" in a body's name: "Academy of Sciences", "Department of Health and Human Services")
                reported.add(found.start(1))
                line, _ = analysis.document.position(text.index(" ".join(common)) if " ".join(common) in text else found.start())
                yield rule.finding(
                    rule.message("variant", written=said, common=meant, times=times, line=line),
                    found.start(1), found.end(1), analysis.document.source[found.start(1):found.end(1)], suggestion=meant,
                    evidence=Evidence(fact="spelling", value=" ".join(common), source=f"this article, first on line {line}"),
                )


# the word after a name, past a closing quotation mark: "its "Wonderlust" event"
_NEXT_WORD = re.compile(r"[\"”’']?[ \t]+([a-z]+)\b")


def _named_alike(text: str, capitalised: list, name_words: set[str], similarity: float, written: dict) -> set[str]:
    """Two capitalised words a slip apart, each before the same common noun ("the "Wonderlust" event" …
    "the Wanderlust event"): one name of a thing, spelled two ways, whatever the recogniser called it."""
    by_next: dict[str, set[str]] = defaultdict(set)
    for token in capitalised:
        after = _NEXT_WORD.match(text, token.end)
        # (not a sentence's first word, capitalised whatever it is)
        opens_sentence = token.start == 0 or text[token.start - 1] == "\n" \
            or re.search(r"[.!?][\"”’']?\s+$", text[max(0, token.start - 4):token.start]) is not None
        if after is not None and token.norm not in name_words and token.norm.isalpha() and not is_common_word(token.norm) \
                and not opens_sentence:
            by_next[after.group(1)].add(token.norm)
    found: set[str] = set()
    for words in by_next.values():
        for first in words:
            for second in words:
                if first < second and _variant(first, second, similarity, written):
                    found |= {first, second}
    return found


# endings that make another word of the same stem, not another spelling of a name; an inflection
# alone ("Earps"/"Earpes") is no other word
INFLECTIONS = {"", "s", "es", "ies"}
WORD_ENDINGS = {"", "s", "es", "al", "ic", "ics", "ical", "ian", "ians", "an", "ans", "n", "ns", "ese", "ish", "ist", "ists", "ism", "y",
                "ies", "ed", "er", "ers", "ing", "ment", "ments", "ity", "ive", "ion", "ions", "ory", "ary", "ern"}


# what follows a person's name: a verb of saying, "who", a possessive
_AND_NAME = re.compile(r"\s+(?:and|&)\s+([A-Z][\w’'-]+)\b")
_PERSON_PLACE = re.compile(r"(?:\s+(?:said|says|told|added|explained|recalled)\b|,\s+who\b|’s\b|'s\b)")


def _kinds(analysis: Analysis, tokens: list) -> set[str]:
    """What the recogniser calls the names the words stand in ("person", "org", "place"; "" for none). A word that
    is an organisation's whole name is as often a surname the recogniser mistook ("Pylkanen told")."""
    return {next((m.kind for m in analysis.mentions_holding(token.start, token.end)
                  if m.kind in ("person", "place") or m.kind == "org" and (m.start, m.end) != (token.start, token.end)), "") for token in tokens}


def _given_name(text: str, token) -> str | None:
    """The capitalised word right before a word ("Ganjar" of "Ganjar Pranowo"), not a common one ("The")."""
    found = re.search(r"(?<![\w’'])([A-Z][^\W\d_]+)[ \t]+$", text[max(0, token.start - 30):token.start])  # (any letters: "Davóne")
    return found.group(1) if found is not None and not is_common_word(found.group(1)) else None


# a word of a name in another language, before its own small word: "Orchestre de Paris", "Teatro alla Scala"
_FOREIGN_NAME_AFTER = re.compile(r"[ \t]+(?:de|des|du|di|del|della|delle|dei|alla|der|das|la|le)[ \t]+[A-Z]")


def _written_together(text: str, rare: list, common: list) -> bool:
    """Is one form written right after the other, in one name ("the Los Angeles Angels")?"""
    return any(re.fullmatch(r"[ \t]+", text[first.end:second.start])
               for one, other in ((rare, common), (common, rare)) for first in one for second in other if first.end < second.start)


def _once_each(text: str, first: list, later: list, recorded: set[str]) -> bool:
    """Two spellings of a surname, once each, that neither a count nor the records decide: "said Jussi
    Pylkkänen" … "Pylkännen told the room". Which is right is not knowable here (the slip is as often
    in the full name), so the later one is reported, for an editor to settle."""
    return (len(first) == 1 and len(later) == 1 and first[0].start < later[0].start
            and first[0].norm not in recorded and later[0].norm not in recorded
            and not _first_name(text, later[0]) and not _first_name(text, first[0]))


def _named_in_full_first(text: str, common: list, rare: list) -> bool:
    """Once each, the first in a full name and the later a surname alone ("Lula chose Geraldo Alckmin" …
    "Lula and Alkmin are expected to"): copy names a person in full where it introduces them, and that is
    the spelling an editor checks; the bare surname after it is the one to query."""
    return len(common) == 1 and len(rare) == 1 and common[0].start < rare[0].start \
        and _given_name(text, common[0]) is not None and _given_name(text, rare[0]) is None


def _first_name(text: str, token) -> bool:
    """Is the word followed by another capitalised word ("Hiroshi Yamakawa"): a first name?"""
    return re.match(r"[ \t]+[A-Z]", text[token.end:token.end + 3]) is not None


def _camel_case(form: str) -> bool:
    """A capital inside a word ("SpaceX", "PlayStation"): a name made of words, not a spelling."""
    return any(c.isupper() for c in form[1:].split("'")[0].split("’")[0])


def _accented(forms, stem: int) -> bool:
    """Is a letter past the shared stem written with an accent ("ä" of "Universität")? No slip of the
    fingers adds one: a word that differs there is the same word in another language."""
    return any(not letter.isascii() for form in forms for letter in form[stem:])


def _variant(rare: str, common: str, similarity: float, written: dict) -> bool:
    if rare == common or rare[0] != common[0] or abs(len(rare) - len(common)) > 1:
        return False  # "Baines" and "Ines" are two names; a typo keeps the first letter and the length
    if rare in NUMBER_WORDS or common in NUMBER_WORDS:
        return False
    if rare.rstrip("s") == common.rstrip("s") or inflection(rare, common):
        return False  # "Smiths", "Jones'", "Azerbaijani": plurals, possessives and peoples, not spellings
    stem = 0
    while stem < min(len(rare), len(common)) and rare[stem] == common[stem]:
        stem += 1
    endings = {rare[stem:], common[stem:]}
    # a letter written twice ("Brightmann" for "Brightman") is a slip, not the ending "-n" of "Indian"
    doubled = endings - {""} == {rare[stem - 1]} if stem else False
    if stem >= 4 and endings <= WORD_ENDINGS and endings - INFLECTIONS and not doubled:
        return False  # "Physics" and "Physical" (Institute of Physics, Physical Review): two words of one stem
    if stem >= 4 and "e" in endings and "" not in endings and endings - {"e"} <= WORD_ENDINGS \
            and all(ending[0] in "aeiouy" for ending in endings):
        return False  # "Agriculture" and "Agricultural" (Department of Agriculture, National Agricultural Statistics Service):
        # a word's silent "e" goes before an ending that opens with a vowel
    if _accented(written[rare], stem) != _accented(written[common], stem):
        return False  # "Universität" and "University" (Ludwig-Maximilians-Universität, Ohio State University): one word in two languages
    if (rare.startswith(common) or common.startswith(rare)) and any(_camel_case(form) for form in written[rare] | written[common]):
        return False  # "Space" (Kennedy Space Center) and "SpaceX": a word and a name made from it ("Quan"/"Quang" is a slip)
    # a double letter written as another ("McLellan" for McLennan) is one slip, however many letters it moves
    undoubled = re.sub(r"(.)\1", r"\1", rare), re.sub(r"(.)\1", r"\1", common)
    if min(len(rare), len(common)) >= 6 and undoubled[0] != undoubled[1] and OSA.distance(*undoubled) == 1 \
            and re.search(r"(.)\1", rare) and re.search(r"(.)\1", common):
        return True
    # the same letters, one moved past two others after the same first two ("Zarah" for Zahra): one
    # slip of the fingers, though two edits ("Karin" and "Kiran", apart at the second letter, are two names)
    if len(rare) >= 5 and rare[:2] == common[:2] and sorted(rare) == sorted(common) and OSA.distance(rare, common) == 2:
        return Indel.normalized_similarity(rare, common) >= similarity
    # a slip is one edit (two in a long name): "Michael" and "Mitchell" are two names, three edits apart
    if OSA.distance(rare, common) > (1 if max(len(rare), len(common)) < 8 else 2):
        return False
    # (two letters swapped is one slip however short the word — "Kahn" for Khan — though two names may be so
    # alike: the finding then needs the same given name before both, see run)
    return Indel.normalized_similarity(rare, common) >= similarity or _swapped(rare, common)


def _swapped(rare: str, common: str) -> bool:
    """Two neighbouring letters swapped: "kahn" and "khan"."""
    return len(rare) == len(common) >= 4 and OSA.distance(rare, common) == 1 and Levenshtein.distance(rare, common) == 2


KIND = CheckKind(
    name="name-variants",
    run=run,
    summary="a name spelled two ways in one article",
    # `undecided`: report only the spellings nothing decides (once each, no record), instead of the rest
    params={"min_length": ((int,), 4), "min_similarity": ((int, float), 0.8), "undecided": ((bool,), False)},
    messages=("variant", "recorded", "full_name", "undecided"),
)
