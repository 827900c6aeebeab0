"""`wirewatch export`: files written, counts reported on stderr, bad choices named; the same
filter and defaults as `wirewatch events`; `--out -` writes to stdout."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from wirewatch.cli.app import app

runner = CliRunner()


def _events_json(db: Path, *options: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--limit", "0", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_all_as_parquet(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "parquet", "--what", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    # Asserted events only, as `wirewatch events` lists them; claims and articles whole.
    assert f"wrote 2 events to {out / 'events.parquet'}" in result.stderr
    con = duckdb.connect()
    counts = {
        name: con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / f"{name}.parquet")]).fetchone()[0]
        for name in ("events", "claims", "articles")
    }
    con.close()
    assert counts == {"events": 2, "claims": 2, "articles": 2}


def test_export_takes_the_events_filter_and_writes_stdout(filled_db: Path) -> None:
    for options in ([], ["--all-modalities"], ["--actor", "RUS", "--all-modalities"], ["--modality", "negated"],
                    ["--since", "2025"], ["--coding", "uncoded"]):
        result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "jsonl", "--out", "-", *options])
        assert result.exit_code == 0, result.output
        exported = [json.loads(line) for line in result.stdout.splitlines()]
        assert exported == _events_json(filled_db, *options), options
        assert f"wrote {len(exported)} events to stdout" in result.stderr
    assert not Path("-").exists()


def test_csv_to_stdout_has_a_modality_column(filled_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--out", "-", "--all-modalities"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["modality"] for r in rows) == ["asserted", "asserted", "hypothetical", "negated"]


def test_parquet_to_stdout_is_bytes(filled_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "parquet", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).num_rows == 2


def test_export_unknown_format(filled_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == "error: format 'xlsx' is not one of csv, parquet, jsonl, plover, gdelt\n"
