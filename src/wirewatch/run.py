"""The corpus runner: files in, analyses stored, in batches that make an interrupted run resumable.

1. ``ingest.load_articles`` reads the inputs; an unreadable input arrives as an ``InputProblem``.
2. Articles already in the store (or seen earlier in this run) are skipped, so re-running
   over the same folder only analyses what is new. The rest are checked against every
   original in the store (``ingest.reuse``): a near-duplicate reprint is stored with
   ``near_duplicate_of`` and its similarity but never coded again; partial reuse is recorded
   with the share reused.
3. ``pipeline.analyze_articles`` parses and analyses the rest as one stream (``nlp.pipe``
   keeps its batching and processes); an article whose analysis raises becomes an
   ``InputProblem`` and the stream restarts after it, instead of ending the run.
4. Every ``settings.batch_size`` analyses are written with their problems and copy findings
   in one transaction; a run killed half-way loses at most the batch in flight, which the
   next run finds missing from the store and analyses again.
5. Events of the store are clustered into real events (``clusters``) at the end of a run, and
   by the next run when the last one stopped before its clustering was committed (events
   without a cluster show it), even if that run has nothing new to analyse.
6. Claims of articles not threaded yet join claim threads (``thread_run``): incremental, and
   resumed by the next run when a run stops before it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch.errors import StoreError
from wirewatch.ingest.reuse import Reuse, ReuseIndex
from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.settings import Settings
from wirewatch.store import Store

if TYPE_CHECKING:  # imported where it is used, like the threading runner itself
    from wirewatch.thread_run import KeptIndex


@dataclass(slots=True)
class RunSummary:
    articles_read: int = 0
    analysed: int = 0
    skipped: int = 0  # already stored, or the same article_id earlier in this run
    duplicates: int = 0  # near-duplicate reprints stored without being coded again
    failed: int = 0  # inputs that could not be read or analysed (see ``problems``)
    events: int = 0
    claims: int = 0
    seconds: float = 0.0
    problems: list[InputProblem] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # analysed in this run, in order

    def to_json(self) -> dict[str, Any]:
        return {
            "articles_read": self.articles_read,
            "analysed": self.analysed,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "events": self.events,
            "claims": self.claims,
            "seconds": round(self.seconds, 3),
            "problems": [{"source": p.source, "reason": p.reason} for p in self.problems],
        }


Progress = Callable[[RunSummary], None]
# How inputs are read and analysed; the defaults are ingest.read_articles and pipeline.analyze_articles.
# An analyser yields one result per article in input order; a parallel one may yield an
# InputProblem in the place of an article whose analysis failed.
Reader = Callable[[list[str | Path], Settings], Iterable[Article | InputProblem]]
Analyser = Callable[[Iterable[Article], Settings], Iterator[Analysis | InputProblem]]


class _Copies:
    """Checks fresh articles against the store's originals; the index loads on first use."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._index: ReuseIndex | None = None
        self._found: dict[str, Reuse] = {}
        self.duplicates: list[Analysis] = []  # stored as they are, never analysed
        self.exact: list[Article] = []  # same text as a stored article, from another source

    def check(self, article: Article) -> bool:
        """True when ``article`` is a duplicate (then queued in ``duplicates``)."""
        if self._index is None:
            self._index = ReuseIndex()
            for row in self._store.reuse_index_rows():
                self._index.add(*row)
        finding = self._index.check(article)
        self._found[article.article_id] = finding
        article.near_duplicate_of = finding.near_duplicate_of
        if finding.is_duplicate:
            self.duplicates.append(Analysis(article=article))
        return finding.is_duplicate

    def take(self, analyses: list[Analysis]) -> list[Reuse]:
        return [f for a in analyses if (f := self._found.pop(a.article.article_id, None)) is not None]


class _UpstreamFailure(Exception):
    """Reading the inputs raised: that is not the fault of the article being analysed."""


def _new_articles(
    items: Iterable[Article | InputProblem], store: Store, summary: RunSummary, problems: list[InputProblem],
    chunk: int, tick: Callable[[], None], copies: _Copies,
) -> Iterator[Article]:
    """Articles not stored yet and not duplicates; problems go to ``problems``, duplicates to
    ``copies.duplicates``. Asks the store ``chunk`` ids at a time."""
    seen: dict[str, str | None] = {}  # article id -> source it was first read from
    stream = iter(items)
    while True:
        block = list(islice(stream, chunk))
        if not block:
            return
        articles = [a for a in block if isinstance(a, Article)]
        known = store.known_article_ids({a.article_id for a in articles})
        for item in block:
            if isinstance(item, InputProblem):
                problems.append(item)
                summary.problems.append(item)
                summary.failed += 1
                tick()
                continue
            summary.articles_read += 1
            if item.article_id in known or item.article_id in seen:
                if seen.get(item.article_id, "") != item.source:  # not the same file given twice
                    copies.exact.append(item)
                if len(copies.exact) >= chunk:
                    # A re-run over a stored corpus analyses nothing: write as we go, not at the end.
                    store.write_batch([], (), (), copies.exact)
                    copies.exact.clear()
                summary.skipped += 1
                tick()
                continue
            seen[item.article_id] = item.source
            if copies.check(item):
                summary.duplicates += 1
                if len(copies.duplicates) >= chunk:  # a long run of reprints: write them as we go
                    write_resiliently(store, copies.duplicates, [], copies.take(copies.duplicates), [], summary)
                    copies.duplicates.clear()
                tick()
                continue
            yield item


