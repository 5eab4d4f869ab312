"""The library entry: load → extract → link → check, for one text or many files.

Nothing here prints; the CLI and the reports decide what to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from pathlib import Path

from factcheck import nlp as nlp_module
from factcheck import suppress
from factcheck.config import Config, check_rule_ids
from factcheck.checks import KINDS
from factcheck.extract import extract, split_sentences
from factcheck.link import find_links, link, title_runs
from factcheck.names import capitalised_in
from factcheck.load import apply_mask, load_document
from factcheck.model import ARTICLE_ORIGIN, Analysis, Document, Finding, Record, Severity
from factcheck.records import DeferredRecords, RecordSet, find_record_files, load_records
from factcheck.rules import Rule, Vocabulary, load_rule_set
from factcheck.text import name_key, tokenize

if TYPE_CHECKING:
    from factcheck.packs import Pack
    from factcheck.records_index import RecordsIndex
    from factcheck.resultcache import ResultCache

ONLINE_KINDS = ("person", "work", "org", "event", "product")
WINDOW = 256  # documents read ahead at most
MAX_LOOKUPS = 40  # names looked up online per article
# a worker process costs about a pipeline load (~1 s) to start: below this many
# articles per process, one process is faster
MIN_DOCUMENTS_PER_PROCESS = 40


@dataclass
class FileResult:
    document: Document
    findings: list[Finding]
    # an unexpected error in this document alone ("extract: ValueError: …"): the others are still checked
    failure: str | None = None


@dataclass(frozen=True)
class Failure:
    """What went wrong with one document, and in which stage; never cached."""

    stage: str
    error: str

    @classmethod
    def of(cls, stage: str, error: BaseException) -> "Failure":
        import os

        if os.environ.get("FACTCHECK_DEBUG"):  # the traceback, for whoever debugs it
            raise error
        detail = " ".join(str(error).split())
        detail = detail if len(detail) <= 200 else detail[:199] + "…"
        return cls(stage, f"{type(error).__name__}: {detail}" if detail else type(error).__name__)

    def __str__(self) -> str:
        return f"{self.stage}: {self.error}"


@dataclass
class Checker:
    records: RecordSet
    rules: list[Rule]
    vocabulary: Vocabulary
    model: str | None = None
    day_first: bool = False
    config: Config = field(default_factory=Config)
    known_rules: set[str] = field(default_factory=set)  # every rule id, selected or not
    # Wikidata (or another source) for entities no local record covers: takes (name, kind) pairs
    online: Callable[[list[tuple[str, str]]], list[Record]] | None = None
    cache: "ResultCache | None" = None
    # knowledge packs (factcheck.packs), looked up for each article after the local records
    packs: list["Pack"] = field(default_factory=list)
    processes: int = 1  # spaCy worker processes for large batches
    # paragraphs parsed before, kept by a long-lived checker (the language server) so that an edit
    # re-parses only what it changed
    parsed_pieces: "nlp_module.ParsedPieces | None" = None
    _nlp: object = field(default=None, repr=False)
    _workers: object = field(default=None, repr=False)

    @classmethod
    def from_config(cls, config: Config, records: Iterable[Path] = (), rule_dirs: Iterable[Path] = (), model: str | None = None,
                    select: Iterable[str] = (), ignore: Iterable[str] = (), day_first: bool = False,
                    records_index: "RecordsIndex | None" = None, packs: Iterable[Path] = ()) -> "Checker":
        """Command-line values first, then the config's; records, packs and rule folders add up. With
        `records_index`, unchanged records files are read from the compiled index, not parsed."""
        from factcheck.packs import open_packs

        opened = open_packs([*config.packs, *packs])  # an unreadable pack is an error before anything is read
        rules, vocabulary = load_rule_set([*config.rules, *rule_dirs])
        known = {rule.id for rule in rules}
        check_rule_ids(config, known)
        rules = select_rules(rules, list(select) or config.select, [*config.ignore, *ignore])
        record_paths = [*config.records, *records]
        if not record_paths:
            record_set = RecordSet()
        elif records_index is not None:
            # read when an article needs them: a run the result cache answers never does (the files
            # are found now: a missing path is still an error at once)
            files = find_record_files(record_paths)

            def load() -> RecordSet:
                try:
                    return load_records(files, records_index)
                finally:
                    records_index.close()

            record_set = DeferredRecords(load)
        else:
            record_set = load_records(record_paths)
        return cls(record_set, rules, vocabulary, model or config.model, day_first or config.day_first, config, known,
                   packs=opened)

    @classmethod
    def from_paths(cls, records: Iterable[Path] = (), rule_dirs: Iterable[Path] = (), model: str | None = None,
                   select: Iterable[str] = (), ignore: Iterable[str] = ()) -> "Checker":
        rules, vocabulary = load_rule_set(rule_dirs)
        rules = select_rules(rules, select, ignore)
        record_paths = list(records)
        record_set = load_records(record_paths) if record_paths else RecordSet()
        return cls(record_set, rules, vocabulary, model)

    @property
    def nlp(self):
        if self._nlp is None:
            from factcheck.load import max_article_chars

            self._nlp = nlp_module.load_pipeline(self.model)
            # the loader already bounds an article (FACTCHECK_MAX_TEXT_CHARS); the recogniser alone
            # needs no parser memory, so spaCy's own guard follows that bound
            self._nlp.max_length = max(self._nlp.max_length, max_article_chars() + 1)
        return self._nlp

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        for outcome in self.analyse_each(documents):
            if isinstance(outcome[1], Failure):
                raise RuntimeError(f"{outcome[0].path}: {outcome[1]}")
            yield outcome[1]

    def analyse_each(self, documents: Iterable[Document]) -> Iterator[tuple[Document, "Analysis | Failure"]]:
        """Each document's Analysis, or what failed for it: an unexpected error in one document
        (in spaCy or in any stage) is that document's alone, and the others are still analysed."""
        self.records.records  # noqa: B018 — deferred records are read here: a records file's error is the run's, not one document's
        batch: list[Document] = []
        for document in map(apply_mask, documents):
            batch.append(document)
            if len(batch) == nlp_module.BATCH_SIZE:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    def _analyse_batch(self, batch: list[Document]) -> Iterator[tuple[Document, "Analysis | Failure"]]:
        try:
            parsed = nlp_module.parse(self.nlp, [document.text for document in batch], memo=self.parsed_pieces)
        except Exception:  # one text broke the batch: parse them one by one to find which
            parsed = []
            for document in batch:
                try:
                    parsed.extend(nlp_module.parse(self.nlp, [document.text], memo=self.parsed_pieces))
                except Exception as error:
                    parsed.append(Failure.of("parse", error))
        for document, outcome in zip(batch, parsed):
            if isinstance(outcome, Failure):
                yield document, outcome
                continue
            try:
                yield document, self.analyse_parsed(document, *outcome)
            except Exception as error:
                yield document, Failure.of("extract and link", error)

    def findings_or_failure(self, analysis: Analysis) -> "list[Finding] | Failure":
        try:
            return self.findings(analysis)
        except Exception as error:
            return Failure.of("check", error)

    def analyse_parsed(self, document: Document, entities, syntax=None) -> Analysis:
        """One document, once: extract, decide the records for this document (the local ones, what
        online look-ups add, the names the article itself repeats) without touching the shared ones,
        link against them, and hand the checks an immutable Analysis."""
        sentences = split_sentences(document.text)
        mentions = extract(document, entities, self.day_first, syntax, sentences)
        records = self.records
        # the names first (claims are read once, against the records decided for this document)
        tokens = tokenize(document.text)
        capitalised = capitalised_in(document.text, tokens)
        links = find_links(document.text, tokens, records, mentions, document.published, capitalised)
        if self.packs:
            found = self._pack_records(document, mentions, links, tokens)
            if found:
                records = records.with_records(found)
                links = find_links(document.text, tokens, records, mentions, document.published, capitalised)
        if self.online is not None:
            found = self._online_records(document, mentions, links, tokens)
            if found:
                records = records.with_records(found)
                links = find_links(document.text, tokens, records, mentions, document.published, capitalised)
        article_entities = _article_entities(mentions, links)
        if article_entities:
            # the article's own entities, so that one party's two seat counts can be compared
            records = records.with_records(article_entities)
        vocabulary = self.vocabulary.for_records(records)
        linked = link(document, sentences, mentions, records, vocabulary, syntax, tokens, capitalised)
        return Analysis(document, sentences, linked.mentions, linked.links, linked.claims, records, vocabulary, linked.tokens, syntax)

    def _online_records(self, document: Document, mentions, links, tokens) -> list[Record]:
        """Records for the names no local record covers, looked up online; local records win where
        both speak. Names are the recogniser's, and runs of capitalised words (titles it often misses).
        Returned for this document alone: another document's look-ups never change its records."""
        unlinked = _unlinked_names(document.text, mentions, links, tokens)[:MAX_LOOKUPS]
        if not unlinked:
            return []
        return [record for record in self.online(unlinked)
                if record.id not in self.records.by_id and not any(name_key(n) in self.records.by_name for n in record.names)]

    def _pack_records(self, document: Document, mentions, links, tokens) -> list[Record]:
        """Records the packs hold for the names no local record covers: the names `--online` would
        look up, and every stretch of two words or more of a run of capitalised words ("Tom Cruise"
        in "Tom Cruise’s BTS"), each looked up through the pack's index of names (its cost does not
        grow with the pack). A record none of whose names a local record has, or an earlier pack's;
        for this document alone, as the online look-ups are."""
        from factcheck.wikidata import KIND_TYPES

        covered = _Covered(links)
        candidates: dict[tuple[str, ...], frozenset[str] | None] = {}
        for name, kind in _unlinked_mentions(mentions, covered):
            key = name_key(name)
            types = KIND_TYPES.get(kind)
            if key in candidates:
                types = None if candidates[key] is None or types is None else candidates[key] | types
            candidates[key] = types
        for key in _capitalised_stretches(document.text, tokens, covered):
            candidates[key] = None  # a name of any type
        found: list[Record] = []
        local = self.records.by_name
        taken: set[tuple[str, ...]] = set()  # the names of what an earlier pack found
        for pack in self.packs:
            for record in pack.lookup(candidates):
                keys = {name_key(n) for n in record.names}
                if not keys & taken and not any(key in local for key in keys):
                    found.append(record)
                    taken |= keys
        return found

    def findings(self, analysis: Analysis) -> list[Finding]:
        document = analysis.document
        ignored, severities = self.config.file_settings(document.path)
        found: dict[tuple, Finding] = {}
        for rule in self.rules:
            if rule.id in ignored:
                continue
            for finding in KINDS[rule.kind].run(analysis, rule):
                if rule.id in severities:
                    finding = replace(finding, severity=severities[rule.id])
                found.setdefault((finding.rule, finding.start, finding.end), finding)
        # a finding's words as the file has them ("Lee **Unkrch**"), not as the checks read them
        findings = sorted((replace(f, text=document.source[f.start:f.end]) for f in found.values()), key=Finding.sort_key)
        return suppress.apply(document, findings, self.known_rules or {r.id for r in self.rules}, self.config.quotes)

    def rule_kinds(self) -> dict[str, str]:
        return {rule.id: rule.kind for rule in self.rules}

    def check_documents(self, documents: Iterable[Document]) -> Iterator[FileResult]:
        """Results in the order of `documents`, read a window at a time: memory stays flat
        however many files there are, cached files are not parsed again, and a window with
        enough work for several processes gets them."""
        window: list[Document] = []
        for document in documents:
            window.append(document)
            if len(window) == WINDOW:
                yield from self._check_window(window)
                window = []
        if window:
            yield from self._check_window(window)

    def _check_window(self, window: list[Document]) -> Iterator[FileResult]:
        cached = [self.cache.get(d) if self.cache is not None else None for d in window]
        missing = [apply_mask(d) for d, found in zip(window, cached) if found is None]
        fresh: list[list[Finding]] = []
        enough = len(missing) >= MIN_DOCUMENTS_PER_PROCESS * self.processes > MIN_DOCUMENTS_PER_PROCESS
        if missing and self.online is None and (enough or self._workers is not None):
            # worker processes check whole articles, a batch at a time (the pipeline spends a third
            # more on articles taken one by one); this process parses none, so no process holds more
            # than a batch's worth (on Linux it loads the pipeline once, for the workers it forks to share)
            batches = [missing[i:i + nlp_module.BATCH_SIZE] for i in range(0, len(missing), nlp_module.BATCH_SIZE)]
            for batch, outcomes in zip(batches, self._pool().imap(_check_in_worker, batches)):
                for document, findings in zip(batch, outcomes):
                    fresh.append(findings)
                    if self.cache is not None and not isinstance(findings, Failure):
                        self.cache.put(document, findings)
        elif missing:  # all cached: spaCy is never loaded
            for document, analysis in self.analyse_each(missing):
                findings = analysis if isinstance(analysis, Failure) else self.findings_or_failure(analysis)
                fresh.append(findings)
                if self.cache is not None and not isinstance(findings, Failure):
                    self.cache.put(document, findings)
        results = iter(zip(missing, fresh))
        for document, found in zip(window, cached):
            if found is not None:
                yield FileResult(document, found)
            else:
                masked, findings = next(results)
                if isinstance(findings, Failure):
                    yield FileResult(masked, [], str(findings))
                else:
                    yield FileResult(masked, findings)

    def _pool(self):
        if self._workers is None:
            import multiprocessing
            import os
            import sys
            import threading

            self.records.records  # noqa: B018 — read deferred records here, once, not in every worker
            # one maths thread per worker: the workers already fill the cores, and more threads than
            # cores spin (a user's own setting is kept); set before numpy is first imported below
            threads = {name: os.environ.get(name) for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
            for name, value in threads.items():
                if value is None:
                    os.environ[name] = "1"
            try:
                if sys.platform == "linux" and threading.active_count() == 1:
                    # fork, with the pipeline and every module a worker needs loaded here first: the
                    # workers share them instead of each importing spaCy, loading the model and
                    # reading pint's units again (about 2 CPU seconds a worker). The workers never
                    # touch this process's cache or online session (they are left out of their
                    # checker) and end with os._exit, so no SQLite handle of this process is closed
                    # by them. Elsewhere fork is unsafe (macOS) or absent, and in a process with other
                    # threads (the language server) a lock one of them holds would stay held in the
                    # child: spawn, each worker loading its own.
                    _warm_worker_state(self)
                    portable = replace(self, cache=None, online=None, _workers=None, parsed_pieces=None)
                    with _signals_for_forked_workers():
                        self._workers = multiprocessing.get_context("fork").Pool(
                            self.processes, initializer=_start_worker, initargs=(portable,))
                else:
                    portable = replace(self, cache=None, online=None, _nlp=None, _workers=None, parsed_pieces=None)
                    self._workers = multiprocessing.get_context("spawn").Pool(
                        self.processes, initializer=_start_worker, initargs=(portable,))
            finally:
                for name, value in threads.items():
                    if value is None:
                        os.environ.pop(name, None)
        return self._workers

    def close(self, abort: bool = False) -> None:
        """Stop the worker processes: after the last article, or at once (`abort`) when the run fails
        or is interrupted, rather than waiting for every queued article."""
        if self._workers is not None:
            if abort:
                self._workers.terminate()
            else:
                self._workers.close()
            self._workers.join()
            self._workers = None
        if self.cache is not None:
            self.cache.close()

    def check_text(self, text: str, published: dt.date | None = None, path: str = "<text>") -> FileResult:
        document = load_document(path, published, source=text)
        return next(self.check_documents([document]))


class _Covered:
    """Whether a stretch of the text overlaps a link, in logarithmic time however many links there
    are (a long article has thousands): the links by start, with the furthest end reached so far."""

    def __init__(self, links):
        spans = sorted((l.start, l.end) for l in links)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __call__(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        before = bisect_left(self.starts, end)  # the links that start before the stretch ends
        return before > 0 and self.reach[before - 1] > start


def _unlinked_mentions(mentions, covered: _Covered) -> list[tuple[str, str]]:
    """(name, kind) of the recogniser's names of ONLINE_KINDS no link covers (a person by two words or more)."""
    return [(mention.text, mention.kind) for mention in mentions
            if mention.kind in ONLINE_KINDS and not covered(mention.start, mention.end)
            and (len(mention.text.split()) >= 2 or mention.kind != "person")]


def _unlinked_names(text: str, mentions, links, tokens) -> list[tuple[str, str]]:
    """(name, kind) of the names no link covers: the recogniser's names, then runs of capitalised
    words as "work" (titles it often misses)."""
    covered = _Covered(links)
    unlinked = _unlinked_mentions(mentions, covered)
    known = {name_key(name) for name, _ in unlinked}
    for start, end, name in title_runs(text, tokens):
        if not covered(start, end) and name_key(name) not in known:
            unlinked.append((name, "work"))
    return list(dict.fromkeys(unlinked))


MAX_NAME_WORDS = 12  # the longest stretch of a capitalised run looked up in a pack


def _capitalised_stretches(text: str, tokens, covered: _Covered) -> list[tuple[str, ...]]:
    """Every stretch of two to MAX_NAME_WORDS words of each run of capitalised words that no link
    covers, folded: a name the pack may hold whether or not the recogniser saw it."""
    from bisect import bisect_left

    starts = [token.start for token in tokens]
    found = []
    for start, end, _ in title_runs(text, tokens):
        run = tokens[bisect_left(starts, start):bisect_left(starts, end)]
        capital = [text[token.start].isupper() or text[token.start].isdigit() for token in run]
        for first in range(len(run)):
            if not capital[first]:
                continue
            for last in range(first + 2, min(len(run), first + MAX_NAME_WORDS) + 1):
                if not capital[last - 1]:
                    continue  # "Lord of": a name ends on a word of its own, not a connector
                if not covered(run[first].start, run[last - 1].end):
                    found.append(tuple(token.norm for token in run[first:last]))
    return list(dict.fromkeys(found))


ARTICLE_ENTITY_TYPES = {"org": "organisation", "person": "person", "event": "event", "product": "product"}


def _article_entities(mentions, links) -> list[Record]:
    """Names the recogniser found at least twice that no record covers, as records without facts."""
    counts: dict[tuple[str, ...], list] = {}
    for mention in mentions:
        kind = ARTICLE_ENTITY_TYPES.get(mention.kind)
        key = name_key(mention.text)
        if kind and len(key) >= 2 and not any(l.start < mention.end and mention.start < l.end for l in links):
            counts.setdefault((kind, key), []).append(mention)
    return [
        Record(id=f"article:{'-'.join(key)}", type=kind, name=found[0].text, origin=ARTICLE_ORIGIN)
        for (kind, key), found in counts.items() if len(found) >= 2
    ]


_WORKER_CHECKER: "Checker | None" = None


def _start_worker(checker: "Checker") -> None:
    import signal

    # Ctrl-C reaches the whole process group: the main process stops the workers, they need not react
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER_CHECKER
    _WORKER_CHECKER = checker
    checker.nlp  # load the pipeline once, before the first article


@contextmanager
def _signals_for_forked_workers():
    """While the workers are forked: Ctrl-C ignored (the main process stops them), and termination
    and hang-up at their default, so that the pool's terminate() ends them. A forked worker would
    otherwise inherit the run's own handlers, which leave every stop to the main process and so
    ignore the SIGTERM that terminate() sends (cli._interruptible). This process's handlers are
    put back at once."""
    import signal

    saved = {name: signal.getsignal(getattr(signal, name)) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}
    try:
        for name in saved:
            signal.signal(getattr(signal, name), signal.SIG_IGN if name == "SIGINT" else signal.SIG_DFL)
        yield
    finally:
        for name, handler in saved.items():
            signal.signal(getattr(signal, name), handler if handler is not None else signal.SIG_DFL)


def _warm_worker_state(checker: "Checker") -> None:
    """What every worker would otherwise load for itself: the pipeline and pint's units."""
    from factcheck.facts import units

    checker.nlp  # noqa: B018
    units()


def _check_in_worker(documents: list[Document]) -> "list[list[Finding] | Failure]":
    """Each document's findings, or what failed for it: the batch is parsed together, and one
    document's failure is its own."""
    checker = _WORKER_CHECKER
    return [outcome if isinstance(outcome, Failure) else checker.findings_or_failure(outcome)
            for _, outcome in checker._analyse_batch(documents)]


def select_rules(rules: list[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The rules `--select`/`--ignore` leave: each is a rule id, a prefix ending in "-" ("date-" for
    every date rule) or a comma-separated list of them ("--select name-near-miss,date-")."""
    from factcheck.rules import expand_rule_selectors

    known = [rule.id for rule in rules]
    chosen = expand_rule_selectors(select, known)
    dropped = expand_rule_selectors(ignore, known)
    if chosen:
        rules = [rule for rule in rules if rule.id in chosen]
    return [rule for rule in rules if rule.id not in dropped]


def worst(findings: Iterable[Finding]) -> Severity | None:
    return max((finding.severity for finding in findings), default=None)
