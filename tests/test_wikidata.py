"""factcheck.wikidata against a real HTTP server on 127.0.0.1 serving recorded (and recorded-shape) answers."""

from __future__ import annotations

import copy
import datetime as dt
import json
import socket
import time

import pytest
from werkzeug import Request, Response

from conftest import within
from factcheck import __version__
from factcheck.errors import UserError
from factcheck.model import Record
from factcheck.wikidata import (
    TYPE_CLASSES,
    WikidataError,
    WikidataSource,
    _publication_places,
    _record,
    best_statements,
    item_id,
    julian_to_gregorian,
    time_value,
)
from wikidata_fake import ENTITIES, FakeWikidata, fixture, json_response

FILM = "Mission: Impossible – Dead Reckoning Part One"
TODAY = dt.datetime.now(dt.timezone.utc).date().isoformat()




@pytest.fixture
def fake(server, release):
    server.clear()
    wikidata = FakeWikidata()
    server.expect_request("/w/api.php").respond_with_handler(wikidata.handler)
    yield wikidata
    release.set()
    wikidata.wait_idle()
    server.clear()


@pytest.fixture
def make(server, tmp_path):
    """A WikidataSource on the local server, with fast retries; its warnings collected in .warnings."""

    def build(**options) -> WikidataSource:
        warnings: list[str] = []
        settings = dict(base_url=server.url_for("/"), cache_dir=tmp_path / "cache", warn=warnings.append,
                        timeout=2.0, min_interval=0, max_sleep=0.05, backoff=0.01)
        settings.update(options)
        source = WikidataSource(**settings)
        source.warnings = warnings
        return source

    return build


def api_requests(server) -> list[dict[str, str]]:
    return [dict(request.args) for request, _ in server.log]


def facts(record: Record, key: str) -> list:
    return [value.value for value in record.facts.get(key, ())]


# -- what a pull brings back ---------------------------------------------------------------


def test_pull_film_maps_the_statements_to_facts(fake, make, server):
    record = make().pull(FILM)
    assert (record.id, record.type, record.name) == ("mission-impossible-dead-reckoning-part-one", "film", FILM)
    assert record.origin == "wikidata:Q65767901"
    assert record.sources[0] == server.url_for("/wiki/Q65767901")  # the server that served it
    assert "Dead Reckoning Part One" in record.aliases
    release = {(v.value, v.qualifiers.get("region"), v.qualifiers.get("region_code")) for v in record.facts["release_date"]}
    # the deprecated 2023-07-14 statement is ignored
    assert release == {(dt.date(2023, 7, 12), "United States", "US"), (dt.date(2023, 7, 13), "Germany", "DE")}
    assert [(v.value, v.qualifiers["place"]) for v in record.facts["premiere_date"]] == [(dt.date(2023, 6, 19), "Rome")]
    assert facts(record, "director") == ["Christopher McQuarrie"]
    assert facts(record, "cast")[:3] == ["Tom Cruise", "Hayley Atwell", "Ving Rhames"]
    assert facts(record, "installment") == [7]
    assert record.facts["installment"][0].qualifiers["series"] == "Mission: Impossible"
    assert facts(record, "series") == ["Mission: Impossible"]
    assert facts(record, "runtime_minutes") == [163]
    for key, values in record.facts.items():
        for value in values:
            assert value.qualifiers["retrieved"] == TODAY
            assert value.qualifiers["property"].startswith("P")
    assert record.facts["release_date"][0].qualifiers["property"] == "P577"
    assert record.facts["installment"][0].qualifiers["property"] == "P1545"


def test_pull_person_by_name_and_by_id(fake, make):
    source = make()
    by_name = source.pull("Tom Cruise")
    assert (by_name.id, by_name.type) == ("tom-cruise", "person")
    assert facts(by_name, "birth_date") == [dt.date(1962, 7, 3)]
    assert by_name.facts["birth_date"][0].qualifiers["property"] == "P569"
    assert facts(by_name, "birth_place") == ["Syracuse"]
    by_id = source.pull("q37079")
    assert by_id == by_name and by_id.facts == by_name.facts


