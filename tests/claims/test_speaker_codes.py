"""A speaker's actor code: from the person's title or apposition, kept for later references;
from a copular description; the story's country for someone given none; outlets as media."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons, coreference, media

from wirewatch.claims.extract import find_claims
from wirewatch.claims.lexicons import ClaimLexicons
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


# A story the article sets in Kenya: its speakers who name no country take Kenya.
KENYAN_STORY = "Kenya held elections on Tuesday. Turnout in Kenya was high, and Kenyan observers praised the vote. "


@pytest.fixture(scope="module")
def dictionary():
    from wirewatch.actors.dictionary import load_actor_dictionary

    return load_actor_dictionary()


def _codes(nlp, dictionary, text: str, date: str = "2015-06-01") -> list[tuple[str | None, str | None]]:
    from dataclasses import replace

    from wirewatch.actors.resolve import find_mentions

    doc = nlp(text)
    article = Article(article_id="t", text=text, published_at=date)
    lexicons: ClaimLexicons = replace(claim_lexicons(), sectors=dictionary.sector_words)
    mentions = find_mentions(doc, article, dictionary, coreference(), media())
    return [(c.speaker_name, c.speaker_code) for c in find_claims(doc, article, mentions, lexicons)]


def test_a_title_codes_the_person_and_their_later_references(nlp, dictionary):
    text = ("Afghan Ambassador to the United States Hamid Karimzai said that the team would travel. "
            "Karimzai added that the visas had been granted.")
    assert _codes(nlp, dictionary, text) == [("Hamid Karimzai", "AFGGOV")] * 2


def test_an_apposition_codes_the_person_with_its_sector_word(nlp, dictionary):
    text = "Khalid Omari, an editor at the Saudi Gazette, said that the crane had been unsafe."
    assert _codes(nlp, dictionary, text) == [("Khalid Omari", "SAUMED")]


def test_a_copular_description_codes_the_person_by_surname(nlp, dictionary):
    text = ("Ingrid Solberg is a Norwegian professor of chemistry. "
            "Solberg said that the results were clear.")
    assert _codes(nlp, dictionary, text)[-1][1] == "NOREDU"


def test_someone_given_no_country_takes_the_story_country_as_a_civilian(nlp, dictionary):
    text = (KENYAN_STORY
            + "A farmer, Peter Kamau, said that the queues were long.")
    assert _codes(nlp, dictionary, text)[-1] == ("Peter Kamau", "KENCVL")


def test_no_story_country_when_none_stands_out(nlp, dictionary):
    text = "Peter Kamau said that the queues were long."
    assert _codes(nlp, dictionary, text) == [("Peter Kamau", None)]


def test_an_outlet_speaks_as_media_of_the_country_its_name_gives(nlp, dictionary):
    assert _codes(nlp, dictionary, "The Canadian Press reported that the mine would close.")[0][1] == "CANMED"


def test_a_body_named_by_its_sector_belongs_to_the_story_country(nlp, dictionary):
    text = (KENYAN_STORY
            + "The government said that the count would take a week. People said that the queues were long.")
    codes = dict(_codes(nlp, dictionary, text))
    assert codes["government"] == "KENGOV"
    assert codes["People"] is None  # ordinary people stay uncoded: anyone may be


def test_an_outlet_the_registry_lacks_belongs_to_the_story_country(nlp, dictionary):
    text = (KENYAN_STORY
            + "The Evening Courier reported that the count would take a week.")
    assert _codes(nlp, dictionary, text)[-1][1] == "KENMED"


def _codes_with_places(nlp, dictionary, text: str) -> list[tuple[str | None, str | None]]:
    """As ``_codes``, with the gazetteer's answer for the places an article names."""
    from dataclasses import replace

    from wirewatch.actors.resolve import find_mentions
    from wirewatch.places.gazetteer import default_gazetteer

    doc = nlp(text)
    article = Article(article_id="t", text=text, published_at="2015-06-01")
    lexicons = replace(claim_lexicons(), sectors=dictionary.sector_words, place_country=default_gazetteer().country_of)
    mentions = find_mentions(doc, article, dictionary, coreference(), media())
    return [(c.speaker_name, c.speaker_code) for c in find_claims(doc, article, mentions, lexicons)]


def test_the_places_a_story_names_give_its_country_where_it_names_none(nlp, dictionary):
    text = ("Marta Quinlan grew up in Houston and studied in Chicago before moving to Denver. "
            "Quinlan said that the tour would end in Seattle.")
    assert _codes_with_places(nlp, dictionary, text)[-1] == ("Marta Quinlan", "USACVL")


def test_an_organisation_the_dictionary_lacks_is_coded_by_the_head_of_its_name(nlp, dictionary):
    text = (KENYAN_STORY
            + "The Mwangaza Foundation said that the queues were long. "
            "The Lakeside Police Department said that no one was hurt.")
    codes = dict(_codes(nlp, dictionary, text))
    assert codes["Mwangaza Foundation"] == "KENNGO"
    assert codes["Lakeside Police Department"] == "KENCOP"  # a sector word before a government head


def test_a_person_takes_the_sector_of_the_body_their_title_names(nlp, dictionary):
    text = (KENYAN_STORY
            + "Grace Otieno, president of the Nairobi Chess Association, said that the count was fair.")
    assert _codes(nlp, dictionary, text)[-1] == ("Grace Otieno", "KENNGO")  # not GOV for "president"


def test_an_occupation_noun_gives_a_person_their_sector(nlp, dictionary):
    text = (KENYAN_STORY
            + "Daniel Mutua, a biologist, said that the lake was drying. "
            "Ruth Achieng, a lawyer, said that the count was fair.")
    codes = dict(_codes(nlp, dictionary, text))
    assert codes["Daniel Mutua"] == "KENEDU"
    assert codes["Ruth Achieng"] == "KENJUD"


