"""Every rule's own examples: each failing example finds exactly its spans, each passing one finds nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import RECORDS, ROOT, SEED
from factcheck.api import Checker
from factcheck.records import RecordSet, parse_records
from factcheck.rules import NO_DATE, load_rule_set
from factcheck.yamlfile import parse_yaml

RULES, VOCABULARY = load_rule_set()


def _cases():
    for rule in RULES:
        for number, example in enumerate(rule.failing, 1):
            yield pytest.param(rule, example, id=f"{rule.id}-fail-{number}")
        for number, example in enumerate(rule.passing, 1):
            yield pytest.param(rule, example, id=f"{rule.id}-pass-{number}")


def _checker(rule) -> Checker:
    records = RecordSet()
    for record in parse_records(parse_yaml(rule.example_records, rule.origin), rule.origin) if rule.example_records else []:
        records.add(record)
    return Checker(records, [rule], VOCABULARY)


@pytest.mark.parametrize("rule, example", list(_cases()))
def test_rule_example(rule, example):
    published = example.published or rule.example_published
    if published == NO_DATE:
        published = None
    result = _checker(rule).check_text(example.text, dt.date.fromisoformat(published) if published else None, path="example.txt")
    found = sorted(f.text for f in result.findings if f.rule == rule.id)
    assert found == sorted(example.finds), [f.message for f in result.findings]
    for finding in result.findings:
        assert example.text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples_and_docs(rule):
    assert rule.failing, f"{rule.id} has no failing example"
    assert rule.passing, f"{rule.id} has no passing example"
    assert len(rule.description) > 40
    assert rule.summary.endswith(".")


def test_every_rule_has_its_page_and_the_page_is_up_to_date():
    """docs/rules/<id>.md is generated from the rule's YAML (python -m factcheck.report.rulebook docs/rules)."""
    from factcheck.report.rulebook import rule_page

    pages = ROOT / "docs" / "rules"
    for rule in RULES:
        page = pages / f"{rule.id}.md"
        assert page.exists(), f"{page} is missing: python -m factcheck.report.rulebook docs/rules"
        assert page.read_text(encoding="utf-8") == rule_page(rule), f"{page} is out of date: python -m factcheck.report.rulebook docs/rules"
    assert {p.stem for p in pages.glob("*.md")} == {rule.id for rule in RULES}, "a page of a rule that is gone"


def test_sarif_rules_link_their_pages(cli):
    from factcheck.report.rulebook import DOCS_URL

    sarif = json.loads(cli("check", SEED, "--records", RECORDS, "--format", "sarif").out)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(rule["helpUri"] == DOCS_URL.format(rule["id"]) for rule in rules)
