"""Datelines and wire credits name no actor (issue 13): "BEIRUT (AP) —" is where and by whom a story
was filed, not who acted in it."""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, media

from wirewatch.actors.datelines import dateline_spans
from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("OSLO (AP) — The ministry said ...", "OSLO (AP) — "),
        ("LIMA, Peru (Reuters) - Officials said ...", "LIMA, Peru (Reuters) - "),
        ("NEW DELHI, March 3 (UPI) — The minister said ...", "NEW DELHI, March 3 (UPI) — "),
        ("Nairobi (AFP) - Kenya said ...", "Nairobi (AFP) - "),
        ("TUNIS — The president said ...", "TUNIS — "),
        ("Headline\n\nHAVANA, Cuba - Police said ...", "HAVANA, Cuba - "),
        ("CAIRO (AP) \ufffd Egypt said ...", "CAIRO (AP) \ufffd "),
    ],
)
def test_datelines_are_found(text: str, dateline: str) -> None:
    assert [text[s:e] for s, e in dateline_spans(text, media())][:1] == [dateline]


@pytest.mark.parametrize("text", ["NATO - the alliance said ...", "Russia - the big one", "The US said (AP) ..."])
def test_other_openings_are_no_datelines(text: str) -> None:
    assert not any(s == 0 and text[s:e].strip().endswith(("-", "—")) for s, e in dateline_spans(text, media()))


def test_nobody_in_a_dateline_is_an_actor(nlp) -> None:
    text = "LIMA, Peru (Reuters) - Chile accused Bolivia of blocking the border crossing."
    article = Article(article_id="t", text=text, published_at="2025-06-01")
    mentions = find_mentions(nlp(text), article, load_actor_dictionary(), coreference(), media())
    assert {m.text for m in mentions} >= {"Chile", "Bolivia"}
    assert not any(m.char_start < text.index("Chile") for m in mentions), [m.text for m in mentions]

