"""Reading what the store knows about copying: index sketches and duplicate clusters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

# Originals only: duplicates never enter the reuse index (see ingest.reuse).
_INDEX_ROWS = """
SELECT article_id, minhash, fingerprints FROM article_reuse
WHERE near_duplicate_of IS NULL ORDER BY article_id
"""

_COPY_LINKS = """
SELECT r.article_id,
       coalesce(r.near_duplicate_of, r.reused_from) AS original,
       CASE WHEN r.near_duplicate_of IS NOT NULL THEN 'duplicate' ELSE 'partial' END AS kind,
       r.similarity, r.reuse_share
FROM article_reuse r
WHERE r.near_duplicate_of IS NOT NULL OR r.reused_from IS NOT NULL
"""

# Exact reprints share the original's id, so they are told apart by where they were read.
_EXACT_COPIES = """
SELECT article_id, source, publisher, url, published_at FROM article_copies ORDER BY source
"""

_ARTICLE_META = """
SELECT article_id, publisher, url, published_at, title, source FROM articles WHERE list_contains(?, article_id)
"""


def index_rows(con: duckdb.DuckDBPyConnection, chunk: int = 10_000) -> Iterator[tuple[str, list[int], list[int]]]:
    cursor = con.execute(_INDEX_ROWS)
    while rows := cursor.fetchmany(chunk):
        for article_id, minhash, prints in rows:
            yield article_id, list(minhash or []), list(prints or [])


def _first_key(member: dict[str, Any]) -> tuple[int, str, str]:
    published = member.get("published_at")
    return (published is None, published or "", member["article_id"])


def duplicate_clusters(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """One dict per original that was copied: its copies, outlets, and who published first."""
    links = con.execute(_COPY_LINKS).fetchall()
    groups: dict[str, list[dict[str, Any]]] = {}
    for article_id, original, kind, similarity, share in links:
        groups.setdefault(original, []).append(
            {"article_id": article_id, "kind": kind, "similarity": similarity, "reuse_share": share}
        )
    for original, source, publisher, url, published in con.execute(_EXACT_COPIES).fetchall():
        groups.setdefault(original, []).append(
            {"article_id": original, "kind": "exact", "similarity": 1.0, "reuse_share": 1.0, "source": source,
             "publisher": publisher, "url": url, "published_at": published, "title": None}
        )
    ids = sorted({i for original, copies in groups.items() for i in [original, *(c["article_id"] for c in copies)]})
    meta = {row[0]: row for row in con.execute(_ARTICLE_META, [ids]).fetchall()} if ids else {}
    clusters: list[dict[str, Any]] = []
    for original, copies in groups.items():
        members = [{"article_id": original, "kind": "original", "similarity": None, "reuse_share": None}, *copies]
        for member in members:
            if member["kind"] == "exact":
                continue
            _, publisher, url, published, title, source = meta.get(member["article_id"], (None,) * 6)
            member.update(publisher=publisher, url=url, published_at=published, title=title, source=source)
        members.sort(key=_first_key)
        first = members[0]
        clusters.append(
            {
                "original_id": original,
                "articles": len(members),
                "exact": sum(m["kind"] == "exact" for m in members),
                "duplicates": sum(m["kind"] == "duplicate" for m in members),
                "partial": sum(m["kind"] == "partial" for m in members),
                "outlets": len({m["publisher"] for m in members if m["publisher"]}),
                "first_article_id": first["article_id"],
                "first_publisher": first["publisher"],
                "first_published_at": first["published_at"],
                "title": next((m["title"] for m in members if m["kind"] == "original"), None),
                "members": members,
            }
        )
    clusters.sort(key=lambda c: (-c["articles"], c["first_published_at"] or "~", c["original_id"]))
    return clusters


def reuse_of(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT near_duplicate_of, similarity, reused_from, reuse_share FROM article_reuse WHERE article_id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("near_duplicate_of", "similarity", "reused_from", "reuse_share"), row, strict=False))
