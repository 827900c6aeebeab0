"""The one query layer: typed query objects compiled to parameterised SQL.

The CLI, the Python API, the HTTP API and the exports all ask the store through these
objects, so the same filter gives the same rows everywhere. Every user value travels as
a SQL parameter; only column names written here are spliced into the text.

Rows come back as dicts keyed by the public field names of docs/schema.md (``EVENT_FIELDS``,
``CLAIM_FIELDS``, ``ARTICLE_FIELDS``), in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Protocol

from wirewatch.errors import WirewatchError
from wirewatch.events.confidence import SHOWN_FLOOR
from wirewatch.records import CERTAINTIES, CLAIM_KINDS, MODALITIES, Event, field_names
from wirewatch.store.event_dates import DATE_PRECISION, EVENT_DAY, PRECISIONS, date_overlap

# The stable public columns (docs/schema.md). The store keeps a few more
# (claim span offsets, boilerplate counts) for the article view; they are not exported.
ARTICLE_FIELDS: tuple[str, ...] = (
    "article_id", "url", "title", "publisher", "authors", "published_at", "language", "text",
    "source", "near_duplicate_of",
)
# Event.state_media is stored for filtering (EventQuery.state_media) but is not a public (exported) field.
# The public event shape is DESIGN.md's list; the state-media flag and the trigger offsets are
# stored (filters and the claim link read them) but not part of it.
_UNLISTED_EVENT_FIELDS = frozenset({"state_media", "trigger_start", "trigger_end"})
EVENT_FIELDS: tuple[str, ...] = tuple(n for n in field_names(Event) if n not in _UNLISTED_EVENT_FIELDS)
CLAIM_FIELDS: tuple[str, ...] = (
    "claim_id", "article_id", "kind", "speaker_text", "speaker_name", "speaker_code",
    "speaker_kind", "cue", "content", "char_start", "char_end", "certainty", "hedges", "chain",
    "state_media",
)

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Event listings, newest articles first; shared with the API's paged lookup (aggregates.EventPageQuery).
EVENT_ORDER = "a.published_at DESC NULLS LAST, e.article_id, e.char_start, e.event_id"

class QueryError(WirewatchError):
    """A filter value that cannot be used; names the value and what is expected."""


def _check_date(name: str, value: str | None) -> None:
    if value is not None and not (_DATE.fullmatch(value) and _on_calendar(value)):
        raise QueryError(f"{name}={value!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")


def _on_calendar(value: str) -> bool:
    """The shape alone lets 2025-02-30 and 2025-13 through; the database would refuse them later."""
    parts = value.split("-")
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def actor_condition(codes: tuple[str, str], texts: tuple[str, str]) -> str:
    """An actor filter: a code prefix of either side, or words of either side's text; takes
    the value four times (two codes, then two texts). Events and event clusters both use it."""
    return (
        f"(starts_with(upper(coalesce({codes[0]}, '')), upper(?))"
        f" OR starts_with(upper(coalesce({codes[1]}, '')), upper(?))"
        f" OR contains(lower(coalesce({texts[0]}, '')), lower(?))"
        f" OR contains(lower(coalesce({texts[1]}, '')), lower(?)))"
    )


def _check_paging(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 0:
        raise QueryError(f"limit={limit} must be 0 or more")
    if offset < 0:
        raise QueryError(f"offset={offset} must be 0 or more")


def _paging(sql: str, limit: int | None, offset: int, params: list[Any]) -> str:
    if limit is not None and limit > 0:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return sql


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Events that are asserted, have an actor and are not held very likely wrong (a confidence of
    at least ``SHOWN_FLOOR``), unless ``modality``, ``include_all_modalities``, ``coded`` or
    ``min_confidence`` says otherwise; ``every`` widens all three defaults at once.

    ``coded``: True (the default) keeps events with an actor (a source or a target, coded or
    named); False keeps only the "uncoded" ones, with neither (kept for review, never counted
    as events by default); None keeps both.

    ``actor`` matches a source or target code prefix (``RUS``, ``VENMIL``) or words of their text;
    ``country`` an ISO3 code of source, target or place; ``event_type`` a PLOVER type
    (``protest``) or a CAMEO code prefix (``19``, ``042``). Dates use the event's date, or its
    article's publication date when the event has none.
    """

    actor: str | None = None
    country: str | None = None
    event_type: str | None = None
    modality: tuple[str, ...] = ()
    include_all_modalities: bool = False
    coded: bool | None = True
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    claim_id: str | None = None
    limit: int | None = None
    offset: int = 0
    # Filters used by the HTTP API and the dashboard (directional dyad, facets, search).
    source: str | None = None  # source only: actor code prefix (RUS in RUS->VEN, RUSMIL)
    target: str | None = None  # target only, same forms
    # The day a chart's bar counts the event on (EVENT_DAY), so a bar links to exactly its events.
    day_from: str | None = None
    day_to: str | None = None
    precision: tuple[str, ...] = ()  # how precisely the event is dated: PRECISIONS (a band links with this)
    sector: str | None = None  # sector code of source or target (MIL, GOV, MED)
    quad_class: int | None = None  # 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    certainty: tuple[str, ...] = ()
    # The least probability of being right (events.confidence); by default what every interface
    # shows is not held very likely wrong. 0 keeps every event.
    min_confidence: float = SHOWN_FLOOR
    attributed: bool | None = None  # True: inside someone's claim; False: the publisher's own voice
    place: str | None = None  # words of the place name or toponym
    text: str | None = None  # words of the evidence sentence
    cluster_id: str | None = None
    event_ids: tuple[str, ...] = ()  # exactly these events (the API fetches a page's rows by id)
    # Provenance (claims): who says so and through which outlets.
    claimant: str | None = None  # words of the claimant, or the speaker code prefix of its claim
    outlet: str | None = None  # words of an outlet in the claim's reporting chain, or the publisher
    state_media: bool | None = None  # True: a state outlet is the source, in the chain or the publisher

    table = "events"
    fields = EVENT_FIELDS

    @classmethod
    def every(cls, **fields: Any) -> EventQuery:
        """Every stored event the given fields pick, whatever its modality, actors or confidence:
        for an article's own listing and for rows another query already chose (by id), which the
        default filters must not thin out again."""
        return cls(include_all_modalities=True, coded=None, min_confidence=0, **fields)

    def sql(self) -> tuple[str, list[Any]]:
        where, params = self.where()
        cols = ", ".join(f"e.{name}" for name in self.fields)
        sql = f"SELECT {cols} FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + EVENT_ORDER
        return _paging(sql, self.limit, self.offset, params), params

    def where(self) -> tuple[list[str], list[Any]]:
        """The filter as SQL conditions over ``events e LEFT JOIN articles a`` and their parameters
        (shared with the aggregate series in ``store/aggregates.py``)."""
        _check_paging(self.limit, self.offset)
        _check_date("since", self.since)
        _check_date("until", self.until)
        where: list[str] = []
        params: list[Any] = []
        if not self.include_all_modalities:
            wanted = self.modality or ("asserted",)
            bad = [m for m in wanted if m not in MODALITIES]
            if bad:
                raise QueryError(f"modality {bad[0]!r} is not one of {', '.join(MODALITIES)}")
            # IN with one parameter per value (not list_contains) lets DuckDB push the filter into the scan.
            where.append(f"e.modality IN ({', '.join('?' * len(wanted))})")
            params += list(wanted)
        if self.coded is not None:
            # IS NOT NULL reads only the validity masks: a string comparison on four text
            # columns would cost every query a full read of them (the stages store no '' actor).
            has_actor = (
                "(e.source_code IS NOT NULL OR e.target_code IS NOT NULL"
                " OR e.source_text IS NOT NULL OR e.target_text IS NOT NULL)"
            )
            where.append(has_actor if self.coded else f"NOT {has_actor}")
        if not 0 <= self.min_confidence <= 1:
            raise QueryError(f"min_confidence {self.min_confidence!r} is not between 0 and 1")
        if self.min_confidence > 0:
            where.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.actor:
            where.append(actor_condition(("e.source_code", "e.target_code"), ("e.source_text", "e.target_text")))
            params += [self.actor] * 4
        if self.country:
            where.append("upper(?) IN (e.source_country, e.target_country, e.place_country)")
            params.append(self.country)
        if self.event_type:
            if self.event_type.isdigit():
                where.append("starts_with(e.cameo_code, ?)")
            else:
                where.append("lower(e.plover_type) = lower(?)")
            params.append(self.event_type)
        if self.article_id:
            where.append("starts_with(e.article_id, ?)")
            params.append(self.article_id)
        if self.claim_id:
            where.append("e.claim_id = ?")
            params.append(self.claim_id)
        for side, value in (("source", self.source), ("target", self.target)):
            if value:
                # A bare starts_with on the column (codes are stored upper case): DuckDB pushes it
                # into the scan, so a dyad page on a million events reads two columns, not every row.
                where.append(f"starts_with(e.{side}_code, ?)")
                params.append(value.upper())
        if self.sector:
            where.append("upper(?) IN (e.source_sector, e.target_sector)")
            params.append(self.sector)
        if self.quad_class is not None:
            if self.quad_class not in (1, 2, 3, 4):
                raise QueryError(f"quad_class={self.quad_class} is not one of 1, 2, 3, 4")
            where.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.certainty:
            bad = [c for c in self.certainty if c not in CERTAINTIES]
            if bad:
                raise QueryError(f"certainty {bad[0]!r} is not one of {', '.join(CERTAINTIES)}")
            where.append("list_contains(?, e.certainty)")
            params.append(list(self.certainty))
        if self.attributed is not None:
            where.append("e.claim_id IS NOT NULL" if self.attributed else "e.claim_id IS NULL")
        if self.place:
            where.append(
                "(contains(lower(coalesce(e.place_name, '')), lower(?))"
                " OR contains(lower(coalesce(e.place_text, '')), lower(?))"
                " OR upper(?) = e.place_country)"
            )
            params += [self.place] * 3
        if self.text:
            where.append("contains(lower(e.evidence), lower(?))")
            params.append(self.text)
        if self.cluster_id:
            where.append("e.cluster_id = ?")
            params.append(self.cluster_id)
        if self.event_ids:
            where.append("list_contains(?, e.event_id)")
            params.append(list(self.event_ids))
        if self.claimant:
            where.append(
                "(contains(lower(coalesce(e.claimant, '')), lower(?)) OR EXISTS (SELECT 1 FROM claims c"
                " WHERE c.claim_id = e.claim_id AND starts_with(upper(coalesce(c.speaker_code, '')), upper(?))))"
            )
            params += [self.claimant] * 2
        if self.outlet:
            where.append(
                "(contains(lower(coalesce(a.publisher, '')), lower(?)) OR EXISTS (SELECT 1 FROM claims c"
                " WHERE c.claim_id = e.claim_id"
                " AND contains(lower(array_to_string(coalesce(c.chain, []), chr(31))), lower(?))))"
            )
            params += [self.outlet] * 2
        if self.state_media is not None:
            where.append("(coalesce(e.state_media, false) OR coalesce(a.state_media, false)) = ?")
            params.append(self.state_media)
        for name, value, op in (("day_from", self.day_from, ">="), ("day_to", self.day_to, "<=")):
            if value is not None:
                if not (_DAY.fullmatch(value) and _on_calendar(value)):
                    raise QueryError(f"{name}={value!r} is not a day; expected YYYY-MM-DD")
                where.append(f"{EVENT_DAY} {op} CAST(? AS DATE)")
                params.append(value)
        if self.precision:
            bad = [p for p in self.precision if p not in PRECISIONS]
            if bad:
                raise QueryError(f"precision {bad[0]!r} is not one of {', '.join(PRECISIONS)}")
            where.append(f"{DATE_PRECISION} IN ({', '.join('?' * len(self.precision))})")
            params += list(self.precision)
        date_overlap("coalesce(e.date, substr(a.published_at, 1, 10))", self.since, self.until, where, params)
        return where, params


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Claims. ``speaker`` matches words of the speaker's text or name, or a code prefix;
    ``outlet`` any name in the reporting chain or the publisher; dates are publication dates."""

    speaker: str | None = None
    kind: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int = 0
    state_media: bool | None = None  # True: a state-affiliated outlet is the speaker or in the chain
    certainty: tuple[str, ...] = ()

    table = "claims"
    fields = CLAIM_FIELDS

    def sql(self) -> tuple[str, list[Any]]:
        _check_paging(self.limit, self.offset)
        _check_date("since", self.since)
        _check_date("until", self.until)
        where: list[str] = []
        params: list[Any] = []
        if self.kind:
            if self.kind not in CLAIM_KINDS:
                raise QueryError(f"kind {self.kind!r} is not one of {', '.join(CLAIM_KINDS)}")
            where.append("c.kind = ?")
            params.append(self.kind)
        if self.speaker:
            where.append(
                "(contains(lower(coalesce(c.speaker_text, '')), lower(?))"
                " OR contains(lower(coalesce(c.speaker_name, '')), lower(?))"
                " OR starts_with(upper(coalesce(c.speaker_code, '')), upper(?)))"
            )
            params += [self.speaker] * 3
        if self.outlet:
            where.append(
                "(contains(lower(array_to_string(coalesce(c.chain, []), chr(31))), lower(?))"
                " OR contains(lower(coalesce(a.publisher, '')), lower(?)))"
            )
            params += [self.outlet] * 2
        if self.article_id:
            where.append("starts_with(c.article_id, ?)")
            params.append(self.article_id)
        if self.state_media is not None:
            where.append("coalesce(c.state_media, false) = ?")
            params.append(self.state_media)
        if self.certainty:
            bad = [c for c in self.certainty if c not in CERTAINTIES]
            if bad:
                raise QueryError(f"certainty {bad[0]!r} is not one of {', '.join(CERTAINTIES)}")
            where.append("list_contains(?, c.certainty)")
            params.append(list(self.certainty))
        date_overlap("substr(a.published_at, 1, 10)", self.since, self.until, where, params)
        cols = ", ".join(f"c.{name}" for name in self.fields)
        sql = f"SELECT {cols} FROM claims c LEFT JOIN articles a ON a.article_id = c.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published_at DESC NULLS LAST, c.article_id, c.char_start, c.claim_id"
        return _paging(sql, self.limit, self.offset, params), params


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Articles, newest first. ``publisher`` matches words of the publisher; dates are publication dates."""

    publisher: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int = 0

    table = "articles"
    fields = ARTICLE_FIELDS

    def sql(self) -> tuple[str, list[Any]]:
        _check_paging(self.limit, self.offset)
        _check_date("since", self.since)
        _check_date("until", self.until)
        where: list[str] = []
        params: list[Any] = []
        if self.publisher:
            where.append("contains(lower(coalesce(a.publisher, '')), lower(?))")
            params.append(self.publisher)
        if self.article_id:
            where.append("starts_with(a.article_id, ?)")
            params.append(self.article_id)
        date_overlap("substr(a.published_at, 1, 10)", self.since, self.until, where, params)
        cols = ", ".join(f"a.{name}" for name in self.fields)
        sql = f"SELECT {cols} FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published_at DESC NULLS LAST, a.article_id"
        return _paging(sql, self.limit, self.offset, params), params


