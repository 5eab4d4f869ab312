"""`factcheck rules` and `factcheck explain`: the rules as people read them."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.rules import Rule


def rule_dict(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "severity": rule.severity.label,
        "kind": rule.kind,
        "summary": rule.summary,
        "description": rule.description,
        "params": rule.params,
        "examples": {
            "fail": [{"text": e.text, "finds": list(e.finds)} for e in rule.failing],
            "pass": [e.text for e in rule.passing],
        },
    }


def render_list(rules: list[Rule], stream: TextIO) -> None:
    console = Console(file=stream, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)  # piped: never cut a rule id
    table = Table(show_lines=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("what it catches")
    for rule in sorted(rules, key=lambda r: r.id):
        table.add_row(rule.id, rule.severity.label, rule.kind, rule.summary)
    console.print(table)


def render_rule(rule: Rule, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    console.print(f"[bold]{rule.id}[/bold]  ({rule.severity.label}; check kind: {rule.kind})", markup=True)
    console.print(rule.summary, markup=False)
    console.print()
    console.print(rule.description, markup=False)
    if rule.params:
        console.print()
        console.print("[bold]Parameters[/bold]")
        for name, value in rule.params.items():
            console.print(f"  {name}: {value}", markup=False)
    if rule.failing:
        console.print()
        console.print("[bold]Reported[/bold] (the underlined words are found)")
        for example in rule.failing:
            line = Text("  ✗ " + example.text)
            for found in example.finds:
                start = example.text.find(found) + 4
                line.stylize("bold red underline", start, start + len(found))
            console.print(line)
            console.print("    finds: " + ", ".join(f"“{f}”" for f in example.finds), markup=False)
    if rule.passing:
        console.print()
        console.print("[bold]Not reported[/bold]")
        for example in rule.passing:
            console.print("  ✓ " + example.text, markup=False)
    console.print()
    console.print(f"Defined in {rule.origin}", style="dim", markup=False)
