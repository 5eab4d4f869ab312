#!/usr/bin/env python3
"""Audit throughput on a local Dask cluster of 1 and of 2 worker processes, on the same archive.

    python bench/audit_bench.py [--articles 300] [--workers 1,2] [--partition-size 50] [--work DIR] [--json]

Each run is `factcheck audit` in full — a fresh local cluster, every worker loading the spaCy
pipeline, the partitions, the parts and their concatenation — timed end to end and from the first
partition submitted to the last one written ("compute"). It prints articles/s and words/s for
each number of workers, per worker, and the ratio to the first, and checks that every run wrote
the same findings byte for byte. Machines are shared and noisy: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build, write  # noqa: E402


def main() -> None:
    from factcheck.audit import AuditOptions, run_audit

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", default="1,2", help="comma-separated numbers of local worker processes")
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--work", type=Path, help="folder for the archive and the findings (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-audit-bench-"))
    articles, entities = build(options.articles, seed=7)
    write(work / "corpus", articles, entities)
    words = sum(len(a["text"].split()) for a in articles)
    os.environ.setdefault("XDG_CACHE_HOME", str(work / "xdg"))

    runs = []
    for workers in (int(n) for n in options.workers.split(",")):
        output = work / f"findings-{workers}.jsonl"
        result = run_audit(AuditOptions(
            sources=[str(work / "corpus" / "articles")], output=output, workers=workers, records=[work / "corpus" / "records"],
            partition_size=options.partition_size, restart=True, quiet=True,
        ), io.StringIO(), sys.stderr)
        runs.append({
            "workers": workers, "total_s": round(result.total_s, 2), "startup_s": round(result.startup_s, 2),
            "compute_s": round(result.compute_s, 2), "findings": result.findings,
            "articles_per_s": round(len(articles) / result.total_s, 2),
            "compute_articles_per_s": round(len(articles) / result.compute_s, 2),
            "words_per_s": round(words / result.total_s),
            "articles_per_s_per_worker": round(len(articles) / result.total_s / workers, 2),
            "words_per_s_per_worker": round(words / result.total_s / workers),
            "sha256": hashlib.sha256(output.read_bytes()).hexdigest(),
        })
    for run in runs:
        run["ratio_to_first"] = round(run["articles_per_s"] / runs[0]["articles_per_s"], 3)
    figures = {
        "machine": {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
                    "python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "archive": {"articles": len(articles), "words": words, "records": len(entities), "partition_size": options.partition_size},
        "runs": runs,
        "same_findings": len({run["sha256"] for run in runs}) == 1,
    }
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        m = figures["machine"]
        print(f"machine: {m['cores']} cores, {m['processor']}, Python {m['python']}, {m['platform']}")
        print(f"archive: {len(articles)} articles, {words:,} words, {len(entities)} records, partitions of {options.partition_size}")
        for run in runs:
            print(f"{run['workers']} worker(s): {run['total_s']:7.2f} s end to end ({run['startup_s']:.2f} s start, {run['compute_s']:.2f} s compute)"
                  f"  {run['articles_per_s']:6.2f} articles/s  {run['words_per_s']:>7,} words/s"
                  f"  per worker {run['articles_per_s_per_worker']:6.2f} articles/s {run['words_per_s_per_worker']:>7,} words/s"
                  f"  ratio {run['ratio_to_first']:.3f}")
        print(f"same findings in every run: {'yes' if figures['same_findings'] else 'NO'} ({runs[0]['findings']} findings)")
    if not figures["same_findings"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
