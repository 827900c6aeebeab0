"""The stages' lexicons for tests that call a stage directly, read once per test session
(what ``stages.Knowledge.load`` builds once per process)."""

from __future__ import annotations

from functools import cache

from wirewatch.claims.lexicons import ClaimLexicons
from wirewatch.dates.expressions import DateWords, read_date_words
from wirewatch.events.lexicons import EventLexicons
from wirewatch.places.lexicons import PlaceLexicons


@cache
def claim_lexicons() -> ClaimLexicons:
    return ClaimLexicons.load()


@cache
def event_lexicons() -> EventLexicons:
    return EventLexicons.load()


@cache
def place_lexicons() -> PlaceLexicons:
    return PlaceLexicons.load()


@cache
def date_words() -> DateWords:
    return read_date_words()
