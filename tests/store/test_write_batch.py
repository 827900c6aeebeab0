"""Batches are atomic and idempotent: an article written twice is stored once, a failed batch changes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.records import InputProblem
from wirewatch.store import EventQuery, open_store


def test_writing_the_same_analysis_twice_keeps_one_row_each(db_path: Path, samples) -> None:
    with open_store(db_path) as store:
        store.write_batch([samples.venezuela()])
        store.write_batch([samples.venezuela()])
        assert store.counts() == {
            "articles": 1, "actor_mentions": 1, "events": 2, "claims": 1, "input_problems": 0,
        }


def test_rewriting_an_article_replaces_its_events_and_claims(db_path: Path, samples) -> None:
    first = samples.venezuela()
    with open_store(db_path) as store:
        store.write_batch([first, samples.mexico()])
        # A later analysis of the same article found only one event and no claim.
        second = replace(first, events=first.events[:1], claims=[], mentions=[])
        store.write_batch([second])
        ids = {r["event_id"] for r in store.events(EventQuery(article_id=first.article.article_id, include_all_modalities=True))}
        assert ids == {first.events[0].event_id}
        assert store.claims() and all(c["article_id"] != first.article.article_id for c in store.claims())
        # The other article is untouched.
        assert store.counts()["articles"] == 2
        assert len(store.events(EventQuery(include_all_modalities=True))) == 3


def test_duplicate_article_in_one_batch_is_stored_once(db_path: Path, samples) -> None:
    with open_store(db_path) as store:
        store.write_batch([samples.venezuela(), samples.venezuela(publisher="Daily Mail")])
        rows = store.articles()
        assert [r["publisher"] for r in rows] == ["Daily Mail"]  # the later copy wins


def test_failure_mid_batch_leaves_previous_contents_intact(db_path: Path, samples) -> None:
    good = samples.venezuela()
    with open_store(db_path) as store:
        store.write_batch([good])
        before = (store.counts(), store.events(EventQuery(include_all_modalities=True)), store.claims())
        # The second batch deletes and re-inserts `good`, then hits a duplicate event id in
        # another article: the primary key fails inside the transaction.
        clash = samples.mexico()
        clash.events[1].event_id = clash.events[0].event_id
        changed = replace(good, events=[], claims=[])
        with pytest.raises(StoreError, match="not written"):
            store.write_batch([changed, clash], [InputProblem("feeds/bad.xml", "not a feed")])
        after = (store.counts(), store.events(EventQuery(include_all_modalities=True)), store.claims())
        assert after == before
        # The store stays usable after the rollback.
        store.write_batch([samples.mexico()])
        assert store.counts()["articles"] == 2


def test_record_with_a_wrong_type_is_refused_before_touching_the_store(db_path: Path, samples) -> None:
    bad = samples.mexico()
    bad.events[0].sentence_index = "first"  # type: ignore[assignment]
    with open_store(db_path) as store:
        with pytest.raises(ValueError, match="Event records do not fit"):
            store.write_batch([bad])
        assert store.counts()["articles"] == 0


def test_known_article_ids(db_path: Path, samples) -> None:
    v, m = samples.venezuela(), samples.mexico()
    with open_store(db_path) as store:
        store.write_batch([v])
        assert store.known_article_ids([v.article.article_id, m.article.article_id, "0" * 16]) == {v.article.article_id}
        assert store.known_article_ids([]) == set()


def test_input_problems_are_recorded_once_per_source_and_reason(db_path: Path) -> None:
    problem = InputProblem("inbox/empty.html", "no text left after removing boilerplate")
    with open_store(db_path) as store:
        store.write_batch([], [problem, problem])
        store.write_batch([], [problem, InputProblem("inbox/x.bin", "binary file")])
        assert sorted(p.source for p in store.input_problems()) == ["inbox/empty.html", "inbox/x.bin"]


def test_analysis_round_trips_every_record_field(db_path: Path, samples) -> None:
    original = samples.venezuela()
    with open_store(db_path) as store:
        store.write_batch([original])
    with open_store(db_path, read_only=True) as store:
        back = store.analysis(original.article.article_id[:6])  # a unique prefix is enough
    assert back.article == original.article
    assert back.claims == original.claims
    assert sorted(back.events, key=lambda e: e.char_start) == sorted(original.events, key=lambda e: e.char_start)
    assert back.mentions == original.mentions


def test_unknown_article_id_names_it(filled_db: Path) -> None:
    with open_store(filled_db, read_only=True) as store:
        with pytest.raises(StoreError, match="zzzz: no stored article"):
            store.analysis("zzzz")


def test_an_input_analysed_later_is_no_longer_a_problem(db_path: Path, samples) -> None:
    analysis = samples.mexico()
    with open_store(db_path) as store:
        store.write_batch([], [InputProblem(analysis.article.source, "timed out"), InputProblem("inbox/y.txt", "empty")])
        store.write_batch([analysis])
        assert [p.source for p in store.input_problems()] == ["inbox/y.txt"]


def test_a_batch_of_stored_and_new_articles_replaces_only_what_is_stored(db_path: Path, samples) -> None:
    # Only stored ids are deleted before the insert (new ones have nothing to replace).
    first, other = samples.venezuela(), samples.mexico()
    with open_store(db_path) as store:
        store.write_batch([first], [InputProblem(other.article.source, "timed out")])
        store.write_batch([replace(first, claims=[]), other])
        assert store.counts() == {"articles": 2, "actor_mentions": 1, "events": 4, "claims": 1, "input_problems": 0}
        assert all(c["article_id"] == other.article.article_id for c in store.claims())


def test_records_table_equals_the_dict_per_record_conversion(samples) -> None:
    import pyarrow as pa

    from wirewatch.records import ActorMention, Article, Claim, Event, to_dict
    from wirewatch.store.write import arrow_schema, records_table

    analyses = [samples.venezuela(), samples.mexico()]
    for record_type, records in (
        (Article, [a.article for a in analyses]),
        (ActorMention, [m for a in analyses for m in a.mentions]),
        (Event, [e for a in analyses for e in a.events]),
        (Claim, [c for a in analyses for c in a.claims]),
        (Event, []),
    ):
        expected = pa.Table.from_pylist([to_dict(r) for r in records], schema=arrow_schema(record_type))
        assert records_table(record_type, records).equals(expected)


def _threads(con) -> tuple:  # noqa: ANN001 - a DuckDB connection or cursor
    return con.execute("SELECT current_setting('threads')").fetchone()


def test_single_threaded_restores_duckdb_threads(db_path: Path) -> None:
    with open_store(db_path) as store:
        threads = _threads(store.cursor())
        with store.single_threaded():
            assert _threads(store.cursor()) == (1,)
        assert _threads(store.cursor()) == threads


def test_a_shared_store_leaves_the_database_threads_to_its_other_users(db_path: Path) -> None:
    """The server's watcher writes through a cursor while request threads query: no SET threads."""
    from wirewatch.api.store_access import StoreAccess

    access = StoreAccess(open_store(db_path))
    try:
        access.owner.cursor().execute("SET threads = 3")
        writer = access.writer()
        assert writer.shared
        with writer.single_threaded():
            assert _threads(access.owner.cursor()) == (3,)
        writer.close()
    finally:
        access.close()
