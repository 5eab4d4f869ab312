"""The compiled records index: records read back from it are the records parsed from YAML, an
edit recompiles only the edited file, and findings do not depend on where the records came from."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, RECORDS, SEED
from factcheck.api import Checker
from factcheck.config import Config
from factcheck.errors import UserError
from factcheck.load import load_document
from factcheck.records import find_record_files, load_records
from factcheck.records_index import RecordsIndex

# every records file the project has: the fixtures' and the newsroom facts files of every corpus
RECORD_FILES = sorted({*find_record_files([RECORDS]), *FIXTURES.glob("*/*/facts.yaml"), *FIXTURES.glob("*/*/records.yaml")})


def _everything(record_set):
    """All a record holds, facts and qualifiers included (a Record's == leaves its facts out)."""
    return [(r.id, r.type, r.name, r.aliases, r.sources, r.origin,
             {key: [(v.value, type(v.value), v.qualifiers) for v in values] for key, values in r.facts.items()})
            for r in record_set.records]


@pytest.mark.slow  # every records file of every corpus, parsed twice: a quarter of the quick suite's time on 2 cores
def test_records_read_back_from_the_index_are_the_records_parsed_from_yaml(tmp_path):
    assert len(RECORD_FILES) > 100
    index = RecordsIndex(tmp_path)
    for path in RECORD_FILES:
        parsed = load_records([path])
        load_records([path], index)  # compiles
        read_back = load_records([path], index)
        assert _everything(read_back) == _everything(parsed), path
    assert len(index.reused) == len(RECORD_FILES)


def test_an_edit_recompiles_only_the_edited_file(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    files = [str(p) for p in find_record_files([folder])]
    assert len(files) >= 3

    def run():
        index = RecordsIndex(tmp_path / "cache")
        load_records([folder], index)
        index.close()
        return index

    first = run()
    assert sorted(first.parsed) == sorted(files) and first.reused == []
    second = run()
    assert second.parsed == [] and sorted(second.reused) == sorted(files)
    edited = Path(files[0])
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# checked again on 2026-12-02\n", encoding="utf-8")
    third = run()
    assert third.parsed == [files[0]] and sorted(third.reused) == sorted(files[1:])


def test_a_file_that_cannot_be_read_is_refused_with_its_line_on_every_run(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - id: a\n    name: A\n  - id: a\n    name: B\n", encoding="utf-8")
    index = RecordsIndex(tmp_path / "cache")
    for _ in range(2):
        with pytest.raises(UserError) as refused:
            load_records([bad], index)
        assert "duplicate record id" in str(refused.value) and str(refused.value).startswith(f"{bad}:4: ")
    broken = tmp_path / "broken.yaml"
    broken.write_text("entities:\n  - id: a\n    name: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(UserError) as refused:
            load_records([broken], index)
        assert refused.value.line is not None


def test_a_row_this_code_cannot_read_is_parsed_again(tmp_path):
    index = RecordsIndex(tmp_path)
    path = next(iter(find_record_files([RECORDS])))
    load_records([path], index)
    key = next(k for k in index._cache.keys() if k.startswith("records:"))
    index._cache.put(key, '[{"id": "x"}]')  # a row without the fields a record needs
    again = RecordsIndex(tmp_path)
    assert _everything(load_records([path], again)) == _everything(load_records([path]))
    assert again.parsed == [str(path)]


def _cases():
    cases = [(SEED, RECORDS, None)]
    for case in sorted((FIXTURES / "eval").iterdir()):
        if (case / "expected.yaml").exists():
            published = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["published"]
            records = case / "records.yaml" if (case / "records.yaml").exists() else case / "facts.yaml"
            cases.append((case / "article.md", records, dt.date.fromisoformat(str(published))))
    return cases


@pytest.mark.slow
def test_findings_are_identical_whether_records_come_from_yaml_or_from_the_index(tmp_path):
    cases = _cases()
    assert len(cases) > 30
    compared = 0
    for article, records, published in cases:
        document = load_document(str(article))
        if published is not None:
            document = replace(document, published=published)
        from_yaml = Checker.from_config(Config(), [records])
        compile_run = RecordsIndex(tmp_path)
        Checker.from_config(Config(), [records], records_index=compile_run).records.records  # noqa: B018 — read (and compiled) on first use
        read_run = RecordsIndex(tmp_path)
        from_index = Checker.from_config(Config(), [records], records_index=read_run)
        assert from_index.records.records and read_run.parsed == [] and read_run.reused, records
        found = [next(checker.check_documents([document])).findings for checker in (from_yaml, from_index)]
        assert found[0] == found[1], article
        compared += bool(found[0])
    assert compared > 20  # most cases have findings to compare, not only empty lists


def test_a_warm_re_check_never_reads_the_records(cli, tmp_path, monkeypatch):
    """The result cache's key holds the records files' bytes: a file it answers needs no records."""
    cache = tmp_path / "cache"
    first = cli("check", SEED, "--records", RECORDS, "--format", "json", "--cache-dir", cache)
    assert first.code == 1

    def unread(*args, **kwargs):
        raise AssertionError("records were read for a file the result cache answers")

    monkeypatch.setattr("factcheck.records.load_records", unread)
    monkeypatch.setattr("factcheck.api.load_records", unread)
    again = cli("check", SEED, "--records", RECORDS, "--format", "json", "--cache-dir", cache)
    assert again.code == 1 and again.json()["files"] == first.json()["files"]
    # an edited records file is a new key: the records are read again, the edited file parsed
    monkeypatch.undo()
    edited = tmp_path / "records"
    shutil.copytree(RECORDS, edited)
    film = edited / "mission-impossible.yaml"
    film.write_text(film.read_text(encoding="utf-8") + "\n# checked 2026-12-02\n", encoding="utf-8")
    parsed = []
    original = RecordsIndex.records_of

    def spy(self, path, parse):
        found = original(self, path, parse)
        parsed.extend(self.parsed)
        return found

    monkeypatch.setattr(RecordsIndex, "records_of", spy)
    changed = cli("check", SEED, "--records", edited, "--format", "json", "--cache-dir", cache)
    assert changed.json()["files"][0]["findings"] == first.json()["files"][0]["findings"]
    assert str(film) in parsed


def test_deferred_records_are_read_once_and_a_special_method_probe_does_not_drop_them():
    from factcheck.records import DeferredRecords

    loads = []

    def load():
        loads.append(1)
        return load_records([RECORDS])

    deferred = DeferredRecords(load)
    assert getattr(deferred, "__deepcopy__", None) is None and not deferred.loaded and loads == []
    assert deferred.records and deferred.by_name and deferred.loaded
    assert _everything(deferred) == _everything(load_records([RECORDS])) and loads == [1]
