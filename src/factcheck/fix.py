"""--fix and --diff: apply the corrections that are unambiguous, and nothing else.

Only findings of fixable check kinds (a near-miss with one clear correction)
outside quotations are applied. Files are written atomically: a temporary file
beside the original, then a rename, so an interrupted run leaves the old file
or the new one, never half of one.
"""

from __future__ import annotations

import difflib
import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
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


def edits_for(findings: list[Finding], rule_kinds: dict[str, str], document: Document | None = None,
              declined: list[str] | None = None) -> list[Edit]:
    """The corrections to make, on the original text. Where markup stands inside a finding's words
    ("Lee **Unkrch**"), only the one wrong word is replaced when it holds no markup itself;
    otherwise the correction is declined (and said in `declined`), never applied over the markup."""
    edits: list[Edit] = []
    for finding in sorted(findings, key=lambda f: f.start):
        if rule_kinds.get(finding.rule) not in FIXABLE_KINDS or finding.quoted or not finding.suggestion:
            continue
        edit = Edit(finding.start, finding.end, finding.text, finding.suggestion, finding.rule)
        if document is not None:
            edit = _on_source(document, edit)
            if edit is None:
                if declined is not None:
                    line, column = document.position(finding.start)
                    declined.append(f"{document.path}:{line}:{column}: “{finding.suggestion}” not applied: markup stands inside the words")
                continue
        if edit.new == edit.old:
            continue
        if edits and edit.start < edits[-1].end:
            continue  # overlapping corrections are not unambiguous
        edits.append(edit)
    return edits


def _on_source(document: Document, edit: Edit) -> Edit | None:
    from factcheck.text import tokenize

    source = document.source[edit.start:edit.end]
    checked = document.text[edit.start:edit.end]
    if source == checked:
        return Edit(edit.start, edit.end, source, edit.new, edit.rule)
    words = tokenize(document.text, edit.start, edit.end)
    wanted = tokenize(edit.new)
    if len(words) != len(wanted):
        return None
    differing = [(w, n) for w, n in zip(words, wanted) if document.text[w.start:w.end] != edit.new[n.start:n.end]]
    if len(differing) != 1:
        return None
    word, new = differing[0]
    if document.source[word.start:word.end] != document.text[word.start:word.end]:
        return None
    return Edit(word.start, word.end, document.source[word.start:word.end], edit.new[new.start:new.end], edit.rule)


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


# Signals that end a run: while a file is being replaced they wait, so that the
# file is the old one or the new one and no temporary file is left behind.
_DEFERRED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def replace_handlers(numbers, handler, keep_ignored: bool = False) -> dict:
    """Set `handler` for each signal whose handler Python set (and, with `keep_ignored`,
    that is not ignored); return the handlers it replaced, to be put back."""
    previous = {}
    for number in numbers:
        current = signal.getsignal(number)
        if current is None or (keep_ignored and current is signal.SIG_IGN):
            continue
        try:
            signal.signal(number, handler)
        except (ValueError, OSError):
            continue
        previous[number] = current
    return previous


