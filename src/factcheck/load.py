"""Load articles: plain text, Markdown with YAML front matter, HTML, or standard input.

A Document keeps the original text and a copy of the same length in which
everything that must not be checked (front matter, code, URLs, markup) is
blanked with spaces; offsets into one are offsets into the other.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from factcheck.errors import UserError
from factcheck.model import Document
from factcheck.yamlfile import decode_utf8, guess_encoding, limit, parse_yaml, read_bounded

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
STDIN = "-"
# Limits (README "Limits"); the environment variables change them for one run.
MAX_ARTICLE_BYTES = 10_000_000  # FACTCHECK_MAX_FILE_BYTES: refused before it is read
MAX_ARTICLE_CHARS = 1_000_000  # FACTCHECK_MAX_TEXT_CHARS: what one analysis takes (spaCy's own max_length)
# FACTCHECK_MAX_TOKENS: words, symbols and line breaks left to analyse once markup is blanked.
# The parser takes a long article a piece at a time (nlp.pieces), so memory stays bounded, but
# time grows with the text (100,000 words: about 20 s): the bound keeps a stray dump from
# holding up a pre-commit hook, and the variables raise it (bench/long_article.py).
MAX_ARTICLE_TOKENS = 100_000
_TOKEN_RE = re.compile(r"\w+|[^\w\s]|\s{2,}|\n")
PUBLISHED_KEYS = ("date", "published", "publication_date", "pubdate")

# Line breaks are \n, \r\n or a lone \r (old Mac files), as Document.index_lines counts them.
_NEWLINE = r"(?:\r\n?|\n)"
_FRONT_MATTER_RE = re.compile(rf"\A(?:\ufeff)?---[ \t]*{_NEWLINE}(.*?){_NEWLINE}(?:---|\.\.\.)[ \t]*(?:{_NEWLINE}|\Z)", re.DOTALL)
_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]")
# A code span ends at its paragraph: a stray backtick must not blank the paragraphs after it.
_INLINE_CODE_RE = re.compile(rf"(`+)(?!`)(?:(?!{_NEWLINE}[ \t]*{_NEWLINE}).)+?(?<!`)\1(?!`)", re.DOTALL)
# A run this long without a space is no word of prose (a blob, a rule of dashes, a hostile file),
# and spaCy's tokenizer takes quadratic time to split one: 4,000 "$" take it 2 s, 200,000 hours.
MAX_WORD_CHARS = 100
_LONG_RUN_RE = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1},}}")
_BACKTICKS_RE = re.compile(r"`+")
_BLANK_LINE_AHEAD_RE = re.compile(rf"(?={_NEWLINE}[ \t]*{_NEWLINE})")
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
# a target may hold one level of parentheses: (https://en.wikipedia.org/wiki/Heat_(1995_film))
_LINK_TARGET_RE = re.compile(r"(!?)\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_HEADING_MARK_RE = re.compile(r"^ {0,3}(#{1,6})(?=\s)|^ {0,3}>[ >]*", re.MULTILINE)
# Applied only to the lines where markdown-it starts a list item: a wrapped line of a
# paragraph may begin "2023. The film …" and that is no list.
_LIST_MARK_RE = re.compile(r"^(?:[ \t>]*(?:[-*+]|\d{1,9}[.)])(?=\s))+")
_EMPHASIS_RE = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*])")
_TAG_RE = re.compile(r"<[^>]*>")
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|hr|tr|td|th|table|section|article|header|footer|nav|aside|main|blockquote|figure|figcaption|title|dd|dt)\b[^>]*>", re.IGNORECASE)
# `factcheck: ignore[…]` alone on a line is a suppression directive in plain text, not prose
# (one run of blanks before the marker and one after it: two runs side by side took quadratic time on a long blank line)
_DIRECTIVE_LINE_RE = re.compile(r"^[ \t]*(?:(?:#|//)[ \t]*)?factcheck:\s*(?:ignore|off|on)(?:\[[^\]\n]*\])?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# Code is not prose in HTML either: <pre> and <code> are blanked as Markdown's code is.
_SCRIPT_RE = re.compile(r"<(script|style|pre|code)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_SCRIPT_OPEN_RE = re.compile(r"<(script|style|pre|code)\b", re.IGNORECASE)
_SCRIPT_CLOSE_RES = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "pre", "code")}
_LINK_REST_RE = re.compile(r"\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def collect_paths(arguments: Iterable[str], extensions: Iterable[str] = ARTICLE_SUFFIXES,
                  excluded: Callable[[str], bool] = lambda path: False) -> list[str]:
    """Files to check: the arguments, with folders walked and globs expanded.

    A walk takes files with one of `extensions`, and skips hidden files, what
    git ignores (when in a git work tree) and what `excluded` names. A file
    named explicitly is always checked.
    """
    extensions = tuple(e.lower() for e in extensions)
    paths: list[str] = []
    for argument in arguments:
        if argument == STDIN or is_url(argument):
            paths.append(argument)
            continue
        path = Path(argument)
        if _is_glob(argument) and not path.exists() and not path.is_symlink():
            found = sorted(str(p) for p in _expand_glob(argument) if p.is_file())
            found = [p for p in _not_ignored(found) if not excluded(p)]
            if not found:
                raise UserError("the pattern matches no files", argument)
            paths.extend(found)
        elif path.is_dir():
            candidates = sorted(
                str(p) for p in _walk(path)
                if p.suffix.lower() in extensions and not _hidden(p, path)
            )
            found = [p for p in _not_ignored(candidates) if not excluded(p)]
            if not found:
                raise UserError(f"no articles ({', '.join(extensions)}) in this directory", argument)
            paths.extend(found)
        elif not path.is_file():
            raise UserError(_not_a_file(path), argument)
        else:
            paths.append(argument)
    return _one_name_each(list(dict.fromkeys(paths)))


def _one_name_each(paths: list[str]) -> list[str]:
    """One path per file: "a.md ./a.md", a symbolic link beside its target, a hard link — the file
    is checked (and fixed) once, under the first name given."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for path in paths:
        if path == STDIN or is_url(path):
            kept.append(path)
            continue
        try:
            info = os.stat(path)
        except OSError:
            kept.append(path)
            continue
        identity = (info.st_dev, info.st_ino)
        if identity not in seen:
            seen.add(identity)
            kept.append(path)
    return kept


