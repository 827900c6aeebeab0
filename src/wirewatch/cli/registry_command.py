"""`wirewatch registry`: the state-affiliated media registry (import a CSV, list outlets).

``import`` reads a CSV in the State Media Matrix layout and writes a registry file (YAML) that
the pipeline reads when its path is listed in WIREWATCH_STATE_MEDIA; ``list`` shows the built-in
outlets plus those files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.output import FormatOption, check_format, column, render_rows
from wirewatch.media.matrix_import import import_matrix_csv
from wirewatch.media.registry import (
    ENV_FILES,
    load_registry,
    registry_files_from_env,
    write_registry_file,
)

registry_app = typer.Typer(
    help="The state-affiliated media registry: import a CSV, list outlets.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

OUTLET_FIELDS = ("name", "country", "ownership", "state_affiliated", "domains", "aliases", "parent")
TABLE_COLUMNS = (
    column("name"),
    column("country"),
    column("ownership"),
    column("state_affiliated", "flagged"),
    column("domains"),
)


def list_outlets(files: tuple[Path, ...], country: str | None = None, flagged_only: bool = False) -> list[dict[str, Any]]:
    rows = []
    for outlet in load_registry(files).outlets:
        if country and (outlet.country or "").upper() != country.upper():
            continue
        if flagged_only and not outlet.state_affiliated:
            continue
        rows.append({**outlet.to_dict(), "state_affiliated": outlet.state_affiliated})
    return rows


@registry_app.command("import")
@user_errors
def import_command(
    csv_path: Annotated[Path, typer.Argument(metavar="CSV", help="CSV in the State Media Matrix layout.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Registry file (YAML) to write.")] = Path("state_media.yaml"),
) -> None:
    """Import a state-media CSV into a registry file; list that file in WIREWATCH_STATE_MEDIA to use it."""
    result = import_matrix_csv(csv_path)
    written = write_registry_file(result.outlets, out)
    flagged = sum(o.state_affiliated for o in result.outlets)
    print(f"{written} outlets ({flagged} state-affiliated) from {result.rows} rows written to {out}")
    for problem in result.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    print(f"use it: export {ENV_FILES}={out.resolve()}")


@registry_app.command("list")
@user_errors
def list_command(
    registry_file: Annotated[Optional[list[Path]], typer.Option("--file", help="Extra registry file (repeatable); default: WIREWATCH_STATE_MEDIA.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="ISO3 country of the state behind the outlet.")] = None,
    flagged: Annotated[bool, typer.Option("--flagged", help="Only outlets flagged as state media.")] = False,
    fmt: FormatOption = "table",
) -> None:
    """List the registered outlets (built-in plus registry files)."""
    check_format(fmt)
    files = tuple(registry_file) if registry_file else registry_files_from_env()
    render_rows(list_outlets(files, country, flagged), OUTLET_FIELDS, fmt, TABLE_COLUMNS, "state-media outlets")
