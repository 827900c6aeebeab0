"""`wirewatch registry import` and `wirewatch registry list`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from wirewatch.cli.app import app

CSV = (
    "Region,Country,Media company,Main assets,URL,Typology\n"
    "Europe,Ruritania,Ruritanian State Broadcasting,Ruritania One (R1),https://www.r1.example/,SC\n"
    "Europe,Germany,Deutsche Welle,DW,https://www.dw.com/,ISF\n"
)


def test_import_then_list(tmp_path: Path):
    runner = CliRunner()
    csv_path = tmp_path / "m.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    out = tmp_path / "reg.yaml"
    result = runner.invoke(app, ["registry", "import", str(csv_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 outlets (1 state-affiliated)" in result.output
    assert out.exists()
    listed = runner.invoke(app, ["registry", "list", "--file", str(out), "--flagged", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    names = {r["name"] for r in rows}
    assert {"Ruritania One", "RT", "Sputnik Mundo"} <= names
    assert "DW" not in names and all(r["state_affiliated"] for r in rows)
    rus = json.loads(runner.invoke(app, ["registry", "list", "--country", "RUS", "--format", "json"]).stdout)
    assert rus and all(r["country"] == "RUS" for r in rus)


def test_import_of_a_bad_file_is_one_error_line(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["registry", "import", str(bad), "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "missing column" in result.output
