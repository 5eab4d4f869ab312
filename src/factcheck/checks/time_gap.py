"""time-gap: a gap between two race times, or two times of day, that the times themselves contradict.

"Kipruto was second in 2:04:02, three minutes and 37 seconds behind the winner", where the
winner's time was "2 hours, 0 minutes and 35 seconds": the gap is 3:27. A gap is a length
of time followed by "behind", "back", "ahead", "adrift", "clear", "off", "faster",
"slower" or "quicker", or after "by"; the time it is measured from is the one race time
of its sentence. Which time it is measured to is not written ("the winner", "the world
record", "his London time"), so every other race time of the article is tried:
- if any is as far from the sentence's time as the gap says (to the precision the gap is
  written with), the gap agrees;
- otherwise only a gap one slip away from exactly one of those distances (one digit
  changed, or two neighbouring digits swapped, as the gap is written) is reported. Any
  other gap is likely measured to a time the article does not give.

A race time is a clock reading with seconds ("2:04:02", "14:54.11") or a length in two
parts or more ("2 hours, 0 minutes and 35 seconds", "14 minutes, 53.88 seconds"); a gap
may be a single part ("34 seconds", "0.23 seconds").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.checks._common import digit_slip, sentence_text
from factcheck.checks.base import CheckKind
from factcheck.lexicon import TENS, UNITS, word_value
from factcheck.model import Analysis, Evidence, Finding

SECONDS_IN = {"day": 86400, "hour": 3600, "minute": 60, "second": 1}
_UNIT = {**{w: "day" for w in ("days", "day")},
         **{w: "hour" for w in ("hours", "hour", "hrs", "hr", "h")},
         **{w: "minute" for w in ("minutes", "minute", "mins", "min")},
         **{w: "second" for w in ("seconds", "second", "secs", "sec", "s")}}
# a part of a length: figures with any unit ("35s", "2 hr"), number words with a whole unit ("three minutes")
_WORDS = rf"(?:{'|'.join(TENS)}|{'|'.join(UNITS)})(?:-(?:{'|'.join(UNITS[1:10])}))?"
_UNITS = r"(?:days?|hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?|sec|s)"
# (a fraction of a unit told as one: "0.45 of a second")
_ONE_PART = rf"(?:\d+(?:\.\d+)?\s*(?:of\s+an?\s+)?{_UNITS}|{_WORDS}\s+(?:days?|hours?|minutes?|seconds?))\b"
_PART = rf"(?P<n>\d+(?:\.\d+)?|{_WORDS})\s*(?:of\s+an?\s+)?(?P<u>{_UNITS})\b"
_PARTS = re.compile(rf"(?<![\w.:]){_ONE_PART}(?:,?\s*(?:and\s+)?{_ONE_PART})*", re.IGNORECASE)
# "2:04:02", "2:01:09.5", "14:54.11" (minutes, seconds and hundredths); not "7:24" (a time of day)
_CLOCK = re.compile(r"(?<![\d:.])(?:(\d{1,2}):(\d{2}):(\d{2})(\.\d{1,3})?|(\d{1,2}):(\d{2})(\.\d{1,3}))(?![\d:]|\.\d)")
# what makes a length a gap between two times
GAP_AFTER = re.compile(r"\s+(?:behind|back|ahead|adrift|clear|off|faster|slower|quicker|down|up\s+on)\b", re.IGNORECASE)
_GAP_BEFORE = re.compile(r"\b(?:by|margin\s+of|gap\s+of)\s+(?:just\s+|only\s+|a\s+mere\s+|some\s+)?$", re.IGNORECASE)
_WINNER_AFTER = re.compile(r"\s+(?:behind|adrift\s+of|off)\s+the\s+(?:winner|winning\s+time|victor|champion)\b", re.IGNORECASE)
# a gap that names the other racer: "1 minute and 53 seconds ahead of Ruth Chepngetich"
_RACER_AFTER = re.compile(r"\s+(?:ahead\s+of|behind|in\s+front\s+of|clear\s+of|adrift\s+of)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# far apart, two times are of two races: a gap is a small part of a time
_NEAR = 0.25


@dataclass(frozen=True)
class Length:
    start: int
    end: int
    seconds: float
    digits: str  # as written, the parts' figures run together ("3" "37" → "337"), to compare slips
    layout: tuple[tuple[str, int], ...]  # each part's unit and its decimals, largest first
    parts: int
    clock: bool = False  # "2:04:02", not "2 hours, 4 minutes"
    in_words: bool = False  # a figure written in words ("three minutes"): no suggestion in figures


# a text with two race times has a clock reading or a unit of time
ANY_TIME = re.compile(r"\d:\d\d|\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\d\s?(?:h|min|s)\b", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    if ANY_TIME.search(text) is None:
        return
    lengths = lengths_of_time(text)
    yield from _day_clock_gaps(analysis, rule, text, lengths)
    times = [length for length in lengths if length.parts >= 2]
    if len(times) < 2:
        return
    for gap in lengths:
        if not (GAP_AFTER.match(text, gap.end) or _GAP_BEFORE.search(text[max(0, gap.start - 20):gap.start])):
            continue
        sentence = analysis.sentence_of(gap.start)
        own = [t for t in times if t is not gap and sentence.start <= t.start < sentence.end]
        if not own and sentence.start > 0 and not _GAP_BEFORE.search(text[max(0, gap.start - 20):gap.start]):
            # "Her time of 71 days, 14 hours, … beat the record of 72 days, 22 hours, … She took 1 day, 8 hours, … off his
            # mark": the two times of the sentence before, in its paragraph
            before = analysis.sentence_of(sentence.start - 1)
            own = [t for t in times if before.start <= t.start < before.end] if "\n\n" not in text[before.start:sentence.start] else []
            if len(own) != 2:
                continue
            own, between_two = own[:1], True
        else:
            between_two = False
        if len(own) != 1:
            continue  # none, or several: which is the gap's is not clear
        mine = own[0]
        if not between_two and _told_of_another(analysis.syntax, gap, mine):
            continue
        others = [t for t in times if t is not mine and t is not gap and t.seconds != mine.seconds
                  and abs(t.seconds - mine.seconds) <= _NEAR * mine.seconds]
        if _WINNER_AFTER.match(text, gap.end):
            # "behind the winner": the first race time the article gives is the winner's
            others = [t for t in times if abs(t.seconds - mine.seconds) <= _NEAR * mine.seconds][:1]
            if not others or others[0] is mine or others[0] is gap:
                continue
        racer = _RACER_AFTER.match(text, gap.end)
        if racer is not None:
            # measured to the racer it names: only a time told in a sentence naming them (not "the world record of
            # 2:11:53" another set, when Chepngetich's own time is not given)
            names = set(racer["name"].lower().split())
            others = [t for t in others if names & set(re.findall(r"[\w'’-]+", sentence_text(analysis, t.start)))]
        distances = {round(abs(t.seconds - mine.seconds), 3): t for t in others}
        precision = 10 ** -gap.layout[-1][1]  # a gap is read to its last figure: "0.23 seconds", "37 seconds"
        if not distances or any(abs(distance - gap.seconds) < precision * SECONDS_IN[gap.layout[-1][0]] - 1e-9 for distance in distances):
            continue
        slips = {distance: t for distance, t in distances.items() if slipped_from(gap, distance)}
        if len(slips) != 1:
            continue
        distance, reference = next(iter(slips.items()))
        written = analysis.document.source[gap.start:gap.end]
        actual = as_written(gap, distance)
        line, _ = analysis.document.position(reference.start)
        yield rule.finding(
            rule.message("gap", own=text[mine.start:mine.end], reference=text[reference.start:reference.end], line=line,
                         actual=actual, stated=written),
            gap.start, gap.end, written,
            suggestion=None if gap.in_words else actual,
            evidence=Evidence(fact="race times", value=f"{text[mine.start:mine.end]} and {text[reference.start:reference.end]}",
                              source=f"this article, line {line}"),
        )


# a time of day: "6.54pm", "11:29:48am", "3:25 p.m." (with its am or pm: "7:24" alone may be a race time)
# (the stop after "p.m." is the abbreviation's; after "pm" it ends a sentence)
_TIME_OF_DAY = re.compile(r"(?<![\d:.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap])(?:\.\s?m\b\.?|\s?m\b)", re.IGNORECASE)
# a time on the 24-hour clock with its zone: "04:09 UTC", "14:30 GMT", "23:45 local time"
_TIME_OF_DAY_24 = re.compile(r"(?<![\d:.])([01]\d|2[0-3])[:.]?([0-5]\d)\s*(?:UTC|GMT|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|"
                             r"hrs\b|hours\b|h\b|local\s+time\b)")
# a length of time between two times of day: "58 minutes later", "three minutes after …", "the 68 seconds of darkness"
_BETWEEN_AFTER = re.compile(r"\s+(?:later|after|afterwards|earlier|before|of)\b", re.IGNORECASE)
_ROUGHLY_BEFORE = re.compile(r"\b(?:about|around|roughly|some|nearly|almost|approximately|less\s+than|more\s+than|over|under|just|"
                             r"within|up\s+to|barely|only)\s+$", re.IGNORECASE)


def _day_clock_gaps(analysis: Analysis, rule, text: str, lengths: list[Length]) -> Iterator[Finding]:
    """A length of time between two times of day that the times contradict: "The first cub arrived at 6.54pm;
    his brother followed at 7.42pm, 58 minutes later" (48). The times are those of its sentence and the one
    before; as with race times, only a length one slip away from exactly one of their distances is reported."""
    clocks = sorted([(m.start(), m.end(), _seconds_of_day(m)) for m in _TIME_OF_DAY.finditer(text)]
                    + [(m.start(), m.end(), int(m.group(1)) * 3600 + int(m.group(2)) * 60) for m in _TIME_OF_DAY_24.finditer(text)])
    if len(clocks) < 2:
        return
    for gap in lengths:
        if gap.clock or gap.seconds >= 86400 or not _BETWEEN_AFTER.match(text, gap.end) \
                or _ROUGHLY_BEFORE.search(text[max(0, gap.start - 20):gap.start]):
            continue
        sentence = analysis.sentence_of(gap.start)
        # (the times of its paragraph up to its sentence's end: a timeline often tells what happened between)
        first = text.rfind("\n\n", 0, sentence.start) + 1
        if _measured_to_the_untimed(text, gap.end, first, sentence.end):
            continue
        near = [c for c in clocks if first <= c[0] < sentence.end and not _in_brackets(text, c[0], first)
                and not _between_dashes(text, c[0], first)]
        distances = {}
        for index, one in enumerate(near):
            for other in near[index + 1:]:
                distances.setdefault(round(abs(other[2] - one[2]), 3), (other, one))
        precision = 10 ** -gap.layout[-1][1] * SECONDS_IN[gap.layout[-1][0]]
        if not distances or any(abs(distance - gap.seconds) < precision - 1e-9 for distance in distances):
            continue
        slips = {distance: pair for distance, pair in distances.items() if slipped_from(gap, distance)}
        if len(slips) != 1:
            continue
        distance, (later, earlier) = next(iter(slips.items()))
        written = analysis.document.source[gap.start:gap.end]
        actual = as_written(gap, distance)
        line, _ = analysis.document.position(earlier[0])
        yield rule.finding(
            rule.message("gap", own=text[later[0]:later[1]], reference=text[earlier[0]:earlier[1]], line=line, actual=actual, stated=written),
            gap.start, gap.end, written, suggestion=None if gap.in_words else actual,
            evidence=Evidence(fact="times of day", value=f"{text[earlier[0]:earlier[1]]} and {text[later[0]:later[1]]}",
                              source=f"this article, line {line}"),
        )


# what a length is before or after, when it names it: "one minute before the legal deadline"
_NAMED_REFERENCE = re.compile(r"\s+(?:before|after)\s+(?P<reference>[^,.;:!?()\n]{1,60})", re.IGNORECASE)
_LITTLE_WORDS = frozenset({"the", "its", "his", "her", "their", "that", "this", "our", "had", "has", "have", "was", "were"})


def _measured_to_the_untimed(text: str, gap_end: int, paragraph: int, sentence_end: int) -> bool:
    """Is the length measured to something its paragraph times nowhere ("Neckarwestheim 2 at 11.59pm, one
    minute before the legal deadline")? Its reference is named, holds no time of day, and none of its words
    is written elsewhere in the paragraph up to the sentence's end; "three minutes after the first cub", where
    the cub's arrival is timed before, is measured between the times."""
    named = _NAMED_REFERENCE.match(text, gap_end)
    if named is None or _TIME_OF_DAY.search(named.group("reference")) or _TIME_OF_DAY_24.search(named.group("reference")):
        return False
    words = {word for word in re.findall(r"[a-z]{3,}", named.group("reference").lower()) if word not in _LITTLE_WORDS}
    elsewhere = (text[paragraph:named.start()] + " " + text[named.end():sentence_end]).lower()
    return bool(words) and not any(re.search(rf"\b{word}", elsewhere) for word in words)


def _seconds_of_day(match: re.Match) -> int:
    hours = int(match.group(1)) % 12 + (12 if match.group(4).lower() == "p" else 0)
    return hours * 3600 + int(match.group(2)) * 60 + int(match.group(3) or 0)


def _between_dashes(text: str, position: int, start: int) -> bool:
    """Is the position set off between dashes ("At 04:09 UTC that Friday — 12:09 a.m. in New York —"): the same
    moment read in another zone?"""
    line_end = text.find("\n", position)
    return text.count("—", start, position) % 2 == 1 and "—" in text[position:line_end if line_end >= 0 else len(text)]


def _in_brackets(text: str, position: int, start: int) -> bool:
    """Is the position inside brackets opened after `start` ("10:52 a.m. EDT (8:52 a.m. MDT)": another zone's reading)?"""
    return text.rfind("(", start, position) > text.rfind(")", start, position)


def _told_of_another(syntax, gap: Length, time: Length) -> bool:
    """Does the gap hang on another verb, with a subject of its own, than the time does ("Foster took
    silver in 4:06.56, and Seto won bronze, more than six seconds adrift")? Then it is another racer's
    gap, from a time not given. A participle ("ran 2:11:53, lowering the record by …") tells of the same."""
    if syntax is None:
        return False
    gap_verb, time_verb = syntax.governing_verb(gap.start, gap.end), syntax.governing_verb(time.start, time.end)
    return gap_verb is not None and time_verb is not None and gap_verb != time_verb and \
        any(syntax.tokens[child].dep in ("nsubj", "nsubjpass") for child in syntax.children(gap_verb))


def lengths_of_time(text: str) -> list[Length]:
    found: list[Length] = []
    for match in _CLOCK.finditer(text):
        if match.group(1):
            hours, minutes, seconds, fraction = int(match.group(1)), int(match.group(2)), int(match.group(3)), match.group(4) or ""
            layout = (("hour", 0), ("minute", 0), ("second", len(fraction) - 1 if fraction else 0))
            total = hours * 3600 + minutes * 60 + seconds + (float(fraction) if fraction else 0)
            digits = f"{hours}{match.group(2)}{match.group(3)}{fraction[1:]}"
        else:
            minutes, seconds, fraction = int(match.group(5)), int(match.group(6)), match.group(7)
            layout = (("minute", 0), ("second", len(fraction) - 1))
            total = minutes * 60 + seconds + float(fraction)
            digits = f"{minutes}{match.group(6)}{fraction[1:]}"
        if minutes < 60 and seconds < 60:
            found.append(Length(match.start(), match.end(), total, digits, layout, len(layout), clock=True))
    taken = [(f.start, f.end) for f in found]
    for match in _PARTS.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        parts = list(re.finditer(_PART, match.group(0), re.IGNORECASE))
        units = [_UNIT.get(p.group("u").lower()) for p in parts]
        if None in units or len(set(units)) != len(units) or units != sorted(units, key=lambda u: -SECONDS_IN[u]):
            continue
        if len(parts) == 1 and units[0] == "second" and parts[0].group("u").lower() == "s" and " " in parts[0].group(0):
            continue  # "35 s" alone is as often a plural's letter
        total, digits, layout, in_words = 0.0, "", [], False
        for part, unit in zip(parts, units):
            figure = part.group("n")
            value = float(figure) if figure[0].isdigit() else (word_value(figure) or (None, True))
            if isinstance(value, tuple):
                if value[1] or value[0] is None:
                    break
                value, in_words = value[0], True
                figure = str(int(value))
            total += value * SECONDS_IN[unit]
            decimals = len(figure.split(".")[1]) if "." in figure else 0
            digits += figure.replace(".", "") if not digits else figure.replace(".", "").zfill(2 + decimals)
            layout.append((unit, decimals))
        else:
            found.append(Length(match.start(), match.end(), total, digits, tuple(layout), len(parts), in_words=in_words))
    return sorted(found, key=lambda f: f.start)


def _figures(gap: Length, seconds: float) -> list[str]:
    """A length as the gap lays it out: 207 seconds as minutes and seconds is ["3", "27"]."""
    figures, rest = [], seconds
    for index, (unit, decimals) in enumerate(gap.layout):
        size = SECONDS_IN[unit]
        if index == len(gap.layout) - 1:
            figures.append(f"{rest / size:.{decimals}f}")
        else:
            whole = int(rest // size + 1e-9)
            rest -= whole * size
            figures.append(str(whole))
    return figures


def slipped_from(gap: Length, distance: float) -> bool:
    """Is the gap, as written, one slip from the distance written the same way ("337" for "327")?"""
    figures = [f.replace(".", "") for f in _figures(gap, distance)]
    actual = figures[0] + "".join(f.zfill(2 + decimals) for f, (_, decimals) in zip(figures[1:], gap.layout[1:]))
    said = gap.digits
    return digit_slip(said, actual)


def as_written(gap: Length, distance: float) -> str:
    """The distance in the gap's own layout: "3:27" for a clock, else "3 minutes and 27 seconds"."""
    figures = _figures(gap, distance)
    if gap.clock:
        return ":".join(f if i == 0 else f.zfill(2 + (len(f.split(".")[1]) + 1 if "." in f else 0)) for i, f in enumerate(figures))
    pieces = [f"{f} {unit}{'' if f == '1' else 's'}" for f, (unit, _) in zip(figures, gap.layout)]
    return pieces[0] if len(pieces) == 1 else ", ".join(pieces[:-1]) + " and " + pieces[-1]


KIND = CheckKind(
    name="time-gap",
    run=run,
    summary="a gap between two race times, or two times of day, that the times contradict",
    messages=("gap",),
)
