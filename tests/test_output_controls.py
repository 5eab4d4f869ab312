"""No output format carries a raw control character or bidi override from its input: every C0 and
C1 control and every bidirectional override, in an article, a record and a file name, goes through
every format and comes out shown (escaped) or dropped — and the XML formats stay well-formed."""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from pathlib import Path

import pytest

from conftest import RECORDS as RECORDS_DIR
from conftest import SEED
from factcheck.report import FORMATS

CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f, *range(0x80, 0xa0)])
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = CONTROLS.replace("\x00", "") + BIDI  # NUL cannot stand in a file name
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "]")
RECORDS = "entities:\n  - id: tt3\n    type: film\n    name: Toy Tales 3\n    facts:\n      release_date: 2010-06-18\n      director: \"Lee Unkrich\\x1b]0;PWNED\\x07\"\n"


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = "story" + "".join(ch for ch in HOSTILE if ch not in "/\r\n\x0b\x0c") + ".md"
    article = folder / name
    text = f"Toy Tales 3 was released on June 18, 2011. {HOSTILE} It was directed by Lee Unkrich.\n"
    article.write_text(text, encoding="utf-8")
    records = tmp_path / "records.yaml"
    records.write_text(RECORDS, encoding="utf-8")
    return article, records


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_no_format_carries_a_raw_control_from_its_input(cli, hostile, output_format):
    article, records = hostile
    result = cli("check", article, "--records", records, "--format", output_format, "--no-color", "--no-cache")
    assert result.code == 1, result.err
    assert "2011" in result.out  # the finding is there
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW.findall(result.out.replace("\r", ""))})
    assert not raw, f"{output_format} carries {raw}"
    if output_format == "junit":
        xml.dom.minidom.parseString(result.out)
    if output_format in ("json", "sarif"):
        json.loads(result.out)


def test_extract_and_records_commands_show_controls(cli, hostile):
    article, records = hostile
    for args in (("extract", article), ("records", "show", "tt3", "--records", records), ("records", "validate", records)):
        result = cli(*args)
        assert not RAW.findall(result.out.replace("\r", "")), args


def test_stderr_lines_naming_a_file_show_its_controls(cli, tmp_path):
    """--fix's 'fixed' lines (and every other line the run writes to stderr) name the file: its
    controls are shown escaped, never sent to the terminal (issue 12, defect 4)."""
    records = tmp_path / "records.yaml"
    records.write_text(RECORDS.replace("\\x1b]0;PWNED\\x07", ""), encoding="utf-8")
    name = "story" + "".join(ch for ch in HOSTILE if ch not in "/\r\n\x0b\x0c") + ".md"
    article = tmp_path / name
    article.write_text("The film Toy Tales 3 was directed by Lee Unkrch.\n", encoding="utf-8")
    result = cli("check", article, "--records", records, "--fix", "--no-color", "--no-cache")
    assert "fixed " in result.err and "Unkrich" in article.read_text(encoding="utf-8"), result.err
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW.findall(result.err.replace("\r", ""))})
    assert not raw, f"stderr carries {raw}"


