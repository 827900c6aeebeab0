"""Query objects for claim threads and their hops: the one query layer under the CLI, the HTTP
API and the exports (compiled to parameterised SQL like ``query.EventQuery``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.store.query import QueryError, _check_date, _check_paging, _paging
from wirewatch.threads.appearance import HOP_FIELDS as HOP_FIELDS  # re-exported: the listing fields
from wirewatch.threads.appearance import THREAD_FIELDS as THREAD_FIELDS


class ThreadNotFound(StoreError):
    """No stored thread has the id asked for (the HTTP API answers 404)."""


# Drift marks a hop can carry (threads.drift.Drift.marks), for filters that name one.
DRIFT_MARKS: tuple[str, ...] = (
    "hedge dropped", "hedge added", "certainty up", "certainty down", "speaker renamed", "speaker lost",
    "speaker named", "number changed", "words changed",
)


@dataclass(frozen=True, slots=True)
class ThreadQuery:
    """Claim threads, most relayed first. ``speaker`` matches words of the thread's speaker;
    ``outlet`` any hop's publisher or a name in the thread's chain; ``state_media`` True keeps
    threads with a state-affiliated hop; ``drift`` a drift mark ("hedge dropped") or ``any``;
    ``laundering`` True keeps threads with a hop that dropped the attribution; dates are the
    publication dates of its appearances (first to last seen); ``min_articles`` is 2 by default
    (a thread of one article is a claim no one relayed yet)."""

    speaker: str | None = None
    outlet: str | None = None
    state_media: bool | None = None
    drift: str | None = None
    laundering: bool | None = None
    since: str | None = None
    until: str | None = None
    min_articles: int = 2
    thread_id: str | None = None
    article_id: str | None = None  # threads with an appearance in this article (id prefix)
    limit: int | None = None
    offset: int = 0

    fields = THREAD_FIELDS

    def sql(self) -> tuple[str, list[Any]]:
        _check_paging(self.limit, self.offset)
        _check_date("since", self.since)
        _check_date("until", self.until)
        where: list[str] = ["t.articles >= ?"]
        params: list[Any] = [self.min_articles]
        if self.speaker:
            where.append("contains(lower(coalesce(t.speaker, '')), lower(?))")
            params.append(self.speaker)
        if self.outlet:
            where.append(
                "(contains(lower(array_to_string(coalesce(t.chain, []), chr(31))), lower(?)) OR EXISTS "
                "(SELECT 1 FROM thread_hops h WHERE h.thread_id = t.thread_id"
                " AND contains(lower(coalesce(h.publisher, '')), lower(?))))"
            )
            params += [self.outlet] * 2
        if self.state_media is not None:
            where.append("(t.state_hops > 0) = ?")
            params.append(self.state_media)
        if self.laundering is not None:
            where.append("(t.laundered_hops > 0) = ?")
            params.append(self.laundering)
        if self.drift:
            if self.drift == "any":
                where.append("len(coalesce(t.drift, [])) > 0")
            elif self.drift in DRIFT_MARKS:
                where.append("list_contains(t.drift, ?)")
                params.append(self.drift)
            else:
                raise QueryError(f"drift {self.drift!r} is not one of any, {', '.join(DRIFT_MARKS)}")
        if self.thread_id:
            where.append("starts_with(t.thread_id, ?)")
            params.append(self.thread_id)
        if self.article_id:
            where.append(
                "EXISTS (SELECT 1 FROM thread_hops h WHERE h.thread_id = t.thread_id AND starts_with(h.article_id, ?))"
            )
            params.append(self.article_id)
        # A thread is in a date range when any of its appearances is: first seen <= until, last seen >= since.
        if self.since:
            where.append("substr(t.last_seen, 1, 10) >= ?")
            params.append(self.since)
        if self.until:
            where.append("substr(t.first_seen, 1, ?) <= ?")
            params += [len(self.until), self.until]
        cols = ", ".join(f"t.{name}" for name in self.fields)
        sql = f"SELECT {cols} FROM claim_threads t WHERE " + " AND ".join(where)
        sql += " ORDER BY t.articles DESC, t.outlets DESC, t.first_seen NULLS LAST, t.thread_id"
        return _paging(sql, self.limit, self.offset, params), params


@dataclass(frozen=True, slots=True)
class HopQuery:
    """Hops in thread order: one thread's (``thread_id``, an id prefix), one article's
    (``article_id``, an id prefix: which thread each of its claims is in) or every thread's."""

    thread_id: str | None = None
    article_id: str | None = None
    min_articles: int = 1
    limit: int | None = None
    offset: int = 0

    fields = HOP_FIELDS

    def sql(self) -> tuple[str, list[Any]]:
        _check_paging(self.limit, self.offset)
        where: list[str] = ["t.articles >= ?"]
        params: list[Any] = [self.min_articles]
        if self.thread_id:
            where.append("starts_with(h.thread_id, ?)")
            params.append(self.thread_id)
        if self.article_id:
            where.append("starts_with(h.article_id, ?)")
            params.append(self.article_id)
        cols = ", ".join(f"h.{name}" for name in self.fields)
        sql = (
            f"SELECT {cols} FROM thread_hops h JOIN claim_threads t ON t.thread_id = h.thread_id WHERE "
            + " AND ".join(where) + " ORDER BY h.thread_id, h.position"
        )
        return _paging(sql, self.limit, self.offset, params), params




def thread_record(fetch: Callable[[Any], list[dict[str, Any]]], thread_id: str) -> dict[str, Any]:
    """One thread and its hops in order, ``{"thread": {...}, "hops": [...]}``, by id or id prefix
    (``fetch`` is ``Store.fetch``: the CLI and the HTTP API both answer through this)."""
    if not thread_id:
        raise QueryError("thread id is empty; give a thread id or a prefix of one")
    found = fetch(ThreadQuery(thread_id=thread_id, min_articles=1, limit=3))
    if not found:
        raise ThreadNotFound(f"{thread_id}: no stored thread has this id")
    if len(found) > 1 and not any(t["thread_id"] == thread_id for t in found):
        raise QueryError(f"{thread_id}: ambiguous thread id prefix ({', '.join(t['thread_id'] for t in found)}, ...)")
    thread = next((t for t in found if t["thread_id"] == thread_id), found[0])
    return {"thread": thread, "hops": fetch(HopQuery(thread_id=thread["thread_id"]))}
