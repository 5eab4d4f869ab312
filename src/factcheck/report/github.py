"""--format github: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from typing import TextIO

from factcheck.model import Severity
from factcheck.report.safe_text import for_terminal

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    # the log is a terminal too: controls from the input are shown, never sent
    return for_terminal(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results, stream: TextIO, **_options) -> None:
    for result in results:
        document = result.document
        for finding in result.findings:
            line, column = document.position(finding.start)
            end_line, end_column = document.position(finding.end)
            message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
            properties = ",".join([
                f"file={_escape_property(document.path)}",
                f"line={line}", f"col={column}", f"endLine={end_line}", f"endColumn={end_column}",
                f"title={_escape_property('factcheck ' + finding.rule)}",
            ])
            stream.write(f"::{COMMANDS[finding.severity]} {properties}::{_escape_data(message)}\n")
