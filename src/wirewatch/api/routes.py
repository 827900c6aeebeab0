"""The JSON (and CSV) routes under ``/api``. Each one builds a query object, runs it through
the server's store under the time limit, and renders the rows: the same query objects the
CLI and the Python API use, so the same filter gives the same rows everywhere."""

from __future__ import annotations

import io
import json
from typing import Annotated, Any, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from wirewatch.actors.names import actor_name, find_codes
from wirewatch.api.params import (
    DEFAULT_PAGE,
    Format,
    Limit,
    Offset,
    article_filter,
    blank_to_none,
    claim_filter,
    copies_filter,
    event_filter,
    thread_filter,
)
from wirewatch.api.store_access import StoreAccess
from wirewatch.export.csv_file import write_csv
from wirewatch.store import (
    ARTICLE_FIELDS,
    CLAIM_FIELDS,
    COPIES_FIELDS,
    EVENT_FIELDS,
    ArticleQuery,
    ClaimQuery,
    ClusterQuery,
    CopiesQuery,
    EventQuery,
    QueryError,
)
from wirewatch.store.aggregates import (
    ActorsQuery,
    ClustersQuery,
    EventCountQuery,
    EventPageQuery,
    NetworkQuery,
    PlacesQuery,
    SeriesQuery,
    SpanQuery,
)
from wirewatch.store.article_view import article_record
from wirewatch.store.thread_query import HOP_FIELDS, THREAD_FIELDS, HopQuery, ThreadQuery, thread_record

router = APIRouter(prefix="/api")

def _access(request: Request) -> StoreAccess:
    return request.app.state.access


def json_response(data: Any, status: int = 200) -> Response:
    # json.dumps directly: FastAPI's generic encoder is several times slower on big pages.
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json")


def _names(codes: set[str]) -> dict[str, str]:
    return {c: n for c in sorted(codes) if (n := actor_name(c))}


def _page(request: Request, key: str, rows: list[dict[str, Any]], fields: tuple[str, ...], limit: int, offset: int, fmt: str,
          total: int | None = None, names: dict[str, str] | None = None, csv_fields: tuple[str, ...] | None = None) -> Response:
    """A page of ``rows`` (fetched with one extra row, to know whether there is a next page);
    ``total``, when given, is how many rows match in all (the page shows N of them);
    ``csv_fields`` the columns of the CSV when they are fewer than ``fields`` (no nested lists)."""
    more = len(rows) > limit
    rows = rows[:limit]
    if fmt == "csv":
        out = io.StringIO()
        write_csv(rows, csv_fields or fields, out)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{key}.csv"'})
    next_url = None
    if more:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        next_url = f"{request.url.path}?{urlencode([*params, ('offset', str(offset + limit))])}"
    envelope = {key: [{f: r.get(f) for f in fields} for r in rows], "limit": limit, "offset": offset, "next": next_url}
    if total is not None:
        envelope["total"] = total
    if names is not None:
        envelope["names"] = names
    return json_response(envelope)


