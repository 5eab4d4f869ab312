"""Values are compared by value, not by text: numbers, dates and sentence bounds."""

from __future__ import annotations

import calendar
import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import find_dates, stated_weekday
from factcheck.extract.numbers import find_numbers
from factcheck.extract.sentences import split_sentences
from factcheck.model import DateValue, Mention, NumberValue

PUBLISHED = dt.date(2022, 12, 21)  # a Wednesday, the seed article's date
JULY_12 = dt.date(2023, 7, 12)


def one_number(text: str, **kwargs) -> Mention:
    mentions = find_numbers(text, **kwargs)
    assert len(mentions) == 1, (text, mentions)
    mention = mentions[0]
    assert text[mention.start:mention.end] == mention.text
    assert isinstance(mention.value, NumberValue)
    return mention


def one_date(text: str, published: dt.date | None = None, day_first: bool = False) -> Mention:
    mentions = find_dates(text, published, day_first)
    assert len(mentions) == 1, (text, mentions)
    mention = mentions[0]
    assert mention.kind == "date"
    assert text[mention.start:mention.end] == mention.text
    return mention


# --- numbers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("13,000", 13_000),
        ("13000", 13_000),
        ("thirteen thousand", 13_000),
        ("Thirteen Thousand", 13_000),
        ("13 thousand", 13_000),
        ("six million", 6_000_000),
        ("6 million", 6_000_000),
        ("one hundred and twenty-five", 125),
        ("one hundred twenty-five", 125),
        ("two thousand and twenty-three", 2023),
        ("a hundred", 100),
        ("zero", 0),
        ("3.5 million", 3_500_000),
        ("1,234,567", 1_234_567),
    ],
)
def test_cardinals_are_valued(text, value):
    mention = one_number(f"Officials counted {text} of them.")
    assert mention.value.value == value
    assert not mention.value.ordinal
    assert mention.label == "cardinal"


def test_digits_with_and_without_commas_and_words_are_one_value():
    values = {one_number(text).value.value for text in ("13,000", "13000", "thirteen thousand")}
    assert values == {13_000}


@pytest.mark.parametrize(
    "text, value",
    [("seventh", 7), ("7th", 7), ("twenty-first", 21), ("21st", 21), ("1st", 1), ("2nd", 2), ("3rd", 3), ("101st", 101), ("first", 1)],
)
def test_ordinals(text, value):
    mention = one_number(f"It is the {text} film.")
    assert mention.value.value == value
    assert mention.value.ordinal
    assert mention.label == "ordinal"
    assert mention.value.exact  # "the seventh film" is not roughly the seventh


def test_ordinal_words_and_digits_are_the_same_value():
    assert one_number("the seventh film").value.value == one_number("the 7th film").value.value == 7


@pytest.mark.parametrize(
    "text, value",
    [
        ("$800 million", 800e6),
        ("$1.2bn", 1.2e9),
        ("£1.2bn", 1.2e9),
        ("€1.2bn", 1.2e9),
        ("US$1.2bn", 1.2e9),
        ("$5m", 5e6),
        ("$1,200", 1200),
    ],
)
def test_money(text, value):
    mention = one_number(f"The budget was {text} in total.")
    assert mention.label == "money"
    assert mention.text == text  # the currency sign is part of the mention
    assert mention.value.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["20%", "20 %", "20 percent", "20 per cent"])
def test_percent(text):
    mention = one_number(f"Sales rose {text} last quarter.")
    assert mention.label == "percent"
    assert mention.value.value == 20
    assert mention.text == text


@pytest.mark.parametrize(
    "text, qualifier, admitted, refused",
    [
        ("over 500", "over", [501, 10_000, 500.5], [500, 499]),
        ("more than 500", "more than", [501], [500]),
        ("Over 500", "over", [501], [500]),
        ("at least 500", "at least", [500, 501, 1e9], [499]),
        ("about 13,000", "about", [12_500, 13_000, 13_400], [20_000, 10_000]),
        ("around six million", "around", [5_800_000, 6_200_000], [9_000_000]),
        ("nearly $800 million", "nearly", [790e6, 800e6], [810e6]),
        ("almost 40", "almost", [39, 40], [41]),
        ("under 40", "under", [39, 0], [40, 41]),
        ("fewer than 40", "fewer than", [39], [40]),
        ("up to 40", "up to", [40, 1], [41]),
        ("no more than 20", "no more than", [20], [21]),
        ("more than a million", "more than", [1_000_001], [1_000_000, 900_000]),
        ("nearly a hundred", "nearly", [95, 100], [101]),
    ],
)
def test_qualifiers_decide_what_a_number_admits(text, qualifier, admitted, refused):
    mention = one_number(f"They said {text} took part.")
    assert mention.value.qualifier == qualifier
    for number in admitted:
        assert mention.value.admits(number), (text, number, mention.value)
    for number in refused:
        assert not mention.value.admits(number), (text, number, mention.value)


