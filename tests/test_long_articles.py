"""Long articles are parsed a piece at a time (memory stays that of a batch of ordinary
articles), and the pieces change nothing that is found."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT
from factcheck import nlp
from factcheck.api import Checker
from factcheck.config import Config
from factcheck.load import load_document

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write  # noqa: E402
from long_article import long_article  # noqa: E402


def test_pieces_cut_between_paragraphs_and_cover_the_text():
    paragraphs = [f"Paragraph {n} says that the film opened on May {n % 28 + 1}, 2023, in {n} cities." for n in range(400)]
    text = "\n\n".join(paragraphs)
    spans = nlp.pieces(text, size=2_000)
    assert len(spans) > 10
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))  # no gap, no overlap
    assert all(end - start <= 2_000 for start, end in spans)
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])  # each cut is a paragraph break


def test_a_text_without_breaks_is_still_cut_at_a_space_and_an_ordinary_article_at_its_paragraphs():
    words = " ".join(["word"] * 3_000)
    spans = nlp.pieces(words, size=1_000)
    assert all(words[end - 1] == " " for _, end in spans[:-1])
    article = (ROOT / "fixtures" / "articles" / "mission-impossible-bts.md").read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", article) if p.strip()]
    assert ["".join(article[a:b].split()) for a, b in nlp.pieces(article)] == ["".join(p.split()) for p in paragraphs]


def test_an_edit_reparses_only_its_paragraph_and_finds_what_a_fresh_parse_finds(monkeypatch):
    """The language server keeps the paragraphs it parsed: after an edit in one paragraph only that
    one goes through spaCy again, and the findings are those of a checker that parses everything."""
    article = (ROOT / "fixtures" / "articles" / "mission-impossible-bts.md").read_text(encoding="utf-8")
    records = ROOT / "fixtures" / "records"
    kept = Checker.from_config(Config(), records=[records])
    kept.parsed_pieces = nlp.ParsedPieces()
    fresh = Checker.from_config(Config(), records=[records])
    kept.check_text(article)
    edited = article.replace("Part On will", "Part One will", 1)
    assert edited != article
    parsed = []
    real_parse_piece = nlp._parse_piece
    monkeypatch.setattr(nlp, "_parse_piece", lambda doc, *args: parsed.append(doc.text) or real_parse_piece(doc, *args))
    again = kept.check_text(edited)
    assert len(parsed) == 1 and "Part One will" in parsed[0]
    monkeypatch.undo()
    assert [(f.rule, f.start, f.end, f.message) for f in again.findings] == \
        [(f.rule, f.start, f.end, f.message) for f in fresh.check_text(edited).findings]


@pytest.fixture(scope="module")
def long_case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    text, entities = long_article(2_500)
    write(folder, [], entities)
    article = folder / "articles" / "long.md"
    article.write_text(text, encoding="utf-8")
    return article, folder / "records"


@pytest.mark.slow  # checks a long article twice
def test_findings_are_the_same_whether_the_article_is_parsed_whole_or_in_pieces(long_case, monkeypatch):
    article, records = long_case
    checker = Checker.from_config(Config(), records=[records])

    def findings():
        result = next(checker.check_documents([load_document(str(article))]))
        assert result.failure is None
        return [(f.rule, f.start, f.end, f.message) for f in result.findings]

    whole = findings()
    monkeypatch.setattr(nlp, "PIECE_CHARS", 1_500)
    assert len(nlp.pieces(article.read_text(encoding="utf-8"))) >= 8
    in_pieces = findings()
    assert whole == in_pieces
    # the records' errors are found wherever they are: a misspelt title near the top, a wrong
    # release date in the last part of the article
    text = article.read_text(encoding="utf-8")
    by_rule = {rule: start for rule, start, _, _ in whole}
    assert by_rule["name-near-miss"] < len(text) // 4
    assert [start for rule, start, _, _ in in_pieces if rule == "date-contradicts-record"][-1] > len(text) // 2
