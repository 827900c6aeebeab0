"""Read-only aggregate queries for the HTTP API and the dashboard.

Each class here is a query object like those in ``store/query.py``: ``sql()`` returns
parameterised SQL and its parameters, and ``Store.fetch`` runs it. Every aggregate takes an
``EventQuery`` as its filter and reuses its ``where()``, so a chart and the event list behind
it always agree on which events they count. Only names written here (columns, interval
words from a fixed table) are spliced into the SQL text; user values travel as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.store.event_dates import (
    DATE_PRECISION,
    EVENT_DAY,
    SPAN_END,
    SPAN_START,
    precision_sql,
    span_end_sql,
    span_start_sql,
)
from wirewatch.store.query import EVENT_ORDER, EventQuery, QueryError

_FROM = "FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"

INTERVALS = ("day", "week", "month", "year")
SERIES_KEYS = ("none", "plover_type", "quad_class", "dyad")
LEVELS = ("country", "code")


def _actor(side: str, level: str) -> str:
    """The SQL for one side's actor at ``level``: its country (falling back to the full code) or its code."""
    if level not in LEVELS:
        raise QueryError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    if level == "country":
        return f"coalesce(e.{side}_country, e.{side}_code)"
    return f"e.{side}_code"


def _filtered(events: EventQuery, extra: list[str] = ()) -> tuple[str, list[Any]]:  # type: ignore[assignment]
    where, params = events.where()
    conditions = [*where, *extra]
    return (_FROM + (" WHERE " + " AND ".join(conditions) if conditions else "")), params


def _check_limit(name: str, value: int, most: int) -> None:
    if not 1 <= value <= most:
        raise QueryError(f"{name}={value} must be between 1 and {most}")


