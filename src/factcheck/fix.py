"""--fix and --diff: apply the corrections that are unambiguous, and nothing else.

Only findings of fixable check kinds (a near-miss with one clear correction)
outside quotations are applied. Files are written atomically: a temporary file
beside the original, then a rename, so an interrupted run leaves the old file
or the new one, never half of one.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UserError
from factcheck.model import Document, Finding

FIXABLE_KINDS = frozenset({"near-miss", "name-variants"})


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    old: str
    new: str
    rule: str


def edits_for(findings: list[Finding], rule_kinds: dict[str, str]) -> list[Edit]:
    edits: list[Edit] = []
    for finding in sorted(findings, key=lambda f: f.start):
        if rule_kinds.get(finding.rule) not in FIXABLE_KINDS or finding.quoted or not finding.suggestion:
            continue
        if finding.suggestion == finding.text:
            continue
        if edits and finding.start < edits[-1].end:
            continue  # overlapping corrections are not unambiguous
        edits.append(Edit(finding.start, finding.end, finding.text, finding.suggestion, finding.rule))
    return edits


def apply_edits(source: str, edits: list[Edit]) -> str:
    pieces, position = [], 0
    for edit in edits:
        if source[edit.start:edit.end] != edit.old:
            raise ValueError(f"the text at {edit.start} is not {edit.old!r}")
        pieces.append(source[position:edit.start])
        pieces.append(edit.new)
        position = edit.end
    pieces.append(source[position:])
    return "".join(pieces)


def unified_diff(document: Document, fixed: str) -> str:
    return "".join(difflib.unified_diff(
        document.source.splitlines(keepends=True), fixed.splitlines(keepends=True),
        fromfile=f"a/{document.path}", tofile=f"b/{document.path}",
    ))


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one rename, keeping its permissions."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factcheck-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def fix_file(document: Document, edits: list[Edit]) -> str:
    if document.path == "<stdin>":
        raise UserError("--fix cannot write to standard input; use --diff")
    fixed = apply_edits(document.source, edits)
    path = Path(document.path)
    with open(path, "rb") as original:
        bom = "\ufeff" if original.read(3) == b"\xef\xbb\xbf" else ""  # the loader dropped it; keep it
    write_atomically(path, bom + fixed)
    return fixed
