"""--format html: one self-contained page a copy editor reads like the article itself.

Each article is rendered (Markdown through markdown-it-py, HTML sanitised by nh3, plain text as
paragraphs), its front matter shown as a small table, and every finding highlighted in its
severity's colour with a numbered marker. Beside the article a panel lists the findings
(message, suggestion, evidence with its source link); a click on an entry scrolls to its place,
a click on a marker to its entry, and the panel can be filtered by severity. Offline: no
external asset, no network.

Highlights survive the rendering as private-use characters put into the source at each
finding's start and end, turned into <mark> tags once the article is HTML.
"""

from __future__ import annotations

import html
import re
from typing import TextIO

from factcheck.model import Severity
from factcheck.report.safe_text import for_terminal

# private-use code points: never in an article (for_terminal keeps them), never escaped by a renderer
OPEN, CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{OPEN}(\\d+){OPEN}|{CLOSE}")

STYLE = """
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header.top{padding:1rem 2rem;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
header.top h1{font-size:1.2rem;margin:0 0 .3rem}
.counts span{margin-right:1rem;font-weight:600}
.filters label{margin-right:1rem;font-size:.9em;cursor:pointer}
section.file{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1.5rem;padding:1.5rem 2rem;border-bottom:1px solid #ddd}
@media (max-width:60rem){section.file{grid-template-columns:1fr}}
.article{background:#fff;border:1px solid #e4e4e0;border-radius:6px;padding:1.5rem 2rem;font-family:Georgia,serif;
  font-size:17px;line-height:1.6;min-width:0;overflow-wrap:anywhere}
.article h1,.article h2,.article h3{font-family:system-ui,sans-serif}
.file-name{font:600 1rem system-ui,sans-serif;margin:0 0 .2rem}
table.front{font:13px system-ui,sans-serif;border-collapse:collapse;margin:0 0 1rem;color:#555}
table.front th{text-align:left;padding:.1rem .8rem .1rem 0;font-weight:600}
mark{padding:0 .1em;border-radius:2px;color:inherit;border-bottom:2px solid;scroll-margin-top:7rem}
mark.error{background:#fde2e1;border-color:#c4271f}mark.warning{background:#fff1c7;border-color:#b07800}
mark.info{background:#e3eefc;border-color:#2f6fc9}
mark:target{outline:3px solid #333}
a.marker{font:700 11px system-ui,sans-serif;vertical-align:super;text-decoration:none;margin-left:1px;
  padding:0 .3em;border-radius:8px;color:#fff}
a.marker.error{background:#c4271f}a.marker.warning{background:#b07800}a.marker.info{background:#2f6fc9}
aside.panel{font-size:14px;align-self:start;position:sticky;top:7rem;max-height:calc(100vh - 8rem);overflow:auto}
aside.panel h2{font-size:1rem;margin:.2rem 0 .6rem}
.finding{display:block;background:#fff;border:1px solid #e4e4e0;border-left:5px solid;border-radius:4px;
  padding:.5rem .7rem;margin:0 0 .6rem;color:inherit;text-decoration:none;scroll-margin-top:7rem}
.finding.error{border-left-color:#c4271f}.finding.warning{border-left-color:#b07800}.finding.info{border-left-color:#2f6fc9}
.finding:target{box-shadow:0 0 0 3px #333}
.finding .where{color:#555;font-size:.85em}.finding .severity{font-weight:700;text-transform:uppercase;font-size:.8em}
.finding.error .severity{color:#c4271f}.finding.warning .severity{color:#b07800}.finding.info .severity{color:#2f6fc9}
.finding .suggestion b{color:#17702f}.finding .evidence{color:#555;font-size:.9em}
body.hide-error .error.finding,body.hide-warning .warning.finding,body.hide-info .info.finding{display:none}
body.hide-error a.marker.error,body.hide-warning a.marker.warning,body.hide-info a.marker.info{display:none}
body.hide-error mark.error,body.hide-warning mark.warning,body.hide-info mark.info{background:none;border-color:transparent}
.clean{color:#17702f;font-weight:600}
"""

