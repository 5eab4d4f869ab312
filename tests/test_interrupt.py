"""Interrupted runs: Ctrl-C (SIGINT) or SIGTERM at several points of `check`, `check --fix`
and `check --write-baseline` leave every user file as it was or fully written, no temporary
file behind, readable caches, "factcheck: interrupted" (one line, no traceback), exit code
130 or 143 — and the next run works and gives what an uninterrupted run gives.

The signal lands wherever the run is: interpreter start-up, imports, rules and records,
spaCy, checking, writing. The run waits at each stage until the test has sent its signal
(FACTCHECK_STAGE_ACK_FD), so on a loaded machine too the signal lands where the scenario
says, and a run signalled after its handlers were installed must end interrupted. Scenarios
run a few at a time to keep the wall-clock time down."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import RECORDS, ROOT, SEED, within
from factcheck import fix

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals"),
              pytest.mark.slow]  # spawns processes: `pytest -m "not slow"` leaves it out

ARTICLES = 6
WORKERS = 3
MODES = {
    "check": ["--format", "json"],
    "fix": ["--fix", "--format", "json", "--no-cache"],
    "baseline": ["--write-baseline", "baseline.json", "--no-cache"],
}


def arguments(mode: str) -> list[str]:
    # relative paths: the baseline records them as given, so every workspace writes the same bytes
    return ["check", "corpus", "--records", str(RECORDS), "--cache-dir", "cache", "--processes", "1", *MODES[mode]]


# The run starts as from a terminal, where Ctrl-C reaches it. A test suite itself started in the
# background of a shell without job control (some CI runners) inherits SIGINT ignored, and factcheck
# rightly keeps an inherited ignore (nohup): SIGINT scenarios would then never be interrupted.
LAUNCH = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
          "sys.argv = ['factcheck', *sys.argv[1:]]; runpy.run_module('factcheck', run_name='__main__', alter_sys=True)")


def command(mode: str) -> list[str]:
    return [sys.executable, "-c", LAUNCH, *arguments(mode)]


def make_workspace(path: Path) -> Path:
    """corpus/ of articles, each with the seed's “Part On” (which --fix corrects), and an old baseline."""
    corpus = path / "corpus"
    corpus.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    for number in range(ARTICLES):
        (corpus / f"story-{number:02}.md").write_text(f"{seed}\n<!-- copy {number} -->\n", encoding="utf-8")
    (path / "baseline.json").write_text('{"factcheck_baseline": 1, "findings": []}\n')
    return path


def snapshot(workspace: Path) -> dict[str, str]:
    """Every user file by content hash (caches aside)."""
    return {
        str(p.relative_to(workspace)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(workspace.rglob("*"))
        if p.is_file() and "cache" not in p.relative_to(workspace).parts
    }


def caches_are_sound(workspace: Path) -> None:
    for database in sorted((workspace / "cache").rglob("*.sqlite3")) if (workspace / "cache").exists() else []:
        connection = sqlite3.connect(database)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", database
            for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        finally:
            connection.close()


@dataclass
class Reference:
    mode: str
    before: dict[str, str]
    after: dict[str, str]
    output: bytes
    seconds: float
    code: int


@dataclass
class Scenario:
    mode: str
    signum: int
    stage: str  # the run's stage line (see factcheck.stages) after which the signal is sent; "start": at once
    count: int
    workspace: Path
    code: int | None = None
    err: str = ""
    out: bytes = b""
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.mode}/{signal.Signals(self.signum).name}@{self.stage}#{self.count}"


def reference_run(mode: str, workspace: Path) -> Reference:
    before = snapshot(workspace)
    start = time.perf_counter()
    completed = subprocess.run(command(mode), cwd=workspace, capture_output=True, timeout=120)
    seconds = time.perf_counter() - start
    assert completed.returncode in (0, 1), completed.stderr.decode()
    assert "Traceback" not in completed.stderr.decode()
    return Reference(mode, before, snapshot(workspace), completed.stdout, seconds, completed.returncode)


def wait_for_stage(stream, stage: str, count: int, go_on=None) -> bool:
    """Read the run's stage lines until `stage` has come `count` times; False when the run ended first.
    With `go_on` (the run waits at each stage), let the run pass every stage before that one."""
    seen = 0
    for line in stream:
        if line.strip() == stage:
            seen += 1
            if seen == count:
                return True
        if go_on is not None:
            go_on()
    return False


