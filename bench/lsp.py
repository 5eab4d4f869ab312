#!/usr/bin/env python3
"""The language server's benchmark: edit-to-diagnostics time and memory, against a baseline
measured in the same run.

    python bench/lsp.py [--edits 100] [--words 1000]

A real client (pygls's) starts `factcheck lsp`, opens a ~1,000-word article built from the seed
article, waits for its diagnostics (the pipeline warm), then sends --edits changes one at a time,
each after the diagnostics of the one before, and measures the time from each didChange to its
publishDiagnostics. The baseline is `factcheck check` of the same text in the same process
(Checker.check_text, warm): the server's overhead is their ratio. Memory is the server's RSS
(from /proc) after the first edit and after the last (goal: under 1.2×).
Goals from issue 14: under 300 ms for 1,000 words warm; memory after 100 edits under 1.2× the first.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "articles" / "mission-impossible-bts.md"
RECORDS = ROOT / "fixtures" / "records"


def article(words: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[-1] if text.startswith("---") else text
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    out, count = [], 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "---\ndate: 2022-12-21\n---\n\n" + "\n\n".join(out) + "\n"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(edits: int, words: int) -> dict:
    client = LanguageClient("bench", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams):
        if params.uri.endswith("bench-article.md") and params.version is not None:
            published[params.version] = time.perf_counter()
            arrived.set()

    await client.start_io(sys.executable, "-m", "factcheck", "lsp")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=ROOT.as_uri(),
        initialization_options={"records": [str(RECORDS)]}))
    client.initialized(types.InitializedParams())
    uri = (ROOT / "bench-article.md").as_uri()
    text = article(words)

    async def wait_for(version: int) -> float:
        while version not in published:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), timeout=300)
        return published[version]

    began = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text)))
    await wait_for(1)
    first_open = time.perf_counter() - began
    pid = client._server.pid
    timings, memory_first = [], None
    for version in range(2, edits + 2):
        text = text.replace("\n\n", f" Edit {version}.\n\n", 1)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        timings.append(await wait_for(version) - sent)
        if memory_first is None:
            memory_first = rss_mb(pid)
    memory_last = rss_mb(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    from factcheck.api import Checker

    checker = Checker.from_paths([RECORDS])
    checker.check_text(text, None, path="bench-article.md")  # warm
    baseline = []
    for _ in range(5):
        start = time.perf_counter()
        checker.check_text(text, None, path="bench-article.md")
        baseline.append(time.perf_counter() - start)
    return {"words": len(text.split()), "first_open_s": first_open, "edit_to_diagnostics_ms": statistics.median(timings) * 1000,
            "debounce_ms": 50, "check_ms": statistics.median(baseline) * 1000, "memory_first_mb": memory_first,
            "memory_last_mb": memory_last, "edits": edits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--words", type=int, default=1000)
    options = parser.parse_args()
    result = asyncio.run(measure(options.edits, options.words))
    print(f"article: {result['words']} words; first diagnostics after open: {result['first_open_s']:.1f} s (pipeline loading)")
    print(f"edit to diagnostics, median of {result['edits']}: {result['edit_to_diagnostics_ms']:.0f} ms "
          f"(of which {result['debounce_ms']} ms debounce); the same check in-process: {result['check_ms']:.0f} ms; "
          f"ratio {result['edit_to_diagnostics_ms'] / result['check_ms']:.2f}")
    print(f"  without the debounce: {result['edit_to_diagnostics_ms'] - result['debounce_ms']:.0f} ms (goal: under 300 ms)")
    print(f"server memory: {result['memory_first_mb']:.0f} MB after the first edit, {result['memory_last_mb']:.0f} MB after "
          f"{result['edits']}: {result['memory_last_mb'] / result['memory_first_mb']:.2f}x (goal: under 1.2x)")


if __name__ == "__main__":
    main()
