"""Event clusters (one row per real event, from the ``event_clusters`` table) as a query object:
the rows of `wirewatch events --clustered` and the stored record riding along each row of
``GET /api/clusters``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirewatch.store.clusters import CLUSTER_FIELDS
from wirewatch.store.query import EventQuery, _check_paging, _paging, actor_condition


@dataclass(frozen=True, slots=True)
class ClusterQuery:
    """Clusters, most reported first. ``actor`` matches a source or target code prefix or words
    (as ``EventQuery.actor`` does); ``min_articles`` keeps clusters reported by at least that
    many articles; ``cluster_ids`` exactly these clusters; ``events``, when given, keeps the
    clusters with at least one report it picks (``EventQuery()``: asserted, with an actor, at the
    confidence floor, as every listing of events shows by default)."""

    actor: str | None = None
    min_articles: int = 1
    cluster_ids: tuple[str, ...] = ()
    limit: int | None = None
    offset: int = 0
    events: EventQuery | None = None

    fields = CLUSTER_FIELDS

    def sql(self) -> tuple[str, list[Any]]:
        _check_paging(self.limit, self.offset)
        where = ["articles >= ?"]
        params: list[Any] = [self.min_articles]
        if self.actor:
            where.append(actor_condition(("source", "target"), ("source", "target")))
            params += [self.actor] * 4
        if self.cluster_ids:
            where.append("list_contains(?, cluster_id)")
            params.append(list(self.cluster_ids))
        if self.events is not None:
            picked, picked_params = self.events.where()
            reports = "SELECT e.cluster_id FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
            where.append(f"cluster_id IN ({reports} WHERE {' AND '.join(['e.cluster_id IS NOT NULL', *picked])})")
            params += picked_params
        sql = (
            f"SELECT {', '.join(self.fields)} FROM event_clusters WHERE {' AND '.join(where)}"
            " ORDER BY articles DESC, outlets DESC, first_reported NULLS LAST, cluster_id"
        )
        return _paging(sql, self.limit, self.offset, params), params