def interrupt(scenario: Scenario) -> Scenario:
    """Start the run and send the signal when it reaches the scenario's stage. The run waits at
    each stage until told to go on, so the signal lands at that point of the run however slow
    the machine is (no fixed sleep, no race with the run's next step)."""
    read_end, write_end = os.pipe()
    ack_read, ack_write = os.pipe()
    environment = {**os.environ, "FACTCHECK_STAGE_FD": str(write_end), "FACTCHECK_STAGE_ACK_FD": str(ack_read)}
    process = subprocess.Popen(command(scenario.mode), cwd=scenario.workspace, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment, pass_fds=(write_end, ack_read))
    os.close(write_end)
    os.close(ack_read)
    with os.fdopen(read_end, encoding="utf-8") as stages, os.fdopen(ack_write, "wb", buffering=0) as acknowledgements:
        go_on = lambda: acknowledgements.write(b".")  # noqa: E731
        if scenario.stage == "start":
            process.send_signal(scenario.signum)
        elif wait_for_stage(stages, scenario.stage, scenario.count, go_on):
            process.send_signal(scenario.signum)  # the run is waiting at the stage: it handles the signal there
        else:
            scenario.problems.append(f"the run ended without reaching {scenario.stage} #{scenario.count}")
    # closing the acknowledgements lets the run pass any later stage without waiting
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        scenario.problems.append("did not stop within 60 s of the signal")
    scenario.code, scenario.out, scenario.err = process.returncode, out, err.decode(errors="replace")
    return scenario


# Interpreter start-up, the CLI's imports, rules and records read, the first article checked,
# the last but one checked; for --fix also the moment the second file was written.
STAGES = [("start", 1), ("ready", 1), ("loaded", 1), ("checked", 1), ("checked", ARTICLES - 1)]
EXTRA_STAGES = {"fix": [("fixed", 2)], "check": [], "baseline": []}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, tuple[Reference, list[Scenario]]]:
    """For each mode: one uninterrupted run (the files after it, its output), then interrupted
    runs — SIGINT and SIGTERM in turn at each stage — a few at a time."""
    with ThreadPoolExecutor(WORKERS) as pool:
        references = dict(zip(MODES, pool.map(
            lambda mode: reference_run(mode, make_workspace(tmp_path_factory.mktemp(f"reference-{mode}"))), MODES)))
    # the reference runs did something: --fix changed every article, the baseline was rewritten
    fixed = references["fix"]
    assert all(fixed.after[name] != fixed.before[name] for name in fixed.before if name.startswith("corpus/"))
    assert references["baseline"].after["baseline.json"] != references["baseline"].before["baseline.json"]
    scenarios = []
    for offset, mode in enumerate(references):
        for number, (stage, count) in enumerate(STAGES + EXTRA_STAGES[mode]):
            signum = (signal.SIGINT, signal.SIGTERM)[(number + offset) % 2]
            scenarios.append(Scenario(mode, signum, stage, count, make_workspace(tmp_path_factory.mktemp(f"{mode}-{number}"))))
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(interrupt, scenarios))
    return {mode: (references[mode], [s for s in scenarios if s.mode == mode]) for mode in MODES}


