"""Shared helpers for place tests: the gazetteer (built once) and hand-made events on parsed text."""

from __future__ import annotations

import pytest

from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.records import Article, Event, stable_id


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _article_of(text: str, title: str | None = None, published_at: str | None = "2025-11-20") -> Article:
    return Article(article_id=stable_id(text), text=text, title=title, published_at=published_at)


def _event_at(text: str, verb: str, *, after: str = "", source: str | None = None,
             target: str | None = None, occurrence_from: int = 0) -> Event:
    """An event whose span is the word ``verb`` (first found after ``after``), as a coder would give."""
    start = text.index(verb, text.index(after, occurrence_from) if after else occurrence_from)
    return Event(
        event_id=stable_id(text, start), article_id=stable_id(text), sentence_index=0,
        char_start=start, char_end=start + len(verb), evidence=text, source_text=source, source_code=None,
        source_country=None, source_sector=None, target_text=target, target_code=None, target_country=None,
        target_sector=None, cameo_code="190", cameo_root="19", quad_class=4, goldstein=-10.0, plover_type="ASSAULT",
    )


def _sentence_event(text: str, sentence: str, *, source: str | None = None, target: str | None = None) -> Event:
    """An event whose span is a whole sentence, as a coder that only knows the sentence would give."""
    start = text.index(sentence)
    event = _event_at(text, sentence, source=source, target=target)
    event.char_start, event.char_end = start, start + len(sentence)
    return event


# The helpers as fixtures, so test modules need no imports from this file.
@pytest.fixture(scope="session")
def article_of():
    return _article_of


@pytest.fixture(scope="session")
def event_at():
    return _event_at


@pytest.fixture(scope="session")
def sentence_event():
    return _sentence_event
