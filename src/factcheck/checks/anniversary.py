"""An anniversary or birthday whose ordinal the article's own dates contradict (the age kind's, rule
age-arithmetic, which also checks an anniversary against the publication year alone).

"She came to the throne on 14 January 1972, so Sunday's handover fell on the 51st anniversary of her
accession" (2024: the 52nd); "Christie wrote it for the 85th birthday of Queen Mary, who was born in
May 1867" (the play was broadcast in 1947, the sentence before: her 80th). The event's year is the
earliest date the sentence writes with its year; the anniversary's is the date written right after it
("the 30th anniversary in 2009") or right before it in apposition ("on 5 July 2021, the NHS's 72nd
birthday"), else a later date of the sentence, else of the sentence before, else the publication's for a
sentence that dates itself to now ("Sunday's", "this year", "As Nepal marks").

Only an ordinal one off the count, or one slip of its digits ("110th" for 100th), is reported: a
count further off more likely measures from a date the sentence does not give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks._common import digit_slip, ordinal
from factcheck.model import Analysis, DateValue, Evidence, Mention

_NOUN = re.compile(r"\s+(?:wedding\s+|death\s+)?(?P<noun>anniversary|birthday)\b", re.IGNORECASE)
# the anniversary's own date, written right after it: "the 30th anniversary in 2009", "…, on 20 July", or after
# what marked it: "marked its 50th anniversary with a gala on Monday 25 November 2002"
_OWN_DATE = re.compile(r"\s*,?\s*(?:with\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,3}?)?(?:in|on)\s+$")
# … or right before it, in apposition: "on 5 July 2021, the NHS's 72nd birthday"
_OWN_DATE_BEFORE = re.compile(r"\s*,\s*(?:the|its|his|her|their)\s+(?:[\w’'.-]+['’]s\s+)?")
# a sentence that dates itself to the time of publication
# (or marks it in the present tense: "As Nepal marks the first anniversary of the disaster")
_NOW = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this\s+(?:week|month|year)|"
                  r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s|’s)?|marks|(?:is|are)\s+marking|commemorates)\b", re.IGNORECASE)


def anniversaries(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    if _NOUN.search(text) is None:
        return
    for number in analysis.mentions:
        if number.kind != "number" or number.label != "ordinal" or not float(number.value.value).is_integer():
            continue
        noun = _NOUN.match(text, number.end)
        if noun is None:
            continue
        sentence = analysis.sentence_of(number.start)
        dates = [d for d in analysis.mentions_in(sentence.start, sentence.end, "date") if _dated(d)]
        # (the day of publication is the anniversary's, never its event's: "CHRISTCHURCH, 22 February 2021 —
        # Christchurch today marks the 10th anniversary of the earthquake")
        published = analysis.document.published
        own = [d for d in dates if d.start >= noun.end() and _OWN_DATE.fullmatch(text[noun.end():d.start])
               or d.end <= number.start and _OWN_DATE_BEFORE.fullmatch(text[d.end:number.start])
               or d.value.precision == "day" and d.value.earliest == published]
        written = [d for d in dates if d not in own and d.label != "day-no-year" and not d.value.relative
                   and not any(d.value.earliest.year >= day.value.earliest.year for day in own)]
        if written:
            event = min(written, key=lambda d: d.value.earliest)
            year = _anniversary_year(analysis, sentence, own, [d for d in dates if d is not event], event)
        else:
            event, year = _same_day_years_before(analysis, sentence, own, dates)
        if event is None or year is None:
            continue
        stated, actual = int(number.value.value), year - event.value.earliest.year
        if actual < 1 or stated == actual or not (abs(stated - actual) == 1 or digit_slip(str(stated), str(actual))):
            continue
        shown = analysis.document.source[number.start:number.end]
        event_shown = analysis.document.source[event.start:event.end]
        yield rule.finding(
            rule.message("anniversary", stated=shown, noun=noun.group("noun").lower(), actual=ordinal(actual), event=event_shown, year=year),
            number.start, number.end, shown, suggestion=ordinal(actual),
            evidence=Evidence(fact="dates", value=f"{event_shown} and {year}", source="this article"),
        )


def _same_day_years_before(analysis: Analysis, sentence, own: list[Mention], dates: list[Mention]) -> tuple[Mention | None, int | None]:
    """An anniversary whose event the sentence does not date ("gathered on Thursday to mark the fourth anniversary of
    one of Brazil's deadliest industrial disasters"): it falls on the day of the event, so a date the article writes
    elsewhere on the same day of the same month, years before, is the event's ("on Friday 25 January 2019", published
    2024-01-25). The anniversary's day is its own date, the sentence's day, or the publication's for a sentence that
    dates itself to now; only one such earlier year in the article."""
    days = [d.value.earliest for d in (own or dates) if d.value.precision == "day"]
    published = analysis.document.published
    if not days and published is not None and _NOW.search(analysis.document.text, sentence.start, sentence.end):
        days = [published]
    if len(set(days)) != 1:
        return None, None
    day = days[0]
    events = [m for m in analysis.mentions if m.kind == "date" and _dated(m) and m.value.precision == "day" and not m.value.relative
              and m.label != "day-no-year" and (m.value.earliest.month, m.value.earliest.day) == (day.month, day.day)
              and m.value.earliest.year < day.year]
    if len({m.value.earliest.year for m in events}) != 1:
        return None, None
    return events[0], day.year


def _dated(mention: Mention) -> bool:
    return isinstance(mention.value, DateValue) and mention.value.precision in ("day", "month", "year")


def _anniversary_year(analysis: Analysis, sentence, own: list[Mention], others: list[Mention], event: Mention) -> int | None:
    """The year the anniversary fell in: its own date, else the sentence's later dates (one year), else
    the sentence before's, else the publication's for a sentence that says "Sunday's" or "this year"."""
    if own:
        return own[0].value.earliest.year
    base = event.value.earliest.year
    later = {d.value.earliest.year for d in others if d.value.earliest.year > base}
    if later:
        return later.pop() if len(later) == 1 else None
    before = analysis.sentence_of(sentence.start - 1) if sentence.start else None
    if before is not None and before.start < sentence.start:
        years = {d.value.earliest.year for d in analysis.mentions_in(before.start, before.end, "date")
                 if _dated(d) and d.value.earliest.year > base}
        if years:
            return years.pop() if len(years) == 1 else None
    published = analysis.document.published
    if published is not None and _NOW.search(analysis.document.text, sentence.start, sentence.end):
        return published.year
    return None