def test_recorded_person_with_old_style_values(fake, make, server):
    """The recorded Douglas Adams answer: item values with only numeric-id."""
    record = make().pull("Douglas Adams")
    assert facts(record, "birth_date") == [dt.date(1952, 3, 11)]
    assert facts(record, "death_date") == [dt.date(2001, 5, 11)]
    assert facts(record, "birth_place") == ["Cambridge"]
    assert record.sources == (server.url_for("/wiki/Q42"), "https://en.wikipedia.org/wiki/Douglas_Adams")


def test_the_default_server_is_cited_as_wikidata_org(tmp_path):
    source = WikidataSource(cache_dir=tmp_path / "c")
    assert source.item_url.format("Q42") == "https://www.wikidata.org/wiki/Q42"
    mirrored = WikidataSource(base_url="https://user:secret@mirror.example.org/", cache_dir=tmp_path / "c")
    assert mirrored.item_url.format("Q42") == "https://mirror.example.org/wiki/Q42"  # never the credentials


def test_recorded_ranks_and_precision(fake, make):
    """Q2112 Bielefeld (recorded): a deprecated P31, one preferred population among 17, a year-precision inception."""
    record = make().pull("Bielefeld")
    assert record.type == "place"
    assert facts(record, "population") == [334002]
    assert record.facts["population"][0].qualifiers["as_of"] == "2021-12-31"
    assert facts(record, "founded") == [1214]  # precision 9: a year, not 1 January


def test_redirect_is_followed_and_cached_under_both_ids(fake, make, server):
    record = make().pull("Q32063953")
    assert (record.origin, record.name, record.type) == ("wikidata:Q1040", "Karlsruhe", "place")
    asked = len(server.log)
    again = make(offline=True).pull("Q1040")
    assert again.origin == "wikidata:Q1040" and len(server.log) == asked


def test_requests_identify_themselves_and_are_batched(fake, make, server):
    make().pull(FILM)
    requests_seen = [request for request, _ in server.log]
    assert len(requests_seen) == 3  # search, the item, the labels of everything it links to
    for request in requests_seen:
        agent = request.headers["User-Agent"]
        assert agent.startswith(f"factcheck/{__version__} (https://github.com/factcheck/factcheck) python-requests/")
        assert request.args["maxlag"] == "5" and request.args["format"] == "json"
    search, item, labels = (dict(r.args) for r in requests_seen)
    assert search["action"] == "wbsearchentities" and search["language"] == "en" and search["search"] == FILM
    assert item["action"] == "wbgetentities" and item["ids"] == "Q65767901"
    assert set(item["props"].split("|")) == {"labels", "aliases", "descriptions", "claims", "sitelinks"}
    assert "en" in item["languages"].split("|")
    assert labels["props"] == "labels"
    linked = set(labels["ids"].split("|"))
    assert {"Q30", "Q183", "Q220", "Q708364", "Q37079", "Q2484680"} <= linked and len(linked) <= 50


def test_more_than_fifty_ids_are_split_into_batches(fake, make, server):
    source = make()
    ids = [f"Q{n}" for n in range(1000, 1075)]
    source._entities(ids, full=False, misses=[])
    sizes = [len(args["ids"].split("|")) for args in api_requests(server)]
    assert sizes == [50, 25]


# -- the cache -------------------------------------------------------------------------------


def test_second_identical_call_is_served_from_the_cache(fake, make, server):
    first = make().pull(FILM)
    asked = len(server.log)
    assert asked == 3
    second = make().pull(FILM)  # a new source (a new run) on the same cache folder
    assert len(server.log) == asked
    assert second == first and second.facts == first.facts
    found = make().records_for([(FILM, "work")])
    assert len(server.log) == asked and [r.id for r in found] == [first.id]


