"""`factcheck lsp` driven over stdio by a real LSP client (pytest-lsp): the diagnostics of the seed
article are those of `factcheck check --format json`, the quick fix removes "Part On", rapid edits
publish for the last version only, a malformed records file is a diagnostic on that file."""

from __future__ import annotations

import ast
import asyncio
import json
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import RECORDS, ROOT, SEED

pytestmark = pytest.mark.slow  # starts a server process


def _settings(records) -> dict:
    return {"records": [str(path) for path in records]}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "factcheck", "lsp"]))
async def client(lsp_client: LanguageClient, request, tmp_path_factory):
    broken = tmp_path_factory.mktemp("records") / "broken.yaml"
    broken.write_text("entities:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    request.node.broken = broken
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=ROOT.as_uri(),
        initialization_options=_settings([RECORDS, broken])))
    yield
    await lsp_client.shutdown_session()
    assert lsp_client._server.returncode == 0  # shutdown, then exit: the server ends cleanly


async def _diagnostics(client: LanguageClient, uri: str, version: int, timeout: float = 120):
    """Wait until the client holds diagnostics for this version of the document."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if uri in client.diagnostics and client.diagnostic_versions.get(uri) == version:
            return client.diagnostics[uri]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri} version {version}: {client.diagnostics.get(uri)}")


def _expected():
    completed = subprocess.run([sys.executable, "-m", "factcheck", "check", str(SEED), "--records", str(RECORDS), "--format", "json"],
                               capture_output=True, text=True)
    return json.loads(completed.stdout)["files"][0]["findings"]


def _key(diagnostic: types.Diagnostic):
    return (diagnostic.range.start.line + 1, diagnostic.range.start.character + 1, diagnostic.range.end.line + 1,
            diagnostic.range.end.character + 1, diagnostic.code, diagnostic.severity)


SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning, "info": types.DiagnosticSeverity.Information}


@pytest.mark.asyncio
async def test_the_seed_article_gets_the_cli_findings_and_the_quick_fix_removes_part_on(client: LanguageClient):
    _track_versions(client)
    # the shared result cache now holds the seed article checked without records: the server,
    # which has records, must not take that answer for its own
    subprocess.run([sys.executable, "-m", "factcheck", "check", str(SEED), "--format", "json"], capture_output=True, text=True)
    uri = SEED.as_uri()
    text = SEED.read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    diagnostics = await _diagnostics(client, uri, 1)
    expected = _expected()
    assert sorted(_key(d) for d in diagnostics) == sorted(
        (f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], SEVERITY[f["severity"]]) for f in expected)
    part_on = next(d for d in diagnostics if d.code == "name-near-miss")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=part_on.range,
        context=types.CodeActionContext(diagnostics=[part_on])))
    shown = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=part_on.range.start))
    assert "name-near-miss" in shown.contents.value and "Part One" in shown.contents.value
    assert "evidence: record mi-dead-reckoning-part-one" in shown.contents.value
    fix = next(a for a in actions if a.is_preferred)
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "Part One"
    assert any("ignore" in a.title.lower() for a in actions)
    lines = text.split("\n")
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = line[:edit.range.start.character] + edit.new_text + line[edit.range.end.character:]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))]))
    after = await _diagnostics(client, uri, 2)
    assert "name-near-miss" not in {d.code for d in after}
    assert "date-contradicts-record" in {d.code for d in after}  # the rest is still reported


@pytest.mark.asyncio
async def test_ten_rapid_changes_publish_for_the_last_version_only(client: LanguageClient, request):
    published: list[int] = []
    _track_versions(client, published)
    uri = (ROOT / "fixtures" / "articles" / "draft-in-editor.md").as_uri()
    base = "The film Mission: Impossible – Dead Reckoning Part One was directed by Christopher McQuarrie.\n"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=base)))
    await _diagnostics(client, uri, 1)
    published.clear()
    for version in range(2, 12):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=base + "x" * version + "\n")]))
    await _diagnostics(client, uri, 11)
    await asyncio.sleep(1)  # anything stale would have come by now
    assert published == [11]
    # the malformed records file is a diagnostic on that file; the article was checked with the rest
    broken = request.node.broken.resolve().as_uri()
    assert broken in client.diagnostics and client.diagnostics[broken]
    # mended, and the editor says so: the records load again and its diagnostic goes
    request.node.broken.write_text("entities:\n  - id: x\n    name: Mended\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=broken, type=types.FileChangeType.Changed)]))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 120
    while client.diagnostics.get(broken) and loop.time() < deadline:
        await asyncio.sleep(0.05)
    assert not client.diagnostics.get(broken) and broken in client.diagnostics


def _track_versions(client: LanguageClient, published: list[int] | None = None) -> None:
    """Remember the version of each publishDiagnostics (pytest-lsp keeps only the diagnostics)."""
    client.published_log = published
    if hasattr(client, "diagnostic_versions"):
        return
    client.diagnostic_versions = {}
    features = client.protocol.fm.features
    keep = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def on_publish(params: types.PublishDiagnosticsParams):
        client.diagnostic_versions[params.uri] = params.version
        if client.published_log is not None and params.uri.endswith("draft-in-editor.md"):
            client.published_log.append(params.version)
        return keep(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish


TOY_TALES = """entities:
  - id: toy-tales-3
    type: film
    name: Toy Tales 3
    facts:
      release_date: 2010-06-18
      director: Lee Unkrich
