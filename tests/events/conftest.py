from __future__ import annotations

import pytest
from stage_lexicons import coreference, event_lexicons, media

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.events.coding import code_events
from wirewatch.records import Article, Event


@pytest.fixture(scope="session")
def actor_dictionary():
    return load_actor_dictionary()


@pytest.fixture(scope="session")
def code(nlp, actor_dictionary):
    """Code one text (dated 2025-06-01 unless told) through actors and events."""

    def run(text: str, published_at: str | None = "2025-06-01") -> list[Event]:
        article = Article(article_id="test", text=text, published_at=published_at)
        doc = nlp(text)
        return code_events(doc, article, find_mentions(doc, article, actor_dictionary, coreference(), media()), event_lexicons())

    return run