def test_expired_entries_are_fetched_again(fake, make, server):
    make().pull("Tom Cruise")
    asked = len(server.log)
    make(ttl_days=0).pull("Tom Cruise")
    assert len(server.log) == 2 * asked


def test_offline_makes_no_request(fake, make, server):
    source = make(offline=True)
    assert source.records_for([("Tom Cruise", "person"), (FILM, "work")]) == []
    assert len(source.warnings) == 1 and "offline" in source.warnings[0] and "Tom Cruise" in source.warnings[0]
    with pytest.raises(UserError, match="not in the Wikidata cache"):
        source.pull("Tom Cruise")
    assert server.log == []


def test_offline_uses_what_an_online_run_cached(fake, make, server):
    online = make().records_for([("Tom Cruise", "person"), (FILM, "work")])
    asked = len(server.log)
    source = make(offline=True, ttl_days=0)  # old entries still serve offline
    again = source.records_for([(FILM, "work"), ("Tom Cruise", "person")])
    assert len(server.log) == asked and source.warnings == []
    assert sorted(r.id for r in again) == sorted(r.id for r in online)
    assert {r.id: r.facts for r in again} == {r.id: r.facts for r in online}


# -- which names resolve --------------------------------------------------------------------


def test_records_for_keeps_only_confident_matches(fake, make):
    source = make()
    records = source.records_for([
        ("Tom Cruise", "person"),
        ("Dead Reckoning Part One", "work"),  # an alias of the film
        ("Christopher McQuarrie", "org"),  # found, but a person: wrong type
        ("Nobody At All", "person"),  # no hit
        ("Mission: Impossible", "work"),  # no exact hit
    ])
    assert sorted(r.id for r in records) == ["mission-impossible-dead-reckoning-part-one", "tom-cruise"]
    assert source.warnings == []


def test_pull_refuses_items_of_unknown_type_and_unknown_names(fake, make):
    source = make()
    with pytest.raises(UserError, match=r"Q4132785 \(Bring the Jubilee\) is not of a type"):
        source.pull("Q4132785")  # a novel (recorded)
    with pytest.raises(UserError, match="no Wikidata item of a known type is named 'Nobody At All'"):
        source.pull("Nobody At All")


# -- faults ----------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_one_line_warning(source: WikidataSource, *words: str) -> None:
    assert len(source.warnings) == 1, source.warnings
    warning = source.warnings[0]
    assert "\n" not in warning
    for word in words:
        assert word in warning


def test_server_down(make, tmp_path):
    source = make(base_url=f"http://127.0.0.1:{closed_port()}")
    started = time.monotonic()
    assert source.records_for([("Tom Cruise", "person"), (FILM, "work")]) == []
    assert time.monotonic() - started < within(3)
    assert_one_line_warning(source, "cannot connect", "gave up after 3 tries")
    # a later lookup in the same run does not wait on the dead server again, nor warn again
    assert source.records_for([("Christopher McQuarrie", "person")]) == [] and len(source.warnings) == 1
    with pytest.raises(UserError, match="cannot connect") as caught:
        make(base_url=f"http://127.0.0.1:{closed_port()}").pull("Tom Cruise")
    assert "\n" not in str(caught.value)


@pytest.mark.slow  # waits out a deadline
def test_timeout(fake, make, release, server):
    def slow(request: Request) -> Response:
        release.wait(10)
        return json_response(fixture("wdtk_wbsearchentities-empty.json"))

    fake.override(slow, slow, slow)
    source = make(timeout=0.2, max_tries=3)
    started = time.monotonic()
    assert source.records_for([("Tom Cruise", "person")]) == []
    elapsed = time.monotonic() - started
    assert elapsed < 0.2 * 3 + 1.0
    assert_one_line_warning(source, "no answer", "0.2 s")
    fake.override(slow, slow)
    started = time.monotonic()
    with pytest.raises(UserError, match="no answer"):
        make(timeout=0.2, max_tries=2).pull("Tom Cruise")
    assert time.monotonic() - started < within(0.2 * 2 + 1.0)


