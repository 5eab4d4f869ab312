"""Loading articles: front matter, what is blanked, and offsets that stay put."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UserError
from factcheck.load import load_document
from factcheck.model import Document


def write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))  # bytes: keep \r\n and \r as written
    return path


def load(tmp_path, name: str, content: str, **kwargs) -> Document:
    document = load_document(str(write(tmp_path, name, content)), **kwargs)
    assert_offsets_kept(document)
    return document


def assert_offsets_kept(document: Document) -> None:
    """Masking only blanks: same length; a line break stays or becomes a space (a soft
    break inside a paragraph); other text is unchanged, a space, or a break where an
    HTML block tag stood."""
    source, text = document.source, document.text
    assert len(text) == len(source)
    for index, (original, masked) in enumerate(zip(source, text)):
        if original in "\r\n":
            assert masked in (original, " "), (index, source[max(0, index - 20):index + 20])
        else:
            assert masked in (original, " ", "\n"), (index, original, masked)


def _spaced(text: str) -> str:
    return re.sub(r"\s", " ", text)


def kept(document: Document, fragment: str, occurrence: int = 0) -> bool:
    start = _find(document.source, fragment, occurrence)
    return _spaced(document.text[start:start + len(fragment)]) == _spaced(fragment)


def blanked(document: Document, fragment: str, occurrence: int = 0) -> bool:
    start = _find(document.source, fragment, occurrence)
    return document.text[start:start + len(fragment)].strip() == ""


def _find(source: str, fragment: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(fragment, start + 1)
    return start


# --- front matter ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["date: 2022-12-21", 'date: "2022-12-21"', "date: 2022-12-21T10:30:00", "date: '2022-12-21 10:30'", "published: 2022-12-21", "pubdate: 2022-12-21"],
)
def test_front_matter_date_is_the_publication_date(tmp_path, line):
    document = load(tmp_path, "a.md", f"---\ntitle: Clip\n{line}\n---\nBody text.\n")
    assert document.published == dt.date(2022, 12, 21)
    assert type(document.published) is dt.date


def test_published_argument_overrides_the_front_matter(tmp_path):
    document = load(tmp_path, "a.md", "---\ndate: 2022-12-21\n---\nBody.\n", published=dt.date(2023, 1, 2))
    assert document.published == dt.date(2023, 1, 2)


def test_no_front_matter_no_publication_date(tmp_path):
    assert load(tmp_path, "a.md", "Body, July 12, 2023.\n").published is None


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_front_matter_is_blanked_but_its_lines_kept(tmp_path, newline):
    front = newline.join(["---", "title: Released July 19, 2023", "date: 2022-12-21", "---"]) + newline
    body = f"# Clip{newline}Released July 12, 2023.{newline}"
    document = load(tmp_path, "a.md", front + body)
    assert document.published == dt.date(2022, 12, 21)
    assert document.text[:len(front)].strip() == ""
    assert document.text[:len(front)].count(newline) == 4
    assert kept(document, "Released July 12, 2023.")
    assert document.position(len(front)) == (5, 1)


def test_a_bad_front_matter_date_names_its_line(tmp_path):
    with pytest.raises(UserError) as caught:
        load(tmp_path, "a.md", "---\ntitle: x\ndate: next week\n---\nBody.\n")
    assert caught.value.line == 3
    assert "publication date" in caught.value.message


def test_a_thematic_break_later_on_is_no_front_matter(tmp_path):
    document = load(tmp_path, "a.md", "Intro July 12, 2023.\n\n---\n\ndate: 2022-12-21\n")
    assert document.published is None
    assert kept(document, "Intro July 12, 2023.")


# --- Markdown masking ------------------------------------------------------


ARTICLE = """\
---
title: Clip
date: 2022-12-21
---
# Heading 7 here

Some **bold 500** and *italic 13,000* and __under 6__ words.

