"""The HTML report as a person sees it: loaded in a real browser (headless Chromium, Debian's
`chromium` package; .ci/run installs it), its rendered DOM checked. Skipped, with the reason, where
no Chromium is installed."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import RECORDS, SEED

pytestmark = pytest.mark.slow  # starts a browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Page(HTMLParser):
    """The elements the test looks at, from the DOM the browser rendered."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.marks: list[dict] = []
        self.markers: list[dict] = []
        self.entries: list[dict] = []
        self.where_links: list[str] = []
        self.tags: list[str] = []
        self.front_matter_rows = 0
        self.scripts_with_src = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append(tag)
        if "id" in values:
            self.ids.add(values["id"])
        classes = (values.get("class") or "").split()
        if tag == "mark":
            self.marks.append(values)
        elif tag == "a" and "marker" in classes:
            self.markers.append(values)
        elif tag == "a" and "where" in classes:
            self.where_links.append(values["href"])
        elif tag == "div" and "finding" in classes:
            self.entries.append(values)
        elif tag == "th":
            self.front_matter_rows += 1
        elif tag == "script" and values.get("src"):
            self.scripts_with_src += 1


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium; .ci/run does)")
def test_the_html_report_of_the_seed_article_in_a_browser(cli, tmp_path):
    report = tmp_path / "report.html"
    result = cli("check", SEED, "--records", RECORDS, "--format", "html", "--output-file", report)
    assert result.code == 1
    findings = cli("check", SEED, "--records", RECORDS, "--format", "json").json()["files"][0]["findings"]
    rendered = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", report.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    page = Page()
    page.feed(rendered.stdout)
    # the article is rendered, not shown as source: its Markdown heading is a heading, its front
    # matter a table, and no "---" line or "#" is left
    assert "h1" in page.tags and page.front_matter_rows >= 3
    assert "\n---\n" not in rendered.stdout and "# New BTS Clip" not in rendered.stdout
    # a panel entry for every finding, in its severity's class
    assert len(page.entries) == len(findings)
    assert sorted(e["class"].split()[1] for e in page.entries) == sorted(f["severity"] for f in findings)
    # every highlight has its numbered marker, which leads to its entry; every entry leads back
    assert page.marks and len(page.markers) == len(page.marks)
    assert all(m["href"].lstrip("#") in page.ids for m in page.markers)
    assert page.where_links and all(href.lstrip("#") in page.ids for href in page.where_links)
    assert {m["class"] for m in page.marks} <= {"error", "warning", "info"}
    assert page.scripts_with_src == 0 and "http://" not in rendered.stdout.split("<body", 1)[0]
    assert "2 errors" in rendered.stdout and "1 file:" in rendered.stdout
