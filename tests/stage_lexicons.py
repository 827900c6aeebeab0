"""The stages' lexicons for tests that call a stage directly, read once per test session
(what ``stages.Knowledge.load`` builds once per process)."""

from __future__ import annotations

from functools import cache

from wirewatch.actors.coreference import CoreferenceKnowledge
from wirewatch.actors.dictionary import load_actor_dictionary, nationality_words
from wirewatch.claims.cues import read_claim_cues
from wirewatch.claims.lexicons import ClaimLexicons, person_words
from wirewatch.dates.expressions import DateWords, read_date_words
from wirewatch.events.lexicons import EventLexicons
from wirewatch.media.credits import MediaKnowledge
from wirewatch.places.lexicons import PlaceLexicons


@cache
def media() -> MediaKnowledge:
    """The built-in state-media registry and wire services."""
    return MediaKnowledge.load()


@cache
def coreference() -> CoreferenceKnowledge:
    """With the built-in actor dictionary's country words and people, as ``Knowledge.load`` gives it."""
    return CoreferenceKnowledge.load(person_words(read_claim_cues())).with_countries(
        *nationality_words(load_actor_dictionary(registry=media().registry)))


@cache
def claim_lexicons() -> ClaimLexicons:
    return ClaimLexicons.load(media(), coreference())


@cache
def event_lexicons() -> EventLexicons:
    return EventLexicons.load(coreference())


@cache
def place_lexicons() -> PlaceLexicons:
    return PlaceLexicons.load(media())


@cache
def date_words() -> DateWords:
    return read_date_words()