def _not_a_file(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file cannot be checked."""
    import errno
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if path.is_symlink():
            return "a broken symbolic link (its target does not exist)"
        if error.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read: {error.strerror or error}"
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a plain file"
    return f"not a regular file ({kind}); give an article's path"


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def _is_glob(argument: str) -> bool:
    return any(char in argument for char in "*?[")


def _expand_glob(pattern: str) -> list[Path]:
    """What a glob names. `**` never follows a symbolic link to a folder: the glob
    module would, and two links to `.` below the pattern make its walk exponential."""
    import glob

    parts = Path(pattern).parts
    if "**" not in parts:
        return [Path(p) for p in glob.glob(pattern)]  # one folder level per part: bounded
    fixed = next(i for i, part in enumerate(parts) if _is_glob(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    if not root.is_dir():
        return []
    found = []
    for path in _walk(root):
        relative = Path(os.path.relpath(path, root)).parts
        if not any(part.startswith(".") for part in relative) and _glob_matches(parts[fixed:], relative):
            found.append(path)
    return found


def _glob_matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether path parts match glob parts, `**` standing for any number of folders."""
    import fnmatch

    reached = {0}  # how many of `parts` the pattern so far can have consumed
    for index, piece in enumerate(pattern):
        if piece == "**":
            # as the last part it must take the file's name at least: what comes before is a folder
            reached = set(range(min(reached) + (index == len(pattern) - 1), len(parts) + 1))
        else:
            reached = {i + 1 for i in reached if i < len(parts) and fnmatch.fnmatchcase(parts[i], piece)}
        if not reached:
            return False
    return len(parts) in reached


def _walk(root: Path) -> Iterable[Path]:
    """Regular files below root; symbolic links to folders are not followed (no loops), nor links
    to files outside the tree, and a folder that cannot be read is an error naming it, not a silent gap."""
    import os

    def refuse(error: OSError) -> None:
        raise UserError(f"cannot read this folder: {error.strerror or error}", error.filename or str(root))

    inside = root.resolve()
    for folder, folders, files in os.walk(root, onerror=refuse, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in files:
            candidate = Path(folder) / name
            if not candidate.is_file():
                continue
            if candidate.is_symlink() and inside not in candidate.resolve().parents:
                continue  # a link to a file outside the tree: the walk stays in its tree (and --fix with it)
            yield candidate


def _not_ignored(paths: list[str]) -> list[str]:
    """Drop what git ignores; outside a git work tree nothing is dropped."""
    import subprocess

    if not paths:
        return paths
    absolute = {str(Path(p).resolve()): p for p in paths}
    try:
        # bytes both ways: a file name that is not UTF-8 is one more path, not an error
        result = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"], input=b"\0".join(map(os.fsencode, absolute)) + b"\0",
            capture_output=True, timeout=60, cwd=Path(paths[0]).resolve().parent,
        )
    except (OSError, subprocess.SubprocessError):
        return paths
    if result.returncode not in (0, 1):  # 128: not a git work tree
        return paths
    ignored = {absolute.get(os.fsdecode(p), os.fsdecode(p)) for p in result.stdout.split(b"\0") if p}
    return [p for p in paths if p not in ignored]


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def max_article_bytes() -> int:
    return limit("FACTCHECK_MAX_FILE_BYTES", MAX_ARTICLE_BYTES)


def max_article_chars() -> int:
    return limit("FACTCHECK_MAX_TEXT_CHARS", MAX_ARTICLE_CHARS)


def max_article_tokens() -> int:
    return limit("FACTCHECK_MAX_TOKENS", MAX_ARTICLE_TOKENS)


def _check_tokens(document: Document) -> None:
    """Refuse an article with more to analyse than max_article_tokens(), counting no further."""
    most = max_article_tokens()
    for count, _ in enumerate(_TOKEN_RE.finditer(document.text), 1):
        if count > most:
            raise UserError(
                f"more than {most:,} words and symbols to analyse, the most one article may have "
                "(each needs about 17 kB of memory; FACTCHECK_MAX_TOKENS changes the limit)",
                document.path,
            )


def read_source(path: str) -> str:
    """An article's text. Anything but a regular file of at most max_article_bytes()
    is refused without blocking and before it is read; so is a binary file."""
    max_bytes = max_article_bytes()
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        display = "<stdin>"
        if len(data) > max_bytes:
            raise UserError(f"larger than {max_bytes:,} bytes, the limit for one article; FACTCHECK_MAX_FILE_BYTES raises it", display)
    else:
        display = path
        data = read_bounded(path, max_bytes, "article", "FACTCHECK_MAX_FILE_BYTES")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(f"UTF-16 text, not UTF-8: save it as UTF-8 (iconv -f {guess_encoding(data)} -t UTF-8)", display)
    if b"\x00" in data:
        raise UserError("binary file, not text", display)
    source = decode_utf8(data, display)
    if not source.strip():
        raise UserError("empty file: nothing to check", display)
    return source


def load_document(path: str, published: dt.date | None = None, source: str | None = None,
                  published_key: str | None = None, markup: str | None = None, mask: bool = True) -> Document:
    """Read and prepare one article. `published` overrides the front matter's date
    (read from `published_key`, or the first of PUBLISHED_KEYS). `markup` (html,
    markdown, text) overrides what the file name says. With `mask=False` the markup
    is not yet blanked (`apply_mask` does it later): enough to look a file up in the
    result cache or to report on it."""
    if source is None:
        source = read_source(path)
    display = "<stdin>" if path == STDIN else path
    max_chars = max_article_chars()
    if len(source) > max_chars:
        raise UserError(
            f"{len(source):,} characters: longer than {max_chars:,}, the most one article may have "
            "(the analysis takes time and memory that grow with it; FACTCHECK_MAX_TEXT_CHARS changes the limit)",
            display,
        )
    text, front_matter_date = _mask_front_matter(source, display, (published_key,) if published_key else PUBLISHED_KEYS)
    suffix = Path(path).suffix.lower()
    if markup is None:
        if suffix in HTML_SUFFIXES or (path == STDIN and re.match(r"\s*<(?:!doctype|html)", text, re.I)):
            markup = "html"
        elif suffix in MARKDOWN_SUFFIXES or path == STDIN:
            markup = "markdown"
    if markup == "html" and published is None and front_matter_date is None:
        front_matter_date = published_in_html(source)  # the page's own: <meta>, <time>, JSON-LD
    document = Document(
        path=display,
        source=source,
        text=text,
        published=published or front_matter_date,
        line_starts=Document.index_lines(source),
        markup=markup or "text",
        masked=False,
    )
    return apply_mask(document) if mask else document


# where a web page states when it was published, most specific first
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
                   "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date")


