"""Fetch an article by URL, and find the page's main content.

`fetch_source` downloads one page with `requests`, checking every redirect hop
itself (only http:// and https:// are followed, at most MAX_REDIRECTS of them),
reading at most `max_bytes`, and decoding with the declared charset. Every
failure is a `UserError` naming the URL: one line, never a traceback.

`main_content_mask` blanks everything outside the page's main article (and the
navigation, headers, footers and asides inside it) with spaces, so that offsets
into the result are offsets into the fetched HTML.
"""

from __future__ import annotations

import codecs
import re
import socket
import time
from html.parser import HTMLParser
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import requests

from factcheck import __version__
from factcheck.errors import UserError

USER_AGENT = f"factcheck/{__version__} (+https://github.com/factcheck/factcheck)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
MAX_REDIRECTS = 5
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# application/xhtml+xml is HTML too
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
CHUNK_BYTES = 64 * 1024
# The HTML spec looks for <meta charset> in the first 1024 bytes; pages in the wild put it later.
META_SCAN_BYTES = 4096

_URL_SCHEME_RE = re.compile(r"^https?://", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]")
_CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*["']?([^\s"';,]+)""", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def is_url(argument: str) -> bool:
    """Whether a command-line argument is an http:// or https:// URL (and not a path)."""
    return bool(_URL_SCHEME_RE.match(argument))


def fetch_source(
    url: str,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    session: requests.Session | None = None,
) -> str:
    """GET an HTML or plain-text page and return it decoded.

    `timeout` bounds the whole fetch (all redirect hops and the body), in seconds.
    Raises UserError(message, url) for every failure.
    """
    display = _display(url)
    if not is_url(url):
        raise UserError(f"only http:// and https:// URLs can be fetched, not {_scheme(url)}", display)
    if session is None:
        with requests.Session() as own_session:
            return _fetch(url, display, timeout, max_bytes, own_session)
    return _fetch(url, display, timeout, max_bytes, session)


def _fetch(url: str, display: str, timeout: float, max_bytes: int, session: requests.Session) -> str:
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        where = "" if current == url else f" (at {_display(current)})"
        _check_host(current, display)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise UserError(_timeout_message(timeout), display)
        try:
            response = session.get(
                current,
                headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
                stream=True,
                allow_redirects=False,
                timeout=remaining,
            )
        except requests.RequestException as error:
            raise UserError(_request_error(error, current, timeout) + where, display) from None
        with response:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise UserError(f"HTTP {status} redirect without a Location header{where}", display)
                target = urljoin(current, location.strip())
                if not is_url(target):
                    raise UserError(
                        f"redirected to {_display(target)}: only http:// and https:// URLs can be fetched", display
                    )
                current = target
                continue
            if status >= 400:
                raise UserError(f"HTTP {_status(response)}{where}", display)
            if not 200 <= status < 300:
                raise UserError(f"unexpected HTTP status {_status(response)}{where}", display)
            content_type = response.headers.get("Content-Type", "")
            media_type = content_type.split(";", 1)[0].strip().lower()
            if not media_type:
                raise UserError(f"no content type given; expected text/html or text/plain{where}", display)
            if media_type not in TEXT_TYPES:
                raise UserError(f"content type {_display(media_type)} is not text/html or text/plain{where}", display)
            data = _read_body(response, display, where, max_bytes, deadline, timeout, current)
            return _decode(data, content_type, media_type, display)
    raise UserError(f"more than {MAX_REDIRECTS} redirects", display)


def _read_body(
    response: requests.Response,
    display: str,
    where: str,
    max_bytes: int,
    deadline: float,
    timeout: float,
    current: str,
) -> bytes:
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise UserError(
            f"larger than the limit of {max_bytes:,} bytes (Content-Length: {int(declared):,}){where}", display
        )
    body = bytearray()
    try:
        for chunk in body_chunks(response):
            body += chunk
            if len(body) > max_bytes:
                raise UserError(f"larger than the limit of {max_bytes:,} bytes{where}", display)
            if time.monotonic() > deadline:
                raise UserError(_timeout_message(timeout) + where, display)
    except requests.RequestException as error:
        raise UserError(_request_error(error, current, timeout) + where, display) from None
    return bytes(body)


def body_chunks(response: requests.Response):
    """The body as it arrives: whatever bytes are there, not a full chunk — so that a server
    dripping a byte at a time meets the whole-request deadline between bytes."""
    raw = response.raw
    read1 = getattr(raw, "read1", None)
    if read1 is None:  # an older urllib3: whole chunks
        yield from response.iter_content(CHUNK_BYTES)
        return
    while True:
        try:
            chunk = read1(CHUNK_BYTES, decode_content=True)
        except Exception as error:  # urllib3's own errors: as requests would raise them
            raise requests.ConnectionError(error) from None
        if not chunk:
            return
        yield chunk


def _decode(data: bytes, content_type: str, media_type: str, display: str) -> str:
    if not data.strip():
        raise UserError("empty response: nothing to check", display)
    encoding, origin = None, ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, origin = name, "by its byte order mark"
            break
    if encoding is None:
        match = _CHARSET_PARAM_RE.search(content_type)
        if match:
            encoding, origin = match.group(1), "by the Content-Type header"
    if encoding is None and media_type != "text/plain":
        match = _META_CHARSET_RE.search(data[:META_SCAN_BYTES])
        if match:
            encoding, origin = match.group(1).decode("ascii"), "by the page's <meta> tag"
    if encoding is None:
        encoding, origin = "utf-8-sig", ""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise UserError(f"unknown charset {_display(encoding)!r} declared {origin}", display) from None
    # Python's codec registry also holds transforms (rot13, zlib, hex, uu): no charset of a web page
    if not getattr(codec, "_is_text_encoding", True) or codec.name in ("undefined", "punycode", "idna"):
        raise UserError(f"unknown charset {_display(encoding)!r} declared {origin}", display)
    try:
        # a NUL in a page is no character of its text (browsers show U+FFFD); replaced one for one,
        # so that positions stay those of the page, and no output carries a raw NUL
        return data.decode(codec.name).replace("\x00", "\ufffd")
    except LookupError:
        raise UserError(f"unknown charset {_display(encoding)!r} declared {origin}", display) from None
    except UnicodeDecodeError as error:
        byte = data[error.start]
        if origin:
            problem = f"not valid {_display(encoding)} as declared {origin}"
        else:
            problem = "not valid UTF-8 and no charset declared"
        raise UserError(f"{problem} (byte 0x{byte:02x} at offset {error.start})", display) from None


def _status(response: requests.Response) -> str:
    """'404 Not Found': the standard phrase, else the server's own (one line)."""
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", str(response.reason or "")).split())
    return f"{response.status_code} {phrase}".rstrip()


def _check_host(url: str, display: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as error:
        raise UserError(f"not a valid URL: {error}", display) from None
    if not host:
        raise UserError("not a valid URL: no host name", display)


def _request_error(error: requests.RequestException, url: str, timeout: float) -> str:
    """One line for what went wrong in requests, without its nested reprs."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        port = "?"
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    causes = list(_causes(error))
    if isinstance(error, requests.Timeout) or any(_is_timeout(c) for c in causes):
        return _timeout_message(timeout)
    if any(isinstance(c, socket.gaierror) for c in causes) or any("NameResolutionError" in type(c).__name__ for c in causes):
        return f"cannot resolve host name {host!r}"
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return f"cannot connect to {address}: connection refused"
    if isinstance(error, requests.exceptions.SSLError):
        return f"TLS/SSL error talking to {address}"
    if isinstance(error, requests.exceptions.TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects"
    if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema)):
        return "not a valid URL"
    if isinstance(error, (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)):
        return "the connection broke off or the response is malformed"
    for cause in causes:
        if isinstance(cause, OSError) and cause.strerror:
            return f"cannot connect to {address}: {cause.strerror.lower()}"
    if isinstance(error, requests.ConnectionError):
        return f"cannot connect to {address}"
    return f"request failed ({type(error).__name__})"


def _causes(error: BaseException):
    """The error, its causes and contexts, and the exceptions in its args (urllib3 nests them there)."""
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nested in (current.__cause__, current.__context__, getattr(current, "reason", None), *current.args):
            if isinstance(nested, BaseException):
                pending.append(nested)


def _is_timeout(error: BaseException) -> bool:
    return isinstance(error, (TimeoutError, socket.timeout)) or type(error).__name__ in (
        "ReadTimeoutError", "ConnectTimeoutError", "TimeoutError",
    )


def _timeout_message(timeout: float) -> str:
    return f"no complete response within {timeout:g} s (timed out)"


def _scheme(url: str) -> str:
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):(//)?", url)
    if not match:
        return "a URL without a scheme"
    return f"{match.group(1).lower()}:{match.group(2) or ''}"


def _display(text: str) -> str:
    """The text on one line: control characters and spaces percent-escaped."""
    return _CONTROL_RE.sub(lambda m: f"%{ord(m.group()):02X}", text)


# --- main content ---------------------------------------------------------------

_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary"})


class _Element:
    __slots__ = ("tag", "attrs", "start", "end")

    def __init__(self, tag: str, attrs: dict[str, str], start: int, end: int):
        self.tag, self.attrs, self.start, self.end = tag, attrs, start, end

    def roles(self) -> set[str]:
        return set(self.attrs.get("role", "").lower().split())


class _OffsetParser(HTMLParser):
    """Start and end offsets of every element (end tags matched by name, innermost first)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.elements: list[_Element] = []
        self.open: dict[str, list[_Element]] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag in _VOID_ELEMENTS:
            self.elements.append(_Element(tag, values, start, start + len(self.get_starttag_text() or "")))
            return
        # an element without its end tag runs to the end of the document (or of its container)
        element = _Element(tag, values, start, len(self.html))
        self.elements.append(element)
        self.open.setdefault(tag, []).append(element)

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        text = self.get_starttag_text() or ""
        values = {name.lower(): (value or "") for name, value in attrs}
        self.elements.append(_Element(tag, values, start, start + len(text)))

    def handle_endtag(self, tag):
        stack = self.open.get(tag)
        if not stack:
            return
        start = self._offset()
        close = self.html.find(">", start)
        stack.pop().end = len(self.html) if close < 0 else close + 1


def main_content_mask(html: str) -> str:
    """The HTML with everything outside its main article content replaced by spaces.

    The main content is the first <article>, else the first <main>, else the first
    element with role="main", else <body>, else the whole document. Inside it,
    <nav>, <header>, <footer> and <aside> (and their ARIA roles) are blanked too.
    Same length as `html`; line breaks are kept, so offsets and lines stay put.
    """
    parser = _OffsetParser(html)
    parser.feed(html)
    parser.close()
    elements = parser.elements

    def first(predicate) -> _Element | None:
        return next((e for e in elements if predicate(e)), None)

    main = (
        first(lambda e: e.tag == "article")
        or first(lambda e: e.tag == "main")
        or first(lambda e: "main" in e.roles())
        or first(lambda e: e.tag == "body")
    )
    start, end = (main.start, main.end) if main else (0, len(html))
    keep = [(start, end)]
    for element in elements:
        if element is main or not (start <= element.start < end):
            continue
        if element.tag in _BOILERPLATE_TAGS or element.roles() & _BOILERPLATE_ROLES:
            keep = _cut(keep, element.start, min(element.end, end))
    pieces = []
    last = 0
    for keep_start, keep_end in keep:
        pieces.append(_blank(html[last:keep_start]))
        pieces.append(html[keep_start:keep_end])
        last = keep_end
    pieces.append(_blank(html[last:]))
    return "".join(pieces)


def _cut(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The ranges less [start, end)."""
    result = []
    for range_start, range_end in ranges:
        if end <= range_start or start >= range_end:
            result.append((range_start, range_end))
            continue
        if range_start < start:
            result.append((range_start, start))
        if end < range_end:
            result.append((end, range_end))
    return result


def _blank(text: str) -> str:
    return re.sub(r"[^\r\n]", " ", text)
