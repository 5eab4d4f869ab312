"""An unexpected failure in one document is that document's alone: the others are checked and
reported in full, the failing file and stage are named in one line, and the exit code is 2."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from conftest import RECORDS, SEED
from factcheck.checks import KINDS
from factcheck.extract.dates import find_dates


def test_a_sentence_that_once_broke_date_arithmetic_is_an_unresolved_date(cli, tmp_path):
    article = tmp_path / "farms.md"
    article.write_text("The first farms appeared about 10000 years ago.\n", encoding="utf-8")
    result = cli("check", article, "--published", "2024-05-01", "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err


@settings(max_examples=200, deadline=None)
@given(published=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
       phrase=st.sampled_from(["last Monday", "next Friday", "January 2", "Friday, January 2", "3 months ago", "2 weeks ago",
                               "10000 years ago", "a year ago", "next spring", "last winter", "this coming Sunday", "29 February"]))
def test_dates_near_the_ends_of_the_calendar_never_raise(published, phrase):
    find_dates(f"It happened {phrase}, they said.", published)


@pytest.mark.slow  # checks a batch
def test_an_internal_failure_in_one_document_leaves_the_others_reported(cli, tmp_path, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-seed.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b-broken.md").write_text("---\ndate: 2023-01-01\n---\nThis article makes the weekday check fail.\n", encoding="utf-8")
    (folder / "c-seed.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    weekday = KINDS["weekday"]
    real = weekday.run

    def failing(analysis, rule):
        if "makes the weekday check fail" in analysis.document.text:
            raise ValueError("a bug in one check, met by one document")
        return real(analysis, rule)

    # a check kind that fails on one document, as a bug would
    monkeypatch.setitem(KINDS, "weekday", type(weekday)(weekday.name, failing, weekday.summary, weekday.params, weekday.messages))
    result = cli("check", folder, "--records", RECORDS, "--format", "json", "--no-cache", "--processes", "1")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "b-broken.md" in lines[0] and "internal error in check: ValueError" in lines[0], result.err
    reported = {file["path"].rsplit("/", 1)[-1]: file["findings"] for file in result.json()["files"]}
    assert set(reported) == {"a-seed.md", "c-seed.md"}
    alone = cli("check", folder / "a-seed.md", "--records", RECORDS, "--format", "json", "--no-cache").json()
    assert reported["a-seed.md"] == reported["c-seed.md"] == alone["files"][0]["findings"]


def test_a_baseline_with_an_infinite_count_is_a_one_line_error(cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"factcheck_baseline": 1, "findings": [{"path": "a.md", "rule": "r", "text": "t", "context": "c", "count": 1e999}]}')
    result = cli("check", SEED, "--records", RECORDS, "--baseline", baseline)
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.strip().splitlines() == [f"factcheck: error: {baseline}: a baseline entry's count must be a whole number"]


@pytest.mark.slow  # checks a batch from several folders
def test_a_baseline_works_from_any_folder_and_however_the_path_is_written(cli, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    article = repo / "articles" / "seed.md"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(repo)
    written = cli("check", "articles/seed.md", "--records", RECORDS, "--write-baseline", "baseline.json", "--no-cache")
    assert written.code == 0, written.err
    assert '"path": "articles/seed.md"' in (repo / "baseline.json").read_text()
    for folder, path, baseline in ((repo, "./articles/seed.md", "baseline.json"),
                                   (repo / "articles", "seed.md", "../baseline.json"),
                                   (tmp_path, str(article), str(repo / "baseline.json"))):
        monkeypatch.chdir(folder)
        result = cli("check", path, "--records", RECORDS, "--baseline", baseline, "--fail-on", "info", "--no-cache")
        assert result.code == 0 and "no findings" in result.out, (folder, path, result.out)
