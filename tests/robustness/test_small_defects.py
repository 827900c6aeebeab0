"""The smaller defects of issue 18 (case 7), each fed the input that showed it."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.export.csv_file import cell_text, write_csv
from wirewatch.ingest import load_articles
from wirewatch.ingest.article import MAX_AUTHORS, MAX_TITLE_CHARS
from wirewatch.records import Article, InputProblem
from wirewatch.store import open_store

runner = CliRunner(env={"COLUMNS": "250"})
FIRST = "Russia sent forty military trainers to Venezuela on Monday, officials in Caracas said on Tuesday."
SECOND = "Washington said it was watching the deployment closely and would consult its allies in the region."


def test_spreadsheet_formulas_are_neutralised_in_csv() -> None:
    hostile = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    assert [cell_text(t) for t in hostile] == ["'" + t for t in hostile]
    assert [cell_text(v) for v in ("plain", "a=b", -3.5, -2)] == ["plain", "a=b", "-3.5", "-2"]
    out = io.StringIO()
    write_csv([{"title": t, "goldstein": -3.5} for t in hostile], ("title", "goldstein"), out)
    assert out.getvalue().startswith("title,goldstein\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.5\n'+1+1,-3.5\n")


def test_every_member_of_a_multi_member_gzip_is_read(tmp_path: Path, settings) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress((FIRST + "\n\n").encode()) + gzip.compress(SECOND.encode()))
    (article,) = load_articles([path], settings)
    assert isinstance(article, Article) and FIRST in article.text and SECOND in article.text


def test_one_deeply_nested_jsonl_line_costs_only_itself(tmp_path: Path, settings) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": FIRST}), '{"text": ' + "[" * 200_000, json.dumps({"text": SECOND})]
    path.write_text("\n".join(lines))
    first, problem, second = load_articles([path], settings)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert problem == InputProblem(f"{path}:line 2", "JSON nested too deeply to parse")
    nested_first = tmp_path / "first.jsonl"
    nested_first.write_text('{"a": ' * 200_000 + "\n" + json.dumps({"text": SECOND}))
    bad, good = load_articles([nested_first], settings)
    assert isinstance(bad, InputProblem) and bad.reason == "JSON nested too deeply to parse"
    assert isinstance(good, Article)


def test_title_url_and_author_lengths_are_bounded(tmp_path: Path, settings) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({
        "text": FIRST, "title": "T" * 100_000, "url": "https://x.example/" + "a" * 100_000,
        "authors": [f"Reporter {n}" for n in range(1000)], "publisher": "P" * 10_000,
        "published_at": "2025-01-01" + "x" * 10_000,
    }))
    (article,) = load_articles([path], settings)
    assert isinstance(article, Article)
    assert len(article.title) == MAX_TITLE_CHARS and len(article.authors) == MAX_AUTHORS
    assert article.url is None and article.published_at is None and len(article.publisher) == 300


def test_a_truncated_store_is_a_one_line_error(tmp_path: Path, samples) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    data = db.read_bytes()
    for name, cut in (("half.duckdb", data[: len(data) // 2]), ("head.duckdb", data[:100]), ("noise.duckdb", b"\x13" * 5000)):
        (tmp_path / name).write_bytes(cut)
        for args in (["events"], ["articles"], ["analyze", "-"]):
            result = runner.invoke(app, [*args, "--db", str(tmp_path / name)], input=FIRST)
            assert result.exit_code == 2, (name, args, result.output)
            assert "Traceback" not in result.output and result.stderr.count("\n") == 1, result.stderr
            assert result.stderr.startswith(f"error: {tmp_path / name}: ")
