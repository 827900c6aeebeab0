from __future__ import annotations

import pytest
from stage_lexicons import place_lexicons

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparse import locate_events
from wirewatch.places.toponyms import find_toponyms
from wirewatch.records import Article, stable_id

pytestmark = [pytest.mark.slow]


SEED_SENTENCE = (
    "In 2024, Moscow sent warships to the region twice, including deploying a nuclear-capable submarine "
    "with hypersonic missiles in Cuba and two nuclear-capable bombers dispatched from Moscow to Venezuela in 2018."
)
LEDE = "Russia's influence grows in South America as troops build up. "


def _locate(nlp, gazetteer: Gazetteer, text: str, events, title: str | None = None):
    doc = nlp(text)
    article = Article(article_id=stable_id(text), text=text, title=title, published_at="2025-11-20")
    locate_events(doc, article, events, gazetteer, place_lexicons())
    return events


def test_seed_sentence_places_each_event(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = LEDE + SEED_SENTENCE
    sent, deploy, dispatch = (event_at(text, v, after="In 2024") for v in ("sent", "deploying", "dispatched"))
    _locate(nlp, gazetteer, text, [sent, deploy, dispatch])
    assert (deploy.place_text, deploy.place_country, deploy.place_geonameid) == ("Cuba", "CUB", 3562981)
    assert deploy.lat is not None and 19 < deploy.lat < 24
    assert (dispatch.place_text, dispatch.place_country) == ("Venezuela", "VEN")
    # "the region" refers back to the region the article is about.
    assert sent.place_text == "the region" and sent.place_name == "South America"


def test_actor_country_is_not_the_place(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Russia signed new agreements with Nicaragua and Venezuela on military education."
    event = event_at(text, "signed", source="Russia", target="Nicaragua")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_name is None and event.lat is None


def test_locative_beats_a_nearer_actor_name(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Iranian and Russian officers met Syrian commanders at a base near Aleppo on Monday."
    event = event_at(text, "met")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_text == "Aleppo" and event.place_country == "SYR"


def test_direction_counts_only_for_movement(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "The minister wrote to Germany about the dispute. Later the army deployed two brigades to Poland."
    wrote, deployed = event_at(text, "wrote"), event_at(text, "deployed")
    _locate(nlp, gazetteer, text, [wrote, deployed])
    assert wrote.place_name is None
    assert deployed.place_country == "POL"


def test_close_to_is_locative(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Washington is moving warships and troops close to Venezuela."
    event = event_at(text, "moving", source="Washington")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_country == "VEN"


def test_possessive_place_inside_the_object_of_a_preposition(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Russia's state-sponsored outlet RT has placed ads all over Mexico City's busiest roads."
    event = event_at(text, "placed", source="RT")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_name == "Mexico City" and event.place_country == "MEX"


def test_sentence_wide_event_uses_its_target_to_find_its_verb(nlp, gazetteer: Gazetteer, sentence_event) -> None:
    text = LEDE + SEED_SENTENCE
    event = sentence_event(text, SEED_SENTENCE, source="Moscow", target="Venezuela")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_country == "VEN"


def test_dateline_places_what_is_said_not_what_is_done(nlp, gazetteer: Gazetteer, event_at) -> None:
    # The reporter's city is where the spokesman spoke, not where the shelling was.
    text = ("BEIRUT (AP) \u2014 A Kurdish militia spokesman says Turkey has shelled a city for the fourth day. "
            "The spokesman accused Turkey of targeting civilians.")
    shelled = event_at(text, "shelled", source="Turkey")
    accused = event_at(text, "accused", target="Turkey")
    accused.quad_class = 3
    _locate(nlp, gazetteer, text, [shelled, accused])
    assert shelled.place_name is None
    assert accused.place_name == "Beirut" and accused.place_country == "LBN"


def test_namesake_in_an_american_story(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = ("Police in Atlanta said the suspect fled north. Officers later arrested him in Athens, "
            "Georgia, about 70 miles away.")
    event = event_at(text, "arrested")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_text == "Athens" and event.place_country == "USA"


def test_find_toponyms_marks_demonyms_and_regions(nlp, gazetteer: Gazetteer) -> None:
    text = "Russian ships entered Venezuelan waters near the Caribbean coast of Latin America."
    found = {t.text: t for t in find_toponyms(nlp(text), gazetteer, place_lexicons())}
    assert found["Venezuelan"].demonym and found["Venezuelan"].place.country == "VEN"
    assert found["Latin America"].place.kind == "region"
    assert "Russian" not in found  # a demonym with no place noun is not a place mention


@pytest.mark.parametrize("events", [[]])
def test_no_events_is_a_no_op(nlp, gazetteer: Gazetteer, events) -> None:
    assert _locate(nlp, gazetteer, "Nothing happened in Paris.", events) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv was attacked by Russia overnight.",
        "Washington imposed new sanctions on Venezuela.",
        "Talks stalled over Taiwan as Beijing warned Washington.",
    ],
)
def test_agents_and_topics_are_not_places(nlp, gazetteer: Gazetteer, text: str, event_at) -> None:
    verb = next(w for w in ("attacked", "imposed", "stalled") if w in text)
    event = event_at(text, verb)
    _locate(nlp, gazetteer, text, [event])
    assert event.place_name is None


def test_on_locates_a_place_noun(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Russian troops massed on the Ukrainian border in November."
    event = event_at(text, "massed")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_country == "UKR" and event.place_text == "Ukrainian"


@pytest.mark.parametrize(
    ("text", "verb", "place", "country"),
    [
        ("Russian missiles struck the Syrian city of Aleppo on Sunday.", "struck", "Aleppo", "SYR"),
        ("Protesters gathered outside the US embassy in Baghdad.", "gathered", "Baghdad", "IRQ"),
        ("Clashes erupted in the West Bank city of Jenin.", "erupted", "Jenin", "PSE"),
        ("Chinese warships sailed through the Taiwan Strait.", "sailed", "the Taiwan Strait", None),
        ("The two leaders met at the Kremlin.", "met", "Kremlin", "RUS"),
        ("A car bomb exploded in Mogadishu, Somalia's capital.", "exploded", "Mogadishu", "SOM"),
    ],
)
def test_news_locatives(nlp, gazetteer: Gazetteer, event_at, text: str, verb: str, place: str, country) -> None:
    event = event_at(text, verb)
    _locate(nlp, gazetteer, text, [event])
    assert event.place_text in (place, place.removeprefix("the ")) and event.place_country == country
    assert event.lat is not None


def test_an_attacked_country_is_an_actor_not_a_place(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = "Trump attacked Mexico over migration."
    event = event_at(text, "attacked")
    _locate(nlp, gazetteer, text, [event])
    assert event.place_name is None
