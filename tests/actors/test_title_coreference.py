"""A bare definite title refers back to the latest person named with that title (issue 13):
"President X ... the president held talks" is X, not whoever else the sentence names."""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, media

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _codes(nlp, text: str) -> dict[str, str | None]:
    article = Article(article_id="t", text=text, published_at="2024-05-10")
    return {m.text: m.code for m in find_mentions(nlp(text), article, load_actor_dictionary(), coreference(), media())}


def test_the_president_is_the_president_named_before(nlp) -> None:
    codes = _codes(nlp, "President Emmanuel Macron arrived in Dakar. Later, the president met Nigerian officials.")
    assert codes.get("president") == codes.get("President Emmanuel Macron") == "FRAGOV", codes


def test_a_title_nobody_held_before_stays_uncoded(nlp) -> None:
    codes = _codes(nlp, "Chancellor Olaf Scholz spoke in Berlin. Later, the president met Nigerian officials.")
    assert codes.get("president") is None, codes
