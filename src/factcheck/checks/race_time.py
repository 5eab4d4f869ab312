"""race-time: a race time or a gap the records give, one slip away, for a racer the sentence names.

Newsrooms keep results as they come: `general_classification: [{rider: Primož Roglič, gap: "+1:08"}]`,
`results: {1: "Primož Roglič 44:23"}`, `chicago_2023: {time: "2:13:44"}` in the runner's own
record, `duration: "4 hours 42 minutes"` in a match's. When a sentence names the racer (or the
record, linked) and gives a time one slip away from the records' — one digit changed or two
neighbouring digits swapped, as the article writes it: "Roglič, third at 1 minute 18 seconds",
"Kelderman finished 1:39 behind", "Hassan won in 2:13:34" — the figure slipped.

Left alone: a time any record gives anywhere (the article may be telling of another racer, or of
another race), a time one slip from two different record times (which was meant is not clear),
and a single figure ("40 seconds"): two digits slip into each other too easily by chance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from factcheck.checks.base import CheckKind
from factcheck.checks._common import name_in
from factcheck.checks.time_gap import ANY_TIME, GAP_AFTER, SECONDS_IN, Length, as_written, lengths_of_time, slipped_from
from factcheck.facts import looks_like_person, without_note
from factcheck.model import Analysis, Evidence, Record
from factcheck.text import fold_in_place

# "1:39 behind", "+1:08", "in 18:53": a clock of minutes and seconds without hundredths is a race
# time only so; alone it is as often a time of day ("at 7:24")
_MINUTES_SECONDS = re.compile(r"(?<![\d:.])(\+)?(\d{1,2}):([0-5]\d)(?![\d:]|\.\d)")
_RACE_BEFORE = re.compile(r"\b(?:in|at|of|by|clocked|ran|timed|time)\s+$", re.IGNORECASE)
_TIME_OF_DAY_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|[A-Z]{2,4}T\b|UTC|GMT|local|hrs?\b|o'clock|h\b)", re.IGNORECASE)
# keys whose clock readings are times of day, not race times
_CLOCK_KEYS = {"kickoff", "kick", "start", "starts", "started", "launch", "landing", "local", "sunrise", "sunset", "opening",
               "opens", "close", "closes", "deadline", "hour", "departure", "arrival", "departs", "arrives", "tipoff"}
# a racer's name written in a results string: "Primož Roglič 44:23", "4 min 1 s over Henry Anglade"
_NAME_IN = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:de|van|von|der|da|di|le|la)?\s*[A-Z][\w’'-]+)+")


class _Kept(NamedTuple):
    """One time the records give: its length, whose it is (names, or the record it is a fact of) and where."""

    length: Length
    owners: tuple[str, ...]
    record: Record
    fact: str
    written: str
    own_record: bool  # the time is the record's own (its winner's time, its duration): the record must be linked


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    if ANY_TIME.search(text) is None:
        return  # (most articles write no time at all: time-gap's own test, before reading any length)
    kept = analysis.records.facts_memo("race-time:times", _kept_times)
    if not kept:
        return
    folded = fold_in_place(text)
    recorded = {round(time.length.seconds, 2) for time in kept}
    # a time the linker already tied to a record's fact is record-fact's to judge ("the final lasted …")
    claimed = [(claim.value.start, claim.value.end) for claim in analysis.claims]
    for length in _race_times(text):
        if round(length.seconds, 2) in recorded or len(length.digits) < 3 \
                or any(start < length.end and length.start < end for start, end in claimed):
            continue
        sentence = analysis.sentence_of(length.start)
        said = folded[sentence.start:sentence.end]
        linked = {link.record.id for link in analysis.links if sentence.start <= link.start < sentence.end}
        mine = [time for time in kept
                if (time.own_record and time.record.id in linked)
                or any(name_in(said, owner) is not None for owner in time.owners)]
        unit, decimals = length.layout[-1]
        precision = 10 ** -decimals * SECONDS_IN[unit]  # "4 hours 42 minutes" is read to the minute
        if any(abs(time.length.seconds - length.seconds) < precision for time in mine):
            continue
        slips = [time for time in mine
                 if abs(time.length.seconds - length.seconds) <= 0.25 * time.length.seconds and slipped_from(length, time.length.seconds)]
        if len({round(time.length.seconds, 2) for time in slips}) > 1:
            # two of the swimmer's times are one slip away: the one whose event the sentence names too
            # ("won the 400m individual medley in 4:02.59" of 4:02.95, not the world record 4:02.50)
            named = {id(time): sum(name_in(said, owner) is not None for owner in time.owners) for time in slips}
            slips = [time for time in slips if named[id(time)] == max(named.values())]
        if len({round(time.length.seconds, 2) for time in slips}) != 1:
            continue
        time = slips[0]
        shown = analysis.document.source[length.start:length.end]
        actual = as_written(length, time.length.seconds)
        whose = time.owners[0] if time.owners else time.record.name
        # (a record's text that names its owner already, "Geraint Thomas (GBR, Ineos Grenadiers) +10:24", says whose)
        message = rule.message("time_named", recorded=time.written, stated=shown) if time.written.startswith(whose) \
            else rule.message("time", whose=whose, recorded=time.written, stated=shown)
        yield rule.finding(
            message,
            length.start, length.end, shown, suggestion=None if length.in_words else actual,
            evidence=Evidence(record=time.record.id, fact=time.fact, value=time.written, source=time.record.origin),
        )


def _race_times(text: str, kept: bool = False) -> list[Length]:
    """The race times and gaps a text writes: clock readings with seconds, lengths of two parts or more, and
    a minutes-and-seconds clock that a gap word follows or "in", "at" or "by" leads ("finished 1:39
    behind"); in a record's value (kept), any minutes-and-seconds clock ("44:23", "+1:08")."""
    found = [length for length in lengths_of_time(text) if length.clock or length.parts >= 2]
    taken = [(length.start, length.end) for length in found]
    for match in _MINUTES_SECONDS.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if _TIME_OF_DAY_AFTER.match(text, match.end()):
            continue
        if not (kept or match.group(1) or GAP_AFTER.match(text, match.end()) or _RACE_BEFORE.search(text[max(0, match.start() - 12):match.start()])):
            continue
        minutes, seconds = int(match.group(2)), int(match.group(3))
        start = match.start(2)
        found.append(Length(start, match.end(), minutes * 60 + seconds, f"{minutes}{match.group(3)}",
                             (("minute", 0), ("second", 0)), 2, clock=True))
    return sorted(found, key=lambda length: length.start)


def _kept_times(records: list[Record]) -> list[_Kept]:
    """Every race time or length of time the records give, with whose it is."""
    found = []
    for record in records:
        own_names = record.names if record.type == "person" else ()
        for fact, values in record.facts.items():
            words = set(re.split(r"[._]", fact.lower()))
            if words & _CLOCK_KEYS:
                continue
            for value in values:
                owners = list(own_names)
                item = value.qualifiers.get("item")
                if isinstance(item, str):
                    owners.append(without_note(item))
                written = value.qualifiers.get("written", value.value)
                detail = value.qualifiers.get("detail")
                if isinstance(detail, str):
                    # names (or places) as keys: `stage_21_times: {Hindley: "18:53"}`, `results: {1: "Primož Roglič 44:23"}`
                    written = detail
                    if isinstance(value.value, str):
                        owners.append(value.value)
                if not isinstance(written, str):
                    continue
                for length in _race_times(written, kept=True):
                    names = [name for name in _NAME_IN.findall(written) if looks_like_person(name)]
                    mine = tuple(dict.fromkeys([*owners, *names]))
                    found.append(_Kept(length, mine, record, fact, written.strip(), not mine))
                    if not mine and _WINNING.search(fact) and (winner := _winner(record)):
                        # `winning_time: "2:03.34"` beside `winner: Mystik Dan`: the winner's time too, in a sentence
                        # that names the winner and not the race
                        found.append(_Kept(length, (winner,), record, fact, written.strip(), False))
    return found


_WINNING = re.compile(r"(?:^|[._])(?:winning|winners?)_time(?:$|[._])")


def _winner(record: Record) -> str | None:
    """The one winner a race's record names (`winner: Mystik Dan`)."""
    values = [without_note(v.value) for key in ("winner", "won_by", "champion") for v in record.facts.get(key, ())
              if isinstance(v.value, str)]
    return values[0] if len(values) == 1 else None


KIND = CheckKind(
    name="race-time",
    run=run,
    summary="a race time or gap one slip from the records' for a racer the sentence names",
    messages=("time", "time_named"),
)
