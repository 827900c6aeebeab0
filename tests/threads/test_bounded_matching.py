"""Threading cost per article does not grow with the store (issue 15): a sentence that cannot
match asks the index nothing, at most ``CANDIDATES`` candidates are judged per claim, and a
long-lived process keeps its index between runs, threading exactly as a loaded one would."""

from __future__ import annotations

from pathlib import Path

import pytest
from thread_fixtures import INTERVIEW, RELAY, relay_analyses

from wirewatch.store import HopQuery, ThreadQuery, open_store
from wirewatch.store.threads import ThreadTables
from wirewatch.thread_run import KeptIndex, thread_store
from wirewatch.threads import match
from wirewatch.threads.match import CANDIDATES, Member, ThreadIndex, sketch
from wirewatch.threads.wording import content_words


def _add(index: ThreadIndex, key: str, text: str, speaker: str | None = None) -> None:
    words = content_words(text)
    index.add(Member(key, f"thread-{key}", f"article-{key}", frozenset(words), speaker), sketch(words))


def test_a_sentence_sharing_no_rare_indexed_words_asks_the_index_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    index = ThreadIndex()
    _add(index, "origin", INTERVIEW)

    def asked(_signature: object) -> list[int]:
        raise AssertionError("the LSH was asked")

    monkeypatch.setattr(index.lsh, "query", asked)
    words = frozenset(content_words("The weather in Lisbon stayed mild and sunny through the long holiday weekend."))
    assert not index.could_match(words)
    assert index.best("other", words, None, frozenset(), sketch(sorted(words))) is None


def test_only_the_best_candidates_are_judged_and_the_relay_still_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    index = ThreadIndex()
    _add(index, "origin", INTERVIEW[1 : INTERVIEW.index("”")], "budanov")
    # Claims sharing the common words of the relay ("Russia sent military ... Venezuela's army"):
    # all LSH candidates, none the same statement.
    for n in range(200):
        _add(index, f"decoy{n:03}", f"Russia sent military aid to Venezuela's army, said officials of town{n} "
                                    f"about topic{n} and issue{n} in matter{n}")
    words = content_words(RELAY[: RELAY.index(", Kyrylo")])
    signature = sketch(words)
    assert len(index.lsh.query(signature)) > 2 * CANDIDATES
    judged: list[str] = []
    judge = match.judge

    def counting(*args: object, **kwargs: object) -> match.Match | None:
        judged.append(args[3].key)  # type: ignore[attr-defined]
        return judge(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(match, "judge", counting)
    found = index.best("relay", frozenset(words), "budanov", frozenset(), signature)
    assert found is not None and found.thread_id == "thread-origin"
    assert len(judged) <= CANDIDATES and judged[0] == "origin"


def _hops(store) -> list[dict]:
    (thread,) = store.fetch(ThreadQuery())
    return store.fetch(HopQuery(thread_id=thread["thread_id"]))


def test_a_kept_index_is_reused_and_threads_as_a_loaded_one(tmp_path: Path) -> None:
    first, *rest = relay_analyses()
    kept = KeptIndex()
    with open_store(tmp_path / "kept.duckdb") as store:
        store.write_batch([first])
        thread_store(store, kept=kept)
        store.write_batch(rest)
        later = thread_store(store, kept=kept)
        assert later.articles == 2 and later.index_seconds == 0.0
        kept_hops = _hops(store)
    with open_store(tmp_path / "loaded.duckdb") as store:
        store.write_batch([first])
        thread_store(store)
        store.write_batch(rest)
        assert thread_store(store).index_seconds > 0.0
        assert _hops(store) == kept_hops
    assert [h["publisher"] for h in kept_hops] == ["The War Zone", "Daily Mail", "Sputnik"]


def test_a_stale_or_failed_kept_index_is_loaded_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, *rest = relay_analyses()
    kept = KeptIndex()
    with open_store(tmp_path / "one.duckdb") as store:
        store.write_batch([first])
        thread_store(store, kept=kept)
    assert kept.index is not None and len(kept.index.members) == 2
    # Another store (or this one changed behind the process's back) holds other sketches.
    with open_store(tmp_path / "other.duckdb") as other:
        assert kept.take(other) is None and kept.index is None

    def full(*_: object) -> None:
        raise OSError("disk full")

    with open_store(tmp_path / "one.duckdb") as store:
        store.write_batch(rest)
        monkeypatch.setattr(ThreadTables, "write", full)
        with pytest.raises(OSError):
            thread_store(store, kept=kept)
        # The index got ahead of the store: the next run must not use it.
        assert kept.index is None
        monkeypatch.undo()
        later = thread_store(store, kept=kept)
        assert later.articles == 2 and later.index_seconds > 0.0
        assert [h["publisher"] for h in _hops(store)] == ["The War Zone", "Daily Mail", "Sputnik"]
