"""Files the tool writes replace only a regular file or nothing (issue: one safe writer)."""

from __future__ import annotations

import os

import pytest

from conftest import RECORDS, SEED


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
@pytest.mark.parametrize("written", ["out", "out.summary.json"])
def test_audit_never_replaces_a_special_file(cli, tmp_path, kind, written):
    """The findings file and its side file FINDINGS.summary.json (issue 12, defect 1: every writer refuses)."""
    target = tmp_path / written
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
    result = cli("audit", SEED, "--records", RECORDS, "-o", tmp_path / "out", "--workers", "1", "--quiet")
    assert result.code == 2 and "not replaced" in result.err and len(result.err.strip().splitlines()) == 1, result.err
    assert str(target) in result.err
    after = os.lstat(target)
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    # refused before any work: nothing written through the link, and no findings file beside the summary
    assert not (tmp_path / "elsewhere").exists() and (written == "out" or not (tmp_path / "out").exists())


@pytest.mark.slow  # many whole checks, or git in a subprocess
def test_a_file_name_that_is_not_utf8_is_one_more_file(cli, tmp_path, monkeypatch):
    """In a git work tree (names go to `git check-ignore`), by folder walk and by glob, in every format."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "ok.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.md"), "w", encoding="utf-8") as handle:
        handle.write("Mission: Impossible – Dead Reckoning – Part On is out.\n")
    monkeypatch.chdir(tmp_path)
    for target in (".", "*.md"):
        result = cli("check", target, "--records", RECORDS, "--format", "json", "--no-cache", "--fail-on", "never")
        assert result.code == 0, result.err
        assert len(result.json()["files"]) == 2
        # the byte that is not UTF-8 is written as the terminal shows it, never as a lone surrogate
        # (no character: strict JSON readers refuse "\udce9")
        assert "caf\\xe9.md" in {f["path"] for f in result.json()["files"]}
        assert "\\udc" not in result.out
    for output_format in ("terminal", "github", "junit", "html"):
        shown = cli("check", ".", "--records", RECORDS, "--format", output_format, "--no-cache", "--fail-on", "never")
        assert shown.code == 0 and "caf\\xe9.md" in shown.out, (output_format, shown.err)
    sarif = cli("check", ".", "--records", RECORDS, "--format", "sarif", "--no-cache", "--fail-on", "never")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif.json()["runs"][0]["results"]}
    assert "caf%E9.md" in uris, uris


def _repo_with(tmp_path, old: bytes, new: bytes):
    import subprocess

    repo = tmp_path / "repo"
    repo.mkdir()
    run = lambda *args: subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    run("init", "-q")
    run("config", "user.email", "desk@example.org")
    run("config", "user.name", "Desk")
    (repo / "story.md").write_bytes(old)
    (repo / "records.yaml").write_text("entities:\n  - id: tt3\n    type: film\n    name: Toy Tales 3\n    facts:\n"
                                       "      release_date: 2010-06-18\n", encoding="utf-8")
    run("add", ".")
    run("commit", "-q", "-m", "old")
    (repo / "story.md").write_bytes(new)
    return repo


@pytest.mark.slow  # many whole checks, or git in a subprocess
@pytest.mark.parametrize("newline", [b"\r", b"\n", b"\r\n"])
def test_diff_base_reports_the_changed_line_whatever_the_line_endings(cli, tmp_path, monkeypatch, newline):
    old = newline.join([b"Toy Tales 3 was released on June 18, 2011.", b"A quiet line.", b""])
    new = newline.join([b"Toy Tales 3 was released on June 18, 2011.", b"Toy Tales 3 was released on June 18, 2012.", b""])
    repo = _repo_with(tmp_path, old, new)
    monkeypatch.chdir(repo)
    result = cli("check", "story.md", "--records", "records.yaml", "--diff-base", "HEAD", "--format", "json", "--no-cache")
    assert [(f["line"], f["text"]) for f in result.json()["files"][0]["findings"]] == [(2, "June 18, 2012")]


@pytest.mark.slow  # many whole checks, or git in a subprocess
def test_diff_base_reads_an_old_revision_in_cp1252(cli, tmp_path, monkeypatch):
    old = "Caf\u00e9 story. Toy Tales 3 was released on June 18, 2011.\n".encode("cp1252")
    new = "Caf\u00e9 story. Toy Tales 3 was released on June 18, 2011.\nToy Tales 3 was released on June 18, 2012.\n".encode("utf-8")
    repo = _repo_with(tmp_path, old, new)
    monkeypatch.chdir(repo)
    result = cli("check", "story.md", "--records", "records.yaml", "--diff-base", "HEAD", "--format", "json", "--no-cache")
    assert result.code == 1, result.err
    texts = [f["text"] for f in result.json()["files"][0]["findings"]]
    assert "June 18, 2012" in texts


TT3 = ("entities:\n  - id: tt3\n    type: film\n    name: Toy Tales 3\n    facts:\n      release_date: 2010-06-18\n"
       "      director: Lee Unkrich\n")


@pytest.mark.slow  # many whole checks, or git in a subprocess
@pytest.mark.parametrize("suffix, written", [
    (".md", "Lee **Unkrch**"), (".md", "Lee [Unkrch](https://example.org/x)"), (".md", "*Lee* Unkrch"),
    (".md", "Lee <!-- a note --> Unkrch"), (".md", "Lee `Unkrch`"), (".html", "Lee <b>Unkrch</b>"),
    (".html", "Lee&nbsp;Unkrch"), (".md", "Lee Unkrch"),
])
def test_fix_and_diff_keep_markup_that_splits_a_name(cli, tmp_path, suffix, written):
    """Findings carry the file's own text; --fix edits the one wrong word or declines, never crashes."""
    records = tmp_path / "records.yaml"
    records.write_text(TT3, encoding="utf-8")
    article = tmp_path / f"story{suffix}"
    original = f"<p>The film Toy Tales 3 was directed by {written}.</p>\n" if suffix == ".html" else \
        f"The film Toy Tales 3 was directed by {written}.\n"
    article.write_text(original, encoding="utf-8")
    report = cli("check", article, "--records", records, "--format", "json", "--no-cache")
    assert report.code in (0, 1), report.err
    for finding in report.json()["files"][0]["findings"]:
        assert finding["text"] == original[finding["start"]:finding["end"]]
    fixed = cli("check", article, "--records", records, "--fix", "--no-cache", "--format", "json")
    assert fixed.code in (0, 1) and "Traceback" not in fixed.err and "internal error" not in fixed.err, fixed.err
    after = article.read_text(encoding="utf-8")
    assert after in (original, original.replace("Unkrch", "Unkrich"))