@dataclass(frozen=True, slots=True)
class EventPageQuery:
    """The ids of one page of ``events`` in listing order. Rows: ``event_id``.

    A page is found on the narrow columns the filter and the order need, then its rows are
    fetched by id (``EventQuery(event_ids=...)``): on a large store, sorting whole rows to keep
    fifty is what makes a page slow.
    """

    events: EventQuery

    def sql(self) -> tuple[str, list[Any]]:
        source, params = _filtered(self.events)
        sql = f"SELECT e.event_id {source} ORDER BY {EVENT_ORDER}"
        if self.events.limit:
            sql += " LIMIT ?"
            params.append(self.events.limit)
        if self.events.offset:
            sql += " OFFSET ?"
            params.append(self.events.offset)
        return sql, params


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    """Events dated to a day (their own, or their article's when they have none) and Goldstein
    sums per ``interval`` and per ``by`` key (PLOVER type, quad class, dyad ``SRC→TGT`` at
    ``level``, or one series). Rows: ``period, key, events, goldstein``. Events dated only to a
    month, a year or a range are not here but in ``SpanQuery``: they have no day to count on."""

    events: EventQuery = field(default_factory=EventQuery)
    interval: str = "day"
    by: str = "plover_type"
    level: str = "country"

    def sql(self) -> tuple[str, list[Any]]:
        if self.interval not in INTERVALS:
            raise QueryError(f"interval {self.interval!r} is not one of {', '.join(INTERVALS)}")
        if self.by not in SERIES_KEYS:
            raise QueryError(f"by {self.by!r} is not one of {', '.join(SERIES_KEYS)}")
        key = {
            "none": "'all'",
            "plover_type": "e.plover_type",
            "quad_class": "CAST(e.quad_class AS VARCHAR)",
            "dyad": (
                f"coalesce({_actor('source', self.level)}, '?') || '→' || coalesce({_actor('target', self.level)}, '?')"
            ),
        }[self.by]
        source, params = _filtered(self.events, [f"{EVENT_DAY} IS NOT NULL"])
        sql = (
            f"SELECT strftime(date_trunc('{self.interval}', {EVENT_DAY}), '%Y-%m-%d') AS period, {key} AS key,"
            f" count(*) AS events, round(sum(e.goldstein), 2) AS goldstein {source}"
            " GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return sql, params


@dataclass(frozen=True, slots=True)
class SpanQuery:
    """Events dated to a month, a year or a range, by the span they may have happened in.
    Rows: ``start, end, precision, events`` (days, ``end`` inclusive), earliest first."""

    events: EventQuery = field(default_factory=EventQuery)

    def sql(self) -> tuple[str, list[Any]]:
        source, params = _filtered(self.events, [f"{DATE_PRECISION} IN ('month', 'year', 'range')", f"{SPAN_START} IS NOT NULL", f"{SPAN_END} IS NOT NULL"])
        sql = (
            f"SELECT strftime({SPAN_START}, '%Y-%m-%d') AS start, strftime({SPAN_END}, '%Y-%m-%d') AS \"end\","
            f" {DATE_PRECISION} AS precision, count(*) AS events {source}"
            " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        )
        return sql, params


@dataclass(frozen=True, slots=True)
class NetworkQuery:
    """Directed actor-to-actor edges with event counts split into cooperation (quad classes 1-2)
    and conflict (3-4), strongest first. Rows: ``source, target, events, cooperation, conflict, goldstein``."""

    events: EventQuery = field(default_factory=EventQuery)
    level: str = "country"
    limit: int = 150

    def sql(self) -> tuple[str, list[Any]]:
        _check_limit("limit", self.limit, 1000)
        src, tgt = _actor("source", self.level), _actor("target", self.level)
        source, params = _filtered(self.events, [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}"])
        sql = (
            f"SELECT {src} AS source, {tgt} AS target, count(*) AS events,"
            " count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,"
            " count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,"
            f" round(sum(e.goldstein), 2) AS goldstein {source}"
            " GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"
        )
        return sql, [*params, self.limit]


@dataclass(frozen=True, slots=True)
class ActorsQuery:
    """Actors with how often they act and are acted on, their mean Goldstein score and their
    top partners. Rows: ``actor, events, as_source, as_target, goldstein_mean, partners``."""

    events: EventQuery = field(default_factory=EventQuery)
    level: str = "code"
    partners: int = 5
    limit: int = 100
    offset: int = 0

    def sql(self) -> tuple[str, list[Any]]:
        _check_limit("limit", self.limit, 1000)
        _check_limit("partners", self.partners, 50)
        if self.offset < 0:
            raise QueryError(f"offset={self.offset} must be 0 or more")
        src, tgt = _actor("source", self.level), _actor("target", self.level)
        source, params = _filtered(self.events)
        sql = (
            f"WITH f AS (SELECT {src} AS src, {tgt} AS tgt, e.goldstein AS goldstein {source}),"
            " sides AS (SELECT src AS actor, tgt AS partner, 1 AS as_source, goldstein FROM f WHERE src IS NOT NULL"
            " UNION ALL SELECT tgt, src, 0, goldstein FROM f WHERE tgt IS NOT NULL),"
            " totals AS (SELECT actor, count(*) AS events, sum(as_source) AS as_source,"
            " count(*) - sum(as_source) AS as_target, round(avg(goldstein), 2) AS goldstein_mean"
            " FROM sides GROUP BY actor),"
            " pairs AS (SELECT actor, partner, count(*) AS n FROM sides"
            " WHERE partner IS NOT NULL AND partner <> actor GROUP BY ALL),"
            " top AS (SELECT actor, list({'actor': partner, 'events': n} ORDER BY n DESC, partner) AS partners"
            " FROM pairs GROUP BY actor)"
            " SELECT t.actor, t.events, CAST(t.as_source AS BIGINT) AS as_source,"
            " CAST(t.as_target AS BIGINT) AS as_target, t.goldstein_mean,"
            " coalesce(top.partners[1:?], []) AS partners"
            " FROM totals t LEFT JOIN top ON top.actor = t.actor"
            " ORDER BY t.events DESC, t.actor LIMIT ? OFFSET ?"
        )
        return sql, [*params, self.partners, self.limit, self.offset]


@dataclass(frozen=True, slots=True)
class PlacesQuery:
    """Event places with coordinates, most events first.
    Rows: ``place_name, place_country, lat, lon, events, conflict, goldstein``."""

    events: EventQuery = field(default_factory=EventQuery)
    limit: int = 1000

    def sql(self) -> tuple[str, list[Any]]:
        _check_limit("limit", self.limit, 5000)
        source, params = _filtered(self.events, ["e.lat IS NOT NULL", "e.lon IS NOT NULL"])
        sql = (
            "SELECT e.place_name, e.place_country, round(e.lat, 3) AS lat, round(e.lon, 3) AS lon,"
            " count(*) AS events, count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,"
            f" round(sum(e.goldstein), 2) AS goldstein {source}"
            " GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT ?"
        )
        return sql, [*params, self.limit]


@dataclass(frozen=True, slots=True)
class EventCountQuery:
    """How many events match, in how many articles, how many attributed, cooperative and
    conflictual, how many are dated to a day (``day``: their own or their article's), to a
    month, year or range (``spanned``) or not at all (``undated``), and the first and last day
    they may have happened on. Rows: exactly one."""

    events: EventQuery = field(default_factory=EventQuery)

    def sql(self) -> tuple[str, list[Any]]:
        source, params = _filtered(self.events)
        # The date expressions run once per distinct (date, publication day), not once per event:
        # a store holds far fewer of those than events.
        sql = (
            "WITH f AS (SELECT e.article_id, e.claim_id, e.quad_class, e.date AS d,"
            f" substr(a.published_at, 1, 10) AS p {source}),"
            " dated AS (SELECT d, p, count(*) AS n FROM f GROUP BY ALL),"
            f" spans AS (SELECT n, {precision_sql('d', 'p')} AS precision, {span_start_sql('d', 'p')} AS first,"
            f" {span_end_sql('d', 'p')} AS last FROM dated),"
            " totals AS (SELECT count(*) AS events, count(DISTINCT article_id) AS articles,"
            " count(*) FILTER (WHERE claim_id IS NOT NULL) AS attributed,"
            " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
            " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict FROM f),"
            " by_date AS (SELECT coalesce(sum(n) FILTER (WHERE precision IN ('day', 'report')), 0) AS day,"
            " coalesce(sum(n) FILTER (WHERE precision IN ('month', 'year', 'range')), 0) AS spanned,"
            " coalesce(sum(n) FILTER (WHERE precision = 'undated'), 0) AS undated,"
            " strftime(min(first), '%Y-%m-%d') AS first_day, strftime(max(last), '%Y-%m-%d') AS last_day FROM spans)"
            " SELECT events, articles, attributed, cooperation, conflict, CAST(day AS BIGINT) AS day,"
            " CAST(spanned AS BIGINT) AS spanned, CAST(undated AS BIGINT) AS undated, first_day, last_day"
            " FROM totals, by_date"
        )
        return sql, params


@dataclass(frozen=True, slots=True)
class ClustersQuery:
    """Reports of the same real-world event grouped by ``cluster_id``, largest first.

    Works on any store: it needs only ``events.cluster_id``. Rows: ``cluster_id, events,
    articles, first_day, last_day, plover_type, source, target, evidence``.
    """

    events: EventQuery = field(default_factory=EventQuery)
    limit: int = 100
    offset: int = 0

    def sql(self) -> tuple[str, list[Any]]:
        _check_limit("limit", self.limit, 1000)
        if self.offset < 0:
            raise QueryError(f"offset={self.offset} must be 0 or more")
        source, params = _filtered(self.events, ["e.cluster_id IS NOT NULL"])
        sql = (
            "SELECT e.cluster_id, count(*) AS events, count(DISTINCT e.article_id) AS articles,"
            f" strftime(min({EVENT_DAY}), '%Y-%m-%d') AS first_day, strftime(max({EVENT_DAY}), '%Y-%m-%d') AS last_day,"
            f" mode(e.plover_type) AS plover_type, mode({_actor('source', 'code')}) AS source,"
            f" mode({_actor('target', 'code')}) AS target, min(e.evidence) AS evidence {source}"
            " GROUP BY e.cluster_id ORDER BY events DESC, e.cluster_id LIMIT ? OFFSET ?"
        )
        return sql, [*params, self.limit, self.offset]
