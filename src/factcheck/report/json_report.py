"""--format json: one object for the whole run, stable keys, 1-based lines and columns."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from factcheck.report.safe_text import json_text
from factcheck.model import Finding, Severity


def finding_dict(document, finding: Finding) -> dict:
    line, column = document.position(finding.start)
    end_line, end_column = document.position(finding.end)
    evidence = finding.evidence
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "evidence": {
            "record": evidence.record if evidence else None,
            "fact": evidence.fact if evidence else None,
            "value": evidence.value if evidence else None,
            "source": evidence.source if evidence else None,
        },
    }


def summary(results) -> dict:
    counts = Counter(f.severity.label for result in results for f in result.findings)
    by_rule = Counter(f.rule for result in results for f in result.findings)
    return {
        "files": len(results),
        "findings": sum(counts.values()),
        **{severity.label: counts.get(severity.label, 0) for severity in sorted(Severity, reverse=True)},
        "by_rule": dict(sorted(by_rule.items())),
    }


def as_dict(results) -> dict:
    return {
        "files": [
            {
                "path": result.document.path,
                "published": result.document.published.isoformat() if result.document.published else None,
                "findings": [finding_dict(result.document, f) for f in result.findings],
            }
            for result in results
        ],
        "summary": summary(results),
    }


def render(results, stream: TextIO, **_options) -> None:
    stream.write(json_text(as_dict(results)))
    stream.write("\n")
