"""Records as newsrooms write them: any key, any reasonable YAML shape, read as it is."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from factcheck.errors import UserError
from factcheck.facts import describe_key
from factcheck.model import DateValue
from factcheck.records import parse_records
from factcheck.yamlfile import parse_yaml

NEWSROOM = textwrap.dedent("""\
    entities:
      - id: oppenheimer
        type: film
        name: Oppenheimer
        facts:
          release_date: 2023-07-21
          release_year: 2023
          crewed: false
          roles: {"Cillian Murphy": "J. Robert Oppenheimer", "Emily Blunt": "Kitty Oppenheimer"}
          awards: {golden_ball: "Aitana Bonmatí", best_young_player: "Salma Paralluelo"}
          opening_weekend_domestic_usd: 82400000
          worldwide_gross_usd_as_of_2023_08_06: 552900000
          revenue:
            - {value: 1200000000, year: 2024}
            - {value: 310000000, quarter: Q3, year: 2025}
          box_office: [{year: 2023, domestic_usd: 326000000}, {year: 2024, domestic_usd: 329000000}]
          cast: ["Cillian Murphy", "Emily Blunt"]
          notes: ~
      - id: 42
        name: Nameless Type
        born: 1962-07-03
    """)


def records():
    return {record.id: record for record in parse_records(parse_yaml(NEWSROOM, "n.yaml"), "n.yaml")}


def test_every_shape_is_read():
    film = records()["oppenheimer"]
    facts = film.facts
    assert [v.value for v in facts["release_date"]] == [dt.date(2023, 7, 21)]
    assert facts["crewed"][0].value is False
    assert [(v.value, v.qualifiers["detail"]) for v in facts["roles"]] == [
        ("Cillian Murphy", "J. Robert Oppenheimer"), ("Emily Blunt", "Kitty Oppenheimer")]
    assert facts["awards.golden_ball"][0].value == "Aitana Bonmatí"
    assert facts["opening_weekend_domestic_usd"][0].qualifiers["unit"] == "USD"
    assert facts["worldwide_gross_usd_as_of_2023_08_06"][0].qualifiers["as_of"] == dt.date(2023, 8, 6)
    assert [(v.value, v.qualifiers.get("quarter")) for v in facts["revenue"]] == [(1200000000, None), (310000000, "Q3")]
    assert [(v.value, v.qualifiers["year"]) for v in facts["box_office.domestic_usd"]] == [(326000000, 2023), (329000000, 2024)]
    assert "notes" not in facts  # an empty value is no fact


def test_an_entity_without_a_type_and_with_facts_beside_its_name():
    other = records()["42"]
    assert other.type == "entity"
    assert other.facts["born"][0].value == dt.date(1962, 7, 3)


@pytest.mark.parametrize("key, words, unit, year, as_of", [
    ("opening_weekend_domestic_usd", ("opening", "weekend", "domestic"), "USD", None, None),
    ("worldwide_gross_usd_as_of_2022_12_29", ("worldwide", "gross"), "USD", None, dt.date(2022, 12, 29)),
    ("revenue_fy2023", ("revenue",), None, 2023, None),
    ("runtime_minutes", ("runtime",), "minute", None, None),
    ("length_km", ("length",), "kilometer", None, None),
    ("turnout_percent", ("turnout",), "percent", None, None),
    ("release_year", ("release",), "year", None, None),
    ("age_at_final", ("age",), None, None, None),  # "at final" is the scope: describe_key(...).scope
    ("population_2020", ("population",), None, 2020, None),
    # a word pint would read as an obscure unit, or with a prefix, is a word: "section" (a square survey
    # mile), "pm" (a picometre), "us" (a microsecond); "in" ends a verb's phrase unless a length comes before
    ("opening_section", ("opening", "section"), None, None, None),
    ("appointed_pm", ("appointed", "pm"), None, None, None),
    ("nomination_threshold_mps", ("nomination", "threshold", "mps"), None, None, None),  # MPs, not metres a second
    ("sworn_in", ("sworn",), None, None, None),
    ("rainfall_in", ("rainfall",), "inch", None, None),
    ("height_ft", ("height",), "foot", None, None),
    # a bare "m" after a length's word is metres; after a currency millions; else a word (`viewers_m`)
    ("tower_height_above_high_tide_m", ("tower", "height", "above", "high", "tide"), "meter", None, None),
    ("viewers_m", ("viewers", "m"), None, None, None),
    # a key is lower case, where pint reads a power's symbol by its case: `_gw` is gigawatts, `_mwh` megawatt-hours
    ("planned_capacity_gw", ("planned", "capacity"), "gigawatt", None, None),
    ("annual_output_mwh", ("annual", "output"), "megawatt_hour", None, None),
    ("prize_money_sek", ("prize", "money"), "SEK", None, None),
    ("rank_among_costliest_us_hurricanes", ("rank",), None, None, None),
])
def test_key_suffixes_say_unit_and_time(key, words, unit, year, as_of):
    meaning = describe_key(key)
    assert (meaning.words, meaning.unit, meaning.year, meaning.as_of) == (words, unit, year, as_of)


@pytest.mark.parametrize("value, message", [(".inf", "inf is not a number"), (".nan", "nan is not a number")])
def test_values_no_record_can_hold_are_errors_with_a_line(value, message):
    text = f"entities:\n  - id: x\n    name: X\n    facts:\n      gross: {value}\n"
    with pytest.raises(UserError) as error:
        parse_records(parse_yaml(text, "r.yaml"), "r.yaml")
    assert error.value.line == 5 and message in error.value.message


def test_duplicate_keys_are_errors_with_the_line():
    with pytest.raises(UserError) as error:
        parse_yaml("entities:\n  - id: x\n    name: X\n    id: y\n", "r.yaml")
    assert error.value.line == 4 and "duplicate key 'id' (first at line 2)" in error.value.message


def test_a_common_word_alias_never_links():
    from factcheck.records import RecordSet
    from factcheck.text import name_key

    text = "entities:\n  - id: may-day\n    name: May Day Festival\n    aliases: [May, The, Mayday]\n"
    record_set = RecordSet()
    for record in parse_records(parse_yaml(text, "r.yaml"), "r.yaml"):
        record_set.add(record)
    assert name_key("May") not in record_set.by_name and name_key("The") not in record_set.by_name
    assert name_key("Mayday") in record_set.by_name


def test_records_named_twice_are_read_once(cli, tmp_path, monkeypatch):
    """`factcheck init` puts records = ["records"] in the config; the README's hook passes
    --records records as well: the same folder, read once (no duplicate-id error)."""
    from conftest import SEED

    monkeypatch.chdir(tmp_path)
    assert cli("init", ".").code == 0
    (tmp_path / "story.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for extra in (["--records", "records"], ["--records", "records", "--records", str(next((tmp_path / "records").glob("*.y*ml")))]):
        result = cli("check", "story.md", *extra, "--fail-on", "never", "--no-cache")
        assert result.code == 0, result.err


def test_a_date_written_in_words_is_a_date():
    """"December 2018" is a month; "15 September 2018 v Liverpool" a day with a note; "September 2021
    (jury selected 2021-08-31)" both; "fall 2028" and "about 30,000" stay text."""
    text = ("entities:\n  - id: x\n    name: X\n    facts:\n      planned: December 2018\n"
            "      opened: 15 September 2018 v Liverpool\n      trial: September 2021 (jury selected 2021-08-31)\n"
            "      target: fall 2028\n      traffic: about 30,000\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert facts["planned"][0].value == DateValue(dt.date(2018, 12, 1), dt.date(2018, 12, 31), "month")
    assert str(facts["planned"][0]).startswith("December 2018")
    assert [v.value for v in facts["opened"]] == [dt.date(2018, 9, 15)]
    assert [v.value for v in facts["trial"]] == [DateValue(dt.date(2021, 9, 1), dt.date(2021, 9, 30), "month"), dt.date(2021, 8, 31)]
    assert facts["trial"][0].qualifiers["written"] == "September 2021 (jury selected 2021-08-31)"
    assert [v.value for v in facts["target"]] == ["fall 2028"] and [v.value for v in facts["traffic"]] == ["about 30,000"]


def test_a_number_in_exponent_form_is_a_number():
    """`revenue_usd: 22.1e9` is what YAML 1.1 reads as text (it wants "22.1e+9"); a newsroom means the
    number, and a phrase around one ("about 20.6e9") stays text."""
    text = ("entities:\n  - id: x\n    name: X\n    facts:\n      revenue_usd: 22.1e9\n      segment_usd: 463e6\n"
            "      net_income_usd: 12.285e9\n      estimate_usd: about 20.6e9\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [facts[key][0].value for key in ("revenue_usd", "segment_usd", "net_income_usd")] == [22_100_000_000, 463_000_000, 12_285_000_000]
    assert facts["estimate_usd"][0].value == "about 20.6e9"


def test_a_table_by_name_gives_each_item_its_figures_and_a_key_s_year_holds_for_its_sub_facts():
    """`results: {ANC: {vote_percent: 40.18, seats: 159}}` keeps ANC as a value and gives `results.seats`
    159 for the item ANC; `anc_2019: {vote_percent: 57.5}` is 2019's."""
    text = ("entities:\n  - id: e\n    name: E\n    facts:\n      results:\n        ANC: {vote_percent: 40.18, seats: 159}\n"
            "        DA: {vote_percent: 21.81, seats: 87}\n      anc_2019: {vote_percent: 57.5, seats: 230}\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [v.value for v in facts["results"]] == ["ANC", "DA"]
    assert [(v.value, v.qualifiers["item"]) for v in facts["results.seats"]] == [(159, "ANC"), (87, "DA")]
    assert [(v.value, v.qualifiers.get("year")) for v in facts["anc_2019.seats"]] == [(230, 2019)]


def test_years_as_keys_give_each_year_its_value_and_a_measure_kept_under_its_unit():
    """`visitors_millions: {2018: 10.2, 2019: 9.6}` is two values, each its year's (not the years as
    names); `seats: {2019: {won: 230}}` gives `seats.won` for 2019; `diameter: {feet: 530, meters: 160}`
    is measured in feet and in metres, and the unit is no word of the fact."""
    text = ("entities:\n  - id: m\n    name: M\n    facts:\n      annual_visitors_millions:\n        2018: 10.2\n        2019: 9.6\n"
            "      seats: {2019: {won: 230}}\n      diameter: {feet: 530, meters: 160}\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [(v.value, v.qualifiers["year"]) for v in facts["annual_visitors_millions"]] == [(10.2, 2018), (9.6, 2019)]
    assert str(facts["annual_visitors_millions"][0]) == "10,200,000"
    assert [(v.value, v.qualifiers["year"]) for v in facts["seats.won"]] == [(230, 2019)]
    assert [v.qualifiers["unit"] for v in (*facts["diameter.feet"], *facts["diameter.meters"])] == ["foot", "meter"]
    from factcheck.facts import fact_key_words
    assert fact_key_words("diameter.feet") == ("diameter",)


def test_a_figure_with_a_note_after_it_is_that_figure():
    """"25, all Indian nationals" and "1.26 million (announced 25 August 2024)" are figures with the
    newsroom's note; a year with a note ("1994, as a joint venture"), a measure ("400 m (1,312 ft)")
    and an approximate figure stay text."""
    text = ("entities:\n  - id: s\n    name: S\n    facts:\n      crew: '25, all Indian nationals'\n"
            "      doses: 1.26 million (announced 25 August 2024)\n      founded: 1994, as a joint venture\n"
            "      length: 400 m (1,312 ft)\n      capacity: about 20,000 (20,124)\n      fare: '$12 — one way'\n      staff: '1,200, all full-time'\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [v.value for v in facts["crew"]] == [25] and facts["crew"][0].qualifiers["written"] == "25, all Indian nationals"
    assert [v.value for v in facts["doses"]] == [1_260_000]
    assert [(v.value, v.qualifiers.get("unit")) for v in facts["fare"]] == [(12, "USD")]
    assert [v.value for v in facts["staff"]] == [1200]
    assert [v.value for v in facts["founded"]] == ["1994, as a joint venture"]
    assert [v.value for v in facts["length"]] == ["400 m (1,312 ft)"]
    assert [v.value for v in facts["capacity"]] == ["about 20,000 (20,124)"]


def test_a_key_is_borrowed_from_another_type_only_for_the_same_kind_of_value():
    """A ship's `crew: 25` is a count: it does not borrow the vocabulary's crew of named astronauts,
    and the count is compared; a mission's named crew still borrows it."""
    from factcheck.facts import borrowed_specs
    from factcheck.rules import load_rule_set

    text = ("entities:\n  - id: ship\n    type: ship\n    name: Ever Given\n    facts:\n      crew: 25\n"
            "  - id: flight\n    type: event\n    name: Flight One\n    facts:\n      crew: [Ann Lee, Bo Chan]\n")
    records = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")
    borrowed, _ = borrowed_specs(records, load_rule_set()[1].facts)
    assert {(spec.entity_type, spec.key) for spec in borrowed} == {("event", "crew")}


def test_a_length_of_time_written_in_hours_and_minutes_is_a_duration_in_minutes():
    """"4 hours 42 minutes" is 282 minutes, with a note after it too; one unit alone stays with the key's word."""
    text = ("entities:\n  - id: f\n    name: F\n    facts:\n      duration: 4 hours 42 minutes\n"
            "      record: 4 hours 57 minutes (Djokovic v Federer, 2019)\n      short: 2h 46m\n      plain: 166 minutes\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [(v.value, v.qualifiers["unit"]) for v in facts["duration"]] == [(282, "minute")]
    assert [v.value for v in facts["record"]] == [297] and [v.value for v in facts["short"]] == [166]
    assert [v.value for v in facts["plain"]] == ["166 minutes"]


def test_a_length_of_time_written_as_a_mapping_of_its_parts_is_one_duration():
    """`duration: {hours: 4, minutes: 42}` is 282 minutes, as "4 hours 42 minutes" is; a mapping with
    other keys beside its parts (`{minutes: 26, deuces: 13}`) stays a mapping of sub-facts."""
    text = ("entities:\n  - id: f\n    name: F\n    facts:\n      duration: {hours: 4, minutes: 42}\n"
            "      game: {minutes: 26, deuces: 13}\n")
    facts = parse_records(parse_yaml(text, "r.yaml"), "r.yaml")[0].facts
    assert [(v.value, v.qualifiers["unit"]) for v in facts["duration"]] == [(282, "minute")]
    assert "duration.hours" not in facts
    assert [v.value for v in facts["game.minutes"]] == [26] and [v.value for v in facts["game.deuces"]] == [13]
