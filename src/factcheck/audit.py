"""`factcheck audit`: a whole archive on a Dask cluster — partitioned, resumable, deterministic.

The client (this process) does everything that touches the user's disk:

1. It lists the articles — the files of folders and globs (sorted, as `check` walks
   them) and the records of JSON Lines archives (`{id, text, published, url?}`, in
   line order) — and cuts that list into partitions of a fixed size. The same
   sources and size always give the same partitions.
2. It loads the config, records and rules once (so their errors are reported with
   file and line before any cluster starts), pickles the resulting Checker — without
   its spaCy pipeline — and ships it to every worker in a worker plugin. Workers
   therefore need factcheck installed, but neither the archive nor the records nor
   the rules on their disks; a worker that joins or is restarted later gets the
   plugin from the scheduler. Each worker process unpickles the Checker once and
   loads the spaCy pipeline once (`_CHECKERS`, keyed by a digest of those settings).
3. It reads a partition's articles only when it submits that partition, keeping at
   most a few partitions per worker thread in flight, so memory stays flat however
   large the archive is.
4. Each completed partition comes back as JSON Lines text plus counts, and is
   written atomically (temporary file, then rename) into `<FINDINGS>.parts/`,
   beside a manifest of the run's settings. A run that is interrupted or killed is
   resumed by the same command: completed partitions are not submitted again.
5. At the end the parts are concatenated in partition order into FINDINGS
   (atomically), and a summary per rule is printed and written to
   `<FINDINGS>.summary.json`.

Findings within an article come in the checker's order and articles in partition
order, so the output is byte for byte the same whatever the number of workers,
the partition size or the order in which partitions complete. Dask resubmits the
partitions of a worker that died (and retries failed tasks `RETRIES` times);
since only the client writes the parts, one per partition, every article's
findings appear exactly once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import pickle
import re
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from distributed.diagnostics.plugin import WorkerPlugin

from factcheck.errors import UserError
from factcheck.fix import lock_work_folder, refuse_special_target

JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_PARTITION_SIZE = 50
MANIFEST_VERSION = 1
RETRIES = 2  # a task whose code raised is tried again this many times; a dead worker's tasks are resubmitted by the scheduler
IN_FLIGHT_PER_THREAD = 2  # partitions submitted ahead per worker thread: enough to keep every worker busy
CHECKER_SETTINGS = ("records", "packs", "rules", "config", "selected_rules", "model", "factcheck")  # manifest keys that make the Checker
_HTML_START = re.compile(r"\s*<(?:!doctype|html)", re.IGNORECASE)
_PART_RE = re.compile(r"^part-(\d{5,})\.jsonl$")


@dataclass
class AuditOptions:
    sources: list[str]
    output: Path
    scheduler: str | None = None
    workers: int | None = None  # a local cluster's worker processes (default: the machine's cores)
    records: list[Path] = field(default_factory=list)
    rule_dirs: list[Path] = field(default_factory=list)
    config_file: Path | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    published: dt.date | None = None
    restart: bool = False
    keep_parts: bool = False
    quiet: bool = False


@dataclass
class AuditResult:
    exit_code: int
    partitions: int
    computed: int  # partitions checked by this run
    resumed: int  # partitions a previous run had completed
    articles: int
    findings: int
    failed: int  # articles that could not be read or checked
    workers: int
    summary: dict
    startup_s: float = 0.0  # cluster start or connection, plugin registration
    compute_s: float = 0.0  # first submission to last part written
    total_s: float = 0.0


@dataclass(frozen=True)
class Article:
    id: str
    path: str | None  # the file, as given on the command line; None for a JSON Lines record
    url: str | None
    check_path: str  # the name the checker and the config's globs see
    jsonl: str | None = None  # the archive holding the record, and where
    offset: int = 0
    line: int = 0
    published: str | None = None  # ISO date from the record or --published


# ---------------------------------------------------------------- worker side

# Per worker process, keyed by the settings that make the Checker (records, rules, config,
# model, code): a Checker is unpickled, and its spaCy pipeline loaded, once per process however
# many partitions and runs use it. Each run registers its own plugin; the entry goes with the
# last plugin that needs it (a killed client's plugin stays, and its Checker with it, which
# is what the resumed run wants).
_PAYLOADS: dict[str, bytes] = {}
_CHECKERS: dict[str, Any] = {}
_USERS: Counter = Counter()
_CACHE_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()  # one partition at a time per process: the checker and spaCy are not shared between threads


class CheckerPlugin(WorkerPlugin):
    """Carries the pickled Checker to every worker, including those that join later."""

    def __init__(self, key: str, payload: bytes):
        self.key = key
        self.payload = payload

    def setup(self, worker) -> None:
        with _CACHE_LOCK:
            _USERS[self.key] += 1
            if self.key not in _CHECKERS:
                _PAYLOADS[self.key] = self.payload

    def teardown(self, worker) -> None:
        with _CACHE_LOCK:
            _USERS[self.key] -= 1
            if _USERS[self.key] <= 0:
                del _USERS[self.key]
                _PAYLOADS.pop(self.key, None)
                _CHECKERS.pop(self.key, None)


def _cached_checker(key: str):
    with _CACHE_LOCK:
        checker = _CHECKERS.get(key)
        if checker is None:
            payload = _PAYLOADS.pop(key, None)
            if payload is None:
                raise RuntimeError(f"the audit's settings ({key}) have not reached this worker")
            checker = _CHECKERS[key] = pickle.loads(payload)
        return checker


def check_partition(key: str, version: str, articles: list[dict]) -> dict:
    """Run on a worker: check one partition's articles; return their findings as JSON Lines."""
    from factcheck import __version__

    if __version__ != version:
        raise RuntimeError(f"a worker (pid {os.getpid()}) runs factcheck {__version__}, the client {version}: "
                           "install the same version everywhere")
    checker = _cached_checker(key)
    with _RUN_LOCK:
        return _check_articles(checker, articles)