See [the trailer](https://example.com/trailer_2023?id=7) or https://example.org/x_1/2023-07-12.

```yaml
released: July 19, 2023
```

~~~
fenced 99
~~~

    indented code 42

Use `npm 123` and ``a ` b 77`` here <!-- note: 2023-07-19 --> ok.

<!--
a comment
over 3 lines
-->

![poster 88](poster.png)

[ref]: https://example.com/ref "Ref 5"

> Quoted 11 words
- item 12
1. first 13
"""


@pytest.fixture
def article(tmp_path) -> Document:
    return load(tmp_path, "article.md", ARTICLE)


@pytest.mark.parametrize(
    "fragment",
    [
        "released: July 19, 2023",
        "```yaml",
        "fenced 99",
        "    indented code 42",
        "`npm 123`",
        "``a ` b 77``",
        "<!-- note: 2023-07-19 -->",
        "<!--\na comment\nover 3 lines\n-->",
        "(https://example.com/trailer_2023?id=7)",
        "https://example.org/x_1/2023-07-12",
        "![poster 88](poster.png)",
        '[ref]: https://example.com/ref "Ref 5"',
        "title: Clip",
    ],
)
def test_markdown_blanks_what_is_not_prose(article, fragment):
    assert blanked(article, fragment), repr(article.text)


@pytest.mark.parametrize(
    "fragment",
    ["Heading 7 here", "bold 500", "italic 13,000", "under 6", "the trailer", "Quoted 11 words", "item 12", "first 13", "here", "ok."],
)
def test_markdown_keeps_the_words_at_their_offsets(article, fragment):
    assert kept(article, fragment), repr(article.text)


@pytest.mark.parametrize(
    "fragment, masked",
    [
        ("# Heading 7", "  Heading 7"),
        ("**bold 500**", "  bold 500  "),
        ("*italic 13,000*", " italic 13,000 "),
        ("__under 6__", "  under 6  "),
        ("[the trailer](", " the trailer  "),
        ("> Quoted", "  Quoted"),
        ("- item 12", "  item 12"),
        ("1. first 13", "   first 13"),
    ],
)
def test_markdown_marks_are_blanked_and_words_kept_in_place(article, fragment, masked):
    start = article.source.index(fragment)
    assert article.text[start:start + len(fragment)] == masked


def test_crlf_markdown_is_masked_like_lf(tmp_path):
    document = load(tmp_path, "a.md", ARTICLE.replace("\n", "\r\n"))
    assert document.text == load(tmp_path, "b.md", ARTICLE).text.replace("\n", "\r\n")


def test_link_target_with_parentheses_is_blanked_whole(tmp_path):
    document = load(tmp_path, "a.md", "See [Heat](https://en.wikipedia.org/wiki/Heat_(1995_film)) now.\n")
    assert document.text == "See  Heat" + " " * len("](https://en.wikipedia.org/wiki/Heat_(1995_film))") + " now.\n"


def test_a_stray_backtick_does_not_blank_the_next_paragraph(tmp_path):
    document = load(tmp_path, "a.md", "Don`t stop.\n\nIt made $800 million. Use `x` here.\n")
    assert kept(document, "It made $800 million.")
    assert blanked(document, "`x`")


def test_a_wrapped_line_starting_with_a_number_is_no_list(tmp_path):
    source = "It was released on July 12,\n2023. The actor did over\n500. Jumps\n\n2. a real list item\n3. another\n"
    document = load(tmp_path, "a.md", source)
    assert kept(document, "2023. The actor")
    assert kept(document, "500. Jumps")
    assert blanked(document, "\n2. ") and kept(document, "a real list item")
    assert blanked(document, "\n3. ") and kept(document, "another")


def test_nested_and_quoted_list_markers_are_blanked(tmp_path):
    document = load(tmp_path, "a.md", "- outer\n    - inner 5\n        1. deep 6\n\n> 4. quoted 7\n")
    for words in ("outer", "inner 5", "deep 6", "quoted 7"):
        start = document.source.index(words)
        assert document.text[:start].rsplit("\n", 1)[-1].strip() == "", words
        assert kept(document, words)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x85", "\x0b", "\x1c"])
def test_unicode_line_separators_do_not_shift_code_blocks(tmp_path, separator):
    # markdown-it counts only \n, \r\n and \r as line breaks
    source = f"Intro{separator}more{separator}text 1.\n\n```\ncode 5\n```\n\nProse 7\n"
    document = load(tmp_path, "a.md", source)
    assert blanked(document, "```\ncode 5\n```")
    assert kept(document, f"Intro{separator}more{separator}text 1.")
    assert kept(document, "Prose 7")


