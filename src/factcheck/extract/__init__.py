"""Extract stage: dates, numbers and named entities of a Document, as Mentions."""

from __future__ import annotations

from factcheck.extract.dates import find_dates
from factcheck.extract.numbers import find_numbers
from factcheck.extract.sentences import split_sentences
from factcheck.model import Document, Mention

__all__ = ["extract", "split_sentences"]


def extract(document: Document, entities: list[Mention], day_first: bool = False) -> list[Mention]:
    """All mentions in text order. `entities` are the recogniser's (see factcheck.nlp)."""
    dates = find_dates(document.text, document.published, day_first)
    date_spans = [(m.start, m.end) for m in dates]
    numbers = find_numbers(document.text, exclude=date_spans)
    mentions = dates + numbers + entities
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions
