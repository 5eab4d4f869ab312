"""Report stage: one module per output format, one registry."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.report import github, html_report, json_report, junit, sarif, terminal

# format name → render(results, stream, **options)
FORMATS: dict[str, Callable[..., None]] = {
    "terminal": terminal.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "html": html_report.render,
}
