"""`factcheck rules` and `factcheck explain`: the rules as people read them."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.rules import Rule

# where the rule pages live, in the repository and on its web page (SARIF helpUri, `explain`)
DOCS_FOLDER = "docs/rules"
DOCS_URL = "https://github.com/factcheck/factcheck/blob/main/docs/rules/{}.md"


def rule_page(rule: Rule) -> str:
    """The Markdown page of a rule (docs/rules/<id>.md), generated from its YAML: a page is never
    edited by hand, `python -m factcheck.report.rulebook docs/rules` rewrites them all."""
    from pathlib import Path

    lines = [f"# {rule.id}", "", f"*{rule.severity.label}* · check kind `{rule.kind}`", "", rule.summary.strip(), "",
             rule.description.strip(), ""]
    if rule.params:
        lines += ["## Parameters", ""]
        lines += [f"- `{name}`: `{value}`" for name, value in rule.params.items()]
        lines.append("")
    if rule.failing:
        lines += ["## Reported", ""]
        for example in rule.failing:
            lines.append(f"- {example.text}  ")
            lines.append("  finds: " + ", ".join(f"“{found}”" for found in example.finds))
        lines.append("")
    if rule.passing:
        lines += ["## Not reported", ""]
        lines += [f"- {example.text}" for example in rule.passing]
        lines.append("")
    lines += [f"Generated from `rules/{Path(rule.origin).name}`; change the rule, not this page.", ""]
    return "\n".join(lines)


def help_uri(rule: Rule) -> str | None:
    """The page of a built-in rule; a newsroom's own rule (--rules) has none here."""
    from pathlib import Path

    from factcheck.rules import builtin_rules_dir

    try:
        builtin = Path(rule.origin).resolve().parent == builtin_rules_dir().resolve()
    except (OSError, ValueError):
        return None
    return DOCS_URL.format(rule.id) if builtin else None


def write_pages(rules: list[Rule], folder) -> list:
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in rules:
        page = folder / f"{rule.id}.md"
        page.write_text(rule_page(rule), encoding="utf-8")
        written.append(page)
    return written


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
    page = help_uri(rule)
    console.print(f"Defined in {rule.origin}" + (f"; documented at {page}" if page else ""), style="dim", markup=False)


if __name__ == "__main__":  # python -m factcheck.report.rulebook docs/rules
    import sys

    from factcheck.rules import load_rule_set

    for written in write_pages(load_rule_set()[0], sys.argv[1] if len(sys.argv) > 1 else DOCS_FOLDER):
        print(written)
