"""The store: DuckDB file, migrations, transactional batches and the one query layer."""

from wirewatch.store.cluster_query import ClusterQuery
from wirewatch.store.clusters import CLUSTER_FIELDS
from wirewatch.store.copies_query import COPIES_FIELDS, CopiesQuery
from wirewatch.store.query import (
    ARTICLE_FIELDS,
    CLAIM_FIELDS,
    EVENT_FIELDS,
    ArticleQuery,
    ClaimQuery,
    CountQuery,
    EventQuery,
    QueryError,
)
from wirewatch.store.store import Store, open_store
from wirewatch.store.thread_query import HOP_FIELDS, THREAD_FIELDS, HopQuery, ThreadQuery

__all__ = [
    "ARTICLE_FIELDS",
    "CLAIM_FIELDS",
    "CLUSTER_FIELDS",
    "COPIES_FIELDS",
    "EVENT_FIELDS",
    "ArticleQuery",
    "ClaimQuery",
    "ClusterQuery",
    "CopiesQuery",
    "CountQuery",
    "EventQuery",
    "HOP_FIELDS",
    "HopQuery",
    "QueryError",
    "Store",
    "THREAD_FIELDS",
    "ThreadQuery",
    "open_store",
]
