"""Settings check themselves, say which setting is wrong in one line, and are the only reader of the environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.settings import Settings, SettingsError

SRC = Path(__file__).resolve().parents[1] / "src" / "wirewatch"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"batch_size": 0}, "setting batch_size=0: expected a whole number of at least 1"),
        ({"n_process": -2}, "setting n_process=-2: expected a whole number of at least 1"),
        ({"max_input_bytes": 0}, "setting max_input_bytes=0"),
        ({"engine": "spark"}, "setting engine='spark': expected one of local, ray"),
        ({"bogus": 1}, "no such setting: bogus"),
    ],
)
def test_a_bad_setting_is_named(overrides: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings.from_env(**overrides)


def test_a_bad_environment_value_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIREWATCH_ENGINE", "spark")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2
    assert "engine='spark': expected one of local, ray" in result.output and "Traceback" not in result.output
    monkeypatch.setenv("WIREWATCH_ENGINE", "ray")
    monkeypatch.setenv("RAY_ADDRESS", "head:6379")
    assert (Settings.from_env().engine, Settings.from_env().ray_address) == ("ray", "head:6379")


def test_only_settings_reads_the_environment() -> None:
    readers = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                if isinstance(node.value, ast.Name) and node.value.id == "os":
                    readers.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not readers, f"read the environment outside settings.py: {readers}"
