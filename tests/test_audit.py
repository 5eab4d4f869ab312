"""`factcheck audit` on Dask: the same findings as `check`, a worker killed mid-run, a run killed
and resumed, and JSON Lines archives.

One generated archive of 200 articles, one `factcheck check` of it in this process, and one audit
of it on a local cluster that audit starts itself (2 worker processes); the other tests audit a
subset of the same articles on one shared cluster of 2 worker processes (`--scheduler`) and must
give exactly the lines of that first audit for those articles, in the same order.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from factcheck.audit import AuditOptions, run_audit
from factcheck.cli import main

sys.path.insert(0, str(ROOT / "bench"))
from corpus import build, write  # noqa: E402

# spawns processes or checks many articles: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow

ARTICLES = 200
SUBSET = "article-00[0-5]?.md"  # the first 60 articles
SUBSET_SIZE = 60
SMALL_PARTITIONS = 5
FINDING_KEYS = {"id", "path", "url", "published", "rule", "severity", "message", "line", "column", "end_line", "end_column",
                "start", "end", "text", "suggestion", "evidence"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    articles, entities = build(ARTICLES, seed=11)
    write(root, articles, entities)
    (root / "factcheck.toml").write_text("")  # every run below finds this one config, wherever it starts
    return root


@pytest.fixture(scope="module")
def corpus_articles() -> list[dict]:
    return build(ARTICLES, seed=11)[0]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    yield cluster
    cluster.close()


def run_cli(*args) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def options(archive: Path, output: Path, cluster, sources=None, **extra) -> AuditOptions:
    return AuditOptions(sources=sources or [str(archive / "articles" / SUBSET)], output=output, scheduler=cluster.scheduler_address,
                        records=[archive / "records"], partition_size=SMALL_PARTITIONS, quiet=True, **extra)


@pytest.fixture(scope="module")
def full_audit(archive, tmp_path_factory) -> tuple[int, str, Path]:
    """The whole archive audited on a local cluster of 2 worker processes that audit starts."""
    output = tmp_path_factory.mktemp("full") / "findings.jsonl"
    code, out = run_cli("audit", archive / "articles", "--records", archive / "records", "-o", output,
                        "--workers", 2, "--partition-size", 25)
    return code, out, output


def expected_subset(full_audit) -> bytes:
    """The first audit's lines for the articles of SUBSET, in its order."""
    _, _, output = full_audit
    kept = [line for line in output.read_text(encoding="utf-8").splitlines(keepends=True)
            if Path(json.loads(line)["path"]).match(SUBSET)]
    assert kept
    return "".join(kept).encode("utf-8")


def test_audit_on_two_local_workers_finds_exactly_what_check_finds(archive, full_audit):
    code, out = run_cli("check", archive / "articles", "--records", archive / "records", "--format", "json",
                        "--fail-on", "never", "--no-cache", "--processes", 1)
    assert code == 0
    checked = json.loads(out)["files"]
    assert len(checked) == ARTICLES
    reference = [(f["path"], x["rule"], x["start"], x["end"], x["text"]) for f in checked for x in f["findings"]]

    audit_code, summary_text, output = full_audit
    assert audit_code == 0, summary_text
    audited = lines_of(output)
    found = [(x["path"], x["rule"], x["start"], x["end"], x["text"]) for x in audited]
    assert len(found) == len(reference) > 0
    assert set(found) == set(reference)
    assert len(set(found)) == len(found)  # nothing twice
    assert all(set(x) == FINDING_KEYS and x["id"] == x["path"] for x in audited)
    # findings in the order check reports them: by article, then by place
    assert found == reference

    summary = json.loads(Path(f"{output}.summary.json").read_text())
    assert summary["articles"] == ARTICLES and summary["partitions"] == ARTICLES // 25 and summary["failed"] == []
    assert {rule: counts["findings"] for rule, counts in summary["by_rule"].items()} == dict(Counter(x[1] for x in reference))
    assert "findings" in summary_text and str(summary["findings"]) in summary_text
    assert not Path(f"{output}.parts").exists()  # removed once FINDINGS is written


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(archive, full_audit, cluster, tmp_path):
    from distributed import Client

    output = tmp_path / "findings.jsonl"
    killed = []

    def kill_a_busy_worker(index, completed, client):
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        pids = client.run(os.getpid, workers=busy[:1])
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    result = run_audit(options(archive, output, cluster), io.StringIO(), io.StringIO(), on_part=kill_a_busy_worker)
    assert killed, "no worker was busy after the first partition"
    assert result.exit_code == 0 and result.computed == result.partitions == SUBSET_SIZE // SMALL_PARTITIONS
    assert output.read_bytes() == expected_subset(full_audit)
    with Client(cluster.scheduler_address) as client:
        assert killed[0] not in client.run(os.getpid).values()