def judge(scenario: Scenario, reference: Reference) -> None:
    """The invariants, whatever the moment the signal came."""
    problems = scenario.problems
    interrupted_code = 128 + scenario.signum
    state = snapshot(scenario.workspace)
    if set(state) != set(reference.before):
        problems.append(f"files appeared or vanished: {sorted(set(state) ^ set(reference.before))}")
    for name, digest in state.items():
        if digest not in (reference.before.get(name), reference.after.get(name)):
            problems.append(f"{name} is neither the old file nor the new one")
    if scenario.mode == "fix":
        # a file rewritten is a file reported, whenever the signal came (defect 20)
        unreported = [name for name, digest in state.items() if name.startswith("corpus/")
                      and digest != reference.before.get(name) and f"fixed {name}:" not in scenario.err]
        if unreported:
            problems.append(f"rewritten but not reported: {unreported}")
    leftovers = [str(p) for p in scenario.workspace.rglob("*factcheck-tmp*")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers}")
    try:
        caches_are_sound(scenario.workspace)
    except (AssertionError, sqlite3.Error) as error:
        problems.append(f"cache damaged: {error}")
    # a signal while the interpreter itself still starts (its own modules imported, no line of factcheck run yet)
    # meets Python's default handler, which no program can replace before it runs: a KeyboardInterrupt from frozen
    # start-up modules, like a kill at start-up, must only leave every file as it was
    in_start_up = scenario.stage == "start" and scenario.err.rstrip().endswith("KeyboardInterrupt") \
        and "factcheck" not in scenario.err and all("<frozen " in line for line in scenario.err.splitlines() if line.lstrip().startswith("File "))
    if "Traceback" in scenario.err:
        if not ((scenario.code == -scenario.signum or in_start_up) and scenario.stage == "start"):
            problems.append(f"a traceback: {scenario.err[-800:]}")
    if (scenario.code == -scenario.signum or in_start_up) and scenario.stage == "start":
        # killed during interpreter start-up, before factcheck could install its handler
        if state != reference.before:
            problems.append("killed at start-up, yet files changed")
    elif scenario.code == interrupted_code:
        lines = scenario.err.strip().splitlines()
        if not lines or lines[-1] != "factcheck: interrupted" or scenario.err.count("interrupted") != 1:
            problems.append(f"stderr does not end in one 'factcheck: interrupted': {scenario.err[-500:]!r}")
        if scenario.mode != "fix" and len(lines) != 1:
            problems.append(f"more than one line on stderr: {scenario.err[-500:]!r}")
    elif scenario.code in (0, 1):
        if scenario.code != reference.code:  # it finished before the signal: it must be the finished result
            problems.append(f"finished with {scenario.code}, not {reference.code}")
        if state != reference.after:
            problems.append("finished, but the files are not those of a finished run")
    else:
        problems.append(f"exit code {scenario.code} (expected {interrupted_code}, or 0/1 when already done)")


def rerun_matches_reference(scenario: Scenario, reference: Reference, cli, monkeypatch) -> None:
    """The next run works, and ends where an uninterrupted run ends (a damaged cache would show here)."""
    monkeypatch.chdir(scenario.workspace)
    result = cli(*arguments(scenario.mode))
    if "Traceback" in result.err or result.code not in (0, 1):
        scenario.problems.append(f"the next run failed ({result.code}): {result.err[-800:]}")
        return
    if scenario.mode == "check":
        if json.loads(result.out) != json.loads(reference.output):
            scenario.problems.append("the next run reports otherwise than an uninterrupted run")
    elif snapshot(scenario.workspace) != reference.after:
        scenario.problems.append("after the next run the files are not those of an uninterrupted run")
    if scenario.mode == "fix" and json.loads(result.out)["summary"] != json.loads(reference.output)["summary"]:
        scenario.problems.append("the next --fix run reports otherwise than an uninterrupted one")


@pytest.mark.parametrize("mode", list(MODES))
def test_interrupted_runs_lose_nothing_and_the_next_run_works(mode, runs, cli, monkeypatch):
    reference, scenarios = runs[mode]
    for scenario in scenarios:
        judge(scenario, reference)
        if not scenario.problems:
            rerun_matches_reference(scenario, reference, cli, monkeypatch)
    failures = [f"{s.name} (exit {s.code}): {'; '.join(s.problems)}" for s in scenarios if s.problems]
    assert not failures, "\n".join(failures)
    # every run signalled at a stage after the handlers were installed was interrupted, not finished
    staged = [s for s in scenarios if s.stage != "start"]
    assert all(s.code == 128 + s.signum for s in staged), [(s.name, s.code) for s in staged]
    assert {s.signum for s in staged} == {signal.SIGINT, signal.SIGTERM}


