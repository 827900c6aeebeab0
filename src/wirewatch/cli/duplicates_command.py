"""`wirewatch duplicates`: articles that were reprinted or reused, and which outlet published first.

One row per original with copies (table), or the full clusters with every member (json):
exact reprints (same text at another source), near-duplicates (similarity is the estimated
Jaccard similarity of their word 5-shingles) and partial reuse (share of the copy's text
found in the original).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, check_format, column, display_text, rows_table, stdout_console, to_json
from wirewatch.export.csv_file import write_csv

CLUSTER_FIELDS = (
    "original_id", "articles", "exact", "duplicates", "partial", "outlets", "first_article_id",
    "first_publisher", "first_published_at", "title",
)


def _copies(cluster: dict[str, Any]) -> str:
    parts = []
    for member in cluster["members"]:
        if member["kind"] == "original":
            continue
        who = member.get("publisher") or member.get("source") or member["article_id"][:8]
        if member["kind"] == "partial":
            parts.append(f"{who} (reuses {member['reuse_share']:.0%})")
        elif member["kind"] == "duplicate":
            parts.append(f"{who} (near-duplicate, similarity {member['similarity']:.2f})")
        else:
            parts.append(f"{who} (exact)")
    return "; ".join(parts)


TABLE_COLUMNS = (
    column("original_id", "original"),
    column("articles"),
    column("outlets"),
    ("first", lambda c: display_text("first", f"{c.get('first_publisher') or c['first_article_id'][:8]} {c.get('first_published_at') or ''}")),
    ("copies", _copies),
)


def duplicate_clusters(db: Any, include_partial: bool = True) -> list[dict[str, Any]]:
    with open_for_reading(db) as store:
        clusters = store.duplicate_clusters()
    if not include_partial:
        clusters = [c for c in clusters if c["exact"] or c["duplicates"]]
    return clusters


@user_errors
def duplicates_command(
    partial: Annotated[bool, typer.Option("--partial/--no-partial", help="Include partial reuse (wire copy inside a longer story).")] = True,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List reprinted and reused articles, grouped by original, with the outlet that published first."""
    check_format(fmt)
    clusters = duplicate_clusters(db, include_partial=partial)
    if limit:
        clusters = clusters[:limit]
    if fmt == "json":
        sys.stdout.write(to_json(clusters) + "\n")
    elif fmt == "csv":
        write_csv(clusters, CLUSTER_FIELDS, sys.stdout)
    else:
        stdout_console().print(rows_table(clusters, TABLE_COLUMNS, title=f"copied articles ({len(clusters)})"))
