"""Reading events for clustering, writing cluster ids and the cluster table (listed by ``cluster_query.ClusterQuery``)."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

_EVENTS_FOR_CLUSTERING = """
SELECT e.event_id, e.article_id, e.char_start, e.source_code, e.source_text, e.target_code, e.target_text,
       e.cameo_code, e.cameo_root, e.plover_type, e.modality, e.certainty, e.date, e.place_geonameid,
       e.place_name, e.place_country, a.published_at, a.publisher, a.url
FROM events e JOIN articles a ON a.article_id = e.article_id
WHERE a.near_duplicate_of IS NULL
ORDER BY e.event_id
"""

CLUSTER_FIELDS: tuple[str, ...] = (
    "cluster_id", "first_event_id", "first_article_id", "first_reported", "events", "articles", "outlets",
    "source", "target", "cameo_code", "plover_type", "date", "place_name", "place_country", "modality",
    "certainty",
)
_CLUSTER_SCHEMA = pa.schema(
    [(name, pa.int64() if name in ("events", "articles", "outlets") else pa.string()) for name in CLUSTER_FIELDS]
)


# Clustering gives every event of an original article a cluster, in one transaction after the
# run's last batch: an event without one was stored after the last clustering finished (a run
# killed while clustering, or before it). Derived from the data, so a store of any age knows.
_PENDING = """
SELECT EXISTS (SELECT 1 FROM events e JOIN articles a ON a.article_id = e.article_id
               WHERE a.near_duplicate_of IS NULL AND e.cluster_id IS NULL)
"""


def clusters_pending(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(_PENDING).fetchone()
    return bool(row and row[0])


def events_for_clustering(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cursor = con.execute(_EVENTS_FOR_CLUSTERING)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]


def write_event_clusters(
    con: duckdb.DuckDBPyConnection, summaries: list[dict[str, Any]], assignment: dict[str, str]
) -> None:
    """Replace the cluster table and every event's ``cluster_id``, in one transaction."""
    clusters = pa.Table.from_pylist([{k: s.get(k) for k in CLUSTER_FIELDS} for s in summaries], schema=_CLUSTER_SCHEMA)
    ids = pa.table({"event_id": list(assignment), "cluster_id": list(assignment.values())})
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_clusters", clusters)
        con.register("_assignment", ids)
        con.execute("DELETE FROM event_clusters")
        con.execute("INSERT INTO event_clusters BY NAME SELECT * FROM _clusters")
        con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        con.execute(
            "UPDATE events SET cluster_id = m.cluster_id FROM _assignment m WHERE events.event_id = m.event_id"
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_clusters")
        con.unregister("_assignment")