def _check_articles(checker, articles: list[dict]) -> dict:
    from factcheck.load import load_document
    from factcheck.report.json_report import finding_dict

    errors: dict[int, str] = {}
    documents = []
    for index, article in enumerate(articles):
        if article["error"]:
            errors[index] = article["error"]
            continue
        published = dt.date.fromisoformat(article["published"]) if article["published"] else None
        try:
            document = load_document(article["check_path"], published, source=article["text"],
                                     published_key=checker.config.published_key, markup=article["markup"], mask=False)
        except UserError as error:
            errors[index] = _error_text(error, article)
            continue
        documents.append((index, document))
    results = {}
    try:
        for (index, _), result in zip(documents, checker.check_documents(d for _, d in documents)):
            if result.failure is not None:
                errors[index] = f"internal error in {result.failure}"
            else:
                results[index] = result
    except Exception:  # noqa: BLE001 — one bad article must not cost its partition: check them one by one
        results = {}
        for index, document in documents:
            try:
                results[index] = next(checker.check_documents([document]))
            except UserError as error:
                errors[index] = _error_text(error, articles[index])
            except Exception as error:  # noqa: BLE001
                errors[index] = f"{type(error).__name__}: {error}"

    lines: list[str] = []
    severities: Counter = Counter()
    by_rule: dict[str, list[int]] = {}
    with_findings = 0
    failed = []
    for index, article in enumerate(articles):
        if index in errors:
            failed.append({"id": article["id"], "path": article["path"], "url": article["url"], "error": errors[index]})
            continue
        result = results[index]
        document = result.document
        published = document.published.isoformat() if document.published else None
        with_findings += bool(result.findings)
        for rule in {f.rule for f in result.findings}:
            by_rule.setdefault(rule, [0, 0])[1] += 1
        for finding in result.findings:
            by_rule.setdefault(finding.rule, [0, 0])[0] += 1
            severities[finding.severity.label] += 1
            record = {"id": article["id"], "path": article["path"], "url": article["url"], "published": published,
                      **finding_dict(document, finding)}
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return {
        "lines": "".join(lines), "articles": len(articles), "findings": len(lines), "with_findings": with_findings,
        "severity": dict(severities), "by_rule": by_rule, "failed": failed, "worker_pid": os.getpid(),
    }


def _error_text(error: UserError, article: dict) -> str:
    where = article["path"] or article["id"]
    return f"{where}:{error.line}: {error.message}" if error.line else f"{where}: {error.message}"


