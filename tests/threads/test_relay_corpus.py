"""Must show (issue 15): the relay corpus threaded end to end through the corpus runner.

One claim born in an interview, relayed by three outlets (hedge dropped, number inflated, a
paraphrase), repeated by a state outlet without attribution; the same speaker's unrelated
claim joins no thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from thread_relay_corpus import ARTICLES, MSN_COPY

from wirewatch.run import run_corpus
from wirewatch.store import HopQuery, ThreadQuery, open_store

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def threaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], list[dict[str, Any]]]:
    from wirewatch.settings import Settings

    folder = tmp_path_factory.mktemp("relay")
    corpus = folder / "relay.jsonl"
    # Fed newest first: the order of arrival must not decide the order of the relay.
    corpus.write_text("".join(json.dumps(a) + "\n" for a in [*reversed(ARTICLES), MSN_COPY]), encoding="utf-8")
    db = folder / "store.duckdb"
    settings = Settings.from_env(db_path=db)
    with open_store(db) as store:
        run_corpus([corpus], settings, store)
        threads = store.fetch(ThreadQuery())
        hops = store.fetch(HopQuery(thread_id=threads[0]["thread_id"])) if threads else []
    return db, threads, hops


def test_one_thread_from_the_interview_to_every_relay(threaded) -> None:
    _, threads, hops = threaded
    assert len(threads) == 1, [t["content"] for t in threads]
    thread = threads[0]
    assert thread["origin_publisher"] == "The War Zone"
    assert thread["speaker"] in ("Budanov", "Kyrylo Budanov")
    assert [h["publisher"] for h in hops] == ["The War Zone", "Daily Mail", "MSN", "Daily Star", "Express", "Sputnik"]
    assert thread["chain"][:3] == [thread["speaker"], "The War Zone", "Daily Mail"]


def test_relays_credit_the_outlet_before_them(threaded) -> None:
    _, _, hops = threaded
    by = {h["publisher"]: h for h in hops}
    assert by["Daily Mail"]["relayed_from"] == "The War Zone"
    assert by["Daily Star"]["relayed_from"] == "Daily Mail"
    assert by["Express"]["relayed_from"] == "Daily Mail"
    assert "shared words" in by["Express"]["match"]  # the paraphrase joined on its words


def test_drift_hedge_dropped_and_number_inflated(threaded) -> None:
    _, threads, hops = threaded
    mail = next(h for h in hops if h["publisher"] == "Daily Mail")
    assert mail["hedges_dropped"] == ["appears to"]
    assert mail["certainty_change"] == "up"
    assert "120" in " ".join(mail["numbers_before"]) and mail["numbers_after"] == ["several hundred"]
    assert {"hedge dropped", "number changed", "certainty up"} <= set(mail["drift"])
    assert "hedge dropped" in threads[0]["drift"]


def test_state_outlet_launders_the_claim(threaded) -> None:
    _, threads, hops = threaded
    sputnik = hops[-1]
    assert sputnik["publisher"] == "Sputnik" and sputnik["kind"] == "own_voice"
    assert sputnik["state_media"] is True
    assert sputnik["attribution"] == "dropped" and sputnik["laundering"] is True
    assert sputnik["speaker_change"] == "lost"
    assert [h["publisher"] for h in hops if h["laundering"]] == ["Sputnik"]
    assert threads[0]["state_hops"] == 1 and threads[0]["laundered_hops"] == 1


def test_unrelated_claim_of_the_same_speaker_joins_no_thread(threaded) -> None:
    db, _, _ = threaded
    with open_store(db, read_only=True) as store:
        alone = store.fetch(ThreadQuery(min_articles=1, speaker="Budanov"))
    offensive = [t for t in alone if "Zaporizhzhia" in (t["content"] or "")]
    assert len(offensive) == 1 and offensive[0]["articles"] == 1


def test_rerun_threads_nothing_again(threaded) -> None:
    db, threads, hops = threaded
    from wirewatch.thread_run import thread_store

    with open_store(db) as store:
        assert thread_store(store).articles == 0
        assert store.fetch(HopQuery(thread_id=threads[0]["thread_id"])) == hops


def test_near_duplicate_reprint_takes_its_originals_thread(threaded) -> None:
    _, _, hops = threaded
    msn = next(h for h in hops if h["publisher"] == "MSN")
    assert msn["kind"] == "reprint" and msn["match"].startswith("near-duplicate of article")
    assert msn["text"] == next(h["text"] for h in hops if h["publisher"] == "Daily Mail")


def test_a_later_run_joins_the_thread_through_the_stored_index(tmp_path: Path) -> None:
    """Incremental: the first run threads the interview, a later one the relays, matched
    against the sketches the first run stored (no re-matching)."""
    from thread_fixtures import relay_analyses

    from wirewatch.thread_run import thread_store

    first, *rest = relay_analyses()
    with open_store(tmp_path / "store.duckdb") as store:
        store.write_batch([first])
        assert thread_store(store).articles == 1
        store.write_batch(rest)
        later = thread_store(store)
        assert later.articles == 2
        (thread,) = store.fetch(ThreadQuery())
        hops = store.fetch(HopQuery(thread_id=thread["thread_id"]))
    assert [h["publisher"] for h in hops] == ["The War Zone", "Daily Mail", "Sputnik"]
    assert hops[2]["laundering"] is True
