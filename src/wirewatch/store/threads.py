"""Reading and writing the claim-thread tables for the threading runner (``wirewatch.thread_run``).

``threaded_articles`` is the ledger that makes threading incremental and resumable: an
article is threaded once, in the same transaction that writes its appearances, so a run that
stops half-way leaves only whole articles threaded and the next run carries on.

A batch's rows are picked with ``IN (SELECT unnest(?))``, a hash semi-join, never
``list_contains(?, column)``, which compares every row of the table with the whole list: a
cost per article that grew with the store (0.6 s of CPU a batch for the texts alone at 900
articles, against 10 ms).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

_MEMBER_COLUMNS: tuple[str, ...] = (
    "article_id", "claim_id", "thread_id", "kind", "text", "publisher", "published_at", "url", "state_media",
    "speaker_name", "speaker_kind", "cue", "certainty", "hedges", "chain", "char_start", "char_end", "match",
    "shared_words", "same_speaker", "same_event", "words", "speaker_key", "clusters", "minhash", "name_words",
)

# Originals first (a reprint takes its original's threads), then oldest first (relays follow origins).
_PENDING = """
SELECT a.article_id, a.publisher, a.published_at, a.url, coalesce(a.state_media, false) AS state_media,
       a.near_duplicate_of, r.similarity
FROM articles a LEFT JOIN article_reuse r ON r.article_id = a.article_id
WHERE NOT EXISTS (SELECT 1 FROM threaded_articles t WHERE t.article_id = a.article_id)
ORDER BY a.near_duplicate_of IS NOT NULL, a.published_at NULLS LAST, a.article_id
"""


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]


class ThreadTables:
    """The thread tables of one open store (``Store.threads``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def pending_articles(self) -> list[dict[str, Any]]:
        return _rows(self._con.execute(_PENDING))

    def texts_and_claims(self, article_ids: list[str]) -> tuple[dict[str, str], list[dict[str, Any]]]:
        texts = dict(
            self._con.execute("SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest(?))",
                              [article_ids]).fetchall()
        )
        claims = _rows(self._con.execute("SELECT * FROM claims WHERE article_id IN (SELECT unnest(?))", [article_ids]))
        return texts, claims

    def claim_clusters(self, article_ids: list[str]) -> list[tuple[str, list[str]]]:
        """(claim_id, event cluster ids) for the claims of ``article_ids`` whose events are clustered."""
        return self._con.execute(
            "SELECT claim_id, list(DISTINCT cluster_id) FROM events WHERE article_id IN (SELECT unnest(?))"
            " AND claim_id IS NOT NULL AND cluster_id IS NOT NULL GROUP BY claim_id",
            [article_ids],
        ).fetchall()

    def index_rows(self, chunk: int = 10_000) -> Iterator[tuple[Any, ...]]:
        """(article_id, claim_id, thread_id, words, speaker_key, clusters, minhash, name_words) of every
        sketched member."""
        cursor = self._con.execute(
            "SELECT article_id, claim_id, thread_id, words, speaker_key, clusters, minhash, name_words"
            " FROM thread_members"
            " WHERE minhash IS NOT NULL"
        )
        while rows := cursor.fetchmany(chunk):
            yield from rows

    def sketched_count(self) -> int:
        """How many members carry a sketch: what an index of this store holds."""
        row = self._con.execute("SELECT count(*) FROM thread_members WHERE minhash IS NOT NULL").fetchone()
        return int(row[0]) if row else 0

    def thread_of_articles(self) -> Iterator[tuple[str, str]]:
        """(thread_id, article_id) of every appearance: a thread never takes an article twice."""
        yield from self._con.execute("SELECT DISTINCT thread_id, article_id FROM thread_members").fetchall()

    def members(self, *, thread_ids: list[str] | None = None, article_id: str | None = None) -> list[dict[str, Any]]:
        cols = ", ".join(_MEMBER_COLUMNS)
        if article_id is not None:
            return _rows(self._con.execute(f"SELECT {cols} FROM thread_members WHERE article_id = ?", [article_id]))
        return _rows(
            self._con.execute(f"SELECT {cols} FROM thread_members WHERE thread_id IN (SELECT unnest(?))",
                              [thread_ids or []])
        )

    def write(
        self, members: list[dict[str, Any]], articles: list[str], hops: list[dict[str, Any]],
        threads: list[dict[str, Any]],
    ) -> None:
        """New members and threaded articles; the hops and summaries of every thread they touched
        replaced. One transaction."""
        con = self._con
        touched = sorted({t["thread_id"] for t in threads})
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM thread_hops WHERE thread_id IN (SELECT unnest(?))", [touched])
            con.execute("DELETE FROM claim_threads WHERE thread_id IN (SELECT unnest(?))", [touched])
            for table, rows in (("thread_members", members), ("thread_hops", hops), ("claim_threads", threads)):
                if rows:
                    _incoming = pa.Table.from_pylist(rows)  # noqa: F841 - read by name in the SQL
                    con.execute(f"INSERT OR REPLACE INTO {table} BY NAME SELECT * FROM _incoming")
            if articles:
                _done = pa.table({"article_id": articles})  # noqa: F841
                con.execute("INSERT OR IGNORE INTO threaded_articles SELECT article_id FROM _done")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