"""
STORY = """---
date: 2024-05-01
---

The film Toy Tales 3 was released on June 18, 2011. It was directed by Lee Unkrich.

Handré Pollard kicked four penalties and the Springboks won. Pollard's five penalties accounted for every point.
"""


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "factcheck", "lsp"]))
async def newsroom_client(lsp_client: LanguageClient, request, tmp_path_factory):
    """A workspace whose article sits in a folder with its own factcheck.toml and records, and an
    editor whose settings (workspace/configuration) show warnings and errors only."""
    top = tmp_path_factory.mktemp("workspace")
    desk = top / "desk"
    (desk / "records").mkdir(parents=True)
    (desk / "records" / "films.yaml").write_text(TOY_TALES, encoding="utf-8")
    (desk / "records" / "broken.yaml").write_text("entities:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    (desk / "factcheck.toml").write_text('records = ["records"]\n', encoding="utf-8")
    (desk / "story.md").write_text(STORY, encoding="utf-8")
    request.node.desk = desk
    lsp_client.set_configuration({"severity": "warning"}, section="factcheck")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(configuration=True)),
        root_uri=top.as_uri()))
    yield
    await lsp_client.shutdown_session()
    assert lsp_client._server.returncode == 0  # shutdown, then exit: the server ends cleanly


@pytest.mark.asyncio
async def test_a_document_takes_its_folders_config_the_editors_severity_and_adds_to_the_baseline(newsroom_client: LanguageClient, request):
    client = newsroom_client
    _track_versions(client)
    desk = request.node.desk
    story = desk / "story.md"
    uri = story.resolve().as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=STORY)))
    diagnostics = await _diagnostics(client, uri, 1)
    # the records come from the factcheck.toml beside the article, not from the workspace's root;
    # the broken file in its records folder is a diagnostic on that file, and the rest are read
    wrong_date = next(d for d in diagnostics if d.code == "date-contradicts-record")
    assert client.diagnostics.get((desk / "records" / "broken.yaml").resolve().as_uri())
    # the command line shows an info finding too; the editor's settings hide it
    (desk / "records" / "broken.yaml").unlink()  # (the command line refuses a broken records file)
    cli = subprocess.run([sys.executable, "-m", "factcheck", "check", str(story), "--format", "json", "--no-cache"],
                         capture_output=True, text=True, cwd=desk)
    assert "info" in {f["severity"] for f in json.loads(cli.stdout)["files"][0]["findings"]}
    assert all(d.severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning) for d in diagnostics)
    # "add to the baseline": the entry is written beside the config, the diagnostic goes ...
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=wrong_date.range,
        context=types.CodeActionContext(diagnostics=[wrong_date])))
    add = next(a for a in actions if "baseline" in a.title)
    # pygls's client reads a code action that carries a command as a Command (its union's first
    # type), the code action's command written into its `command` as text
    command = add.command if isinstance(add, types.CodeAction) else ast.literal_eval(add.command)
    name, arguments = (command["command"], command["arguments"]) if isinstance(command, dict) else (command.command, command.arguments)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(command=name, arguments=arguments))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while any(d.code == "date-contradicts-record" for d in client.diagnostics[uri]) and loop.time() < deadline:
        await asyncio.sleep(0.05)
    assert not any(d.code == "date-contradicts-record" for d in client.diagnostics[uri])
    baseline = json.loads((desk / "factcheck-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"], e["text"]) for e in baseline["findings"]] == [("story.md", "date-contradicts-record", "June 18, 2011")]
    # ... and the command line reads the same baseline: the gate passes
    again = subprocess.run([sys.executable, "-m", "factcheck", "check", str(story), "--format", "json", "--no-cache"],
                           capture_output=True, text=True, cwd=desk)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "date-contradicts-record" not in {f["rule"] for f in json.loads(again.stdout)["files"][0]["findings"]}