def test_qualifier_is_not_part_of_the_mention_text():
    mention = one_number("The actor did over 500 skydives.")
    assert mention.text == "500"
    assert str(mention.value) == "over 500"
    assert math.isinf(mention.value.high)


def test_over_after_a_figure_spans_and_does_not_bound():
    """"$939 million over 238 shows", "30 goals over 50 games": 238 and 50 are exact, not lower bounds."""
    for text, written in (("The tour took an estimated $939 million over 238 shows.", "238"),
                          ("He scored 30 goals over 50 games.", "50")):
        mention = next(m for m in find_numbers(text) if m.text == written)
        assert mention.value.qualifier is None and mention.value.admits(float(written)) and not mention.value.admits(float(written) + 1)


@pytest.mark.parametrize("text", ["the leftover 20 boxes", "a handsome 500 pounds", "thunder 3 times", "a moreover 12 case"])
def test_qualifier_words_inside_other_words_are_no_qualifiers(text):
    mention = one_number(text)
    assert mention.value.qualifier is None
    assert mention.value.exact


@pytest.mark.parametrize(
    "text, near, far",
    [
        ("13,000", [12_600, 13_400], [14_000, 12_000]),
        ("13000", [12_600], [14_000]),
        ("thirteen thousand", [12_600], [14_000]),
        ("six million", [5_800_000, 6_200_000], [7_000_000]),
        ("$800 million", [800.4e6], [810e6]),
    ],
)
def test_round_figures_admit_what_rounds_to_them(text, near, far):
    value = one_number(text).value
    assert not value.exact
    assert all(value.admits(n) for n in near), value
    assert not any(value.admits(n) for n in far), value


@pytest.mark.parametrize("text, value", [("13,472", 13_472), ("163", 163), ("500", 500), ("2023", 2023), ("3.5", 3.5)])
def test_exact_figures_admit_only_themselves(text, value):
    number = one_number(text).value
    assert number.exact
    assert number.admits(value)
    assert not number.admits(value + 1)
    assert not number.admits(value - 1)


@pytest.mark.parametrize("text", ["4K", "F1", "MP3", "COVID-19", "3D", "the 1990s", "A380", "B2B", "x86", "5G", "6.57pm", "320neo"])
def test_digits_glued_to_letters_are_not_numbers(text):
    assert find_numbers(f"They talked about {text} today.") == []


@pytest.mark.parametrize("text, value", [("minus 70C", 70), ("a 100km stage", 100), ("40kg of rice", 40), ("38.7C (101.7F)", 38.7),
                                                 ("a planned 2.4GW", 2.4), ("1,386MW of turbines", 1386), ("open 24hrs", 24)])
def test_a_unit_written_against_its_figure_leaves_a_number(text, value):
    assert [m.value.value for m in find_numbers(f"It was {text} on the day.")][:1] == [value]


@pytest.mark.parametrize("text, label", [("6.9 billion euros", "money"), ("10 million Swedish kronor", "money"), ("300 million yen", "money"),
                                         ("5 million pounds", "cardinal"), ("three Dollars", "cardinal")])
def test_a_sum_named_by_its_currency_word_is_money(text, label):
    # ("pounds" weigh as often as they pay; a capitalised word after a figure names something else)
    assert [m.label for m in find_numbers(f"It came to {text} in all.")][:1] == [label]


def test_glued_words_do_not_hide_free_numbers_beside_them():
    mentions = find_numbers("The F1 team won 3 races in 4K.")
    assert [(m.text, m.value.value) for m in mentions] == [("3", 3)]


@pytest.mark.parametrize(
    "text, values",
    [
        ("between five and ten people", [5, 10]),
        ("the first and second films", [1, 2]),
        ("five or six takes", [5, 6]),
        ("one hundred and one dalmatians and two cats", [101, 2]),
    ],
)
def test_and_joins_number_words_only_after_a_scale(text, values):
    assert [m.value.value for m in find_numbers(text)] == values


