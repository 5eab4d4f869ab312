#!/usr/bin/env python3
"""Long articles: time and peak memory of one `factcheck check` as the article grows.

    python bench/long_article.py [--words 10000 100000 300000] [--repeat 1] [--work DIR] [--json]

Each article joins the benchmark corpus's articles (bench/corpus.py: dates, numbers, names,
records for every film) into one file of about the given number of words, published on the
first one's date; the records hold every film. Each size is checked as a whole process with a
fresh cache, with FACTCHECK_MAX_TEXT_CHARS and FACTCHECK_MAX_TOKENS raised above the article
so that the loader's bounds do not refuse it. Printed: words, wall time, CPU time, peak memory
(max RSS of the process), findings; then the ratios the issue asks for — the largest article's
time against the middle one's (linear would be its word ratio), and peak memory per word.
Machines are shared and noisy: compare the ratios of one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build, write  # noqa: E402
from run import measured  # noqa: E402


def long_article(words: int, seed: int = 7) -> tuple[str, list[dict]]:
    """One article of about `words` words, and the records of every film it names."""
    articles, entities = build(max(1, words // 600), seed=seed)
    paragraphs, total = [], 0
    for article in articles:
        for paragraph in article["text"].split("\n\n"):
            paragraphs.append(paragraph)
            total += len(paragraph.split())
            if total >= words:
                break
        if total >= words:
            break
    return f"---\ndate: {articles[0]['published']}\n---\n" + "\n\n".join(paragraphs) + "\n", entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size (median)")
    parser.add_argument("--work", type=Path, help="folder for the articles and caches (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-long-"))

    rows = []
    for words in sorted(options.words):
        text, entities = long_article(words)
        folder = work / f"words-{words}"
        write(folder, [], entities)
        article = folder / "articles" / "long.md"
        article.write_text(text, encoding="utf-8")
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg"),
               "FACTCHECK_MAX_TEXT_CHARS": str(len(text) * 2), "FACTCHECK_MAX_TOKENS": str(words * 4)}
        times, cpus, peaks = [], [], []
        for _ in range(options.repeat):
            elapsed, report = measured(["check", str(article), "--records", str(folder / "records"), "--format", "json",
                                        "--no-cache", "--fail-on", "never"], env)
            times.append(elapsed)
            cpus.append(report["cpu_s"])
            peaks.append(max(report["maxrss_kb"], report["children_maxrss_kb"]) / 1024)
        rows.append({"words": len(text.split()), "asked": words, "wall_s": round(statistics.median(times), 2),
                     "cpu_s": round(statistics.median(cpus), 2), "peak_mb": round(statistics.median(peaks)),
                     "records": len(entities)})

    figures = {"rows": rows}
    if len(rows) >= 2:
        middle, largest = rows[-2], rows[-1]
        figures["time_ratio_largest_to_middle"] = round(largest["wall_s"] / middle["wall_s"], 2)
        figures["word_ratio_largest_to_middle"] = round(largest["words"] / middle["words"], 2)
    if options.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{'words':>9}  {'records':>7}  {'wall':>8}  {'CPU':>8}  {'peak memory':>11}  {'per word':>9}")
    for row in rows:
        print(f"{row['words']:>9,}  {row['records']:>7}  {row['wall_s']:>7.2f}s  {row['cpu_s']:>7.2f}s  {row['peak_mb']:>8} MB"
              f"  {row['peak_mb'] * 1024 / row['words']:>6.1f} KB")
    if "time_ratio_largest_to_middle" in figures:
        print(f"ratio: {rows[-1]['words']:,} words take {figures['time_ratio_largest_to_middle']}x the time of "
              f"{rows[-2]['words']:,} ({figures['word_ratio_largest_to_middle']}x the words; target <= 3.5x)")
    for row in rows:
        if row["asked"] == 100_000:
            print(f"peak memory at 100,000 words: {row['peak_mb']} MB (target < 600 MB)")


if __name__ == "__main__":
    main()
