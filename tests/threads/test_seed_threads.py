"""The seed alone: one thread per Budanov statement, each with the chain the article states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.run import run_corpus
from wirewatch.store import HopQuery, ThreadQuery, open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


def test_seed_gives_one_thread_per_budanov_statement(seed_text: str, tmp_path: Path) -> None:
    from wirewatch.settings import Settings

    corpus = tmp_path / "seed.jsonl"
    corpus.write_text(json.dumps({"text": seed_text, "publisher": "Daily Star", "published_at": "2025-11-20"}) + "\n")
    db = tmp_path / "seed.duckdb"
    with open_store(db) as store:
        run_corpus([corpus], Settings.from_env(db_path=db), store)
        threads = store.fetch(ThreadQuery(min_articles=1, speaker="Budanov"))
        hops = [store.fetch(HopQuery(thread_id=t["thread_id"])) for t in threads]
    assert len(threads) >= 3
    for thread, thread_hops in zip(threads, hops, strict=False):
        assert thread["chain"] == ["Kyrlo Budanov", "The War Zone", "Daily Mail", "Daily Star"]
        assert thread["first_outlet"] == "The War Zone"
        assert [h["publisher"] for h in thread_hops] == ["Daily Star"]
    assert len({t["content"] for t in threads}) == len(threads)
