"""The store: DuckDB file, migrations, transactional batches and the one query layer."""

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
    "EVENT_FIELDS",
    "ArticleQuery",
    "ClaimQuery",
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
