"""tense: future tense for a date before publication, or past tense for a date after it.

"will release on June 28, 2022" in a 2023 article speaks of the past as if it
were to come. The cue words are the rule's parameters; the nearest cue before
the date in its sentence decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import CheckKind, _common
from factcheck.model import Analysis, DateValue, Evidence, Finding


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    published = analysis.document.published
    if published is None:
        return
    cues = {name: _common.phrase_keys(KIND.param(rule, name)) for name in ("future", "past", "past_verbs", "past_planning")}
    window = KIND.param(rule, "window")
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "date" or not isinstance(value, DateValue) or not _usable(mention, published):
            continue
        sentence = analysis.sentence_of(mention.start)
        words = [t.norm for t in _common.tokens_between(analysis, sentence.start, mention.start)]
        # a cue must end inside the window, but may start before it ("there were")
        lead = max(0, len(words) - window - 3)
        cue = _nearest_cue(words[lead:], cues, min_end=len(words) - lead - window)
        if cue is None:
            continue
        tense, words = cue
        if tense == "future" and value.latest < published:
            message = f"“{words}” speaks of the future, but {value} is before the publication date {published.isoformat()}"
        elif tense == "past" and value.earliest > published:
            message = f"“{words}” speaks of the past, but {value} is after the publication date {published.isoformat()}"
        else:
            continue
        yield Finding(
            rule=rule.id,
            severity=rule.severity,
            message=message,
            start=mention.start,
            end=mention.end,
            text=mention.text,
            evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
        )


def _usable(mention, published) -> bool:
    """Relative dates are the publication date's by construction; a date whose year was
    guessed is trusted only near the publication date (far off, the writer may mean another year)."""
    value = mention.value
    if not value.relative:
        return True
    return mention.label in ("day-no-year", "weekday") and abs((value.earliest - published).days) <= 60


def _nearest_cue(words: list[str], cues: dict, min_end: int = 0) -> tuple[str, str] | None:
    """The tense of the cue closest before the date.

    A past-tense plan ("was scheduled for") speaks of no tense; a past participle
    after a future marker is future ("will be released").
    """
    found = []
    for category, phrases in cues.items():
        for index, phrase in _common.find_phrase(words, phrases):
            if index + len(phrase) > min_end:
                found.append((index + len(phrase), len(phrase), index, category))
    if not found:
        return None
    end, _, index, category = max(found)
    text = " ".join(words[index:end])
    if category == "past_planning":
        return None
    if category == "past_verbs":
        futures = [f for f in found if f[3] == "future" and f[0] <= index]
        if futures:
            return "future", " ".join(words[futures[-1][2]:end])
        return "past", text
    return category, text


KIND = CheckKind(
    name="tense",
    run=run,
    summary="a verb's tense contradicts the date it governs",
    params={
        "future": ((list,), []),
        "past": ((list,), []),
        "past_verbs": ((list,), []),
        "past_planning": ((list,), []),
        "window": ((int,), 8),
    },
)
