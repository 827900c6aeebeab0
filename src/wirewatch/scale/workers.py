"""Whole-article analysis in worker processes, each loading the models once.

spaCy's own ``nlp.pipe(n_process=...)`` parallelises only the parse: every later stage
(actors, claims, events, places, dates) then runs in the one parent process, which becomes
the bottleneck, and the parent holds a full model copy it never uses. Here each worker runs
``stages.analyse_batch`` too and sends back each article's finished records; the parent only
reads inputs and writes the store. The article itself is not sent back (the parent still
holds it and rebuilds the ``Analysis``): its text would cross the pipe a second time, only
to be unpickled again in the one process every worker waits on.

Chunks of ``settings.batch_size`` articles go out in order, at most ``PREFETCH`` per worker
ahead of what has been consumed, so memory stays flat however long the input is. An article
whose analysis raises comes back as an ``InputProblem`` in its place. ``ProcessEngine`` is the
engine (``scale.engines``) that ``settings.n_process > 1`` chooses.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool

from wirewatch.records import ActorMention, Analysis, Article, Claim, Event, InputProblem
from wirewatch.scale.loading import LoadsOnFirstArticle
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge, analyse_batch

PREFETCH = 8
# What a worker sends back for one article: its Analysis without the article.
Found = tuple[list[ActorMention], list[Event], list[Claim]]


@dataclass(slots=True)
class _Worker:
    settings: Settings
    knowledge: Knowledge


# This process's models when it is a worker: set before the fork (inherited) or by ``_load``
# (spawned). A module global because a pool task can only reach its process through one.
_worker: _Worker | None = None


def _load(settings: Settings) -> None:
    global _worker
    _worker = _Worker(settings, Knowledge.load(settings))


def analyse_chunk(articles: list[Article]) -> list[Found | InputProblem]:
    """Parse and analyse ``articles`` in this worker; one result per article, in order."""
    assert _worker is not None, "worker models not loaded"
    return [
        found if isinstance(found, InputProblem) else (found.mentions, found.events, found.claims)
        for found in analyse_batch(articles, _worker.settings, _worker.knowledge)
    ]


class ProcessEngine(LoadsOnFirstArticle):
    """``settings.n_process`` worker processes, forked from this one once it has loaded the models."""

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        stream = iter(articles)
        first = next(stream, None)
        if first is None:  # nothing new: load nothing, start nothing
            return
        yield from analyze_in_workers(chain([first], stream), self.settings, self.settings.n_process, self.knowledge())


def analyze_in_workers(
    articles: Iterable[Article], settings: Settings, processes: int, knowledge: Knowledge | None = None
) -> Iterator[Analysis | InputProblem]:
    """Analyses (or problems) of ``articles`` in input order, from ``processes`` workers.

    Given the parent's loaded ``knowledge``, workers are forked from it and share its model
    and gazetteer pages copy-on-write (as spaCy's own ``n_process`` does); otherwise each
    worker is spawned fresh and loads them itself.
    """
    global _worker
    stream = iter(articles)
    if knowledge is None or "fork" not in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("spawn").Pool(processes, initializer=_load, initargs=(settings,))
        yield from _in_order(pool, stream, settings.batch_size, processes)
        return
    _worker = _Worker(settings, knowledge)
    # What is otherwise built on the first article is built once, here, and shared with the workers.
    knowledge.build_all(settings)
    # The models are hundreds of thousands of objects that live as long as the processes:
    # frozen, the cyclic collector never walks them again (a full pass costs a fifth of a
    # second), neither here nor in the workers, whose shared pages it would copy.
    gc.freeze()
    try:
        yield from _in_order(multiprocessing.get_context("fork").Pool(processes), stream, settings.batch_size, processes)
    finally:
        gc.unfreeze()


def _in_order(pool: Pool, stream: Iterator[Article], size: int, processes: int) -> Iterator[Analysis | InputProblem]:
    """Chunks of ``size`` out to ``pool``, at most ``PREFETCH`` per process ahead; results in order."""
    with pool:
        pending: deque[tuple[list[Article], AsyncResult[list[Found | InputProblem]]]] = deque()

        def submit() -> bool:
            chunk = list(islice(stream, size))
            if chunk:
                pending.append((chunk, pool.apply_async(analyse_chunk, (chunk,))))
            return bool(chunk)

        for _ in range(processes * PREFETCH):
            if not submit():
                break
        while pending:
            chunk, results = pending.popleft()
            found = results.get()
            submit()
            for article, result in zip(chunk, found, strict=True):
                yield result if isinstance(result, InputProblem) else Analysis(article, *result)
