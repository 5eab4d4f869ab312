"""`factcheck lsp`: a Language Server Protocol server over stdio (pygls) that shows factcheck's
findings while the writer types, in any editor with an LSP client.

- Diagnostics on open, change (debounced; only the latest version is ever published) and save:
  severity, the rule id as the code (with a link to the rule's page), the message, and the
  evidence as related information.
- Hover over a flagged span: the finding, its evidence and what the rule catches.
- Code actions: the quick fix `--fix` would make (a finding with one suggestion), "ignore this
  finding here" (the end-of-line suppression comment), and "add to the baseline" (the config's
  baseline file, `factcheck-baseline.json` beside it by default, which `check` then reads too).
- The spaCy pipeline and the records load once, in the background after `initialized`; the first
  diagnostics come when they are ready. Each document is checked with the settings of the nearest
  factcheck.toml (or pyproject.toml) above it, and with the editor's settings: `initializationOptions`
  and the `factcheck` section of workspace/configuration ({"records": [...], "published":
  "YYYY-MM-DD", "severity": "warning", "online": false, "baseline": "…"}). A records file that
  cannot be read becomes a diagnostic on that file, and the articles are checked with the rest;
  when a records, rule or config file changes (workspace/didChangeWatchedFiles) or the settings
  do (workspace/didChangeConfiguration) they load again.
- Results are kept in the same cache as `factcheck check`'s (an unchanged file the command line
  has checked is not checked again), and the paragraphs parsed for one version of a document are
  kept for the next: an edit re-parses only the paragraphs it touched.
- Nothing but protocol messages is written to stdout; an internal error in one document is logged
  to the client (window/logMessage) and the server keeps serving.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from factcheck import __version__
from factcheck.errors import UserError
from factcheck.model import Severity

# one thread checks, one document at a time: the pipeline and the result cache's SQLite connection
# belong to one thread
CHECKS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")
DEBOUNCE_SECONDS = 0.05  # changes closer together than this are one edit (a check takes ~0.25 s itself)
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")


def path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


@dataclass
class Workspace:
    """What one factcheck.toml (or none) gives the documents under it: its config, a checker with
    its records and rules, and its baseline's entries."""
    config: object
    checker: object
    baseline: Counter | None


class FactcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factcheck", __version__)
        self.checker = None  # the workspace root's checker (its rules serve hover)
        self.ready = threading.Event()
        self.options: dict = {}
        self.record_problems: dict[str, types.Diagnostic] = {}  # records file URI → its diagnostic
        self.latest: dict[str, int] = {}  # document URI → the latest version seen
        self.published: dict[str, list[types.Diagnostic]] = {}  # document URI → its diagnostics, for hover
        self.tasks: dict[str, asyncio.Task] = {}
        self.root: Path | None = None
        self.workspaces: dict[Path | None, Workspace] = {}  # config file (None: none found) → its workspace
        self.lock = threading.Lock()  # one thread builds a workspace at a time
        self.nlp = None  # the pipeline, loaded once and shared by every workspace's checker

    # -- loading ----------------------------------------------------------------------------

    def load(self, root: Path | None) -> None:
        """Forget every workspace and build the root's (config, records, pipeline); run in a thread.
        Other folders' workspaces are built when a document under them is first checked."""
        with self.lock:
            self.workspaces = {}
        self.checker = self.workspace_for(root or Path.cwd()).checker
        self.checker.nlp  # noqa: B018 — the pipeline loads now, in the background, not on the first edit
        self.nlp = self.checker.nlp
        self.ready.set()

    def workspace_for(self, folder: Path) -> Workspace:
        from factcheck.config import find_config

        try:
            found = find_config(folder)
        except UserError:
            found = None
        with self.lock:
            if found not in self.workspaces:
                self.workspaces[found] = self._build(folder)
            return self.workspaces[found]

    def _build(self, folder: Path) -> Workspace:
        from factcheck.api import Checker
        from factcheck.config import Config, load_config
        from factcheck.nlp import ParsedPieces
        from factcheck.records import find_record_files, load_records

        config = Config()
        try:
            config = load_config(folder, None)
            paths = [Path(p) for p in self.options.get("records") or []] + list(config.records)
            files = find_record_files(paths) if paths else []
            good = []
            for file in files:
                try:
                    load_records([file])
                    good.append(file)
                except UserError as error:
                    uri = Path(file).resolve().as_uri()
                    self.record_problems[uri] = types.Diagnostic(
                        range=_line_range(getattr(error, "line", None)), message=str(error),
                        severity=types.DiagnosticSeverity.Error, source="factcheck", code="records")
                    if self.ready.is_set():  # a folder's workspace built after the start: say so now
                        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[self.record_problems[uri]]))
            # the files that load, whether the config or the editor names them: one broken file is
            # a diagnostic on it, and the others are still read
            config = replace(config, records=[])
            checker = Checker.from_config(config, good)
        except UserError as error:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"factcheck: {error}"))
            checker, good = Checker.from_paths([]), []
        checker.processes = 1
        checker.parsed_pieces = ParsedPieces()
        if self.nlp is not None:
            checker._nlp = self.nlp
        self._connect(checker, config, good)
        return Workspace(config, checker, self._read_baseline(config))

    def _connect(self, checker, config, records: list) -> None:
        """Wikidata look-ups when the settings or the config ask for them; else the result cache
        `factcheck check` keeps (answers from Wikidata change without the key knowing)."""
        online = self.options.get("online")
        if online or (online is None and config.online):
            from factcheck.wikidata import WikidataSource

            checker.online = WikidataSource(base_url=config.wikidata_url, cache_dir=config.cache_dir,
                                            warn=lambda m: self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"factcheck: {m}"))).records_for
            return
        from factcheck.workflow import result_cache

        try:
            # keyed by every records file this checker read (the editor's as well as the config's):
            # a check with other records never answers for this one
            checker.cache = result_cache(checker, config, records, [], None,
                                         warn=lambda m: self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"factcheck: {m}")))
        except OSError as error:  # no cache folder can be made: check without one
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"factcheck: no result cache ({error})"))

    def baseline_path(self, config) -> Path:
        """The editor's `baseline` setting (relative to the config's folder), else the config's."""
        chosen = self.options.get("baseline")
        return config.root / chosen if isinstance(chosen, str) and chosen else config.baseline_file

    def _read_baseline(self, config) -> Counter | None:
        from factcheck import baseline

        path = self.baseline_path(config)
        if not path.is_file():
            return None
        try:
            return baseline.read(path)
        except UserError as error:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"factcheck: {error}"))
            return None

    # -- checking ---------------------------------------------------------------------------

    def check(self, uri: str, text: str):
        """The document's findings, as its workspace sees them (filtered by the baseline and the
        severity setting), and the document they are on."""
        published = self.options.get("published")
        day = dt.date.fromisoformat(published) if isinstance(published, str) else None
        path = path_of(uri)
        workspace = self.workspace_for(Path(path).parent if "://" not in path else (self.root or Path.cwd()))
        result = workspace.checker.check_text(text, day, path=path)
        findings = result.findings
        if workspace.baseline is not None:
            from factcheck.baseline import filter_known

            findings = filter_known(result.document, findings, Counter(workspace.baseline))
        shown = Severity.parse(self.options["severity"]) if self.options.get("severity") in ("error", "warning", "info") else Severity.INFO
        return result.document, [f for f in findings if f.severity >= shown]

    def diagnostics_for(self, uri: str, text: str) -> list[types.Diagnostic]:
        document, findings = self.check(uri, text)
        return [_diagnostic(document, finding) for finding in findings]


server = FactcheckServer()


def _line_range(line: int | None) -> types.Range:
    row = max((line or 1) - 1, 0)
    return types.Range(types.Position(row, 0), types.Position(row, 1000))


def _position(document, offset: int) -> types.Position:
    """An LSP position: the line, and the column in UTF-16 code units (the protocol's default)."""
    line, _ = document.position(offset)
    line_start = document.line_starts[line - 1]
    column = len(document.source[line_start:offset].encode("utf-16-le")) // 2
    return types.Position(line - 1, column)


