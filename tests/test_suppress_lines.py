"""An end-of-line `<!-- factcheck: ignore -->` silences its own line, and only it, whatever the line endings."""

from __future__ import annotations

import pytest

RECORDS = "entities:\n  - id: tt3\n    type: film\n    name: Toy Tales 3\n    facts:\n      release_date: 2010-06-18\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_an_end_of_line_directive_silences_its_line_only(cli, tmp_path, newline):
    records = tmp_path / "records.yaml"
    records.write_text(RECORDS, encoding="utf-8")
    article = tmp_path / "article.md"
    text = newline.join([
        "Toy Tales 3 was released on June 18, 2011. <!-- factcheck: ignore -->",
        "Toy Tales 3 was released on June 18, 2012.",
        "",
    ])
    article.write_bytes(text.encode("utf-8"))
    result = cli("check", article, "--records", records, "--format", "json", "--no-cache")
    findings = result.json()["files"][0]["findings"]
    assert [(f["line"], f["text"]) for f in findings] == [(2, "June 18, 2012")], findings


def test_the_issue_example_reports_nothing(cli, tmp_path):
    records = tmp_path / "records.yaml"
    records.write_text(RECORDS, encoding="utf-8")
    article = tmp_path / "article.md"
    article.write_text("Toy Tales 3 was released on June 18, 2011. <!-- factcheck: ignore -->\n", encoding="utf-8")
    result = cli("check", article, "--records", records, "--no-cache")
    assert result.code == 0 and "no findings" in result.out


@pytest.mark.parametrize("text, quotation", [
    ('"Let It Be," he said, and left the stage.', True),  # words a speaker said, title case or not
    ('"We are thrilled," said the director.', True),
    ('The record displaces Picasso\'s "Les Femmes d\'Alger (Version \'O\')," which sold for $179.4 million.', False),
    ('Eilish won song of the year for "What Was I Made For?" from the soundtrack.', False),
])
def test_a_title_in_quotation_marks_is_the_writers_words_a_speakers_are_a_quotation(text, quotation):
    from factcheck.model import Document
    from factcheck.suppress import quote_spans

    spans = quote_spans(Document(path="a.txt", source=text, text=text))
    assert bool(spans) == quotation, spans
