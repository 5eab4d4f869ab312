"""Configuration: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`, found by
walking up from the checked path. Paths in it are relative to the file it is in.

    records = ["records"]              # records files or folders
    packs = ["films-2026-11.fcpack"]   # knowledge packs (`factcheck records build`), after the records
    rules = ["house-rules"]            # folders of the newsroom's own rules
    select = []                        # run only these rules (empty: all)
    ignore = ["title-variant"]         # never run these
    published_key = "date"             # front-matter key with the publication date
    day_first = false                  # 7/12/2023 is 7 December
    model = "en_core_web_sm"           # spaCy pipeline
    extensions = [".md", ".markdown", ".txt", ".html"]
    exclude = ["drafts/**"]            # globs, relative to the config file
    fail_on = "error"                  # error | warning | info | never
    quotes = "info"                    # cap for findings inside quotations: error | warning | info | ignore
    online = false                     # look up entities no record covers on Wikidata (cached)
    wikidata_url = "https://www.wikidata.org"
    cache_dir = ".factcheck-cache"     # default: the user cache folder
    baseline = "factcheck-baseline.json"  # findings to silence (default: this name beside the config, if it exists)

    [severity]                         # per-rule severity
    title-variant = "warning"

    [[overrides]]                      # per-glob settings
    files = ["archive/**"]
    ignore = ["tense-vs-date"]
    severity = { name-variants = "info" }
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.model import Severity

CONFIG_NAMES = ("factcheck.toml", ".factcheck.toml")
SEVERITY_NAMES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
QUOTE_POLICIES = ("error", "warning", "info", "ignore")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")


DEFAULT_BASELINE = "factcheck-baseline.json"


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Config:
    path: Path | None = None  # the file it came from; None: defaults
    records: list[Path] = field(default_factory=list)
    packs: list[Path] = field(default_factory=list)  # knowledge packs, looked up after the records, in this order
    rules: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    published_key: str | None = None
    day_first: bool = False
    model: str | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "error"
    quotes: str = "info"
    severity: dict[str, Severity] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    online: bool = False
    wikidata_url: str | None = None
    cache_dir: Path | None = None
    baseline: Path | None = None  # None: DEFAULT_BASELINE beside the config, when that file exists

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @property
    def baseline_file(self) -> Path:
        """Where the baseline is kept: the `baseline` key's file, or DEFAULT_BASELINE beside the config
        (the language server's "add to the baseline" writes there; `check` reads it when it exists)."""
        return self.baseline or self.root / DEFAULT_BASELINE

    def relative(self, path: str | Path) -> str:
        """A path as the config's globs see it: relative to the config's folder, with '/'."""
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def excluded(self, path: str | Path) -> bool:
        relative = self.relative(path)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def file_settings(self, path: str) -> tuple[set[str], dict[str, Severity]]:
        """Rules to drop and severities to use for one file: the config's, then matching overrides."""
        ignore = set(self.ignore)
        severity = dict(self.severity)
        relative = self.relative(path)
        for override in self.overrides:
            if any(_glob_match(relative, pattern) for pattern in override.files):
                ignore.update(override.ignore)
                severity.update(override.severity)
        return ignore, severity


def _glob_match(relative: str, pattern: str) -> bool:
    pattern = pattern.lstrip("./") if pattern.startswith("./") else pattern
    if pattern.endswith("/"):
        pattern += "**"
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    # "drafts/**" also names "drafts/a.md"; "**/x.md" also names "x.md"
    if pattern.endswith("/**") and (relative + "/").startswith(pattern[:-2]):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatchcase(relative, pattern[3:]):
        return True
    return False


def find_config(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], at or above `start`."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "factcheck" in _read_toml(pyproject).get("tool", {}):
                    return pyproject
            except UserError:
                pass
    return None


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = None
        if "(at line " in message:
            line = int(message.split("(at line ", 1)[1].split(",", 1)[0])
            message = message.split(" (at line ", 1)[0]
        raise UserError(f"invalid TOML: {message}", str(path), line) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", str(path)) from None
    except RecursionError:
        raise UserError("invalid TOML: nested too deeply", str(path)) from None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    path = explicit or find_config(start or Path.cwd())
    if path is None:
        return Config()
    if explicit is not None and not explicit.is_file():
        raise UserError("config file does not exist", str(explicit))
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
        where = "[tool.factcheck]"
    else:
        where = ""
    return parse_config(data, path, where)


KEYS = {
    "records", "packs", "rules", "select", "ignore", "published_key", "day_first", "model",
    "extensions", "exclude", "fail_on", "quotes", "severity", "overrides", "online", "wikidata_url", "cache_dir",
    "baseline",
}


def parse_config(data: dict[str, Any], path: Path, where: str = "") -> Config:
    name = str(path)

    def fail(key: str, message: str) -> UserError:
        prefix = f"{where}." if where else ""
        return UserError(f"{prefix}{key}: {message}", name)

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key (known: {', '.join(sorted(KEYS))})")
    config = Config(path=path)
    base = path.parent

    def strings(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of texts")
        return value

    config.records = [base / p for p in strings("records")]
    config.packs = [base / p for p in strings("packs")]
    config.rules = [base / p for p in strings("rules")]
    config.select = strings("select")
    config.ignore = strings("ignore")
    config.exclude = strings("exclude")
    if "extensions" in data:
        config.extensions = tuple(e if e.startswith(".") else f".{e}" for e in (x.lower() for x in strings("extensions")))
    for key in ("published_key", "model"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                raise fail(key, "must be a text")
            setattr(config, key, data[key].strip())
    for key in ("day_first", "online"):
        if key in data:
            if not isinstance(data[key], bool):
                raise fail(key, "must be true or false")
            setattr(config, key, data[key])
    if "wikidata_url" in data:
        if not isinstance(data["wikidata_url"], str) or not data["wikidata_url"].startswith(("http://", "https://")):
            raise fail("wikidata_url", "must be an http(s) URL")
        config.wikidata_url = data["wikidata_url"]
    if "cache_dir" in data:
        if not isinstance(data["cache_dir"], str):
            raise fail("cache_dir", "must be a path")
        config.cache_dir = base / data["cache_dir"]
    if "baseline" in data:
        if not isinstance(data["baseline"], str) or not data["baseline"].strip():
            raise fail("baseline", "must be a path")
        config.baseline = base / data["baseline"]
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_ON:
            raise fail("fail_on", f"must be one of {', '.join(FAIL_ON)}")
        config.fail_on = data["fail_on"]
    if "quotes" in data:
        if data["quotes"] not in QUOTE_POLICIES:
            raise fail("quotes", f"must be one of {', '.join(QUOTE_POLICIES)}")
        config.quotes = data["quotes"]
    config.severity = _severities(data.get("severity", {}), lambda m: fail("severity", m))
    overrides = data.get("overrides", [])
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        raise fail("overrides", "must be a list of tables ([[overrides]])")
    for number, override in enumerate(overrides, 1):
        label = f"overrides[{number}]"
        for key in override:
            if key not in ("files", "ignore", "severity"):
                raise fail(f"{label}.{key}", "unknown key (known: files, ignore, severity)")
        files = override.get("files")
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            raise fail(f"{label}.files", "must be a list of globs")
        ignore = override.get("ignore", [])
        if not isinstance(ignore, list) or not all(isinstance(r, str) for r in ignore):
            raise fail(f"{label}.ignore", "must be a list of rule ids")
        config.overrides.append(Override(tuple(files), tuple(ignore), _severities(override.get("severity", {}), lambda m: fail(f"{label}.severity", m))))
    return config


def _severities(table: Any, fail) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise fail("must be a table of rule id = severity")
    result = {}
    for rule_id, value in table.items():
        if value not in SEVERITY_NAMES:
            raise fail(f"{rule_id} must be one of {', '.join(SEVERITY_NAMES)}, not {value!r}")
        result[rule_id] = Severity.parse(value)
    return result


def check_rule_ids(config: Config, known: set[str]) -> None:
    """Every rule id the config names must exist: a typo would silently do nothing."""
    from factcheck.rules import expand_rule_selectors, unknown_rule_message

    # select and ignore take what --select takes: ids, "prefix-", comma lists
    expand_rule_selectors(list(config.select) + list(config.ignore), known, str(config.path))
    named = list(config.severity)
    for override in config.overrides:
        named += list(override.ignore) + list(override.severity)
    for rule_id in named:
        if rule_id not in known:
            raise UserError(unknown_rule_message(rule_id, known, " in the config"), str(config.path))


STARTER = '''# factcheck configuration (https://github.com/factcheck/factcheck#configuration).
# Paths are relative to this file.

# Reference records: YAML files or folders of them.
records = ["records"]

# Knowledge packs built from Wikidata dumps (`factcheck records build`): looked up after the
# records above, which always win.
# packs = ["films-2026-11.fcpack"]

# Folders of your newsroom's own rules, beside the built-in ones.
# rules = ["house-rules"]

# Rules to skip everywhere (`factcheck rules` lists them).
# ignore = ["title-variant"]

# The front-matter key that holds the publication date.
published_key = "date"

# Read 7/12/2023 as 7 December 2023.
day_first = false

# Files to check when a folder is given, and files never to check.
extensions = [".md", ".markdown", ".txt", ".html"]
exclude = ["drafts/**"]

# The lowest severity that fails the run: error, warning, info or never.
fail_on = "error"

# Findings inside quotations are the speaker's words: at most this severity (or "ignore").
quotes = "info"

# Per-rule severity.
# [severity]
# title-variant = "warning"

# Per-glob settings.
# [[overrides]]
# files = ["archive/**"]
# ignore = ["tense-vs-date"]
'''

STARTER_RECORDS = '''# Reference records: one entry per film, person, event, organisation …
# `factcheck explain date-contradicts-record` shows how they are used.
entities:
  - id: example-film
    type: film
    name: "The Example Film"
    aliases: ["Example Film"]
    facts:
      release_date: [{value: 2024-05-10, region: US}]
      director: Jane Director
      runtime_minutes: 118
      cast: [Lead Actor, Second Actor]
    sources: ["https://www.wikidata.org/wiki/Q0"]
'''
