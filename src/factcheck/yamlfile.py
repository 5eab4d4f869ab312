"""Safe YAML loading that remembers where every mapping and key came from.

Only `yaml.SafeLoader` is used: no Python object is ever constructed from a file
(`!!python/...` tags are errors). A hostile file is refused before it can cost
much time or memory: its size is bounded before it is read, and so are its
aliases, its nesting and the number of values it expands to (aliases counted
as many times as they are used, which is what a "billion laughs" inflates).
The bounds can be changed with environment variables (see `limit`).

Reading a file safely (a regular file only, never blocking on a FIFO, never
more than a bound into memory, decoding errors that name the line and guess the
encoding) lives here too, as the lowest layer both articles and YAML files use.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import UserError

MAX_YAML_BYTES = 5_000_000  # FACTCHECK_MAX_YAML_BYTES
MAX_YAML_NODES = 1_000_000  # FACTCHECK_MAX_YAML_NODES: values after expanding every alias
MAX_ALIASES = 1_000  # expanding more than this is an alias bomb, not a records file
MAX_YAML_DEPTH = 100  # records and rules nest a handful of levels


def limit(name: str, default: int) -> int:
    """A size bound: the environment variable `name` when set (a positive whole number), else `default`."""
    value = os.environ.get(name, "").strip().replace("_", "")
    if not value:
        return default
    if not value.isdigit() or int(value) <= 0:
        raise UserError(f"{name} must be a positive whole number, not {os.environ[name]!r}")
    return int(value)


def read_bounded(path: str | Path, max_bytes: int, what: str = "file", env: str | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.

    A FIFO, device or folder is refused without blocking (the file is opened
    non-blocking and checked with fstat, so nothing swapped in after a check is
    read either); a larger file is refused before it is read.
    """
    display = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise UserError(_os_message("cannot read", error), display) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"not a regular file ({_kind(info.st_mode)}); give a {what} path", display)
        hint = f"; {env} raises the limit" if env else ""
        if info.st_size > max_bytes:
            raise UserError(f"larger than {max_bytes:,} bytes, the limit for one {what}{hint}", display)
        chunks, size = [], 0
        while size <= max_bytes:  # the file may grow while it is read
            chunk = os.read(descriptor, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise UserError(f"larger than {max_bytes:,} bytes, the limit for one {what}{hint}", display)
        return b"".join(chunks)
    except OSError as error:
        raise UserError(_os_message("cannot read", error), display) from None
    finally:
        os.close(descriptor)


def _os_message(verb: str, error: OSError) -> str:
    import errno

    if error.errno == errno.ELOOP:
        return f"{verb}: a loop of symbolic links"
    return f"{verb}: {error.strerror or error}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def decode_utf8(data: bytes, display: str) -> str:
    """UTF-8 text (a byte-order mark dropped); otherwise one line naming the line, the byte and a likely encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = guess_encoding(data)
        advice = f"it looks like {guess}: save it as UTF-8 (iconv -f {guess} -t UTF-8)" if guess else "save it as UTF-8"
        raise UserError(f"not UTF-8 text (byte 0x{data[error.start]:02x}); {advice}", display, line) from None


_PLAUSIBLE = re.compile(r"[^\W\d_]|[\s“”‘’„‚–—…•€£¥©®™°±·×÷«»¡¿§¶¢¤¦¨ª¬¯²³´µ¸¹º¼½¾]")


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding a file that is not UTF-8 most likely has, or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    high = bytes(sorted(set(data) - set(range(128))))
    if not high:
        return None
    for encoding, name in (("cp1252", "cp1252"), ("latin-1", "latin-1")):
        try:
            decoded = high.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(_PLAUSIBLE.match(char) for char in decoded):
            return name
    return None


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser and composer (C) when PyYAML has them: the pure-Python scanner was most of the
# cost of reading records and rules (0.44 s of a run went to parsing the built-in rules alone); the
# constructor, which keeps lines and refuses anything but plain data, is the same either way
try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml
    _Parser = None


class _PythonParsing(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)


class _Loader(_Parser or _PythonParsing, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    def __init__(self, stream: str):
        if _Parser is not None and yaml.reader.Reader.NON_PRINTABLE.search(stream):
            # libyaml reads characters YAML forbids (C0/C1 controls …); the Python reader refuses them
            # and says where
            yaml.reader.Reader(stream)
        (_Parser or _PythonParsing).__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def get_single_node(self):  # type: ignore[override]
        # the aliases, the nesting and the expanded size are bounded here, on the composed nodes
        # (PyYAML shares an aliased node, so nothing has been expanded yet)
        node = super().get_single_node()
        if node is not None:
            check_expanded_size(node, limit("FACTCHECK_MAX_YAML_NODES", MAX_YAML_NODES))
        return node

    def construct_object(self, node, deep=False):  # type: ignore[override]
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:
            # an impossible date (2020-02-30), an integer of 5,000 digits …: an error at its line
            problem = " ".join(str(error).split())
            problem = problem if len(problem) <= 100 else problem[:99] + "…"
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            shown = f" {value!r}" if len(value) <= 30 else f" {value[:29]!r}…"
            raise yaml.constructor.ConstructorError(None, None, f"bad value{shown if value else ''}: {problem}", node.start_mark) from None

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, _ in node.value:
            try:
                key = self.construct_object(key_node, deep=True)
            except TypeError:
                continue
            try:
                if key in mapping.key_lines:
                    # PyYAML keeps the last silently: one of the two values would be lost unseen
                    first = mapping.key_lines[key]
                    raise yaml.MarkedYAMLError(None, None, f"duplicate key {key!r} (first at line {first})", key_node.start_mark)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            except TypeError:  # an unhashable key
                pass
        return mapping


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def check_expanded_size(root: yaml.Node, max_nodes: int = MAX_YAML_NODES, max_depth: int = MAX_YAML_DEPTH) -> int:
    """The number of values `root` stands for with every alias expanded, without expanding any.

    PyYAML shares an aliased node rather than copying it, so a few kilobytes can
    stand for billions of values, which anything walking the data would visit.
    Each distinct node is visited once (its expanded size and height are
    remembered); a recursive alias, nesting deeper than `max_depth` or more
    than `max_nodes` values is a MarkedYAMLError at the node's line.
    """
    sizes: dict[int, int] = {}
    heights: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0  # a node met again is an alias of it
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, leaving = stack.pop()
        key = id(node)
        children = _children(node)
        if leaving:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            heights[key] = 1 + max((heights[id(child)] for child in children), default=0)
            if sizes[key] > max_nodes:
                raise yaml.MarkedYAMLError(
                    None, None, f"expands to more than {max_nodes:,} values (an alias bomb?)", node.start_mark
                )
            continue
        if key in sizes or key in on_path:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise yaml.MarkedYAMLError(None, None, f"more than {MAX_ALIASES} aliases (an alias bomb?)", node.start_mark)
        if key in sizes:
            if depth - 1 + heights[key] > max_depth:
                raise yaml.MarkedYAMLError(None, None, f"nested more than {max_depth} levels deep", node.start_mark)
            continue
        if key in on_path:
            raise yaml.MarkedYAMLError(None, None, "an alias refers to a value that contains it", node.start_mark)
        if depth > max_depth:
            raise yaml.MarkedYAMLError(None, None, f"nested more than {max_depth} levels deep", node.start_mark)
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children)
    return sizes[id(root)]


def _construct_line_dict(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_line_dict)


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text; errors become a UserError naming the file and line."""
    max_bytes = limit("FACTCHECK_MAX_YAML_BYTES", MAX_YAML_BYTES)
    if len(text) > max_bytes:
        raise UserError(f"YAML larger than {max_bytes:,} bytes (FACTCHECK_MAX_YAML_BYTES raises the limit)", path)
    loader = None
    try:
        loader = _Loader(text)  # reads ahead: a control character is an error already here
        return loader.get_single_data()
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1 if isinstance(error.position, int) else None
        character = f" #x{error.character:04x}" if isinstance(error.character, int) else ""
        raise UserError(f"invalid YAML: unacceptable character{character} (control characters are not allowed)", path, line) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(error.problem or error.context or "invalid YAML").split())
        raise UserError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {' '.join(str(error).split())}", path) from None
    except RecursionError:
        raise UserError("invalid YAML: nested too deeply", path) from None
    finally:
        if loader is not None:
            loader.dispose()


def load_yaml(path: Path) -> Any:
    max_bytes = limit("FACTCHECK_MAX_YAML_BYTES", MAX_YAML_BYTES)
    data = read_bounded(path, max_bytes, "YAML file", "FACTCHECK_MAX_YAML_BYTES")
    return parse_yaml(decode_utf8(data, str(path)), str(path))