def _diagnostic(document, finding) -> types.Diagnostic:
    from factcheck.report.rulebook import DOCS_URL

    related = []
    evidence = finding.evidence
    if evidence and (evidence.record or evidence.source):
        what = "; ".join(p for p in (f"record {evidence.record}" if evidence.record else "",
                                      f"{evidence.fact} = {evidence.value}" if evidence.fact else "",
                                      f"source {evidence.source}" if evidence.source else "") if p)
        related.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=Path(document.path).resolve().as_uri() if document.path.startswith("/") else document.path,
                                    range=types.Range(_position(document, finding.start), _position(document, finding.end))),
            message=f"evidence: {what}"))
    return types.Diagnostic(
        range=types.Range(_position(document, finding.start), _position(document, finding.end)),
        message=finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else ""),
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=DOCS_URL.format(finding.rule)),
        source="factcheck",
        related_information=related or None,
        data={"suggestion": finding.suggestion, "text": finding.text, "start": finding.start, "end": finding.end},
    )


async def _check_later(ls: FactcheckServer, uri: str, version: int, delay: float) -> None:
    """Check the document once typing pauses; publish only if no newer version came meanwhile."""
    try:
        await asyncio.sleep(delay)
        await asyncio.get_running_loop().run_in_executor(None, ls.ready.wait)
        if ls.latest.get(uri) != version:
            return
        document = ls.workspace.get_text_document(uri)
        text, checked_version = document.source, document.version
        try:
            diagnostics = await asyncio.get_running_loop().run_in_executor(CHECKS, ls.diagnostics_for, uri, text)
        except Exception as error:  # one document's failure is logged; the server goes on
            ls.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                         f"factcheck: {path_of(uri)}: internal error ({type(error).__name__}: {error})"))
            return
        if ls.latest.get(uri) != version or checked_version != version:
            return  # a newer version arrived while checking: its own check publishes
        ls.published[uri] = diagnostics
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))
    except asyncio.CancelledError:
        pass


def _schedule(ls: FactcheckServer, uri: str, version: int, delay: float) -> None:
    ls.latest[uri] = version
    previous = ls.tasks.get(uri)
    if previous is not None and not previous.done():
        previous.cancel()
    ls.tasks[uri] = asyncio.get_running_loop().create_task(_check_later(ls, uri, version, delay))


@server.feature(types.INITIALIZED)
async def initialized(ls: FactcheckServer, params: types.InitializedParams) -> None:
    options = getattr(ls, "initialization_options", None) or {}
    ls.options = dict(options) if isinstance(options, dict) else {}
    ls.options.update(await _editor_settings(ls))
    folders = ls.workspace.folders
    root = Path(path_of(next(iter(folders.values())).uri)) if folders else (Path(ls.workspace.root_path) if ls.workspace.root_path else None)
    ls.root = root
    threading.Thread(target=_load_and_report, args=(ls, root), daemon=True).start()


async def _editor_settings(ls: FactcheckServer) -> dict:
    """The `factcheck` section of the editor's settings (workspace/configuration), when it has one."""
    capabilities = ls.client_capabilities.workspace if ls.client_capabilities else None
    if not (capabilities and capabilities.configuration):
        return {}
    try:
        answer = await asyncio.wait_for(ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="factcheck")])), timeout=5)
    except Exception:  # a client that does not answer: the initialization options stand
        return {}
    return answer[0] if answer and isinstance(answer[0], dict) else {}


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def configuration_changed(ls: FactcheckServer, params: types.DidChangeConfigurationParams) -> None:
    """New settings: pushed with the notification, or pulled again; then load and check again."""
    settings = params.settings.get("factcheck") if isinstance(params.settings, dict) else None
    ls.options.update(settings if isinstance(settings, dict) else await _editor_settings(ls))
    await _reload(ls)


