"""--diff-base REV: the lines of each file that changed since a git revision."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from factcheck.errors import UserError

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        # a list of arguments, never a shell: paths and revisions are user data
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
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
    """1-based changed line numbers of `path` since `revision`; None: the whole file is new."""
    file = Path(path).resolve()
    cwd = file.parent
    tracked = _git(["ls-files", "--error-unmatch", "--", file.name], cwd)
    if tracked.returncode != 0:
        return None
    existed = _git(["cat-file", "-e", f"{revision}:./{file.name}"], cwd)
    if existed.returncode != 0:
        return None
    result = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", revision, "--", file.name], cwd)
    if result.returncode != 0:
        raise UserError(f"git diff failed: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else result.returncode}", path)
    lines: set[int] = set()
    for match in _HUNK_RE.finditer(result.stdout):
        start = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        lines.update(range(start, start + count))
    return lines