def test_html_block_in_markdown_is_blanked(tmp_path):
    document = load(tmp_path, "a.md", "Prose 1.\n\n<div class=\"x\">\nHidden 2\n</div>\n\nProse 3.\n")
    assert blanked(document, "Hidden 2")
    assert kept(document, "Prose 1.") and kept(document, "Prose 3.")


def test_underscores_inside_words_and_lone_asterisks_are_kept(tmp_path):
    document = load(tmp_path, "a.md", "snake_case_name and 5 * 3 = 15 stay.\n")
    assert document.text == document.source


# --- plain text and HTML ---------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".text"])
def test_plain_text_is_not_markdown_masked_except_urls(tmp_path, suffix):
    source = "# Not a heading\nSome *text* and `code` and <!-- x --> at https://example.com/a_b.\n"
    document = load(tmp_path, f"a{suffix}", source)
    assert blanked(document, "https://example.com/a_b")
    assert _spaced(document.text) == _spaced(source.replace("https://example.com/a_b", " " * len("https://example.com/a_b")))


def test_soft_line_breaks_join_a_paragraph_into_one_sentence(tmp_path):
    markdown = load(tmp_path, "a.md", "# Heading\nThe film will release on\nJune 28, 2024.\n\n- a list\n- item\n")
    assert markdown.text.index("June") - markdown.text.index("on\x20") == 3  # "on" and "June" one space apart
    assert "\n" not in markdown.text[markdown.text.index("will"):markdown.text.index("2024")]
    assert markdown.text[markdown.source.index("\nThe")] == "\n"  # a heading ends its line
    assert markdown.text[markdown.source.index("\n- item")] == "\n"  # so does a list item
    plain = load(tmp_path, "a.txt", "A Headline In Title Case\nThe film will release on\nJune 28, 2024.\n")
    assert plain.text[plain.source.index("\nThe")] == "\n"
    assert plain.text[plain.source.index("\nJune")] == " "


def test_www_urls_are_blanked_but_not_the_sentence_end(tmp_path):
    document = load(tmp_path, "a.txt", "Visit www.example.com/2023. Then (https://x.org/a).\n")
    assert blanked(document, "www.example.com/2023")
    assert kept(document, ". Then (")
    assert blanked(document, "https://x.org/a")
    assert kept(document, ").")


