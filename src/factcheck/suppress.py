"""What the writer has said is right: suppression comments, `[sic]`, and quotations.

    <!-- factcheck: ignore -->                 the next paragraph (or, at the end of a line, that line)
    <!-- factcheck: ignore[rule-a, rule-b] -->  the same, for those rules only
    <!-- factcheck: off -->  …  <!-- factcheck: on -->   (also off[rule-a])

In plain text the same directives stand alone on a line: `factcheck: ignore[rule-a]`.
A finding followed by `[sic]` is silenced. A finding inside a quotation is the
speaker's words: it is reported at most as the configured severity and never fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.errors import UserError
from factcheck.model import Document, Finding, Severity
from factcheck.names import TITLE_SMALL_WORDS, elided_capital

_DIRECTIVE = r"factcheck:\s*(ignore|off|on)(?:\[([^\]]*)\])?"
_COMMENT_RE = re.compile(rf"<!--\s*{_DIRECTIVE}\s*-->", re.IGNORECASE)
# one run of blanks before the marker: two optional runs side by side take quadratic time on a long blank line
_LINE_RE = re.compile(rf"^[ \t]*(?:(?:#|//)[ \t]*)?{_DIRECTIVE}[ \t]*$", re.IGNORECASE | re.MULTILINE)
_SIC_RE = re.compile(r"^[\"'”’)\]]*\s*\[sic\]", re.IGNORECASE)
_QUOTE_PAIRS = [
    re.compile(r"“[^“”\n]*”"),
    re.compile(r"(?<![\w\"])\"[^\"\n]+\"(?![\w\"])"),
    re.compile(r"(?<![\w‘’])‘[^‘’\n]+’(?![\w‘’])"),
]
_BLOCKQUOTE_RE = re.compile(r"^ {0,3}>.*$", re.MULTILINE)


@dataclass(frozen=True)
class Suppression:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule


def directive_spans(document: Document) -> list[tuple[int, int]]:
    """Where the directives stand, so the loader can keep them out of the checked text."""
    return [m.span() for m in _COMMENT_RE.finditer(document.source)] + [m.span() for m in _LINE_RE.finditer(document.source)]


def suppressions(document: Document, known_rules: set[str]) -> list[Suppression]:
    source = document.source
    found: list[Suppression] = []
    directives = sorted([*_COMMENT_RE.finditer(source), *_LINE_RE.finditer(source)], key=lambda m: m.start())
    open_blocks: list[tuple[int, frozenset[str] | None]] = []
    for match in directives:
        action = match.group(1).lower()
        rules = _rules(match.group(2), known_rules, document, match.start())
        if action == "ignore":
            found.append(Suppression(*_ignore_span(source, match), rules))
        elif action == "off":
            open_blocks.append((match.end(), rules))
        elif open_blocks:
            start, block_rules = open_blocks.pop()
            found.append(Suppression(start, match.start(), block_rules))
    for start, rules in open_blocks:
        found.append(Suppression(start, len(source), rules))
    return found


def _rules(listed: str | None, known: set[str], document: Document, offset: int) -> frozenset[str] | None:
    if listed is None or not listed.strip():
        return None
    rules = frozenset(r.strip() for r in listed.split(",") if r.strip())
    for rule in rules:
        if rule not in known:
            line, _ = document.position(offset)
            raise UserError(f"unknown rule {rule!r} in a factcheck suppression comment", document.path, line)
    return rules


def _ignore_span(source: str, match: re.Match) -> tuple[int, int]:
    """A directive alone on its line covers the next paragraph; after text, its own line — from
    the line's start, so the words before it are silenced. Lines end at LF, CRLF or a lone CR."""
    line_start = max(source.rfind("\n", 0, match.start()), source.rfind("\r", 0, match.start())) + 1
    ends = [i for i in (source.find("\n", match.end()), source.find("\r", match.end())) if i >= 0]
    line_end = min(ends) if ends else len(source)
    if source[line_start:match.start()].strip():
        return line_start, line_end
    paragraph = re.compile(r"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)")
    # skip blank lines right after the directive, then run to the end of that paragraph
    position = line_end
    while position < len(source) and source[position] in "\r\n \t":
        position += 1
    end = paragraph.search(source, position)
    return match.end(), (end.start() if end else len(source))


def quote_spans(document: Document) -> list[tuple[int, int]]:
    """The spans of quotations: quoted words, and Markdown's block quotes. A title in quotation marks, as
    American copy writes a film's or a song's ("Harry Potter and the Deathly Hollows – Part 2"), is the
    writer's words, no quotation."""
    spans = [m.span() for pattern in _QUOTE_PAIRS for m in pattern.finditer(document.text)
             if not _a_title(m.group(0)[1:-1], document.text[m.end():m.end() + 40])]
    if document.path.endswith((".md", ".markdown")) or document.path == "<stdin>":
        spans += [m.span() for m in _BLOCKQUOTE_RE.finditer(document.source)]
    return sorted(spans)


_SMALL_WORDS = TITLE_SMALL_WORDS | {"but", "nor", "vs"}


# a speaker told after a quotation: "Let It Be," he said
_SPEAKER_AFTER = re.compile(r"\s*(?:(?:he|she|they|it|we|I)\s+|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+)?"
                            r"(?:said|says|told|added|asked|wrote|explained|recalled|insisted|declared)\b")


def _a_title(quoted: str, after: str = "") -> bool:
    """Title case throughout, the small words aside, and no sentence's punctuation: "Barbie", "Harry Potter and
    the Deathly Hallows – Part 2", "Final Four of Chess", "What Was I Made For?" — not "We are thrilled," nor "Let It
    Be," he said."""
    # (a question or an exclamation may close a title, "What Was I Made For?"; and American copy sets the sentence's
    # comma inside the closing mark: "Les Femmes d'Alger (Version 'O'),")
    if re.search(r"[,.]$", quoted.strip()) and _SPEAKER_AFTER.match(after):
        return False
    quoted = re.sub(r"[,.]$", "", quoted.strip())
    words = quoted.split()
    if not words or len(words) > 12 or re.search(r"[.,;]|[!?](?!$)", quoted):
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _SMALL_WORDS or not word[0].isalnum()
               or elided_capital(word)
               for word in words) and (words[0][0].isupper() or words[0][0].isdigit())


def apply(document: Document, findings: list[Finding], known_rules: set[str], quotes: str = "info") -> list[Finding]:
    """Drop suppressed findings and soften the ones inside quotations."""
    blocks = suppressions(document, known_rules)
    quoted = quote_spans(document)
    kept = []
    for finding in findings:
        if any(b.start <= finding.start < b.end and (b.rules is None or finding.rule in b.rules) for b in blocks):
            continue
        if _SIC_RE.match(document.source[finding.end:finding.end + 12]):
            continue
        if any(start <= finding.start and finding.end <= end for start, end in quoted):
            if quotes == "ignore":
                continue
            cap = Severity.parse(quotes)
            finding = replace(
                finding,
                severity=min(finding.severity, cap),
                message=finding.message + " — in a quotation: the speaker's words disagree; not fixed automatically",
                quoted=True,
            )
        kept.append(finding)
    return kept
