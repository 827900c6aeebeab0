"""Whole-article analysis in worker processes, each loading the models once.

spaCy's own ``nlp.pipe(n_process=...)`` parallelises only the parse: every later stage
(actors, claims, events, places, dates) then runs in the one parent process, which becomes
the bottleneck, and the parent holds a full model copy it never uses. Here each worker runs
``pipeline.analyze_doc`` too and sends back each article's finished records; the parent only
reads inputs and writes the store. The article itself is not sent back (the parent still
holds it and rebuilds the ``Analysis``): its text would cross the pipe a second time, only
to be unpickled again in the one process every worker waits on.

Chunks of ``settings.batch_size`` articles go out in order, at most ``PREFETCH`` per worker
ahead of what has been consumed, so memory stays flat however long the input is. An article
whose analysis raises comes back as an ``InputProblem`` in its place.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from wirewatch.records import ActorMention, Analysis, Article, Claim, Event, InputProblem
from wirewatch.settings import Settings

PREFETCH = 8
# What a worker sends back for one article: its Analysis without the article.
Found = tuple[list[ActorMention], list[Event], list[Claim]]
_knowledge: Any = None  # this worker's loaded models (one per process)
_settings: Settings | None = None


def _load(settings: Settings) -> None:
    global _knowledge, _settings
    from wirewatch.pipeline import Knowledge

    _settings = settings
    _knowledge = Knowledge.load(settings)


def analyse_chunk(articles: list[Article]) -> list[Found | InputProblem]:
    """Parse and analyse ``articles`` in this worker; one result per article, in order."""
    from wirewatch.pipeline import analyze_parsed

    assert _knowledge is not None and _settings is not None, "worker models not loaded"
    return [
        found if isinstance(found, InputProblem) else (found.mentions, found.events, found.claims)
        for found in analyze_parsed(articles, _settings, _knowledge, keep_going=True)
    ]


def analyze_in_workers(
    articles: Iterable[Article], settings: Settings, processes: int, knowledge: Any = None
) -> Iterator[Analysis | InputProblem]:
    """Analyses (or problems) of ``articles`` in input order, from ``processes`` workers.

    Given the parent's loaded ``knowledge``, workers are forked from it and share its model
    and gazetteer pages copy-on-write (as spaCy's own ``n_process`` does); otherwise each
    worker is spawned fresh and loads them itself.
    """
    global _knowledge, _settings
    size = max(1, settings.batch_size)
    stream = iter(articles)
    if knowledge is None or "fork" not in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("spawn").Pool(processes, initializer=_load, initargs=(settings,))
        yield from _in_order(pool, stream, size, processes)
        return
    _knowledge, _settings = knowledge, settings
    # Lexicons loaded on first use are loaded once, here, and shared with the workers.
    knowledge.warm_up(settings)
    # The models are hundreds of thousands of objects that live as long as the processes:
    # frozen, the cyclic collector never walks them again (a full pass costs a fifth of a
    # second), neither here nor in the workers, whose shared pages it would copy.
    gc.freeze()
    try:
        yield from _in_order(multiprocessing.get_context("fork").Pool(processes), stream, size, processes)
    finally:
        gc.unfreeze()


def _in_order(pool: Any, stream: Iterator[Article], size: int, processes: int) -> Iterator[Analysis | InputProblem]:
    """Chunks of ``size`` out to ``pool``, at most ``PREFETCH`` per process ahead; results in order."""
    with pool:
        pending: deque[tuple[list[Article], Any]] = deque()

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
