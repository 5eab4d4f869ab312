#!/usr/bin/env python3
"""Building knowledge packs: time and peak memory of `factcheck records build` as the dump grows.

    python bench/pack_build.py [--items 20000 200000] [--workers 2] [--work DIR] [--json]

For each size: a dump in Wikidata's layout (gzip) of the test dump's entities
(fixtures/wikidata/dump/build.py) and that many generated items around them, and the same
entities as plain NDJSON (wikibase-dump-filter's form). Each is built into a pack by a whole
`factcheck records build` process, in that process (peak memory from /usr/bin/time: it should
not grow with the dump), and the NDJSON cut into 8 partitions on a local Dask cluster of
--workers processes (its packs must be the same bytes). Machines are shared and noisy: compare
the sizes of one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dump_build", ROOT / "fixtures" / "wikidata" / "dump" / "build.py")
dump_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dump_build)


def build(args: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KB) of one `factcheck records build`."""
    command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "factcheck", "records", "build", *args, "--quiet"]
    began = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr}")
    return elapsed, int(completed.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="factcheck-packs-"))
    rows = []
    for size in options.items:
        folder = work / f"items-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        entities = [*dump_build.repository_entities(), *dump_build.generated_entities(size)]
        text = dump_build.dump_text([dump_build._dated(e, e["id"], i) for i, e in enumerate(entities)])
        gz = folder / "wikidata-20261101-all.json.gz"
        gz.write_bytes(dump_build.gzipped(text))
        ndjson = folder / "wikidata-20261101-all.ndjson"
        ndjson.write_bytes(b"".join(line.rstrip(b",") + b"\n" for line in text.split(b"\n")[1:-2]))
        local_s, local_kb = build([str(gz), "-o", str(folder / "gz.fcpack")])
        plain_s, plain_kb = build([str(ndjson), "-o", str(folder / "plain.fcpack")])
        partition = max(1, ndjson.stat().st_size // 8 + 1)
        cluster_s, _ = build([str(ndjson), "-o", str(folder / "cluster.fcpack"), "--workers", str(options.workers),
                              "--partition-size", str(partition)])
        same = (folder / "cluster.fcpack").read_bytes() == (folder / "plain.fcpack").read_bytes()
        connection = sqlite3.connect(f"file:{folder / 'gz.fcpack'}?mode=ro", uri=True)
        items = json.loads(connection.execute("SELECT value FROM manifest WHERE key = 'items'").fetchone()[0])
        connection.close()
        rows.append({"entities": len(entities), "kept": items, "dump_mb": round(gz.stat().st_size / 1e6, 1),
                     "gzip_s": round(local_s, 1), "gzip_peak_mb": round(local_kb / 1024), "ndjson_s": round(plain_s, 1),
                     "ndjson_peak_mb": round(plain_kb / 1024), "cluster_s": round(cluster_s, 1), "same_bytes": same,
                     "pack_mb": round((folder / "gz.fcpack").stat().st_size / 1e6, 1)})
    if options.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'entities':>9}  {'kept':>7}  {'dump':>7}  {'gzip, here':>15}  {'NDJSON, here':>15}  "
          f"{f'NDJSON, {options.workers} workers':>19}  {'pack':>7}")
    for row in rows:
        print(f"{row['entities']:>9,}  {row['kept']:>7,}  {row['dump_mb']:>5.1f}MB  {row['gzip_s']:>6.1f}s {row['gzip_peak_mb']:>5}MB"
              f"  {row['ndjson_s']:>6.1f}s {row['ndjson_peak_mb']:>5}MB  {row['cluster_s']:>8.1f}s {'same bytes' if row['same_bytes'] else 'DIFFERENT'}"
              f"  {row['pack_mb']:>5.1f}MB")


if __name__ == "__main__":
    main()
