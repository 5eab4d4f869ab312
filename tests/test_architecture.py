"""The stages stay apart: checks read the Analysis, never the extract or link stages."""

from __future__ import annotations

import ast

from conftest import ROOT

CHECKS = sorted((ROOT / "src" / "factcheck" / "checks").glob("*.py"))


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_check_imports_the_extract_or_link_stage():
    offenders = {path.name: sorted(m for m in imported_modules(path) if m.startswith(("factcheck.extract", "factcheck.link")))
                 for path in CHECKS}
    assert not {name: modules for name, modules in offenders.items() if modules}


def test_check_kind_lives_in_checks_base():
    from factcheck.checks import KINDS
    from factcheck.checks.base import CheckKind

    assert KINDS and all(isinstance(kind, CheckKind) for kind in KINDS.values())


def test_every_rule_carries_the_messages_its_kind_fills_and_every_check_builds_findings_through_its_rule():
    import string

    from factcheck.checks import KINDS
    from factcheck.rules import load_rule_set

    rules, _ = load_rule_set()
    for rule in rules:
        assert set(KINDS[rule.kind].messages) <= set(rule.messages), rule.id
        for template in rule.messages.values():
            list(string.Formatter().parse(template))  # a well-formed template
    for path in CHECKS:
        assert "Finding(" not in path.read_text(encoding="utf-8"), f"{path.name} builds a Finding by hand: use rule.finding"
