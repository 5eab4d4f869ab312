#!/usr/bin/env python3
"""Records at scale: what a run costs as a newsroom's records grow.

    python bench/records_scale.py [--records 10 10000 100000] [--articles 40] [--work DIR] [--json]

For each size: the benchmark corpus's films (bench/corpus.py) plus generated people (names with
accents and particles, an alias, a birth date, a club, a count) up to that many records, in files of
1,000; 40 articles about the films. Each step is a whole `factcheck check` process with one cache
folder (the result cache and the compiled records index live there):
  first run     one article, nothing compiled yet: YAML parsed and compiled, the article checked
  per article   the 40 articles (copies the result cache has not seen; the index is warm), less one
                such article alone, over 39: what one more article costs, start-up and reading the
                records left out
  warm re-check one unchanged article again: the result cache answers, the records are not read
  after edit    one records file edited, then one new article: only that file is parsed again
Machines are shared and noisy: compare the sizes of one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build, write  # noqa: E402
from run import timed  # noqa: E402

FIRST = ["Maya", "Tobias", "Inès", "Daniel", "Priya", "Kwame", "Lise", "Oskar", "Nadia", "Colm", "Hana", "Rafael", "Greta",
         "Samuel", "Aiko", "Mateo", "Zoë", "Joaquín", "Siobhán", "Björn"]
LAST = ["Ellison", "Renn", "Calloway", "Okafor", "Raman", "Mbatha", "Andersen", "Lindqvist", "Fenwick", "da Silva",
        "van der Berg", "Ó Briain", "Nakamura", "Kowalczyk", "Haddad", "Müller"]
PER_FILE = 1_000


def people(count: int, seed: int = 11) -> list[list[dict]]:
    """`count` person records in files of PER_FILE, names made unique by a middle initial and number."""
    rng = random.Random(seed)
    files, current = [], []
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {chr(65 + index % 26)}. {last} {index}"
        current.append({
            "id": f"person-{index:07d}", "type": "person", "name": name, "aliases": [f"{first[0]}. {last} {index}"],
            "facts": {"born": f"{1940 + rng.randrange(65)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
                      "club": f"{rng.choice(LAST)} Athletic", "caps": rng.randrange(120)},
            "sources": [f"https://example.org/people/{index}"],
        })
        if len(current) == PER_FILE:
            files.append(current)
            current = []
    if current:
        files.append(current)
    return files


def main() -> None:
    import yaml

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10, 10_000, 100_000])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-records-"))
    articles, films = build(options.articles, seed=7)

    rows = []
    for size in options.records:
        folder = work / f"records-{size}"
        write(folder, articles, films)
        for number, entities in enumerate(people(max(0, size - len(films)))):
            (folder / "records" / f"people-{number:04d}.yaml").write_text(
                yaml.safe_dump({"entities": entities}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        cache = folder / "cache"
        env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg")}
        records = ["--records", str(folder / "records"), "--cache-dir", str(cache), "--format", "json", "--fail-on", "never"]
        one = folder / "articles" / "article-0000.md"

        first, _ = timed([sys.executable, "-m", "factcheck", "check", str(one), *records], env)
        fresh = folder / "fresh"
        shutil.copytree(folder / "articles", fresh)
        alone = folder / "alone"
        alone.mkdir()
        shutil.copy(one, alone / "article-0000.md")
        single, _ = timed([sys.executable, "-m", "factcheck", "check", str(alone), *records, "--processes", "1"], env)
        batch, _ = timed([sys.executable, "-m", "factcheck", "check", str(fresh), *records, "--processes", "1"], env)
        per_article = max(batch - single, 0.0) / (options.articles - 1)
        warm, _ = timed([sys.executable, "-m", "factcheck", "check", str(one), *records], env)
        edited = sorted((folder / "records").glob("*.yaml"))[-1]
        edited.write_text(edited.read_text(encoding="utf-8") + "\n# checked again\n", encoding="utf-8")
        other = folder / "articles" / "article-0001.md"
        after_edit, _ = timed([sys.executable, "-m", "factcheck", "check", str(other), *records], env)
        rows.append({"records": size, "first_run_s": round(first, 2), "per_article_s": round(per_article, 3),
                     "warm_recheck_s": round(warm, 2), "after_edit_s": round(after_edit, 2)})

    if options.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'records':>9}  {'first run':>10}  {'per article':>11}  {'warm re-check':>13}  {'after an edit':>13}")
    for row in rows:
        print(f"{row['records']:>9,}  {row['first_run_s']:>9.2f}s  {row['per_article_s']:>10.3f}s  {row['warm_recheck_s']:>12.2f}s"
              f"  {row['after_edit_s']:>12.2f}s")
    if len(rows) >= 2:
        print(f"per-article time, {rows[-1]['records']:,} records against {rows[0]['records']:,}: "
              f"{rows[-1]['per_article_s'] / rows[0]['per_article_s']:.2f}x (target <= 1.5x at 1,000,000)")


if __name__ == "__main__":
    main()