def test_numbers_inside_dates_are_excluded():
    text = "On July 12, 2023, over 500 people saw the 7th film."
    dates = find_dates(text, None)
    assert [m.text for m in dates] == ["July 12, 2023"]
    numbers = find_numbers(text, exclude=[(m.start, m.end) for m in dates])
    assert [m.text for m in numbers] == ["500", "7th"]
    # without the exclusion the day and year are numbers too
    assert {"12", "2023"} <= {m.text for m in find_numbers(text)}


def test_exclusion_is_by_overlap():
    text = "In 2023, 13,000 fans came."
    assert [m.text for m in find_numbers(text, exclude=[(3, 7)])] == ["13,000"]
    assert find_numbers(text, exclude=[(0, len(text))]) == []


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(number: int, british: bool) -> str:
    words = []
    if number >= 100:
        words += [_UNITS[number // 100], "hundred"]
        number %= 100
        if number and british:
            words.append("and")
    if number >= 20:
        words.append(_TENS[number // 10] + (f"-{_UNITS[number % 10]}" if number % 10 else ""))
    elif number or not words:
        words.append(_UNITS[number])
    return " ".join(words)


def in_words(number: int, british: bool = False) -> str:
    """English words for 0 ≤ number < 1,000,000: 'one hundred [and] five thousand …'."""
    assert 0 <= number < 1_000_000
    if number < 1000:
        return _below_thousand(number, british)
    thousands, rest = divmod(number, 1000)
    words = f"{_below_thousand(thousands, british)} thousand"
    if rest:
        words += (" and " if british and rest < 100 else " ") + _below_thousand(rest, british)
    return words


def test_the_test_renderer():
    assert in_words(0) == "zero"
    assert in_words(21) == "twenty-one"
    assert in_words(105, british=True) == "one hundred and five"
    assert in_words(13_000) == "thirteen thousand"
    assert in_words(999_999) == "nine hundred ninety-nine thousand nine hundred ninety-nine"
    assert in_words(2_023, british=True) == "two thousand and twenty-three"


@settings(derandomize=True, max_examples=200)
@given(st.integers(0, 999_999_999))
def test_any_integer_in_digits_is_one_mention_of_its_value(number):
    for rendering in (f"{number:,}", str(number)):
        text = f"They counted {rendering} of them."
        mention = one_number(text)
        assert mention.text == rendering
        assert mention.value.value == number
        assert mention.value.admits(number)


@settings(derandomize=True, max_examples=200)
@given(st.integers(0, 999_999), st.booleans())
def test_any_integer_in_words_is_one_mention_of_its_value(number, british):
    rendering = in_words(number, british)
    text = f"They counted {rendering} of them."
    mention = one_number(text)
    assert mention.text == rendering
    assert mention.value.value == number
    assert mention.value.admits(number)
    assert one_number(f"{number:,}").value.value == mention.value.value


# --- dates -----------------------------------------------------------------


def _day(mention: Mention) -> dt.date:
    assert isinstance(mention.value, DateValue), mention
    assert mention.value.precision == "day"
    assert mention.value.earliest == mention.value.latest
    return mention.value.earliest


@pytest.mark.parametrize(
    "text",
    [
        "July 12, 2023",
        "12 July 2023",
        "2023-07-12",
        "7/12/2023",
        "07/12/2023",
        "7/12/23",
        "Jul. 12, 2023",
        "Jul 12, 2023",
        "Wednesday, July 12, 2023",
        "Wed., July 12, 2023",
        "July 12th, 2023",
        "July 12 2023",
        "12th July 2023",
        "12th of July 2023",
        "Wednesday 12 July 2023",
        "JULY 12, 2023",
    ],
)
def test_calendar_formats_give_the_same_day(text):
    sentence = f"The film opened on {text} in cinemas."
    mention = one_date(sentence, PUBLISHED)
    assert mention.text == text
    assert _day(mention) == JULY_12
    assert not mention.value.relative


def test_the_12th_of_july():
    mention = one_date("It opened on the 12th of July 2023.", PUBLISHED)
    assert mention.text.endswith("12th of July 2023")
    assert _day(mention) == JULY_12


def test_numeric_dates_are_month_first_unless_day_first():
    assert _day(one_date("7/12/2023")) == JULY_12
    assert _day(one_date("12/7/2023", day_first=True)) == JULY_12
    assert _day(one_date("12/7/2023")) == dt.date(2023, 12, 7)


@pytest.mark.parametrize("text", ["July 12", "July 12th", "12 July", "12th of July", "Jul. 12"])
def test_year_is_inferred_from_the_publication_date(text):
    mention = one_date(f"It opens on {text}.", dt.date(2023, 6, 1))
    assert _day(mention) == JULY_12
    assert mention.value.relative  # the year was not written


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("January 5", dt.date(2022, 12, 21), dt.date(2023, 1, 5)),
        ("December 30", dt.date(2023, 1, 3), dt.date(2022, 12, 30)),
        ("August 30", dt.date(2022, 12, 21), dt.date(2022, 8, 30)),
    ],
)
def test_inferred_year_is_the_nearest_to_publication(text, published, expected):
    assert _day(one_date(text, published)) == expected


def test_without_publication_a_yearless_day_is_unresolved():
    mention = one_date("It opens on July 12.")
    assert mention.value is None
    assert mention.label == "no-year"


def test_month_precision():
    mention = one_date("It opens in July 2023.")
    assert mention.text == "July 2023"
    value = mention.value
    assert value.precision == "month"
    assert value.admits(dt.date(2023, 7, 1)) and value.admits(dt.date(2023, 7, 31))
    assert not value.admits(dt.date(2023, 6, 30)) and not value.admits(dt.date(2023, 8, 1))
    assert value.overlaps(DateValue(JULY_12, JULY_12, "day"))


def test_year_precision():
    mention = one_date("The film was shot in 2023.")
    assert mention.text == "2023"
    value = mention.value
    assert value.precision == "year"
    assert (value.earliest, value.latest) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert value.admits(JULY_12)
    assert not value.admits(dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    "text",
    ["2023 people came.", "They did 13000 jumps.", "In 13,000 cases it failed.", "Up to 20 may be affected.", "Scandals mar 2023 numbers.",
     "The probe went up on a Long March 5 rocket."],
)
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize("text", ["The vote is on Tuesday March 5 in Leeds.", "Voters in Ohio, March 5 is the day.", "The vote is set for March 5.",
                                  "On March 5 they met."])
def test_a_month_after_a_weekday_a_comma_or_a_preposition_is_a_date(text):
    assert [m.text[-7:] for m in find_dates(text, PUBLISHED)] == ["March 5"]


@pytest.mark.parametrize("text, first, last", [("March 2-3, 2020", "2020-03-02", "2020-03-03"),
                                               ("2–3 March 2020", "2020-03-02", "2020-03-03"),
                                               ("July 14th-16th, 2022", "2022-07-14", "2022-07-16")])
def test_days_of_one_month_with_their_year_are_one_date(text, first, last):
    """"March 2-3, 2020" is the two days of 2020, not a yearless "March 2" the publication's year would be guessed for."""
    mention = one_date(f"The {text} tornadoes struck Tennessee.", PUBLISHED)
    assert (mention.text, mention.value.earliest.isoformat(), mention.value.latest.isoformat()) == (text, first, last)


@pytest.mark.parametrize("text", ["February 30, 2023", "31 April 2023", "2023-13-01", "2/30/2023", "July 32, 2023", "February 29, 2023"])
def test_impossible_dates_are_found_as_invalid(text):
    mention = one_date(f"It opened on {text}.", PUBLISHED)
    assert mention.text == text
    assert mention.value is None
    assert mention.label == "invalid"


def test_february_29_of_a_leap_year_is_valid():
    assert _day(one_date("February 29, 2024")) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("two days ago", dt.date(2022, 12, 19), dt.date(2022, 12, 19), "day"),
        ("2 days ago", dt.date(2022, 12, 19), dt.date(2022, 12, 19), "day"),
        ("yesterday", dt.date(2022, 12, 20), dt.date(2022, 12, 20), "day"),
        ("today", PUBLISHED, PUBLISHED, "day"),
        ("tomorrow", dt.date(2022, 12, 22), dt.date(2022, 12, 22), "day"),
        ("the day before yesterday", dt.date(2022, 12, 19), dt.date(2022, 12, 19), "day"),
        ("next month", dt.date(2023, 1, 1), dt.date(2023, 1, 31), "month"),
        ("last month", dt.date(2022, 11, 1), dt.date(2022, 11, 30), "month"),
        ("last year", dt.date(2021, 1, 1), dt.date(2021, 12, 31), "year"),
        ("next year", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year"),
        ("this coming Monday", dt.date(2022, 12, 26), dt.date(2022, 12, 26), "day"),
        ("this past Monday", dt.date(2022, 12, 19), dt.date(2022, 12, 19), "day"),
    ],
)
def test_relative_dates_resolve_against_publication(text, earliest, latest, precision):
    mention = one_date(f"Paramount said so {text}.", PUBLISHED)
    assert mention.text == text
    assert mention.label == "relative"
    value = mention.value
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)
    assert value.relative


