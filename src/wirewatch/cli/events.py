"""`wirewatch events`: list stored events with filters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from wirewatch.actors.names import actor_name
from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import CLUSTER_FIELDS, EVENT_FIELDS, ClusterQuery, EventQuery
from wirewatch.store.filters import EVENT_FILTERS


def _side(code: Any, text: Any) -> str | None:
    # "RUSGOV (Russia, government)": the code for filtering, the name for reading.
    if code:
        name = actor_name(code)
        return f"{code} ({name})" if name else str(code)
    return str(text) if text else None


def who_did_what(row: dict[str, Any]) -> str:
    """Source, CAMEO code and PLOVER type, target: `RUS (Russia) -074 aid-> VEN (Venezuela)`;
    an event with neither actor is marked uncoded (shown only when asked for: --coding)."""
    source = _side(row.get("source_code"), row.get("source_text"))
    target = _side(row.get("target_code"), row.get("target_text"))
    if source is None and target is None:
        return f"uncoded: -{row.get('cameo_code')} {row.get('plover_type')}->"
    return f"{source or '?'} -{row.get('cameo_code')} {row.get('plover_type')}-> {target or '-'}"


TABLE_COLUMNS = (
    column("article_id", "article"),
    column("date"),
    ("event", who_did_what),
    column("modality"),
    # the model's probability that the event is right (events.confidence): how far to trust the row
    ("p right", lambda r: f"{r['confidence']:.2f}" if r.get("confidence") is not None else ""),
    column("place_name", "place"),
    column("evidence"),
)


CLUSTER_COLUMNS = (
    column("cluster_id", "cluster"),
    column("first_reported", "first report"),
    column("articles"),
    column("outlets"),
    column("modality"),
    column("certainty"),
    column("date"),
    column("place_name", "place"),
    ("event", lambda c: f"{c.get('source') or '?'} -{c.get('cameo_code')} {c.get('plover_type')}-> {c.get('target') or '-'}"),
)
def list_event_clusters(db: Path | None, query: ClusterQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


def list_events(db: Path | None, query: EventQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


@user_errors
@with_filters(EVENT_FILTERS)
def events_command(
    query: EventQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
    clustered: Annotated[bool, typer.Option("--clustered", help="One row per real event: reports of it across articles, clustered; a real event is listed when one of its reports passes the filters.")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="With --clustered: only events reported by at least this many articles.")] = 1,
) -> None:
    """List events: asserted ones with an actor, at least --min-confidence likely right, unless
    --modality/--all-modalities/--coding/--min-confidence say otherwise."""
    check_format(fmt)
    if clustered:
        # The event filters (and their safe defaults) pick reports; a real event is listed when one does.
        found = list_event_clusters(db, ClusterQuery(min_articles=min_articles, limit=limit, events=query))
        render_rows(found.rows, CLUSTER_FIELDS, fmt, CLUSTER_COLUMNS, "event clusters", total=found.total)
        return
    found = list_events(db, replace(query, limit=limit))
    render_rows(found.rows, EVENT_FIELDS, fmt, TABLE_COLUMNS, "events", total=found.total)
