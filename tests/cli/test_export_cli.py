"""`wirewatch export`: files written, counts reported on stderr, bad choices named."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from wirewatch.cli.app import app

runner = CliRunner()


def test_export_all_as_parquet(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "parquet", "--what", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote 4 events to {out / 'events.parquet'}" in result.stderr
    con = duckdb.connect()
    counts = {
        name: con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / f"{name}.parquet")]).fetchone()[0]
        for name in ("events", "claims", "articles")
    }
    con.close()
    assert counts == {"events": 4, "claims": 2, "articles": 2}


def test_export_unknown_format(filled_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == "error: format 'xlsx' is not one of csv, parquet, jsonl, plover, gdelt\n"
