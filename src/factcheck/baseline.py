"""Baselines: adopt the gate on an archive without fixing it first.

`--write-baseline FILE` records today's findings; `--baseline FILE` silences
them. An entry is the file, the rule, the words found and the sentence around
them — not a line number — so it survives edits elsewhere in the file, and a
finding added later (even the same words in a new sentence) still fails. Paths
are stored relative to the baseline's folder and compared as absolute paths, so
a baseline works from any working folder and however a path is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from factcheck.errors import UserError
from factcheck.fix import write_atomically
from factcheck.model import Document, Finding
from factcheck.text import normalise_punctuation

VERSION = 1


def _sentence(document: Document, finding: Finding) -> str:
    text = document.source
    start = max(text.rfind(mark, 0, finding.start) for mark in (".", "!", "?", "\n")) + 1
    ends = [i for i in (text.find(mark, finding.end) for mark in (".", "!", "?", "\n")) if i >= 0]
    end = min(ends) if ends else len(text)
    return normalise_punctuation(text[start:end])


def key(document: Document, finding: Finding) -> tuple[str, str, str, str]:
    """The entry of a finding; a file by its absolute path (stdin and URLs as they are), so that
    it matches from any working folder and however the path was written."""
    context = hashlib.sha256(_sentence(document, finding).encode()).hexdigest()[:16]
    return (_absolute(document.path), finding.rule, finding.text, context)


def _absolute(path: str) -> str:
    if path in ("<stdin>", "-") or "://" in path:
        return path
    return Path(os.path.abspath(path)).as_posix()


def _stored(path: str, base: Path) -> str:
    """As written in the baseline: relative to the baseline's own folder, so the file moves with the repository."""
    if path in ("<stdin>", "-") or "://" in path:
        return path
    return Path(os.path.relpath(path, base)).as_posix()


def _loaded(path: str, base: Path) -> str:
    if path in ("<stdin>", "-") or "://" in path:
        return path
    return Path(os.path.normpath(os.path.join(base, path))).as_posix()


def write(path: Path, results) -> int:
    entries = Counter(key(r.document, f) for r in results for f in r.findings)
    _write_entries(path, entries)
    return sum(entries.values())


def add(path: Path, document: Document, finding: Finding) -> None:
    """One more finding silenced: its entry added to the baseline at `path` (made if it is not
    there; a file that is no baseline is refused, not overwritten), the rest kept as it was."""
    entries = read(path) if path.exists() or path.is_symlink() else Counter()
    entries[key(document, finding)] += 1
    _write_entries(path, entries)


def _write_entries(path: Path, entries: Counter) -> None:
    """The baseline file for these entries (keys with absolute paths), paths stored relative to its folder."""
    base = Path(os.path.abspath(path)).parent
    stored = Counter()
    for (p, rule, text, context), count in entries.items():
        stored[(_stored(p, base), rule, text, context)] += count
    data = {
        "factcheck_baseline": VERSION,
        "findings": [
            {"path": p, "rule": rule, "text": text, "context": context, "count": count}
            for (p, rule, text, context), count in sorted(stored.items())
        ],
    }
    # atomically, new or not: an interrupted run leaves no file, or an empty one, behind
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


MAX_BASELINE_BYTES = 200_000_000  # FACTCHECK_MAX_BASELINE_BYTES; an entry takes about 200 bytes


def read(path: Path) -> Counter:
    from factcheck.yamlfile import decode_utf8, limit, read_bounded

    if not path.exists() and not path.is_symlink():
        raise UserError("baseline file does not exist (create it with --write-baseline)", str(path))
    max_bytes = limit("FACTCHECK_MAX_BASELINE_BYTES", MAX_BASELINE_BYTES)
    text = decode_utf8(read_bounded(path, max_bytes, "baseline", "FACTCHECK_MAX_BASELINE_BYTES"), str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserError(f"invalid baseline JSON: {error.msg}", str(path), error.lineno) from None
    except (ValueError, RecursionError) as error:  # a number of 5,000 digits, nesting 100,000 deep
        problem = "nested too deeply" if isinstance(error, RecursionError) else " ".join(str(error).split())[:100]
        raise UserError(f"invalid baseline JSON: {problem}", str(path)) from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise UserError("not a factcheck baseline (write one with --write-baseline)", str(path))
    counts: Counter = Counter()
    base = Path(os.path.abspath(path)).parent  # entries are relative to the baseline's folder
    for entry in data["findings"]:
        try:
            count = int(entry.get("count", 1))
            counts[(_loaded(entry["path"], base), entry["rule"], entry["text"], entry["context"])] += count
        except OverflowError:  # "count": 1e999 is infinity
            raise UserError("a baseline entry's count must be a whole number", str(path)) from None
        except (KeyError, TypeError, ValueError):
            raise UserError("a baseline entry needs path, rule, text and context", str(path)) from None
    return counts


def filter_known(document: Document, findings: list[Finding], known: Counter) -> list[Finding]:
    """Findings not in the baseline; each baseline entry silences as many findings as it counted."""
    kept = []
    for finding in findings:
        entry = key(document, finding)
        if known[entry] > 0:
            known[entry] -= 1
        else:
            kept.append(finding)
    return kept
