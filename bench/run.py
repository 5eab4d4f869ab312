#!/usr/bin/env python3
"""The benchmark: one run measures the floor and factcheck against it on the same corpus.

    python bench/run.py [--articles 300] [--work DIR] [--json]

(a) the floor: spaCy `nlp.pipe` over the corpus with the components the checker
    runs (tagger, parser, recogniser), one process, in a fresh process — in wall time
    and in CPU seconds; and the same with the recogniser alone (the floor before the
    checker read the parse), for comparison;
    and again in as many forked processes as the check uses (their pipes' CPU summed), which
    a loaded machine slows as it slows the check;
(b) `factcheck check` end to end over the corpus, cold (a fresh result cache), as a whole process;
(c) the same again with the warm cache;
(d) `factcheck --help` and a one-article check, as whole processes;
(e) peak memory (max RSS) of (b) and of the one-article check, and of the worker processes.
Then throughput and the ratios (a)/(b) — in CPU seconds (every process of the check, workers
included, against the floor's: like for like however many processes the check uses), and in
wall time — and (c)/(b). Timings are medians of --repeat runs; machines are shared and noisy, so
compare ratios measured in one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build, write  # noqa: E402

FLOOR = r"""
import json, sys, time, resource
from pathlib import Path
t0 = time.perf_counter()
import spacy
from factcheck.nlp import load_pipeline, default_model, BATCH_SIZE, NER_ONLY_EXCLUDE
from factcheck.load import apply_mask, load_document
nlp = load_pipeline() if sys.argv[2] == "same" else spacy.load(default_model(), exclude=NER_ONLY_EXCLUDE)
texts = [apply_mask(load_document(str(p))).text for p in sorted(Path(sys.argv[1]).glob("*.md"))]
t1, c1 = time.perf_counter(), time.process_time()
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"setup": t1 - t0, "pipe": t2 - t1, "pipe_cpu": c2 - c1, "entities": entities, "components": nlp.pipe_names,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# The floor with as many processes as the check: the parent loads the pipeline once and forks the
# workers, as the check does on Linux, and each runs its share of the texts; their pipes' CPU summed.
# Under load, two processes lose more than one (shared caches, a busy neighbour), so this is the floor
# that loses as the check does: like for like on a busy machine too.
FLOOR_PARALLEL = r"""
import json, multiprocessing, sys, time
from pathlib import Path
from factcheck.nlp import load_pipeline, BATCH_SIZE
from factcheck.load import apply_mask, load_document
processes = int(sys.argv[2])
nlp = load_pipeline()
texts = [apply_mask(load_document(str(p))).text for p in sorted(Path(sys.argv[1]).glob("*.md"))]
def share(index):
    c1 = time.process_time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts[index::processes], batch_size=BATCH_SIZE))
    return time.process_time() - c1, entities
t1 = time.perf_counter()
with multiprocessing.get_context("fork").Pool(processes) as pool:
    results = pool.map(share, range(processes))
t2 = time.perf_counter()
print(json.dumps({"pipe": t2 - t1, "pipe_cpu": sum(cpu for cpu, _ in results), "processes": processes}))
"""

# Runs the console entry point and reports its own peak memory and its children's.
MEASURED = r"""
import json, resource, sys, io, contextlib
from factcheck.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"code": code, "maxrss_kb": own.ru_maxrss, "children_maxrss_kb": children.ru_maxrss,
                             "cpu_s": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime}) + "\n")
"""


def timed(command: list[str], env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    began = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - began
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr}")
    return elapsed, completed


