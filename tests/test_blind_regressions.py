"""Copy written blind that once drew a false alarm, or hid a real error, checked with its own
newsroom facts file. Each case names the pattern it stands for, not the sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import yaml

from factcheck.api import Checker
from factcheck.load import load_document

from conftest import FIXTURES


def at_or_above_warning(case_dir):
    case = FIXTURES / case_dir
    published = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["published"]
    checker = Checker.from_paths([case / "facts.yaml"])
    document = replace(load_document(str(case / "article.md")), published=dt.date.fromisoformat(str(published)))
    analysis = next(iter(checker.analyse([document])))
    return document.text, [f for f in checker.findings(analysis) if f.severity >= 2]


SILENT = [
    # "Queen Elizabeth The Queen Mother … died in March 2002 aged 101": an alias ("Queen", "The Queen")
    # inside another person's longer name is not the record
    ("blind-6/328-queen-elizabeth-ii-obituary", "March 2002"),
    ("blind-6/328-queen-elizabeth-ii-obituary", "aged 101"),
    # "Bernardine Evaristo's Girl, Woman, Other": a name as the records write it is never a near miss
    # of their other spelling, though the recogniser ran it into the book's title
    ("blind-3/272-booker-2019-joint-winners", "Bernardine Evaristo"),
    # "whose Kalush Orchestra won in Turin last year": last year's winner, not a second winner of this year's
    ("blind-2/256-eurovision-2023-loreen", "Kalush Orchestra"),
]

FOUND = [
    # the record "King Charles III" has the alias "the King", written with a lower-case "the"
    ("blind-3/275-coronation-charles-iii", "at the age of 75", "75"),
]


@pytest.mark.parametrize("case_dir, quote", SILENT, ids=[f"{c.split('/')[-1]}:{q}" for c, q in SILENT])
def test_no_false_alarm(case_dir, quote):
    text, findings = at_or_above_warning(case_dir)
    start = text.index(quote)
    end = start + len(quote)
    assert not [f for f in findings if f.start < end and start < f.end], findings


@pytest.mark.parametrize("case_dir, quote, flagged", FOUND, ids=lambda value: str(value)[:30])
def test_error_found(case_dir, quote, flagged):
    text, findings = at_or_above_warning(case_dir)
    start = text.index(quote)
    assert [f for f in findings if start <= f.start < start + len(quote) and f.text == flagged], findings