# the severity filter: the only script, inline; the page works without it
SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.value, !box.checked); });
});
"""


def render(results, stream: TextIO, **_options) -> None:
    counts = {severity: 0 for severity in Severity}
    sections = []
    for file_number, result in enumerate(results):
        for finding in result.findings:
            counts[finding.severity] += 1
        sections.append(_file_section(result, file_number))
    files = len(results)
    summary = " ".join(f'<span class="{s.label}">{_plural(counts[s], s.label)}</span>' for s in sorted(Severity, reverse=True))
    filters = " ".join(f'<label><input type="checkbox" value="{s.label}" checked> {s.label}s</label>'
                       for s in sorted(Severity, reverse=True))
    stream.write(for_terminal(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>factcheck report</title><style>{STYLE}</style></head><body>\n"
        f"<header class=\"top\"><h1>factcheck report</h1><div class=\"counts\">{_plural(files, 'file')}: {summary}</div>"
        f"<div class=\"filters\">show: {filters}</div></header>\n"
        + "\n".join(sections) + f"\n<script>{SCRIPT}</script>\n</body></html>\n",
        keep_newlines=True,  # controls and bidi overrides from the input are shown as \x1b, never kept raw
    ))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _file_section(result, file_number: int) -> str:
    document = result.document
    findings = sorted(result.findings, key=lambda f: (f.start, -f.end))
    # a highlight for each finding that does not overlap the one before (the panel lists them all)
    highlighted, position = [], 0
    for index, finding in enumerate(findings):
        if finding.start >= position and finding.end > finding.start:
            highlighted.append((index, finding))
            position = finding.end
    source = document.source
    marked, position = [], 0
    for index, finding in highlighted:
        marked += [source[position:finding.start], f"{OPEN}{index}{OPEN}", source[finding.start:finding.end], CLOSE]
        position = finding.end
    marked.append(source[position:])
    front, body = _split_front_matter("".join(marked), document)
    rendered = _rendered(body, document.markup)
    rendered = _marks(rendered, findings, file_number)
    entries = [_entry(document, finding, index, file_number, index in dict(highlighted)) for index, finding in enumerate(findings)]
    published = document.published.isoformat() if document.published else "unknown"
    panel = (f"<h2>{_plural(len(findings), 'finding')}</h2>" + "".join(entries)) if findings else \
        '<p class="clean">✓ no findings</p>'
    return (
        f'<section class="file" id="file{file_number}"><div class="article">'
        f'<p class="file-name">{html.escape(document.path)}</p>'
        f'<table class="front"><tr><th>published</th><td>{html.escape(published)}</td></tr>{front}</table>'
        f"{rendered}</div><aside class=\"panel\">{panel}</aside></section>"
    )


def _split_front_matter(text: str, document) -> tuple[str, str]:
    """The front matter as table rows, and the article below it."""
    match = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", text, re.DOTALL)
    if document.markup != "markdown" or match is None:
        return "", text
    rows = []
    for line in match.group(1).splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t", "-", "#")):
            rows.append(f"<tr><th>{html.escape(key.strip())}</th><td>{html.escape(value.strip().strip(chr(34)))}</td></tr>")
    return "".join(rows[:12]), text[match.end():]


def _rendered(text: str, markup: str) -> str:
    if markup == "markdown":
        from markdown_it import MarkdownIt

        # raw HTML in the Markdown is escaped (html=False): the article's own tags never run here
        return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").render(text)
    if markup == "html":
        import nh3

        # the page's own markup, sanitised: no script, no style, no event handler, no remote resource
        return nh3.clean(text, tags={"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "b",
                                     "i", "a", "br", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption"},
                         attributes={"a": {"href"}}, url_schemes={"http", "https"}, link_rel="noopener noreferrer nofollow")
    paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p.strip())


def _marks(rendered: str, findings, file_number: int) -> str:
    """The private-use markers made <mark>s, each with its numbered marker linking to its panel entry."""
    open_stack: list[int] = []

    def replace(match: re.Match) -> str:
        if match.group(1) is not None:
            index = int(match.group(1))
            open_stack.append(index)
            finding = findings[index]
            tip = html.escape(f"{finding.severity.label} [{finding.rule}] {finding.message}", quote=True)
            return f'<mark class="{finding.severity.label}" id="m{file_number}-{index}" title="{tip}">'
        if not open_stack:
            return ""
        index = open_stack.pop()
        label = findings[index].severity.label
        return f'</mark><a class="marker {label}" href="#f{file_number}-{index}" aria-label="finding {index + 1}">{index + 1}</a>'

    return MARKER.sub(replace, rendered)


def _entry(document, finding, index: int, file_number: int, highlighted: bool) -> str:
    line, column = document.position(finding.start)
    place = f"{index + 1} · {html.escape(document.path)}:{line}:{column}"
    # the place links to the highlight (none when it overlaps another's: the entry still says where)
    where = f'<a class="where" href="#m{file_number}-{index}">{place}</a>' if highlighted else f'<span class="where">{place}</span>'
    parts = [
        f'<div>{where} · <span class="severity">{finding.severity.label}</span> [{html.escape(finding.rule)}]</div>',
        f"<div>{html.escape(finding.message)}</div>",
    ]
    if finding.suggestion:
        parts.append(f'<div class="suggestion">suggestion: <b>{html.escape(finding.suggestion)}</b></div>')
    evidence = finding.evidence
    if evidence and (evidence.record or evidence.source):
        facts = [f"record {evidence.record}" if evidence.record else "", f"{evidence.fact} = {evidence.value}" if evidence.fact else ""]
        link = ""
        if evidence.source and evidence.source.startswith(("http://", "https://")):
            link = f' <a href="{html.escape(evidence.source, quote=True)}" rel="noopener noreferrer">source</a>'
        elif evidence.source:
            facts.append(evidence.source)
        parts.append(f'<div class="evidence">evidence: {html.escape("; ".join(p for p in facts if p))}{link}</div>')
    return f'<div class="finding {finding.severity.label}" id="f{file_number}-{index}">' + "".join(parts) + "</div>"
