"""The check kinds: the small set of Python functions that rules (YAML data) point at.

Every kind takes the Analysis of one document and a Rule, and yields Findings.
An explicit registry: nothing is discovered by magic.
"""

from __future__ import annotations

from factcheck.checks.base import CheckKind  # noqa: F401 (rules and callers read it from here)

from factcheck.checks import (
    age,
    conflicting_values,
    conversion,
    day_of_span,
    difference,
    edition_number,
    exchange_rate,
    event_date,
    figure_detail,
    figure_slip,
    impossible_date,
    item_date,
    item_person,
    keyed_figure,
    list_count,
    list_membership,
    name_variants,
    near_miss,
    ordinal_count,
    ordinal_list,
    percent,
    person_event_year,
    person_role,
    quote_speaker,
    race_time,
    range_order,
    record_fact,
    repeated_count,
    relative_date,
    restated,
    score_conflict,
    series_end,
    streak,
    tense,
    time_gap,
    title_number,
    title_year,
    transposed,
    title_variant,
    weekday,
)

KINDS: dict[str, CheckKind] = {
    module.KIND.name: module.KIND
    for module in (
        near_miss, record_fact, conflicting_values, list_membership, title_variant, weekday, impossible_date, tense,
        relative_date, title_number, age, percent, difference, name_variants, conversion, list_count, repeated_count, ordinal_list, ordinal_count, title_year, transposed, item_date,
        edition_number, event_date, restated, time_gap, keyed_figure, score_conflict, figure_slip, quote_speaker, person_event_year,
        person_role, item_person, streak, series_end, race_time, exchange_rate, range_order, day_of_span,
        figure_detail,
    )
}
