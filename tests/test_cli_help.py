"""Every command and every flag is described in --help; every rule is listed and explained."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from factcheck.cli import app
from factcheck.rules import load_rule_set

COMMAND = typer.main.get_command(app)
RULES, _ = load_rule_set()


def test_top_level_help_lists_every_command(cli):
    result = cli("--help")
    assert result.code == 0
    for name in COMMAND.commands:
        assert name in result.out


@pytest.mark.parametrize("name", sorted(COMMAND.commands))
def test_every_flag_is_described(cli, name):
    command = COMMAND.commands[name]
    result = cli(name, "--help")
    assert result.code == 0
    assert command.help, f"{name} has no description"
    for param in command.params:
        assert param.help, f"{name}: {param.name} has no help text"
        for flag in getattr(param, "opts", []):
            if flag.startswith("-"):
                assert flag in result.out, f"{name} --help does not show {flag}"


def test_help_does_not_import_spacy():
    code = "import sys\nfrom factcheck.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules, 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False False"


def test_rules_lists_every_rule(cli):
    result = cli("rules", "--format", "json")
    assert result.code == 0
    listed = {rule["id"] for rule in result.json()}
    assert listed == {rule.id for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_explain_every_rule(cli, rule):
    result = cli("explain", rule.id)
    assert result.code == 0
    assert rule.id in result.out
    assert rule.failing[0].text in result.out
    assert rule.passing[0].text in result.out


def test_version(cli):
    result = cli("--version")
    assert result.code == 0 and result.out.startswith("factcheck ")


@pytest.mark.parametrize("command", [["check"], ["audit"], ["extract"], ["explain"], ["init"], ["records", "pull"],
                                     ["records", "show"], ["records", "validate"], ["records", "build"], ["lsp"]])
def test_help_shows_readable_placeholders_not_python_types(cli, command):
    """PATH..., FILE, N — not <list[str]>, {paths}... or <int range>."""
    text = cli(*command, "--help").out
    assert text.startswith("Usage:"), text
    usage = text.splitlines()[0]
    placeholders = [line.split("  ")[0] for line in text.splitlines()[1:] if line.startswith("  ") and line.strip()[:1] in "-ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for leak in ("list[", "<str>", "<int", "<path>", "range>", "{"):
        assert leak not in usage and not any(leak in p for p in placeholders), (leak, text)
