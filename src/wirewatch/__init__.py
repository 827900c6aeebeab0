"""wirewatch: news articles to event data with provenance.

Python API::

    import wirewatch
    analysis = wirewatch.analyze(text, published_at="2024-05-03")   # records, no store needed
    with wirewatch.open_store("wirewatch.duckdb", read_only=True) as store:
        rows = store.events(wirewatch.EventQuery(actor="RUS"))
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

from wirewatch.records import (
    SCHEMA_VERSION,
    ActorMention,
    Analysis,
    Article,
    Claim,
    Event,
    InputProblem,
)
from wirewatch.store import ArticleQuery, ClaimQuery, EventQuery, Store, open_store

if TYPE_CHECKING:
    from wirewatch.stages import analyze


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy (about a second); load it only when analysis is asked for,
    # so listing and export commands start fast.
    if name == "analyze":
        from wirewatch.stages import analyze

        return analyze
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")


try:
    __version__ = metadata.version("wirewatch")
except metadata.PackageNotFoundError:  # running from a source checkout
    __version__ = "0.1.0"


__all__ = [
    "SCHEMA_VERSION",
    "ActorMention",
    "Analysis",
    "Article",
    "ArticleQuery",
    "Claim",
    "ClaimQuery",
    "Event",
    "EventQuery",
    "InputProblem",
    "Store",
    "__version__",
    "analyze",
    "open_store",
]