def published_in_html(source: str) -> dt.date | None:
    """The publication date a page gives itself: `<meta property="article:published_time">` (and the
    other usual names), JSON-LD `datePublished`, else the first `<time datetime>` (on a news page,
    the byline's). None when it gives none that reads as a date."""
    import json
    from html.parser import HTMLParser

    found: dict[str, str] = {}
    times: list[str] = []
    scripts: list[str] = []

    class Reader(HTMLParser):
        in_json = False

        def handle_starttag(self, tag, attrs):
            values = {k.lower(): (v or "") for k, v in attrs}
            if tag == "meta":
                name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
                if name in _PUBLISHED_META and values.get("content"):
                    found.setdefault(name, values["content"])
            elif tag == "time" and values.get("datetime"):
                times.append(values["datetime"])
            elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
                self.in_json = True
                scripts.append("")

        def handle_endtag(self, tag):
            if tag == "script":
                self.in_json = False

        def handle_data(self, data):
            if self.in_json:
                scripts[-1] += data

    try:
        Reader(convert_charrefs=True).feed(source[:2_000_000])
    except Exception:  # html.parser is lenient; a page it cannot read gives no date
        return None

    def in_json(node) -> str | None:
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                return node["datePublished"]
            node = list(node.values())
        if isinstance(node, list):
            for item in node:
                value = in_json(item)
                if value:
                    return value
        return None

    candidates = [found[name] for name in _PUBLISHED_META if name in found]
    for script in scripts:
        try:
            value = in_json(json.loads(script))
        except ValueError:
            continue
        if value:
            candidates.append(value)
    candidates += times[:1]
    for value in candidates:
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def apply_mask(document: Document) -> Document:
    """Blank what must not be checked (markup, code, URLs); the front matter already is."""
    if document.masked:
        return document
    text = document.text
    if document.markup == "html":
        text = mask_html(text)
    elif document.markup == "markdown":
        text = mask_markdown(text)
    else:
        text = join_soft_breaks(text)
    text = _mask(text, _DIRECTIVE_LINE_RE)
    text = _mask(text, _URL_RE)
    text = _mask(text, _LONG_RUN_RE)
    masked = replace(document, text=text, masked=True)
    _check_tokens(masked)
    return masked