@pytest.mark.slow  # waits out a deadline
def test_429_with_retry_after_is_honoured_then_succeeds(fake, make, server):
    fake.override(lambda request: Response("Too Many Requests", status=429, headers={"Retry-After": "1"}))
    source = make(max_sleep=2)
    started = time.monotonic()
    records = source.records_for([("Tom Cruise", "person")])
    assert time.monotonic() - started >= 1.0
    assert [r.id for r in records] == ["tom-cruise"] and source.warnings == []
    searches = [a for a in api_requests(server) if a["action"] == "wbsearchentities"]
    assert len(searches) == 2


def test_retry_after_longer_than_the_cap_gives_up_without_retrying_early(fake, make, server):
    fake.override(lambda request: Response("", status=429, headers={"Retry-After": "120"}))
    source = make(max_sleep=0.5)
    started = time.monotonic()
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert time.monotonic() - started < within(1)
    assert_one_line_warning(source, "HTTP 429", "retry after 120 s")
    assert len(server.log) == 1


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors(fake, make, server, status):
    fake.override(*[lambda request: Response("oops", status=status)] * 3)
    source = make()
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, f"HTTP {status}", "gave up after 3 tries")
    assert len(server.log) == 3
    fake.override(*[lambda request: Response("oops", status=status)] * 3)
    with pytest.raises(UserError, match=f"HTTP {status}"):
        make().pull("Tom Cruise")


def test_malformed_json(fake, make):
    broken = lambda request: Response('{"search": [', status=200, content_type="application/json")  # noqa: E731
    fake.override(broken, broken, broken)
    source = make()
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, "not JSON")
    html = lambda request: Response("<html>Bad Request</html>", content_type="text/html")  # noqa: E731
    fake.override(html, html, html)
    with pytest.raises(UserError, match=r"not JSON \(text/html\)"):
        make().pull("Tom Cruise")


@pytest.mark.parametrize("body", ["wdtk_error-maxlag.json", "wdtk_error-maxlag-full.json"])
def test_maxlag_error_is_retried_then_reported(fake, make, server, body):
    lagged = lambda request: json_response(fixture(body), headers={"Retry-After": "0", "X-Database-Lag": "3"})  # noqa: E731
    fake.override(lagged, lagged, lagged)
    source = make()
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, "lagged")
    assert len(server.log) == 3
    fake.override(lagged, lagged, lagged)
    with pytest.raises(UserError, match="lagged"):
        make().pull("Tom Cruise")


def test_maxlag_once_then_success(fake, make):
    fake.override(lambda request: json_response(fixture("wdtk_error-maxlag.json"), headers={"Retry-After": "0"}))
    source = make()
    assert [r.id for r in source.records_for([("Tom Cruise", "person")])] == ["tom-cruise"]
    assert source.warnings == []


def test_maxlag_without_retry_after_waits_five_seconds_or_gives_up(fake, make, server):
    fake.override(lambda request: json_response(fixture("wdtk_error-maxlag.json")))
    source = make(max_sleep=1)
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, "lagged", "retry after 5 s")
    assert len(server.log) == 1


def test_missing_item(fake, make):
    with pytest.raises(UserError, match="Wikidata has no item Q6"):
        make().pull("Q6")  # answered from the recorded Q6|Q42|P31 response: {"id": "Q6", "missing": ""}
    missing = json.loads(fixture("wdtk_wbgetentities-Q6-Q42-P31.json"))["entities"]["Q6"]

    def gone(request: Request) -> Response:
        return json_response(json.dumps({"entities": {"Q37079": dict(missing, id="Q37079")}, "success": 1}))

    source = make()
    fake.override(fake.answer, gone)  # the search finds Q37079, the item is gone
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, "Q37079", "no such item")


