"""Safe YAML loading that remembers where every mapping and key came from.

Only `yaml.SafeLoader` is used: no Python object is ever constructed from a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import UserError

MAX_YAML_BYTES = 5_000_000
MAX_ALIASES = 1_000  # expanding more than this is an alias bomb, not a records file


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str):
        super().__init__(stream)
        self._aliases_seen = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases_seen += 1
            if self._aliases_seen > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise yaml.MarkedYAMLError(None, None, f"more than {MAX_ALIASES} aliases", mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, _ in node.value:
            try:
                key = self.construct_object(key_node, deep=True)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            except TypeError:
                pass
        return mapping


def _construct_line_dict(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_line_dict)


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text; errors become a UserError naming the file and line."""
    if len(text) > MAX_YAML_BYTES:
        raise UserError(f"YAML file is larger than {MAX_YAML_BYTES:,} bytes", path)
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        raise UserError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as error:
        raise UserError(f"invalid YAML: {error}", path) from None
    except RecursionError:
        raise UserError("invalid YAML: nested too deeply", path) from None
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError("not UTF-8 text", str(path), line) from None
    return parse_yaml(text, str(path))
