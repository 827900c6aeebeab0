"""Streamed downloads of a whole filtered set: ``GET /api/events/download`` and
``GET /api/claims/download``.

The dashboard's "download" offers every row the filter matches, not a page of them. The rows
are read a block at a time through the server's store (each block under the query time limit,
in the listing's stable order) and written out as they come, so a large download neither waits
for the whole set nor holds it in memory.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from wirewatch.api.params import claim_filter, event_filter
from wirewatch.api.store_access import StoreAccess
from wirewatch.export.csv_file import write_csv
from wirewatch.store import ClaimQuery, EventQuery, Store

router = APIRouter(prefix="/api")

BLOCK = 2000
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _fetch(page: EventQuery | ClaimQuery, store: Store) -> list[dict]:
    return store.fetch(page)


def _blocks(access: StoreAccess, query: EventQuery | ClaimQuery) -> Iterator[list[dict]]:
    offset = 0
    while True:
        # The page is bound now, not looked up when the worker thread runs the call.
        rows = access.read(partial(_fetch, replace(query, limit=BLOCK, offset=offset)))
        if rows:
            yield rows
        if len(rows) < BLOCK:
            return
        offset += BLOCK


def _csv(blocks: Iterator[list[dict]], fields: tuple[str, ...]) -> Iterator[str]:
    out = io.StringIO()
    write_csv([], fields, out)  # the header, even for an empty set
    yield out.getvalue()
    for rows in blocks:
        out = io.StringIO()
        write_csv(rows, fields, out)
        yield out.getvalue().split("\n", 1)[1]  # each block's own header line dropped


def _json(blocks: Iterator[list[dict]], fields: tuple[str, ...]) -> Iterator[str]:
    # One JSON array of objects, like `wirewatch events --format json`.
    yield "["
    first = True
    for rows in blocks:
        for row in rows:
            yield ("" if first else ",") + "\n" + json.dumps(
                {f: row.get(f) for f in fields}, ensure_ascii=False, default=str)
            first = False
    yield "\n]\n"


@router.get("/events/download", summary="Every event matching the filter, streamed as CSV or a JSON array")
def download_events(
    request: Request, query: Annotated[EventQuery, Depends(event_filter)],
    format: Annotated[str, Query(pattern="^(csv|json)$", description="csv (default) or json (one array).")] = "csv",
) -> StreamingResponse:
    return _stream(request, "events", query, format)


@router.get("/claims/download", summary="Every claim matching the filter, streamed as CSV or a JSON array")
def download_claims(
    request: Request, query: Annotated[ClaimQuery, Depends(claim_filter)],
    format: Annotated[str, Query(pattern="^(csv|json)$", description="csv (default) or json (one array).")] = "csv",
) -> StreamingResponse:
    return _stream(request, "claims", query, format)


def _stream(request: Request, what: str, query: EventQuery | ClaimQuery, fmt: str) -> StreamingResponse:
    access: StoreAccess = request.app.state.access
    # The first block is read before the response starts: a filter the store refuses (a bad
    # modality, an impossible date) must be a 400 in the error shape, which it can no longer be
    # once the 200 and its headers are on the wire.
    blocks = _blocks(access, query)
    first = next(blocks, None)
    rows = blocks if first is None else itertools.chain([first], blocks)
    body = (_csv if fmt == "csv" else _json)(rows, query.fields)
    return StreamingResponse(body, media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{what}.{fmt}"'})
