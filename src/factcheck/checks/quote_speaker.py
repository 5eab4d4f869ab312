"""quote-speaker: words quoted in the article that the records give to someone else.

Newsrooms keep what people said: `statement_2024_10_16: {verbatim: "welcome news for millions of
families"}` in Darren Jones's record, `quotes: [{speaker: Mensun Bound, text: "… the finest wooden
shipwreck I have ever seen …"}]` in an expedition's, `cox_said: "… in much the same form …"` in a
list of office-holders. A quotation of five words or more that one of those values holds word for
word (or that holds the value) has a speaker in the records; when the sentence that quotes it names
a person and not that speaker ("… families", said Rachel Reeves), the quotation is given to the
wrong person.

The records' speaker is, in this order: the value of a `speaker`/`by`/`who` … key beside the
quotation in its mapping or list; the name it is kept under (`quotes: {Campbell Wilson (Air India
CEO): "…"}`); the person whose record keeps it; the person a key names
(`cox_said`: the one person of the records whose surname is Cox). A quotation the records give to
two people, or to no one, is left alone; so is a sentence that names the records' speaker too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz.distance import Indel

from factcheck.checks._common import other_given_name
from factcheck.checks.base import CheckKind
from factcheck.facts import looks_like_person, without_note
from factcheck.model import Analysis, Evidence, Record
from factcheck.text import fold, name_key  # (names only: a quotation's words are folded by _words, uncached)

MIN_WORDS = 5
# the keys that say who said a quotation kept beside them
_SPEAKER_KEYS = {"speaker", "by", "who", "said_by", "person", "author", "quoted", "source_person", "name"}
_QUOTED = re.compile(r"[“\"]([^”\"\n]{10,}?)[”\"]")


def run(analysis: Analysis, rule) -> Iterator:
    kept = analysis.records.facts_memo("quote-speaker:quotations", _quotations)
    if not kept:
        return
    text = analysis.document.text
    # (start, end, the name as written, the name it stands for: a record's when it links to one, "the King")
    people = [(m.start, m.end, m.text, m.text) for m in analysis.mentions if m.kind == "person"]
    people += [(link.start, link.end, link.text, link.record.name) for link in analysis.links if link.record.type == "person"]
    reported: set[int] = set()
    for quoted in _QUOTED.finditer(text):
        words = _words(quoted.group(1))
        if len(words.split()) < MIN_WORDS:
            continue
        holding = [(speaker, record, fact) for value, speaker, record, fact in kept
                   if words in value or (len(value.split()) >= MIN_WORDS and value in words)]
        if len({_surname(speaker) for speaker, _, _ in holding}) != 1:
            continue  # the records give it to no one, or to two people
        speaker, record, fact = max(holding, key=lambda h: len(h[0]))  # "Gov. David Paterson" and "David Paterson": one
        first, last = analysis.sentence_of(quoted.start()), analysis.sentence_of(quoted.end() - 1)
        # the recogniser's people and the records', and a capitalised name next to a verb of saying
        # ("said John Shears, the polar geographer"), which the recogniser may miss
        # (not a word after "the": "the Welshman said" describes the one named before, whom the recogniser may call a person)
        named = [(start, end, name, meant) for start, end, name, meant in people + _named_by_saying(text, first.start, last.end)
                 if first.start <= start < last.end and not (quoted.start() <= start < quoted.end())
                 and not (" " not in name.strip() and re.search(r"\bthe\s+$", text[max(0, start - 5):start]))]
        if any(_same_person(meant, speaker) for _, _, _, meant in named):
            continue
        # the one named as saying it: "said NAME", "NAME said", "NAME, the …, said", "according to NAME"
        sayers = [n for n in named if _SAID_BEFORE.search(text[max(first.start, n[0] - 80):n[0]])
                  or _SAID_AFTER.match(text[n[1]:min(last.end, n[1] + 120)])]
        if len({_surname(meant) for _, _, _, meant in sayers}) != 1:
            continue  # no one, or two people, named as saying it
        start, end, name, _ = sayers[0]
        if start in reported:
            continue
        reported.add(start)
        written = analysis.document.source[start:end]
        yield rule.finding(
            rule.message("speaker", written=written, speaker=speaker, quote=_shortened(quoted.group(1))),
            start, end, written, suggestion=speaker,
            evidence=Evidence(record=record.id, fact=fact, value=speaker, source=record.origin),
        )


_SAYING = r"(?:said|says|told|added|explained|wrote|declared|stated|insisted|warned|called\s+it|described\s+it\s+as|branded\s+it)"
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,3}"
_SAID_NAME = re.compile(rf"\b(?:said|says|added|explained|wrote|declared|stated|insisted|warned)\s+({_NAME})")
_NAME_SAID = re.compile(rf"({_NAME})(?:,[^,“”\"]{{0,80}},)?\s+(?:had\s+|has\s+)?{_SAYING}\b")
# (not "told": "he told Nepal's state news agency" names the one told)
# (not "he added that Versace …": after "that", the name is what was said of, not who said it)
# ("said CoreLogic's head of research, Eliza Owen": a description, then the name after its comma)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|explained|wrote|declared|stated|insisted|warned|according\s+to)\s+"
                          r"(?:(?:(?!that\b)\w+\s+){0,2}|(?:(?!(?:that|after|before|when|while|from|to|in|on|at|with|during|as|by|for)\b)"
                          r"[^\s,.;“”\"]+\s+){1,5}[^\s,.;“”\"]+,\s+)$")
# the name, maybe an apposition ("Grahame Madge, a Met Office spokesman,"), then the verb of saying
# ("the regional president, Salvador Illa, told …": an apposition's name closed by its comma)
_SAID_AFTER = re.compile(rf"^(?:[’']s\b)?(?:,[^,“”\"]{{0,80}},|,)?\s+(?:had\s+|has\s+)?{_SAYING}\b")


def _named_by_saying(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    found = []
    for pattern in (_SAID_NAME, _NAME_SAID):
        for match in pattern.finditer(text, start, end):
            found.append((match.start(1), match.end(1), match.group(1), match.group(1)))
    return found


def _quotations(records: list[Record]) -> list[tuple[str, str, Record, str]]:
    """(the quotation's words, its speaker, the record, the key) for every text of five words or more
    the records give a speaker."""
    people = {_surname(name): record.name for record in records if record.type == "person" for name in record.names}
    for record in records:  # and the people the records name as values ("attorney_general: Geoffrey Cox")
        for values in record.facts.values():
            for value in values:
                if isinstance(value.value, str) and looks_like_person(value.value):
                    people.setdefault(_surname(value.value), value.value)
    found = []
    for record in records:
        for fact, values in record.facts.items():
            parent, _, leaf = fact.rpartition(".")
            if leaf in _SPEAKER_KEYS or any(leaf.endswith(f"_{key}") for key in _SPEAKER_KEYS):
                continue
            # the speaker kept beside it: in its mapping (`statement.speaker`), or under its own key and a speaker's
            # word (`lilly_quote_speaker` beside `lilly_quote`)
            beside = [str(v.value) for key in _SPEAKER_KEYS
                      for v in (*record.facts.get(f"{parent}.{key}" if parent else key, ()), *record.facts.get(f"{fact}_{key}", ()))
                      if isinstance(v.value, str)]
            for index, value in enumerate(values):
                detail = value.qualifiers.get("detail")
                # (one quotation under the speaker's name, or a list of them)
                said = [detail] if isinstance(detail, str) else [d for d in detail if isinstance(d, str)] \
                    if isinstance(detail, list) else []
                if said and isinstance(value.value, str) and looks_like_person(without_note(value.value)) \
                        and _SAID_KEY.search(fact):
                    # speakers as keys: `quotes: {Campbell Wilson (Air India CEO): "Our ambitious …"}`
                    found.extend((_words(words), without_note(value.value), record, fact)
                                 for words in said if len(_words(words).split()) >= MIN_WORDS)
                    continue
                if not isinstance(value.value, str) or len(_words(value.value).split()) < MIN_WORDS:
                    continue
                speaker = None
                if len(set(beside)) == 1:
                    # "Anne White, executive vice president …": the name before its description
                    named = beside[0].split(",")[0].strip()
                    speaker = named if looks_like_person(named) else beside[0]
                elif len(beside) == len(values):
                    # a list of {speaker, text} items, read in order: the item's own speaker
                    speaker = beside[index]
                elif not beside and parent and _SAID_KEY.search(parent) and re.fullmatch(r"[a-z]{2,}(?:_[a-z]{2,}){1,2}", leaf):
                    # speakers as keys in a key's own spelling: `quotes: {john_key: "The thoughts of …"}` is John Key's,
                    # not the words of the one whose record keeps them
                    speaker = people.get(leaf.rsplit("_", 1)[-1]) or " ".join(word.capitalize() for word in leaf.split("_"))
                elif not beside and parent and _SAID_KEY.search(parent) and re.fullmatch(r"[a-z]{3,}", leaf) \
                        and len(named := {name for name in people.values() if leaf in name_key(name)}) == 1:
                    # … or by one word of a name the records give (`quotes_2023_10_02: {tedros: "…"}` of "Tedros Adhanom
                    # Ghebreyesus")
                    speaker = named.pop()
                elif not beside and record.type == "person":
                    speaker = record.name
                elif not beside and (said_by := _NAMED_SAYER.search(fact)) and (said_by.group(1) or said_by.group(2)) in people:
                    # `cox_said`, `quote_aragones`: the person the key names as saying it
                    speaker = people[said_by.group(1) or said_by.group(2)]
                if speaker and _SAID_KEY.search(fact):  # a text kept as words said, not any long note
                    found.append((_words(value.value), speaker, record, fact))
    return found


# a key of what someone said ("quote_2024_10_16", "said_of_talagrand", "statement.verbatim", "cox_said")
_SAID_KEY = re.compile(r"(?:^|[_.])(?:quotes?|quoted|quotation|said|says|statement|remarks?|words|verbatim|text)(?:$|[_.])")


# a key that names who said it before the word for saying ("cox_said", "bailey_quote") or right after it, as the
# key's last word ("quote_aragones"), not what it is about ("statement_on_maxwell_sentence")
_NAMED_SAYER = re.compile(r"(?:^|[_.])([a-z]+)_(?:said|says|quote|quoted|statement|remarks|words)(?:$|[_.])"
                          r"|(?:^|[_.])(?:quote|quotes|statement|remarks|words)_([a-z]+)$")


def _words(text: str) -> str:
    """The words alone, lower case, without accents or apostrophes: "Mr. Talagrand" and "Mr Talagrand" alike."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", plain.replace("’", "").replace("'", "")))


def _surname(name: str) -> str:
    words = re.findall(r"[\w'-]+", fold(name))
    return words[-1] if words else ""


def _same_person(written: str, speaker: str) -> bool:
    """One person, or a misspelling of them ("Ron DeSantos"): the name rules' business, not a wrong speaker."""
    ours, theirs = _surname(written), _surname(speaker)
    if ours == theirs and other_given_name(written, speaker):
        return False  # "Stephen Kerr" for Liam Kerr, "Liz Upton" for Eben Upton: two people of one surname
    return ours == theirs or fold(written) in fold(speaker) or fold(speaker) in fold(written) \
        or len(ours) >= 4 and Indel.normalized_similarity(ours, theirs) >= 0.8


def _shortened(quote: str) -> str:
    words = quote.split()
    return quote if len(words) <= 8 else " ".join(words[:8]) + " …"


KIND = CheckKind(
    name="quote-speaker",
    run=run,
    summary="words quoted in the article that the records give to someone else",
    messages=("speaker",),
)