def _csv(key: str, rows: list[dict[str, Any]]) -> Response:
    out = io.StringIO()
    fields = list(rows[0]) if rows else []
    write_csv(rows, fields, out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{key}.csv"'})


def _table(key: str, rows: list[dict[str, Any]], fmt: str, envelope: dict[str, Any]) -> Response:
    """An aggregate's rows: as ``{**envelope, key: rows}`` in JSON, or as CSV (one row per row,
    nested lists as JSON arrays) when ``format=csv``."""
    if fmt == "csv":
        return _csv(key, rows)
    return json_response({**envelope, key: rows})


def _json_only(route: str, fmt: str) -> None:
    if fmt != "json":
        raise QueryError(f"format={fmt!r} is not offered by {route}: it answers one JSON object; "
                         "format=csv is offered by the list and chart routes")


def _paged(query: Any, limit: int, offset: int) -> Any:
    from dataclasses import replace

    return replace(query, limit=limit + 1, offset=offset)


@router.get("/events", summary="Events matching the filter, newest articles first")
def events(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    def page(store):
        ids = [r["event_id"] for r in store.fetch(EventPageQuery(_paged(query, limit, offset)))]
        return store.events(EventQuery.every(event_ids=tuple(ids))) if ids else []

    rows = _access(request).read(page)
    if format == "json":
        # Names for the page's codes ride beside the rows (the rows keep the public Event fields).
        codes = {r.get(side) for r in rows for side in ("source_code", "target_code")} - {None}
        return _page(request, "events", rows, EVENT_FIELDS, limit, offset, format, names=_names(codes))
    return _page(request, "events", rows, EVENT_FIELDS, limit, offset, format)


@router.get("/events/count", summary="How many events match the filter (with cooperation/conflict split)")
def events_count(request: Request, query: Annotated[EventQuery, Depends(event_filter)], format: Format = "json") -> Response:
    _json_only("/api/events/count", format)
    (row,) = _access(request).read(lambda s: s.fetch(EventCountQuery(query)))
    return json_response(row)


@router.get("/claims", summary="Claims: who says so, how surely, through which outlets")
def claims(
    request: Request, query: Annotated[ClaimQuery, Depends(claim_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    rows, total = _access(request).read(lambda s: (s.claims(_paged(query, limit, offset)), s.count(query)))
    return _page(request, "claims", rows, CLAIM_FIELDS, limit, offset, format, total)


@router.get("/threads", summary="Claim threads: one statement followed across the outlets that carried it")
def threads(
    request: Request, query: Annotated[ThreadQuery, Depends(thread_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    rows, total = _access(request).read(lambda s: (s.fetch(_paged(query, limit, offset)), s.count(query)))
    return _page(request, "threads", rows, THREAD_FIELDS, limit, offset, format, total)


@router.get("/hops", summary="Hops of claim threads: every thread's, or one article's (which thread each claim is in)")
def hops(
    request: Request,
    article: Annotated[Optional[str], Query(description="Hops in this article (id prefix).")] = None,
    min_articles: Annotated[int, Query(ge=1, description="Of threads carried by at least this many articles.")] = 1,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    query = HopQuery(article_id=blank_to_none(article), min_articles=min_articles)
    rows, total = _access(request).read(lambda s: (s.fetch(_paged(query, limit, offset)), s.count(query)))
    return _page(request, "hops", rows, HOP_FIELDS, limit, offset, format, total)


@router.get("/threads/{thread_id}", summary="One claim thread: its origin and every hop in order, with drift")
def thread(request: Request, thread_id: Annotated[str, Path(pattern="^[0-9a-fA-F]{4,64}$")], format: Format = "json") -> Response:
    record = _access(request).read(lambda s: thread_record(s.fetch, thread_id))
    if format == "csv":
        out = io.StringIO()
        write_csv(record["hops"], HOP_FIELDS, out)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="hops.csv"'})
    return json_response(record)


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request, query: Annotated[ArticleQuery, Depends(article_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    rows, total = _access(request).read(lambda s: (s.articles(_paged(query, limit, offset)), s.count(query)))
    return _page(request, "articles", rows, ARTICLE_FIELDS, limit, offset, format, total)


@router.get("/articles/{article_id}", summary="One article: text, events, claims and the spans to highlight")
def article(request: Request, article_id: Annotated[str, Path(pattern="^[0-9a-fA-F]{4,64}$")], format: Format = "json") -> Response:
    _json_only("/api/articles/{id}", format)
    return json_response(_access(request).read(lambda s: article_record(s.analysis(article_id))))


@router.get("/duplicates", summary="Copied articles: reprints and reuse grouped by original, and who published first")
def duplicates(
    request: Request, query: Annotated[CopiesQuery, Depends(copies_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    rows = _access(request).read(lambda s: s.copies(_paged(query, limit, offset)))
    return _page(request, "duplicates", rows, (*COPIES_FIELDS, "members"), limit, offset, format, csv_fields=COPIES_FIELDS)


@router.get("/series", summary="Events dated to a day: counts and Goldstein sums per day/week/month/year by PLOVER type, quad class or dyad")
def series(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    interval: Annotated[str, Query(description="day, week, month or year.")] = "day",
    by: Annotated[str, Query(description="none, plover_type, quad_class or dyad.")] = "plover_type",
    level: Annotated[str, Query(description="Dyad actors by country or by full code.")] = "country",
    format: Format = "json",
) -> Response:
    aggregate = SeriesQuery(query, interval=interval, by=by, level=level)
    rows = _access(request).read(lambda s: s.fetch(aggregate))
    return _table("series", rows, format, {"interval": interval, "by": by})


@router.get("/spans", summary="Events dated to a month, a year or a range, by the span they may have happened in")
def spans(request: Request, query: Annotated[EventQuery, Depends(event_filter)], format: Format = "json") -> Response:
    rows = _access(request).read(lambda s: s.fetch(SpanQuery(query)))
    return _table("spans", rows, format, {})


@router.get("/network", summary="Actor-to-actor edges: event counts split into cooperation and conflict")
def network(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    level: Annotated[str, Query(description="country or code.")] = "country",
    limit: Annotated[int, Query(ge=1, le=1000)] = 150,
    format: Format = "json",
) -> Response:
    rows = _access(request).read(lambda s: s.fetch(NetworkQuery(query, level=level, limit=limit)))
    for row in rows:
        row["source_name"], row["target_name"] = actor_name(row["source"]), actor_name(row["target"])
    return _table("edges", rows, format, {"level": level})


@router.get("/actors", summary="Actors with event counts and top partners")
def actors(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    level: Annotated[str, Query(description="country or code.")] = "code",
    partners: Annotated[int, Query(ge=1, le=50)] = 5,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    aggregate = ActorsQuery(query, level=level, partners=partners, limit=limit, offset=offset)
    rows = [{"actor": r["actor"], "name": actor_name(r["actor"]), **r} for r in _access(request).read(lambda s: s.fetch(aggregate))]
    return _table("actors", rows, format, {"level": level, "limit": limit, "offset": offset})


@router.get("/actors/search", summary="Actor codes for words: names, adjectives, seats of power, people, organisations")
def actor_search(
    q: Annotated[str, Query(min_length=2, max_length=100, description="Words: Russia, Putin, the Kremlin, NATO.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    format: Format = "json",
) -> Response:
    return _table("codes", [m.to_json() for m in find_codes(q, limit=limit)], format, {"q": q})


@router.get("/places", summary="Event places with coordinates and event counts (for the map)")
def places(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    format: Format = "json",
) -> Response:
    rows = _access(request).read(lambda s: s.fetch(PlacesQuery(query, limit=limit)))
    return _table("places", rows, format, {})


@router.get("/clusters", summary="Reports of the same real-world event, grouped by cluster")
def clusters(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    access = _access(request)
    rows = access.read(lambda s: s.fetch(ClustersQuery(query, limit=limit, offset=offset)))
    if rows:  # each cluster's stored record (every migrated store has the table) rides along
        ids = tuple(r["cluster_id"] for r in rows)
        stored = {r["cluster_id"]: r for r in access.read(lambda s: s.fetch(ClusterQuery(min_articles=0, cluster_ids=ids)))}
        for row in rows:
            row["cluster"] = stored.get(row["cluster_id"])
    # clusters_table: always true now; kept so that clients written for older stores still read it.
    return _table("clusters", rows, format, {"clusters_table": True, "limit": limit, "offset": offset})


@router.get("/summary", summary="Store totals, the matching event count and the folder watcher's state")
def summary(request: Request, query: Annotated[EventQuery, Depends(event_filter)], format: Format = "json") -> Response:
    _json_only("/api/summary", format)
    access = _access(request)
    totals = access.read(lambda s: s.counts())
    (matching,) = access.read(lambda s: s.fetch(EventCountQuery(query)))
    watcher = request.app.state.watcher
    return json_response({
        "store": str(access.path.name), "totals": totals, "matching": matching,
        "watch": watcher.status.to_json() if watcher is not None else None,
    })
