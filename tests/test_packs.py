"""Knowledge packs (issue 15, part 3): `factcheck records build` on the test dump
(fixtures/wikidata/dump/), what a pack holds, `check` with a pack and no records, look-up order,
the result cache, warnings about a damaged dump, resumption, and the same bytes on a Dask cluster.
"""

from __future__ import annotations

import bz2
import gzip
import importlib.util
import json
import pickle
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SEED
from factcheck import packs

# every test builds a pack from a dump (seconds each): the full suite and CI run them, the quick
# loop (`pytest -m "not slow"`) does not
pytestmark = pytest.mark.slow

DUMP = FIXTURES / "wikidata" / "dump" / "wikidata-20261101-films.json.gz"
FILM = 65767901  # Mission: Impossible – Dead Reckoning Part One (constructed)
SUBCLASS_FILM = "Q900000002"  # a generated subclass of a subclass of film (Q11424)

_spec = importlib.util.spec_from_file_location("dump_build", FIXTURES / "wikidata" / "dump" / "build.py")
dump_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dump_build)


def _build(*dumps: Path, output: Path, **options) -> packs.BuildResult:
    return packs.build(packs.BuildOptions(dumps=list(dumps), output=output, **options))


def _rows(pack: Path, query: str, *parameters) -> list[tuple]:
    connection = sqlite3.connect(f"file:{pack}?mode=ro", uri=True)
    try:
        return connection.execute(query, parameters).fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def entities() -> list[dict]:
    return dump_build.entities()


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pack") / "films.fcpack"
    result = _build(DUMP, output=path)
    assert result.warnings == []
    return path


def _ndjson(entities: list[dict], path: Path) -> Path:
    """The wikibase-dump-filter form: one entity a line, no brackets, no commas."""
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    return path


def _warnings(result) -> list[str]:
    return [line for line in result.err.splitlines() if line.startswith("factcheck: warning:")]


def _findings(result) -> list[dict]:
    return [f for file in result.json()["files"] for f in file["findings"]]


# ---------------------------------------------------------------- what a pack holds


def test_the_committed_dump_is_what_its_generator_writes():
    assert DUMP.read_bytes() == dump_build.gzipped(dump_build.dump_text(dump_build.entities()))


def test_the_manifest_names_the_dump_date_the_count_the_hash_the_format_and_the_classes(pack):
    manifest = packs.Pack(pack).manifest
    assert manifest["dump_date"] == "2026-11-01"  # from the dump's file name
    assert manifest["format"] == packs.FORMAT_VERSION
    assert manifest["dumps"] == [DUMP.name]
    assert manifest["items"] == _rows(pack, "SELECT count(*) FROM records")[0][0]
    assert len(manifest["content_hash"]) == 64
    assert "Q11424" in manifest["classes"]["film"] and manifest["classes"]["person"] == ["Q5"]
    assert manifest["subclasses"] == 2  # Q900000001 ⊂ film, Q900000002 ⊂ Q900000001, from the dump's P279


def test_items_are_kept_by_class_with_subclasses_from_the_dump(pack, entities):
    from factcheck.wikidata import item_id

    kept = {qid for qid, in _rows(pack, "SELECT qid FROM records")}
    by_class: dict[str, set[int]] = {}
    for entity in entities:
        for statement in entity.get("claims", {}).get("P31", []):
            by_class.setdefault(item_id(statement["mainsnak"]), set()).add(int(entity["id"][1:]))
    assert by_class[SUBCLASS_FILM] and by_class[SUBCLASS_FILM] <= kept  # two P279 steps below film
    assert by_class["Q11424"] <= kept and by_class["Q5"] <= kept and by_class["Q515"] <= kept
    assert not (by_class["Q13442814"] | by_class["Q16521"]) & kept  # scholarly articles, taxa: no type of ours
    subclass_film = next(iter(by_class[SUBCLASS_FILM]))
    assert _rows(pack, "SELECT type FROM records WHERE qid = ?", subclass_film) == [("film",)]


