"""`factcheck records pull|validate|show`, against a real HTTP server on 127.0.0.1 for Wikidata."""

from __future__ import annotations

import datetime as dt
import socket
import textwrap

import pytest
import typer.main

from factcheck.cli import app
from factcheck.records import load_records
from wikidata_fake import fixture, json_response

FILM = "Mission: Impossible – Dead Reckoning Part One"
RECORDS_COMMAND = typer.main.get_command(app).commands["records"]






@pytest.fixture
def online(server, tmp_path):
    """The flags that point a command at the local server and a fresh cache."""
    return ["--wikidata-url", server.url_for("/").rstrip("/"), "--cache-dir", str(tmp_path / "cache")]


# -- pull ------------------------------------------------------------------------------------


def test_pull_writes_a_records_file(cli, fake, online, tmp_path, server):
    target = tmp_path / "pulled.yaml"
    result = cli("records", "pull", FILM, "Tom Cruise", "Q708364", "-o", target, *online)
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err.strip() == f"factcheck: wrote 3 records to {target}"
    records = load_records([target])
    film = records.by_id["mission-impossible-dead-reckoning-part-one"]
    assert film.type == "film" and film.name == FILM
    assert film.sources[0] == server.url_for("/wiki/Q65767901")  # the server that served it
    release = {(v.value, v.qualifiers.get("region")) for v in film.facts["release_date"]}
    assert release == {(dt.date(2023, 7, 12), "United States"), (dt.date(2023, 7, 13), "Germany")}
    assert [v.value for v in film.facts["director"]] == ["Christopher McQuarrie"]
    assert {"Tom Cruise", "Hayley Atwell", "Ving Rhames"} <= {v.value for v in film.facts["cast"]}
    assert [v.value for v in film.facts["installment"]] == [7]
    assert [v.value for v in film.facts["runtime_minutes"]] == [163]
    cruise = records.by_id["tom-cruise"]
    assert [v.value for v in cruise.facts["birth_date"]] == [dt.date(1962, 7, 3)]
    assert cruise.sources[0] == server.url_for("/wiki/Q37079")
    assert records.by_id["christopher-mcquarrie"].type == "person"
    text = target.read_text(encoding="utf-8")
    assert "release_date:  # Wikidata P577 publication date; retrieved " in text
    assert "birth_date: 1962-07-03  # Wikidata P569 date of birth" in text
    # what pull writes, validate accepts
    assert cli("records", "validate", target).code == 0
    # and the same pull again is answered by the cache alone
    asked = len(server.log)
    again = tmp_path / "again.yaml"
    assert cli("records", "pull", FILM, "Tom Cruise", "Q708364", "-o", again, *online).code == 0
    assert len(server.log) == asked and again.read_text(encoding="utf-8") == text


def test_pull_to_standard_output_and_offline_from_the_cache(cli, fake, online, server):
    result = cli("records", "pull", "Tom Cruise", *online)
    assert result.code == 0 and result.err == ""
    data = load_yaml_text(result.out)
    assert data["entities"][0]["id"] == "tom-cruise"
    asked = len(server.log)
    offline = cli("records", "pull", "Tom Cruise", *online, "--offline")
    assert offline.code == 0 and offline.out == result.out and len(server.log) == asked


def load_yaml_text(text: str):
    from factcheck.yamlfile import parse_yaml

    return parse_yaml(text, "<stdout>")


def test_pull_replaces_a_file_atomically(cli, fake, online, tmp_path):
    target = tmp_path / "records.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert cli("records", "pull", "Tom Cruise", "-o", target, *online).code == 0
    assert target.read_text(encoding="utf-8").startswith("# Reference records pulled from Wikidata")
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "records.yaml"]


def one_line_error(result) -> str:
    assert result.code == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("factcheck: error: ")
    return lines[0]