def test_this_summer_is_a_span_in_summer_of_the_publication_year():
    value = one_date("It was shot this summer.", PUBLISHED).value
    assert value.precision == "span"
    assert dt.date(2022, 6, 1) <= value.earliest <= value.latest <= dt.date(2022, 9, 30)
    assert value.admits(dt.date(2022, 7, 15))


@pytest.mark.parametrize(
    "phrase, published, first_day",
    [
        ("this summer", dt.date(2022, 12, 21), dt.date(2022, 6, 1)),
        ("last summer", dt.date(2022, 12, 21), dt.date(2022, 6, 1)),
        ("next summer", dt.date(2022, 12, 21), dt.date(2023, 6, 1)),
        ("next summer", dt.date(2023, 4, 10), dt.date(2023, 6, 1)),
        # during a season, "last" and "next" are the ones before and after it
        ("last summer", dt.date(2023, 7, 4), dt.date(2022, 6, 1)),
        ("next summer", dt.date(2023, 7, 4), dt.date(2024, 6, 1)),
        ("this summer", dt.date(2023, 7, 4), dt.date(2023, 6, 1)),
        ("this past summer", dt.date(2023, 9, 10), dt.date(2023, 6, 1)),
        # winter runs from December into the next year
        ("this winter", dt.date(2022, 12, 21), dt.date(2022, 12, 1)),
        ("this winter", dt.date(2023, 1, 15), dt.date(2022, 12, 1)),
        ("last winter", dt.date(2022, 12, 21), dt.date(2021, 12, 1)),
        ("last winter", dt.date(2023, 1, 15), dt.date(2021, 12, 1)),
        ("last winter", dt.date(2023, 3, 10), dt.date(2022, 12, 1)),
        ("next winter", dt.date(2023, 1, 15), dt.date(2023, 12, 1)),
        ("next winter", dt.date(2023, 3, 10), dt.date(2023, 12, 1)),
        ("next winter", dt.date(2022, 12, 21), dt.date(2023, 12, 1)),
    ],
)
def test_seasons(phrase, published, first_day):
    value = one_date(f"It happened {phrase}.", published).value
    assert value.precision == "span"
    assert value.earliest == first_day
    assert (value.latest - value.earliest).days in range(88, 93)


