"""Each fixture article yields exactly the findings its <name>.expected.yaml lists, and none where it says silent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from factcheck.api import Checker
from factcheck.load import load_document

from conftest import FIXTURES, RECORDS

CASES = sorted((FIXTURES / "articles").glob("*.expected.yaml"))


@pytest.fixture(scope="module")
def checker():
    return Checker.from_paths([RECORDS])


def _article(expected: Path) -> Path:
    return expected.with_name(expected.name.replace(".expected.yaml", ".md"))


def _offset(source: str, text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = source.index(text, start + 1)
    return start


def test_there_are_at_least_five_fixture_articles():
    assert len(CASES) >= 5


@pytest.mark.parametrize("expected_file", CASES, ids=[c.name.split(".")[0] for c in CASES])
def test_fixture_article_findings(checker, expected_file):
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    document = load_document(str(_article(expected_file)))
    findings = next(checker.check_documents([document])).findings
    source = document.source

    want = Counter()
    for item in expected["findings"]:
        start = _offset(source, item["text"], item.get("occurrence", 1))
        want[(item["rule"], item["severity"], start, item["text"])] += 1
    got = Counter((f.rule, f.severity.label, f.start, f.text) for f in findings)
    assert got == want, "\n".join(f"{document.position(f.start)} {f.rule} {f.text!r}: {f.message}" for f in findings)

    suggestions = {(item["rule"], item["text"]): item["suggestion"] for item in expected["findings"] if "suggestion" in item}
    for finding in findings:
        if (finding.rule, finding.text) in suggestions:
            assert finding.suggestion == suggestions[(finding.rule, finding.text)]

    for quiet in expected.get("silent", []):
        start = source.index(quiet)
        end = start + len(quiet)
        assert not [f for f in findings if f.start < end and start < f.end], quiet
