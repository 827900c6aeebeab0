"""Turning records into Arrow tables the store inserts in one statement per table.

Arrow types come from the record dataclasses' annotations, so a batch with only ``None``
in a column (or only empty lists) still has the column's real type.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from operator import attrgetter
from typing import Any

import pyarrow as pa

from wirewatch.records import ActorMention, Article, Claim, Event, InputProblem

# Record type -> the table that holds it.
TABLE_OF: dict[type, str] = {
    Article: "articles",
    ActorMention: "actor_mentions",
    Event: "events",
    Claim: "claims",
}

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def _arrow_type(annotation: Any, where: str) -> pa.DataType:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(inner) == 1:
            return _arrow_type(inner[0], where)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return pa.list_(_arrow_type(item, where))
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"{where}: no store column type for annotation {annotation!r}")


@cache
def arrow_schema(record_type: type) -> pa.Schema:
    hints = typing.get_type_hints(record_type)
    return pa.schema(
        [(name, _arrow_type(hint, f"{record_type.__name__}.{name}")) for name, hint in hints.items()]
    )


def records_table(record_type: type, records: list[Any]) -> pa.Table:
    """An Arrow table of ``records``; a value of the wrong type raises naming the record."""
    try:
        return _columns_table(records, arrow_schema(record_type))
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
        raise ValueError(f"{record_type.__name__} records do not fit the schema: {exc}") from exc


def _columns_table(records: list[Any], schema: pa.Schema) -> pa.Table:
    """The attributes of ``records`` named by ``schema``, converted a column at a time
    (no dict per record: the values go to Arrow as they are)."""
    return pa.Table.from_arrays(
        [pa.array(list(map(attrgetter(f.name), records)), type=f.type) for f in schema], schema=schema
    )


def problems_table(problems: list[InputProblem], when: Any) -> pa.Table:
    # One row per (source, reason): the same problem seen twice keeps its latest time.
    unique = {(p.source, p.reason): p for p in problems}
    return pa.table(
        {
            "source": [s for s, _ in unique],
            "reason": [r for _, r in unique],
            "when": pa.array([when] * len(unique), type=pa.timestamp("us", tz="UTC")),
        }
    )


REUSE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("near_duplicate_of", pa.string()),
        ("similarity", pa.float64()),
        ("reused_from", pa.string()),
        ("reuse_share", pa.float64()),
        ("minhash", pa.list_(pa.int64())),
        ("fingerprints", pa.list_(pa.int64())),
    ]
)


def reuse_table(findings: list[Any]) -> pa.Table:
    """Rows of ``article_reuse`` from ``ingest.reuse.Reuse`` findings (read by attribute)."""
    return _columns_table(findings, REUSE_SCHEMA)


COPY_FIELDS = ("source", "article_id", "url", "publisher", "published_at")


def copies_table(articles: list[Any]) -> pa.Table:
    """Rows of ``article_copies``: exact reprints (same text, so same id) found at another source."""
    unique = {a.source: a for a in articles if a.source}
    return pa.table({name: pa.array([getattr(a, name) for a in unique.values()], pa.string()) for name in COPY_FIELDS})
