"""Actor mentions on realistic sentences: countries with sectors, metonyms, leaders by date,
organisations, state media and simple coreference."""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, media

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions, resolve_span
from wirewatch.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def mentions(nlp, dictionary, text: str, published_at: str | None = "2025-11-01"):
    article = Article(article_id="t", text=text, published_at=published_at)
    return find_mentions(nlp(text), article, dictionary, coreference(), media())


def codes(nlp, dictionary, text: str, published_at: str | None = "2025-11-01") -> dict[str, str | None]:
    return {m.text: m.code for m in mentions(nlp, dictionary, text, published_at)}


@pytest.mark.parametrize(
    "text, span, code",
    [
        ("Russian instructors are training the Venezuelan army near Caracas.", "Venezuelan army", "VENMIL"),
        ("Vladimir Putin has sent Russian forces to the region.", "Russian forces", "RUSMIL"),
        ("A US destroyer sailed into the Caribbean on Monday.", "US destroyer", "USAMIL"),
        ("The Kremlin denied the report on Tuesday.", "Kremlin", "RUSGOV"),
        ("Moscow sent two warships to Havana.", "Moscow", "RUSGOV"),
        ("Chinese police detained the activists.", "Chinese police", "CHNCOP"),
        ("Colombian rebels attacked a patrol.", "Colombian rebels", "COLREB"),
        ("The army of Venezuela was put on alert.", "army of Venezuela", "VENMIL"),
        ("A briefing published by the European Parliament outlines the reasons.", "European Parliament", "IGOEUREU"),
        ("NATO leaders met in Brussels.", "NATO", "IGOWSTNAT"),
        ("Russia's foreign ministry summoned the ambassador.", "Russia's foreign ministry", "RUSGOV"),
    ],
)
def test_country_and_sector_combine(nlp, dictionary, text: str, span: str, code: str) -> None:
    found = codes(nlp, dictionary, text)
    assert found.get(span) == code, found


def test_intelligence_beats_the_generic_official(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "According to a senior Ukraine intelligence official, Russia has set up a task force.")
    assert found["Ukraine intelligence official"] == "UKRSPY"


@pytest.mark.parametrize("text, span, code", [
    # "deputy" before an office is its rank; alone it is a member of parliament
    ("The Czech deputy foreign minister arrived in Vienna.", "Czech deputy foreign minister", "CZEGOV"),
    ("Russia's deputy defence minister spoke on Monday.", "Russia's deputy defence minister", "RUSMIL"),
    ("A Ukrainian deputy spoke on Monday.", "Ukrainian deputy", "UKRLEG"),
])
def test_deputy_is_a_rank_before_another_office(nlp, dictionary, text: str, span: str, code: str) -> None:
    assert codes(nlp, dictionary, text).get(span) == code


