"""The seed article's deployment sentence, parsed in place, with events as a coder gives them
(the whole sentence as span, source and target mentions): place and date come out per event."""

from __future__ import annotations

import pytest
from stage_lexicons import date_words, place_lexicons

from wirewatch.dates.normalise import date_events
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparse import locate_events

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

TITLE = "Putin and Trump\u2019s pincer movement on South America as \u2018troops build up\u2019 on border"


def test_seed_deployments(nlp, gazetteer: Gazetteer, seed_text: str, article_of, sentence_event) -> None:
    sentence = next(line for line in seed_text.splitlines() if line.startswith("In 2024, Moscow sent"))
    cuba = sentence_event(seed_text, sentence, source="Moscow", target="Cuba")
    bombers = sentence_event(seed_text, sentence, source="Moscow", target="Venezuela")
    doc = nlp(seed_text)
    article = article_of(seed_text, title=TITLE, published_at="2025-11-20")
    locate_events(doc, article, [cuba, bombers], gazetteer, place_lexicons())
    date_events(doc, article, [cuba, bombers], date_words())
    assert (cuba.place_name, cuba.place_country, cuba.date, cuba.date_granularity) == ("Cuba", "CUB", "2024", "year")
    assert (bombers.place_name, bombers.place_country, bombers.date) == ("Venezuela", "VEN", "2018")
    assert bombers.lat is not None and 0 < bombers.lat < 13 and -74 < bombers.lon < -59


def test_seed_range_and_region(nlp, gazetteer: Gazetteer, seed_text: str, article_of, sentence_event) -> None:
    sentence = next(s for s in seed_text.split("\n") if "Between 2022 and 2025" in s)
    sentence = sentence[sentence.index("Between") :]
    received = sentence_event(seed_text, sentence, source="Russia")
    ramp_line = next(s for s in seed_text.split("\n") if s.startswith("It comes after Trump"))
    ramping = sentence_event(seed_text, ramp_line.split(". ")[0], source="Trump")
    doc = nlp(seed_text)
    article = article_of(seed_text, title=TITLE, published_at="2025-11-20")
    locate_events(doc, article, [received, ramping], gazetteer, place_lexicons())
    date_events(doc, article, [received, ramping], date_words())
    assert (received.date, received.date_granularity) == ("2022/2025", "range")
    # "troops close to the region": the region the article is about.
    assert ramping.place_text == "the region" and ramping.place_name == "South America"
    assert (ramping.date, ramping.date_granularity) == ("2025-11-20", "day")