def test_records_are_mapped_as_records_pull_maps_them(pack):
    """The pack's record of the constructed film is wikidata._record's, with the dump's labels."""
    from factcheck.wikidata import _record

    film = json.loads((FIXTURES / "wikidata/constructed/wbgetentities-Q65767901.json").read_text())["entities"][f"Q{FILM}"]
    labels = json.loads((FIXTURES / "wikidata/constructed/wbgetentities-labels.json").read_text())["entities"]
    fetched = 1793491200.0  # 2026-11-01, the dump's date: `retrieved`
    pulled = _record({**film, "_fetched": fetched}, labels)
    (from_pack,) = packs.Pack(pack).records([FILM])
    assert from_pack.facts == pulled.facts
    assert (from_pack.type, from_pack.name, from_pack.aliases, from_pack.sources) == \
           (pulled.type, pulled.name, pulled.aliases, pulled.sources)
    assert from_pack.facts["release_date"][0].qualifiers == {
        "region": "United States", "region_code": "US", "property": "P577", "retrieved": "2026-11-01"}
    assert from_pack.facts["director"][0].value == "Christopher McQuarrie"  # a linked item's label, from the dump
    # the evidence names the pack and the item
    assert from_pack.id == f"films.fcpack:Q{FILM}" and from_pack.origin == f"films.fcpack: Q{FILM}"


def test_a_name_is_found_through_the_index_never_a_scan(pack):
    plan = _rows(pack, "EXPLAIN QUERY PLAN SELECT key, qid, label, type FROM names WHERE key IN (?, ?)", "tom cruise", "x")
    assert plan and all("SCAN" not in row[-1] for row in plan), plan
    opened = packs.Pack(pack)
    found = opened.lookup({("tom", "cruise"): None, ("dead", "reckoning", "part", "one"): frozenset({"film"}),
                           ("no", "such", "name"): None})
    assert sorted(r.name for r in found) == ["Mission: Impossible – Dead Reckoning Part One", "Tom Cruise"]
    assert opened.lookup({("tom", "cruise"): frozenset({"film"})}) == []  # a person is no film


def test_a_pack_is_read_only_and_travels_to_worker_processes(pack):
    opened = packs.Pack(pack)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened._connect().execute("DELETE FROM records")
    copy = pickle.loads(pickle.dumps(opened))
    assert [r.name for r in copy.lookup({("tom", "cruise"): None})] == ["Tom Cruise"]


def test_records_show_finds_a_pack_item_by_name_and_by_qid(cli, pack):
    by_name = cli("records", "show", "Tom Cruise", "--pack", pack)
    assert by_name.code == 0, by_name.err
    assert "from: Wikidata https://www.wikidata.org/wiki/Q37079 in the pack films.fcpack" in by_name.out
    assert "birth_date = 1962-07-03    [Wikidata Q37079 P569, retrieved 2026-11-01]" in by_name.out
    by_qid = cli("records", "show", f"Q{FILM}", "--pack", pack)
    assert "release_date = 2023-07-12 (United States); 2023-07-13 (Germany)" in by_qid.out
    assert cli("records", "show", "No Such Film", "--pack", pack).code == 2


# ---------------------------------------------------------------- check with a pack


def test_check_with_the_pack_and_no_records_reports_the_seed_articles_wrong_release_date(cli, pack, tmp_path):
    article = tmp_path / SEED.name  # away from any factcheck.toml: no records at all
    shutil.copy(SEED, article)
    result = cli("check", article, "--pack", pack, "--format", "json", "--no-cache")
    assert result.code == 1, result.err
    (wrong,) = [f for f in _findings(result) if f["text"] == "June 28, 2024"]
    assert wrong["rule"] == "date-contradicts-record"
    assert wrong["suggestion"] == "July 12, 2023"
    assert wrong["evidence"]["record"] == f"films.fcpack:Q{FILM}"  # the pack and the item
    assert wrong["evidence"]["source"] == f"https://www.wikidata.org/wiki/Q{FILM}"
    assert "2023-07-12 (United States)" in wrong["evidence"]["value"]
    assert "no reference records" not in result.err