# ---------------------------------------------------------------- client side

def run_audit(options: AuditOptions, out: TextIO, err: TextIO,
              on_part: Callable[[int, int, Any], None] | None = None) -> AuditResult:
    """Audit the archive; `on_part(partition, completed_by_this_run, client)` is called after
    each part is written (the tests use it to kill a worker or interrupt the run)."""
    from factcheck.api import Checker
    from factcheck.config import load_config

    began = time.perf_counter()
    _validate(options)
    config_file = options.config_file.resolve() if options.config_file else None
    config = load_config(_config_start(options.sources[0]), config_file)
    articles, articles_digest = list_articles(options.sources, config, options.published)
    checker = Checker.from_config(config, options.records, options.rule_dirs)
    checker.processes = 1
    payload = pickle.dumps(checker, protocol=pickle.HIGHEST_PROTOCOL)
    manifest = _manifest(options, config, checker, articles, articles_digest)
    key = hashlib.sha256(json.dumps({k: manifest[k] for k in CHECKER_SETTINGS}, sort_keys=True).encode()).hexdigest()[:20]
    partitions = [articles[i:i + options.partition_size] for i in range(0, len(articles), options.partition_size)]

    output = options.output
    work = Path(f"{output}.parts")
    with _WorkFolder(work) as folder:
        folder.prepare(manifest, options.restart)
        done = folder.completed(len(partitions))
        todo = [i for i in range(len(partitions)) if i not in done]
        stats = _Run(len(partitions), len(done), sum(len(partitions[i]) for i in done), len(articles))
        workers = 0
        startup = compute = 0.0
        if todo:
            workers, startup, compute = _compute(options, partitions, todo, key, payload, folder, stats, err, on_part)
        summary = _finish(folder, output, len(partitions), manifest)
        if not options.keep_parts:
            folder.remove()
    result = AuditResult(
        exit_code=2 if summary["failed"] else 0, partitions=len(partitions), computed=len(todo), resumed=len(done),
        articles=len(articles), findings=summary["findings"], failed=len(summary["failed"]), workers=workers,
        summary=summary, startup_s=startup, compute_s=compute, total_s=time.perf_counter() - began,
    )
    if not options.quiet:
        _print_summary(result, output, out, err)
    return result


def _validate(options: AuditOptions) -> None:
    if not options.sources:
        raise UserError("name at least one folder, glob, article or JSON Lines archive to audit")
    if options.partition_size < 1:
        raise UserError("--partition-size must be at least 1")
    if options.scheduler and options.workers:
        raise UserError("--workers is for the local cluster; with --scheduler the cluster's workers are used")
    if options.workers is not None and options.workers < 1:
        raise UserError("--workers must be at least 1")
    output = options.output
    if str(output) == "-":
        raise UserError("-o/--output must be a file: the findings are written there part by part")
    if output.is_dir():
        raise UserError("is a directory; -o/--output names the findings file", str(output))
    refuse_special_target(output)
    refuse_special_target(summary_path(output))  # its side file too: every file audit writes
    if not output.parent.is_dir():
        raise UserError("no such directory for the findings file", str(output.parent))


def _config_start(source: str) -> Path:
    """Where the config is looked for: the first source, or for a glob the folder it starts in."""
    path = Path(source).absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.resolve()


def list_articles(sources: Iterable[str], config, published: dt.date | None = None) -> tuple[list[Article], str]:
    """Every article of the sources, in a fixed order, and a digest of what they are
    (ids, sizes and modification times) for the manifest."""
    from factcheck.load import STDIN, collect_paths, is_url

    digest = hashlib.sha256()
    articles: list[Article] = []
    seen: dict[str, str] = {}
    override = published.isoformat() if published else None
    for path in collect_paths(list(sources), config.extensions, config.excluded):
        if path == STDIN or is_url(path):
            raise UserError("audit reads files, folders, globs and JSON Lines archives, not standard input or URLs", path)
        stat = os.stat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        if path.lower().endswith(JSONL_SUFFIXES):
            found = _jsonl_articles(path, override)
        else:
            found = [Article(id=path, path=path, url=None, check_path=str(Path(path).resolve()), published=override)]
        for article in found:
            if article.id in seen:
                raise UserError(f"the article id {article.id!r} is also in {seen[article.id]}; ids must be unique", article.jsonl or article.path,
                                article.line or None)
            seen[article.id] = f"{article.jsonl}:{article.line}" if article.jsonl else article.id
            digest.update(article.id.encode("utf-8", "surrogatepass") + b"\n")
            articles.append(article)
    if not articles:
        raise UserError("no articles to audit")
    return articles, digest.hexdigest()