@pytest.mark.parametrize("text", ["two days ago", "yesterday", "next month", "last year", "this summer", "last Tuesday"])
def test_relative_dates_without_publication_are_unresolved(text):
    mention = one_date(f"It was announced {text}.")
    assert mention.text == text
    assert mention.label == "relative"
    assert mention.value is None


@pytest.mark.parametrize("text", ["two days later", "three weeks earlier", "a year later"])
def test_later_and_earlier_count_from_the_story_not_the_publication(text):
    mention = one_date(f"The stunt was filmed {text}.", PUBLISHED)
    assert mention.text == text
    assert mention.value is None


def test_weekday_is_kept_apart_from_the_day():
    mention = one_date("It opened on Thursday, July 12, 2023.", PUBLISHED)
    assert mention.label == "weekday"
    assert _day(mention) == JULY_12  # a Wednesday: the checks compare the two
    assert stated_weekday(mention) == 3
    assert JULY_12.weekday() == 2


@pytest.mark.parametrize(
    "text, weekday",
    [("Mon., July 10, 2023", 0), ("Tues., July 11, 2023", 1), ("Tue 11 July 2023", 1), ("Thurs., July 13, 2023", 3), ("Thur July 13, 2023", 3), ("Sunday 16 July 2023", 6)],
)
def test_stated_weekday_reads_abbreviations(text, weekday):
    mention = one_date(text)
    assert mention.label == "weekday"
    assert stated_weekday(mention) == weekday


def test_no_stated_weekday_without_one():
    assert stated_weekday(one_date("July 12, 2023")) is None