def test_a_run_without_records_says_that_only_internal_checks_ran(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no factcheck.toml naming records
    bare = cli("check", SEED)
    assert bare.err.strip() == "factcheck: no reference records: only internal checks ran (see `factcheck init`, or --records)"
    assert cli("check", SEED, "--quiet").err == ""
    with_records = cli("check", SEED, "--records", RECORDS_DIR)
    assert with_records.code == 1 and "no reference records" not in with_records.err


def test_without_colour_a_caret_line_marks_each_finding_and_lines_fit_80_columns(tmp_path):
    """NO_COLOR (or a CI log): under each excerpt a line of carets stands exactly under the wrong words."""
    import os
    import subprocess
    import sys

    from rich.cells import cell_len

    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    (tmp_path / "story.md").write_bytes(SEED.read_bytes())  # a newsroom's short path: "story.md:33:40: error [rule]"
    completed = subprocess.run([sys.executable, "-m", "factcheck", "check", "story.md", "--records", str(RECORDS_DIR)],
                               capture_output=True, text=True, env=env, cwd=tmp_path)
    lines = completed.stdout.splitlines()
    assert all(cell_len(line.rstrip()) <= 80 for line in lines), [line for line in lines if cell_len(line.rstrip()) > 80]
    listed = subprocess.run([sys.executable, "-m", "factcheck", "check", str(SEED), "--records", str(RECORDS_DIR),
                            "--format", "json"], capture_output=True, text=True, env=env)
    assert listed.stdout, listed.stderr
    findings = json.loads(listed.stdout)["files"][0]["findings"]
    carets = [(lines[i - 1], line) for i, line in enumerate(lines) if line.strip() and set(line.strip()) == {"^"}]
    assert len(carets) == len(findings)
    marked = set()
    for excerpt, caret in carets:
        column = len(caret) - len(caret.lstrip())
        width = len(caret.strip())
        marked.add(excerpt[column:column + width])
    assert marked == {f["text"] for f in findings}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_the_progress_bar_counts_articles_checked_on_a_terminal_only(tmp_path):
    """On a terminal the bar advances as each article is checked (the run waits at each 'checked'
    stage until the bar shows it); piped, stderr holds nothing but what the run has to say."""
    import os
    import select
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(4):
        (corpus / f"story-{number}.md").write_text(SEED.read_text(encoding="utf-8") + f"\n<!-- {number} -->\n", encoding="utf-8")
    command = [sys.executable, "-m", "factcheck", "check", str(corpus), "--records", str(RECORDS_DIR), "--no-cache", "--processes", "1"]
    stage_read, stage_write = os.pipe()
    ack_read, ack_write = os.pipe()
    primary, secondary = os.openpty()
    env = {**os.environ, "FACTCHECK_STAGE_FD": str(stage_write), "FACTCHECK_STAGE_ACK_FD": str(ack_read), "COLUMNS": "100"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=secondary, env=env, pass_fds=(stage_write, ack_read))
    for descriptor in (secondary, stage_write, ack_read):
        os.close(descriptor)
    screen = b""

    def read_screen_until(wanted: bytes, seconds: float = 60) -> bool:
        nonlocal screen
        deadline = time.monotonic() + seconds
        while wanted not in screen and time.monotonic() < deadline:
            ready, _, _ = select.select([primary], [], [], 0.2)
            if ready:
                try:
                    screen += os.read(primary, 65536)
                except OSError:
                    break
        return wanted in screen

    seen = []
    with os.fdopen(stage_read) as stages:
        for line in stages:
            stage = line.strip()
            if stage == "checked":
                count = len(seen) + 1
                # it shows this article checked, and not yet the next one (the run waits here)
                seen.append(read_screen_until(f"{count}/4".encode()) and f"{count + 1}/4".encode() not in screen)
            os.write(ack_write, b".")
    os.close(ack_write)
    process.wait(timeout=60)
    os.close(primary)
    assert seen == [True, True, True, True], screen[-2000:]
    assert b"checking" in screen
    piped = subprocess.run(command, capture_output=True, text=True)
    assert "checking" not in piped.stderr and "/4" not in piped.stderr


def test_show_filters_the_report_not_the_exit_code(cli):
    every = cli("check", SEED, "--records", RECORDS_DIR, "--format", "json")
    errors_only = cli("check", SEED, "--records", RECORDS_DIR, "--format", "json", "--show", "error")
    severities = {f["severity"] for f in every.json()["files"][0]["findings"]}
    assert {"error", "info"} <= severities
    assert {f["severity"] for f in errors_only.json()["files"][0]["findings"]} == {"error"}
    hidden = cli("check", SEED, "--records", RECORDS_DIR, "--show", "error", "--fail-on", "info")
    assert hidden.code == every.code == 1 and "info [" not in hidden.out


def test_statistics_count_the_findings_per_rule(cli):
    findings = cli("check", SEED, "--records", RECORDS_DIR, "--format", "json").json()["files"][0]["findings"]
    out = cli("check", SEED, "--records", RECORDS_DIR, "--statistics").out
    for rule in {f["rule"] for f in findings}:
        count = sum(f["rule"] == rule for f in findings)
        assert re.search(rf"^\s*{count}\s+{re.escape(rule)}\s+\((?:error|warning|info)\)$", out, re.MULTILINE), (rule, out)


def test_output_file_holds_the_report_and_stdout_nothing(cli, tmp_path):
    target = tmp_path / "report.json"
    result = cli("check", SEED, "--records", RECORDS_DIR, "--format", "json", "--output-file", target)
    assert result.code == 1 and result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["findings"]
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    refused = cli("check", SEED, "--output-file", link)
    assert refused.code == 2 and "symbolic link" in refused.err and not (tmp_path / "elsewhere.json").exists()


def test_stdin_filename_names_standard_input_and_says_its_markup():
    from conftest import run_process

    named = run_process("check", "-", "--records", str(RECORDS_DIR), "--format", "json", "--stdin-filename", "drafts/story.md",
                        stdin=SEED.read_bytes())
    (report,) = named.json()["files"]
    assert report["path"] == "drafts/story.md"
    plain = run_process("check", str(SEED), "--records", str(RECORDS_DIR), "--format", "json").json()["files"][0]["findings"]
    assert [(f["line"], f["rule"]) for f in report["findings"]] == [(f["line"], f["rule"]) for f in plain]


def test_a_long_path_breaks_after_its_place_so_lines_still_fit_80_columns(tmp_path):
    """"newsroom/politics/…/mayoral-race-results-updated.txt:5:1: info [title-variant]" runs past 80
    columns: the place ("path:line:col:", what an editor jumps to) stays whole on its line and the
    severity, rule and message go below it, so every line still fits."""
    import os
    import subprocess
    import sys

    from rich.cells import cell_len

    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "FORCE_COLOR")}
    env.update(NO_COLOR="1", COLUMNS="80")
    relative = Path("newsroom/politics/2023-elections/mayoral-race-results-updated.txt")
    (tmp_path / relative).parent.mkdir(parents=True)
    (tmp_path / relative).write_bytes(SEED.read_bytes())
    completed = subprocess.run([sys.executable, "-m", "factcheck", "check", str(relative), "--records", str(RECORDS_DIR)],
                               capture_output=True, text=True, env=env, cwd=tmp_path)
    lines = [line.rstrip() for line in completed.stdout.splitlines()]
    assert completed.returncode == 1, completed.stderr
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    places = [line for line in lines if line.startswith(f"{relative}:")]
    assert places and all(re.fullmatch(rf"{re.escape(str(relative))}:\d+:\d+:", line) for line in places)
    assert any(re.match(r"    error \[name-near-miss\] “Part On”", line) for line in lines)