def test_a_pack_finds_what_the_same_records_pulled_into_yaml_find(cli, pack, tmp_path):
    """The pack's records written as `records pull` writes them: the same findings on the seed
    article, the records named differently."""
    from factcheck.cli_records import records_yaml

    opened = packs.Pack(pack)
    pulled = opened.lookup({("tom", "cruise"): None, ("christopher", "mcquarrie"): None}) + opened.records([FILM])
    records = tmp_path / "pulled.yaml"
    records.write_text(records_yaml([replace(r, id=r.id.split(":")[-1].lower()) for r in pulled]), encoding="utf-8")
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)

    def found(*args) -> list[tuple]:
        result = cli("check", article, *args, "--format", "json", "--no-cache")
        return [(f["rule"], f["start"], f["end"], f["message"], f["suggestion"], f["evidence"] and f["evidence"]["value"])
                for f in _findings(result)]

    from_pack = found("--pack", pack)
    assert from_pack == found("--records", records)
    assert any(rule == "date-contradicts-record" for rule, *_ in from_pack)


def test_local_records_win_over_the_pack(cli, pack, tmp_path):
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    records = tmp_path / "records.yaml"
    records.write_text('entities:\n  - id: local-film\n    type: film\n    name: "Mission: Impossible – Dead Reckoning Part One"\n'
                       "    facts:\n      release_date: 2024-06-28\n", encoding="utf-8")
    result = cli("check", article, "--pack", pack, "--records", records, "--format", "json", "--no-cache")
    findings = _findings(result)
    assert [f for f in findings if f["text"] == "June 28, 2024"] == []
    assert not any(f["evidence"] and str(f["evidence"]["record"]).endswith(f":Q{FILM}") for f in findings)
    assert any(f["evidence"] and f["evidence"]["record"] == "local-film" for f in findings)  # the local record is read


def test_the_config_pins_packs_relative_to_itself(cli, pack, tmp_path):
    (tmp_path / "packs").mkdir()
    shutil.copy(pack, tmp_path / "packs" / "films-2026-11.fcpack")
    (tmp_path / "factcheck.toml").write_text('packs = ["packs/films-2026-11.fcpack"]\n', encoding="utf-8")
    article = tmp_path / "story.md"
    shutil.copy(SEED, article)
    result = cli("check", article, "--format", "json", "--no-cache")
    (wrong,) = [f for f in _findings(result) if f["text"] == "June 28, 2024"]
    assert wrong["evidence"]["record"] == f"films-2026-11.fcpack:Q{FILM}"


@pytest.mark.parametrize("how", ["config", "option", "not a pack", "folder"])
def test_a_missing_or_unreadable_pack_is_one_line_naming_it_and_exit_2(cli, tmp_path, how):
    article = tmp_path / "story.md"
    article.write_text("Tom Cruise was born on 3 July 1962.\n", encoding="utf-8")
    named = tmp_path / "films.fcpack"
    args = []
    if how == "config":
        (tmp_path / "factcheck.toml").write_text('packs = ["films.fcpack"]\n', encoding="utf-8")
    elif how == "option":
        args = ["--pack", named]
    elif how == "not a pack":
        named.write_text("entities: []\n", encoding="utf-8")
        args = ["--pack", named]
    else:
        named.mkdir()
        args = ["--pack", named]
    result = cli("check", article, *args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and str(named) in lines[0] and "Traceback" not in result.err, result.err


def test_a_new_pack_is_a_new_result_cache_key(cli, pack, tmp_path):
    """The key holds each pack's content hash: a pack rebuilt without films answers anew."""
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    pinned = tmp_path / "films.fcpack"
    shutil.copy(pack, pinned)
    cache = ["--cache-dir", tmp_path / "cache", "--format", "json"]
    first = cli("check", article, "--pack", pinned, *cache)
    assert [f for f in _findings(first) if f["text"] == "June 28, 2024"]
    _build(DUMP, output=pinned, types=["person"])  # the same file name, other content
    second = cli("check", article, "--pack", pinned, *cache)
    assert [f for f in _findings(second) if f["text"] == "June 28, 2024"] == []
    again = cli("check", article, "--pack", pinned, *cache)
    assert again.out == second.out


def test_a_documents_pack_records_are_its_own(cli, pack, tmp_path):
    """The film's record is found for the article that names it, never for the next one."""
    naming = tmp_path / "a-naming.md"
    naming.write_text("Mission: Impossible – Dead Reckoning Part One opens on June 28, 2024.\n", encoding="utf-8")
    other = tmp_path / "b-other.md"
    other.write_text("Dead Reckoning opens on June 28, 2024, Paramount said.\n", encoding="utf-8")
    together = cli("check", naming, other, "--pack", pack, "--format", "json", "--no-cache")
    alone = cli("check", other, "--pack", pack, "--format", "json", "--no-cache")
    files = {Path(f["path"]).name: f["findings"] for f in together.json()["files"]}
    assert [f["rule"] for f in files["a-naming.md"]] == ["date-contradicts-record"]
    assert files["b-other.md"] == alone.json()["files"][0]["findings"] == []


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12), st.integers(0, 70), st.integers(1, 12))
def test_the_overlap_test_of_links_says_what_a_scan_of_them_says(spans, start, length):
    """The names a pack is asked for are those no link covers: told by bisection, not a scan of every
    link for every name (a long article has thousands of both)."""
    from types import SimpleNamespace

    from factcheck.api import _Covered

    links = [SimpleNamespace(start=first, end=first + size) for first, size in spans]
    end = start + length
    assert _Covered(links)(start, end) == any(l.start < end and start < l.end for l in links)


