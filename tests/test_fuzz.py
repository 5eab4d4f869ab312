"""Properties over generated input (hypothesis, derandomized and bounded so CI is
deterministic and quick): whatever the bytes, loading ends in a Document or a UserError;
YAML bombs are refused exactly when they are too big; the linear-time masking helpers
agree with the regular expressions they replace; writes are exact; globs match as the
glob module does, without following links."""

from __future__ import annotations

import glob
import json
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import baseline, fix, load, yamlfile
from factcheck.errors import UserError
from factcheck.model import Document

FAST = settings(derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(derandomize=True, max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.slow  # hypothesis runs hundreds of examples per property


@contextmanager
def _temporary_file(name: str, data: bytes):
    with tempfile.TemporaryDirectory(prefix="factcheck-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


# --- loading: any bytes give a Document (offsets kept) or a UserError ----------------------

_TEXTY_BYTES = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(alphabet="aé“”–\n\r€ü", max_size=60).flatmap(
        lambda t: st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig"]).map(lambda e: t.encode(e, "replace"))
    ),
)


@FILES
@given(_TEXTY_BYTES, st.sampled_from(["a.md", "a.txt", "a.html"]))
def test_any_bytes_load_or_give_a_user_error(data, name):
    with _temporary_file(name, data) as path:
        try:
            document = load.load_document(str(path))
        except UserError as error:
            assert str(path) in str(error) and "\n" not in str(error)
            return
    assert document.source.encode("utf-8") in (data, data.removeprefix(b"\xef\xbb\xbf"))
    assert len(document.text) == len(document.source)
    assert document.line_starts == Document.index_lines(document.source)


_HTML_PIECES = st.sampled_from(
    ["word", " ", "\n", "\r\n", "<p>", "</p>", "<div class='a>b'>", "<", ">", "<!--", "-->", "<script>", "</script>",
     "<pre >", "</PRE>", "<code>", "</code >", "&amp;", "&#8217;", "&bogus;", "July 12, 2023", "😀"]
)


@FAST
@given(st.lists(_HTML_PIECES, max_size=40).map("".join))
def test_html_masking_only_ever_blanks(source):
    document = load.load_document("article.html", source=source)
    assert len(document.text) == len(document.source)
    assert document.line_starts == Document.index_lines(source)
    for original, masked in zip(document.source, document.text):
        # kept, blanked, a break where a block tag was, or an entity's character where it began
        assert masked == original or masked in " \n" or original == "&"


# --- the linear-time helpers agree with the regular expressions they replace ------------

_LINK_PIECES = st.sampled_from(["[", "]", "(", ")", "!", "a", " ", "\n", "](", "![", "x)", "((", "))"])
_CODE_PIECES = st.sampled_from(["`", "``", "```", "a", " ", "\n", "\r\n", "\r", "\n\n", "\n \n", "\t"])


@FAST
@given(st.lists(_LINK_PIECES, max_size=40).map("".join))
def test_links_match_the_link_pattern(text):
    expected = [(m.start(), bool(m.group(1)), m.end(2), m.end()) for m in load._LINK_TARGET_RE.finditer(text)]
    assert list(load._links(text)) == expected


@FAST
@given(st.lists(_CODE_PIECES, max_size=40).map("".join))
def test_code_spans_match_the_code_span_pattern(text):
    assert list(load._inline_code_spans(text)) == [m.span() for m in load._INLINE_CODE_RE.finditer(text)]


@FAST
@given(st.lists(_HTML_PIECES, max_size=40).map("".join))
def test_html_helpers_match_their_patterns(text):
    assert list(load._code_spans(text)) == [m.span() for m in load._SCRIPT_RE.finditer(text)]
    assert load._mask(text, load._HTML_COMMENT_RE, closer="-->") == load._mask(text, load._HTML_COMMENT_RE)
    assert load._mask(text, load._TAG_RE, closer=">") == load._mask(text, load._TAG_RE)


# --- YAML: never anything but data or a UserError; bombs refused exactly when too big ---

_YAML_PIECES = st.sampled_from(
    ["a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "&x ", "*x", "&y ", "*y", "!!python/object:os.system ",
     "!!binary ", "'", '"', "? ", "<<: ", "2020-02-30", "1e400", "99999999999999999999", "---\n", "...\n", "#", "|\n", "%YAML 1.1\n"]
)


@FAST
@given(st.one_of(st.lists(_YAML_PIECES, max_size=40).map("".join), st.text(max_size=80)))
def test_yaml_is_data_or_a_user_error(text):
    try:
        yamlfile.parse_yaml(text, "fuzz.yaml")
    except UserError as error:
        assert str(error).startswith("fuzz.yaml") and "\n" not in str(error)


def _expanded(value, seen_limit: int) -> int:
    """Values in `value` with every shared part counted each time (stops counting past the limit)."""
    count, stack = 0, [value]
    while stack and count <= seen_limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            for key, child in item.items():
                stack.extend((key, child))
        elif isinstance(item, list):
            stack.extend(item)
    return count


@FAST
@given(st.lists(st.lists(st.integers(0, 6), min_size=1, max_size=5), min_size=1, max_size=8))
def test_alias_expansion_is_bounded_exactly(levels):
    """Layers of aliases to earlier layers: refused exactly when the expanded data has more values than the bound."""
    lines = ["l0: &l0 [v]"]
    for number, uses in enumerate(levels, 1):
        items = ", ".join(f"*l{min(use, number - 1)}" for use in uses)
        lines.append(f"l{number}: &l{number} [{items}]")
    text = "\n".join(lines) + "\n"
    bound = 200
    node = yaml.SafeLoader(text).get_single_node()
    data = yaml.safe_load(text)
    try:
        size = yamlfile.check_expanded_size(node, max_nodes=bound)
    except yaml.MarkedYAMLError as error:
        assert "expands to more than" in str(error.problem) or "nested" in str(error.problem)
        if "expands" in str(error.problem):
            assert _expanded(data, bound) > bound
        return
    assert size == _expanded(data, bound + 10) <= bound


# --- baselines, writes, globs ---------------------------------------------------------


@FILES
@given(st.one_of(
    st.binary(max_size=120),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                 lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
                 max_leaves=12).map(lambda v: json.dumps(v).encode()),
    st.lists(st.fixed_dictionaries({"path": st.text(max_size=5), "rule": st.text(max_size=5), "text": st.text(max_size=5),
                                    "context": st.text(max_size=5), "count": st.one_of(st.integers(), st.text(max_size=3))}), max_size=3)
    .map(lambda entries: json.dumps({"factcheck_baseline": 1, "findings": entries}).encode()),
))
def test_a_baseline_reads_or_gives_a_user_error(data):
    with _temporary_file("baseline.json", data) as path:
        try:
            counts = baseline.read(path)
        except UserError as error:
            assert str(path) in str(error) and "\n" not in str(error)
            return
    assert isinstance(counts, Counter)


@FILES
@given(st.text(max_size=200), st.sampled_from([0o600, 0o644, 0o664]))
def test_a_write_is_exact_keeps_the_mode_and_leaves_nothing_else(text, mode):
    with _temporary_file("article.md", b"old\n") as path:
        os.chmod(path, mode)
        try:
            fix.write_atomically(path, text)
        except UnicodeEncodeError:
            assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)  # lone surrogates cannot be UTF-8
            assert path.read_bytes() == b"old\n"
        else:
            assert path.read_bytes() == text.encode("utf-8")
            assert path.stat().st_mode & 0o777 == mode
        assert [p.name for p in path.parent.iterdir()] == ["article.md"]


