"""A person whose name holds a country or a capital is a person, never that country (issue 13).

Names written for the test; the rule is the parser's PERSON entity running past the place name.
"""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, media

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _codes(nlp, dictionary, text: str) -> dict[str, str | None]:
    article = Article(article_id="t", text=text, published_at="2025-11-01")
    return {m.text: m.code for m in find_mentions(nlp(text), article, dictionary, coreference(), media())}


@pytest.mark.parametrize("text, name", [
    ("Michael Jordan criticized the league on Monday.", "Michael Jordan"),
    ("Jordan Peterson attacked the critics of the government.", "Jordan Peterson"),
])
def test_a_name_that_holds_a_country_is_not_the_country(nlp, dictionary, text: str, name: str) -> None:
    codes = _codes(nlp, dictionary, text)
    assert name in codes and codes[name] is None, codes


def test_a_country_before_a_possessive_still_codes(nlp, dictionary) -> None:
    codes = _codes(nlp, dictionary, "Officials said Jordan's king met Russia's Vladimir Putin in Amman.")
    assert codes.get("Jordan's king") == "JORGOV", codes
    assert "RUS" in {(c or "")[:3] for c in codes.values()}, codes
