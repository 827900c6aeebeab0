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

from wirewatch.api.article_view import article_record
from wirewatch.api.params import DEFAULT_PAGE, Format, Limit, Offset, blank_to_none, claim_filter, event_filter
from wirewatch.api.store_access import StoreAccess
from wirewatch.export.csv_file import write_csv
from wirewatch.store import ARTICLE_FIELDS, CLAIM_FIELDS, EVENT_FIELDS, ArticleQuery, ClaimQuery, EventQuery
from wirewatch.store.aggregates import (
    ActorsQuery, ClustersQuery, ClusterTableQuery, EventCountQuery, EventPageQuery, NetworkQuery, PlacesQuery,
    SeriesQuery,
)

router = APIRouter(prefix="/api")

CLUSTER_TABLE = "event_clusters"


def _access(request: Request) -> StoreAccess:
    return request.app.state.access


def json_response(data: Any, status: int = 200) -> Response:
    # json.dumps directly: FastAPI's generic encoder is several times slower on big pages.
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json")


def _page(request: Request, key: str, rows: list[dict[str, Any]], fields: tuple[str, ...], limit: int, offset: int, fmt: str) -> Response:
    """A page of ``rows`` (fetched with one extra row, to know whether there is a next page)."""
    more = len(rows) > limit
    rows = rows[:limit]
    if fmt == "csv":
        out = io.StringIO()
        write_csv(rows, fields, out)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{key}.csv"'})
    next_url = None
    if more:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        next_url = f"{request.url.path}?{urlencode([*params, ('offset', str(offset + limit))])}"
    return json_response({key: [{f: r.get(f) for f in fields} for r in rows], "limit": limit, "offset": offset, "next": next_url})


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
        return store.events(EventQuery(event_ids=tuple(ids), include_all_modalities=True)) if ids else []

    rows = _access(request).read(page)
    return _page(request, "events", rows, EVENT_FIELDS, limit, offset, format)


@router.get("/events/count", summary="How many events match the filter (with cooperation/conflict split)")
def events_count(request: Request, query: Annotated[EventQuery, Depends(event_filter)]) -> Response:
    (row,) = _access(request).read(lambda s: s.fetch(EventCountQuery(query)))
    return json_response(row)


@router.get("/claims", summary="Claims: who says so, how surely, through which outlets")
def claims(
    request: Request, query: Annotated[ClaimQuery, Depends(claim_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    rows = _access(request).read(lambda s: s.claims(_paged(query, limit, offset)))
    return _page(request, "claims", rows, CLAIM_FIELDS, limit, offset, format)


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request,
    publisher: Annotated[Optional[str], Query(description="Words of the publisher.")] = None,
    since: Annotated[Optional[str], Query(description="Published from this date.")] = None,
    until: Annotated[Optional[str], Query(description="Published up to this date.")] = None,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0, format: Format = "json",
) -> Response:
    query = ArticleQuery(publisher=blank_to_none(publisher), date_from=blank_to_none(since), date_to=blank_to_none(until))
    rows = _access(request).read(lambda s: s.articles(_paged(query, limit, offset)))
    return _page(request, "articles", rows, ARTICLE_FIELDS, limit, offset, format)


@router.get("/articles/{article_id}", summary="One article: text, events, claims and the spans to highlight")
def article(request: Request, article_id: Annotated[str, Path(pattern="^[0-9a-fA-F]{4,64}$")]) -> Response:
    analysis = _access(request).read(lambda s: s.analysis(article_id))
    return json_response(article_record(analysis))


@router.get("/series", summary="Events and Goldstein sums per day/week/month by PLOVER type, quad class or dyad")
def series(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    interval: Annotated[str, Query(description="day, week or month.")] = "day",
    by: Annotated[str, Query(description="none, plover_type, quad_class or dyad.")] = "plover_type",
    level: Annotated[str, Query(description="Dyad actors by country or by full code.")] = "country",
) -> Response:
    aggregate = SeriesQuery(query, interval=interval, by=by, level=level)
    rows = _access(request).read(lambda s: s.fetch(aggregate))
    return json_response({"interval": interval, "by": by, "series": rows})


@router.get("/network", summary="Actor-to-actor edges: event counts split into cooperation and conflict")
def network(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    level: Annotated[str, Query(description="country or code.")] = "country",
    limit: Annotated[int, Query(ge=1, le=1000)] = 150,
) -> Response:
    rows = _access(request).read(lambda s: s.fetch(NetworkQuery(query, level=level, limit=limit)))
    return json_response({"level": level, "edges": rows})


@router.get("/actors", summary="Actors with event counts and top partners")
def actors(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    level: Annotated[str, Query(description="country or code.")] = "code",
    partners: Annotated[int, Query(ge=1, le=50)] = 5,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> Response:
    aggregate = ActorsQuery(query, level=level, partners=partners, limit=limit, offset=offset)
    rows = _access(request).read(lambda s: s.fetch(aggregate))
    return json_response({"level": level, "actors": rows, "limit": limit, "offset": offset})


@router.get("/places", summary="Event places with coordinates and event counts (for the map)")
def places(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> Response:
    rows = _access(request).read(lambda s: s.fetch(PlacesQuery(query, limit=limit)))
    return json_response({"places": rows})


@router.get("/clusters", summary="Reports of the same real-world event, grouped by cluster")
def clusters(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> Response:
    access = _access(request)
    rows = access.read(lambda s: s.fetch(ClustersQuery(query, limit=limit, offset=offset)))
    # Stores from schema 2 on keep one row per cluster (event_clusters); when there, it rides along.
    columns = tuple(access.table_columns(CLUSTER_TABLE))
    if rows and "cluster_id" in columns:
        ids = tuple(r["cluster_id"] for r in rows)
        extra = {r["cluster_id"]: r for r in access.read(lambda s: s.fetch(ClusterTableQuery(ids, columns)))}
        for row in rows:
            row["cluster"] = extra.get(row["cluster_id"])
    return json_response({"clusters": rows, "clusters_table": "cluster_id" in columns, "limit": limit, "offset": offset})


@router.get("/summary", summary="Store totals, the matching event count and the folder watcher's state")
def summary(request: Request, query: Annotated[EventQuery, Depends(event_filter)]) -> Response:
    access = _access(request)
    totals = access.read(lambda s: s.counts())
    (matching,) = access.read(lambda s: s.fetch(EventCountQuery(query)))
    watcher = request.app.state.watcher
    return json_response({
        "store": str(access.path.name), "totals": totals, "matching": matching,
        "watch": watcher.status.to_json() if watcher is not None else None,
    })
