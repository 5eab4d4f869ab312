"""--format sarif: SARIF 2.1.0, for code-scanning dashboards. Rule metadata included."""

from __future__ import annotations

import os
import re

from pathlib import Path
from typing import TextIO

from factcheck import __version__
from factcheck.report.safe_text import json_text
from factcheck.model import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://github.com/factcheck/factcheck"


def as_dict(results, rules=()) -> dict:
    rule_ids = [rule.id for rule in rules]
    for result in results:
        for finding in result.findings:
            if finding.rule not in rule_ids:
                rule_ids.append(finding.rule)
    by_id = {rule.id: rule for rule in rules}
    descriptors = [_descriptor(rule_id, by_id.get(rule_id)) for rule_id in rule_ids]
    sarif_results = []
    for result in results:
        document = result.document
        for finding in result.findings:
            line, column = document.position(finding.start)
            end_line, end_column = document.position(finding.end)
            entry = {
                "ruleId": finding.rule,
                "ruleIndex": rule_ids.index(finding.rule),
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(document.path)},
                        "region": {
                            "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
                            "charOffset": finding.start, "charLength": finding.end - finding.start,
                            "snippet": {"text": finding.text},
                        },
                    }
                }],
                "partialFingerprints": {"factcheck/v1": f"{finding.rule}:{finding.text}"},
            }
            if finding.suggestion:
                entry["fixes"] = [{
                    "description": {"text": f"Replace with “{finding.suggestion}”"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(document.path)},
                        "replacements": [{
                            "deletedRegion": {"charOffset": finding.start, "charLength": finding.end - finding.start},
                            "insertedContent": {"text": finding.suggestion},
                        }],
                    }],
                }]
            if finding.evidence:
                entry["properties"] = {"evidence": {k: v for k, v in vars(finding.evidence).items() if v is not None}}
            sarif_results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def _descriptor(rule_id: str, rule) -> dict:
    from factcheck.report.rulebook import help_uri

    if rule is None:
        return {"id": rule_id}
    page = help_uri(rule)
    return ({"helpUri": page} if page else {}) | {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {"text": f"factcheck explain {rule.id}"},
        "properties": {"kind": rule.kind},
    }


def _uri(path: str) -> str:
    """A URI reference (RFC 3986): a URL as it is, a file path relative and percent-encoded
    ("my story #2.md" → "my%20story%20%232.md"), an absolute one as a file: URI."""
    from urllib.parse import quote

    if path.startswith("<"):
        return "stdin"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", path):
        return path
    # a file name's bytes, percent-encoded: one that is not UTF-8 is encoded as it is on disk
    encoded = quote(os.fsencode(Path(path).as_posix()), safe="/")
    return f"file://{encoded}" if Path(path).is_absolute() else encoded


def render(results, stream: TextIO, rules=(), **_options) -> None:
    stream.write(json_text(as_dict(results, rules)))
    stream.write("\n")