def test_dates_in_a_sentence_do_not_overlap_and_come_in_order():
    text = "Shot in 2022, it premiered June 19, 2023 in Rome, opened 12 July 2023 and streamed from October 2023, two days ago."
    mentions = find_dates(text, PUBLISHED)
    assert [m.text for m in mentions] == ["2022", "June 19, 2023", "12 July 2023", "October 2023", "two days ago"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def _suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def renderings(day: dt.date) -> list[str]:
    month, abbr = calendar.month_name[day.month], calendar.month_abbr[day.month]
    abbr += "." if abbr != month else ""
    weekday, weekday_abbr = calendar.day_name[day.weekday()], calendar.day_abbr[day.weekday()]
    d, y = day.day, day.year
    return [
        f"{month} {d}, {y}",
        f"{d} {month} {y}",
        day.isoformat(),
        f"{day.month}/{d}/{y}",
        f"{day.month:02d}/{d:02d}/{y}",
        f"{abbr} {d}, {y}",
        f"{weekday}, {month} {d}, {y}",
        f"{month} {d}{_suffix(d)}, {y}",
        f"{d}{_suffix(d)} of {month} {y}",
        f"{weekday_abbr}, {d} {abbr} {y}",
        f"{weekday} {d}{_suffix(d)} {month}, {y}",
    ]


@settings(derandomize=True, max_examples=200)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.sampled_from(["", "It opened on ", "(", "Since "]),
    st.sampled_from(["", ".", ", when", " and", ")"]),
)
def test_any_date_in_any_format_is_one_mention_of_that_day(day, before, after):
    for rendering in renderings(day):
        text = before + rendering + after
        mention = one_date(text, PUBLISHED)
        assert (mention.start, mention.end) == (len(before), len(before) + len(rendering)), text
        assert _day(mention) == day, text
        assert not mention.value.relative


@settings(derandomize=True, max_examples=200)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_any_date_day_first(day):
    text = f"{day.day}/{day.month}/{day.year}"
    assert _day(one_date(text, day_first=True)) == day


# --- sentences -------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Smith arrived. He left.", ["Dr. Smith arrived.", "He left."]),
        ("U.S. officials said so. Others disagreed.", ["U.S. officials said so.", "Others disagreed."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
        ("J.K. Rowling wrote it. Fans cheered.", ["J.K. Rowling wrote it.", "Fans cheered."]),
        ("Mr. and Mrs. Jones met Gen. Lee. They talked.", ["Mr. and Mrs. Jones met Gen. Lee.", "They talked."]),
        ('"It is over," he said. "We won." Then he left.', ['"It is over," he said.', '"We won."', "Then he left."]),
        ("He said “we won.” Then he left.", ["He said “we won.”", "Then he left."]),
        ("He said 'no.' Then he left.", ["He said 'no.'", "Then he left."]),
        ("The answer was no. Then he left.", ["The answer was no.", "Then he left."]),
        ("It hit No. 1 in June. Then it fell.", ["It hit No. 1 in June.", "Then it fell."]),
        ("It costs $5.50 today. Yes.", ["It costs $5.50 today.", "Yes."]),
        ("Wait... What? Really! Yes.", ["Wait...", "What?", "Really!", "Yes."]),
        ("It sold 13,000 copies. 500 were returned.", ["It sold 13,000 copies.", "500 were returned."]),
        ("It opened on Jul. 12 in Rome. Fans came.", ["It opened on Jul. 12 in Rome.", "Fans came."]),
        ("(It was late.) Nobody came.", ["(It was late.)", "Nobody came."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_headlines_end_at_the_line_break():
    text = "New BTS Clip Shows Cruise Creating History\nTom Cruise did over 500 skydives. He did.\n\nCaption 7\n"
    assert sentences(text) == ["New BTS Clip Shows Cruise Creating History", "Tom Cruise did over 500 skydives.", "He did.", "Caption 7"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_breaks_of_any_kind(newline):
    text = newline.join(["Headline 7", "Body text. More text.", "", "Last line"]) + newline
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["Headline 7", "Body text.", "More text.", "Last line"]
    assert not any(text[s.start:s.end].strip() != text[s.start:s.end] for s in spans)


def test_sentences_cover_the_text_in_order_without_overlap():
    text = "  First one.  Second one!\r\n\r\nThird?  "
    spans = split_sentences(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    covered = "".join(text[s.start:s.end] for s in spans)
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\r", "").replace("\n", "")


def test_text_without_sentence_punctuation_is_one_sentence():
    assert sentences("no punctuation at all") == ["no punctuation at all"]
    assert len(split_sentences("")) == 1
