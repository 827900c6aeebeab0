"""`wirewatch export`: write events, claims and articles to CSV, Parquet, JSON Lines, PLOVER
JSON Lines or a GDELT-style TSV, with the same event filter (and the same defaults) as
`wirewatch events`; `--out -` writes to stdout."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.filters import with_filters
from wirewatch.cli.options import DbOption, open_for_reading
from wirewatch.export import FORMATS, ExportedFile, export_store, export_to_stream
from wirewatch.store import EventQuery
from wirewatch.store.filters import EVENT_FILTERS

STDOUT = "-"


def run_export(db: Path | None, what: str, fmt: str, out: Path | str, query: EventQuery | None = None) -> list[ExportedFile]:
    with open_for_reading(db) as store:
        if str(out) == STDOUT:
            # Parquet is bytes; the text formats go through stdout's own encoding layer.
            return [export_to_stream(store, what, fmt, sys.stdout, sys.stdout.buffer, query)]
        return export_store(store, what, fmt, Path(out), query)


@user_errors
@with_filters(EVENT_FILTERS)
def export_command(
    query: EventQuery,
    out: Annotated[str, typer.Option("--out", "-o", help="File to write (a folder for --what all), or - for stdout.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "csv",
    what: Annotated[str, typer.Option("--what", help="events, claims, articles, threads, hops or all (events, claims and articles).")] = "events",
    db: DbOption = None,
) -> None:
    """Export with the public field names as columns. Events: the same filter and defaults as
    `wirewatch events` (asserted, with an actor, confidence at least 0.2; --all-modalities,
    --coding all and --min-confidence 0 for every one), every layout with a modality column;
    claims and articles: all of them."""
    for written in run_export(db, what, fmt, out, query):
        print(f"wrote {written.rows} {written.what} to {written.path}", file=sys.stderr)
