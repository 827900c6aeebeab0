"""Hostile file names and folder layouts (issue 18, cases 3 and 7): names that are not UTF-8 or
hold newlines and terminal escapes, and symbolic-link loops."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.ingest.read import discover
from wirewatch.ingest.source_names import source_name
from wirewatch.records import InputProblem
from wirewatch.run import run_corpus
from wirewatch.store import open_store

runner = CliRunner(env={"COLUMNS": "250"})
TEXTS = {
    "Monday": "Russia said on Monday that its army would attack the border town, officials in Kyiv said.",
    "Tuesday": "Venezuela signed a trade agreement with China in Caracas after two weeks of talks.",
    "Wednesday": "Protesters marched through Nairobi to demand lower fuel prices and the release of students.",
    "Thursday": "The European Union imposed new sanctions on Iranian drone makers, diplomats in Brussels said.",
}


@pytest.fixture()
def stand_in_analysis(monkeypatch: pytest.MonkeyPatch, samples) -> None:
    # The real reader, the sample analyser: file handling is what is under test.
    monkeypatch.setattr("wirewatch.cli.analyze_command.run_corpus",
                        functools.partial(run_corpus, engine=samples.ChunkedEngine()))


def test_bad_names_are_one_line_problems_and_the_rest_is_stored(tmp_path: Path, stand_in_analysis) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(TEXTS["Monday"])
    os.mkdir(os.path.join(os.fsencode(inbox), b"sub"))
    with open(os.path.join(os.fsencode(inbox), b"bad\xff\xfe.txt"), "wb") as out:
        out.write(TEXTS["Tuesday"].encode())
    (inbox / "evil\n\x1b[31mred.txt").write_text(TEXTS["Wednesday"])
    (inbox / "sub" / "story.txt").write_text(TEXTS["Thursday"])
    os.symlink(inbox, inbox / "sub" / "loop")  # a folder link back up: a loop
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(inbox), "--db", str(db), "--no-print"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("3 articles read, 3 analysed, 0 skipped as already stored or repeated, 1 failed")
    assert lines[1:] == [f"{inbox}/bad\\xff\\xfe.txt: file name is not valid UTF-8; rename the file to analyse it"]
    assert "\x1b" not in result.stderr
    with open_store(db, read_only=True) as store:
        sources = sorted(a["source"] for a in store.articles())
        assert sources == [f"{inbox}/evil\\n\\x1b[31mred.txt", f"{inbox}/good.txt", f"{inbox}/sub/story.txt"]
        assert store.copies() == []  # no file was read twice through the loop


def test_a_link_loop_reads_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "up")
    os.symlink(tmp_path / "a", tmp_path / "a" / "self")
    refs = list(discover([tmp_path]))
    assert [r.source for r in refs] == [f"{tmp_path}/a/x.txt"]


def test_a_name_given_on_the_command_line_is_escaped_too(tmp_path: Path) -> None:
    (problem,) = discover([tmp_path / "no\nsuch\x1b.txt"])
    assert isinstance(problem, InputProblem) and "\n" not in problem.source and "\x1b" not in problem.source
    assert source_name("plain São Paulo.txt") == "plain São Paulo.txt"


def test_a_link_to_a_sibling_folder_does_not_rename_its_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y.txt").write_text("y")
    (tmp_path / "a").mkdir()
    os.symlink(tmp_path / "b", tmp_path / "a" / "to_b")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "z.txt").write_text("z")
    os.symlink(outside, tmp_path / "a" / "to_outside")  # a folder linked in from elsewhere is read
    refs = list(discover([tmp_path]))
    assert [r.source for r in refs] == [f"{tmp_path}/a/to_outside/z.txt", f"{tmp_path}/b/y.txt"]


def test_an_escape_code_in_a_store_path_is_escaped_in_the_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x\x1b[31m.duckdb")])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "x\\x1b[31m.duckdb" in result.stderr
    assert result.stderr.count("\n") == 1
