"""`wirewatch analyze`: summary and failures on stderr, found rows on stdout, exit status 1 on failures.

Reading and analysis are swapped for the stand-ins in tests/sample_analyses.py so the
command's own behaviour is pinned without the NLP stages.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.records import InputProblem
from wirewatch.run import run_corpus
from wirewatch.store import open_store

runner = CliRunner(env={"COLUMNS": "250"})

@pytest.fixture()
def fake_stages(monkeypatch: pytest.MonkeyPatch, samples):
    def install(items):
        patched = functools.partial(run_corpus, reader=samples.reader(items), engine=samples.ChunkedEngine())
        monkeypatch.setattr("wirewatch.cli.analyze_command.run_corpus", patched)

    return install


def test_small_run_prints_what_it_found(fake_stages, samples, tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    fake_stages([samples.numbered_article(1)])
    result = runner.invoke(app, ["analyze", "inbox/1.txt", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["summary"]["analysed"] == 1
    # Every modality is shown for what was just found (the negated protest included).
    assert sorted(e["modality"] for e in printed["events"]) == ["asserted", "negated"]
    assert result.stderr.startswith("1 articles read, 1 analysed, 0 skipped as already stored or repeated, 0 failed; 2 events, 0 claims")
    with open_store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_failures_are_listed_and_exit_status_is_1(fake_stages, samples, tmp_path: Path) -> None:
    items = [samples.numbered_article(n) for n in range(5)] + [InputProblem("inbox/x.pdf", "not HTML or text")]
    fake_stages(items)
    result = runner.invoke(app, ["analyze", "inbox", "--db", str(tmp_path / "b.duckdb"), "--batch-size", "2"])
    assert result.exit_code == 1
    assert "inbox/x.pdf: not HTML or text\n" in result.stderr
    assert "5 analysed" in result.stderr
    assert result.stdout == ""  # more than a few articles: nothing printed unless --print


def test_print_flag_forces_the_tables(fake_stages, samples, tmp_path: Path) -> None:
    fake_stages([samples.numbered_article(n) for n in range(5)])
    result = runner.invoke(app, ["analyze", "inbox", "--db", str(tmp_path / "c.duckdb"), "--print"])
    assert result.exit_code == 0, result.output
    assert "events (10)" in result.stdout and "claims (0)" in result.stdout


def test_rerun_skips_stored_articles(fake_stages, samples, tmp_path: Path) -> None:
    db = str(tmp_path / "d.duckdb")
    fake_stages([samples.numbered_article(n) for n in range(2)])
    runner.invoke(app, ["analyze", "inbox", "--db", db])
    fake_stages([samples.numbered_article(n) for n in range(3)])
    result = runner.invoke(app, ["analyze", "inbox", "--db", db, "--no-print"])
    assert "3 articles read, 1 analysed, 2 skipped as already stored" in result.stderr
    assert result.stdout == ""
