"""--diff-base REV: the lines of each file that changed since a git revision."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from factcheck.errors import UserError



def _git(args: list[str], cwd: Path, binary: bool = False) -> subprocess.CompletedProcess:
    try:
        # a list of arguments, never a shell: paths and revisions are user data; git's output is
        # read leniently (a file's old text may be in any encoding)
        completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
        if not binary:
            completed.stdout = completed.stdout.decode("utf-8", errors="replace")
            completed.stderr = completed.stderr.decode("utf-8", errors="replace")
        return completed
    except FileNotFoundError:
        raise UserError("--diff-base needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise UserError("git took more than 60 s to answer") from None


def verify_revision(revision: str, cwd: Path) -> None:
    if revision.startswith("-"):
        raise UserError(f"--diff-base: {revision!r} is not a git revision")
    result = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd)
    if result.returncode != 0:
        raise UserError(f"--diff-base: {revision!r} is not a revision of the git repository at {cwd}")


def changed_lines(path: str, revision: str) -> set[int] | None:
    """1-based changed line numbers of `path` since `revision`; None: the whole file is new.

    The old and new texts are compared line by line as factcheck counts lines (LF, CRLF or a
    lone CR end a line — git sees a CR-only file as one line), whatever their encoding (the
    old revision may hold cp1252: a byte that is not UTF-8 is compared as a replacement mark).
    """
    import difflib

    file = Path(path).resolve()
    cwd = file.parent
    tracked = _git(["ls-files", "--error-unmatch", "--", file.name], cwd)
    if tracked.returncode != 0:
        return None
    old = _git(["show", f"{revision}:./{file.name}"], cwd, binary=True)
    if old.returncode != 0:
        return None
    try:
        new = file.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", path) from None
    old_lines, new_lines = split_lines(_text(old.stdout)), split_lines(_text(new))
    lines: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            lines.update(range(first + 1, last + 1))
    return lines


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def split_lines(text: str) -> list[str]:
    """Lines as factcheck counts them (Document.index_lines): LF, CRLF and a lone CR end a line."""
    return _LINE_BREAK_RE.split(text)


_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
