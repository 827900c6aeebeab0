"""`wirewatch analyze --engine ray`: the same stage functions on Ray Data, shards in Parquet.

The driver (the ``wirewatch analyze`` process) does what needs the store: reading inputs,
skipping stored articles, copy detection (``run.run_corpus`` as for the local engine). The
fresh articles go to Ray in windows of ``WINDOW`` articles; ``map_batches`` sends batches to
actors that each load the models once (``Knowledge.load``) and run ``stages.analyse_batch``,
exactly what a local worker runs. Each window's results are written as Parquet shards under
``<store>.shards/<run>/<window>/`` (one row per article: its id and its ``Analysis`` as JSON,
or the problem that stopped it), then read back through DuckDB (``read_parquet``) and written
to the store in the usual transactional batches (``store.shards`` holds that SQL), so every query, export and the HTTP API see
Ray's results like any others, and a killed run resumes like a local one.

Needs the optional extra: ``pip install 'wirewatch[ray]'``. ``RAY_ADDRESS`` (``settings.ray_address``)
selects an existing cluster; without it a local Ray instance is started. ``RayEngine`` is the engine
(``scale.engines``) that ``settings.engine == "ray"`` chooses.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from wirewatch.errors import WirewatchError
from wirewatch.records import ActorMention, Analysis, Article, Claim, Event, InputProblem, from_dict, to_dict
from wirewatch.scale.engines import Announce
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge, analyse_batch
from wirewatch.store.shards import read_shard_rows

WINDOW = 2000  # articles per Ray dataset: actors load the models once per window


class RayEngineError(WirewatchError):
    """Ray is not installed, or the cluster cannot be reached."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayEngineError(
            "the ray engine needs the optional extra: pip install 'wirewatch[ray]' (ray[data])"
        ) from exc
    return ray


class AnalysisActor:
    """A Ray actor holding the loaded models; called with batches of articles as JSON."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.knowledge = Knowledge.load(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        articles = [from_dict(Article, json.loads(item)) for item in batch["article"]]
        out: dict[str, list[Any]] = {"article_id": [], "analysis": [], "problem_source": [], "problem_reason": []}
        results = analyse_batch(articles, self.settings, self.knowledge)
        for article, result in zip(articles, results, strict=True):
            out["article_id"].append(article.article_id)
            if isinstance(result, InputProblem):
                out["analysis"].append(None)
                out["problem_source"].append(result.source)
                out["problem_reason"].append(result.reason)
            else:
                out["analysis"].append(json.dumps(result.to_dict(), ensure_ascii=False))
                out["problem_source"].append(None)
                out["problem_reason"].append(None)
        return out


def analysis_from_json(text: str) -> Analysis:
    data = json.loads(text)
    return Analysis(
        article=from_dict(Article, data["article"]),
        mentions=[from_dict(ActorMention, m) for m in data["mentions"]],
        events=[from_dict(Event, e) for e in data["events"]],
        claims=[from_dict(Claim, c) for c in data["claims"]],
    )


def shard_root(settings: Settings) -> Path:
    db = Path(settings.db_path)
    return db.with_name(db.name + ".shards")


def read_shards(folder: Path) -> dict[str, Analysis | InputProblem]:
    """Every result in the Parquet shards under ``folder``, by article id."""
    return {
        article_id: analysis_from_json(analysis) if analysis else InputProblem(source or article_id, reason or "")
        for article_id, analysis, source, reason in read_shard_rows(folder)
    }


class RayEngine:
    """The stages on Ray Data, in windows of ``WINDOW`` articles, results through Parquet shards."""

    def __init__(
        self, settings: Settings, announce: Announce | None = None,
        num_cpus: int | None = None, object_store_mb: int | None = None,
    ) -> None:
        self.settings = settings
        self.announce = announce
        self.num_cpus = num_cpus
        self.object_store_mb = object_store_mb
        self._ray = _import_ray()  # fail at once, before any input is read, when Ray is missing

    def _start(self) -> None:
        ray = self._ray
        if ray.is_initialized():
            return
        if self.announce is not None:
            self.announce("starting Ray")
        options: dict[str, Any] = {"include_dashboard": False, "ignore_reinit_error": True, "log_to_driver": False}
        if self.settings.ray_address:  # an existing cluster: its resources are its own
            options["address"] = self.settings.ray_address
        else:
            options["num_cpus"] = self.num_cpus
            if self.object_store_mb:
                options["object_store_memory"] = self.object_store_mb * 2**20
        ray.init(**options)

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        ray = self._ray
        settings = self.settings
        stream = iter(articles)
        run_dir = shard_root(settings) / time.strftime("run-%Y%m%dT%H%M%S")
        number = 0
        while window := list(islice(stream, WINDOW)):
            self._start()
            if self.announce is not None:
                self.announce("analysing")
            folder = run_dir / f"window-{number:05d}"
            dataset = ray.data.from_items([{"article": json.dumps(to_dict(a), ensure_ascii=False)} for a in window])
            dataset.map_batches(
                AnalysisActor,
                fn_constructor_kwargs={"settings": settings},
                batch_size=settings.batch_size,
                compute=ray.data.ActorPoolStrategy(size=settings.n_process),
            ).write_parquet(str(folder))
            results = read_shards(folder)
            for article in window:  # input order, as the runner expects
                found = results.get(article.article_id)
                yield found if found is not None else InputProblem(
                    article.source or article.article_id, "analysis failed: no result came back from Ray"
                )
            number += 1
