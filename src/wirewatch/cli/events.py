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
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List events (asserted ones unless --modality/--all-modalities), newest articles first."""
    check_format(fmt)
    query = EventQuery(
        actor=actor, country=country, event_type=event_type, modality=tuple(modality or ()),
        include_all_modalities=all_modalities, date_from=since, date_to=until, article_id=article,
        limit=limit,
    )
    render_rows(list_events(db, query), EVENT_FIELDS, fmt, TABLE_COLUMNS, "events")
