"""Reading the Ray engine's Parquet shards back, through DuckDB: the store is the one place that knows SQL."""

from __future__ import annotations

from pathlib import Path

import duckdb

# One row per article: its id, its Analysis as JSON (or None), and the problem that stopped it (or Nones).
ShardRow = tuple[str, str | None, str | None, str | None]


def read_shard_rows(folder: Path) -> list[ShardRow]:
    """Every row of the Parquet shards directly under ``folder``, on a connection of its own
    (the run's store may be open for writing in this process)."""
    con = duckdb.connect()
    try:
        rows = con.execute(
            "SELECT article_id, analysis, problem_source, problem_reason FROM read_parquet(?)",
            [str(folder / "*.parquet")],
        ).fetchall()
    finally:
        con.close()
    return [(r[0], r[1], r[2], r[3]) for r in rows]
