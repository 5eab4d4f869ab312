"""Bad input ends in one line naming the file (and line), exit code 2, no traceback; nothing is modified."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import RECORDS, SEED, run_process


def _assert_one_line_error(result, *expected: str):
    assert result.code == 2, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("factcheck: error: ")
    assert "Traceback" not in result.err
    for part in expected:
        assert part in lines[0], lines[0]


def test_missing_file(cli, tmp_path):
    missing = tmp_path / "nope.md"
    _assert_one_line_error(cli("check", missing), str(missing), "no such file")


def test_directory_without_articles(cli, tmp_path):
    (tmp_path / "notes.json").write_text("{}")
    _assert_one_line_error(cli("check", tmp_path), str(tmp_path), "no articles")


def test_binary_file(cli, tmp_path):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_one_line_error(cli("check", binary), str(binary), "binary")


def test_non_utf8_file_names_the_line(cli, tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("First line\nCaf\u00e9 opened on May 2, 2023.\n".encode("latin-1"))
    _assert_one_line_error(cli("check", legacy), f"{legacy}:2:", "not UTF-8")


@pytest.mark.parametrize("content", ["", "  \n\n"])
def test_empty_file(cli, tmp_path, content):
    empty = tmp_path / "empty.md"
    empty.write_text(content)
    _assert_one_line_error(cli("check", empty), str(empty), "empty")


def test_malformed_records_yaml_names_file_and_line(cli, tmp_path):
    records = tmp_path / "films.yaml"
    records.write_text("entities:\n  - id: x\n    type: film\n    name: [unclosed\n")
    _assert_one_line_error(cli("check", SEED, "--records", records), f"{records}:", "invalid YAML")


def test_records_with_a_duplicate_key_names_the_line(cli, tmp_path):
    records = tmp_path / "films.yaml"
    records.write_text("entities:\n  - id: x\n    type: film\n    name: X Film\n    facts:\n      released: 2020-01-01\n      released: 2021-01-01\n")
    _assert_one_line_error(cli("check", SEED, "--records", records), f"{records}:7:", "duplicate key 'released'")


def test_records_with_infinite_or_huge_numbers_name_the_line(cli, tmp_path):
    for value, words in ((".inf", "inf is not a number"), (".nan", "nan is not a number"), ("1" + "0" * 400, "401 digits")):
        records = tmp_path / "films.yaml"
        records.write_text(f"entities:\n  - id: x\n    type: film\n    name: X Film\n    facts:\n      gross: {value}\n")
        _assert_one_line_error(cli("check", SEED, "--records", records), f"{records}:6:", words)


def test_records_with_impossible_date(cli, tmp_path):
    records = tmp_path / "films.yaml"
    records.write_text("entities:\n  - id: x\n    type: film\n    name: X Film\n    facts:\n      release_date: '2020-02-30'\n")
    _assert_one_line_error(cli("check", SEED, "--records", records), f"{records}:6:", "2020-02-30")


def test_malformed_rule_yaml_names_file_and_line(cli, tmp_path):
    (tmp_path / "house.yaml").write_text("id: house-rule\nkind: near-miss\nseverity: error\nsummary: [oops\n")
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + ":", "invalid YAML")


def test_rule_with_unknown_kind_names_the_line(cli, tmp_path):
    (tmp_path / "house.yaml").write_text("id: house-rule\nkind: telepathy\nseverity: error\nsummary: Reads minds.\n")
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + ":2:", "telepathy")


def test_a_house_rule_written_before_a_kind_gained_a_message_still_loads(cli, tmp_path):
    # a rule of kind `difference` as newsrooms wrote them before "points" (scores) was added: the kind's
    # own text stands in for the message it does not give
    (tmp_path / "house.yaml").write_text(
        "id: house-arithmetic\nkind: difference\nseverity: error\nsummary: Sums.\n"
        "params:\n  scores: {try: 5, conversion: 2}\n"
        "messages:\n  change: 'c {stated}'\n  sum: 's {total}'\n  margin: 'm {stated}'\n")
    article = tmp_path / "match.md"
    article.write_text("Smith scored 14 points from two tries and a conversion.\n")
    result = cli("check", article, "--rules", tmp_path, "--select", "house-arithmetic", "--format", "json", "--published", "2024-05-01")
    assert result.code == 1, result.err
    messages = [f["message"] for f in json.loads(result.out)["files"][0]["findings"]]
    assert messages == ["two tries and a conversion make 12 points, not 14"], messages


def test_scores_that_are_not_whole_points_are_a_one_line_error(cli, tmp_path):
    (tmp_path / "house.yaml").write_text("id: house-arithmetic\nkind: difference\nseverity: error\nsummary: Sums.\n"
                                         "params:\n  scores: {try: five}\n"
                                         "messages:\n  change: 'c'\n  sum: 's'\n  margin: 'm'\n")
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + ":6:", "whole points")


@pytest.mark.parametrize("param, line, expected", [
    ("far_severity: loud", 6, "one of info, warning, error"),
    ("far_ratio: 0.5", 6, "0 (never) or a ratio above 1"),
])
def test_a_far_off_figures_severity_or_ratio_that_cannot_be_is_a_one_line_error(cli, tmp_path, param, line, expected):
    # checked when the rule loads, not when a far-off figure first turns up in some article
    (tmp_path / "house.yaml").write_text("id: house-arithmetic\nkind: difference\nseverity: error\nsummary: Sums.\n"
                                         f"params:\n  {param}\n"
                                         "messages:\n  change: 'c'\n  sum: 's'\n  margin: 'm'\n")
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + f":{line}:", expected)


def test_a_rule_that_leaves_out_a_required_message_names_it(cli, tmp_path):
    (tmp_path / "house.yaml").write_text("id: house-arithmetic\nkind: difference\nseverity: error\nsummary: Sums.\n"
                                         "messages:\n  change: 'c {stated}'\n")
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + ":", "needs a message 'sum'")


def test_bad_front_matter_names_the_line(cli, tmp_path):
    article = tmp_path / "draft.md"
    article.write_text("---\ntitle: Draft\ndate: next week\n---\nBody text.\n")
    _assert_one_line_error(cli("check", article), f"{article}:3:", "publication date")


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--format", "xml"], "--format"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--published", "21/12/2022"], "--published"),
        (["--select", "no-such-rule"], "no-such-rule"),
        (["--bogus"], "--bogus"),
    ],
)
def test_bad_flag_values(cli, args, expected):
    _assert_one_line_error(cli("check", SEED, *args), expected)


def test_missing_model_is_a_user_error(cli):
    _assert_one_line_error(cli("check", SEED, "--model", "xx_no_such_model"), "xx_no_such_model")


def test_errors_are_one_line_in_a_real_process_too(tmp_path):
    missing = tmp_path / "missing.md"
    _assert_one_line_error(run_process("check", missing), str(missing))


def test_checked_files_are_never_modified(cli, tmp_path):
    article = tmp_path / "article.md"
    article.write_bytes(SEED.read_bytes())
    before = hashlib.sha256(article.read_bytes()).hexdigest()
    mtime = article.stat().st_mtime_ns
    for output_format in ("terminal", "json"):
        assert cli("check", article, "--records", RECORDS, "--format", output_format).code == 1
    assert hashlib.sha256(article.read_bytes()).hexdigest() == before
    assert article.stat().st_mtime_ns == mtime


def test_a_rule_cannot_bring_a_regular_expression(cli, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "id: house-rule\nkind: near-miss\nseverity: error\nsummary: Backtracks.\nparams:\n  pattern: '(a+)+$'\n"
    )
    _assert_one_line_error(cli("check", SEED, "--rules", tmp_path), str(tmp_path / "house.yaml") + ":6:", "pattern")


def test_select_takes_comma_lists_and_prefixes(cli):
    every = cli("check", SEED, "--records", RECORDS, "--format", "json").json()["files"][0]["findings"]
    picked = cli("check", SEED, "--records", RECORDS, "--format", "json", "--select", "name-,date-contradicts-record").json()
    rules = {f["rule"] for f in picked["files"][0]["findings"]}
    assert rules and all(r.startswith("name-") or r == "date-contradicts-record" for r in rules)
    assert rules == {f["rule"] for f in every if f["rule"].startswith("name-") or f["rule"] == "date-contradicts-record"}
    ignored = cli("check", SEED, "--records", RECORDS, "--format", "json", "--ignore", "name-").json()
    assert not [f for f in ignored["files"][0]["findings"] if f["rule"].startswith("name-")]


def test_an_unknown_rule_gets_a_suggestion(cli):
    result = cli("check", SEED, "--select", "name-near-mis")
    _assert_one_line_error(result, "did you mean 'name-near-miss'")
    assert cli("explain", "tense-vs-dat").err.count("did you mean 'tense-vs-date'") == 1


def test_short_version_flag(cli):
    assert cli("-V").out == cli("--version").out != ""


def test_audit_without_dask_is_a_one_line_error_naming_the_extra(cli, monkeypatch, tmp_path):
    """Dask is the `audit` extra: without it, `check` works and `audit` says what to install."""
    import sys

    monkeypatch.delitem(sys.modules, "factcheck.audit", raising=False)
    for name in [n for n in sys.modules if n == "distributed" or n.startswith("distributed.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    (tmp_path / "a.md").write_text("Some words.\n")
    result = cli("audit", tmp_path, "-o", tmp_path / "out.jsonl")
    _assert_one_line_error(result, "pip install 'factcheck[audit]'")
    assert cli("check", SEED).code in (0, 1)
