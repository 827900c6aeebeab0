"""The corpus runner: files in, analyses stored, in batches that make an interrupted run resumable.

1. ``ingest.load_articles`` reads the inputs; an unreadable input arrives as an ``InputProblem``.
2. Articles already in the store (or seen earlier in this run) are skipped, so re-running
   over the same folder only analyses what is new. The rest are checked against every
   original in the store (``ingest.reuse``): a near-duplicate reprint is stored with
   ``near_duplicate_of`` and its similarity but never coded again; partial reuse is recorded
   with the share reused.
3. An engine (``scale.engines``: this process, worker processes or Ray, as ``settings`` say)
   parses and analyses the rest as one stream, giving exactly one result per article in
   order: its ``Analysis``, or an ``InputProblem`` in its place when its analysis raised.
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch.errors import StoreError
from wirewatch.ingest.reuse import Reuse, ReuseIndex
from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.scale.engines import Announce, Engine, engine_for
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
# How inputs are read; the default is ingest.read_articles.
Reader = Callable[[list[str | Path], Settings], Iterable[Article | InputProblem]]


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


def _analysed(articles: Iterator[Article], engine: Engine) -> Iterator[Analysis | InputProblem]:
    """The engine's results; with nothing new to analyse (a re-run) the engine is not even started."""
    first = next(articles, None)
    if first is None:
        return
    yield from engine.analyse(chain([first], articles))


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


def run_corpus(
    paths: Sequence[str | Path],
    settings: Settings,
    store: Store,
    progress: Progress | None = None,
    *,
    reader: Reader | None = None,
    engine: Engine | None = None,
    announce: Announce | None = None,
    thread_index: KeptIndex | None = None,
) -> RunSummary:
    """Analyse every article under ``paths`` into ``store``; returns what happened.

    ``engine`` defaults to the one ``settings`` choose (``scale.engines.engine_for``), told to
    ``announce`` its slow steps; ``reader`` and ``engine`` replace ingest and the NLP stages
    (tests, other front ends); ``thread_index`` keeps the claim-thread index in memory for the
    next run (``serve --watch``).
    """
    started = time.perf_counter()
    summary = RunSummary()
    batch_size = settings.batch_size
    if reader is None:
        from wirewatch.ingest import read_articles

        reader = read_articles
    if engine is None:
        engine = engine_for(settings, announce)
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
        for item in _analysed(fresh, engine):
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
        from wirewatch.cluster_run import recluster_store

        recluster_store(store)
    from wirewatch.thread_run import thread_store

    thread_store(store, kept=thread_index)
    report()
    return summary