def _analyse_resiliently(
    articles: Iterator[Article], settings: Settings, analyze_articles: Analyser
) -> Iterator[Analysis | InputProblem]:
    """Analyses in input order; an article whose analysis raises is yielded as an InputProblem."""
    in_flight: deque[Article] = deque()  # handed to the pipeline, not yet analysed

    def feed(source: Iterable[Article]) -> Iterator[Article]:
        it = iter(source)
        while True:
            try:
                article = next(it)
            except StopIteration:
                return
            except Exception as exc:
                raise _UpstreamFailure() from exc
            in_flight.append(article)
            yield article

    # Nothing new to analyse (a re-run): do not load the models at all.
    first = next(articles, None)
    if first is None:
        return
    articles = chain([first], articles)
    retry: list[Article] = []
    while True:
        try:
            for analysis in analyze_articles(feed(chain(retry, articles)), settings):
                if isinstance(analysis, InputProblem):
                    # A parallel analyser reports a failed article in its place: the oldest in flight.
                    if in_flight:
                        in_flight.popleft()
                    yield analysis
                    continue
                # nlp.pipe keeps input order, so this is the oldest in-flight article, unless
                # the analyser dropped some before it (those are done with too).
                done = analysis.article.article_id
                if any(a.article_id == done for a in in_flight):
                    while in_flight.popleft().article_id != done:
                        pass
                yield analysis
            return
        except _UpstreamFailure as exc:
            raise exc.__cause__ or exc
        except Exception as exc:
            if not in_flight:
                raise
            bad = in_flight.popleft()
            yield InputProblem(bad.source or bad.article_id, f"analysis failed: {type(exc).__name__}: {exc}")
            retry = list(in_flight)
            in_flight.clear()


def write_resiliently(
    store: Store, batch: list[Analysis], problems: list[InputProblem], reuse: list[Reuse],
    exact: list[Article], summary: RunSummary,
) -> None:
    """``store.write_batch``, and when the batch is refused, each article on its own: one that
    still cannot be stored becomes an ``InputProblem`` and its batch-mates are kept.

    The problems and reprints go last, in a batch of their own; if even that is refused the
    store itself is broken (full disk, lost file) and the error stops the run.
    """
    try:
        store.write_batch(batch, problems, reuse, exact)
        return
    except (StoreError, ValueError):
        if not batch:
            raise
    by_article = {r.article_id: r for r in reuse}
    for analysis in batch:
        article = analysis.article
        found = by_article.get(article.article_id)
        try:
            store.write_batch([analysis], (), [found] if found is not None else ())
        except (StoreError, ValueError) as exc:
            problem = InputProblem(article.source or article.article_id, f"not stored: {_first_line(exc)}")
            problems.append(problem)
            summary.problems.append(problem)
            summary.failed += 1
            if article.article_id in summary.article_ids:
                summary.article_ids.remove(article.article_id)
                summary.analysed -= 1
                summary.events -= len(analysis.events)
                summary.claims -= len(analysis.claims)
            else:
                summary.duplicates -= 1
    store.write_batch([], problems, (), exact)


def _first_line(exc: BaseException) -> str:
    # The database's own words (the cause), without the store's "batch of N" wrapper.
    return (str(exc.__cause__ or exc).strip().splitlines() or [type(exc).__name__])[0]


def _default_analyser() -> Analyser:
    """pipeline.analyze_articles with the models loaded once, on first use (not for a no-op run)."""
    from wirewatch.pipeline import Knowledge, analyze_articles

    loaded: list[Any] = []

    def analyse(articles: Iterable[Article], settings: Settings) -> Iterator[Analysis]:
        if not loaded:
            loaded.append(Knowledge.load(settings))
        return analyze_articles(articles, settings, loaded[0])

    return analyse


def run_corpus(
    paths: Sequence[str | Path],
    settings: Settings,
    store: Store,
    progress: Progress | None = None,
    *,
    reader: Reader | None = None,
    analyser: Analyser | None = None,
    thread_index: KeptIndex | None = None,
) -> RunSummary:
    """Analyse every article under ``paths`` into ``store``; returns what happened.

    ``reader`` and ``analyser`` replace ingest and the NLP stages (tests, other front ends);
    ``thread_index`` keeps the claim-thread index in memory for the next run (``serve --watch``).
    """
    started = time.perf_counter()
    summary = RunSummary()
    batch_size = max(1, settings.batch_size)
    if reader is None:
        from wirewatch.ingest import read_articles as reader
    if analyser is None:
        analyser = _default_analyser()
    pending_problems: list[InputProblem] = []
    batch: list[Analysis] = []
    copies = _Copies(store)

    def flush() -> None:
        batch.extend(copies.duplicates)
        copies.duplicates.clear()
        if batch or pending_problems or copies.exact:
            write_resiliently(store, batch, pending_problems, copies.take(batch), copies.exact, summary)
        batch.clear()
        copies.exact.clear()
        pending_problems.clear()

    def report() -> None:
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)

    fresh = _new_articles(
        reader(list(paths), settings), store, summary, pending_problems, chunk=batch_size, tick=report,
        copies=copies,
    )
    with store.single_threaded():
        for item in _analyse_resiliently(fresh, settings, analyser):
            if isinstance(item, InputProblem):
                pending_problems.append(item)
                summary.problems.append(item)
                summary.failed += 1
            else:
                batch.append(item)
                summary.analysed += 1
                summary.events += len(item.events)
                summary.claims += len(item.claims)
                summary.article_ids.append(item.article.article_id)
            if len(batch) + len(copies.duplicates) >= batch_size:
                flush()
            report()
        flush()
    # Also when nothing is new but an earlier run was stopped before its clustering finished.
    if summary.analysed or summary.duplicates or store.clusters_pending():
        from wirewatch.clusters import recluster_store

        recluster_store(store)
    from wirewatch.thread_run import thread_store

    thread_store(store, kept=thread_index)
    report()
    return summary