HTML = """\
<!DOCTYPE html>
<html><head><title>Clip</title>
<style>p { width: 500px; }</style>
<script type="text/javascript">var released = "July 19, 2023";</script>
</head>
<body><p class="lede">Tom &amp; Jerry&#8217;s film opened July 12, 2023 &mdash; to 13,000 fans.</p>
<!-- draft: July 19, 2023 -->
<pre>
released = "July 19, 2023"
</pre><p>Set <code>year = 2024</code> aside.</p>
<p>Caf&eacute; &nbsp; &unknownentity; done</p></body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_tags_scripts_and_styles_are_blanked(tmp_path, suffix):
    document = load_document(str(write(tmp_path, f"a{suffix}", HTML)))
    assert len(document.text) == len(document.source)
    for fragment in ('<p class="lede">', "<style>p { width: 500px; }</style>", '<script type="text/javascript">var released = "July 19, 2023";</script>', "<!-- draft: July 19, 2023 -->", "<!DOCTYPE html>",
                     '<pre>\nreleased = "July 19, 2023"\n</pre>', "<code>year = 2024</code>"):
        assert blanked(document, fragment), fragment
    assert kept(document, "opened July 12, 2023")
    assert kept(document, "to 13,000 fans.")
    assert kept(document, "Set ") and kept(document, " aside.")


def test_html_entities_become_one_character_and_keep_offsets(tmp_path):
    document = load_document(str(write(tmp_path, "a.html", HTML)))
    for entity, char in (("&amp;", "&"), ("&#8217;", "\u2019"), ("&mdash;", "\u2014"), ("&eacute;", "\u00e9"), ("&nbsp;", "\u00a0"), ("&unknownentity;", " ")):
        start = document.source.index(entity)
        assert document.text[start:start + len(entity)] == char.ljust(len(entity)), entity
    for word in ("Jerry", "s film", "opened", "done"):
        assert kept(document, word)
    assert document.source.index("Jerry") == document.text.index("Jerry")


# --- positions -------------------------------------------------------------


@pytest.mark.parametrize(
    "source, offset, expected",
    [
        ("ab\ncd\n", 0, (1, 1)),
        ("ab\ncd\n", 2, (1, 3)),  # the line break itself is on its line
        ("ab\ncd\n", 3, (2, 1)),
        ("ab\ncd\n", 4, (2, 2)),
        ("ab\ncd\n", 6, (3, 1)),  # end of file
        ("ab\r\ncd", 2, (1, 3)),
        ("ab\r\ncd", 3, (1, 4)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\rcd\rx", 3, (2, 1)),
        ("ab\rcd\rx", 6, (3, 1)),
        ("\n\n\nx", 3, (4, 1)),
        ("\r\n\r\nx", 4, (3, 1)),
        ("😀 x\nab", 2, (1, 3)),  # columns count characters
        ("e\u0301x", 2, (1, 3)),  # a combining mark is a character of its own
        ("a\u2028b", 2, (1, 3)),  # only \n, \r\n and \r break lines
    ],
)
def test_position(source, offset, expected):
    document = load_document("article.txt", source=source)
    assert document.position(offset) == expected


def reference_position(source: str, offset: int) -> tuple[int, int]:
    line, line_start = 1, 0
    for match in re.finditer(r"\r\n|\r|\n", source):
        if match.end() > offset:
            break
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


_PIECES = st.sampled_from(["a", "Z", " ", "\t", "\n", "\r", "\r\n", "\n\n", "😀", "e\u0301", "\u2028", "\x85", "é", "7", "#", "-"])


@settings(derandomize=True, max_examples=200)
@given(st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(alphabet=st.characters(exclude_characters="\ufeff", exclude_categories=("Cs",)), max_size=60)))
def test_position_agrees_with_a_reference_for_every_offset(source):
    document = load_document("article.txt", source=source)
    for offset in range(len(source) + 1):
        assert document.position(offset) == reference_position(source, offset), (source, offset)


_MARKDOWN_PIECES = st.sampled_from(
    ["word", " ", "\n", "\r\n", "\r", "\n\n", "# ", "> ", "- ", "1. ", "2023. ", "*", "**", "_", "`", "```", "~~~", "    ", "[", "](", ")", "(", "!", "<!--", "-->", "<div>", "https://x.org/a_b", "---", "&amp;", "😀", "\u2028", "13,000", "July 12, 2023"]
)


@settings(derandomize=True, max_examples=200)
@given(st.lists(_MARKDOWN_PIECES, max_size=40).map("".join))
def test_markdown_masking_only_ever_blanks(source):
    document = load_document("article.md", source=source)
    assert_offsets_kept(document)
    assert document.line_starts == Document.index_lines(source)


# --- standard input --------------------------------------------------------


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_read_as_markdown_and_named(monkeypatch):
    _stdin(monkeypatch, b"---\ndate: 2022-12-21\n---\n# Title\n\nOver `500` jumps, see https://x.org.\n")
    document = load_document("-")
    assert document.path == "<stdin>"
    assert document.published == dt.date(2022, 12, 21)
    assert_offsets_kept(document)
    assert blanked(document, "`500`")
    assert blanked(document, "# ")
    assert blanked(document, "https://x.org")
    assert kept(document, "Over ")


def test_stdin_html_is_recognised_by_its_start(monkeypatch):
    _stdin(monkeypatch, b"  <!doctype html><p>Tom &amp; Jerry</p>\n")
    document = load_document("-")
    assert document.path == "<stdin>"
    assert blanked(document, "<p>")
    assert kept(document, "Tom &")


def test_stdin_byte_order_mark_is_dropped(monkeypatch):
    _stdin(monkeypatch, "\ufeffJuly 12, 2023\r\nnext\r\n".encode("utf-8"))
    document = load_document("-")
    assert document.source == "July 12, 2023\r\nnext\r\n"
    assert document.position(document.source.index("next")) == (2, 1)


def test_stdin_errors_name_stdin(monkeypatch):
    _stdin(monkeypatch, b"caf\xe9\n")
    with pytest.raises(UserError) as caught:
        load_document("-")
    assert caught.value.path == "<stdin>"


def test_file_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\ndate: 2022-12-21\n---\nBody\n".encode("utf-8"))
    document = load_document(str(path))
    assert document.published == dt.date(2022, 12, 21)
    assert document.source.startswith("---")


# --- end to end ------------------------------------------------------------


RECORDS = """\
entities:
  - id: glass-harbour
    type: film
    name: Glass Harbour
    facts:
      release_date: 2023-07-12
