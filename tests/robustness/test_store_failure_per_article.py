"""One article the store refuses is reported and skipped; its batch-mates are stored (issue 18, case 3)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.records import Analysis
from wirewatch.run import run_corpus
from wirewatch.settings import Settings
from wirewatch.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


class CollidingEngine:
    """The sample engine, but articles whose text starts with DUP carry two events with one id:
    what GeoWebNews dev article 283 did to the store before its mentions were made unique."""

    def __init__(self, samples) -> None:
        self._inner = samples.ChunkedEngine()

    def analyse(self, articles):
        for analysis in self._inner.analyse(articles):
            if isinstance(analysis, Analysis) and analysis.article.text.startswith("DUP"):
                first = analysis.events[0]
                analysis = Analysis(article=analysis.article, events=[first, replace(first, evidence="again")])
            yield analysis


@pytest.mark.parametrize("batch_size", [1, 4, 100])
def test_an_unstorable_article_is_skipped_and_its_batch_is_kept(tmp_path: Path, samples, batch_size: int) -> None:
    settings = Settings.from_env(db_path=tmp_path / "s.duckdb", batch_size=batch_size)
    articles = [samples.numbered_article(n) for n in range(8)]
    bad = samples.numbered_article(99, "DUP Russia sent trainers to Venezuela twice, officials said.")
    items = articles[:3] + [bad] + articles[3:]
    with open_store(settings.db_path) as store:
        summary = run_corpus(["inbox"], settings, store, reader=samples.reader(items), engine=CollidingEngine(samples))
        assert (summary.analysed, summary.failed) == (8, 1)
        (problem,) = summary.problems
        assert problem.source == "inbox/99.txt"
        assert problem.reason.startswith("not stored: Constraint Error") and "\n" not in problem.reason
        assert bad.article_id not in summary.article_ids
        assert store.known_article_ids({a.article_id for a in items}) == {a.article_id for a in articles}
        assert [p.source for p in store.input_problems()] == ["inbox/99.txt"]
        assert store.counts()["events"] == 8 * 2
        assert store.event_clusters()  # the run went on to the end


def test_geowebnews_article_283_is_stored_with_its_neighbours(tmp_path: Path, shared_data: Path) -> None:
    gold = shared_data / "geowebnews" / "GWN.dev.xml"
    if not gold.is_file():
        pytest.skip(f"{gold} not found: GeoWebNews dev set absent")
    files = [(a.get("file"), a.findtext("text")) for a in ET.parse(gold).getroot().iter("article")]
    at = next(n for n, (name, _) in enumerate(files) if name == "283")
    lines = [json.dumps({"text": text}) for _, text in files[at - 1 : at + 2]]
    source = tmp_path / "gwn.jsonl"
    source.write_text("\n".join(lines) + "\n")
    settings = Settings.from_env(db_path=tmp_path / "s.duckdb")
    with open_store(settings.db_path) as store:
        summary = run_corpus([source], settings, store)
        assert summary.failed == 0, summary.problems
        assert store.counts()["articles"] == len(lines) == 3
