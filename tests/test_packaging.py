"""The built wheel carries the rules, and an installed (non-editable) copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

# builds a wheel: `pytest -m "not slow"` leaves it out
pytestmark = pytest.mark.slow

RULE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.yaml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("factcheck-*.whl")
    return built


def test_wheel_contains_every_rule_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in RULE_FILES:
        assert f"factcheck/{rule_file}" in names, rule_file


def test_installed_wheel_loads_its_rules(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "from factcheck.rules import builtin_rules_dir, load_rule_set\n"
        "rules, vocabulary = load_rule_set()\n"
        "print(builtin_rules_dir()); print(len(rules), len(vocabulary.facts))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, cwd=tmp_path).stdout.splitlines()
    assert out[0] == str(target / "factcheck" / "rules")
    count, facts = map(int, out[1].split())
    assert count == len([p for p in RULE_FILES if p.count("/") == 1])
    assert facts > 0
