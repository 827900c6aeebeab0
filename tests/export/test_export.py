"""Exports: CSV, Parquet and JSON Lines with the public field names, readable back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from wirewatch.export import ExportError, export_store
from wirewatch.store import ARTICLE_FIELDS, CLAIM_FIELDS, EVENT_FIELDS, EventQuery, open_store


def _export(db: Path, what: str, fmt: str, out: Path, events: EventQuery | None = None):
    with open_store(db, read_only=True) as store:
        return export_store(store, what, fmt, out, events)


def test_csv_reads_back_with_lists_as_json(filled_db: Path, tmp_path: Path) -> None:
    (written,) = _export(filled_db, "claims", "csv", tmp_path / "claims.csv")
    with written.path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(CLAIM_FIELDS)
    assert written.rows == len(rows) == 2
    budanov = next(r for r in rows if r["speaker_name"] == "Kyrylo Budanov")
    assert json.loads(budanov["chain"]) == ["Kyrylo Budanov", "The War Zone", "Daily Mail", "Daily Star"]
    assert budanov["state_media"] == "false"
    assert budanov["speaker_code"] == "UKRGOV"


def test_events_export_is_asserted_by_default_and_every_modality_on_request(filled_db: Path, tmp_path: Path) -> None:
    (written,) = _export(filled_db, "events", "jsonl", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in written.path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["modality"] for r in records) == ["asserted", "asserted"]
    everything = EventQuery(include_all_modalities=True)
    (written,) = _export(filled_db, "events", "jsonl", tmp_path / "all.jsonl", everything)
    records = [json.loads(line) for line in written.path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["modality"] for r in records) == ["asserted", "asserted", "hypothetical", "negated"]
    assert all(list(r) == list(EVENT_FIELDS) for r in records)
    with open_store(filled_db, read_only=True) as store:
        assert records == store.events(everything)


def test_parquet_reads_back_in_duckdb_with_types_kept(filled_db: Path, tmp_path: Path) -> None:
    (written,) = _export(filled_db, "events", "parquet", tmp_path / "events.parquet")
    con = duckdb.connect()
    rows = con.execute(
        "SELECT plover_type, plover_contexts, goldstein, place_geonameid FROM read_parquet(?) ORDER BY plover_type",
        [str(written.path)],
    ).fetchall()
    columns = [d[0] for d in con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(written.path)]).description]
    con.close()
    assert columns == list(EVENT_FIELDS)
    assert rows[0] == ("aid", ["military"], 3.4, 3625428)
    assert rows[1][:3] == ("influence", ["misinformation"], 0.0)


def test_all_writes_one_file_per_table_into_a_folder(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump"
    written = _export(filled_db, "all", "csv", out)
    assert {w.path.name: w.rows for w in written} == {"events.csv": 2, "claims.csv": 2, "articles.csv": 2}
    with (out / "articles.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == list(ARTICLE_FIELDS)


def test_single_table_into_an_existing_folder(filled_db: Path, tmp_path: Path) -> None:
    (written,) = _export(filled_db, "articles", "jsonl", tmp_path)
    assert written.path == tmp_path / "articles.jsonl"


@pytest.mark.parametrize(
    ("what", "fmt", "message"),
    [("events", "xlsx", "format 'xlsx' is not one of csv, parquet, jsonl, plover, gdelt"),
     ("actors", "csv", "'actors' cannot be exported; choose one of events, claims, articles, threads, hops or all")],
)
def test_bad_choices_name_the_valid_ones(filled_db: Path, tmp_path: Path, what: str, fmt: str, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        _export(filled_db, what, fmt, tmp_path / "x")


def test_all_refuses_a_file_as_target(filled_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("")
    with pytest.raises(ExportError, match="must be a folder"):
        _export(filled_db, "all", "csv", target)


def test_unwritable_target_is_an_export_error(filled_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        _export(filled_db, "events", "csv", tmp_path / "missing" / "events.csv")
