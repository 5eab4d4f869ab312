"""The accuracy harness on the annotated cases, and value comparison through whole checks."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml

from factcheck.api import Checker
from factcheck.records import RecordSet, parse_records
from factcheck.rules import load_rule_set
from factcheck.yamlfile import parse_yaml

from conftest import FIXTURES, ROOT

# spawns processes or checks many articles: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow

CASES = sorted(p for p in (FIXTURES / "eval").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_layout(case):
    assert sorted(p.name for p in case.iterdir()) == ["article.md", "expected.yaml", "records.yaml"]
    expected = yaml.safe_load((case / "expected.yaml").read_text())
    dt.date.fromisoformat(str(expected["published"]))
    article = (case / "article.md").read_text()
    for finding in expected["findings"]:
        assert finding["quote"] in article
        assert finding["needs"] in ("records", "internal")
        assert {"quote", "kind", "correct", "needs"} <= set(finding)
    parse_records(parse_yaml((case / "records.yaml").read_text(), str(case)), str(case))


def test_there_are_enough_cases_of_every_kind():
    expectations = [yaml.safe_load((c / "expected.yaml").read_text()) for c in CASES]
    with_errors = [e for e in expectations if e["findings"]]
    clean = [e for e in expectations if not e["findings"]]
    assert len(CASES) >= 30 and len(with_errors) >= 20 and len(clean) >= 6
    kinds = {f["kind"] for e in with_errors for f in e["findings"]}
    assert {"weekday-mismatch", "impossible-date", "tense-vs-date", "relative-date", "conflicting-values",
            "ordinal-vs-title-number", "age-arithmetic", "percent-arithmetic", "name-variants"} <= kinds


def test_accuracy_on_the_annotated_cases():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "accuracy.py"), str(FIXTURES / "eval"), "--json"],
                         capture_output=True, text=True, check=True, timeout=600).stdout
    figures = json.loads(out)
    assert figures["precision"] >= 0.95, figures
    # (0.97 while the arithmetic rules gated; as info, which this harness does not count, 0.90)
    assert figures["recall"] >= 0.88, figures
    assert figures["clean_false_alarms_per_1000_words"] <= 0.2, figures


BLIND = sorted(p for p in FIXTURES.glob("blind*") if p.is_dir())


@pytest.mark.parametrize("corpus", BLIND, ids=[c.name for c in BLIND])
def test_copy_written_blind_is_read_and_not_falsely_flagged(corpus):
    """Every facts file written blind loads (no case refused), and the clean copy stays under the
    issue's bound of 0.3 false alarms per 1,000 words; the flags raised are mostly right."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "accuracy.py"), str(corpus), "--json"],
                         capture_output=True, text=True, check=True, timeout=900).stdout
    figures = json.loads(out)
    assert figures["refused"] == [], figures["refused"]
    assert figures["clean_false_alarms_per_1000_words"] <= 0.3, figures
    if figures["expected"]:
        assert figures["precision"] >= 0.85, figures


RECORDS = """
entities:
  - id: film
    type: film
    name: The Long Orchard
    facts:
      release_date: 2023-07-12
      runtime_minutes: 163
  - id: studio
    type: organisation
    name: Halcyon Pictures
    facts:
      employees: 13000
      revenue: 780000000
"""


@pytest.fixture(scope="module")
def checker():
    rules, vocabulary = load_rule_set()
    records = RecordSet()
    for record in parse_records(parse_yaml(RECORDS, "inline"), "inline"):
        records.add(record)
    return Checker(records, rules, vocabulary)


def _errors(checker, text):
    result = checker.check_text(text, dt.date(2023, 3, 1))
    return [f.text for f in result.findings if f.rule.endswith("contradicts-record")]


@pytest.mark.parametrize("text", [
    "The Long Orchard hits theaters on July 12, 2023.",
    "The Long Orchard hits theaters on 12 July 2023.",
    "The Long Orchard hits theaters on 2023-07-12.",
    "The Long Orchard hits theaters on 7/12/2023.",
    "The Long Orchard hits theaters on July 12th.",
    "The Long Orchard hits theaters in July 2023.",
    "The Long Orchard hits theaters in 2023.",
    "The Long Orchard runs 163 minutes.",
    "The Long Orchard runs two hours and 43 minutes.",
    "The Long Orchard runs about 160 minutes.",
    "Halcyon Pictures employs 13,000 people.",
    "Halcyon Pictures employs 13000 people.",
    "Halcyon Pictures employs thirteen thousand people.",
    "Halcyon Pictures employs about 13,000 people.",
    "Halcyon Pictures employs over 12,000 people.",
    "Halcyon Pictures reported revenue of nearly $800 million.",
])
def test_values_are_compared_by_value_and_approximations_admit_ranges(checker, text):
    assert _errors(checker, text) == []


@pytest.mark.parametrize("text, wrong", [
    ("The Long Orchard hits theaters on July 14, 2023.", "July 14, 2023"),
    ("The Long Orchard hits theaters on 14 July 2023.", "14 July 2023"),
    ("The Long Orchard hits theaters in August 2023.", "August 2023"),
    ("The Long Orchard hits theaters in 2024.", "2024"),
    ("The Long Orchard runs 128 minutes.", "128"),
    ("Halcyon Pictures employs 31,000 people.", "31,000"),
    ("Halcyon Pictures employs over 14,000 people.", "14,000"),
])
def test_wrong_values_are_found_in_any_format(checker, text, wrong):
    assert wrong in " ".join(_errors(checker, text))


def test_a_corpus_that_is_not_there_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "no-such-corpus"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "accuracy.py"), str(missing)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert run.stderr.strip() == f"{missing}: no such folder"
    assert "Traceback" not in run.stderr
