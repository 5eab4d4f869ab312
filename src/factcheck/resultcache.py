"""The result cache: an unchanged file is not checked again.

A file's findings are reused when its content, its path and publication date,
the records, the rules and vocabularies, the config, the options that change
findings, the spaCy pipeline and factcheck itself (its version and its code)
are all unchanged: all of them go into the key. It lives beside the Wikidata
cache (one SQLite file, WAL mode, one transaction per write), so concurrent
runs share it safely and a killed run leaves it readable.
"""

from __future__ import annotations

import hashlib
import os
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from factcheck import __version__
from factcheck.cache import Cache
from factcheck.model import Document, Evidence, Finding, Severity

FILENAME = "results.sqlite3"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """factcheck's own source: a changed checker must not reuse old findings."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted({p.resolve() for p in paths}):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file).encode())
            try:
                digest.update(file.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()


def model_version(name: str | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    from factcheck.nlp import default_model

    try:
        name = name or default_model()
        return f"{name}=={version(name.replace('_', '-'))}"
    except (PackageNotFoundError, Exception):  # noqa: BLE001 — any failure only makes the key stricter
        return f"{name}==?"


def fingerprint(*parts: object) -> str:
    digest = hashlib.sha256(code_digest().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, fingerprint: str, directory: Path | None = None, warn: Callable[[str], None] | None = None):
        self.fingerprint = fingerprint
        self._cache = Cache(directory, warn, filename=FILENAME)
        self.hits = self.misses = 0

    def key(self, document: Document) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        # a file by its absolute path: `check story.md` and the editor's file:///…/story.md are one file
        path = document.path if document.path in ("<stdin>", "-", "<text>") or "://" in document.path else os.path.abspath(document.path)
        for part in (path, str(document.published), document.source):
            digest.update(b"\0")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, document: Document) -> list[Finding] | None:
        entry = self._cache.get(self.key(document))
        if entry is None:
            self.misses += 1
            return None
        try:
            findings = [_finding(item) for item in json.loads(entry[0])]
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None  # an entry of another version: recompute it
        self.hits += 1
        return findings

    def put(self, document: Document, findings: list[Finding]) -> None:
        self._cache.put(self.key(document), json.dumps([_item(f) for f in findings], ensure_ascii=False))

    def close(self) -> None:
        self._cache.close()


def _item(finding: Finding) -> dict:
    return {
        "rule": finding.rule, "severity": finding.severity.label, "message": finding.message,
        "start": finding.start, "end": finding.end, "text": finding.text, "suggestion": finding.suggestion,
        "evidence": vars(finding.evidence) if finding.evidence else None, "quoted": finding.quoted,
    }


def _finding(item: dict) -> Finding:
    evidence = item["evidence"]
    return Finding(
        rule=item["rule"], severity=Severity.parse(item["severity"]), message=item["message"],
        start=item["start"], end=item["end"], text=item["text"], suggestion=item["suggestion"],
        evidence=Evidence(**evidence) if evidence else None, quoted=item["quoted"],
    )