class SqlQuery(Protocol):
    """Anything the store can run: a query object that writes its own parameterised SQL
    (listings, aggregates, counts)."""

    def sql(self) -> tuple[str, list[Any]]: ...


class Query(SqlQuery, Protocol):
    """A listing of public records (events, claims, articles, threads, hops): its fields, and
    the paging that ``CountQuery`` sets aside to count what a cut listing shows "N of M" of.
    Each is a dataclass, so that paging is set aside with ``dataclasses.replace``."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def fields(self) -> tuple[str, ...]: ...

    @property
    def limit(self) -> int | None: ...

    @property
    def offset(self) -> int: ...


@dataclass(frozen=True, slots=True)
class CountQuery:
    """How many rows ``query`` matches, paging aside: what a listing cut at ``limit`` says it
    shows "N of M" of. Rows: exactly one, ``{"rows": M}``."""

    query: Query

    def sql(self) -> tuple[str, list[Any]]:
        from dataclasses import replace

        inner, params = replace(self.query, limit=None, offset=0).sql()
        return f"SELECT count(*) AS rows FROM ({inner})", params

QUERY_FOR: dict[str, type[EventQuery] | type[ClaimQuery] | type[ArticleQuery]] = {
    "events": EventQuery,
    "claims": ClaimQuery,
    "articles": ArticleQuery,
}