def test_pull_failures_exit_2_with_one_line(cli, fake, online, tmp_path):
    fake.override(lambda request: json_response(fixture("wdtk_error.json")))
    assert "no-such-entity" in one_line_error(cli("records", "pull", "Q37079", *online))
    assert "no Wikidata item of a known type is named 'Nobody At All'" in one_line_error(cli("records", "pull", "Nobody At All", *online))
    assert "not in the Wikidata cache" in one_line_error(cli("records", "pull", "Q65767901", *online, "--offline"))
    assert "does not exist" in one_line_error(cli("records", "pull", "Tom Cruise", "-o", tmp_path / "no" / "x.yaml", *online))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = cli("records", "pull", "Tom Cruise", "--wikidata-url", f"http://127.0.0.1:{port}", "--cache-dir", tmp_path / "c2")
    assert "cannot connect" in one_line_error(down)
    assert not (tmp_path / "x.yaml").exists()


# -- validate --------------------------------------------------------------------------------

DEFECTS = textwrap.dedent("""\
    entities:
      - id: alpha
        type: film
        name: Alpha Film
        aliases: [The Alpha]
        facts:
          release_date: 2023-02-30
          runtime_minutes: 120
      - id: beta
        type: film
        name: Beta Film
        aliases:
          - Beta
          - The Alpha
        facts:
          release_date: [{value: "2023-13-01", region: US}]
        colour: blue
      - id: alpha
        type: person
        name: Gamma Person
        facts:
          birth_date: sometime in May
    """)


