"""`wirewatch claims`: list stored claims with filters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import (
    DEFAULT_LIMIT, ArticleOption, DbOption, LimitOption, SinceOption, UntilOption, open_for_reading,
)
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import CLAIM_FIELDS, ClaimQuery

TABLE_COLUMNS = (
    column("article_id", "article"),
    column("kind"),
    column("cue"),
    column("certainty"),
    column("chain", "speaker → outlets"),
    column("content"),
)


def list_claims(db: Path | None, query: ClaimQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


@user_errors
def claims_command(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Words of the speaker's text or name, or a code prefix.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="direct, indirect, mixed, according_to or unattributed.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="An outlet in the reporting chain, or the publisher.")] = None,
    state_media: Annotated[Optional[bool], typer.Option("--state-media/--no-state-media", help="Only claims a state-affiliated outlet speaks, relays or publishes / only the others.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: ArticleOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List claims: who says what, how surely, through which outlets."""
    check_format(fmt)
    query = ClaimQuery(
        speaker=speaker, kind=kind, outlet=outlet, date_from=since, date_to=until, article_id=article, limit=limit,
        state_media=state_media,
    )
    found = list_claims(db, query)
    render_rows(found.rows, CLAIM_FIELDS, fmt, TABLE_COLUMNS, "claims", total=found.total)