"""
WRONG = "Glass Harbour was released on July 19, 2023."


def _findings(cli, tmp_path, article: str, newline: str = "\n"):
    records = write(tmp_path, "films.yaml", RECORDS)
    path = write(tmp_path, "article.md", article.replace("\n", newline))
    result = cli("check", path, "--records", records, "--format", "json")
    assert result.code in (0, 1), result.err
    return result, result.json()["files"][0]["findings"], path.read_bytes().decode()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_wrong_date_in_a_code_block_is_not_reported_but_in_prose_it_is(cli, tmp_path, newline):
    article = f"---\ndate: 2023-09-01\n---\n# Glass Harbour\n\n```\n{WRONG}\n```\n\nIn short: {WRONG}\n"
    result, findings, source = _findings(cli, tmp_path, article, newline)
    assert result.code == 1
    code_block = (source.index("```"), source.rindex("```") + 3)
    assert not [f for f in findings if f["start"] < code_block[1] and code_block[0] < f["end"]]
    [finding] = [f for f in findings if f["rule"] == "date-contradicts-record"]
    prose = source.rindex("July 19, 2023")
    assert (finding["start"], finding["end"], finding["text"]) == (prose, prose + len("July 19, 2023"), "July 19, 2023")
    line = source.count("\n", 0, prose) + 1
    column = prose - (source.rfind("\n", 0, prose) + 1) + 1
    assert (finding["line"], finding["column"]) == (line, column) == (10, 41)
    assert finding["suggestion"] == "July 12, 2023"


@pytest.mark.parametrize(
    "hidden",
    [
        f"```\n{WRONG}\n```",
        f"    {WRONG}",
        f"Quoted: `{WRONG}`",
        f"<!-- {WRONG} -->",
        f"[a link](https://example.com/{WRONG.replace(' ', '-')})",
    ],
)
def test_wrong_date_outside_the_prose_is_never_reported(cli, tmp_path, hidden):
    article = f"---\ndate: 2023-09-01\nsummary: {WRONG}\n---\n# Glass Harbour\n\nGlass Harbour is a film.\n\n{hidden}\n"
    result, findings, source = _findings(cli, tmp_path, article)
    prose = (source.index("Glass Harbour is"), source.index("a film.") + len("a film."))
    assert [f for f in findings if f["rule"] == "date-contradicts-record"] == []
    assert all(prose[0] <= f["start"] and f["end"] <= prose[1] for f in findings), findings


def test_a_byte_order_mark_moves_no_offset(tmp_path, cli):
    """JSON offsets, lines and columns count characters of the text an editor shows: a UTF-8 byte
    order mark is no character of it, so a file with one reports exactly what the same file without
    one does, and each finding's text is the slice its offsets name."""
    import json

    article = "The film Toy Tales 3 was released on Friday, June 18, 2011.\n"
    reports = []
    for name, data in (("plain.md", article.encode()), ("bom.md", b"\xef\xbb\xbf" + article.encode())):
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("check", path, "--published", "2011-07-01", "--format", "json", "--no-cache", "--fail-on", "never")
        findings = json.loads(result.out)["files"][0]["findings"]
        assert findings, result.err
        reports.append([(f["start"], f["end"], f["line"], f["column"], f["text"]) for f in findings])
        decoded = data.decode("utf-8-sig")
        assert all(decoded[f["start"]:f["end"]] == f["text"] for f in findings)
    assert reports[0] == reports[1]
