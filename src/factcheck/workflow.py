"""`factcheck check` from start to finish: config, files, check, filters, fixes, report, exit code.

The CLI only parses arguments into CheckOptions; everything a run does is here,
in the order it does it, so that other front ends (pre-commit, the archive
audit) can run the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from factcheck.api import Checker, FileResult, worst
from factcheck.records import DeferredRecords
from factcheck.config import Config, load_config
from factcheck.errors import UserError
from factcheck.load import STDIN, collect_paths, is_url, load_document
from factcheck.model import Severity
from factcheck.stages import reached

OK, FINDINGS, USAGE = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str]
    records: list[Path] = field(default_factory=list)
    packs: list[Path] = field(default_factory=list)  # --pack, after the config's packs
    published: dt.date | None = None
    output_format: str = "terminal"
    fail_on: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rule_dirs: list[Path] = field(default_factory=list)
    config_file: Path | None = None
    model: str | None = None
    day_first: bool = False
    fix: bool = False
    diff: bool = False
    diff_base: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    quiet: bool = False
    color: bool | None = None
    online: bool | None = None  # None: the config's `online`
    offline: bool = False
    wikidata_url: str | None = None
    cache_dir: Path | None = None
    no_cache: bool = False
    processes: int | None = None  # None: decided from the machine's cores
    show: str | None = None  # the lowest severity reported (a display filter; the exit code ignores it)
    statistics: bool = False
    stdin_filename: str | None = None


def config_for(options: CheckOptions) -> Config:
    first = next((p for p in options.paths if p != STDIN and not is_url(p)), None)
    start = Path(first) if first else Path.cwd()
    return load_config(start if start.exists() else Path.cwd(), options.config_file)


def run_check(options: CheckOptions, out: TextIO, err: TextIO) -> int:
    from factcheck import baseline as baseline_file
    from factcheck import gitdiff

    if options.fix and options.diff:
        raise UserError("--fix and --diff do not go together: --diff shows what --fix would write")
    config = config_for(options)
    files = collect_paths(options.paths, config.extensions, config.excluded)
    if options.diff_base:
        gitdiff.verify_revision(options.diff_base, Path(next((p for p in files if p != STDIN and not is_url(p)), ".")).resolve().parent)
    # --baseline, else the config's baseline file when there is one (the language server adds to it)
    chosen = options.baseline or (config.baseline_file if config.baseline_file.is_file() else None)
    known_baseline = baseline_file.read(chosen) if chosen and not options.write_baseline else None
    checker = Checker.from_config(config, options.records, options.rule_dirs, options.model, options.select, options.ignore,
                                  options.day_first, _records_index(config, options, err), options.packs)
    if options.online or (options.online is None and config.online) or options.offline:
        from factcheck.wikidata import WikidataSource

        source = WikidataSource(
            base_url=options.wikidata_url or config.wikidata_url, cache_dir=options.cache_dir or config.cache_dir,
            offline=options.offline, warn=lambda message: _say(err, f"factcheck: warning: {message}"),
        )
        checker.online = source.records_for
    elif not options.no_cache:
        # Wikidata answers change without the key knowing: only offline-reproducible runs are cached
        checker.cache = _result_cache(checker, config, options, err)
    checker.processes = options.processes or default_processes()
    reached("loaded")

    try:
        code = _run(checker, files, config, options, out, err, known_baseline)
    except BaseException:
        checker.close(abort=True)
        raise
    checker.close()
    return code


def _run(checker: Checker, files: list[str], config: Config, options: CheckOptions, out: TextIO, err: TextIO, known_baseline) -> int:
    from factcheck import baseline as baseline_file
    from factcheck import fix as fixes
    from factcheck import gitdiff
    from factcheck.report import FORMATS

    results: list[FileResult] = []
    failed = 0
    with _progress(files, options, err) as advance:
        for result in checker.check_documents(_documents(files, options, config, err)):
            advance()
            if result.failure is not None:
                # one document's unexpected error is its own: said in one line, and the run goes on
                failed += 1
                _say(err, f"factcheck: error: {result.document.path}: internal error in {result.failure}; "
                          "the other files are checked (FACTCHECK_DEBUG=1 and this file alone show the traceback)")
                reached("checked")
                continue
            findings = result.findings
            if known_baseline is not None:
                findings = baseline_file.filter_known(result.document, findings, known_baseline)
            if options.diff_base and result.document.path not in ("<stdin>",) and not is_url(result.document.path):
                changed = gitdiff.changed_lines(result.document.path, options.diff_base)
                if changed is not None:
                    findings = [f for f in findings if _lines(result.document, f) & changed]
            results.append(FileResult(result.document, findings))
            reached("checked")

    if options.write_baseline:
        count = baseline_file.write(options.write_baseline, results)
        _say(err, f"factcheck: wrote {count} finding(s) to the baseline {options.write_baseline}")
        return OK
    refused: list[str] = []  # files --fix would not write: the run ends in 2 after the report
    if options.diff:
        return _fix(checker, results, options, out, err, fixes, refused)
    if options.fix and _fix(checker, results, options, out, err, fixes, refused):
        # report what is left, at its new place
        fixed = [r.document.path for r in results]
        refreshed = {r.document.path: r for r in checker.check_documents(_documents(fixed, options, config, err))}
        results = [refreshed.get(r.document.path, r) for r in results]

    shown = results
    if options.show:
        lowest = Severity.parse(options.show)
        shown = [FileResult(r.document, [f for f in r.findings if f.severity >= lowest]) for r in results]
    FORMATS[options.output_format](shown, out, color=options.color, rules=checker.rules, quiet=options.quiet,
                                   fail_on=options.fail_on or config.fail_on)
    if options.statistics:
        _statistics(shown, out)
    unread = isinstance(checker.records, DeferredRecords) and not checker.records.loaded  # every file was cached
    if not (unread or checker.records.records or checker.packs) and checker.online is None and not options.quiet and not failed:
        # "✓ no findings" must not read as "checked against the facts" when there were none
        _say(err, "factcheck: no reference records: only internal checks ran (see `factcheck init`, or --records)")
    reached("reported")
    if failed or refused:
        return USAGE
    return exit_code(results, options.fail_on or config.fail_on)


def _statistics(results: list[FileResult], out: TextIO) -> None:
    """Findings per rule, most first, as ruff's --statistics prints them."""
    from collections import Counter

    counts = Counter((f.rule, f.severity) for r in results for f in r.findings)
    if not counts:
        return
    out.write("\n")
    width = max(len(str(n)) for n in counts.values())
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][0])):
        out.write(f"{count:>{width}}  {rule}  ({severity.label})\n")


