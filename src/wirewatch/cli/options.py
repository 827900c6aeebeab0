"""Options shared by every command that reads the store, and how they become settings and a store.

Filters are not here: they are generated from the store's filter tables (``cli.filters``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.settings import Settings, SettingsError
from wirewatch.store import Store, open_store

DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", envvar="WIREWATCH_DB", help="DuckDB store file [default: ./wirewatch.duckdb]"),
]
LimitOption = Annotated[int, typer.Option("--limit", help="At most this many rows; 0 for all.")]
DEFAULT_LIMIT = 100


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings.from_env(**overrides)
    except (ValueError, TypeError) as exc:
        raise SettingsError(str(exc)) from exc


def store_path(db: Path | None) -> Path:
    return db if db is not None else load_settings().db_path


def open_for_reading(db: Path | None) -> Store:
    """Read-only, so listings can run beside another reader (never beside a writer: DuckDB's rule)."""
    return open_store(store_path(db), read_only=True)