def test_a_killed_run_resumes_without_recomputing_its_completed_partitions(archive, full_audit, cluster, tmp_path):
    output = tmp_path / "findings.jsonl"
    parts = Path(f"{output}.parts")
    command = [sys.executable, "-m", "factcheck", "audit", str(archive / "articles" / SUBSET), "--records", str(archive / "records"),
               "-o", str(output), "--partition-size", str(SMALL_PARTITIONS), "--scheduler", cluster.scheduler_address, "--keep-parts"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while len(list(parts.glob("part-*.jsonl"))) < 3:
        assert process.poll() is None, "the audit ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not output.exists()
    completed = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in parts.glob("part-*.jsonl") if p.with_suffix(".json").exists()}
    total = SUBSET_SIZE // SMALL_PARTITIONS
    assert 3 <= len(completed) < total

    recomputed = []
    result = run_audit(options(archive, output, cluster, keep_parts=True), io.StringIO(), io.StringIO(),
                       on_part=lambda index, completed_count, client: recomputed.append(index))
    assert result.resumed == len(completed) and result.computed == total - len(completed) == len(recomputed)
    assert not {f"part-{i:05d}.jsonl" for i in recomputed} & set(completed)
    assert {name: (parts / name).stat().st_ino for name in completed} == {name: ino for name, (ino, _) in completed.items()}
    assert {name: (parts / name).stat().st_mtime_ns for name in completed} == {name: mtime for name, (_, mtime) in completed.items()}
    assert output.read_bytes() == expected_subset(full_audit)

    # the same output with other settings is refused, before any work
    code, _ = run_cli("audit", archive / "articles" / SUBSET, "--records", archive / "records", "-o", output,
                      "--partition-size", SMALL_PARTITIONS + 1, "--scheduler", cluster.scheduler_address)
    assert code == 2
    assert len(list(parts.glob("part-*.jsonl"))) == total


def test_a_json_lines_archive_gives_the_findings_of_the_same_articles_as_files(archive, corpus_articles, full_audit, cluster, tmp_path):
    jsonl = tmp_path / "export.jsonl"
    chosen = corpus_articles[:SUBSET_SIZE]
    with open(jsonl, "w", encoding="utf-8") as stream:
        for number, article in enumerate(chosen):
            record = dict(article, url=f"https://news.example/{article['id']}") if number % 2 else article
            stream.write(json.dumps(record) + "\n")
    output = tmp_path / "findings.jsonl"
    result = run_audit(options(archive, output, cluster, sources=[str(jsonl)]), io.StringIO(), io.StringIO())
    assert result.exit_code == 0 and result.articles == SUBSET_SIZE

    def comparable(line: dict, lines_before: int, chars_before: int) -> tuple:
        evidence = tuple(sorted(line["evidence"].items()))
        return (line["rule"], line["severity"], line["message"], line["text"], line["suggestion"], evidence, line["published"],
                line["start"] - chars_before, line["end"] - chars_before, line["line"] - lines_before, line["end_line"] - lines_before,
                line["column"], line["end_column"])

    front_matter = {a["id"]: len(f"---\ndate: {a['published']}\n---\n") for a in chosen}
    as_files = [(Path(x["path"]).stem, comparable(x, 3, front_matter[Path(x["path"]).stem]))
                for x in map(json.loads, expected_subset(full_audit).decode().splitlines())]
    audited = lines_of(output)
    as_records = [(x["id"], comparable(x, 0, 0)) for x in audited]
    assert as_records == as_files
    urls = {a["id"]: f"https://news.example/{a['id']}" if n % 2 else None for n, a in enumerate(chosen)}
    assert all(x["path"] is None and x["url"] == urls[x["id"]] for x in audited)