def test_a_body_named_before_the_title_gives_the_person_its_sector(nlp, dictionary):
    text = (KENYAN_STORY
            + "Kisumu Chess Association president Ana Wanjiru said that the count was fair.")
    assert _codes(nlp, dictionary, text)[-1] == ("Ana Wanjiru", "KENNGO")


def test_a_person_called_by_their_given_name_keeps_their_described_code(nlp, dictionary):
    text = (KENYAN_STORY
            + "Daniel Mutua, a biologist, said that the lake was drying. "
            "Daniel said that the fish had gone.")
    assert _codes(nlp, dictionary, text)[-1] == ("Daniel", "KENEDU")


def test_an_interview_is_set_where_its_introduction_says_not_where_its_answers_go(nlp, dictionary):
    text = ("Wirewatch spoke with Laura Finch in Toronto about her new book, launched in Ottawa.\n\n"
            "Wirewatch: What is the book about?\n\n"
            "Laura Finch: It is about Russia. I think that Russia changed after 1991, and Russia's "
            "leaders know it. Moscow and St. Petersburg grew apart.\n\n"
            "Wirewatch: Why Russia?\n\n"
            "Laura Finch: I think that Russia is misunderstood in Russia itself.")
    codes = [code for name, code in _codes_with_places(nlp, dictionary, text) if name == "Laura Finch"]
    assert codes and set(codes) == {"CANCVL"}


def test_a_body_named_by_its_sector_in_a_country_the_span_names(nlp, dictionary):
    text = "Local municipalities in Kenya said that the roads would be closed."
    assert _codes(nlp, dictionary, text)[-1][1] == "KENGOV"  # not the bare country of "Kenya"


def test_a_nationality_on_the_name_gives_the_country_the_description_gives_the_sector(nlp, dictionary):
    text = KENYAN_STORY + "Swedish biologist Anna Lindqvist said that the lake was drying."
    assert _codes(nlp, dictionary, text)[-1] == ("Anna Lindqvist", "SWEEDU")  # not the story's KENEDU


def test_a_place_in_the_description_gives_the_person_its_country(nlp, dictionary):
    text = KENYAN_STORY + "Anna Lindqvist, a biologist from Uppsala, said that the lake was drying."
    assert _codes_with_places(nlp, dictionary, text)[-1] == ("Anna Lindqvist", "SWEEDU")


def test_an_outlet_the_dictionary_knows_speaks_as_media_of_its_own_country(nlp, dictionary):
    text = (KENYAN_STORY
            + "Kyodo News reported that the count would take a week. "
            "Wikinews reported that the queues were long.")
    codes = dict(_codes(nlp, dictionary, text))
    assert codes["Kyodo"] == "JPNMED"  # not the story's Kenya
    assert codes["Wikinews"] == "---MED"  # of no one country, and the dictionary says so


def test_an_outlet_named_after_a_place_is_of_that_place_s_country(nlp, dictionary):
    text = KENYAN_STORY + "The Milan Gazette reported that the count would take a week."
    assert _codes_with_places(nlp, dictionary, text)[-1][1] == "ITAMED"


def test_a_government_agency_is_no_news_agency(nlp, dictionary):
    text = KENYAN_STORY + "The Lakeside Water Agency said that the wells were dry."
    assert _codes(nlp, dictionary, text)[-1][1] == "KENGOV"


def test_an_outlet_asking_an_interview_s_questions_speaks_as_the_outlet(nlp, dictionary):
    text = ("Wikinews spoke with Laura Finch in Toronto about her new book, launched in Ottawa.\n\n"
            "Wikinews: What is the book about?\n\n"
            "Laura Finch: It is about rivers. I think that rivers matter.\n\n"
            "Wikinews: Why rivers?\n\n"
            "Laura Finch: I said that they shape cities.")
    codes = _codes_with_places(nlp, dictionary, text)
    assert ("Wikinews", "---MED") in codes and ("Wikinews", "CANCVL") not in codes


def test_general_after_an_office_is_no_military_rank(nlp, dictionary):
    text = KENYAN_STORY + "Water Authority director general Paul Njoroge said that the wells were dry."
    assert _codes(nlp, dictionary, text)[-1] == ("Paul Njoroge", "KENGOV")  # not KENMIL


def test_a_bishops_conference_is_a_religious_body(nlp, dictionary):
    text = "Marco Bellini, secretary general of the Italian Episcopal Conference, said that the vote was fair."
    assert _codes(nlp, dictionary, text)[-1] == ("Marco Bellini", "ITAREL")


def test_an_agency_known_by_name_speaks_for_its_own_country(nlp, dictionary):
    text = (KENYAN_STORY
            + "NASA said that the satellite images showed the queues. "
            "The Home Office said that the visas had been granted.")
    codes = dict(_codes(nlp, dictionary, text))
    assert codes["NASA"] == "USAGOV"  # not the story's Kenya
    assert codes["Home Office"] == "GBRGOV"


def test_a_name_several_states_give_their_ministries_is_none_of_them_by_itself(nlp, dictionary):
    text = "The German Foreign Office said that the embassy would reopen."
    assert not (_codes(nlp, dictionary, text)[-1][1] or "").startswith("GBR")


def test_the_office_a_span_gives_beats_the_dictionary_s_dated_role_unless_former(nlp, dictionary):
    text = ("Prime Minister Boris Johnson said in 2021 that the borders would reopen. "
            "Former Prime Minister Boris Johnson said that the plan had failed.")
    assert [code for _, code in _codes(nlp, dictionary, text, date="2024-03-01")] == ["GBRGOV", "GBRELI"]
