"""factcheck.fetch against a real HTTP server on 127.0.0.1 (pytest-httpserver); no other network."""

from __future__ import annotations

import socket
import time

import pytest
from werkzeug import Response

from conftest import ROOT, within
from factcheck import __version__
from factcheck.errors import UserError
from factcheck.fetch import fetch_source, is_url, main_content_mask

ARTICLE_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dead Reckoning – news</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/films">Films</a> | Trending: Part Two delayed</nav>
<header class="site">The Daily Reel</header>
<article>
<h1>Dead Reckoning wraps</h1>
<p>Mission: Impossible – Dead Reckoning Part One hits theaters on July 12, 2023.</p>
<aside>Read also: 10 stunts ranked</aside>
<p>Christopher McQuarrie directed the film.</p>
</article>
<footer>© 2022 The Daily Reel · Published December 21, 2022</footer>
</body>
</html>
"""


@pytest.fixture
def web(server, release):
    server.clear()
    yield server
    release.set()
    server.clear()


def refused(url: str, **kwargs) -> str:
    """The one-line message fetch_source raises for `url`."""
    with pytest.raises(UserError) as caught:
        fetch_source(url, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert caught.value.path == url
    return message


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- is_url ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argument, expected",
    [
        ("https://example.com/news/article.html", True),
        ("http://127.0.0.1:8000/a", True),
        ("HTTPS://EXAMPLE.COM/", True),
        ("ftp://example.com/article.html", False),
        ("file:///etc/passwd", False),
        ("articles/http-status.md", False),
        ("-", False),
        ("www.example.com/article", False),
    ],
)
def test_is_url_accepts_only_http_and_https(argument, expected):
    assert is_url(argument) is expected


# --- fetching -------------------------------------------------------------------------------------


def test_fetches_an_article_page_and_masks_all_but_its_main_content(web):
    web.expect_request("/news/dead-reckoning").respond_with_data(ARTICLE_PAGE, content_type="text/html; charset=utf-8")
    url = web.url_for("/news/dead-reckoning")

    html = fetch_source(url)

    assert html == ARTICLE_PAGE
    request = web.log[-1][0]
    assert request.headers["User-Agent"] == f"factcheck/{__version__} (+https://github.com/factcheck/factcheck)"
    masked = main_content_mask(html)
    assert len(masked) == len(html)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(html) if c == "\n"]
    assert "Part One hits theaters on July 12, 2023." in masked
    assert "Christopher McQuarrie directed the film." in masked
    assert "<h1>Dead Reckoning wraps</h1>" in masked
    for boilerplate in ("Trending", "Home", "The Daily Reel", "Read also", "Published December 21", "<title>"):
        assert boilerplate not in masked
    # what is kept is kept at its place
    start = html.index("<article>")
    assert masked[start:html.index("<aside>")] == html[start:html.index("<aside>")]


def test_follows_a_redirect_to_another_local_path(web):
    web.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/moved/here"})
    web.expect_request("/moved/here").respond_with_data(
        "Plain text article.\n", content_type="text/plain; charset=utf-8"
    )

    assert fetch_source(web.url_for("/old")) == "Plain text article.\n"
    assert [request.path for request, _ in web.log] == ["/old", "/moved/here"]


def test_follows_five_redirects_and_refuses_a_sixth(web):
    for hop in range(6):
        web.expect_request(f"/hop{hop}").respond_with_data("", status=302, headers={"Location": f"/hop{hop + 1}"})
    web.expect_request("/hop6").respond_with_data("<p>arrived</p>", content_type="text/html")

    assert fetch_source(web.url_for("/hop1")) == "<p>arrived</p>"
    url = web.url_for("/hop0")
    assert refused(url) == f"{url}: more than 5 redirects"


def test_an_error_status_after_a_redirect_names_both_urls(web):
    web.expect_request("/gone").respond_with_data("", status=307, headers={"Location": "/missing"})
    web.expect_request("/missing").respond_with_data("nope", status=404)
    url = web.url_for("/gone")
    assert refused(url) == f"{url}: HTTP 404 Not Found (at {web.url_for('/missing')})"


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/article.html"])
def test_refuses_a_redirect_to_another_scheme(web, target):
    web.expect_request("/trap").respond_with_data("", status=302, headers={"Location": target})
    url = web.url_for("/trap")
    assert refused(url) == f"{url}: redirected to {target}: only http:// and https:// URLs can be fetched"
    assert len(web.log) == 1


@pytest.mark.parametrize(
    "url, scheme",
    [("ftp://127.0.0.1/article.html", "ftp://"), ("file:///etc/passwd", "file://"), ("javascript:alert(1)", "javascript:"),
     ("articles/x.md", "a URL without a scheme")],
)
def test_refuses_a_url_that_is_not_http(url, scheme):
    assert refused(url) == f"{url}: only http:// and https:// URLs can be fetched, not {scheme}"


@pytest.mark.parametrize("status, text", [(404, "404 Not Found"), (500, "500 Internal Server Error")])
def test_an_error_status_is_named(web, status, text):
    web.expect_request("/page").respond_with_data("<h1>error</h1>", status=status, content_type="text/html")
    url = web.url_for("/page")
    assert refused(url) == f"{url}: HTTP {text}"


def test_refuses_a_response_whose_content_length_is_too_large_before_reading_it(web, release):
    def handler(request):
        def body():
            yield b"<p>" + b"x" * 65_536
            release.wait(10)  # the rest would come only after the test; reading on would time out
            yield b"x" * (6_000_000 - 65_539)

        return Response(body(), content_type="text/html", headers={"Content-Length": "6000000"})

    web.expect_request("/big").respond_with_handler(handler)
    url = web.url_for("/big")
    began = time.monotonic()
    assert refused(url, timeout=5) == f"{url}: larger than the limit of 5,000,000 bytes (Content-Length: 6,000,000)"
    assert time.monotonic() - began < within(2)


def test_refuses_a_response_without_content_length_once_it_passes_max_bytes(web, release):
    produced = []

    def handler(request):
        def body():
            # 5.5 MB, then the last 0.5 MB only after the test: a reader that did not stop at
            # max_bytes would wait for it and time out instead.
            for _ in range(88):
                produced.append(62_500)
                yield b"y" * 62_500
            release.wait(10)
            for _ in range(8):
                produced.append(62_500)
                yield b"y" * 62_500

        return Response(body(), content_type="text/plain")  # no Content-Length: sent chunked

    web.expect_request("/stream").respond_with_handler(handler)
    url = web.url_for("/stream")
    began = time.monotonic()
    assert refused(url, timeout=5) == f"{url}: larger than the limit of 5,000,000 bytes"
    assert time.monotonic() - began < within(3)
    assert "Content-Length" not in web.log[-1][1].headers
    assert sum(produced) <= 5_500_000


@pytest.mark.slow  # waits out a deadline
def test_a_slow_response_times_out(web, release):
    def handler(request):
        release.wait(5)
        return Response("<p>too late</p>", content_type="text/html")

    web.expect_request("/slow").respond_with_handler(handler)
    url = web.url_for("/slow")
    began = time.monotonic()
    assert refused(url, timeout=0.5) == f"{url}: no complete response within 0.5 s (timed out)"
    assert time.monotonic() - began < within(2)


def test_connection_refused():
    port = free_port()
    url = f"http://127.0.0.1:{port}/article"
    assert refused(url, timeout=2) == f"{url}: cannot connect to 127.0.0.1:{port}: connection refused"


def test_an_unknown_host_is_reported_without_asking_a_resolver(monkeypatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    url = "https://news.invalid/article"
    assert refused(url, timeout=2) == f"{url}: cannot resolve host name 'news.invalid'"


def test_decodes_a_latin1_page_by_its_charset_header(web):
    text = "<p>Café in Zürich: 21 °C, naïve façade, «quoted»</p>\n"
    web.expect_request("/latin1").respond_with_data(text.encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    assert fetch_source(web.url_for("/latin1")) == text


def test_decodes_by_the_html_meta_charset_when_the_header_has_none(web):
    text = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>“Part One” – 12 July</p></body></html>'
    web.expect_request("/meta").respond_with_data(text.encode("cp1252"), content_type="text/html")
    assert fetch_source(web.url_for("/meta")) == text


def test_a_nul_in_a_page_becomes_a_replacement_character_in_place(web):
    page = "<p>Lee Unkrch\x00 directed it.</p>"
    web.expect_request("/nul").respond_with_data(page.encode("utf-8"), content_type="text/html; charset=utf-8")
    text = fetch_source(web.url_for("/nul"))
    assert "\x00" not in text and text == page.replace("\x00", "\ufffd")  # one for one: positions kept


def test_refuses_a_page_that_is_not_utf8_and_declares_no_charset(web):
    web.expect_request("/bytes").respond_with_data("<p>Café</p>".encode("latin-1"), content_type="text/html")
    url = web.url_for("/bytes")
    assert refused(url) == f"{url}: not valid UTF-8 and no charset declared (byte 0xe9 at offset 6)"


def test_refuses_an_unknown_declared_charset(web):
    web.expect_request("/x").respond_with_data(b"<p>hi</p>", content_type="text/html; charset=klingon-8")
    url = web.url_for("/x")
    assert refused(url) == f"{url}: unknown charset 'klingon-8' declared by the Content-Type header"


def test_refuses_an_image(web):
    web.expect_request("/photo").respond_with_data(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
    url = web.url_for("/photo")
    assert refused(url) == f"{url}: content type image/png is not text/html or text/plain"


# --- main content ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html, kept, blanked",
    [
        ("<body><div>menu</div><main><p>main text</p></main><article>first article</article></body>",
         ["first article"], ["menu", "main text"]),
        ("<body><div>menu</div><main><nav>crumbs</nav><p>main text</p><footer>share</footer></main></body>",
         ["main text"], ["menu", "crumbs", "share"]),
        ('<body><div>menu</div><div role="main"><div><p>role text</p></div></div><div>after</div></body>',
         ["role text"], ["menu", "after"]),
        ("<html><head><title>head</title></head><body><header>masthead</header><p>body text</p></body></html>",
         ["body text"], ["head", "masthead"]),
        ("<article><article>comment</article><p>outer text</p></article><p>after</p>",
         ["comment", "outer text"], ["after"]),
        ('<body><script>var s = "<article>fake</article>";</script><main>real</main></body>',
         ["real"], ["fake"]),
        ("<p>a fragment, no body</p>", ["a fragment, no body"], []),
    ],
)
def test_main_content_mask_prefers_article_then_main_then_role_then_body(html, kept, blanked):
    masked = main_content_mask(html)
    assert len(masked) == len(html)
    for text in kept:
        assert masked.index(text) == html.index(text)
    for text in blanked:
        assert text not in masked


def test_main_content_mask_keeps_line_breaks_and_offsets():
    html = "<body>\r\n<nav>a\nb</nav>\n<article>\n<p>x</p>\r\n</article>\n<footer>\nz</footer>\n</body>\n"
    masked = main_content_mask(html)
    assert len(masked) == len(html)
    assert [c for c in masked if c in "\r\n"] == [c for c in html if c in "\r\n"]
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(html) if c in "\r\n"]
    assert masked.strip() == "<article>\n<p>x</p>\r\n</article>"


@pytest.mark.parametrize("charset", ["rot13", "zlib", "hex", "uu", "punycode", "undefined", "base64"])
def test_refuses_a_transform_declared_as_a_charset(web, charset):
    """Python's codec registry holds byte transforms too: none is a page's charset, and none is an internal error."""
    web.expect_request("/odd").respond_with_data(b"<p>hi</p>", content_type=f"text/html; charset={charset}")
    url = web.url_for("/odd")
    assert refused(url) == f"{url}: unknown charset '{charset}' declared by the Content-Type header"


def test_fix_never_writes_for_a_url(web, cli, tmp_path, monkeypatch):
    """`check URL --fix` writes no local file (not even ./http:/host/…), and says why."""
    page = "<html><body><article><p>Mission: Impossible – Dead Reckoning – Part On will release globally on June 28, 2024.</p></article></body></html>"
    web.expect_request("/story").respond_with_data(page, content_type="text/html; charset=utf-8")
    url = web.url_for("/story")
    monkeypatch.chdir(tmp_path)
    result = cli("check", url, "--records", ROOT / "fixtures" / "records", "--fix", "--published", "2022-12-21", "--no-cache")
    assert result.code == 1
    assert "is not a local file: not fixed" in result.err
    assert list(tmp_path.iterdir()) == []


def test_sarif_uris_are_uri_references(web, cli, tmp_path, monkeypatch):
    page = "<html><body><p>Mission: Impossible – Dead Reckoning – Part On is coming.</p></body></html>"
    web.expect_request("/a b").respond_with_data(page, content_type="text/html; charset=utf-8")
    monkeypatch.chdir(tmp_path)
    local = tmp_path / "my story #2.md"
    local.write_text("Mission: Impossible – Dead Reckoning – Part On is coming.\n", encoding="utf-8")
    url = web.url_for("/a%20b")
    result = cli("check", "my story #2.md", url, "--records", ROOT / "fixtures" / "records", "--format", "sarif", "--no-cache")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in result.json()["runs"][0]["results"]}
    assert uris == {"my%20story%20%232.md", url}, uris


@pytest.mark.slow  # waits out a deadline
def test_a_server_that_drips_a_body_meets_the_whole_request_deadline(web):
    """Content-Length, then a byte now and then: each read is quick, the whole is not."""
    def drip():
        yield b"<p>"
        for _ in range(40):
            time.sleep(0.2)  # the server's pace, the stimulus; the test waits for nothing
            yield b"x"

    web.expect_request("/drip").respond_with_response(
        Response(drip(), content_type="text/html", headers={"Content-Length": "1000"}))
    url = web.url_for("/drip")
    began = time.monotonic()
    assert refused(url, timeout=1) == f"{url}: no complete response within 1 s (timed out)"
    assert time.monotonic() - began < within(3)
