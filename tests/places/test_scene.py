"""Where a story is told (places.scene) and what takes it: things said and met, on the story's
occasion, with no place of their own."""

from __future__ import annotations

import pytest
from stage_lexicons import place_lexicons

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparse import locate_events
from wirewatch.places.scene import Scene, dateline_scene, story_scene
from wirewatch.places.toponyms import find_toponyms
from wirewatch.records import Article, Event, stable_id

pytestmark = [pytest.mark.slow]

VERBAL_CONFLICT, MATERIAL_CONFLICT = 3, 4


def _locate(nlp, gazetteer: Gazetteer, text: str, events: list[Event], scene: Scene | None = None):
    doc = nlp(text)
    article = Article(article_id=stable_id(text), text=text, title=None, published_at="2025-11-20")
    return locate_events(doc, article, events, gazetteer, place_lexicons(), scene)


def _said(event: Event) -> Event:
    event.quad_class = VERBAL_CONFLICT
    return event


def _scene(nlp, gazetteer: Gazetteer, text: str) -> Scene | None:
    doc = nlp(text)
    lex = place_lexicons()
    return story_scene(doc, find_toponyms(doc, gazetteer, lex), gazetteer, lex.toponyms, lex.locatives,
                       lex.media.agency_named)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("JERUSALEM - Israeli officials said on Wednesday that talks would go ahead.", "Jerusalem"),
        ("BEIRUT (AP) \ufffd A spokesman said the talks would go ahead.", "Beirut"),  # a dash lost its encoding
        ("Kyiv, Ukraine (AP) \u2014 The minister said the talks would go ahead.", "Kyiv"),
        ("Moscow, SANA- The spokeswoman said the talks would go ahead.", "Moscow"),
    ],
)
def test_datelines_set_the_scene(nlp, gazetteer: Gazetteer, text: str, place: str) -> None:
    scene = dateline_scene(nlp(text), gazetteer, place_lexicons().toponyms, place_lexicons().media.agency_named)
    assert scene is not None and scene.place.name == place


@pytest.mark.parametrize("text", ["Washington, he said - not a dateline.", "NATO - the alliance met again."])
def test_openings_without_a_credit_set_no_scene(nlp, gazetteer: Gazetteer, text: str) -> None:
    assert dateline_scene(nlp(text), gazetteer, place_lexicons().toponyms, place_lexicons().media.agency_named) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("China wants talks, Foreign Minister Wang Yi said in Moscow on Thursday.", "Moscow"),
        ("Carter told the Shangri-La Dialogue, a regional security forum in Singapore, that the US would stay.",
         "Singapore"),
        ("Mr. Lou told a news briefing at the end of a day of annual meetings in Beijing that trade had grown.",
         "Beijing"),
        ("Obama welcomed world leaders to the White House for a working dinner.", "Washington"),
    ],
)
def test_where_the_speakers_are_is_the_scene(nlp, gazetteer: Gazetteer, text: str, place: str) -> None:
    scene = _scene(nlp, gazetteer, text)
    assert scene is not None and scene.place.name == place


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered outside the US embassy in Baghdad.",  # a place of a physical act
        "Russia closed its embassy in Kabul and the minister said nothing.",
        "The minister praised efforts to find a political solution in Syria.",  # a place talked about
    ],
)
def test_other_places_set_no_scene(nlp, gazetteer: Gazetteer, text: str) -> None:
    assert _scene(nlp, gazetteer, text) is None


def test_later_statements_take_the_scene(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = ("Foreign Minister Wang Yi said in Moscow on Thursday that talks must resume. "
            "Wang urged Washington to ease sanctions. Later, rebels shelled a road near the border.")
    urged = _said(event_at(text, "urged", target="Washington"))
    shelled = event_at(text, "shelled")
    _locate(nlp, gazetteer, text, [urged, shelled])
    assert urged.place_name == "Moscow" and urged.place_country == "RUS"
    assert shelled.place_name is None  # a physical act is not placed at the speakers' scene


def test_a_place_talked_about_yields_to_the_scene(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = ("Carter told the Shangri-La Dialogue, a regional security forum in Singapore, that the US would stay. "
            "He warned China against provocative behavior in Vietnam.")
    warned = _said(event_at(text, "warned", target="China"))
    _locate(nlp, gazetteer, text, [warned])
    assert warned.place_country == "SGP"


def test_without_a_scene_the_place_talked_about_stays(nlp, gazetteer: Gazetteer, event_at) -> None:
    # With nothing said of where the speakers are, the place the statement is about is the best guess.
    text = "Beijing warned Washington against provocative behavior in Vietnam."
    warned = _said(event_at(text, "warned", source="Beijing"))
    _locate(nlp, gazetteer, text, [warned])
    assert warned.place_country == "VNM"


def test_the_perfect_tells_of_another_occasion(nlp, gazetteer: Gazetteer, event_at) -> None:
    text = ("JERUSALEM - Israeli officials said on Wednesday that talks would go ahead. "
            "Trump has criticized the Obama administration. Netanyahu criticized the plan.")
    has_criticized = _said(event_at(text, "criticized"))
    criticized = _said(event_at(text, "criticized", after="Netanyahu"))
    _locate(nlp, gazetteer, text, [has_criticized, criticized])
    assert has_criticized.place_name is None
    assert criticized.place_country == "ISR"


def test_a_title_is_told_where_its_body_is(nlp, gazetteer: Gazetteer, event_at) -> None:
    title = "China rebuts American criticism on overcapacity"
    body_scene = _scene(nlp, gazetteer, "Mr. Lou told a news briefing in Beijing that trade had grown.")
    rebuts = _said(event_at(title, "rebuts", source="China"))
    assert _locate(nlp, gazetteer, title, [rebuts], body_scene) == body_scene
    assert rebuts.place_country == "CHN"


@pytest.mark.parametrize(
    ("text", "verb", "country"),
    [
        ("Turkey shelled a Syrian city on Tuesday.", "shelled", "SYR"),  # a demonym's place noun is a place
        ("Netanyahu shunned Jimmy Carter during his recent trips to Israel.", "shunned", "ISR"),  # travel "to"
        ("Putin lashed out at Turkey on Thursday.", "lashed", None),  # "at" a country names a target
    ],
)
def test_place_constructions(nlp, gazetteer: Gazetteer, event_at, text: str, verb: str, country: str | None) -> None:
    event = event_at(text, verb)
    event.quad_class = MATERIAL_CONFLICT
    _locate(nlp, gazetteer, text, [event])
    assert event.place_country == country
