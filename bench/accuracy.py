#!/usr/bin/env python3
"""Score factcheck on annotated cases: precision, recall, false alarms per 1,000 words.

    python bench/accuracy.py [CORPUS…] [--records with|without|both] [--min-severity warning] [--json] [-q]

With no CORPUS: fixtures/eval (written for the project), fixtures/blind* (written
blind: their writers saw neither the code nor the rules nor the vocabulary; each
folder's README says when it was scored and tuned on) and, when present,
../shared/newsroom-sample — each with and without records.

Each case is a folder with article.md, a records file (records.yaml, or facts.yaml
in a newsroom's own words) and expected.yaml (`published:` and `findings:` of
{quote, kind, correct, needs}). For each case this runs `factcheck check --format
json --published P --records FILE article.md` (in this process, through the same
entry point as the console script, so the spaCy pipeline loads once) and matches
a finding to an expected one when their character spans overlap, one to one. A
case factcheck refuses (exit 2) counts every expected error as missed.
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
    hit_rules: list[str] = field(default_factory=list)  # the rule of each finding that matched an error
    refused: str = ""


def records_file(case: Path) -> Path | None:
    return next((case / name for name in ("records.yaml", "facts.yaml") if (case / name).exists()), None)


def run_factcheck(case: Path, published: str | None, with_records: bool = True) -> dict | str:
    """The JSON report, or the error line when factcheck refused the case."""
    args = ["check", str(case / "article.md"), "--format", "json", "--fail-on", "never", "--no-color", "--no-cache"]
    if published:
        args += ["--published", str(published)]
    records = records_file(case)
    if with_records and records is not None:
        args += ["--records", str(records)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = factcheck_main(args)
    if code != 0:
        return err.getvalue().strip() or f"exit {code}"
    return json.loads(out.getvalue())


def spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def score_case(case: Path, min_severity: str, with_records: bool = True) -> CaseResult:
    expected_data = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8")) or {}
    article = (case / "article.md").read_text(encoding="utf-8")
    body = article[FRONT_MATTER_RE.match(article).end():] if FRONT_MATTER_RE.match(article) else article
    result = CaseResult(case.name, len(WORD_RE.findall(body)), not expected_data.get("findings"))
    for item in expected_data.get("findings") or []:
        spans = spans_of(article, item["quote"])
        if not spans:
            raise SystemExit(f"{case}/expected.yaml: quote not in article.md: {item['quote']!r}")
        result.expected.append(Expected(case.name, item["quote"], str(item.get("kind", "?")), str(item.get("needs", "?")), spans))
    report = run_factcheck(case, expected_data.get("published"), with_records)
    if isinstance(report, str):
        result.refused = report
        return result
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
            result.hit_rules.append(finding["rule"])
    return result


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 1.0


def score_corpus(directory: Path, min_severity: str, with_records: bool) -> tuple[dict, list[CaseResult]]:
    cases = sorted(p for p in directory.iterdir() if (p / "expected.yaml").exists())
    results = [score_case(case, min_severity, with_records) for case in cases]
    expected = [e for r in results for e in r.expected]
    hits = sum(e.matched for e in expected)
    matched_findings = sum(r.matched_findings for r in results)
    false_alarms = [(r.name, f) for r in results for f in r.false_alarms]
    clean = [r for r in results if r.clean]
    clean_words = sum(r.words for r in clean)
    clean_alarms = sum(len(r.false_alarms) for r in clean)
    all_words = sum(r.words for r in results)
    per_kind: dict[str, Counter] = defaultdict(Counter)
    per_needs: dict[str, Counter] = defaultdict(Counter)
    for e in expected:
        per_kind[e.kind]["expected"] += 1
        per_kind[e.kind]["found"] += e.matched
        per_needs[e.needs]["expected"] += 1
        per_needs[e.needs]["found"] += e.matched
    figures = {
        "corpus": str(directory),
        "records": with_records,
        "cases": len(results),
        "clean_cases": len(clean),
        "refused": [r.name for r in results if r.refused],
        "words": all_words,
        "expected": len(expected),
        "found": hits,
        "false_alarms": len(false_alarms),
        "precision": round(ratio(matched_findings, matched_findings + len(false_alarms)), 4),
        "recall": round(ratio(hits, len(expected)), 4),
        "internal_recall": round(ratio(per_needs["internal"]["found"], per_needs["internal"]["expected"]), 4),
        "false_alarms_per_1000_words": round(1000 * len(false_alarms) / all_words, 3) if all_words else 0.0,
        "clean_false_alarms_per_1000_words": round(1000 * clean_alarms / clean_words, 3) if clean_words else 0.0,
        "clean_words": clean_words,
        "per_kind": {k: {"expected": c["expected"], "found": c["found"], "recall": round(ratio(c["found"], c["expected"]), 3)} for k, c in sorted(per_kind.items())},
        "false_alarms_by_rule": dict(Counter(f["rule"] for _, f in false_alarms)),
        "hits_by_rule": dict(Counter(rule for r in results for rule in r.hit_rules)),
        "min_severity": min_severity,
    }
    return figures, results


def print_details(figures: dict, results: list[CaseResult]) -> None:
    mode = "with records" if figures["records"] else "without records"
    print(f"== {figures['corpus']} ({mode}): {figures['cases']} cases ({figures['clean_cases']} clean), {figures['words']} words; "
          f"counting findings at or above {figures['min_severity']}")
    print(f"precision {figures['precision']:.3f}   recall {figures['recall']:.3f}   ({figures['found']}/{figures['expected']} errors found, "
          f"{figures['false_alarms']} false alarms); internal recall {figures['internal_recall']:.2f}")
    print(f"false alarms per 1,000 words: {figures['false_alarms_per_1000_words']:.2f} overall, "
          f"{figures['clean_false_alarms_per_1000_words']:.2f} on the clean cases ({figures['clean_words']} words)")
    for name in figures["refused"]:
        print(f"  refused: {name}: {next(r.refused for r in results if r.name == name)}")
    print("per kind:                     expected  found  recall")
    for kind, counts in figures["per_kind"].items():
        print(f"  {kind:<28}{counts['expected']:>6}{counts['found']:>7}  {counts['recall']:.2f}")
    rules = sorted(set(figures["hits_by_rule"]) | set(figures["false_alarms_by_rule"]))
    if rules:
        print("per rule:                     errors found  false alarms")
        for rule in rules:
            print(f"  {rule:<28}{figures['hits_by_rule'].get(rule, 0):>12}{figures['false_alarms_by_rule'].get(rule, 0):>14}")
    misses = [e for r in results for e in r.expected if not e.matched]
    if misses:
        print("misses:")
        for e in misses:
            print(f"  {e.case}: [{e.kind}, {e.needs}] {e.quote!r}")
    false_alarms = [(r.name, f) for r in results for f in r.false_alarms]
    if false_alarms:
        print("false alarms:")
        for name, f in false_alarms:
            print(f"  {name}:{f['line']}:{f['column']}: [{f['rule']}] {f['text']!r}: {f['message']}")
    print()


def default_corpora() -> list[Path]:
    root = Path(__file__).resolve().parents[1]
    # blind, blind-2, … blind-13 in the order they were written
    corpora = [root / "fixtures" / "eval", *sorted((root / "fixtures").glob("blind*"),
                                                   key=lambda p: int(p.name.split("-")[1]) if "-" in p.name else 1)]
    sample = root.parent / "shared" / "newsroom-sample"
    return [c for c in corpora if c.is_dir()] + ([sample] if sample.is_dir() else [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", type=Path, nargs="*", metavar="CORPUS")
    parser.add_argument("--records", choices=["with", "without", "both"], default=None,
                        help="score with each case's records, without any, or both (default: both; with, for one named corpus)")
    parser.add_argument("--min-severity", choices=SEVERITIES, default="warning",
                        help="count findings at or above this severity (default: warning; info findings are style notes)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the summary table")
    options = parser.parse_args()
    directories = options.directories or default_corpora()
    modes = {"with": [True], "without": [False], "both": [True, False]}[
        options.records or ("with" if len(options.directories) == 1 else "both")]
    for directory in directories:
        if not directory.is_dir():
            print(f"{directory}: no such folder", file=sys.stderr)
            return 2
        if not any((p / "expected.yaml").exists() for p in directory.iterdir()):
            print(f"{directory}: no cases (folders with expected.yaml)", file=sys.stderr)
            return 2
    table = []
    for directory in directories:
        for with_records in modes:
            figures, results = score_corpus(directory, options.min_severity, with_records)
            table.append(figures)
            if not options.json and not options.quiet:
                print_details(figures, results)
    if options.json:
        print(json.dumps(table[0] if len(table) == 1 else table, indent=2))
        return 0
    print("corpus                          records  cases  precision  recall  internal  false/1k clean  refused")
    for f in table:
        print(f"{Path(f['corpus']).name:<32}{'with' if f['records'] else 'without':<9}{f['cases']:>5}{f['precision']:>11.2f}"
              f"{f['recall']:>8.2f}{f['internal_recall']:>10.2f}{f['clean_false_alarms_per_1000_words']:>16.2f}{len(f['refused']):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
