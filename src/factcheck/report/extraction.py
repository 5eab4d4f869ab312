"""`factcheck extract`: what the extract and link stages found, as a table or JSON."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text
from rich.table import Table

from factcheck.report.safe_text import for_terminal
from factcheck.model import Analysis, Mention


def _value_text(mention: Mention, analysis: Analysis) -> str:
    if mention.value is not None:
        return str(mention.value)
    if mention.kind == "date":
        if mention.label == "invalid":
            return "invalid date"
        if analysis.document.published is None:
            return "unresolved (no publication date)"
        return "unresolved"
    return ""


def as_dict(analysis: Analysis) -> dict:
    document = analysis.document
    return {
        "path": document.path,
        "published": document.published.isoformat() if document.published else None,
        "mentions": [
            {
                "kind": m.kind,
                "label": m.label,
                "text": m.text,
                "value": _value_text(m, analysis) or None,
                "line": document.position(m.start)[0],
                "column": document.position(m.start)[1],
                "start": m.start,
                "end": m.end,
            }
            for m in analysis.mentions
        ],
        "links": [
            {"text": l.text, "record": l.record.id, "name": l.matched_name, "exact": l.exact,
             "line": document.position(l.start)[0], "column": document.position(l.start)[1], "start": l.start, "end": l.end}
            for l in analysis.links
        ],
        "claims": [
            {"record": c.record.id, "fact": c.fact, "value": c.value.text, "trigger": c.trigger,
             "line": document.position(c.value.start)[0], "column": document.position(c.value.start)[1]}
            for c in analysis.claims
        ],
    }


def _plain(value) -> Text:
    """Input text as it is: no rich markup read from it, no control sequence sent."""
    return Text(for_terminal(str(value)))


def render(analysis: Analysis, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False)
    document = analysis.document
    published = document.published.isoformat() if document.published else "unknown (relative dates stay unresolved)"
    console.print(Text(for_terminal(document.path), style="bold"), f"  published: {published}")
    table = Table(title="Mentions", title_justify="left")
    for column in ("place", "kind", "text", "value"):
        table.add_column(column)
    for mention in analysis.mentions:
        line, column = document.position(mention.start)
        table.add_row(f"{line}:{column}", mention.kind if mention.kind not in ("date", "number") else f"{mention.kind} ({mention.label})",
                      _plain(mention.text), _plain(_value_text(mention, analysis)))
    console.print(table)
    if analysis.links:
        links = Table(title="Linked to records", title_justify="left")
        for column in ("place", "text", "record", "match"):
            links.add_column(column)
        for link in analysis.links:
            line, column = document.position(link.start)
            links.add_row(f"{line}:{column}", _plain(link.text), _plain(link.record.id),
                          "exact" if link.exact else _plain(f"near miss of “{link.matched_name}”"))
        console.print(links)
    if analysis.claims:
        claims = Table(title="Claims", title_justify="left")
        for column in ("place", "record", "fact", "value", "trigger"):
            claims.add_column(column)
        for claim in analysis.claims:
            line, column = document.position(claim.value.start)
            claims.add_row(f"{line}:{column}", _plain(claim.record.id), _plain(claim.fact), _plain(claim.value.text), _plain(claim.trigger))
        console.print(claims)
