"""Copies across runs: a reprint read in a later run is matched against the store, stored, not coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.ingest.article import article_from_string
from wirewatch.run import run_corpus
from wirewatch.settings import Settings
from wirewatch.store import EventQuery, open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

runner = CliRunner(env={"COLUMNS": "250"})


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reprints_in_a_later_run_are_matched_against_the_store(tmp_path: Path, seed_text: str, shared_data: Path) -> None:
    other = sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))[0].read_text(encoding="utf-8")
    settings = Settings.from_env(db_path=tmp_path / "s.duckdb")
    cleaned = article_from_string(seed_text, settings=settings).text  # the page's own boilerplate gone
    paragraphs = [p for p in cleaned.split("\n\n") if p.strip()]
    first = tmp_path / "day1"
    _write(first / "express.jsonl", json.dumps({"text": seed_text, "publisher": "Daily Express",
                                                "published_at": "2025-01-05", "url": "https://express.example/a"}) + "\n")
    _write(first / "other.txt", other)
    second = tmp_path / "day2"
    # A syndication partner: same story a day later, its ending cut, new headline.
    cut = "\n\n".join(["Russia and US eye South America", *paragraphs[:-2]])
    _write(second / "partner.jsonl", "\n".join([
        json.dumps({"text": cut, "publisher": "Partner Post", "published_at": "2025-01-06"}),
        json.dumps({"text": seed_text, "publisher": "Copy Daily", "published_at": "2025-01-04"}),
    ]) + "\n")
    with open_store(settings.db_path) as store:
        day1 = run_corpus([first], settings, store)
        assert day1.analysed == 2 and day1.duplicates == 0
        events_before = len(store.events(EventQuery(include_all_modalities=True, coded=None)))
        day2 = run_corpus([second], settings, store)
        assert (day2.analysed, day2.duplicates, day2.skipped) == (0, 1, 1)
        assert len(store.events(EventQuery(include_all_modalities=True, coded=None))) == events_before  # not coded twice
        clusters = store.copies()
    (cluster,) = clusters
    kinds = sorted(m["kind"] for m in cluster["members"])
    assert kinds == ["duplicate", "exact", "original"]
    # Copy Daily's exact copy carries an earlier date than the Express original: it came first.
    assert cluster["first_publisher"] == "Copy Daily"
    near = next(m for m in cluster["members"] if m["kind"] == "duplicate")
    assert near["publisher"] == "Partner Post" and near["reuse_share"] >= 0.9

    listed = runner.invoke(app, ["duplicates", "--db", str(settings.db_path), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output)[0]["articles"] == 3
    table = runner.invoke(app, ["duplicates", "--db", str(settings.db_path)])
    assert "Partner Post (near-duplicate" in table.output

    clustered = runner.invoke(app, ["events", "--clustered", "--db", str(settings.db_path), "--format", "json", "--limit", "0",
                                    "--all-modalities", "--coding", "all", "--min-confidence", "0"])
    assert clustered.exit_code == 0, clustered.output
    rows = json.loads(clustered.output)
    assert rows and all(r["articles"] == 1 for r in rows)  # the copy added no reports
    with open_store(settings.db_path, read_only=True) as store:
        events = store.events(EventQuery(include_all_modalities=True, coded=None, min_confidence=0))
    assert all(e["cluster_id"] for e in events)
    assert {e["cluster_id"] for e in events} == {r["cluster_id"] for r in rows}


def test_one_file_named_two_ways_is_not_a_copy_of_itself(tmp_path: Path, monkeypatch) -> None:
    """Given as news/a.txt from its folder today and by full path tomorrow: one source, no reprint."""
    _write(tmp_path / "news" / "a.txt", "Russia sent troops to Venezuela on Monday, officials said.\n")
    settings = Settings.from_env(db_path=tmp_path / "s.duckdb")
    monkeypatch.chdir(tmp_path)
    with open_store(settings.db_path) as store:
        first = run_corpus(["news/a.txt"], settings, store)
        again = run_corpus([tmp_path / "news" / ".." / "news" / "a.txt"], settings, store)
        assert (first.analysed, again.analysed, again.skipped) == (1, 0, 1)
        assert store.copies() == []
        assert [a["source"] for a in store.articles()] == [str(tmp_path / "news" / "a.txt")]
