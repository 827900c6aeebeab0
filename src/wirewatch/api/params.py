"""Query-string parameters, generated from the store's filter tables (``store.filters``): the
same names, values and meanings as the CLI's options.

The dashboard sends the same filter to the event list, the timeline, the network and the map,
so one dependency builds the ``EventQuery`` for all of them; a chart's "show the events
behind this" link is then just the event list with the same parameters.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, Optional

from fastapi import Query

from wirewatch.store.filters import (
    ARTICLE_FILTERS,
    CHOICE,
    CLAIM_FILTERS,
    COPIES_FILTERS,
    EVENT_FILTERS,
    FLAG,
    FRACTION,
    NUMBER,
    TEXT,
    TEXTS,
    THREAD_FILTERS,
    YES_NO,
    Filter,
    FilterTable,
)

# Page sizes: what a client gets without asking, and the most it may ask for.
DEFAULT_PAGE = 50
MAX_PAGE = 1000


def blank_to_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parameter(spec: Filter) -> inspect.Parameter:
    """The query-string parameter for one filter, as a keyword-only parameter FastAPI reads."""
    described: dict[str, Any] = {"description": spec.help}
    annotation: Any  # an Annotated form FastAPI reads at run time
    default: Any
    if spec.kind == TEXT:
        if spec.max_length is not None:
            described["max_length"] = spec.max_length
        annotation, default = Annotated[Optional[str], Query(**described)], None
    elif spec.kind == TEXTS:
        annotation, default = Annotated[list[str], Query(**described)], []
    elif spec.kind == YES_NO:
        annotation = Annotated[Optional[bool] if spec.default is None else bool, Query(**described)]
        default = spec.default
    elif spec.kind == FLAG:
        annotation, default = Annotated[bool, Query(**described)], False
    elif spec.kind in (NUMBER, FRACTION):
        number = int if spec.kind == NUMBER else float
        annotation = Annotated[Optional[number] if spec.default is None else number,
                               Query(ge=spec.minimum, le=spec.maximum, **described)]
        default = spec.default
    elif spec.kind == CHOICE:
        annotation, default = Annotated[str, Query(pattern=f"^({'|'.join(spec.choices)})$", **described)], spec.default
    else:
        raise ValueError(f"filter {spec.name}: unknown kind {spec.kind!r}")
    return inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def filter_dependency(table: FilterTable) -> Callable[..., Any]:
    """A FastAPI dependency taking ``table``'s parameters and giving its query object."""

    def dependency(**values: Any) -> Any:
        return table.build(values)

    dependency.__signature__ = inspect.Signature([_parameter(spec) for spec in table.filters])  # type: ignore[attr-defined]
    dependency.__name__ = f"{table.query_type.__name__}_filter"
    return dependency


event_filter = filter_dependency(EVENT_FILTERS)
claim_filter = filter_dependency(CLAIM_FILTERS)
article_filter = filter_dependency(ARTICLE_FILTERS)
thread_filter = filter_dependency(THREAD_FILTERS)
copies_filter = filter_dependency(COPIES_FILTERS)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip (paging).")]
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv.")]
