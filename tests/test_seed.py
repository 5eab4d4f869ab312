"""The seed article: its three planted errors are found at the right place; correct statements stay silent."""

from __future__ import annotations

from conftest import RECORDS, SEED, run_process

SOURCE = SEED.read_text(encoding="utf-8")


def _line_col(offset: int) -> tuple[int, int]:
    before = SOURCE[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _findings(report):
    (file_report,) = report["files"]
    return file_report["findings"]


def _one(report, text: str) -> dict:
    matches = [f for f in _findings(report) if f["text"] == text]
    assert len(matches) == 1, matches
    return matches[0]


def test_report_names_the_file_and_publication_date(seed_report):
    (file_report,) = seed_report["files"]
    assert file_report["path"].endswith("mission-impossible-bts.md")
    assert file_report["published"] == "2022-12-21"


def test_part_on_is_a_near_miss_of_part_one(seed_report):
    finding = _one(seed_report, "Part On")
    offset = SOURCE.index("Part On ")
    assert (finding["start"], finding["end"]) == (offset, offset + len("Part On"))
    assert (finding["line"], finding["column"]) == _line_col(offset)
    assert (finding["end_line"], finding["end_column"]) == _line_col(offset + len("Part On"))
    assert finding["rule"] == "name-near-miss"
    assert finding["severity"] == "error"
    assert finding["suggestion"] == "Part One"


def test_release_date_disagrees_with_the_record(seed_report):
    finding = _one(seed_report, "June 28, 2024")
    offset = SOURCE.index("June 28, 2024")
    assert (finding["line"], finding["column"]) == _line_col(offset)
    assert finding["rule"] == "date-contradicts-record"
    assert finding["severity"] == "error"
    assert finding["evidence"]["record"] == "mi-dead-reckoning-part-one"
    assert finding["evidence"]["fact"] == "release_date"
    assert "2023-07-12" in finding["evidence"]["value"]
    assert finding["evidence"]["source"].startswith("https://")
    assert finding["suggestion"] == "July 12, 2023"


def test_angela_bassett_is_not_in_the_cast(seed_report):
    finding = _one(seed_report, "Angela Bassett")
    assert (finding["line"], finding["column"]) == _line_col(SOURCE.index("Angela Bassett"))
    assert finding["rule"] == "not-in-record-list"
    assert finding["severity"] == "warning"
    assert finding["evidence"]["record"] == "mi-dead-reckoning-part-one"


def test_no_other_error_anywhere(seed_report):
    errors = sorted(f["text"] for f in _findings(seed_report) if f["severity"] == "error")
    assert errors == ["June 28, 2024", "Part On"]
    assert seed_report["summary"]["error"] == 2


def test_correct_statements_stay_silent(seed_report):
    for correct in ("seventh installment", "Mission Impossible 7", "Christopher McQuarrie will direct", "500 skydives", "Frederick Schmidt"):
        start = SOURCE.index(correct)
        end = start + len(correct)
        overlapping = [f for f in _findings(seed_report) if f["start"] < end and start < f["end"]]
        assert overlapping == [], (correct, overlapping)


def test_exit_codes_follow_fail_on():
    assert run_process("check", SEED, "--records", RECORDS, "--fail-on", "never").code == 0
    assert run_process("check", SEED, "--records", RECORDS).code == 1
    # the worst finding without records is info-level at most
    assert run_process("check", SEED, "--fail-on", "warning").code == 0


def test_terminal_report_shows_place_rule_suggestion_and_evidence():
    result = run_process("check", SEED, "--records", RECORDS, "--no-color")
    line, column = _line_col(SOURCE.index("Part On "))
    assert f"mission-impossible-bts.md:{line}:{column}: error [name-near-miss]" in result.out
    assert "suggestion: Part One" in result.out
    assert "evidence: record mi-dead-reckoning-part-one" in result.out
    assert "2 errors, 1 warning" in result.out
