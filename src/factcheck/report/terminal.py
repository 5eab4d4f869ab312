"""The rich terminal report: each finding with its place, rule, message, suggestion,
evidence, and its sentence with the wrong words highlighted."""

from __future__ import annotations

import html
import os
import re
from typing import TextIO

import regex
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from factcheck.model import Finding, Severity
from factcheck.report.safe_text import for_terminal

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
CONTEXT = 70  # characters of the line shown on each side of the finding


def render(results, stream: TextIO, color: bool | None = None, quiet: bool = False, **_options) -> None:
    # None lets rich read NO_COLOR and FORCE_COLOR from the environment
    # messages wrap at word boundaries to the terminal's width (80 columns when piped into a log)
    console = _settled(Console(file=stream, force_terminal=color, no_color=True if color is False else None, highlight=False))
    totals = {severity: 0 for severity in Severity}
    for result in results:
        # in line order; on one line, errors before warnings before infos
        ordered = sorted(result.findings, key=lambda f: (result.document.position(f.start)[0], -f.severity, f.start))
        for finding in ordered:
            totals[finding.severity] += 1
            _render_finding(console, result.document, finding)
    if not quiet:
        console.print(_summary(results, totals))


def _settled(console: Console) -> Console:
    """The same console with what it detects (terminal or not, colours, size) fixed once: rich asks
    the environment and the terminal again on every print, which was half the report's time for a
    few hundred findings."""
    return Console(file=console.file, force_terminal=console.is_terminal, color_system=console.color_system,
                   no_color=console.no_color, highlight=False, width=console.width, height=console.height,
                   legacy_windows=console.legacy_windows)


def _shown_path(path: str) -> str:
    """A file under the working directory by its path from there, as ruff and compilers show it
    ("fixtures/story.md", not "/home/…/fixtures/story.md"): shorter, and still what an editor opens."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith("..") else relative


def _render_finding(console: Console, document, finding: Finding) -> None:
    line, column = document.position(finding.start)
    header = Text()
    path = _shown_path(document.path)
    header.append(f"{for_terminal(path)}:{line}:{column}", style="bold")
    header.append(": ")
    header.append(finding.severity.label, style=STYLES[finding.severity])
    header.append(f" [{finding.rule}]", style="magenta")
    message = Text(for_terminal(finding.message))
    if header.cell_len + 1 + message.cell_len <= console.width:
        console.print(Text.assemble(header, " ", message), no_wrap=True, overflow="ignore", crop=False)
    elif header.cell_len <= console.width:
        # "path:line:col: severity [rule]" stays one line (what editors and grep read); the message
        # goes below it, wrapped at word boundaries and indented
        console.print(header, no_wrap=True, overflow="ignore", crop=False)
        _print_indented(console, message)
    else:
        # a path too long for the line: "path:line:col:" alone (still what an editor jumps to), then
        # the severity, the rule and the message below it, so no line runs past the terminal's width
        place = Text(f"{for_terminal(path)}:{line}:{column}:", style="bold")
        console.print(place, no_wrap=True, overflow="ignore", crop=False)
        rest = Text(finding.severity.label, style=STYLES[finding.severity])
        rest.append(f" [{finding.rule}] ", style="magenta")
        _print_indented(console, Text.assemble(rest, message))
    excerpt, marked = _excerpt(document, finding, console.width)
    console.print(excerpt, no_wrap=True, overflow="ignore", crop=False)
    if console.no_color or console.color_system is None:
        # no colour (NO_COLOR, a CI log): a caret line marks the words, as ruff and rustc do
        console.print(marked, no_wrap=True, overflow="ignore", crop=False)
    if finding.suggestion:
        suggestion = Text("    suggestion: ", style="dim")
        suggestion.append(for_terminal(finding.suggestion), style="green")
        console.print(suggestion)
    evidence = finding.evidence
    if evidence and (evidence.record or evidence.source):
        parts = []
        if evidence.record:
            parts.append(f"record {evidence.record}")
        if evidence.fact:
            parts.append(f"{evidence.fact} = {_shorten(evidence.value or '', 120)}")
        if evidence.source:
            parts.append(f"source {evidence.source}")
        _print_indented(console, Text("evidence: " + for_terminal("; ".join(parts)), style="dim"))
    console.print()


def _print_indented(console: Console, text: Text, indent: int = 4) -> None:
    """Wrapped at word boundaries to the width, each line indented, no trailing spaces."""
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, no_wrap=True, overflow="ignore", crop=False)


def _excerpt(document, finding: Finding, width: int = 80) -> tuple[Text, Text]:
    """The finding's line, cut to the width around the finding, its words underlined; and a caret
    line under them (for output without colour)."""
    # an HTML page (a URL) is shown as its text, not its tags and entities: the masked text has the
    # tags blanked in place, so positions are the source's
    html_page = document.markup == "html"
    source = document.text if html_page else document.source

    def shown(piece: str) -> str:
        if html_page:
            piece = html.unescape(re.sub(r"\s+", " ", piece))
        return for_terminal(piece.replace("\r", ""))

    line_start = source.rfind("\n", 0, finding.start) + 1
    line_end = source.find("\n", finding.end)
    line_end = len(source) if line_end < 0 else line_end
    marked_text = shown(source[finding.start:finding.end])
    context = max(10, min(CONTEXT, (width - 6 - cell_len(marked_text)) // 2))
    start, end = _on_graphemes(source, line_start, line_end, max(line_start, finding.start - context),
                               min(line_end, finding.end + context))
    text = Text("    ")
    text.append("…" if start > line_start else "")
    text.append(shown(source[start:finding.start]))
    lead = text.cell_len
    text.append(marked_text, style=f"{STYLES[finding.severity]} underline")
    text.append(shown(source[finding.end:end]))
    text.append("…" if end < line_end else "")
    carets = Text(" " * lead + "^" * max(1, cell_len(marked_text.split("\n")[0])), style=STYLES[finding.severity])
    return text, carets


def _on_graphemes(source: str, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole user-perceived characters: an excerpt never shows half of "é"
    written as e + U+0301, of a flag, or of a family emoji joined by U+200D."""
    if start == line_start and end == line_end:
        return start, end
    boundaries = [line_start + match.start() for match in regex.finditer(r"\X", source[line_start:line_end])] + [line_end]
    start = max((b for b in boundaries if b <= start), default=line_start)
    end = min((b for b in boundaries if b >= end), default=line_end)
    return start, end


def _shorten(value: str, width: int) -> str:
    """At most `width` characters, cut between whole user-perceived characters."""
    if len(value) <= width:
        return value
    cut = max((match.start() for match in regex.finditer(r"\X", value) if match.start() <= width - 1), default=0)
    return value[:cut] + "…"


def _summary(results, totals: dict[Severity, int]) -> Text:
    files = len(results)
    total = sum(totals.values())
    text = Text()
    if total == 0:
        text.append(f"✓ {files} file{'s' if files != 1 else ''} checked, no findings", style="bold green")
        return text
    text.append(f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}: ", style="bold")
    parts = [(totals[s], s) for s in sorted(Severity, reverse=True)]
    for index, (count, severity) in enumerate(parts):
        if index:
            text.append(", ")
        text.append(f"{count} {severity.label}{'s' if count != 1 else ''}", style=STYLES[severity] if count else "dim")
    return text