def test_interrupting_worker_processes_is_clean(tmp_path):
    """With worker processes (a large batch and --processes 2), they stop quietly with the run."""
    workspace = tmp_path / "many"
    corpus = workspace / "corpus"
    corpus.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    for number in range(90):  # at least 40 per process for the worker processes to be used
        (corpus / f"story-{number:02}.md").write_text(f"{seed}\n<!-- copy {number} -->\n", encoding="utf-8")
    before = snapshot(workspace)
    args = [sys.executable, "-m", "factcheck", "check", "corpus", "--records", str(RECORDS), "--no-cache",
            "--processes", "2", "--format", "json"]
    read_end, write_end = os.pipe()
    process = subprocess.Popen(args, cwd=workspace, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               env={**os.environ, "FACTCHECK_STAGE_FD": str(write_end)}, pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as stages:
        # the first article back from a worker: the workers are loaded and busy with the rest
        assert wait_for_stage(stages, "checked", 1), "the run ended without checking an article"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: to the whole process group
    start = time.perf_counter()
    out, err = process.communicate(timeout=30)
    err_text = err.decode(errors="replace")
    assert time.perf_counter() - start < within(10), "the run went on after Ctrl-C"
    assert "Traceback" not in err_text and "Warning" not in err_text, err_text
    if process.returncode == 130:
        assert err_text.strip().splitlines() == ["factcheck: interrupted"], err_text
    else:
        assert process.returncode in (0, 1), (process.returncode, err_text)
    assert snapshot(workspace) == before
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the workers are gone with the run: its process group is empty
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived the interrupted run")


# --- the atomic write itself, at each step it can be interrupted ------------------------


@pytest.mark.parametrize("step", ["mkstemp", "write", "fsync", "chmod", "replace"])
def test_an_exception_at_any_step_of_a_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, step):
    target = tmp_path / "story.md"
    target.write_text("old words\n")
    target.chmod(0o640)

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    if step == "mkstemp":
        monkeypatch.setattr(fix.tempfile, "mkstemp", stop)
    elif step == "write":
        monkeypatch.setattr(fix.os, "fdopen", stop)
    else:
        monkeypatch.setattr(fix.os, step, stop)
    with pytest.raises(KeyboardInterrupt):
        fix.write_atomically(target, "new words\n")
    monkeypatch.undo()
    assert target.read_text() == "old words\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_a_write_waits_for_the_file_to_be_complete(tmp_path, monkeypatch, signum):
    """The signal comes between writing and renaming: the file is replaced whole, then the run stops."""
    target = tmp_path / "story.md"
    target.write_text("old words\n")
    real_fsync = os.fsync
    sent = []

    def fsync_then_signal(descriptor):
        real_fsync(descriptor)
        if not sent:
            sent.append(signum)
            os.kill(os.getpid(), signum)

    class Stopped(BaseException):
        pass

    def handler(number, frame):
        raise Stopped(number)

    previous = signal.signal(signum, handler)
    try:
        monkeypatch.setattr(fix.os, "fsync", fsync_then_signal)
        with pytest.raises(Stopped):
            fix.write_atomically(target, "new words\n")
    finally:
        signal.signal(signum, previous)
    assert sent == [signum]
    assert target.read_text() == "new words\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]


def test_a_new_file_is_written_whole_with_the_umask_permissions(tmp_path):
    target = tmp_path / "baseline.json"
    umask = os.umask(0o022)
    try:
        fix.write_atomically(target, "{}\n")
    finally:
        os.umask(umask)
    assert target.read_text() == "{}\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]


def test_interrupted_in_process_main_restores_the_signal_handlers(cli, tmp_path):
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    cli("check", tmp_path / "missing.md")
    assert {number: signal.getsignal(number) for number in before} == before


def test_the_exit_codes_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "130" in readme and "143" in readme


# The moment between the CLI's import and its own handlers: the console's handler is still the one
# set, and the signal is sent from inside that moment (the run sends it to itself), so it lands there.
SIGNAL_BEFORE_THE_CLI_HANDLERS = """
import os, signal, sys
from factcheck import cli, console
real, signum = cli._interruptible, int(sys.argv[1])
def early(*args, **kwargs):
    os.kill(os.getpid(), signum)
    return real(*args, **kwargs)
cli._interruptible = early
sys.argv = ["factcheck", "--version"]
console.main()
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_before_the_cli_installs_its_handlers_ends_in_one_line(signum):
    """Issue 12 (also: an early Ctrl-C prints a traceback): the console entry's handler covers the
    whole run up to the CLI's own, not only the CLI's import."""
    completed = subprocess.run([sys.executable, "-c", LAUNCH.split("; sys.argv")[0] + "\n" + SIGNAL_BEFORE_THE_CLI_HANDLERS,
                                str(int(signum))], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in completed.stderr, completed.stderr
    assert completed.stderr.strip().splitlines() == ["factcheck: interrupted"], completed.stderr
    assert completed.returncode == 128 + signum
