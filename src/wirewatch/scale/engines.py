"""The one seam between the corpus runner and where articles are analysed.

An ``Engine`` takes the fresh articles of a run and yields exactly one result per article, in
input order: its ``Analysis``, or an ``InputProblem`` naming it when it could not be analysed.
It never raises for one article (only for a failure of its own: a lost cluster, a dead pool),
so the runner needs no guessing about which article failed. Three engines, one contract:

1. ``SerialEngine``  (``scale.serial``)     in this process: ``nlp.pipe`` and the stages.
2. ``ProcessEngine`` (``scale.workers``)    ``settings.n_process`` forked workers sharing one loaded model.
3. ``RayEngine``     (``scale.ray_engine``) Ray Data actors, results through Parquet shards.

``Settings`` chooses (``engine``, ``n_process``); only ``run.run_corpus`` calls an engine, so
``wirewatch analyze`` and ``serve --watch`` can use any of them. Engines load the models on
their first article, never for a run with nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.settings import Settings

if TYPE_CHECKING:  # the engines import the pipeline; this module is imported by the runner first
    from wirewatch.stages import Knowledge

# Told what an engine is doing before a long silent step ("loading model ..."), for a progress bar.
Announce = Callable[[str], None]


class Engine(Protocol):
    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        """One result per article of ``articles``, in order; never raises for one article."""
        ...


def engine_for(settings: Settings, announce: Announce | None = None, knowledge: Knowledge | None = None) -> Engine:
    """The engine ``settings`` asks for: Ray, worker processes, or this process. ``knowledge``:
    models this process has loaded already (a benchmark loads them before its clock starts);
    Ray's actors load their own."""
    if settings.engine == "ray":
        from wirewatch.scale.ray_engine import RayEngine

        return RayEngine(settings, announce)
    if settings.n_process > 1:
        from wirewatch.scale.workers import ProcessEngine

        return ProcessEngine(settings, announce, knowledge)
    from wirewatch.scale.serial import SerialEngine

    return SerialEngine(settings, announce, knowledge)
