"""`wirewatch events`: list stored events with filters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from wirewatch.cli.event_filter import with_event_filter
from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import EVENT_FIELDS, EventQuery


def who_did_what(row: dict[str, Any]) -> str:
    """Source, CAMEO code and PLOVER type, target: `RUS -074 aid-> VEN`."""
    source = row.get("source_code") or row.get("source_text") or "?"
    target = row.get("target_code") or row.get("target_text") or "-"
    return f"{source} -{row.get('cameo_code')} {row.get('plover_type')}-> {target}"


TABLE_COLUMNS = (
    column("article_id", "article"),
    column("date"),
    ("event", who_did_what),
    column("modality"),
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
CLUSTER_FIELDS = (
    "cluster_id", "first_event_id", "first_article_id", "first_reported", "events", "articles", "outlets",
    "source", "target", "cameo_code", "plover_type", "date", "place_name", "place_country", "modality", "certainty",
)


def list_event_clusters(db: Path | None, actor: str | None, min_articles: int, limit: int) -> list[dict[str, Any]]:
    with open_for_reading(db) as store:
        return store.event_clusters(actor=actor, min_articles=min_articles, limit=limit or None)


def list_events(db: Path | None, query: EventQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


@user_errors
@with_event_filter
def events_command(
    query: EventQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
    clustered: Annotated[bool, typer.Option("--clustered", help="One row per real event: reports of it across articles, clustered (filters: --actor, --min-articles).")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="With --clustered: only events reported by at least this many articles.")] = 1,
) -> None:
    """List events: asserted ones with an actor unless --modality/--all-modalities/--coding say otherwise."""
    check_format(fmt)
    if clustered:
        rows = list_event_clusters(db, query.actor, min_articles, limit)
        render_rows(rows, CLUSTER_FIELDS, fmt, CLUSTER_COLUMNS, "event clusters")
        return
    found = list_events(db, replace(query, limit=limit))
    render_rows(found.rows, EVENT_FIELDS, fmt, TABLE_COLUMNS, "events", total=found.total)