def blank(text: str) -> str:
    """Spaces for every character but line breaks, so offsets and lines stay put."""
    return re.sub(r"[^\r\n]", " ", text)


def _mask(text: str, pattern: re.Pattern, group: int = 0, closer: str | None = None) -> str:
    """Blank every match of `pattern` (or of one group of it).

    With `closer`, the text a match must end with: nothing after its last
    occurrence can match, so the search stops there. Without that, every opener
    after it would scan to the end of the text and fail, and a file of 100,000
    `<!--` would take minutes (quadratic time) instead of milliseconds.
    """
    end = len(text)
    if closer is not None:
        last = text.rfind(closer)
        end = last + len(closer) if last >= 0 else 0
    return _mask_spans(text, (match.span(group) for match in pattern.finditer(text, 0, end)))


def _mask_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    pieces = []
    last = 0
    for start, end in spans:
        if start < 0:
            continue
        pieces.append(text[last:start])
        pieces.append(blank(text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _inline_code_spans(text: str) -> Iterator[tuple[int, int]]:
    """The matches of _INLINE_CODE_RE in linear time.

    A match opens with the end of a run of backticks (k of them) and closes
    with the next whole run of exactly k in the same paragraph. The regular
    expression looks for that closer from every opener, to the paragraph's
    end when there is none: runs of 1, 2, 3 … 1,400 backticks on one line took
    it hours. Here each run length keeps a pointer to its next run.
    """
    import bisect

    runs = [match.span() for match in _BACKTICKS_RE.finditer(text)]
    if len(runs) < 2:
        return
    breaks = [match.start() for match in _BLANK_LINE_AHEAD_RE.finditer(text)]
    paragraph = [bisect.bisect_right(breaks, start) for start, _ in runs]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pointer = dict.fromkeys(by_length, 0)
    position = 0
    for index, (start, end) in enumerate(runs):
        if start < position:
            continue
        for length in range(end - start, 0, -1):  # the whole run first, then its shorter ends
            candidates = by_length.get(length)
            if not candidates:
                continue
            next_index = pointer[length]
            while next_index < len(candidates) and candidates[next_index] <= index:
                next_index += 1
            pointer[length] = next_index
            if next_index < len(candidates) and paragraph[candidates[next_index]] == paragraph[index]:
                closer_end = runs[candidates[next_index]][1]
                yield end - length, closer_end
                position = closer_end
                break


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """The matches of _SCRIPT_RE in linear time: an element whose closing tag never
    comes is looked for once, not once for each of its opening tags."""
    position = 0
    exhausted: set[str] = set()
    while len(exhausted) < len(_SCRIPT_CLOSE_RES):
        opener = _SCRIPT_OPEN_RE.search(text, position)
        if opener is None:
            return
        name = opener.group(1).lower()
        closing = None if name in exhausted else _SCRIPT_CLOSE_RES[name].search(text, opener.end())
        if closing is None:
            exhausted.add(name)
            position = opener.start() + 1
            continue
        yield opener.start(), closing.end()
        position = closing.end()


def _mask_front_matter(source: str, path: str, keys: tuple[str, ...] = PUBLISHED_KEYS) -> tuple[str, dt.date | None]:
    match = _FRONT_MATTER_RE.match(source)
    if not match:
        return source, None
    try:
        data = parse_yaml(match.group(1), path)
    except UserError as error:
        # the YAML starts on the file's second line
        raise UserError(f"front matter: {error.message}", path, (error.line or 0) + 1) from None
    published = None
    if isinstance(data, dict):
        for key in keys:
            if key in data:
                published = _as_date(data[key], path, data.line_of(key) + 1)
                break
    return blank(source[: match.end()]) + source[match.end():], published


def _as_date(value: object, path: str, line: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise UserError(f"front matter: the publication date {value!r} is not a YYYY-MM-DD date", path, line)


def mask_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    # not str.splitlines(): it also breaks at \f, \x85, \u2028 …, which markdown-it's line numbers do not count
    lines = re.findall(rf".*?{_NEWLINE}|.+", text, re.DOTALL)
    masked = list(lines)
    block_starts: set[int] = set()
    # Only the blocks are needed (their lines): inline parsing would cost most of the time,
    # and on a hostile line of 1,000,000 `[` about a minute.
    for token in MarkdownIt("commonmark").disable("inline").parse(text):
        if token.map and token.nesting >= 0:
            block_starts.add(token.map[0])
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            for index in range(first, min(last, len(lines))):
                masked[index] = blank(lines[index])
        elif token.type == "list_item_open" and token.map and token.map[0] < len(lines):
            masked[token.map[0]] = _mask(masked[token.map[0]], _LIST_MARK_RE)
    text = "".join(masked)
    text = _mask(text, _HTML_COMMENT_RE, closer="-->")
    text = _mask_spans(text, _inline_code_spans(text))
    text = _mask_links(text)
    text = _mask(text, _REFERENCE_DEFINITION_RE)
    text = _mask(text, _HEADING_MARK_RE)
    text = _mask(text, _EMPHASIS_RE, 1)
    text = _mask(text, _EMPHASIS_RE, 2)
    return join_soft_breaks(text, block_starts)


_LINE_RE = re.compile(rf".*?(?:{_NEWLINE})|.+", re.DOTALL)
_CONTINUES = re.compile(r"[a-z,;:\-–—(]$")


def _headline(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def join_soft_breaks(text: str, block_starts: set[int] | None = None) -> str:
    """A line break inside a paragraph is a space: "will release on⏎June 28" is one sentence.

    A break stays where a block starts (Markdown: a heading, a list item), next
    to a blank line, and, in plain text, after a line that ends as a headline or
    a sentence does (anything but a lower-case letter or , ; : - ( ).
    """
    lines = _LINE_RE.findall(text)
    out = []
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        soft = (
            ending
            and body.strip() and following.strip()
            and (block_starts is None or index + 1 not in block_starts)
            and (block_starts is not None or (_CONTINUES.search(body.rstrip()) and not _headline(body)) or following.lstrip()[:1].islower())
        )
        out.append(body + (" " * len(ending) if soft else ending))
    return "".join(out)


def _mask_links(text: str) -> str:
    """Keep a link's words, blank its brackets and target; blank images whole."""
    pieces = []
    last = 0
    for start, image, words_end, end in _links(text):
        pieces.append(text[last:start])
        if image:
            pieces.append(blank(text[start:end]))
        else:
            pieces.append(" " + text[start + 1:words_end] + blank(text[words_end:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _links(text: str) -> Iterator[tuple[int, bool, int, int]]:
    """The matches of _LINK_TARGET_RE (start, image?, end of the words, end), in linear time.

    The words of a link run from a `[` to the first `]` or line break after it,
    so every `[` before that `]` shares its fate: when it is not followed by a
    `(target)`, the search goes on after it instead of trying each `[` again
    (which took minutes on a line of 100,000 `[`).
    """
    position = 0
    while True:
        bracket = text.find("[", position)
        if bracket < 0:
            return
        close = text.find("]", bracket + 1)
        newline = text.find("\n", bracket + 1)
        if close < 0 or 0 <= newline < close:
            if newline < 0:
                return
            position = newline + 1
            continue
        target = _LINK_REST_RE.match(text, close)
        if target is None:
            position = close + 1
            continue
        image = bracket > position and text[bracket - 1] == "!"
        yield (bracket - 1 if image else bracket), image, close, target.end()
        position = target.end()


def mask_html(text: str) -> str:
    text = _mask_spans(text, _code_spans(text))
    text = _mask(text, _HTML_COMMENT_RE, closer="-->")
    # in HTML a line break is a space and a block element is a break
    text = re.sub(r"\r\n|\r|\n", lambda m: " " * len(m.group()), text)
    tags_end = text.rfind(">") + 1  # no tag ends after the last ">": do not look for one there
    text = _BLOCK_TAG_RE.sub(lambda m: "\n" + " " * (len(m.group()) - 1), text[:tags_end]) + text[tags_end:]
    text = _mask(text, _TAG_RE, closer=">")
    # "&amp;" → "&" and spaces, so the words keep their offsets
    return _ENTITY_RE.sub(lambda m: _unescape(m.group()).ljust(len(m.group())), text)


def _unescape(entity: str) -> str:
    import html

    value = html.unescape(entity)
    return value if len(value) == 1 else " "