@pytest.mark.parametrize("body", ["wdtk_error.json", "wdtk_wbgetentities-bogus.json"])
def test_no_such_entity_error(fake, make, body):
    error = lambda request: json_response(fixture(body))  # noqa: E731
    source = make()
    fake.override(fake.answer, error)
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert_one_line_warning(source, "no-such-entity", "Could not find such an entity")
    fake.override(error)
    with pytest.raises(UserError, match="Wikidata API error no-such-entity"):
        make().pull("Q37079")


def test_bad_id_in_a_request_gets_the_recorded_error(fake, make):
    with pytest.raises(WikidataError, match="no-such-entity"):
        make()._entities(["bogus"], full=True)


def test_a_failure_after_the_item_gives_a_partial_record(fake, make):
    failing = lambda request: Response("oops", status=500)  # noqa: E731
    fake.override(fake.answer, fake.answer, failing, failing, failing)  # the labels call fails
    source = make()
    records = source.records_for([(FILM, "work")])
    assert [r.id for r in records] == ["mission-impossible-dead-reckoning-part-one"]
    record = records[0]
    assert facts(record, "release_date") and facts(record, "installment") == [7] and facts(record, "runtime_minutes") == [163]
    assert "director" not in record.facts  # its label could not be fetched
    assert_one_line_warning(source, "HTTP 500")


def test_warnings_in_an_answer_are_not_failures(fake, make):
    recorded = json.loads(fixture("wdtk_warnings.json"))

    def with_warnings(request: Request) -> Response:
        body = json.loads(fake.answer(request).get_data(as_text=True))
        return json_response(json.dumps({**recorded, **body}))

    fake.override(with_warnings)
    source = make()
    assert [r.id for r in source.records_for([("Tom Cruise", "person")])] == ["tom-cruise"]
    assert source.warnings == []