# ---------------------------------------------------------------- damaged dumps: warnings, the rest kept


def _gz(path: Path, data: bytes) -> Path:
    path.write_bytes(dump_build.gzipped(data))
    return path


def _film_line(entities: list[dict]) -> int:
    """The dump line of the first generated film (line 1 is the `[`)."""
    return next(i for i, e in enumerate(entities) if e.get("descriptions", {}).get("en", {}).get("value") == "generated film") + 2


def test_a_malformed_line_is_a_warning_with_its_line_and_the_rest_is_kept(cli, pack, entities, tmp_path):
    lines = dump_build.dump_text(entities).split(b"\n")
    broken = _film_line(entities)
    lines[broken - 1] = lines[broken - 1][:80] + b" <cut>,"
    dump = _gz(tmp_path / "wikidata-20261101-broken.json.gz", b"\n".join(lines))
    result = cli("records", "build", dump, "-o", tmp_path / "broken.fcpack")
    assert result.code == 0, result.err
    (warning,) = _warnings(result)
    assert f"{dump}:{broken}: not a JSON entity" in warning
    manifest = packs.Pack(tmp_path / "broken.fcpack").manifest
    assert manifest["items"] == packs.Pack(pack).manifest["items"] - 1
    assert packs.Pack(tmp_path / "broken.fcpack").records([FILM])


