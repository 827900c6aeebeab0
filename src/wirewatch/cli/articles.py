"""`wirewatch articles`: list stored articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import (
    DEFAULT_LIMIT, ArticleOption, DbOption, LimitOption, SinceOption, UntilOption, open_for_reading,
)
from wirewatch.cli.output import FormatOption, Listing, check_format, column, listing, render_rows
from wirewatch.store import ARTICLE_FIELDS, ArticleQuery

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
def articles_command(
    outlet: Annotated[Optional[str], typer.Option("--outlet", "--publisher", help="Words of the publisher.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: ArticleOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List stored articles, newest first (json and csv include the cleaned text)."""
    check_format(fmt)
    query = ArticleQuery(publisher=outlet, date_from=since, date_to=until, article_id=article, limit=limit)
    found = list_articles(db, query)
    render_rows(found.rows, ARTICLE_FIELDS, fmt, TABLE_COLUMNS, "articles", total=found.total)