def test_conjoined_adjectives_give_one_mention_each(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    assert found["Hungarian"] == "HUNGOV" and found["Romanian"] == "ROUGOV"


def test_a_list_of_demonyms_gives_each_country_the_head_noun(nlp, dictionary) -> None:
    # The parser tags listed demonyms as proper nouns chained by "conj" under the first one.
    found = codes(nlp, dictionary, "U.S. officials have long been talking with Chinese, Japanese, and South "
                  "Korean officials about the threat posed by North Korea.")
    assert (found["Chinese"], found["Japanese"], found["South Korean"]) == ("CHNGOV", "JPNGOV", "KORGOV"), found


def test_leader_codes_follow_the_article_date(nlp, dictionary) -> None:
    text = "Trump said the talks would continue."
    assert codes(nlp, dictionary, text, "2019-05-01")["Trump"] == "USAGOV"
    assert codes(nlp, dictionary, text, "2022-05-01")["Trump"] == "USAELI"


def test_undated_article_reads_terms_as_of_today(nlp, dictionary) -> None:
    found = mentions(nlp, dictionary, "Putin met the delegation.", published_at=None)
    assert found[0].code == "RUSGOV" and found[0].kind == "person" and found[0].name == "Vladimir Putin"


def test_state_media_mentions(nlp, dictionary) -> None:
    found = mentions(nlp, dictionary, "RT en Español and Sputnik Mundo have established themselves in the region.")
    media = {m.text: m for m in found}
    assert media["RT en Español"].code == "RUSMED" and media["RT en Español"].state_media
    assert media["Sputnik Mundo"].kind == "outlet" and media["Sputnik Mundo"].state_media


def test_title_and_country_code_an_unknown_person(nlp, dictionary) -> None:
    found = mentions(nlp, dictionary, "Serbian President Vojislav Kostunica promised to democratize Serbia.", "2001-01-01")
    person = next(m for m in found if "Kostunica" in m.text)
    assert person.code == "SRBGOV" and person.kind == "person" and person.name == "Vojislav Kostunica"


def test_definite_description_refers_back_to_the_person(nlp, dictionary) -> None:
    text = ("General Kyrlo Budanov said Russia has set up a task force. "
            "The Ukrainian official added that he had seen no increase in numbers.")
    found = mentions(nlp, dictionary, text)
    official = next(m for m in found if m.text == "Ukrainian official")
    assert official.name == "Kyrylo Budanov" and official.code == "UKRSPY" and official.kind == "person"


def test_apposition_names_the_description(nlp, dictionary) -> None:
    text = "According to a senior Ukraine intelligence official, General Kyrlo Budanov, Russia has set up a task force."
    official = next(m for m in mentions(nlp, dictionary, text) if m.text == "Ukraine intelligence official")
    assert official.name == "Kyrylo Budanov"


def test_offsets_point_into_the_article_text(nlp, dictionary) -> None:
    text = "Russia also signed new agreements with Nicaragua and Venezuela."
    for m in mentions(nlp, dictionary, text):
        assert text[m.char_start:m.char_end] == m.text
        assert m.mention_id and m.article_id == "t" and m.sentence_index == 0


def test_resolve_span_on_a_speaker_phrase(nlp, dictionary) -> None:
    doc = nlp("The Ukrainian official told reporters that Russia's state-sponsored outlet RT had placed ads.")
    speaker = resolve_span(doc[0:3], dictionary)
    assert speaker is not None and speaker.code == "UKRGOV" and speaker.country == "UKR"
    outlet = resolve_span(doc[7:13], dictionary)
    assert outlet is not None and outlet.code == "RUSMED" and outlet.state_media and outlet.kind == "outlet"
    reporters = resolve_span(doc[4:5], dictionary)  # a kind of actor, from no country in particular
    assert reporters is not None and reporters.code is None and reporters.sector == "MED"
    assert resolve_span(doc[3:4], dictionary) is None  # "told"


def test_seed_mentions(nlp, dictionary, seed_text: str) -> None:
    found = mentions(nlp, dictionary, seed_text)
    by_name = {}
    for m in found:
        by_name.setdefault(m.name, set()).add(m.code)
    assert by_name["Kyrylo Budanov"] == {"UKRSPY"}
    assert by_name["Oleg Makarevich"] == {"RUSMIL"}
    assert "RUSGOV" in by_name["Vladimir Putin"]
    assert any(m.code == "VENMIL" and m.text == "Venezuelan army" for m in found)
    assert any(m.code == "RUSMED" and m.state_media and m.text == "RT en Español" for m in found)
    assert any(m.code == "IGOEUREU" for m in found)


@pytest.mark.parametrize(
    "text, span, code",
    [
        ("Republican lawmakers accused the administration of lying.", "Republican", "USAPTY"),
        ("Democrats blamed the White House for the shutdown.", "Democrats", "USAPTY"),
        ("The GOP nominee spoke in Ohio.", "GOP", "USAPTY"),
        ("The Tories lost the vote in the House of Commons.", "Tories", "GBRPTY"),
        ("Likud ministers walked out of the meeting.", "Likud", "ISRPTY"),
        # a party's word inside another name is not the party
        ("Merkel's Christian Democratic Union won the vote.", "Christian Democratic Union", "DEUPTY"),
        # a party name several countries' parties share is of the country named with it
        ("Italy's Democratic Party won the vote in Rome.", "Democratic Party", "ITAPTY"),
        ("Leaders of the Peoples Democratic Party led a march in Abuja.", "Peoples Democratic Party", "NGAPTY"),
    ],
)
def test_political_parties_are_actors_of_their_country(nlp, dictionary, text: str, span: str, code: str) -> None:
    found = codes(nlp, dictionary, text, "2016-09-01")
    assert found.get(span) == code, found


def test_a_title_word_that_is_also_a_party_name_is_no_party(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "The strike was called over a bill signed by Serbian Labour Minister Dragan Ilic.",
                  "2016-09-01")
    assert not any(c == "GBRPTY" for c in found.values()), found
    for text in ("Sweden's Social Democratic Party won the election.", "The Syrian Republican Guard shelled the suburbs."):
        assert not any((c or "").startswith("USA") for c in codes(nlp, dictionary, text).values()), text


@pytest.mark.parametrize(
    "text, span, code",
    [
        # the country or body modifying a relation noun is the other party, the one named is the actor
        ("The US agreed to sell NATO ally Germany four drones.", "Germany", "DEU"),
        ("Saudi Arabia imposed an embargo on a fellow US ally in the Gulf, Qatar.", "Qatar", "QAT"),
        ("Russia's ally Syria rejected the plan.", "Syria", "SYR"),
        # a demonym describes the party itself; a body's partners with nobody else named are its members
        ("Assad's Russian allies bombed the town.", "Russian", "RUS"),
        ("Greece demanded that its European Community partners refuse to recognize the republic.",
         "European Community", "IGOEUREU"),
    ],
)
def test_the_other_party_of_a_relation_is_not_the_actor(nlp, dictionary, text: str, span: str, code: str) -> None:
    found = codes(nlp, dictionary, text, "2018-04-05")
    assert any(s.startswith(span) and (c or "").startswith(code) for s, c in found.items()), found
    # (the parser may run "Germany" on into its noun's other words; the code is what counts)
    others = [c for s, c in found.items() if not s.startswith(span) and s not in ("US", "Saudi Arabia", "Greece")]
    assert not any(c in ("USA", "IGOWSTNAT", "RUS", "SYRGOV") for c in others), found


def test_a_backer_named_before_a_hyphen_is_not_the_group(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "Turkish-backed Syrian militiamen and Iranian-sponsored groups clashed.", "2018-02-01")
    assert found.get("Syrian militiamen") == "SYRREB" and "Turkish" not in found and "Iranian" not in found, found


def test_a_country_read_inside_another_places_name_is_no_actor(nlp, dictionary):
    text = "The governor of New Mexico met officials from New South Wales and Mexico."
    found = [(m.char_start, m.code) for m in mentions(nlp, dictionary, text)]
    assert (text.rindex("Mexico"), "MEX") in found  # the country itself, named alone
    assert all(start != text.index("Mexico") for start, _ in found)  # not "Mexico" in New Mexico
    assert all(not (code or "").startswith("GBR") for _, code in found)  # nor "Wales" in New South Wales
    assert codes(nlp, dictionary, "Papua New Guinea closed its border.")["Papua New Guinea"] == "PNG"
