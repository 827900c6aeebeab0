"""`wirewatch duplicates`: articles that were reprinted or reused, and which outlet published first.

One row per original with copies (table), or the full clusters with every member (json):
exact reprints (same text at another source), near-duplicates (similarity is the estimated
Jaccard similarity of their word 5-shingles) and partial reuse (share of the copy's text
found in the original).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import FormatOption, check_format, column, display_text, rows_table, stdout_console, to_json
from wirewatch.export.csv_file import write_csv
from wirewatch.store import COPIES_FIELDS, CopiesQuery
from wirewatch.store.filters import COPIES_FILTERS


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


def list_copies(db: Any, query: CopiesQuery) -> list[dict[str, Any]]:
    with open_for_reading(db) as store:
        return store.copies(query)


@user_errors
@with_filters(COPIES_FILTERS)
def duplicates_command(
    query: CopiesQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List reprinted and reused articles, grouped by original, with the outlet that published first."""
    check_format(fmt)
    clusters = list_copies(db, replace(query, limit=limit))
    if fmt == "json":
        sys.stdout.write(to_json(clusters) + "\n")
    elif fmt == "csv":
        write_csv(clusters, COPIES_FIELDS, sys.stdout)
    else:
        stdout_console().print(rows_table(clusters, TABLE_COLUMNS, title=f"copied articles ({len(clusters)})"))