def test_validate_reports_every_planted_defect_with_its_line(cli, tmp_path):
    defects = tmp_path / "defects.yaml"
    defects.write_text(DEFECTS, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("entities:\n  - id: x\n    type: film\n    name: [unclosed\n  - id: y\n", encoding="utf-8")
    result = cli("records", "validate", defects, broken)
    assert result.code == 1
    lines = result.out.splitlines()
    expected = {
        f"{defects}:7: not a real date: 2023-02-30",
        f"{defects}:14: alias 'The Alpha' of record 'beta' is also a name of record 'alpha' ({defects}:5: 'The Alpha')",
        f"{defects}:16: not a real date: 2023-13-01",
        f"{defects}:17: warning: 'colour' beside the entity's name is read as a fact (facts usually go under 'facts:')",
        f"{defects}:18: duplicate record id 'alpha' (also at {defects}:2)",
        f"{defects}:22: warning: birth_date is a date, but 'sometime in May' is not one (kept as text, not compared): write YYYY-MM-DD or a year",
    }
    assert expected <= set(lines), lines
    bad_yaml = [line for line in lines if line.startswith(f"{broken}:")]
    assert len(bad_yaml) == 1 and bad_yaml[0].startswith(f"{broken}:5: invalid YAML")
    assert len(lines) == len(expected) + 1
    assert result.err.strip() == "factcheck: 5 problems in 2 files"  # the two warnings are no failure


def test_validate_accepts_good_files_and_folders(cli):
    result = cli("records", "validate", "fixtures/records")
    assert result.code == 0
    assert result.out.strip().startswith("OK: ") and len(result.out.strip().splitlines()) == 1


def test_validate_a_missing_path_is_a_usage_error(cli, tmp_path):
    assert "records path does not exist" in one_line_error(cli("records", "validate", tmp_path / "nope.yaml"))


def test_validate_non_utf8_and_non_mapping(cli, tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"entities:\n  - id: caf\xe9\n")
    listed = tmp_path / "list.yaml"
    listed.write_text("- just\n- a list\n", encoding="utf-8")
    result = cli("records", "validate", latin, listed)
    assert result.code == 1
    first, second = result.out.splitlines()
    assert first.startswith(f"{latin}:2: not UTF-8 text (byte 0xe9)") and "cp1252" in first
    assert second == f"{listed}:1: a records file must be a mapping with an 'entities:' list"


# -- show ------------------------------------------------------------------------------------


def test_show_a_local_record_with_the_line_of_each_fact(cli):
    result = cli("records", "show", "Mission Impossible 7", "--records", "fixtures/records")
    assert result.code == 0
    assert "mi-dead-reckoning-part-one (film): Mission: Impossible – Dead Reckoning Part One" in result.out
    assert "release_date = 2023-07-12 (US); 2023-07-14 (US, superseded)    [fixtures/records/mission-impossible.yaml:11]" in result.out
    assert "director = Christopher McQuarrie    [fixtures/records/mission-impossible.yaml:15]" in result.out
    by_id = cli("records", "show", "tom-cruise", "-r", "fixtures/records")
    assert "birth_date = 1962-07-03    [fixtures/records/mission-impossible.yaml:" in by_id.out


def test_show_online_names_the_item_and_property(cli, fake, online, server):
    result = cli("records", "show", "Tom Cruise", "--online", *online)
    assert result.code == 0, result.err
    assert "tom-cruise (person): Tom Cruise" in result.out
    assert f"from: Wikidata {server.url_for('/wiki/Q37079')}" in result.out
    assert "birth_date = 1962-07-03    [Wikidata Q37079 P569, retrieved " in result.out
    both = cli("records", "show", "Tom Cruise", "-r", "fixtures/records", "--online", *online)
    assert "[fixtures/records/mission-impossible.yaml:" in both.out and "[Wikidata Q37079 P569" in both.out
    film = cli("records", "show", "Q65767901", "--online", *online)
    assert "release_date = 2023-07-12 (United States); 2023-07-13 (Germany)    [Wikidata Q65767901 P577" in film.out


def test_show_unknown_is_a_usage_error(cli, tmp_path):
    assert "no record has the id or name 'Nobody'" in one_line_error(cli("records", "show", "Nobody", "-r", "fixtures/records"))
    assert "--records" in one_line_error(cli("records", "show", "Nobody"))


@pytest.mark.parametrize("name", sorted(RECORDS_COMMAND.commands))
def test_every_records_flag_is_described(cli, name):
    command = RECORDS_COMMAND.commands[name]
    result = cli("records", name, "--help")
    assert result.code == 0 and command.help
    for param in command.params:
        assert param.help, f"records {name}: {param.name} has no help text"
        for flag in getattr(param, "opts", []):
            if flag.startswith("-"):
                assert flag in result.out


def test_pull_with_hostile_labels_writes_a_file_check_reads(cli, fake, online, tmp_path):
    """Labels holding U+FFFF, DEL, C1 controls or a lone surrogate (issue 12, defect 14): the pulled
    file validates and checks; the odd characters are dropped at the boundary."""
    import copy
    import json

    from wikidata_fake import ENTITIES, json_response

    cruise = copy.deepcopy(ENTITIES["Q37079"])
    cruise["labels"]["en"]["value"] = "Tom\uffff Cru\x7fise\x85\x9b"
    cruise.setdefault("aliases", {}).setdefault("en", []).append({"language": "en", "value": "T. C.\x90"})
    body = json.dumps({"entities": {"Q37079": cruise}, "success": 1}, ensure_ascii=False)
    body = body.replace("T. C.", "T. C.\\ud800")  # a lone surrogate, as JSON may carry one
    fake.override(lambda request: json_response(body))
    target = tmp_path / "hostile.yaml"
    result = cli("records", "pull", "Q37079", "-o", target, *online)
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8")
    assert "Tom Cruise" in text and "\x7f" not in text and "\x9b" not in text and "\uffff" not in text
    assert cli("records", "validate", target).code == 0
    article = tmp_path / "a.md"
    article.write_text("Tom Cruise was born in 1962.\n")
    assert cli("check", article, "--records", target, "--published", "2024-01-01").code == 0


def test_validate_refuses_common_words_as_aliases(cli, tmp_path):
    """Issue 12 (also): 'The' or 'May' as an alias would link every 'The'/'May' of an article."""
    records = tmp_path / "words.yaml"
    records.write_text("entities:\n  - id: tt3\n    type: film\n    name: Toy Tales 3\n    aliases: [The, May, TT3]\n"
                       "    facts:\n      release_date: 2010-06-18\n", encoding="utf-8")
    result = cli("records", "validate", records)
    assert result.code == 1
    assert sorted(result.out.splitlines()) == [
        f"{records}:5: alias 'May' of record 'tt3' is a common word: it would link every 'May' in an article",
        f"{records}:5: alias 'The' of record 'tt3' is a common word: it would link every 'The' in an article",
    ], result.out
