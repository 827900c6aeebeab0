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

__all__ = [
    "ARTICLE_FIELDS",
    "CLAIM_FIELDS",
    "EVENT_FIELDS",
    "ArticleQuery",
    "ClaimQuery",
    "CountQuery",
    "EventQuery",
    "QueryError",
    "Store",
    "open_store",
]