def test_bad_json_lines_and_options_are_one_line_errors(tmp_path, capsys):
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text('{"id": "a", "text": "Fine.", "published": "2024-01-02"}\n\n{"id": "b", "text": 3}\n')
    assert main(["audit", str(jsonl), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert capsys.readouterr().err == f"factcheck: error: {jsonl}:3: the record has no text\n"
    jsonl.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "  \\n "}\n')
    assert main(["audit", str(jsonl), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert capsys.readouterr().err == f"factcheck: error: {jsonl}:2: the record's text is empty: nothing to check\n"
    jsonl.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    assert main(["audit", str(jsonl), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "ids must be unique" in capsys.readouterr().err
    assert main(["audit", str(jsonl), "-o", str(tmp_path / "out.jsonl"), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]) == 2
    assert "--workers is for the local cluster" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_a_full_disk_names_the_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    import errno

    from factcheck import audit
    from factcheck.errors import UserError

    def full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audit.os, "fsync", full)
    target = tmp_path / "manifest.json"
    with pytest.raises(UserError) as raised:
        audit.atomic_write(target, "{}\n")
    assert str(target) in str(raised.value) and "No space left on device" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_the_progress_shows_partitions_and_articles_done_on_a_terminal_only(archive, cluster, tmp_path):
    """On a terminal (a pty as stderr) the audit shows partitions and articles done as they complete;
    piped, stderr holds what the run has to say and no bar."""
    import pty  # noqa: F401 (POSIX: the test needs a pseudo-terminal)
    import select

    total = SUBSET_SIZE // SMALL_PARTITIONS

    def audit(output: Path, stderr) -> subprocess.Popen:
        command = [sys.executable, "-m", "factcheck", "audit", str(archive / "articles" / SUBSET), "--records", str(archive / "records"),
                   "-o", str(output), "--partition-size", str(SMALL_PARTITIONS), "--scheduler", cluster.scheduler_address]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, cwd=tmp_path,
                                env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})

    primary, secondary = os.openpty()
    process = audit(tmp_path / "on-a-terminal.jsonl", secondary)
    os.close(secondary)
    screen = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    assert process.wait(timeout=120) == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode("utf-8", "replace"))  # the colours aside
    assert "auditing" in shown and "partitions" in shown
    counts = sorted({int(done) for done in re.findall(rf"(\d+)/{total} partitions", shown)})
    # it advanced partition by partition (the bar is cleared when the audit ends, perhaps before its last redraw)
    assert len(counts) >= 3 and counts[-1] >= total - 1, counts
    articles = sorted({int(done) for done in re.findall(rf"(\d+)/{SUBSET_SIZE} articles", shown)})
    assert len(articles) >= 3 and articles[-1] >= SUBSET_SIZE - SMALL_PARTITIONS, articles

    piped = audit(tmp_path / "piped.jsonl", subprocess.PIPE)
    _, err = piped.communicate(timeout=120)
    # what the run has to say (how many partitions, where the scheduler is), and no bar
    assert piped.returncode == 0 and "━" not in err.decode() and not re.search(rf"\d+/{total} partitions", err.decode()), err