@contextmanager
def signals_deferred():
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done, then deliver them.

    Only the main thread can change signal handlers; elsewhere (and for a
    handler not set from Python) the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = replace_handlers(_DEFERRED_SIGNALS, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(received):
            signal.raise_signal(number)  # now, with the run's own handler (or the default)


def refuse_special_target(path: Path) -> None:
    """An output the tool creates (audit findings, a baseline) replaces only a regular file or
    nothing: never a device, a FIFO or a folder, and never a symbolic link (whose target may lie
    outside the tree). Checked before any work, so a refused run costs nothing."""
    path = Path(path)
    if path.is_symlink():
        raise UserError("a symbolic link; not replaced (name the file itself)", str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError("not a regular file; not replaced", str(path))


def lock_work_folder(path: Path, holds: str, busy: str):
    """Make the folder a resumable run keeps its finished work in, and hold its lock file against a
    second run (`audit`'s parts, `records build`'s partitions); the open lock file, to keep open."""
    if path.exists() and not path.is_dir():
        raise UserError(f"exists and is not a folder; it would hold {holds}", str(path))
    try:
        path.mkdir(exist_ok=True)
        lock = open(path / "lock", "a+")
    except OSError as error:
        raise UserError(f"cannot make the work folder: {error.strerror or error}", str(path)) from None
    try:
        import fcntl

        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no fcntl (Windows): no protection against a second run
        pass
    except OSError:
        lock.close()
        raise UserError(busy, str(path)) from None
    return lock


def write_atomically(path: Path, text: str, expected: bytes | None = None) -> None:
    """Replace `path` with `text` in one rename, keeping its permissions (and owner, when allowed).

    A symbolic link is followed: the file it points to is replaced and the link
    stays. A path that exists but is not a regular file (a folder, FIFO or
    device such as /dev/null) is refused, not replaced. A new file gets the
    permissions the umask gives. Interruptions wait for the rename (see
    `signals_deferred`); failures are UserErrors naming the file.

    With `expected` (the bytes the file held when it was read), the file is read
    again under an advisory lock right before the rename, and a file that changed
    meanwhile (an editor's save) is left as it is: a UserError, nothing lost.
    """
    path = Path(path)
    try:
        target = path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
        raise UserError("cannot write: a loop of symbolic links", str(path)) from None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UserError("not a regular file; not replaced", str(path))
    if info is not None:
        mode = info.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    data = text.encode("utf-8")
    with signals_deferred():
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".factcheck-tmp", dir=target.parent)
        except OSError as error:
            raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            if info is not None and hasattr(os, "chown"):
                try:
                    os.chown(temporary, info.st_uid, info.st_gid)
                except OSError:
                    pass  # not allowed: the file becomes ours, as any editor's save does
            if expected is None:
                os.replace(temporary, target)
            else:
                _replace_if_unchanged(temporary, target, expected, path)
        except BaseException as error:
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass
            if isinstance(error, OSError):
                raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
            raise
        _sync_folder(target.parent)


def _replace_if_unchanged(temporary: str, target: Path, expected: bytes, shown: Path) -> None:
    """Rename over `target` only if it still holds `expected`, compared under an advisory lock (another
    factcheck --fix waits for it) as the last step before the rename: a save in between is kept."""
    try:
        import fcntl
    except ImportError:  # not POSIX: compare without the lock
        fcntl = None
    with open(target, "rb") as current:
        if fcntl is not None:
            fcntl.flock(current.fileno(), fcntl.LOCK_EX)
        try:
            if current.read() != expected:
                raise UserError("changed since it was checked; not fixed (run factcheck again)", str(shown))
            os.replace(temporary, target)
        finally:
            if fcntl is not None:
                fcntl.flock(current.fileno(), fcntl.LOCK_UN)


def refuse_unsafe_fix(path: Path) -> None:
    """What --fix will not rewrite: a read-only file, or a file with other names (hard links, which a
    rename would split off). (A folder walk never yields a link to a file outside its tree: see
    load.collect_paths; a link named on the command line is written through, as the user asked.)"""
    try:
        info = path.stat()
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
    if not info.st_mode & 0o222:
        raise UserError("read-only; not fixed (make it writable to let --fix change it)", str(path))
    if info.st_nlink > 1:
        raise UserError(f"has {info.st_nlink} names (hard links); not fixed, since a rewrite would split them", str(path))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def fix_file(document: Document, edits: list[Edit]) -> str:
    """Write the corrected text over the article, if it is still what was checked."""
    from factcheck.load import max_article_bytes
    from factcheck.yamlfile import read_bounded

    if document.path == "<stdin>":
        raise UserError("--fix cannot write to standard input; use --diff")
    fixed = apply_edits(document.source, edits)
    path = Path(document.path)
    refuse_unsafe_fix(path)
    current = read_bounded(path, max_article_bytes(), "article", "FACTCHECK_MAX_FILE_BYTES")
    bom = "\ufeff" if current.startswith(b"\xef\xbb\xbf") else ""  # the loader dropped it; keep it
    if current.decode("utf-8", "replace") != bom + document.source:
        # someone saved it since it was read: their words win; nothing is lost
        raise UserError("changed since it was checked; not fixed (run factcheck again)", str(path))
    # and compared once more, under a lock, right before the rename (a save during the write is kept too)
    write_atomically(path, bom + fixed, expected=current)
    return fixed
