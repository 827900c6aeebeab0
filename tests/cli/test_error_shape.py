"""One error shape for every command: `error: <one line>` on stderr, exit status 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.records import Analysis, Article, stable_id
from wirewatch.store import open_store

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner(env={"COLUMNS": "250"})

HOLDER = """
import sys
from wirewatch.store import open_store
store = open_store(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
store.close()
"""


def test_locked_store_from_the_command_line(filled_db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(filled_db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for args in (["events"], ["export", "--out", str(filled_db.parent / "x.csv")], ["analyze", "nothing.txt"]):
            result = runner.invoke(app, [*args, "--db", str(filled_db)])
            assert result.exit_code == 2, (args, result.output)
            assert result.stderr.startswith(f"error: {filled_db}: store is in use by another process")
            assert f"PID {holder.pid}" in result.stderr
            assert result.stderr.count("\n") == 1
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_markup_in_stored_values_is_printed_literally(tmp_path: Path) -> None:
    text = "Protesters in [red]Caracas[/red] marched on the palace; <b>dozens</b> were detained by police."
    article = Article(article_id=stable_id(text), text=text, title="[blink]Breaking[/blink] <i>news</i>", publisher="[bold]")
    db = tmp_path / "m.duckdb"
    with open_store(db) as store:
        store.write_batch([Analysis(article=article)])
    result = runner.invoke(app, ["articles", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "[blink]Breaking[/blink] <i>news</i>" in result.stdout
    assert "[bold]" in result.stdout
