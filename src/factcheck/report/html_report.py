"""--format html: one self-contained page — each article with its findings highlighted,
explained on hover, and listed with evidence below (a click on a highlight jumps there)."""

from __future__ import annotations

import html
from typing import TextIO

from factcheck.model import Severity
from factcheck.report.safe_text import for_terminal

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
.article{white-space:pre-wrap;font-family:Georgia,serif;background:#fafafa;border:1px solid #eee;padding:1rem}
mark{border-bottom:2px solid;cursor:pointer;text-decoration:none;color:inherit}
mark.error{background:#fdd;border-color:#c00}mark.warning{background:#ffefc2;border-color:#b80}
mark.info{background:#def;border-color:#06c}
.finding{margin:.6rem 0;padding:.4rem .8rem;border-left:4px solid #999}
.finding.error{border-color:#c00}.finding.warning{border-color:#b80}.finding.info{border-color:#06c}
.finding:target{background:#ffc}.meta{color:#666;font-size:.9em}.summary{font-weight:bold}
"""


def render(results, stream: TextIO, **_options) -> None:
    counts = {severity: 0 for severity in Severity}
    body = []
    for file_number, result in enumerate(results):
        for finding in result.findings:
            counts[finding.severity] += 1
        body.append(_file_section(result, file_number))
    summary = ", ".join(f"{counts[s]} {s.label}" for s in sorted(Severity, reverse=True))
    stream.write(for_terminal(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>factcheck report</title><style>{STYLE}</style></head><body>\n"
        f"<h1>factcheck report</h1><p class=\"summary\">{len(results)} file(s): {summary}</p>\n"
        + "\n".join(body) + "\n</body></html>\n",
        keep_newlines=True,  # controls and bidi overrides from the input are shown as \x1b, never kept raw
    ))


def _file_section(result, file_number: int) -> str:
    document = result.document
    source = document.source
    findings = sorted(result.findings, key=lambda f: (f.start, -f.end))
    pieces, position = [], 0
    for index, finding in enumerate(findings):
        if finding.start < position:
            continue  # overlapping highlights: the list below still shows every finding
        pieces.append(html.escape(source[position:finding.start]))
        tip = f"{finding.severity.label} [{finding.rule}] {finding.message}"
        if finding.suggestion:
            tip += f" — suggestion: {finding.suggestion}"
        anchor = f"f{file_number}-{index}"
        pieces.append(
            f"<a href=\"#{anchor}\"><mark class=\"{finding.severity.label}\" title=\"{html.escape(tip)}\">"
            f"{html.escape(source[finding.start:finding.end])}</mark></a>"
        )
        position = finding.end
    pieces.append(html.escape(source[position:]))
    items = []
    for index, finding in enumerate(findings):
        line, column = document.position(finding.start)
        details = [f"<b>{html.escape(finding.severity.label)}</b> [{html.escape(finding.rule)}] {html.escape(finding.message)}"]
        if finding.suggestion:
            details.append(f"<div>suggestion: <b>{html.escape(finding.suggestion)}</b></div>")
        evidence = finding.evidence
        if evidence and (evidence.record or evidence.source):
            parts = [f"record {evidence.record}" if evidence.record else "", f"{evidence.fact} = {evidence.value}" if evidence.fact else ""]
            source_link = ""
            if evidence.source and evidence.source.startswith(("http://", "https://")):
                source_link = f" <a href=\"{html.escape(evidence.source)}\">source</a>"
            elif evidence.source:
                parts.append(evidence.source)
            details.append(f"<div class=\"meta\">evidence: {html.escape('; '.join(p for p in parts if p))}{source_link}</div>")
        items.append(
            f"<div class=\"finding {finding.severity.label}\" id=\"f{file_number}-{index}\">"
            f"<span class=\"meta\">{html.escape(document.path)}:{line}:{column}</span> " + "".join(details) + "</div>"
        )
    published = document.published.isoformat() if document.published else "unknown"
    return (
        f"<h2>{html.escape(document.path)}</h2><p class=\"meta\">published {published}; {len(findings)} finding(s)</p>"
        f"<div class=\"article\">{''.join(pieces)}</div>\n" + "\n".join(items)
    )
