"""Event-only layouts: PLOVER JSON Lines and the GDELT 2.0-style TSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.export import ExportError, export_store
from wirewatch.export.event_dates import day_range
from wirewatch.export.gdelt_tsv import COLUMNS
from wirewatch.store import EventQuery, open_store


def _export(db: Path, what: str, fmt: str, out: Path):
    with open_store(db, read_only=True) as store:
        return export_store(store, what, fmt, out, EventQuery(include_all_modalities=True))


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        ("2024-05-03", None, ("2024-05-03", "2024-05-03")),
        ("2024-02", None, ("2024-02-01", "2024-02-29")),
        ("2023", None, ("2023-01-01", "2023-12-31")),
        ("2022/2025-03", None, ("2022-01-01", "2025-03-31")),
        (None, "2025-11-03T10:00:00", ("2025-11-03", "2025-11-03")),
        (None, None, (None, None)),
    ],
)
def test_day_range(date, published, expected) -> None:
    assert day_range(date, published) == expected


def test_plover_layout(filled_db: Path, tmp_path: Path, samples) -> None:
    (written,) = _export(filled_db, "events", "plover", tmp_path / "events.plover.jsonl")
    records = {r["event"][0]: r for r in map(json.loads, written.path.read_text(encoding="utf-8").splitlines())}
    assert sorted(records) == ["AID", "ASSAULT", "INFLUENCE", "PROTEST"]
    aid = records["AID"]
    assert aid["actor"] == [{"raw_text": "Russia", "code": "RUS", "country_name": "RUS", "sector_code": None}]
    assert aid["recipient"][0]["code"] == "VEN"
    assert (aid["date"], aid["enddate"]) == ("2025-11-01", "2025-11-30")  # month granularity
    assert aid["mode"] == ["military"] and aid["context"] == ["military"]
    assert aid["claimant"] == "Kyrylo Budanov" and aid["modality"] == "asserted"
    assert aid["cite_info"]["url"] == "https://www.dailystar.co.uk/news/x"
    assert aid["event_loc"]["geonameid"] == 3625428
    assert records["ASSAULT"]["date"] == "2025-11-03" and "enddate" not in records["ASSAULT"]  # from publication
    assert records["ASSAULT"]["modality"] == "hypothetical"
    assert records["INFLUENCE"]["context"] == ["misinformation"]


def test_gdelt_layout(filled_db: Path, tmp_path: Path) -> None:
    (written,) = _export(filled_db, "events", "gdelt", tmp_path / "events.tsv")
    rows = [line.split("\t") for line in written.path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 and all(len(r) == len(COLUMNS) == 61 for r in rows)
    by_code = {dict(zip(COLUMNS, r))["EventCode"]: dict(zip(COLUMNS, r)) for r in rows}
    attack = by_code["190"]
    assert (attack["SQLDATE"], attack["Actor1Code"], attack["Actor2Code"]) == ("20251103", "USA", "VEN")
    assert (attack["EventRootCode"], attack["QuadClass"], attack["GoldsteinScale"]) == ("19", "4", "-10.0")
    campaign = by_code["010"]
    assert campaign["ActionGeo_FullName"] == "Mexico City" and campaign["ActionGeo_Type"] == "4"
    assert campaign["Actor1Type1Code"] == "MED"
    assert campaign["SOURCEURL"] == "https://example.org/rt-billboards"


def test_event_layouts_refuse_other_tables(filled_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="'gdelt' holds events only"):
        _export(filled_db, "claims", "gdelt", tmp_path / "claims.tsv")
    written = _export(filled_db, "all", "plover", tmp_path / "dump")
    assert [w.path.name for w in written] == ["events.plover.jsonl"]
