"""`wirewatch export`: write events, claims and articles to CSV, Parquet or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DbOption, open_for_reading
from wirewatch.export import FORMATS, ExportedFile, export_store


def run_export(db: Path | None, what: str, fmt: str, out: Path) -> list[ExportedFile]:
    with open_for_reading(db) as store:
        return export_store(store, what, fmt, out)


@user_errors
def export_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (a folder for --what all).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "csv",
    what: Annotated[str, typer.Option("--what", help="events, claims, articles or all.")] = "events",
    db: DbOption = None,
) -> None:
    """Export the store (events of every modality) with the public field names as columns."""
    for written in run_export(db, what, fmt, out):
        print(f"wrote {written.rows} {written.what} to {written.path}", file=sys.stderr)