def test_a_truncated_gzip_stream_is_a_warning_and_what_came_before_is_kept(cli, pack, tmp_path):
    whole = DUMP.read_bytes()
    dump = tmp_path / "wikidata-20261101-cut.json.gz"
    dump.write_bytes(whole[: len(whole) * 2 // 3])
    result = cli("records", "build", dump, "-o", tmp_path / "cut.fcpack")
    assert result.code == 0, result.err
    (warning,) = _warnings(result)
    assert "truncated gzip stream after line" in warning and str(dump) in warning
    last_line = int(warning.split("after line ")[1].split()[0])
    kept = packs.Pack(tmp_path / "cut.fcpack").manifest["items"]
    assert 0 < kept < packs.Pack(pack).manifest["items"]
    # every kept entity of the lines read is there
    complete = gzip.decompress(whole).split(b"\n")[1:last_line]
    ids = {json.loads(line.rstrip(b","))["id"] for line in complete}
    pack_ids = {f"Q{qid}" for qid, in _rows(tmp_path / "cut.fcpack", "SELECT qid FROM records")}
    assert pack_ids <= ids and len(pack_ids) == kept


def test_an_unknown_property_is_a_warning_and_the_item_keeps_the_rest(cli, entities, tmp_path):
    changed = []
    for entity in entities:
        if entity["id"] == f"Q{FILM}":
            entity = json.loads(json.dumps(entity))
            claims = entity["claims"]
            claims["P57x"] = claims["P57"]  # no property id
            bad = json.loads(json.dumps(claims["P577"][0]))
            bad["mainsnak"]["datavalue"] = {"value": "12 July 2023", "type": "string"}
            claims["P577"].append(bad)  # a date property holding a text
        changed.append(entity)
    dump = _gz(tmp_path / "wikidata-20261101-props.json.gz", dump_build.dump_text(changed))
    line = next(i for i, e in enumerate(changed) if e["id"] == f"Q{FILM}") + 2
    result = cli("records", "build", dump, "-o", tmp_path / "props.fcpack")
    assert result.code == 0, result.err
    warnings = sorted(_warnings(result))
    assert len(warnings) == 2, result.err
    assert f"{dump}:{line}: Q{FILM}: P577 (publication date) holds a string value, not time" in warnings[0]
    assert f"{dump}:{line}: Q{FILM}: unknown property 'P57x'" in warnings[1]
    (film,) = packs.Pack(tmp_path / "props.fcpack").records([FILM])
    assert [str(v.value) for v in film.facts["release_date"]] == ["2023-07-12", "2023-07-13"]
    assert film.facts["director"][0].value == "Christopher McQuarrie"


# ---------------------------------------------------------------- partitions, formats, resumption


def test_ndjson_and_multistream_bz2_cut_into_partitions_give_the_same_records(pack, entities, tmp_path):
    ndjson = _ndjson(entities, tmp_path / "wikidata-20261101-filtered.ndjson")
    # a parallel bzip2's output: independent streams, cut anywhere in a line, and once right after one
    text = dump_build.dump_text(entities)
    after_a_line = text.index(b"\n", 400_000) + 1
    cuts = sorted({*range(0, len(text), 150_000), after_a_line, len(text)})
    streams = [bz2.compress(text[a:b]) for a, b in zip(cuts, cuts[1:])]
    bz = tmp_path / "wikidata-20261101-all.json.bz2"
    bz.write_bytes(b"".join(streams))
    # partitions as long as the streams before that cut: one of them starts right after a line
    aligned = sum(len(stream) for stream in streams[:cuts.index(after_a_line)])
    assert aligned in [p.start for p in packs.plan_partitions([bz], aligned)]
    expected = packs.Pack(pack).manifest["content_hash"]
    # the NDJSON's first partition ends right after a line, the others anywhere in one
    line_end = ndjson.read_bytes().index(b"\n", 100_000) + 1
    for dump, size in ((ndjson, line_end), (bz, aligned)):
        result = _build(dump, output=tmp_path / f"{dump.suffix}.fcpack", partition_bytes=size)
        assert result.partitions > 3, dump
        assert result.warnings == []
        assert result.entities == len(entities), dump  # every line read once, whichever partition it starts in
        assert result.manifest["content_hash"] == expected, dump


def test_an_interrupted_build_resumes_from_its_finished_partitions(cli, entities, tmp_path, monkeypatch):
    dump = _ndjson(entities, tmp_path / "wikidata-20261101-filtered.ndjson")
    whole = tmp_path / "whole.fcpack"
    _build(dump, output=whole, partition_bytes=400_000)
    resumed = tmp_path / "resumed.fcpack"
    monkeypatch.setenv(packs.FAIL_ONCE_ENV, "select:2")
    first = cli("records", "build", dump, "-o", resumed, "--partition-size", "400000")
    assert first.code == 2
    assert len(first.err.strip().splitlines()) == 1 and "run the same command to resume" in first.err
    work = tmp_path / "resumed.fcpack.work"
    assert {p.name for p in work.glob("select-*.json")} == {"select-00000.json", "select-00001.json"}
    assert not resumed.exists()
    second = cli("records", "build", dump, "-o", resumed, "--partition-size", "400000")
    assert second.code == 0, second.err
    partitions = len(packs.plan_partitions([dump], 400_000))
    assert f"{partitions + 2} of {3 * partitions} partition tasks resumed" in second.err  # pass 1 whole, 2 of pass 2
    assert resumed.read_bytes() == whole.read_bytes()
    assert not work.exists()


def test_a_signal_stops_a_build_that_the_same_command_resumes(cli, entities, tmp_path, monkeypatch):
    from factcheck.stages import Interrupted

    dump = _ndjson(entities, tmp_path / "wikidata-20261101-filtered.ndjson")
    select = packs.select_entities

    def stopped_at_the_second(partition, *args):
        if partition.index == 1:
            raise Interrupted(15)  # what SIGTERM raises in the main process (cli._interruptible)
        return select(partition, *args)

    monkeypatch.setattr(packs, "select_entities", stopped_at_the_second)
    flags = ["-o", tmp_path / "p.fcpack", "--partition-size", "400000"]
    first = cli("records", "build", dump, *flags)
    partitions = len(packs.plan_partitions([dump], 400_000))
    assert first.code == 128 + 15
    assert f"build interrupted with {partitions + 1} of {3 * partitions} partition tasks finished; run the same command to resume" in first.err
    monkeypatch.setattr(packs, "select_entities", select)
    second = cli("records", "build", dump, *flags)
    assert second.code == 0 and f"{partitions + 1} of {3 * partitions} partition tasks resumed" in second.err, second.err


def test_other_settings_on_a_work_folder_ask_for_restart(cli, entities, tmp_path, monkeypatch):
    dump = _ndjson(entities, tmp_path / "wikidata-20261101-filtered.ndjson")
    monkeypatch.setenv(packs.FAIL_ONCE_ENV, "select:1")
    assert cli("records", "build", dump, "-o", tmp_path / "p.fcpack", "--partition-size", "400000").code == 2
    other = cli("records", "build", dump, "-o", tmp_path / "p.fcpack", "--partition-size", "300000")
    assert other.code == 2 and "--restart" in other.err and "partition_bytes" in other.err
    monkeypatch.delenv(packs.FAIL_ONCE_ENV)
    restarted = cli("records", "build", dump, "-o", tmp_path / "p.fcpack", "--partition-size", "300000", "--restart")
    assert restarted.code == 0, restarted.err


def test_a_work_folder_holding_other_files_is_refused_and_left_as_it_is(cli, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = cli("records", "build", DUMP, "-o", tmp_path / "p.fcpack", "--work", work, "--restart")
    assert result.code == 2 and "notes.txt" in result.err and str(work) in result.err
    assert (work / "notes.txt").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("args, named", [
    (["missing.json.gz", "-o", "p.fcpack"], "missing.json.gz"),
    ([str(DUMP), "-o", "no-such-folder/p.fcpack"], "no-such-folder"),
    ([str(DUMP), "-o", "p.fcpack", "--type", "spaceship"], "spaceship"),
    ([str(DUMP), "-o", "p.fcpack", "--partition-size", "lots"], "lots"),
    ([str(DUMP), "-o", "p.fcpack", "--dump-date", "November"], "November"),
])
def test_build_errors_are_one_line_and_exit_2(cli, tmp_path, monkeypatch, args, named):
    monkeypatch.chdir(tmp_path)
    result = cli("records", "build", *args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and "Traceback" not in result.err, result.err


# ---------------------------------------------------------------- on a Dask cluster


@pytest.mark.slow
def test_a_two_worker_dask_cluster_builds_the_same_bytes_and_resumes(cli, pack, entities, tmp_path, monkeypatch):
    on_cluster = tmp_path / "films.fcpack"
    result = cli("records", "build", DUMP, "-o", on_cluster, "--workers", "2")
    assert result.code == 0, result.err
    assert on_cluster.read_bytes() == pack.read_bytes()
    # several partitions on two workers, interrupted once, resumed: the bytes of the build in this process
    dump = _ndjson(entities, tmp_path / "wikidata-20261101-filtered.ndjson")
    local = tmp_path / "local.fcpack"
    _build(dump, output=local, partition_bytes=300_000)
    monkeypatch.setenv(packs.FAIL_ONCE_ENV, "select:3")  # the workers inherit it when the cluster starts
    flags = ["--partition-size", "300000", "--workers", "2"]
    first = cli("records", "build", dump, "-o", tmp_path / "cluster.fcpack", *flags)
    assert first.code == 2 and "run the same command to resume" in first.err
    second = cli("records", "build", dump, "-o", tmp_path / "cluster.fcpack", *flags)
    assert second.code == 0, second.err
    assert "partition tasks resumed" in second.err
    assert (tmp_path / "cluster.fcpack").read_bytes() == local.read_bytes()
