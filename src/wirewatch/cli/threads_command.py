"""`wirewatch threads` (list claim threads) and `wirewatch thread ID` (one thread, hop by hop)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DEFAULT_LIMIT, DbOption, LimitOption, open_for_reading
from wirewatch.cli.output import (
    FormatOption,
    Listing,
    check_format,
    column,
    display_text,
    listing,
    render_rows,
    rows_table,
    stdout_console,
    to_json,
)
from wirewatch.export.csv_file import write_csv
from wirewatch.store import HOP_FIELDS, THREAD_FIELDS, ThreadQuery
from wirewatch.store.filters import THREAD_FILTERS
from wirewatch.store.thread_query import thread_record

TABLE_COLUMNS = (
    column("thread_id", "thread"),
    column("first_seen", "first seen"),
    column("articles"),
    column("state_hops", "state"),
    column("laundered_hops", "laundered"),
    column("drift"),
    column("chain", "speaker → outlets"),
    column("content"),
)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _state(row: dict[str, Any]) -> str:
    return "STATE" if row.get("state_media") else ""


def _attribution(row: dict[str, Any]) -> str:
    if row.get("laundering"):
        return "DROPPED (laundering)"
    return "cites " + ", ".join(row.get("credits") or []) if row.get("credits") else str(row.get("attribution") or "")


def _numbers(row: dict[str, Any]) -> str:
    if "number changed" not in (row.get("drift") or []):
        return ""
    return f"{', '.join(row.get('numbers_before') or []) or '-'} → {', '.join(row.get('numbers_after') or []) or '-'}"


HOP_COLUMNS = (
    column("position", "#"),
    column("published_at", "published"),
    column("publisher"),
    ("state", _state),
    column("speaker_name", "speaker"),
    ("attribution", _attribution),
    column("drift"),
    ("numbers", _numbers),
    column("text"),
)


def list_threads(db: Path | None, query: ThreadQuery) -> Listing:
    with open_for_reading(db) as store:
        return listing(store, query)


def show_thread(db: Path | None, thread_id: str) -> dict[str, Any]:
    with open_for_reading(db) as store:
        return thread_record(store.fetch, thread_id)


@user_errors
@with_filters(THREAD_FILTERS)
def threads_command(
    query: ThreadQuery,
    limit: LimitOption = DEFAULT_LIMIT,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List claim threads: one statement followed across the outlets that carried it."""
    check_format(fmt)
    found = list_threads(db, replace(query, limit=limit))
    render_rows(found.rows, THREAD_FIELDS, fmt, TABLE_COLUMNS, "threads", total=found.total)


@user_errors
def thread_command(
    thread_id: Annotated[str, typer.Argument(help="Thread id (or a prefix of one).", metavar="ID")],
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Show one claim thread: its origin and every hop in order, drift and state hops marked."""
    check_format(fmt)
    record = show_thread(db, thread_id)
    if fmt == "json":
        sys.stdout.write(to_json(record) + "\n")
        return
    if fmt == "csv":
        write_csv(record["hops"], HOP_FIELDS, sys.stdout)
        return
    thread = record["thread"]
    console: Console = stdout_console()
    console.print(Text(f"thread {thread['thread_id']}: {display_text('chain', thread['chain'])}"))
    console.print(Text(f"origin: {thread['origin_publisher'] or '?'} ({thread['origin_published_at'] or 'undated'}), "
                       f"first outlet {thread['first_outlet'] or '?'}; {_count(thread['articles'], 'article')}, "
                       f"{thread['state_hops']} state-affiliated, {thread['laundered_hops']} laundered"))
    console.print(rows_table(record["hops"], HOP_COLUMNS, title=f"hops ({len(record['hops'])})"))
