"""The README's seed section is a real run: its two commands are run here on the seed, and every
row of its table is checked against the events they store (source, CAMEO code, target, modality),
so the table cannot drift from what wirewatch does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from shared_paths import REPO
from typer.testing import CliRunner

from wirewatch.cli.app import app

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## The seed article", 1)[1].split("\n## ", 1)[0]
MODALITIES = ("asserted", "negated", "hypothetical", "future", "hedged")


def table_rows() -> list[dict[str, object]]:
    rows = []
    for line in SECTION.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("who", "---"):
            continue
        who, _, whom, codes, held = cells
        rows.append({
            "sources": re.findall(r"`([A-Z]{3,})`", who),
            "targets": re.findall(r"`([A-Z]{3,})`", whom),
            "cameo": re.findall(r"`(\d{2,4})`", codes)[0],
            "plover": re.findall(r"/ ([A-Z]{3,})", codes)[0],
            "modality": min((m for m in MODALITIES if m in held.lower()), key=held.lower().index),
            "dates": re.findall(r"dated (\d{4})", whom),
        })
    return rows


@pytest.fixture(scope="module")
def seed_run(seed_text: str, nlp, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict], Path]:
    """`wirewatch analyze SEED --print`, then every stored event, as the README shows them."""
    from shared_paths import SEED

    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    runner = CliRunner()
    analysed = runner.invoke(app, ["analyze", str(SEED), "--print", "--db", str(db)])
    assert analysed.exit_code == 0, analysed.output
    listed = runner.invoke(app, ["events", "--db", str(db), "--all-modalities", "--coding", "all", "--limit", "0",
                                 "--min-confidence", "0", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    return analysed.output, json.loads(listed.stdout), db


def test_the_table_has_the_rows_it_should() -> None:
    rows = table_rows()
    assert len(rows) == 7 and all(r["sources"] for r in rows)


@pytest.mark.parametrize("row", table_rows(), ids=lambda r: f"{r['sources'][0]}-{r['cameo']}")
def test_each_row_of_the_seed_table_is_a_stored_event(seed_run, row) -> None:
    _, events, _ = seed_run
    found = [e for e in events if e["source_code"] in row["sources"] and e["cameo_code"] == row["cameo"]
             and e["plover_type"] == row["plover"] and e["modality"] == row["modality"]]
    assert found, row
    for target in row["targets"]:
        assert any(e["target_code"] == target for e in found), (row, target)
    if not row["targets"]:
        assert any(e["target_code"] is None for e in found), row
    for year in row["dates"]:
        assert any(e["date"] == year for e in found), (row, year)


def test_the_joint_agreements_are_four_directed_events(seed_run) -> None:
    _, events, _ = seed_run
    pairs = {(e["source_code"], e["target_code"]) for e in events if e["cameo_code"] == "057"}
    assert pairs == {("RUS", "NIC"), ("NIC", "RUS"), ("RUS", "VEN"), ("VEN", "RUS")}


def test_show_takes_the_printed_article_id(seed_run) -> None:
    printed, events, db = seed_run
    article_id = events[0]["article_id"]
    assert article_id[:8] in printed
    shown = CliRunner().invoke(app, ["show", article_id[:8], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Makarevich" in shown.output


def test_the_joint_agreements_are_one_plover_record_per_pair(seed_run) -> None:
    _, _, db = seed_run
    exported = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "plover", "--out", "-", "--type", "057"])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    pairs = sorted(sorted(a["code"] for a in r["actor"]) for r in records)
    assert pairs == [["NIC", "RUS"], ["RUS", "VEN"]] and all(r["recipient"] == [] for r in records)