def default_processes() -> int:
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 4))


def _records_index(config: Config, options: CheckOptions, err: TextIO):
    """The compiled records index beside the result cache (none with --no-cache: nothing cached is read)."""
    if options.no_cache or not (config.records or options.records):
        return None
    from factcheck.records_index import RecordsIndex

    return RecordsIndex(options.cache_dir or config.cache_dir, warn=lambda m: _say(err, f"factcheck: warning: {m}"))


def _result_cache(checker: Checker, config: Config, options: CheckOptions, err: TextIO):
    return result_cache(checker, config, options.records, options.rule_dirs, options.cache_dir,
                        warn=lambda m: _say(err, f"factcheck: warning: {m}"))


def result_cache(checker: Checker, config: Config, records, rule_dirs, cache_dir: Path | None, warn):
    """The result cache for this checker's records, rules and settings: the same for `check` and the
    language server, so that what one checked the other need not check again."""
    from factcheck.resultcache import ResultCache, files_digest, fingerprint, model_version
    from factcheck.rules import builtin_rules_dir

    key = fingerprint(
        files_digest([*config.records, *records]),
        # a pack by its name (the evidence names it) and its content: a new pack is a new key
        [(pack.name, pack.content_hash) for pack in checker.packs],
        files_digest([builtin_rules_dir(), *config.rules, *rule_dirs]),
        config.path.read_bytes() if config.path else b"",
        sorted(r.id for r in checker.rules), checker.day_first, config.quotes, model_version(checker.model),
    )
    return ResultCache(key, cache_dir or config.cache_dir, warn=warn)


