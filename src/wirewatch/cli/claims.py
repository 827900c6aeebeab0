"""`wirewatch claims`: list stored claims with filters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import CLAIM_FIELDS, ClaimQuery
from wirewatch.store.filters import CLAIM_FILTERS

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
@with_filters(CLAIM_FILTERS)
def claims_command(
    query: ClaimQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List claims: who says what, how surely, through which outlets."""
    check_format(fmt)
    found = list_claims(db, replace(query, limit=limit))
    render_rows(found.rows, CLAIM_FIELDS, fmt, TABLE_COLUMNS, "claims", total=found.total)