def _load_and_report(ls: FactcheckServer, root: Path | None) -> None:
    before = set(ls.record_problems)
    ls.record_problems = {}
    ls.load(root)
    for uri, diagnostic in ls.record_problems.items():
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic]))
    for uri in before - set(ls.record_problems):  # a records file mended: its diagnostic goes
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_files_changed(ls: FactcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A records file, a rule or the config changed: load them again, then check the open documents."""
    if not any(change.uri.endswith((".yaml", ".yml", ".toml", ".json")) for change in params.changes):
        return
    await _reload(ls)


async def _reload(ls: FactcheckServer) -> None:
    ls.ready.clear()
    await asyncio.get_running_loop().run_in_executor(None, _load_and_report, ls, ls.root)
    for uri, version in list(ls.latest.items()):
        _schedule(ls, uri, version, 0)  # the same version, checked against the new records


@server.feature(types.INITIALIZE)
def initialize(ls: FactcheckServer, params: types.InitializeParams) -> None:
    ls.initialization_options = params.initialization_options


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, params.text_document.version, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, params.text_document.version, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    _schedule(ls, params.text_document.uri, document.version or 0, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.tasks.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.latest.pop(uri, None)
    ls.published.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_actions(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    actions = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "factcheck" or not isinstance(diagnostic.data, dict):
            continue
        suggestion = diagnostic.data.get("suggestion")
        if suggestion:
            actions.append(types.CodeAction(
                title=f"Replace with “{suggestion}”", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diagnostic.range, new_text=suggestion)]})))
        line_end = types.Position(diagnostic.range.end.line, len(_line(ls, uri, diagnostic.range.end.line)))
        comment = f" <!-- factcheck: ignore[{diagnostic.code}] -->"
        actions.append(types.CodeAction(
            title=f"Ignore {diagnostic.code} on this line", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(line_end, line_end), new_text=comment)]})))
        if "start" in diagnostic.data:
            actions.append(types.CodeAction(
                title=f"Add this {diagnostic.code} finding to the baseline", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                command=types.Command(title="Add to the baseline", command=ADD_TO_BASELINE,
                                      arguments=[uri, diagnostic.code, diagnostic.data["text"], diagnostic.data["start"], diagnostic.data["end"]])))
    return actions


ADD_TO_BASELINE = "factcheck.addToBaseline"


@server.command(ADD_TO_BASELINE)
async def add_to_baseline(ls: FactcheckServer, uri: str, rule: str, text: str, start: int, end: int) -> None:
    """Write the finding's entry into the baseline file (the same entry `--write-baseline` writes),
    then check the open documents again without it."""
    from factcheck.baseline import add
    from factcheck.load import load_document
    from factcheck.model import Finding

    path = path_of(uri)
    document = load_document(path, source=ls.workspace.get_text_document(uri).source)
    workspace = ls.workspace_for(Path(path).parent)
    target = ls.baseline_path(workspace.config)
    try:
        add(target, document, Finding(rule, Severity.INFO, "", int(start), int(end), text))
    except (UserError, OSError) as error:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"factcheck: {target}: {error}"))
        return
    workspace.baseline = ls._read_baseline(workspace.config)
    for open_uri, version in list(ls.latest.items()):
        _schedule(ls, open_uri, version, 0)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
    """Over a flagged span: the finding, its suggestion and evidence, and what the rule catches."""
    position = params.position
    found = [d for d in ls.published.get(params.text_document.uri, [])
             if (d.range.start.line, d.range.start.character) <= (position.line, position.character)
             <= (d.range.end.line, d.range.end.character)]
    if not found:
        return None
    rules = {rule.id: rule for rule in ls.checker.rules} if ls.checker is not None else {}
    parts = []
    for diagnostic in found:
        rule = rules.get(str(diagnostic.code))
        text = [f"**{diagnostic.code}** — {diagnostic.message}"]
        for info in diagnostic.related_information or []:
            text.append(info.message)
        if rule is not None:
            text.append(f"*{rule.summary}*")
        parts.append("\n\n".join(text))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=found[0].range)


def _line(ls: FactcheckServer, uri: str, line: int) -> str:
    lines = ls.workspace.get_text_document(uri).lines
    return lines[line].rstrip("\r\n") if line < len(lines) else ""


def serve() -> None:
    server.start_io()