def _jsonl_articles(path: str, override: str | None) -> list[Article]:
    from factcheck.load import MARKDOWN_SUFFIXES

    articles = []
    offset = 0
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", path) from None
    with handle:
        for number, raw in enumerate(handle, 1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            record = _parse_record(raw, path, number)
            identifier = str(record["id"])
            # markdown (or HTML) as a file of that kind would be read: the blockquote rule for
            # quotations goes by the name's suffix
            check_path = identifier if identifier.lower().endswith(MARKDOWN_SUFFIXES) else f"{identifier}.md"
            articles.append(Article(
                id=identifier, path=None, url=record.get("url"), check_path=check_path, jsonl=path,
                offset=start, line=number, published=override or _record_date(record.get("published"), path, number),
            ))
    return articles


def _parse_record(raw: bytes, path: str, number: int) -> dict:
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        raise UserError("not UTF-8 text", path, number) from None
    except json.JSONDecodeError as error:
        raise UserError(f"not a JSON object: {error.msg} (column {error.colno})", path, number) from None
    if not isinstance(record, dict):
        raise UserError("each line must be a JSON object {id, text, published, url?}", path, number)
    if not isinstance(record.get("id"), (str, int)) or isinstance(record.get("id"), bool) or str(record.get("id")).strip() == "":
        raise UserError("the record has no id (a non-empty text or a number)", path, number)
    if not isinstance(record.get("text"), str):
        raise UserError("the record has no text", path, number)
    if not record["text"].strip():
        raise UserError("the record's text is empty: nothing to check", path, number)
    if record.get("url") is not None and not isinstance(record["url"], str):
        raise UserError("the record's url must be a text", path, number)
    return record


def _record_date(value: object, path: str, number: int) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise UserError(f"the record's published {value!r} is not a YYYY-MM-DD date", path, number)


def _read_partition(partition: list[Article]) -> list[dict]:
    """What a worker needs for each article: its text travels with the task."""
    from factcheck.load import read_source

    handles: dict[str, Any] = {}
    items = []
    try:
        for article in partition:
            text = markup = error = None
            try:
                if article.jsonl is None:
                    text = read_source(article.path)
                else:
                    handle = handles.get(article.jsonl) or handles.setdefault(article.jsonl, open(article.jsonl, "rb"))
                    handle.seek(article.offset)
                    text = _parse_record(handle.readline(), article.jsonl, article.line)["text"]
                    markup = "html" if _HTML_START.match(text) else "markdown"
            except UserError as failure:
                error = str(failure)
            except OSError as failure:
                error = f"{article.jsonl or article.path}: cannot read: {failure.strerror or failure}"
            items.append({"id": article.id, "path": article.path, "url": article.url, "check_path": article.check_path,
                          "published": article.published, "text": text, "markup": markup, "error": error})
    finally:
        for handle in handles.values():
            handle.close()
    return items


def _manifest(options: AuditOptions, config, checker, articles: list[Article], articles_digest: str) -> dict:
    from factcheck import __version__
    from factcheck.resultcache import code_digest, files_digest, model_version
    from factcheck.rules import builtin_rules_dir

    return {
        "version": MANIFEST_VERSION,
        "sources": [str(Path(s).resolve()) for s in options.sources],
        "articles": len(articles),
        "articles_digest": articles_digest,
        "partition_size": options.partition_size,
        "records": files_digest([*config.records, *options.records]),
        "packs": [[pack.name, pack.content_hash] for pack in checker.packs],  # the config's knowledge packs
        "rules": files_digest([builtin_rules_dir(), *config.rules, *options.rule_dirs]),
        "config": hashlib.sha256(config.path.read_bytes()).hexdigest() if config.path else None,
        "selected_rules": sorted(rule.id for rule in checker.rules),
        "published": options.published.isoformat() if options.published else None,
        "model": model_version(checker.model),
        # read now, not the digest cached when this process started: a long-lived process (a
        # notebook, the tests) must see the code a resumed run would find on disk
        "factcheck": f"{__version__} {code_digest.__wrapped__()[:16]}",
    }


class _WorkFolder:
    """`<FINDINGS>.parts/`: the manifest, the completed parts, and a lock against a second run."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = None

    def __enter__(self) -> "_WorkFolder":
        self._lock = lock_work_folder(self.path, "the audit's parts", "another factcheck audit is writing to this output")
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is not None and self.path.is_dir() and not any(self.path.glob("part-*")):
            self.remove()  # a run that failed before any partition leaves nothing behind
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def prepare(self, manifest: dict, restart: bool) -> None:
        target = self.path / "manifest.json"
        for stale in self.path.glob("*.tmp-*"):
            stale.unlink(missing_ok=True)
        ours = {"lock", "manifest.json"}
        foreign = [p.name for p in self.path.iterdir() if p.name not in ours and not p.name.startswith("part-")]
        if foreign:
            raise UserError(f"holds files that are not an audit's parts ({', '.join(sorted(foreign)[:3])}); "
                            "choose another -o or move them", str(self.path))
        if target.exists() and not restart:
            try:
                previous = json.loads(target.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                previous = None
            if previous != manifest:
                changed = sorted(k for k in set(manifest) | set(previous or {}) if (previous or {}).get(k) != manifest.get(k))
                count = len(self.completed(None))
                raise UserError(
                    f"an earlier audit with other settings ({', '.join(changed) or 'unreadable manifest'}) left {count} "
                    "completed partition(s) here; run the same command as then to resume, or add --restart to discard them",
                    str(self.path))
            return
        for part in self.path.glob("part-*"):
            part.unlink()
        atomic_write(target, json.dumps(manifest, indent=2, sort_keys=True) + "\n")

    def completed(self, partitions: int | None) -> set[int]:
        done = set()
        for path in self.path.glob("part-*.jsonl"):
            match = _PART_RE.match(path.name)
            if match and self.meta_path(int(match.group(1))).exists():
                done.add(int(match.group(1)))
        return {i for i in done if partitions is None or i < partitions}

    def part_path(self, index: int) -> Path:
        return self.path / f"part-{index:05d}.jsonl"

    def meta_path(self, index: int) -> Path:
        return self.path / f"part-{index:05d}.json"

    def write(self, index: int, result: dict) -> None:
        """The counts first, then the findings: a partition is complete once its .jsonl exists."""
        meta = {k: v for k, v in result.items() if k not in ("lines", "worker_pid")}
        atomic_write(self.meta_path(index), json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n")
        atomic_write(self.part_path(index), result["lines"])

    def remove(self) -> None:
        for path in list(self.path.iterdir()):
            if path.name.startswith("part-") or path.name in ("manifest.json", "lock"):
                path.unlink()
        try:
            self.path.rmdir()
        except OSError:
            pass


def summary_path(output: Path) -> Path:
    return Path(f"{output}.summary.json")


def atomic_write(path: Path, text: str) -> None:
    refuse_special_target(path)  # a regular file or nothing: never a device, FIFO or link
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with _writing(path, temporary):
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)


@contextlib.contextmanager
def _writing(path: Path, temporary: Path):
    """A write through a temporary file: on any failure the temporary file goes, and a disk that is
    full (or any OSError) is one line naming the file being written."""
    try:
        yield
    except BaseException as error:
        try:
            temporary.unlink()
        except OSError:
            pass
        if isinstance(error, OSError):
            raise UserError(f"cannot write: {error.strerror or error}", str(path)) from None
        raise


@dataclass
class _Run:
    partitions: int
    done: int
    articles_done: int
    articles: int


def _compute(options: AuditOptions, partitions: list[list[Article]], todo: list[int], key: str, payload: bytes,
             folder: _WorkFolder, stats: _Run, err: TextIO, on_part) -> tuple[int, float, float]:
    from distributed import as_completed

    from factcheck import __version__

    began = time.perf_counter()
    client, cluster = _connect(options)
    token = uuid.uuid4().hex[:8]  # this run's: its plugin and task keys are never another run's
    plugin_name = f"factcheck-audit-{key}-{token}"
    registered = False
    futures: dict[str, int] = {}
    outstanding: dict[str, Any] = {}
    computed = 0
    try:
        try:
            client.register_plugin(CheckerPlugin(key, payload), name=plugin_name)
        except Exception as error:  # noqa: BLE001 — typically a worker without factcheck
            raise UserError(f"the Dask workers could not take the audit's settings ({type(error).__name__}: {error}); "
                            "every worker needs factcheck installed, the same version as here") from None
        registered = True
        workers = len(client.nthreads())
        if not options.quiet:
            _announce(client, cluster, workers, stats, err)
        startup = time.perf_counter() - began
        computing = time.perf_counter()
        queue = iter(todo)
        pending = as_completed()

        def submit_next() -> bool:
            index = next(queue, None)
            if index is None:
                return False
            future = client.submit(check_partition, key, __version__, _read_partition(partitions[index]),
                                   key=f"factcheck-audit-{token}-part-{index:05d}", pure=False, retries=RETRIES)
            futures[future.key] = index
            outstanding[future.key] = future
            pending.add(future)
            return True

        def in_flight_limit() -> int:
            return max(4, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))

        for _ in range(in_flight_limit()):
            if not submit_next():
                break
        with _Progress(stats, err, enabled=not options.quiet) as progress:
            for future in pending:
                index = futures.pop(future.key)
                outstanding.pop(future.key, None)
                try:
                    result = future.result()
                except RuntimeError as error:
                    raise UserError(str(error)) from None
                except Exception as error:  # noqa: BLE001 — a worker died too often, or a bug: the parts done stay
                    raise UserError(f"partition {index} failed ({type(error).__name__}: {error}); "
                                    "the completed partitions are kept: run the same command to resume") from None
                future.release()
                folder.write(index, result)
                computed += 1
                stats.done += 1
                stats.articles_done += len(partitions[index])
                progress.update()
                if on_part is not None:
                    on_part(index, computed, client)
                for _ in range(max(0, in_flight_limit() - pending.count())):
                    if not submit_next():
                        break
        return workers, startup, time.perf_counter() - computing
    except KeyboardInterrupt:
        err.write(f"factcheck: audit interrupted with {stats.done} of {stats.partitions} partitions done; "
                  "run the same command to resume\n")
        raise
    finally:
        if outstanding:
            try:
                client.cancel(list(outstanding.values()))
            except Exception:  # noqa: BLE001 — closing the client cancels them anyway
                pass
        if registered:
            try:
                client.unregister_worker_plugin(plugin_name)
            except Exception:  # noqa: BLE001 — a closed cluster has nothing left to clean
                pass
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(options: AuditOptions):
    return connect(options.scheduler, options.workers)


def connect(scheduler: str | None, workers: int | None):
    """A client of the scheduler at `scheduler`, else of a local cluster of `workers` processes (the
    machine's cores by default): (client, the local cluster or None). `records build` uses it too."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError, ValueError) as error:
            raise UserError(f"cannot connect to the Dask scheduler at {scheduler}: {error}") from None
    # the scheduler serves HTTP (health, metrics, and the dashboard when bokeh is installed) in any
    # case: on a free port, never a fixed one that another cluster may hold
    cluster = LocalCluster(n_workers=workers or _cores(), threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _announce(client, cluster, workers: int, stats: _Run, err: TextIO) -> None:
    where = "a local cluster" if cluster is not None else f"the scheduler {client.scheduler.address}"
    todo = stats.partitions - stats.done
    resumed = f", {stats.done} already done" if stats.done else ""
    err.write(f"factcheck: auditing {stats.articles} articles in {stats.partitions} partitions{resumed}; "
              f"{todo} to check on {where} of {workers} worker(s)\n")
    if workers == 0:
        err.write("factcheck: the scheduler has no workers yet; waiting for some to join\n")
    link = _dashboard_link(client, local=cluster is not None)
    if link:
        err.write(f"factcheck: Dask dashboard: {link}\n")


def _dashboard_link(client, local: bool) -> str | None:
    """The dashboard's address, when there is one: a local cluster has it only with bokeh installed;
    a remote scheduler's is announced when it serves HTTP."""
    import importlib.util

    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        if local and importlib.util.find_spec("bokeh") is None:
            return None
        return client.dashboard_link
    except Exception:  # noqa: BLE001 — the link is a convenience
        return None


class _Progress:
    """Partitions and articles done, on a terminal's stderr only."""

    def __init__(self, stats: _Run, err: TextIO, enabled: bool):
        self.stats = stats
        self.enabled = enabled and hasattr(err, "isatty") and err.isatty()
        self.err = err
        self._progress = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn("partitions"),
                TextColumn("{task.fields[articles]} articles"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(file=self.err), transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("audit", total=self.stats.partitions, completed=self.stats.done,
                                                 articles=self._articles())
        return self

    def _articles(self) -> str:
        return f"{self.stats.articles_done}/{self.stats.articles}"

    def update(self) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=self.stats.done, articles=self._articles())

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)


def _finish(folder: _WorkFolder, output: Path, partitions: int, manifest: dict) -> dict:
    """Concatenate the parts in partition order into FINDINGS and add up their counts."""
    import shutil

    missing = [i for i in range(partitions) if i not in folder.completed(partitions)]
    if missing:
        raise UserError(f"partitions {missing[:5]} are missing from {folder.path}; run the same command to resume")
    severities: Counter = Counter()
    by_rule: dict[str, list[int]] = {}
    failed: list[dict] = []
    articles = with_findings = 0
    temporary = output.with_name(f"{output.name}.tmp-{os.getpid()}")
    with _writing(output, temporary), open(temporary, "wb") as target:
        for index in range(partitions):
            meta = json.loads(folder.meta_path(index).read_text(encoding="utf-8"))
            articles += meta["articles"]
            with_findings += meta["with_findings"]
            severities.update(meta["severity"])
            failed.extend(meta["failed"])
            for rule, (count, in_articles) in meta["by_rule"].items():
                totals = by_rule.setdefault(rule, [0, 0])
                totals[0] += count
                totals[1] += in_articles
            with open(folder.part_path(index), "rb") as part:
                shutil.copyfileobj(part, target)
        target.flush()
        os.fsync(target.fileno())
    with _writing(output, temporary):
        os.replace(temporary, output)
    summary = {
        "output": str(output),
        "articles": articles,
        "checked": articles - len(failed),
        "partitions": partitions,
        "partition_size": manifest["partition_size"],
        "findings": sum(severities.values()),
        "error": severities.get("error", 0),
        "warning": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "articles_with_findings": with_findings,
        "by_rule": {rule: {"findings": n, "articles": a} for rule, (n, a) in sorted(by_rule.items())},
        "failed": failed,
    }
    atomic_write(summary_path(output), json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return summary


def _print_summary(result: AuditResult, output: Path, out: TextIO, err: TextIO) -> None:
    from factcheck.report.safe_text import for_terminal

    summary = result.summary
    for failure in summary["failed"][:10]:
        err.write(for_terminal(f"factcheck: not checked: {failure['error']}") + "\n")
    if len(summary["failed"]) > 10:
        err.write(f"factcheck: … and {len(summary['failed']) - 10} more articles not checked (see the summary)\n")
    rate = f", {result.articles / result.total_s:.1f} articles/s" if result.computed == result.partitions and result.total_s else ""
    resumed = f" ({result.resumed} resumed)" if result.resumed else ""
    out.write(f"audited {summary['articles']} articles in {summary['partitions']} partitions{resumed} "
              f"in {result.total_s:.1f} s{rate}\n")
    out.write(f"{summary['findings']} findings in {summary['articles_with_findings']} articles: "
              f"{summary['error']} errors, {summary['warning']} warnings, {summary['info']} infos\n")
    if summary["by_rule"]:
        width = max(len("rule"), *(len(rule) for rule in summary["by_rule"]))
        out.write(f"  {'rule':<{width}}  findings  articles\n")
        for rule, counts in summary["by_rule"].items():
            out.write(f"  {rule:<{width}}  {counts['findings']:>8}  {counts['articles']:>8}\n")
    if summary["failed"]:
        out.write(f"{len(summary['failed'])} articles could not be checked\n")
    out.write(f"findings: {output}\nsummary: {output}.summary.json\n")
