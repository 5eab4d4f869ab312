"""Report stage: one module per output format, one registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factcheck.report import json_report, terminal

# format name → render(results, stream, options)
FORMATS: dict[str, Callable[..., None]] = {
    "terminal": terminal.render,
    "json": json_report.render,
}
