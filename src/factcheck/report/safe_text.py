"""Text from the input on its way out: nothing an article, a record, a file name or a fetched page
holds may reach a terminal as a control sequence, or an XML file as a character XML forbids.

- `for_terminal`: C0 and C1 controls (ESC, BEL, CSI …), DEL and the bidirectional overrides
  and isolates are shown as visible escapes (`\\x1b`, `\\u202e`): an article cannot clear the
  screen, set the window title or reorder what the reader sees. Tabs stay tabs.
- `for_xml`: characters XML 1.0 does not allow are dropped (ElementTree escapes the rest).
"""

from __future__ import annotations

import re

# … and lone surrogates: the bytes of a file name that is not UTF-8, which no UTF-8 stream can write
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_XML_INVALID = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte a file name holds that is not UTF-8 (os.fsdecode's escape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str, keep_newlines: bool = False) -> str:
    if not keep_newlines:
        text = text.replace("\n", "\\x0a")
    return _TERMINAL_UNSAFE.sub(_escape, text)


def for_xml(text: str) -> str:
    return _XML_INVALID.sub("", text)


def json_text(data) -> str:
    """JSON with non-ASCII text kept readable, but every control and bidi character escaped
    (json escapes C0 itself; C1 controls and bidi overrides would pass through raw)."""
    import json

    return _TERMINAL_UNSAFE.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=2))


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        # a file name's byte that is not UTF-8: written "\xe9" as the terminal shows it (a lone
        # surrogate is no character, and strict JSON readers refuse one)
        return f"\\\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"
    return f"\\u{code:04x}"
