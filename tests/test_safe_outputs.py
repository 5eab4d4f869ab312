"""Files the tool writes replace only a regular file or nothing (issue: one safe writer)."""

from __future__ import annotations

import os

import pytest

from conftest import RECORDS, SEED


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_audit_output_never_replaces_a_special_file(cli, tmp_path, kind):
    target = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        target.symlink_to(tmp_path / "elsewhere")
    else:
        try:
            os.mknod(target, 0o600 | __import__("stat").S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device needs root")
    before = os.lstat(target)
    result = cli("audit", SEED, "--records", RECORDS, "-o", target)
    assert result.code == 2 and "not replaced" in result.err and len(result.err.strip().splitlines()) == 1, result.err
    after = os.lstat(target)
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert not (tmp_path / "elsewhere").exists()


def test_a_file_name_that_is_not_utf8_is_one_more_file(cli, tmp_path, monkeypatch):
    """In a git work tree (names go to `git check-ignore`), by folder walk and by glob, in every format."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "ok.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.md"), "w", encoding="utf-8") as handle:
        handle.write("Mission: Impossible – Dead Reckoning – Part On is out.\n")
    monkeypatch.chdir(tmp_path)
    for target in (".", "*.md"):
        result = cli("check", target, "--records", RECORDS, "--format", "json", "--no-cache", "--fail-on", "never")
        assert result.code == 0, result.err
        assert len(result.json()["files"]) == 2
    for output_format in ("terminal", "github", "junit", "html"):
        shown = cli("check", ".", "--records", RECORDS, "--format", output_format, "--no-cache", "--fail-on", "never")
        assert shown.code == 0 and "caf\\xe9.md" in shown.out, (output_format, shown.err)
    sarif = cli("check", ".", "--records", RECORDS, "--format", "sarif", "--no-cache", "--fail-on", "never")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif.json()["runs"][0]["results"]}
    assert "caf%E9.md" in uris, uris