def test_wikidata_redirects_are_not_followed_and_credentials_never_shown(cli, server, tmp_path, monkeypatch):
    from werkzeug import Response

    from factcheck import wikidata

    monkeypatch.setattr(wikidata, "MIN_INTERVAL", 0.0)  # the client's polite pause, not what is tested
    server.clear()
    server.expect_request("/w/api.php").respond_with_response(
        Response("", status=302, headers={"Location": "http://other.invalid/w/api.php"}))
    article = tmp_path / "story.md"
    article.write_text("---\ndate: 2023-06-01\n---\nTom Cruise returns in Mission: Impossible – Dead Reckoning Part One.\n",
                       encoding="utf-8")
    base = server.url_for("/").rstrip("/").replace("http://", "http://editor:s3cret@")
    monkeypatch.setenv("FACTCHECK_WIKIDATA_URL", base)
    result = cli("check", article, "--online", "--cache-dir", tmp_path / "cache", "--no-cache", "--fail-on", "never")
    assert result.code == 0, result.err
    assert "HTTP 302" in result.err and "s3cret" not in result.err and "editor" not in result.err, result.err
    assert all(entry[0].host.startswith("127.0.0.1") or entry[0].host.startswith("localhost") for entry in server.log)
    server.clear()


@pytest.mark.parametrize("cluster", ["e\u0301", "\U0001F1EB\U0001F1F7", "\U0001F469\u200d\U0001F469\u200d\U0001F467"],
                         ids=["combining accent", "flag", "family emoji"])
def test_an_excerpt_never_cuts_a_user_perceived_character(cli, tmp_path, cluster):
    """The terminal excerpt shows 70 characters each side of the finding: wherever that edge falls in
    a cluster of code points that reads as one character, the whole cluster is shown or none of it."""
    import regex

    from factcheck.report.terminal import CONTEXT

    sentence = "The film Toy Tales 3 was directed by Lee Unkrch."
    wrong = sentence.index("Unkrch")
    for shift in range(len(cluster) + 1):  # the edge at each code point of the cluster
        padding = "x" * (CONTEXT - shift - 1)
        line = cluster * 3 + " " + padding + sentence[:wrong] + sentence[wrong:] + " " + padding + cluster * 3
        article = tmp_path / "story.md"
        article.write_text(line + "\n", encoding="utf-8")
        result = cli("check", article, "--records", RECORDS_FILE(tmp_path), "--published", "2024-01-01", "--no-color")
        assert "Unkrch" in result.out, result.out + result.err
        excerpt = next(l for l in result.out.splitlines() if "Unkrch" in l and "directed" in l)
        shown = excerpt.strip().strip("…")
        where = line.index(shown)
        boundaries = {match.start() for match in regex.finditer(r"\X", line)} | {len(line)}
        assert where in boundaries and where + len(shown) in boundaries, (shift, ascii(excerpt))


def RECORDS_FILE(tmp_path):
    records = tmp_path / "records.yaml"
    records.write_text("entities:\n  - id: toy-tales-3\n    type: film\n    name: Toy Tales 3\n    facts:\n"
                       "      director: Lee Unkrich\n", encoding="utf-8")
    return records
