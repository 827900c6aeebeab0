"""What an article says of the actors the dictionary cannot code (``actors.descriptions``): an
organisation by the kind of body its name says, a person by their description, the story's
country for a person given none; the event coder reads its own copy of the mentions so."""

from __future__ import annotations

from dataclasses import replace

import pytest
from stage_lexicons import coreference, event_lexicons, media

from wirewatch.actors.descriptions import DescriptionKnowledge, described_mentions, read_description_words
from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.events.coding import code_events
from wirewatch.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# A stand-in gazetteer: the places these sentences name, and nothing else.
PLACES = {"Lakeview": "USA", "Tampere": "FIN", "Mombasa": "KEN"}


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _read(nlp, dictionary, text: str):
    doc = nlp(text)
    article = Article(article_id="t", text=text, published_at="2021-05-01")
    mentions = find_mentions(doc, article, dictionary, coreference(), media())
    return doc, article, mentions, described_mentions(doc, mentions, read_description_words(),
                                                      dictionary.sector_words, PLACES.get)


def _by_text(mentions) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.code, m.sector) for m in mentions}


def test_a_government_body_is_of_the_place_its_name_names(nlp, dictionary):
    _doc, _a, _m, described = _read(nlp, dictionary, "The Lakeview Police Department arrested two teenagers.")
    assert _by_text(described)["The Lakeview Police Department"] == ("USACOP", "COP")


def test_a_foundation_with_no_country_keeps_its_sector_alone(nlp, dictionary):
    _doc, _a, _m, described = _read(nlp, dictionary, "The Brannock Foundation praised the volunteers.")
    assert _by_text(described)["The Brannock Foundation"] == (None, "NGO")


def test_an_apposition_codes_the_person_and_the_actor_stage_keeps_its_own(nlp, dictionary):
    text = "Marta Lindqvist, a geologist at the University of Tampere, criticized the mining company."
    _doc, _a, mentions, described = _read(nlp, dictionary, text)
    assert _by_text(described)["Marta Lindqvist"] == ("FINEDU", "EDU")
    assert _by_text(mentions)["Marta Lindqvist"][0] is None  # a copy: the actor stage's mention is as it was


def test_a_person_given_no_country_takes_the_story_country(nlp, dictionary):
    text = ("Kenya held local elections on Sunday. Turnout in Kenya was high in Mombasa. "
            "Joseph Otieno, a lawyer, said the count was slow. Otieno praised the clerks.")
    _doc, _a, _m, described = _read(nlp, dictionary, text)
    codes = _by_text(described)
    assert codes["Joseph Otieno"] == ("KENJUD", "JUD")
    assert codes["Otieno"] == ("KENJUD", "JUD")  # the surname keeps the description


def test_no_story_country_in_a_sentence_about_another_country(nlp, dictionary):
    text = ("Kenya held local elections on Sunday. Turnout in Kenya was high in Mombasa. "
            "In Uganda, Samuel Okello said the vote there was delayed.")
    _doc, _a, _m, described = _read(nlp, dictionary, text)
    assert _by_text(described)["Samuel Okello"] == (None, "CVL")


def test_no_story_country_when_none_stands_out(nlp, dictionary):
    _doc, _a, _m, described = _read(nlp, dictionary, "Samuel Okello criticized the decision.")
    assert _by_text(described)["Samuel Okello"] == (None, "CVL")


def test_the_event_coder_codes_a_described_source(nlp, dictionary):
    text = ("Kenya held local elections on Sunday. Turnout in Kenya was high in Mombasa. "
            "Joseph Otieno, a lawyer, accused the Kenyan police of brutality.")
    doc = nlp(text)
    article = Article(article_id="t", text=text, published_at="2021-05-01")
    mentions = find_mentions(doc, article, dictionary, coreference(), media())
    plain = event_lexicons()
    reading = replace(plain, descriptions=DescriptionKnowledge(read_description_words(), dictionary.sector_words,
                                                              PLACES.get))
    accused = [e for e in code_events(doc, article, mentions, reading) if e.cameo_code.startswith("11")]
    assert [(e.source_code, e.target_code) for e in accused] == [("KENJUD", "KENCOP")]
    without = [e for e in code_events(doc, article, mentions, plain) if e.cameo_code.startswith("11")]
    assert all(e.source_code != "KENJUD" for e in without)  # the dictionary alone does not know him


def test_one_reading_per_article_serves_every_stage_that_asks(nlp, dictionary):
    """The claims' speakers and the event coder ask for the same reading: it is worked out once
    per Doc, and another list of mentions (or other words) gets a reading of its own."""
    from wirewatch.actors.descriptions import article_descriptions
    from wirewatch.nlp.doc_memo import forget_all

    doc, _a, mentions, _described = _read(nlp, dictionary, "Ana Ruiz, a biologist at the University of Tampere, "
                                                           "said the lake was drying.")
    words = read_description_words()
    ordered = sorted(mentions, key=lambda m: m.char_start)
    first = article_descriptions(doc, ordered, words, dictionary.sector_words, PLACES.get)
    assert article_descriptions(doc, list(ordered), words, dict(dictionary.sector_words), PLACES.get) is first
    assert article_descriptions(doc, ordered[:-1], words, dictionary.sector_words, PLACES.get) is not first
    assert article_descriptions(doc, ordered, words, dictionary.sector_words, None) is not first
    forget_all(doc)  # the readings hold the Doc's Spans: dropped with the rest of its memo
    assert article_descriptions(doc, ordered, words, dictionary.sector_words, PLACES.get) is not first


def _state(at: int, code: str):
    from wirewatch.records import ActorMention

    return ActorMention(mention_id=str(at), article_id="t", sentence_index=0, char_start=at, char_end=at + 5,
                        text=code, code=code, kind="state")


def test_two_countries_named_as_often_the_story_is_set_in_the_one_named_first():
    from wirewatch.actors.descriptions import story_country

    # "Two parents from Perth, Australia ... born in India ... Indian doctors ...": set in Australia
    mentions = [_state(40, "AUS"), _state(90, "IND"), _state(200, "IND")]
    assert story_country(mentions, [(30, "AUS")], first_named=True) == "AUS"
    assert story_country(mentions, [(300, "AUS")], first_named=True) == "AUS"
    assert story_country(mentions, [(20, "IND")], first_named=True) == "IND"  # named more often
    assert story_country(mentions, first_named=True) == "IND"
    assert story_country(mentions[:2], first_named=True) is None  # once each: nothing stands out
    assert story_country(mentions, ["AUS"], first_named=True) is None  # places of no known order
    assert story_country(mentions, [(30, "AUS")]) is None  # the event coder's reading breaks no tie