_TREE = st.lists(
    st.lists(st.sampled_from(["a", "b", "sub", "x.md", "y.txt", "z.md", ".hidden", ".h.md"]), min_size=1, max_size=3),
    min_size=1, max_size=6,
)
_PATTERN = st.lists(st.sampled_from(["**", "*", "*.md", "a", "sub", "?.md", "[xy].md", "x.md", "*.txt"]), min_size=1, max_size=3)


@FILES
@given(_TREE, _PATTERN)
def test_recursive_globs_match_the_glob_module(tree, pattern):
    with tempfile.TemporaryDirectory(prefix="factcheck-glob-") as folder:
        _compare_globs(Path(folder), tree, pattern)


def _compare_globs(root: Path, tree: list[list[str]], pattern: list[str]) -> None:
    for parts in tree:
        target = root.joinpath(*parts)
        if any(root.joinpath(*parts[:i]).is_file() for i in range(1, len(parts))):
            continue
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x")
    text = str(root) + "/" + "/".join(pattern)
    if "**" not in pattern:
        pattern = ["**", *pattern]
        text = str(root) + "/" + "/".join(pattern)
    # "**/**" repeats paths; "file/**" gives "file/", which names no file below it
    expected = sorted({p for p in glob.glob(text, recursive=True) if Path(p).is_file() and not p.endswith("/")})
    assert sorted({str(p) for p in load._expand_glob(text)}) == expected
