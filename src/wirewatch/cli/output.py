"""The one set of output options for every listing: `--format table|json|csv`, and its renderers.

Data is computed once (a list of dicts with the public field names) and only rendered
here: JSON is an array of those objects, CSV has them as columns, and the table shows a
readable subset. All values are shown as plain text, never as Rich markup: article
text and names come from the web.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wirewatch.errors import WirewatchError
from wirewatch.export.csv_file import cell_text, write_csv
from wirewatch.store import Store
from wirewatch.store.query import Query

FORMATS = ("table", "json", "csv")

FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: table, json or csv.")]


class OutputFormatError(WirewatchError):
    """An output format that does not exist."""


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    if fmt not in allowed:
        raise OutputFormatError(f"format {fmt!r} is not one of {', '.join(allowed)}")
    return fmt


def stdout_console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


# Article ids are 16 hex digits; 8 are plenty to tell articles apart on screen, and
# `--article` and `show` accept the prefix.
SHORT_ID = 8

Cell = Callable[[dict[str, Any]], Any]


def display_text(name: str, value: Any) -> str:
    """A value as one line of plain text for the table."""
    if name == "article_id" and isinstance(value, str):
        return value[:SHORT_ID]
    if isinstance(value, (list, tuple)):
        text = (" → " if name == "chain" else ", ").join(str(v) for v in value)
    else:
        text = cell_text(value)
    return " ".join(text.split())


def column(name: str, header: str | None = None) -> tuple[str, Cell]:
    """A table column showing one field."""
    return header or name, lambda row: display_text(name, row.get(name))


# The last column holds running text (evidence, content); a table is for scanning, so it is
# cut to this many characters. JSON, CSV and `wirewatch show` keep the whole text.
LAST_COLUMN_CHARS = 140


def shorten(text: str, limit: int = LAST_COLUMN_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def rows_table(rows: list[dict[str, Any]], columns: Sequence[tuple[str, Cell]], title: str | None = None) -> Table:
    """A table of ``columns`` (header, cell function): columns fold when narrow, the
    last (running text) wraps and is cut at ``LAST_COLUMN_CHARS``."""
    cells = [[str(cell(row)) for _, cell in columns[:-1]] + [shorten(str(columns[-1][1](row)))] for row in rows]
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for header, _ in columns[:-1]:
        table.add_column(header, overflow="fold")
    table.add_column(columns[-1][0], overflow="fold", ratio=1)
    for row in cells:
        table.add_row(*(Text(value) for value in row))
    return table


@dataclass(frozen=True, slots=True)
class Listing:
    """The rows a listing shows and how many match in all (``total`` > ``len(rows)`` when cut)."""

    rows: list[dict[str, Any]]
    total: int


def listing(store: Store, query: Query) -> Listing:
    """Rows of ``query`` and, only when ``limit`` may have cut them, the full count."""
    rows = store.fetch(query)
    cut = bool(query.limit) and len(rows) >= (query.limit or 0)
    return Listing(rows, store.count(query) if cut else len(rows))


def shown_note(shown: int, total: int | None, what: str) -> str | None:
    """"100 of 219 events shown", when a listing is cut; None when it shows everything."""
    if total is None or total <= shown:
        return None
    return f"{shown:,} of {total:,} {what} shown; --limit 0 for all"


def render_rows(
    rows: list[dict[str, Any]], fields: Sequence[str], fmt: str, table_columns: Sequence[tuple[str, Cell]], title: str,
    total: int | None = None,
) -> None:
    """Print ``rows`` in ``fmt`` on stdout. When ``total`` says the rows were cut, the table's
    title says "N of M shown"; JSON and CSV stay a plain array and table, and the same note goes
    to stderr (so a pipe still reads valid JSON or CSV, and a person still sees the cut)."""
    check_format(fmt)
    note = shown_note(len(rows), total, title)
    if fmt == "json":
        sys.stdout.write(to_json([{name: row.get(name) for name in fields} for row in rows]) + "\n")
    elif fmt == "csv":
        write_csv(rows, fields, sys.stdout)
    else:
        console = stdout_console()
        console.print(rows_table(rows, table_columns, title=f"{title}: {note}" if note else f"{title} ({len(rows)})"))
        return
    if note:
        print(f"note: {note}", file=sys.stderr)