def test_environment_variable_sets_the_url(fake, server, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_WIKIDATA_URL", server.url_for("/"))
    source = WikidataSource(cache_dir=tmp_path / "c", min_interval=0)
    assert source.pull("Tom Cruise").id == "tom-cruise"
    with pytest.raises(UserError, match="must be an http"):
        WikidataSource(base_url="ftp://example.org", cache_dir=tmp_path / "c")


def test_requests_are_spaced_out(fake, make, server):
    source = make(min_interval=0.2)
    started = time.monotonic()
    source.pull(FILM)  # three requests
    assert time.monotonic() - started >= 0.4


# -- values ----------------------------------------------------------------------------------


def snak(time_text: str, precision: int, calendar: str = "Q1985727") -> dict:
    return {"snaktype": "value", "property": "P577", "datatype": "time", "datavalue": {"type": "time", "value": {
        "time": time_text, "timezone": 0, "before": 0, "after": 0, "precision": precision,
        "calendarmodel": f"http://www.wikidata.org/entity/{calendar}"}}}


def test_time_precision():
    assert time_value(snak("+2023-07-12T00:00:00Z", 11)) == (dt.date(2023, 7, 12), {})
    assert time_value(snak("+00000001952-03-11T00:00:00Z", 11)) == (dt.date(1952, 3, 11), {})  # the old padded form
    assert time_value(snak("+2023-07-00T00:00:00Z", 10)) == (2023, {"precision": "month", "month": "2023-07"})
    assert time_value(snak("+1953-00-00T00:00:00Z", 9)) == (1953, {})
    assert time_value(snak("+1960-00-00T00:00:00Z", 8)) is None  # a decade
    assert time_value(snak("-0500-00-00T00:00:00Z", 9)) is None
    assert time_value({"snaktype": "somevalue", "property": "P569"}) is None
    recorded = ENTITIES["Q4132785"]["claims"]["P577"][0]["mainsnak"]
    assert time_value(recorded) == (1953, {})


def test_julian_calendar_values_are_converted():
    assert julian_to_gregorian(1582, 10, 5) == dt.date(1582, 10, 15)
    assert julian_to_gregorian(1700, 2, 29) == dt.date(1700, 3, 11)
    assert time_value(snak("+1582-10-05T00:00:00Z", 11, "Q1985786")) == (dt.date(1582, 10, 15), {"calendar": "julian"})
    recorded = ENTITIES["Q2112"]["claims"]["P1249"][0]["mainsnak"]  # "+1214-00-00", precision 9, Julian
    assert time_value(recorded) == (1214, {})


def test_items_with_only_a_numeric_id():
    recorded = ENTITIES["Q4132785"]["claims"]["P31"][0]["mainsnak"]
    assert item_id(recorded) == "Q571"


def test_preferred_rank_wins_per_place_of_publication():
    statements = copy.deepcopy(ENTITIES["Q65767901"]["claims"]["P577"])
    statements[1]["rank"] = "preferred"  # Germany's date
    statements.append(dict(copy.deepcopy(statements[0]), rank="normal"))
    statements[-1]["mainsnak"]["datavalue"]["value"]["time"] = "+2023-07-20T00:00:00Z"
    statements[-1]["rank"] = "preferred"  # a preferred US date beats the normal one
    kept = best_statements(statements, _publication_places)
    times = sorted(s["mainsnak"]["datavalue"]["value"]["time"][1:11] for s in kept)
    assert times == ["2023-07-13", "2023-07-20"]
    assert len(best_statements(statements)) == 2  # without grouping: only the preferred ones


def test_duration_units_are_converted_to_minutes():
    entity = copy.deepcopy(ENTITIES["Q65767901"])
    value = entity["claims"]["P2047"][0]["mainsnak"]["datavalue"]["value"]
    for amount, unit, minutes in (("+2.5", "Q25235", 150), ("+9780", "Q11574", 163), ("+163", "Q7727", 163), ("+3", "Q11573", None)):
        value.update(amount=amount, unit=f"http://www.wikidata.org/entity/{unit}")
        record = _record(dict(entity, _fetched=0), {})
        assert facts(record, "runtime_minutes") == ([minutes] if minutes else [])


def test_type_classes_cover_the_brief():
    for qid, kind in {"Q11424": "film", "Q24862": "film", "Q5": "person", "Q43229": "organisation",
                      "Q4830453": "organisation", "Q783794": "organisation", "Q891723": "organisation",
                      "Q6881511": "organisation", "Q7278": "organisation", "Q40231": "event"}.items():
        assert TYPE_CLASSES[qid] == kind


@pytest.mark.slow  # waits out a deadline
def test_a_dripping_server_meets_the_request_deadline(fake, make):
    """A server that sends a byte now and then (issue 12, defect 6): each request ends at its timeout."""
    import time as clock

    from werkzeug.wrappers import Response

    def drip(request):
        def body():
            yield b"{"
            for _ in range(50):
                clock.sleep(0.1)  # the server's pace, the stimulus; the test waits for nothing
                yield b" "
        return Response(body(), content_type="application/json", headers={"Content-Length": "1000"})

    fake.override(*[drip] * 10)
    source = make(timeout=0.5, max_tries=2)
    began = clock.monotonic()
    assert source.records_for([("Tom Cruise", "person")]) == []
    assert clock.monotonic() - began < 2 * 0.5 + 1.0
    assert any("no answer" in warning for warning in source.warnings), source.warnings


@pytest.mark.slow  # waits out a deadline
def test_online_look_ups_end_within_their_total_budget(fake, make):
    """A server that answers, but slowly: the run's look-ups stop at the budget and say so."""
    import time as clock

    def slow(request):
        clock.sleep(0.3)  # the server's pace, the stimulus
        return fake.answer(request)

    fake.override(*[slow] * 40)
    source = make(timeout=2.0, budget=1.0)
    names = [(name, "person") for name in ("Tom Cruise", "Hayley Atwell", "Ving Rhames", "Simon Pegg", "Rebecca Ferguson",
                                           "Vanessa Kirby", "Esai Morales", "Pom Klementieff", "Henry Czerny", "Shea Whigham")]
    began = clock.monotonic()
    source.records_for(names)
    assert clock.monotonic() - began < 1.0 + 0.5
    assert any("budget" in warning for warning in source.warnings), source.warnings
