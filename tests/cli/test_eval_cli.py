"""`wirewatch eval`: suites by name, `--json` prints exactly one JSON object of figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.eval import SUITES, Suite, floors
from wirewatch.eval.report import EvalReport

runner = CliRunner(env={"COLUMNS": "250"})  # wide enough that Rich does not wrap


@pytest.fixture()
def toy_suite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A suite module scoring lines of 'gold<TAB>predicted', installed as wirewatch.eval.toy."""
    data = tmp_path / "toy.tsv"
    data.write_text("protest\tprotest\naid\taid\nassault\tprotest\nfight\tfight\n", encoding="utf-8")

    def evaluate(path: Path, settings) -> EvalReport:
        pairs = [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines()]
        misses = [{"gold": g, "predicted": p} for g, p in pairs if g != p]
        accuracy = 1 - len(misses) / len(pairs)
        return EvalReport(
            suite="toy", dataset=str(path), figures={"accuracy": accuracy, "n": len(pairs)},
            table=[("accuracy", f"{accuracy:.2f}"), ("items", str(len(pairs)))], misses=misses,
            sections={"confusion [bold]": [["assault", "protest", "1"]]},
        )

    module = ModuleType("wirewatch.eval.toy")
    module.DEFAULT_PATH = data  # type: ignore[attr-defined]
    module.evaluate = evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wirewatch.eval.toy", module)
    monkeypatch.setitem(SUITES, "toy", Suite("toy", "wirewatch.eval.toy", "a toy"))
    return data


def test_json_is_one_object_of_figures(toy_suite: Path) -> None:
    result = runner.invoke(app, ["eval", "toy", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"accuracy": 0.75, "n": 4}
    assert result.stdout.count("\n") == 1


def test_path_argument_overrides_the_default(toy_suite: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.tsv"
    other.write_text("aid\tprotest\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "toy", str(other), "--json"])
    assert json.loads(result.stdout) == {"accuracy": 0.0, "n": 1}


def test_table_shows_figures_sections_and_misses(toy_suite: Path) -> None:
    result = runner.invoke(app, ["eval", "toy"])
    assert result.exit_code == 0, result.output
    assert "0.75" in result.stdout
    assert "confusion [bold]" in result.stdout  # titles are text, not markup
    assert "first misses (1 of 1)" in result.stdout
    assert "assault" in result.stdout


def test_unknown_suite_names_the_valid_ones() -> None:
    result = runner.invoke(app, ["eval", "vibes", "--json"])
    assert result.exit_code == 2
    assert result.stderr == f"error: suite 'vibes' is not one of {', '.join(SUITES)}\n"
    assert "claims" in SUITES and "speakers" in SUITES and "news-events" in SUITES


def test_missing_set_is_a_one_line_error(toy_suite: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "toy", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'absent'}: evaluation set not found\n"


def test_check_exits_1_and_names_each_figure_below_its_floor(toy_suite: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(floors, "baselines", lambda: {"toy": floors.Baseline("toy", {"accuracy": 0.8}, {}, 4)})
    result = runner.invoke(app, ["eval", "toy", "--json", "--check"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"accuracy": 0.75, "n": 4}  # the figures are still printed
    assert result.stderr == "regression: toy: accuracy = 0.75: below its floor 0.8\n"


def test_check_passes_at_the_floor(toy_suite: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(floors, "baselines", lambda: {"toy": floors.Baseline("toy", {"accuracy": 0.75}, {}, 4)})
    assert runner.invoke(app, ["eval", "toy", "--check"]).exit_code == 0


def test_check_refuses_another_set(toy_suite: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "toy", str(tmp_path), "--check"])
    assert result.exit_code == 2
    assert "--check judges the default set" in result.stderr