def exit_code(results: Iterable[FileResult], fail_on: str) -> int:
    if fail_on == "never":
        return OK
    highest = worst(f for result in results for f in result.findings)
    return FINDINGS if highest is not None and highest >= Severity.parse(fail_on) else OK


def _lines(document, finding) -> set[int]:
    first, _ = document.position(finding.start)
    last, _ = document.position(max(finding.end - 1, finding.start))
    return set(range(first, last + 1))


def _documents(files: list[str], options: CheckOptions, config: Config, err: TextIO) -> Iterator:
    """Documents one at a time: memory does not grow with the number of files."""
    def load(path: str):
        if is_url(path):
            from factcheck.fetch import fetch_source, main_content_mask

            # only the main article is checked: blank the rest of the page before the tags go
            document = load_document(path, options.published, source=fetch_source(path), published_key=config.published_key,
                                     markup="html", mask=False)
            return replace(document, text=main_content_mask(document.text))
        if path == STDIN and options.stdin_filename and not options.fix:
            # "--stdin-filename story.md": reported under that name, read as its suffix says
            suffix = Path(options.stdin_filename).suffix.lower()
            markup = "html" if suffix in (".html", ".htm") else "markdown" if suffix in (".md", ".markdown") else "text"
            document = load_document(path, options.published, published_key=config.published_key, markup=markup, mask=False)
            return replace(document, path=options.stdin_filename)
        return load_document(path, options.published, published_key=config.published_key, mask=False)

    for path in files:
        yield load(path)


@contextmanager
def _progress(files: list[str], options: CheckOptions, err: TextIO):
    """A progress bar over the articles checked (not read), with their rate and the time left, on a
    terminal's stderr only, and only for several files; yields the function that advances it."""
    show = (len(files) > 1 and not options.quiet and options.output_format == "terminal"
            and hasattr(err, "isatty") and err.isatty())
    if not show:
        yield lambda: None
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(file=err), transient=True) as progress:
        task = progress.add_task("check", total=len(files), rate="")
        began = time.monotonic()
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            elapsed = time.monotonic() - began
            progress.update(task, advance=1, rate=f"{done / elapsed:.1f} articles/s" if elapsed > 0 else "")

        yield advance


def _say(err: TextIO, line: str) -> None:
    """One line on stderr; a file name, URL or label from the input in it is shown, never sent as a
    control sequence (the report's own lines are made safe by their formats)."""
    from factcheck.report.safe_text import for_terminal

    err.write(for_terminal(line) + "\n")


def _fix(checker: Checker, results: list[FileResult], options: CheckOptions, out: TextIO, err: TextIO, fixes,
         refused: list[str]) -> int:
    kinds = checker.rule_kinds()
    changed = 0
    declined: list[str] = []
    for result in results:
        edits = fixes.edits_for(result.findings, kinds, result.document, declined)
        if not edits:
            continue
        fixed = fixes.apply_edits(result.document.source, edits)
        if options.diff:
            out.write(fixes.unified_diff(result.document, fixed))
        elif is_url(result.document.path):
            # a page on the web is nobody's file here: shown, never written (standard input is
            # refused by fix_file itself)
            _say(err, f"factcheck: {result.document.path} is not a local file: not fixed (--diff shows the corrections)")
            continue
        else:
            try:
                # a file rewritten is a file reported: a signal waits until both are done
                with fixes.signals_deferred():
                    fixes.fix_file(result.document, edits)
                    for edit in edits:
                        line, column = result.document.position(edit.start)
                        _say(err, f"fixed {result.document.path}:{line}:{column}: “{edit.old}” → “{edit.new}” [{edit.rule}]")
                    err.flush()
            except UserError as error:
                if result.document.path == "<stdin>":
                    raise  # the whole run's mistake (--fix of standard input), not one file's
                # a file --fix may not write (read-only, hard links, changed meanwhile) is that file's
                # alone: said in one line, the other files are still fixed and the report still shown
                _say(err, f"factcheck: error: {error}")
                refused.append(result.document.path)
                continue
            reached("fixed")
        changed += len(edits)
    for line in declined:
        _say(err, f"factcheck: {line}")
    if not options.quiet:
        verb = "would fix" if options.diff else "fixed"
        _say(err, f"factcheck: {verb} {changed} finding(s)")
    return FINDINGS if changed else OK
