"""What each route answers, written into the OpenAPI schema so that the schema and the
behaviour agree (a schemathesis run in tests/robustness checks every route against it).

FastAPI would document a 422 for validation errors, which this API answers with 400 in its
one error shape (``errors.py``), and nothing about routes that build their own ``Response``.
``document_responses`` replaces both: per route, the 200 body (JSON, and CSV where
``format=csv`` is offered), and the error statuses it can give, all in the error shape.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from wirewatch.records import CERTAINTIES, CLAIM_KINDS, MODALITIES
from wirewatch.store import ARTICLE_FIELDS, CLAIM_FIELDS, COPIES_FIELDS, EVENT_FIELDS, HOP_FIELDS, THREAD_FIELDS
from wirewatch.store.aggregates import INTERVALS, LEVELS, SERIES_KEYS
from wirewatch.store.event_dates import PRECISIONS
from wirewatch.store.thread_query import DRIFT_MARKS

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        }
    },
}
_ROWS: dict[str, Any] = {"type": "array", "items": {"type": "object"}}
_PAGING = {"limit": {"type": "integer"}, "offset": {"type": "integer"}}


def _record(fields: tuple[str, ...]) -> dict[str, Any]:
    # Every public field is always present (null when unknown); values keep their own types.
    return {"type": "object", "required": list(fields), "properties": {name: {} for name in fields}}


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": list(properties), "properties": properties}


def _page(key: str, fields: tuple[str, ...]) -> dict[str, Any]:
    return _object(**{key: {"type": "array", "items": _record(fields)}}, **_PAGING,
                   next={"type": ["string", "null"]})


# The 200 body of each route; routes with ``format=csv`` also answer text/csv.
BODIES: dict[str, dict[str, Any]] = {
    "/api/events": _page("events", EVENT_FIELDS),
    "/api/claims": _page("claims", CLAIM_FIELDS),
    "/api/articles": _page("articles", ARTICLE_FIELDS),
    "/api/threads": _page("threads", THREAD_FIELDS),
    "/api/hops": _page("hops", HOP_FIELDS),
    "/api/duplicates": _page("duplicates", (*COPIES_FIELDS, "members")),
    "/api/threads/{thread_id}": _object(thread=_record(THREAD_FIELDS), hops={"type": "array", "items": _record(HOP_FIELDS)}),
    "/api/events/count": {"type": "object"},
    # The whole filtered set, streamed: a JSON array of records (format=json) or CSV (the default).
    "/api/events/download": {"type": "array", "items": _record(EVENT_FIELDS)},
    "/api/claims/download": {"type": "array", "items": _record(CLAIM_FIELDS)},
    "/api/articles/{article_id}": _object(
        article=_record(ARTICLE_FIELDS), events={"type": "array", "items": _record(EVENT_FIELDS)},
        claims={"type": "array", "items": _record(CLAIM_FIELDS)}, mentions=_ROWS,
    ),
    "/api/series": _object(interval={"type": "string"}, by={"type": "string"}, series=_ROWS),
    "/api/network": _object(level={"type": "string"}, edges=_ROWS),
    "/api/actors": _object(level={"type": "string"}, actors=_ROWS, **_PAGING),
    "/api/spans": _object(spans=_ROWS),
    "/api/actors/search": _object(q={"type": "string"}, codes=_ROWS),
    "/api/places": _object(places=_ROWS),
    "/api/clusters": _object(clusters=_ROWS, clusters_table={"type": "boolean"}, **_PAGING),
    "/api/summary": _object(
        store={"type": "string"}, totals={"type": "object"}, matching={"type": "object"},
        watch={"type": ["object", "null"]},
    ),
}
_CSV = {
    "/api/events", "/api/claims", "/api/articles", "/api/threads", "/api/hops", "/api/duplicates", "/api/threads/{thread_id}", "/api/events/download", "/api/claims/download",
    "/api/series", "/api/spans", "/api/network", "/api/actors", "/api/actors/search", "/api/places", "/api/clusters",
}
_NOT_FOUND = {"/api/articles/{article_id}", "/api/threads/{thread_id}"}


# Days a month can have (29 February left out: the schema may be stricter than the server,
# never looser, so that every value it allows is accepted).
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DAY = rf"[1-9][0-9]{{3}}-{_MONTH_DAY}"
_DATE = rf"[1-9][0-9]{{3}}(?:-(?:0[1-9]|1[0-2])|-{_MONTH_DAY})?"


def _blank_or(pattern: str) -> dict[str, Any]:
    # Filters are stripped, and a blank one is no filter (what an empty form field sends).
    return {"type": "string", "pattern": rf"^\s*(?:{pattern})?\s*$"}


# The values the query objects accept, which FastAPI only sees as strings.
PARAMETERS: dict[str, dict[str, Any]] = {
    "since": _blank_or(_DATE),
    "until": _blank_or(_DATE),
    "day_from": _blank_or(_DAY),
    "day_to": _blank_or(_DAY),
    "modality": {"type": "array", "items": {"type": "string", "enum": [*MODALITIES, "all", ""]}},
    "certainty": {"type": "array", "items": {"type": "string", "enum": [*CERTAINTIES, ""]}},
    "kind": _blank_or("|".join(CLAIM_KINDS)),
    "interval": {"type": "string", "enum": list(INTERVALS)},
    "drift": _blank_or("|".join(["any", *DRIFT_MARKS])),
    "precision": {"type": "array", "items": {"type": "string", "enum": [*PRECISIONS, ""]}},
    "by": {"type": "string", "enum": list(SERIES_KEYS)},
    "level": {"type": "string", "enum": list(LEVELS)},
}


def _constrained(parameter: dict[str, Any]) -> None:
    extra = PARAMETERS.get(parameter.get("name", ""))
    if extra is None:
        return
    schema = parameter.setdefault("schema", {})
    default = schema.get("default")
    for key in ("anyOf", "type", "items"):
        schema.pop(key, None)
    schema.update(extra)
    if default is not None:
        schema["default"] = default


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


def document_responses(app: FastAPI) -> None:
    """Make ``app.openapi()`` describe what the routes really answer."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    _constrained(parameter)
                    if parameter.get("name") == "format" and path not in _CSV:
                        # Routes answering one JSON object refuse format=csv (a 400 that says so).
                        parameter.setdefault("schema", {}).update({"enum": ["json"]})
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                body = BODIES.get(path)
                if body is not None:
                    content: dict[str, Any] = {"application/json": {"schema": body}}
                    if path in _CSV:
                        content["text/csv"] = {"schema": {"type": "string"}}
                    responses["200"] = {"description": "Success", "content": content}
                responses["400"] = _error("A parameter that cannot be used; the message names it and what is expected.")
                if path in _NOT_FOUND:
                    responses["404"] = _error("No stored record has this id.")
                responses["503"] = _error("The query ran past the server's time limit.")
        # The validation-error models FastAPI adds are never answered with.
        components = schema.get("components", {}).get("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
