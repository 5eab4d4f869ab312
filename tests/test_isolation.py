"""Each document is analysed on its own: its findings are the same whether it is checked alone
or after other documents, with local records, offline and online (issue: no shared state that
one document's check can change for the next)."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, SEED

ABOUT_THE_FILM = (
    "---\ndate: 2023-06-01\n---\n"
    "Tom Cruise returns in Mission: Impossible – Dead Reckoning Part One, which hits theaters on July 19, 2023.\n"
)
# names the film only by an alias that Wikidata gives but finds nothing for when searched: only a
# record that another document's look-up left behind could tie its date to the film
SHORT_TITLE = (
    "---\ndate: 2023-06-01\n---\n"
    "Cinemas say Mission: Impossible 7 will open on July 19, 2023, with early shows.\n"
)

pytestmark = pytest.mark.slow  # checks each document alone and in batches


def per_file(result) -> dict[str, list]:
    return {file["path"].rsplit("/", 1)[-1]: file["findings"] for file in result.json()["files"]}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-seed.md")
    (folder / "b-film.md").write_text(ABOUT_THE_FILM, encoding="utf-8")
    (folder / "c-short.md").write_text(SHORT_TITLE, encoding="utf-8")
    blind = sorted((FIXTURES / "blind").glob("2*/article.md"))[0]
    shutil.copy(blind, folder / "d-blind.md")
    return folder


def test_local_records_findings_do_not_depend_on_the_other_documents(cli, articles):
    records = ["--records", str(FIXTURES / "records")]
    together = per_file(cli("check", articles, *records, "--format", "json", "--no-cache", "--published", "2023-06-01"))
    for name in together:
        alone = per_file(cli("check", articles / name, *records, "--format", "json", "--no-cache", "--published", "2023-06-01"))
        assert alone[name] == together[name], name
    backwards = per_file(cli("check", *sorted(articles.iterdir(), reverse=True), *records, "--format", "json", "--no-cache",
                             "--published", "2023-06-01"))
    assert backwards == together


def test_online_and_offline_findings_do_not_depend_on_the_other_documents(cli, fake, server, articles, tmp_path):
    flags = ["--wikidata-url", server.url_for("/").rstrip("/"), "--cache-dir", str(tmp_path / "cache"), "--no-cache",
             "--format", "json"]
    for mode in ("--online", "--offline"):
        together = per_file(cli("check", articles / "b-film.md", articles / "c-short.md", mode, *flags))
        alone = per_file(cli("check", articles / "c-short.md", mode, *flags))
        assert alone["c-short.md"] == together["c-short.md"], mode
        first = per_file(cli("check", articles / "b-film.md", mode, *flags))
        assert first["b-film.md"] == together["b-film.md"], mode
    # the film's own article did get its record from Wikidata: the comparison is not empty
    assert any(f["rule"] == "date-contradicts-record" for f in together["b-film.md"])
