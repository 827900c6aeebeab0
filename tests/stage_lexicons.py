"""The event and claim lexicons for tests that call a stage directly, read once per test session
(what ``stages.Knowledge.load`` builds once per process)."""

from __future__ import annotations

from functools import cache

from wirewatch.claims.lexicons import ClaimLexicons
from wirewatch.events.lexicons import EventLexicons


@cache
def claim_lexicons() -> ClaimLexicons:
    return ClaimLexicons.load()


@cache
def event_lexicons() -> EventLexicons:
    return EventLexicons.load()
