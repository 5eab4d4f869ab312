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
