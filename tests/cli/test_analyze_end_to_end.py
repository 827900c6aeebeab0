"""`wirewatch analyze` on real text with the real pipeline, then the listings over what it stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.store import EventQuery, open_store

pytestmark = [pytest.mark.slow]

runner = CliRunner(env={"COLUMNS": "250"})

ARTICLE = (
    "Russia sends trainers to Venezuela\n\n"
    "Russia has sent a senior general and 120 military trainers to Venezuela, a Ukrainian "
    "intelligence chief told The War Zone on Monday. The trainers are teaching the Venezuelan "
    "army infantry tactics and drone operations, he said.\n\n"
    "The United States has deployed warships near Venezuela to pressure Nicolás Maduro to resign, "
    "officials in Washington said.\n"
)


def test_analyze_a_text_file_then_list_it(nlp, tmp_path: Path) -> None:
    # `nlp` loads the model once per session; the analysis below reuses that pipeline.
    source = tmp_path / "venezuela.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "e2e.duckdb"

    result = runner.invoke(app, ["analyze", str(source), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["summary"]["analysed"] == 1 and found["summary"]["failed"] == 0
    assert any(e["source_country"] == "RUS" and e["target_country"] == "VEN" for e in found["events"]), found["events"]
    assert found["claims"], "the 'told The War Zone' report should be a claim"

    # --print lists every event the article has; the listing does with every modality and confidence
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--all-modalities",
                                 "--min-confidence", "0"])
    assert json.loads(listed.stdout) == found["events"]
    with open_store(db, read_only=True) as store:
        assert store.events(EventQuery(include_all_modalities=True, coded=None, min_confidence=0)) == found["events"]
        assert store.articles()[0]["source"].endswith("venezuela.txt")

    again = runner.invoke(app, ["analyze", str(source), "--db", str(db)])
    assert again.exit_code == 0
    assert "1 articles read, 0 analysed, 1 skipped as already stored or repeated, 0 failed" in again.stderr
    assert again.stdout == ""


def test_unreadable_input_is_reported_and_exit_status_is_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    db = tmp_path / "e2e.duckdb"
    result = runner.invoke(app, ["analyze", str(empty), "--db", str(db)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("0 articles read, 0 analysed, 0 skipped as already stored or repeated, 1 failed")
    assert lines[1].startswith(f"{empty}: ")
    with open_store(db, read_only=True) as store:
        assert [p.source for p in store.input_problems()] == [str(empty)]
