"""`wirewatch articles`: list stored articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import ARTICLE_FIELDS, ArticleQuery
from wirewatch.store.filters import ARTICLE_FILTERS

TABLE_COLUMNS = (
    column("article_id", "article"),
    column("published_at", "published"),
    column("publisher"),
    column("source"),
    column("title"),
)


def list_articles(db: Path | None, query: ArticleQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


@user_errors
@with_filters(ARTICLE_FILTERS)
def articles_command(
    query: ArticleQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List stored articles, newest first (json and csv include the cleaned text)."""
    check_format(fmt)
    found = list_articles(db, replace(query, limit=limit))
    render_rows(found.rows, ARTICLE_FIELDS, fmt, TABLE_COLUMNS, "articles", total=found.total)
