#!/usr/bin/env python3
"""Records at scale: what a run costs as a newsroom's records grow.

    python bench/records_scale.py [--records 10 10000] [--pack-records 1000000] [--articles 40] [--work DIR] [--json]

For each size of --records: the benchmark corpus's films (bench/corpus.py) plus generated people
(names with accents and particles, an alias, a birth date, a club, a count) up to that many records,
in YAML files of 1,000; 40 articles about the films. For each size of --pack-records: a knowledge
pack (factcheck.packs) of that many records, written directly through the pack writer: the corpus's
films and generated people (as above), next to one YAML file of 10 other people; the articles are
checked with `--pack`, so every finding about a film comes from the pack. Each step is a whole
`factcheck check` process with one cache folder (the result cache and the compiled records index
live there):
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


def person_records(count: int, first_qid: int, seed: int = 11):
    """(qid, Record) of `count` generated people, as `people` makes them, without YAML in between."""
    import datetime as dt

    from factcheck.model import FactValue, Record

    rng = random.Random(seed)
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {chr(65 + index % 26)}. {last} {index}"
        born = dt.date(1940 + rng.randrange(65), 1 + rng.randrange(12), 1 + rng.randrange(28))
        facts = {"born": (FactValue(born),), "club": (FactValue(f"{rng.choice(LAST)} Athletic"),), "caps": (FactValue(rng.randrange(120)),)}
        qid = first_qid + index
        yield qid, Record(f"Q{qid}", "person", name, (f"{first[0]}. {last} {index}",), facts,
                          (f"https://www.wikidata.org/wiki/Q{qid}",), f"wikidata:Q{qid}")


def write_generated_pack(path: Path, films_yaml: Path, size: int) -> float:
    """A pack of `size` records: the corpus's films (Q1 …) and generated people, through the pack
    writer (the same one `records build` uses); returns the seconds it took."""
    import time
    from dataclasses import replace
    from itertools import chain

    from factcheck.packs import write_pack
    from factcheck.records import load_records

    began = time.perf_counter()
    films = [(number, replace(record, id=f"Q{number}", origin=f"wikidata:Q{number}"))
             for number, record in enumerate(load_records([films_yaml]).records, 1)]
    people_count = max(0, size - len(films))
    write_pack(path, chain(films, person_records(people_count, len(films) + 1)),
               {"dump_date": "2026-11-01", "dumps": ["generated"], "types": ["film", "person"], "classes": {}, "subclasses": 0})
    return time.perf_counter() - began


def installed(work: Path) -> dict:
    """The environment of an installed factcheck: its modules compiled once to bytecode, as pip
    leaves them (a shell with PYTHONDONTWRITEBYTECODE=1 would compile every module on every run and
    time that instead), the bytecode kept under `work`, not in the source tree."""
    import subprocess

    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    package = Path(__import__("factcheck").__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True)
    return env


def measure(folder: Path, records: list[str], env: dict, articles: int, edited: Path) -> dict:
    """first run, per article, warm re-check and after an edit, each a whole `factcheck check`."""
    one = folder / "articles" / "article-0000.md"
    first, _ = timed([sys.executable, "-m", "factcheck", "check", str(one), *records], env)
    fresh = folder / "fresh"
    shutil.copytree(folder / "articles", fresh)
    alone = folder / "alone"
    alone.mkdir()
    shutil.copy(one, alone / "article-0000.md")
    single, _ = timed([sys.executable, "-m", "factcheck", "check", str(alone), *records, "--processes", "1"], env)
    batch, _ = timed([sys.executable, "-m", "factcheck", "check", str(fresh), *records, "--processes", "1"], env)
    per_article = max(batch - single, 0.0) / (articles - 1)
    warm, _ = timed([sys.executable, "-m", "factcheck", "check", str(one), *records], env)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# checked again\n", encoding="utf-8")
    other = folder / "articles" / "article-0001.md"
    after_edit, _ = timed([sys.executable, "-m", "factcheck", "check", str(other), *records], env)
    return {"first_run_s": round(first, 2), "per_article_s": round(per_article, 3), "warm_recheck_s": round(warm, 2),
            "after_edit_s": round(after_edit, 2)}


def main() -> None:
    import yaml

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="*", default=[10, 10_000])
    parser.add_argument("--pack-records", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-records-"))
    articles, films = build(options.articles, seed=7)
    base_env = installed(work)

    rows = []
    for size in options.records:
        folder = work / f"records-{size}"
        write(folder, articles, films)
        for number, entities in enumerate(people(max(0, size - len(films)))):
            (folder / "records" / f"people-{number:04d}.yaml").write_text(
                yaml.safe_dump({"entities": entities}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        env = {**base_env, "XDG_CACHE_HOME": str(folder / "xdg")}
        records = ["--records", str(folder / "records"), "--cache-dir", str(folder / "cache"), "--format", "json", "--fail-on", "never"]
        edited = sorted((folder / "records").glob("*.yaml"))[-1]
        rows.append({"records": size, "source": "yaml", **measure(folder, records, env, options.articles, edited)})

    for size in options.pack_records:
        folder = work / f"pack-{size}"
        write(folder, articles, films)
        pack = folder / "generated.fcpack"
        seconds = write_generated_pack(pack, folder / "records" / "films.yaml", size)
        print(f"wrote a pack of {size:,} records in {seconds:.0f} s ({pack.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
        # the films are the pack's alone; one YAML file of other people stays, to be edited
        (folder / "records" / "films.yaml").unlink()
        (folder / "records" / "people.yaml").write_text(
            yaml.safe_dump({"entities": people(10, seed=12)[0]}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        env = {**base_env, "XDG_CACHE_HOME": str(folder / "xdg")}
        records = ["--records", str(folder / "records"), "--pack", str(pack), "--cache-dir", str(folder / "cache"),
                   "--format", "json", "--fail-on", "never"]
        rows.append({"records": size, "source": "pack",
                     **measure(folder, records, env, options.articles, folder / "records" / "people.yaml")})

    if options.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'records':>9}  {'first run':>10}  {'per article':>11}  {'warm re-check':>13}  {'after an edit':>13}  {'from':>4}")
    for row in rows:
        print(f"{row['records']:>9,}  {row['first_run_s']:>9.2f}s  {row['per_article_s']:>10.3f}s  {row['warm_recheck_s']:>12.2f}s"
              f"  {row['after_edit_s']:>12.2f}s  {row['source']:>4}")
    if len(rows) >= 2:
        print(f"per-article time, {rows[-1]['records']:,} records against {rows[0]['records']:,}: "
              f"{rows[-1]['per_article_s'] / rows[0]['per_article_s']:.2f}x (target <= 1.5x at 1,000,000)")


if __name__ == "__main__":
    main()
