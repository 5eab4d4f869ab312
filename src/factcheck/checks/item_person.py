"""item-person: a person credited with one item's role whom the records give the same role in another.

Records keep who did what for each item of a list: `winners: {2023: {title: Time Shelter, translator:
Angela Rodel}, 2022: {title: Tomb of Sand, translator: Daisy Rockwell}}`, or one record per film with
its `director`. When a sentence names one item ("Time Shelter, translated from Bulgarian by Daisy
Rockwell"), says the role's word ("translated"), and names as its holder the person the records give
that role in another item — and names neither that other item nor the item's own holder — the two
were swapped. A table of years (`laureates_by_prize_year: {2018: Olga Tokarczuk}`) names its item by the
year written right before the record's name ("winner of the 2019 Nobel Prize for Literature").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks._common import name_in
from factcheck.checks.base import CheckKind
from factcheck.facts import fact_key_words, looks_like_person, without_note
from factcheck.model import Analysis, Evidence, Record
from factcheck.text import fold, fold_in_place


def run(analysis: Analysis, rule) -> Iterator:
    roles = analysis.records.facts_memo("item-person:roles", _roles)
    if not roles:
        return
    # folded letter for letter, so that what is found in it stands at the same place in the text
    folded = fold_in_place(analysis.document.text)
    reported: set[int] = set()
    for (_, role), rows in roles.items():
        for item, person, record in rows:
            for found in re.finditer(rf"(?<!\w){re.escape(fold(item))}(?!\w)", folded):
                sentence = analysis.sentence_of(found.start())
                said = folded[sentence.start:sentence.end]
                if name_in(said, person):
                    continue
                if item.isdigit():
                    # a year's holder (`laureates_by_prize_year: {2018: Olga Tokarczuk}`): the year written right before
                    # the record's name says which item, whatever the role is called ("winner of the 2019 Nobel Prize
                    # for Literature")
                    if not any(link.record.id == record.id and 0 <= link.start - found.end() <= 2
                               and not analysis.document.text[found.end():link.start].strip() for link in analysis.links):
                        continue
                elif not _says_role(said, role):
                    continue
                for other_item, other, _ in rows:
                    if other_item == item or other == person or name_in(said, other_item):
                        continue
                    span = name_in(said, other)
                    if span is None or sentence.start + span[0] in reported:
                        continue
                    at, end = sentence.start + span[0], sentence.start + span[1]
                    reported.add(at)
                    shown = analysis.document.source[at:end]
                    yield rule.finding(
                        rule.message("swapped", written=shown, item=item, role=role, holder=person, other_item=other_item),
                        at, end, shown, suggestion=person,
                        evidence=Evidence(record=record.id, fact=role, value=f"{item}: {person}", source=record.origin),
                    )


# what copy says for a role whose own word it seldom writes: a record's holder "set" or "held" it
_ROLE_SAID = {"holder": r"(?:set|held|holds|holding)\b"}


def _says_role(sentence: str, role: str) -> bool:
    """Does the sentence say the role's word, in any form ("translated" for translator)?"""
    word = role.split()[-1]
    stem = word[:max(5, len(word) - 3)]
    said = rf"{re.escape(stem)}|{_ROLE_SAID[word]}" if word in _ROLE_SAID else re.escape(stem)
    return re.search(rf"(?<!\w)(?:{said})", sentence) is not None


def _roles(records: list[Record]) -> dict[tuple[str, str], list[tuple[str, str, Record]]]:
    """(record, role) → [(item, person, record)] for every list of items that gives a person a role
    (`winners.translator: Angela Rodel` of item Time Shelter); only roles two items or more fill."""
    roles: dict[tuple[str, str], list] = {}
    for record in records:
        for fact, values in record.facts.items():
            words = fact_key_words(fact.rsplit(".", 1)[-1])
            if not words:
                continue
            for value in values:
                # a list's row (`winners.translator: Angela Rodel`, item Time Shelter), or a table of
                # name → holder (`jockeys: {Soulcombe: Joao Moreira}`)
                item, person = value.qualifiers.get("item"), value.value
                if not isinstance(item, str) and isinstance(value.qualifiers.get("detail"), str):
                    item, person = value.value, value.qualifiers["detail"]
                if item is None and isinstance(value.qualifiers.get("year"), int) and "year" in fact.rsplit(".", 1)[-1].split("_"):
                    # a table of year → holder (`laureates_by_prize_year: {2018: Olga Tokarczuk (Poland)}`)
                    item = str(value.qualifiers["year"])
                if not isinstance(item, str) or not isinstance(person, str):
                    continue
                person = without_note(person)
                if looks_like_person(person) and len(fold(item)) >= 4:
                    roles.setdefault((record.id, " ".join(words)), []).append((item, person, record))
        for role, rows in _mappings_alike(record).items():
            roles.setdefault((record.id, role), []).extend(rows)
    return {key: rows for key, rows in roles.items() if len({person for _, person, _ in rows}) >= 2}


# the fields of a mapping that say which item it is: "the 2016-17 race", "the 2019 edition"
_ITEM_FIELDS = {"edition", "season", "year", "title", "name", "race", "event", "tournament", "match", "film", "album", "book"}


def _mappings_alike(record: Record) -> dict[str, list[tuple[str, str, Record]]]:
    """Facts kept as mappings of the same fields, each an item (`record_before_2025: {holder: Armel Le Cléac'h, edition:
    "2016-17"}`, `previous_record: {holder: François Gabart, edition: "2012-13"}`): role → [(a text of a field that
    says which item it is, its person in that role, record)] ("the 2016-17 race" names the first)."""
    fields: dict[str, dict[str, str]] = {}
    for fact, values in record.facts.items():
        parent, _, field = fact.rpartition(".")
        if parent and len(values) == 1 and isinstance(values[0].value, str):
            fields.setdefault(parent, {})[field] = values[0].value
    found: dict[str, list] = {}
    for texts in fields.values():
        for field, person in texts.items():
            words = fact_key_words(field)
            if not words or not looks_like_person(without_note(person)):
                continue
            for other_field, item in texts.items():
                # (by the fields that say which item it is: not "Cambridge" as a winner, nor "2.5 lengths" as a margin)
                if other_field in _ITEM_FIELDS and not looks_like_person(item) and len(fold(item)) >= 4 and len(item) <= 40:
                    found.setdefault(" ".join(words), []).append((item, without_note(person), record))
    return found


KIND = CheckKind(
    name="item-person",
    run=run,
    summary="a person credited with an item's role whom the records give that role in another item",
    messages=("swapped",),
)
