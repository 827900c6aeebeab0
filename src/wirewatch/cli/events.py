"""`wirewatch events`: list stored events with filters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import (
    DEFAULT_LIMIT, ArticleOption, DbOption, LimitOption, SinceOption, UntilOption, open_for_reading,
)
from wirewatch.cli.output import FormatOption, check_format, column, render_rows
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


def list_events(db: Path | None, query: EventQuery) -> list[dict[str, Any]]:
    with open_for_reading(db) as store:
        return store.events(query)


@user_errors
def events_command(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Source or target: code prefix (RUS, VENMIL) or words.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="ISO3 country of source, target or place.")] = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type (e.g. protest) or CAMEO code/root prefix (e.g. 19).")] = None,
    modality: Annotated[Optional[list[str]], typer.Option("--modality", help="Include events of this modality (repeatable); default: asserted only.")] = None,
    all_modalities: Annotated[bool, typer.Option("--all-modalities", help="Include negated, hypothetical, future and hedged events.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    article: ArticleOption = None,
    attributed: Annotated[Optional[bool], typer.Option("--attributed/--publisher-voice", help="Only events inside someone's claim / only those the publisher asserts itself.")] = None,
    claimant: Annotated[Optional[str], typer.Option("--claimant", help="Who says so: words of the speaker's name or a speaker code prefix.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="An outlet in the claim's reporting chain, or the publisher (words).")] = None,
    state_media: Annotated[Optional[bool], typer.Option("--state-media/--no-state-media", help="Only events a state-affiliated outlet is source of, relays or publishes / only the others.")] = None,
    certainty: Annotated[Optional[list[str]], typer.Option("--certainty", help="low, medium or high (repeatable).")] = None,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
    clustered: Annotated[bool, typer.Option("--clustered", help="One row per real event: reports of it across articles, clustered (filters: --actor, --min-articles).")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="With --clustered: only events reported by at least this many articles.")] = 1,
) -> None:
    """List events (asserted ones unless --modality/--all-modalities), newest articles first."""
    check_format(fmt)
    if clustered:
        rows = list_event_clusters(db, actor, min_articles, limit)
        render_rows(rows, CLUSTER_FIELDS, fmt, CLUSTER_COLUMNS, "event clusters")
        return
    query = EventQuery(
        actor=actor, country=country, event_type=event_type, modality=tuple(modality or ()),
        include_all_modalities=all_modalities, date_from=since, date_to=until, article_id=article,
        attributed=attributed, claimant=claimant, outlet=outlet, state_media=state_media,
        certainty=tuple(certainty or ()), limit=limit,
    )
    render_rows(list_events(db, query), EVENT_FIELDS, fmt, TABLE_COLUMNS, "events")