def measured(args: list[str], env: dict) -> tuple[float, dict]:
    elapsed, completed = timed([sys.executable, "-c", MEASURED, *args], env)
    report = json.loads(completed.stderr.strip().splitlines()[-1])
    return elapsed, report


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (median); the cold check runs this many times too")
    parser.add_argument("--work", type=Path, help="folder for the corpus and caches (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    # factcheck's modules compiled to bytecode first, as pip does when it installs a wheel: an editable
    # install under PYTHONDONTWRITEBYTECODE (set on the shared machines) would otherwise compile every
    # module from source in every process, the workers too (about 1 CPU second each), which no
    # installed copy does; spaCy's own modules come compiled from its wheel
    import factcheck

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(factcheck.__file__).parent)], check=False)
    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    corpus = work / "corpus"
    articles, entities = build(options.articles, seed=7)
    write(corpus, articles, entities)
    words = sum(len(a["text"].split()) for a in articles)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg")}
    check = ["check", str(corpus / "articles"), "--records", str(corpus / "records"), "--format", "json", "--fail-on", "never"]

    floors, colds, warms, helps, ones = [], [], [], [], []
    floor_cpus, ner_cpus, cold_cpus, parallel_cpus = [], [], [], []
    from factcheck.workflow import default_processes

    processes = default_processes()
    cold_report = one_report = None
    for attempt in range(options.repeat):
        _, floor = timed([sys.executable, "-c", FLOOR, str(corpus / "articles"), "same"], env)
        floor = json.loads(floor.stdout)
        floors.append(floor["pipe"])
        floor_cpus.append(floor["pipe_cpu"])
        _, ner_floor = timed([sys.executable, "-c", FLOOR, str(corpus / "articles"), "ner"], env)
        ner_cpus.append(json.loads(ner_floor.stdout)["pipe_cpu"])
        if processes > 1 and sys.platform.startswith("linux"):
            _, parallel = timed([sys.executable, "-c", FLOOR_PARALLEL, str(corpus / "articles"), str(processes)], env)
            parallel_cpus.append(json.loads(parallel.stdout)["pipe_cpu"])
        cache = work / f"cache-{attempt}"
        cold, cold_report = measured([*check, "--cache-dir", str(cache)], env)
        colds.append(cold)
        cold_cpus.append(cold_report["cpu_s"])
        warm, _ = measured([*check, "--cache-dir", str(cache)], env)
        warms.append(warm)
        helps.append(timed([sys.executable, "-m", "factcheck", "--help"], env)[0])
        one, one_report = measured(["check", str(corpus / "articles" / "article-0000.md"), "--records", str(corpus / "records"),
                                    "--format", "json", "--no-cache"], env)
        ones.append(one)

    floor_time, cold_time, warm_time = median(floors), median(colds), median(warms)
    floor_cpu, ner_cpu, cold_cpu = median(floor_cpus), median(ner_cpus), median(cold_cpus)
    figures = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "corpus": {"articles": len(articles), "words": words, "records": len(entities)},
        "repeat": options.repeat,
        "floor_ner_pipe_s": round(floor_time, 3),
        "check_cold_s": round(cold_time, 3),
        "check_warm_s": round(warm_time, 3),
        "help_s": round(median(helps), 3),
        "one_article_check_s": round(median(ones), 3),
        "throughput": {
            "floor_words_per_s": round(words / floor_time), "floor_articles_per_s": round(len(articles) / floor_time, 1),
            "cold_words_per_s": round(words / cold_time), "cold_articles_per_s": round(len(articles) / cold_time, 1),
            "warm_articles_per_s": round(len(articles) / warm_time, 1),
        },
        "floor_components": floor["components"],
        "floor_cpu_s": round(floor_cpu, 3),
        "floor_ner_only_cpu_s": round(ner_cpu, 3),
        "check_cold_cpu_s": round(cold_cpu, 3),
        "ratio_floor_over_cold_cpu": round(floor_cpu / cold_cpu, 3),
        "check_processes": processes,
        "floor_parallel_cpu_s": round(median(parallel_cpus), 3) if parallel_cpus else None,
        "ratio_parallel_floor_over_cold_cpu": round(median(parallel_cpus) / cold_cpu, 3) if parallel_cpus else None,
        "ratio_ner_floor_over_cold_cpu": round(ner_cpu / cold_cpu, 3),
        "ratio_floor_over_cold": round(floor_time / cold_time, 3),
        "ratio_warm_over_cold": round(warm_time / cold_time, 4),
        "peak_memory_mb": {
            "corpus_check_main": round(cold_report["maxrss_kb"] / 1024),
            "corpus_check_largest_worker": round(cold_report["children_maxrss_kb"] / 1024),
            "corpus_check_total_upper_bound": round((cold_report["maxrss_kb"] + cold_report["children_maxrss_kb"] * max(1, os.cpu_count() or 1)) / 1024),
            "one_article_check": round(one_report["maxrss_kb"] / 1024),
            "floor_process": round(floor["maxrss_kb"] / 1024),
        },
    }
    # per process: the main one and the largest worker, each against one article checked in one process
    largest = max(cold_report["maxrss_kb"], cold_report["children_maxrss_kb"])
    figures["ratio_memory_corpus_over_one"] = round(largest / one_report["maxrss_kb"], 3)
    if options.json:
        print(json.dumps(figures, indent=2))
        return
    m, t, p = figures["machine"], figures["throughput"], figures["peak_memory_mb"]
    print(f"machine: {m['cores']} cores, {m['processor']}, Python {m['python']}")
    print(f"corpus: {len(articles)} articles, {words:,} words, {len(entities)} records; medians of {options.repeat} runs")
    print(f"(a) floor, spaCy pipe ({'+'.join(figures['floor_components'])}), 1 process")
    print(f"                                       {floor_time:8.2f} s  {t['floor_words_per_s']:>8,} words/s  {t['floor_articles_per_s']:>6} articles/s"
          f"   CPU {figures['floor_cpu_s']:.2f} s (recogniser alone: CPU {figures['floor_ner_only_cpu_s']:.2f} s)")
    print(f"(b) factcheck check, cold, end to end  {cold_time:8.2f} s  {t['cold_words_per_s']:>8,} words/s  {t['cold_articles_per_s']:>6} articles/s"
          f"   CPU {figures['check_cold_cpu_s']:.2f} s (all processes)")
    print(f"(c) factcheck check, warm cache        {warm_time:8.2f} s  {'':>8}        {t['warm_articles_per_s']:>6} articles/s")
    print(f"(d) factcheck --help                   {figures['help_s']:8.3f} s")
    print(f"    one-article check, whole process   {figures['one_article_check_s']:8.2f} s")
    print(f"(e) peak memory: corpus check {p['corpus_check_main']} MB (largest worker {p['corpus_check_largest_worker']} MB; "
          f"all processes at most {p['corpus_check_total_upper_bound']} MB), one article {p['one_article_check']} MB, floor {p['floor_process']} MB")
    print(f"ratios: floor/cold CPU {figures['ratio_floor_over_cold_cpu']:.3f} (target >= 0.7; recogniser-only floor/cold CPU "
          f"{figures['ratio_ner_floor_over_cold_cpu']:.3f}), floor/cold wall time {figures['ratio_floor_over_cold']:.3f}, "
          f"warm/cold {figures['ratio_warm_over_cold']:.4f} (target < 0.05), "
          f"memory per process corpus/one {figures['ratio_memory_corpus_over_one']:.3f} (target < 1.2)")
    if figures["floor_parallel_cpu_s"] is not None:
        print(f"        floor in {processes} forked processes, as the check uses: CPU {figures['floor_parallel_cpu_s']:.2f} s, "
              f"floor/cold CPU {figures['ratio_parallel_floor_over_cold_cpu']:.3f} (target >= 0.7)")


if __name__ == "__main__":
    main()
