"""`check --online`: an entity no local record covers is checked against Wikidata (a local
server replaying recorded-shape responses), cached, and never needed offline."""

from __future__ import annotations

import pytest

from wikidata_fake import json_response

ARTICLE = (
    "---\ndate: 2023-06-01\n---\n"
    "Tom Cruise returns in Mission: Impossible – Dead Reckoning Part One, which hits theaters on July 19, 2023.\n"
)






@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _online(server, tmp_path):
    return ["--wikidata-url", server.url_for("/").rstrip("/"), "--cache-dir", str(tmp_path / "cache")]


def test_online_check_reports_a_wrong_release_date_with_the_wikidata_item(cli, fake, server, article, tmp_path):
    result = cli("check", article, "--online", "--format", "json", *_online(server, tmp_path))
    assert result.code == 1, result.err
    findings = result.json()["files"][0]["findings"]
    wrong = [f for f in findings if f["text"] == "July 19, 2023"]
    assert len(wrong) == 1, findings
    assert wrong[0]["rule"] == "date-contradicts-record"
    assert wrong[0]["suggestion"] == "July 12, 2023"
    # the evidence cites the server that served the data (here the local one), not wikidata.org
    assert wrong[0]["evidence"]["source"] == server.url_for("/wiki/Q65767901") + "#P577"
    assert wrong[0]["evidence"]["fact"] == "release_date"
    assert "2023-07-12 (United States)" in wrong[0]["evidence"]["value"]


def test_a_second_run_is_served_from_the_cache_and_offline_makes_no_request(cli, fake, server, article, tmp_path):
    flags = _online(server, tmp_path)
    first = cli("check", article, "--online", "--no-cache", "--format", "json", *flags)
    asked = len(server.log)
    assert asked > 0
    second = cli("check", article, "--online", "--no-cache", "--format", "json", *flags)
    assert len(server.log) == asked  # nothing asked the second time
    assert second.json() == first.json()
    offline = cli("check", article, "--offline", "--no-cache", "--format", "json", *flags)
    assert len(server.log) == asked
    assert offline.json() == first.json()


def test_local_records_win_over_wikidata(cli, fake, server, article, tmp_path):
    records = tmp_path / "records.yaml"
    records.write_text(
        "entities:\n  - id: local-film\n    type: film\n    name: \"Mission: Impossible – Dead Reckoning Part One\"\n"
        "    facts:\n      release_date: 2023-07-19\n", encoding="utf-8")
    result = cli("check", article, "--online", "--records", records, "--format", "json", *_online(server, tmp_path))
    assert [f for f in result.json()["files"][0]["findings"] if f["rule"] == "date-contradicts-record"] == []


@pytest.mark.parametrize("fault", ["down", "500", "garbage", "429"])
def test_a_failing_wikidata_is_one_warning_and_the_check_completes(cli, fake, server, article, tmp_path, fault):
    if fault == "down":
        flags = ["--wikidata-url", "http://127.0.0.1:9", "--cache-dir", str(tmp_path / "cache")]
    else:
        answers = {
            "500": lambda request: json_response("{}", status=500),
            "garbage": lambda request: json_response("<html>not json"),
            "429": lambda request: json_response("{}", status=429, headers={"Retry-After": "3600"}),
        }
        fake.override(*[answers[fault]] * 20)
        flags = _online(server, tmp_path)
    result = cli("check", article, "--online", "--format", "json", *flags)
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("factcheck: warning:")]
    assert len(warnings) == 1, result.err
    assert "Traceback" not in result.err
    assert result.json()["files"][0]["findings"] == []


def test_an_entity_with_hostile_labels_does_not_cancel_the_look_up(cli, fake, server, article, tmp_path, monkeypatch):
    """Issue 12, defect 14: a label holding U+FFFF, DEL or C1 controls once made one entity cancel the
    whole online look-up; the odd characters are dropped and the film is still checked."""
    import copy

    from wikidata_fake import ENTITIES

    cruise = copy.deepcopy(ENTITIES["Q37079"])
    cruise["labels"]["en"]["value"] = "Tom\uffff Cru\x7fise\x85\x9b"
    cruise.setdefault("aliases", {}).setdefault("en", []).append({"language": "en", "value": "T. C.\x90"})
    monkeypatch.setitem(ENTITIES, "Q37079", cruise)
    result = cli("check", article, "--online", "--format", "json", *_online(server, tmp_path))
    assert result.code == 1, result.err
    findings = result.json()["files"][0]["findings"]
    assert [f["suggestion"] for f in findings if f["text"] == "July 19, 2023"] == ["July 12, 2023"], findings
    assert not any(c in result.out + result.err for c in "\uffff\x7f\x85\x9b\x90")
    assert any("Q37079" in request.get("ids", "") for request in fake.requests)  # the hostile entity was read
