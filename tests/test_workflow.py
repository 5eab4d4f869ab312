"""A content repository adopting factcheck: config, machine formats, suppressions,
baselines, --diff-base, --fix/--diff, HTML positions, and one-line errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import RECORDS, ROOT, SEED

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

FILM = "Mission: Impossible – Dead Reckoning Part One"
ARTICLES = {
    # a near miss of the title
    "news/teaser.md": "---\ndate: 2022-12-21\n---\n# Teaser\n\nMission: Impossible – Dead Reckoning Part On opens next July.\n",
    # a release date the record contradicts, inside Markdown emphasis
    "news/dates.md": "---\ndate: 2022-12-21\n---\nFans wait.\n\nDead Reckoning Part One will release on **June 28, 2024**, says the studio.\n",
    # a clean article, with the right date written another way
    "news/clean.md": "---\ndate: 2022-12-21\n---\nDead Reckoning Part One hits theaters on 12 July 2023.\n",
}
PLANTED = {("news/teaser.md", "name-near-miss", "Part On"), ("news/dates.md", "date-contradicts-record", "June 28, 2024")}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    (tmp_path / "records").mkdir()
    shutil.copy(RECORDS / "mission-impossible.yaml", tmp_path / "records")
    (tmp_path / "factcheck.toml").write_text('records = ["records"]\nignore = ["title-variant"]\n')
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "notes.json").write_text("{}")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def found(result) -> set[tuple[str, str, str]]:
    return {(Path(f["path"]).as_posix(), x["rule"], x["text"]) for f in result.json()["files"] for x in f["findings"]}


def test_config_is_found_and_the_planted_errors_are_exactly_found(cli, repo):
    result = cli("check", ".", "--format", "json")
    assert result.code == 1
    assert found(result) == PLANTED
    assert {Path(f["path"]).as_posix() for f in result.json()["files"]} == set(ARTICLES)


def test_config_found_from_a_subfolder(cli, repo, monkeypatch):
    monkeypatch.chdir(repo / "news")
    result = cli("check", "teaser.md", "--format", "json")
    assert {x["text"] for f in result.json()["files"] for x in f["findings"]} == {"Part On"}


def test_sarif_validates_against_the_official_schema(cli, repo):
    result = cli("check", ".", "--format", "sarif")
    sarif = result.json()
    jsonschema.validate(sarif, SARIF_SCHEMA)
    run = sarif["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"name-near-miss", "date-contradicts-record"} <= rule_ids
    assert all(rule.get("shortDescription") for rule in run["tool"]["driver"]["rules"])
    located = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]) for r in run["results"]}
    assert located == {(p, rule) for p, rule, _ in PLANTED}


def test_github_annotations_carry_file_line_and_column(cli, repo):
    result = cli("check", ".", "--format", "github")
    lines = result.out.strip().splitlines()
    assert len(lines) == 2
    text = ARTICLES["news/teaser.md"]
    offset = text.index("Part On")
    line = text[:offset].count("\n") + 1
    column = offset - text.rfind("\n", 0, offset)
    assert any(l.startswith(f"::error file=news/teaser.md,line={line},col={column},") for l in lines), lines
    assert all(re.match(r"^::error file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+", l) for l in lines)


def test_junit_parses_as_junit_xml(cli, repo):
    result = cli("check", ".", "--format", "junit")
    root = ET.fromstring(result.out.split("\n", 1)[1] if result.out.startswith("<?xml") else result.out)
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == 2
    failures = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert {case.get("classname") for case in failures} == {"news/teaser.md", "news/dates.md"}


def test_junit_fails_only_what_fails_the_run(cli):
    """A finding below --fail-on is a passing test case with its details in system-out."""
    def parsed(*flags):
        out = cli("check", SEED, "--records", RECORDS, "--format", "junit", *flags).out
        return ET.fromstring(out.split("\n", 1)[1] if out.startswith("<?xml") else out)

    findings = cli("check", SEED, "--records", RECORDS, "--format", "json").json()["files"][0]["findings"]
    by_severity = {level: sum(f["severity"] == level for f in findings) for level in ("error", "warning", "info")}
    assert by_severity["info"] and by_severity["error"]
    for fail_on, failing in (("error", by_severity["error"]), ("info", len(findings)), ("never", 0),
                             ("warning", by_severity["error"] + by_severity["warning"])):
        root = parsed("--fail-on", fail_on)
        assert int(root.get("failures")) == failing == sum(1 for case in root.iter("testcase") if case.find("failure") is not None)
        assert int(root.get("tests")) == len(findings)
        passed = [case for case in root.iter("testcase") if case.find("failure") is None]
        assert all(case.find("system-out") is not None for case in passed)


def test_html_report_is_self_contained(cli, repo):
    result = cli("check", ".", "--format", "html")
    page = result.out
    assert page.startswith("<!DOCTYPE html>") and "<script src" not in page and "<link" not in page
    assert '<mark class="error"' in page and "Part On" in page and "suggestion: <b>Part One</b>" in page


def test_unknown_config_key_names_the_key(cli, repo):
    (repo / "factcheck.toml").write_text('records = ["records"]\nrecrods = ["x"]\n')
    result = cli("check", ".")
    assert result.code == 2 and "recrods" in result.err and "factcheck.toml" in result.err
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("content, words", [
    ('records = [\n', "invalid TOML"),
    ('fail_on = "sometimes"\n', "fail_on"),
    ('ignore = ["no-such-rule"]\n', "no-such-rule"),
    ('[severity]\ntitle-variant = "loud"\n', "severity"),
])
def test_bad_config_is_one_line_exit_2(cli, repo, content, words):
    (repo / "factcheck.toml").write_text(content)
    result = cli("check", ".")
    assert result.code == 2 and words in result.err and len(result.err.strip().splitlines()) == 1


def test_pyproject_tool_section_is_read(cli, repo):
    (repo / "factcheck.toml").unlink()
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nrecords = ["records"]\nselect = ["name-near-miss"]\n')
    result = cli("check", ".", "--format", "json")
    assert found(result) == {("news/teaser.md", "name-near-miss", "Part On")}


def test_per_glob_override_and_severity(cli, repo):
    (repo / "factcheck.toml").write_text(
        'records = ["records"]\nignore = ["title-variant"]\n[severity]\nname-near-miss = "warning"\n'
        '[[overrides]]\nfiles = ["news/dates.md"]\nignore = ["date-contradicts-record"]\n'
    )
    result = cli("check", ".", "--format", "json")
    findings = [x for f in result.json()["files"] for x in f["findings"]]
    assert [(x["rule"], x["severity"]) for x in findings] == [("name-near-miss", "warning")]
    assert result.code == 0


def test_exclude_and_gitignore_are_skipped_when_walking(cli, repo):
    # git ignores untracked files only: a committed article stays checked, as git itself sees it
    (repo / "news" / "draft.md").write_text(ARTICLES["news/teaser.md"])
    (repo / ".gitignore").write_text("news/draft.md\n")
    (repo / "factcheck.toml").write_text('records = ["records"]\nexclude = ["news/clean.md"]\n')
    result = cli("check", ".", "--format", "json")
    assert {Path(f["path"]).as_posix() for f in result.json()["files"]} == {"news/dates.md", "news/teaser.md"}
    # named explicitly, an ignored file is checked
    assert cli("check", "news/draft.md", "--format", "json").json()["files"][0]["path"] == "news/draft.md"


def test_globs_are_expanded_and_a_bad_glob_is_an_error(cli, repo):
    result = cli("check", "news/*.md", "--format", "json")
    assert len(result.json()["files"]) == 3
    bad = cli("check", "nowhere/**/*.md")
    assert bad.code == 2 and "nowhere/**/*.md" in bad.err and "matches no files" in bad.err


def test_suppression_comments(cli, repo):
    article = repo / "news" / "dates.md"
    text = article.read_text()
    article.write_text(text.replace("Fans wait.\n\n", "Fans wait.\n\n<!-- factcheck: ignore[date-contradicts-record] -->\n"))
    assert ("news/dates.md", "date-contradicts-record", "June 28, 2024") not in found(cli("check", ".", "--format", "json"))
    # the comment names only that rule: another rule on the same paragraph still reports
    article.write_text(text.replace("Fans wait.\n\n", "Fans wait.\n\n<!-- factcheck: ignore[name-near-miss] -->\n"))
    assert ("news/dates.md", "date-contradicts-record", "June 28, 2024") in found(cli("check", ".", "--format", "json"))
    # off … on blocks, and a finding after the block still fails
    article.write_text(text + "\n<!-- factcheck: off -->\nDead Reckoning Part One will release on June 1, 2024.\n<!-- factcheck: on -->\n\nDead Reckoning Part One will release on June 2, 2024.\n")
    texts = {t for p, _, t in found(cli("check", ".", "--format", "json")) if p == "news/dates.md"}
    assert texts == {"June 28, 2024", "June 2, 2024"}


def test_unknown_rule_in_a_suppression_comment_is_an_error(cli, repo):
    article = repo / "news" / "dates.md"
    article.write_text(article.read_text() + "\n<!-- factcheck: ignore[no-such-rule] -->\nMore.\n")
    result = cli("check", ".")
    assert result.code == 2 and "news/dates.md:" in result.err and "no-such-rule" in result.err


def test_plain_text_suppression_and_sic(cli, repo):
    (repo / "news" / "wire.txt").write_text(
        "factcheck: ignore[date-contradicts-record]\nDead Reckoning Part One will release on June 28, 2024.\n\n"
        "Dead Reckoning Part One will release on June 29, 2024 [sic].\n\n"
        "Dead Reckoning Part One will release on June 30, 2024.\n"
    )
    texts = {t for p, _, t in found(cli("check", "news/wire.txt", "--format", "json"))}
    assert texts == {"June 30, 2024"}


def test_a_wrong_date_in_a_quotation_is_at_most_an_info(cli, repo):
    article = repo / "news" / "quoted.md"
    article.write_text("---\ndate: 2022-12-21\n---\n“Dead Reckoning Part One will release on June 28, 2024,” the actor said.\n\n"
                       "> Dead Reckoning Part One will release on June 29, 2024.\n")
    result = cli("check", "news/quoted.md", "--format", "json")
    findings = result.json()["files"][0]["findings"]
    assert {(x["text"], x["severity"]) for x in findings} == {("June 28, 2024", "info"), ("June 29, 2024", "info")}
    assert all("quotation" in x["message"] for x in findings)
    assert result.code == 0


def test_baseline_survives_edits_elsewhere_and_new_findings_still_fail(cli, repo):
    assert cli("check", ".", "--write-baseline", "baseline.json").code == 0
    assert cli("check", ".", "--baseline", "baseline.json").code == 0
    article = repo / "news" / "dates.md"
    article.write_text(article.read_text().replace("Fans wait.", "Fans wait.\n\nA new paragraph above moves every line down.\n"))
    assert cli("check", ".", "--baseline", "baseline.json").code == 0
    article.write_text(article.read_text() + "\nDead Reckoning Part One will release on May 1, 2025.\n")
    result = cli("check", ".", "--baseline", "baseline.json", "--format", "json")
    assert result.code == 1
    assert found(result) == {("news/dates.md", "date-contradicts-record", "May 1, 2025")}


def test_the_configs_baseline_is_read_without_a_flag_and_written_with_one(cli, repo):
    """`baseline = "…"` in the config (or factcheck-baseline.json beside it, where the language
    server's "add to the baseline" writes) silences without --baseline; --write-baseline writes it."""
    (repo / "factcheck.toml").write_text('records = ["records"]\nbaseline = "quiet.json"\n')
    assert cli("check", ".").code == 1
    assert cli("check", ".", "--write-baseline", "quiet.json").code == 0
    assert cli("check", ".").code == 0
    (repo / "factcheck.toml").write_text('records = ["records"]\n')
    assert cli("check", ".").code == 1
    (repo / "quiet.json").rename(repo / "factcheck-baseline.json")
    assert cli("check", ".").code == 0
    (repo / "factcheck.toml").write_text('records = ["records"]\nbaseline = 3\n')
    bad = cli("check", ".")
    assert bad.code == 2 and "baseline: must be a path" in bad.err and len(bad.err.strip().splitlines()) == 1


def test_bad_baseline_file(cli, repo):
    (repo / "baseline.json").write_text("{not json")
    result = cli("check", ".", "--baseline", "baseline.json")
    assert result.code == 2 and "baseline.json" in result.err


def test_diff_base_reports_only_changed_lines(cli, repo):
    article = repo / "news" / "dates.md"
    article.write_text(article.read_text() + "\nDead Reckoning Part One will release on May 1, 2025.\n")
    (repo / "news" / "new.md").write_text("---\ndate: 2022-12-21\n---\nDead Reckoning Part One will release on May 2, 2025.\n")
    result = cli("check", ".", "--diff-base", "HEAD", "--format", "json")
    assert {t for _, _, t in found(result)} == {"May 1, 2025", "May 2, 2025"}
    bad = cli("check", ".", "--diff-base", "no-such-branch")
    assert bad.code == 2 and "no-such-branch" in bad.err


def test_fix_on_the_seed_changes_only_part_on(cli, tmp_path):
    article = tmp_path / "seed.md"
    shutil.copy(SEED, article)
    original = article.read_text(encoding="utf-8")
    assert cli("check", article, "--records", RECORDS, "--diff").code == 1
    assert article.read_text(encoding="utf-8") == original  # --diff writes nothing
    result = cli("check", article, "--records", RECORDS, "--fix", "--format", "json")
    fixed = article.read_text(encoding="utf-8")
    assert fixed == original.replace("Part On will", "Part One will")
    assert fixed.count("Part On ") == 0 and original.count("Part On ") == 1
    assert "“Part On” → “Part One”" in result.err
    # what is left is reported at its place in the fixed file
    remaining = {x["text"] for x in result.json()["files"][0]["findings"]}
    assert "Part On" not in remaining and "June 28, 2024" in remaining
    assert not list(tmp_path.glob(".*factcheck-tmp"))


def test_diff_prints_a_unified_diff(cli, tmp_path):
    article = tmp_path / "seed.md"
    shutil.copy(SEED, article)
    result = cli("check", article, "--records", RECORDS, "--diff")
    assert "-Mission: Impossible – Dead Reckoning – Part On will" in result.out
    assert "+Mission: Impossible – Dead Reckoning – Part One will" in result.out


def test_fix_keeps_crlf_and_byte_order_mark(cli, tmp_path):
    article = tmp_path / "crlf.md"
    article.write_bytes("\ufeff---\r\ndate: 2022-12-21\r\n---\r\nMission: Impossible – Dead Reckoning Part On is out.\r\n".encode())
    cli("check", article, "--records", RECORDS, "--fix")
    assert article.read_bytes() == "\ufeff---\r\ndate: 2022-12-21\r\n---\r\nMission: Impossible – Dead Reckoning Part One is out.\r\n".encode()


def test_fix_never_touches_quotations(cli, tmp_path):
    article = tmp_path / "q.md"
    text = "---\ndate: 2022-12-21\n---\n“Mission: Impossible – Dead Reckoning Part On is great,” she said.\n"
    article.write_text(text)
    cli("check", article, "--records", RECORDS, "--fix")
    assert article.read_text() == text


def test_html_positions_map_back_through_tags_and_entities(cli, tmp_path):
    page = tmp_path / "story.html"
    html = (
        "<!DOCTYPE html>\n<html><head><title>x</title><style>p{color:red}</style></head>\n<body>\n"
        "<p>Salt &amp; pepper <em>fans</em> of <b>Dead Reckoning Part One</b> &mdash; it will release on\n"
        "<strong>June 28, 2024</strong>, the studio said.</p>\n<pre>Dead Reckoning Part One will release on June 29, 2024.</pre>\n</body></html>\n"
    )
    page.write_text(html)
    result = cli("check", page, "--records", RECORDS, "--published", "2022-12-21", "--format", "json")
    findings = [x for x in result.json()["files"][0]["findings"] if x["rule"] == "date-contradicts-record"]
    assert len(findings) == 1
    offset = html.index("June 28, 2024")
    assert (findings[0]["line"], findings[0]["column"]) == (html[:offset].count("\n") + 1, offset - html.rfind("\n", 0, offset))
    assert (findings[0]["start"], findings[0]["end"]) == (offset, offset + len("June 28, 2024"))


def test_init_writes_a_starter_config_that_loads(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("init").code == 0
    assert (tmp_path / "factcheck.toml").exists() and (tmp_path / "records" / "example.yaml").exists()
    (tmp_path / "a.md").write_text("---\ndate: 2024-01-01\n---\nThe Example Film opens on May 10, 2024.\n")
    assert cli("check", "a.md").code == 0
    assert cli("init").code == 2  # never overwrites


def test_unreachable_and_oversized_urls_are_one_line_errors(cli, httpserver):
    assert cli("check", "http://127.0.0.1:9/story.html").code == 2
    httpserver.expect_request("/big.html").respond_with_data("<p>" + "x" * 6_000_000 + "</p>", content_type="text/html")
    result = cli("check", httpserver.url_for("/big.html"))
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1 and "larger than" in result.err
    refused = cli("check", "file:///etc/passwd")
    assert refused.code == 2 and len(refused.err.strip().splitlines()) == 1


def test_a_url_is_checked_on_its_main_article(cli, httpserver):
    page = ("<html><body><nav>Dead Reckoning Part One will release on June 27, 2024.</nav>"
            "<article><p>Dead Reckoning Part One will release on June 28, 2024.</p></article></body></html>")
    httpserver.expect_request("/story.html").respond_with_data(page, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/story.html")
    result = cli("check", url, "--records", RECORDS, "--published", "2022-12-21", "--format", "json")
    (file_report,) = result.json()["files"]
    assert file_report["path"] == url
    assert [f["text"] for f in file_report["findings"] if f["rule"] == "date-contradicts-record"] == ["June 28, 2024"]


@pytest.mark.parametrize("head, body", [
    ('<meta property="article:published_time" content="2024-03-14T09:30:00+00:00">', ""),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
     '"headline": "Pool", "datePublished": "2024-03-14T09:30:00Z"}]}</script>', ""),
    ("", '<p class="byline">By A. Writer, <time datetime="2024-03-14">14 March</time></p>'),
], ids=["meta", "json-ld", "time"])
def test_a_page_gives_its_own_publication_date(cli, httpserver, head, body):
    page = (f"<html><head>{head}</head><body><article>{body}"
            "<p>The council voted last Tuesday, March 5, to close the pool.</p></article></body></html>")
    httpserver.expect_request("/pool").respond_with_data(page, content_type="text/html; charset=utf-8")
    result = cli("check", httpserver.url_for("/pool"), "--format", "json")
    (report,) = result.json()["files"]
    assert report["published"] == "2024-03-14"
    # "last Tuesday" counted from that date is March 12: the date beside it disagrees
    assert [f["rule"] for f in report["findings"]] == ["relative-date"] and report["findings"][0]["severity"] == "error"
    # --published still wins
    overridden = cli("check", httpserver.url_for("/pool"), "--format", "json", "--published", "2024-03-07").json()
    assert overridden["files"][0]["published"] == "2024-03-07"


def test_a_page_excerpt_shows_its_text_not_its_tags(cli, httpserver):
    page = ("<html><body><article><p>Mission: Impossible – Dead Reckoning – <em>Part</em> On &amp; its sequel "
            "will release on July 12, 2023.</p></article></body></html>")
    httpserver.expect_request("/tags").respond_with_data(page, content_type="text/html; charset=utf-8")
    result = cli("check", httpserver.url_for("/tags"), "--records", RECORDS, "--published", "2022-12-21", "--no-color")
    excerpts = [line for line in result.out.splitlines() if line.startswith("    ") and "Part On " in line and "“" not in line]
    assert excerpts and all("<" not in line and "&amp;" not in line for line in excerpts), result.out
    assert any("& its sequel" in line for line in excerpts), result.out


def test_no_color_and_quiet(repo):
    env = {**__import__("os").environ, "FORCE_COLOR": "1"}
    coloured = subprocess.run([__import__("sys").executable, "-m", "factcheck", "check", "."], cwd=repo, env=env, capture_output=True, text=True)
    assert "31m" in coloured.stdout  # red, for errors, on a forced terminal
    env["NO_COLOR"] = "1"
    completed = subprocess.run([__import__("sys").executable, "-m", "factcheck", "check", "."], cwd=repo, env=env, capture_output=True, text=True)
    assert "31m" not in completed.stdout and "error" in completed.stdout
    quiet = subprocess.run([__import__("sys").executable, "-m", "factcheck", "check", ".", "-q"], cwd=repo, capture_output=True, text=True)
    assert "finding" not in quiet.stdout.splitlines()[-1] and quiet.stderr == ""
