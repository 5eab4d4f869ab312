#!/usr/bin/env python3
"""Score factcheck on annotated cases: precision, recall, false alarms per 1,000 words.

    python bench/accuracy.py fixtures/eval [--min-severity warning] [--json]

Each case is a folder with article.md, records.yaml and expected.yaml
(`published:` and `findings:` of {quote, kind, correct, needs}). For each case
this runs `factcheck check --format json --published P --records records.yaml
article.md` (in this process, through the same entry point as the console
script, so the spaCy pipeline loads once) and matches a finding to an expected
one when their character spans overlap, one to one.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.cli import main as factcheck_main

SEVERITIES = ["info", "warning", "error"]
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
FRONT_MATTER_RE = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


@dataclass
class Expected:
    case: str
    quote: str
    kind: str
    needs: str
    spans: list[tuple[int, int]]
    matched: bool = False


@dataclass
class CaseResult:
    name: str
    words: int
    clean: bool
    expected: list[Expected] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    matched_findings: int = 0


def run_factcheck(case: Path, published: str | None) -> dict:
    args = ["check", str(case / "article.md"), "--format", "json", "--fail-on", "never", "--no-color"]
    if published:
        args += ["--published", str(published)]
    if (case / "records.yaml").exists():
        args += ["--records", str(case / "records.yaml")]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = factcheck_main(args)
    if code != 0:
        raise SystemExit(f"{case}: factcheck exited {code}: {err.getvalue().strip()}")
    return json.loads(out.getvalue())


def spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def score_case(case: Path, min_severity: str) -> CaseResult:
    expected_data = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8")) or {}
    article = (case / "article.md").read_text(encoding="utf-8")
    body = article[FRONT_MATTER_RE.match(article).end():] if FRONT_MATTER_RE.match(article) else article
    result = CaseResult(case.name, len(WORD_RE.findall(body)), not expected_data.get("findings"))
    for item in expected_data.get("findings") or []:
        spans = spans_of(article, item["quote"])
        if not spans:
            raise SystemExit(f"{case}/expected.yaml: quote not in article.md: {item['quote']!r}")
        result.expected.append(Expected(case.name, item["quote"], str(item.get("kind", "?")), str(item.get("needs", "?")), spans))
    report = run_factcheck(case, expected_data.get("published"))
    floor = SEVERITIES.index(min_severity)
    findings = [f for file in report["files"] for f in file["findings"] if SEVERITIES.index(f["severity"]) >= floor]
    for finding in findings:
        target = next(
            (e for e in result.expected if not e.matched and any(s < finding["end"] and finding["start"] < t for s, t in e.spans)),
            None,
        )
        if target is None:
            # a second finding on an already matched error is neither a hit nor a false alarm
            if any(any(s < finding["end"] and finding["start"] < t for s, t in e.spans) for e in result.expected):
                continue
            result.false_alarms.append(finding)
        else:
            target.matched = True
            result.matched_findings += 1
    return result


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--min-severity", choices=SEVERITIES, default="warning",
                        help="count findings at or above this severity (default: warning; info findings are style notes)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()
    cases = sorted(p for p in options.directory.iterdir() if (p / "expected.yaml").exists())
    if not cases:
        print(f"{options.directory}: no cases (folders with expected.yaml)", file=sys.stderr)
        return 2
    results = [score_case(case, options.min_severity) for case in cases]

    expected = [e for r in results for e in r.expected]
    hits = sum(e.matched for e in expected)
    matched_findings = sum(r.matched_findings for r in results)
    false_alarms = [(r.name, f) for r in results for f in r.false_alarms]
    precision = ratio(matched_findings, matched_findings + len(false_alarms))
    recall = ratio(hits, len(expected))
    clean = [r for r in results if r.clean]
    clean_words = sum(r.words for r in clean)
    clean_alarms = sum(len(r.false_alarms) for r in clean)
    all_words = sum(r.words for r in results)
    per_kind: dict[str, Counter] = defaultdict(Counter)
    for e in expected:
        per_kind[e.kind]["expected"] += 1
        per_kind[e.kind]["found"] += e.matched
    alarms_by_rule = Counter(f["rule"] for _, f in false_alarms)
    figures = {
        "cases": len(results),
        "clean_cases": len(clean),
        "words": all_words,
        "expected": len(expected),
        "found": hits,
        "false_alarms": len(false_alarms),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "false_alarms_per_1000_words": round(1000 * len(false_alarms) / all_words, 3) if all_words else 0.0,
        "clean_false_alarms_per_1000_words": round(1000 * clean_alarms / clean_words, 3) if clean_words else 0.0,
        "per_kind": {k: {"expected": c["expected"], "found": c["found"], "recall": round(ratio(c["found"], c["expected"]), 3)} for k, c in sorted(per_kind.items())},
        "false_alarms_by_rule": dict(alarms_by_rule),
        "min_severity": options.min_severity,
    }
    if options.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"cases: {len(results)} ({len(clean)} clean), {all_words} words; counting findings at or above {options.min_severity}")
    print(f"precision {precision:.3f}   recall {recall:.3f}   ({hits}/{len(expected)} errors found, {len(false_alarms)} false alarms)")
    print(f"false alarms per 1,000 words: {figures['false_alarms_per_1000_words']:.2f} overall, "
          f"{figures['clean_false_alarms_per_1000_words']:.2f} on the clean cases ({clean_words} words)")
    print("\nper kind:                     expected  found  recall")
    for kind, counts in sorted(per_kind.items()):
        print(f"  {kind:<28}{counts['expected']:>6}{counts['found']:>7}  {ratio(counts['found'], counts['expected']):.2f}")
    if alarms_by_rule:
        print("\nfalse alarms per rule:")
        for rule, count in alarms_by_rule.most_common():
            print(f"  {rule:<28}{count:>6}")
    misses = [e for e in expected if not e.matched]
    if misses:
        print("\nmisses:")
        for e in misses:
            print(f"  {e.case}: [{e.kind}, {e.needs}] {e.quote!r}")
    if false_alarms:
        print("\nfalse alarms:")
        for name, f in false_alarms:
            print(f"  {name}:{f['line']}:{f['column']}: [{f['rule']}] {f['text']!r}: {f['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
