"""Who acts and who is acted on in passives, "by" and "from" phrases and "accused X of doing" (issue 13).

Constructions written for the test: each pins a general rule of English, not an article's sentence.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _pairs(events, root: str) -> set[tuple]:
    return {(e.source_country, e.target_country) for e in events if e.cameo_root == root}


def test_a_participle_with_a_by_agent_is_done_by_the_agent_to_its_noun(code) -> None:
    events = code("A lawsuit filed by Ecuador against Chevron names Colombia as well.")
    assert ("ECU", None) in _pairs(events, "11") or ("ECU", "COL") in _pairs(events, "11"), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]
    assert not any(e.target_country == "ECU" for e in events if e.cameo_root == "11")


def test_a_participle_from_a_state_is_expelled_by_that_state(code) -> None:
    events = code("Israeli diplomats expelled from Turkey returned home on Friday.")
    assert _pairs(events, "16") == {("TUR", "ISR")}, [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_a_passive_with_an_agent_is_not_reversed(code) -> None:
    events = code("Twenty British diplomats were expelled by Russia.")
    assert _pairs(events, "16") == {("RUS", "GBR")}


def test_the_by_agents_own_phrase_names_no_target(code) -> None:
    events = code("The embassy was attacked by protesters from Serbia.")
    assert all(e.target_country != "SRB" or e.target_sector for e in events if e.cameo_root == "19")
    assert all(e.target_text != "Serbia" for e in events)


def test_accused_of_doing_the_accused_did_it(code) -> None:
    events = code("Moldova accused Romania of shelling a border village.")
    assert ("MDA", "ROU") in _pairs(events, "11")
    assert {s for s, _ in _pairs(events, "19")} == {"ROU"}, [(e.source_code, e.cameo_code) for e in events]


def test_criticised_for_doing_the_criticised_did_it(code) -> None:
    events = code("The spokesman lashed out at Georgia for having shot down an Armenian drone.")
    assert {s for s, _ in _pairs(events, "19")} == {"GEO"}, [(e.source_code, e.cameo_code) for e in events]


def test_a_dateline_places_no_unnamed_official(code) -> None:
    events = code("OSLO (AP) — A senior official accused Russia of jamming GPS signals.")
    accusations = [e for e in events if e.cameo_root == "11"]
    assert accusations and all(e.source_country != "NOR" for e in accusations), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_a_demand_is_made_of_its_addressee_not_of_the_demanded_acts_target(code) -> None:
    events = code("The senators called on the government to block the sale of drones to Ethiopia.")
    demands = [e for e in events if e.cameo_root == "10"]
    assert demands and all(e.target_country != "ETH" for e in demands), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_called_for_x_to_act_asks_x_and_the_act_is_not_done(code) -> None:
    events = code("Kenya called for Somalia to withdraw its troops from the border.")
    assert ("KEN", "SOM") in _pairs(events, "10"), [(e.source_code, e.cameo_code, e.target_code) for e in events]
    assert all(e.modality == "hypothetical" for e in events if e.cameo_root == "08")


def test_a_demand_with_nobody_addressed_takes_the_target_of_what_is_demanded(code) -> None:
    events = code("Poland called for sanctions on Belarus.")
    assert ("POL", "BLR") in _pairs(events, "10") | _pairs(events, "16"), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_an_unnamed_official_is_not_placed_in_the_country_it_acts_on(code) -> None:
    # "at"/"on" name where an assault happens, but whom a criticism or a sanction is aimed at
    for text in ("The minister lashed out at Mongolia over the mine.", "The administration imposed sanctions on Iran."):
        events = code(text)
        assert events and all(e.source_country is None for e in events), \
            [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_foreign_officials_are_not_of_the_country_at_hand(code) -> None:
    events = code("Foreign diplomats criticized Kenya's election commission.")
    assert events and all(e.source_country != "KEN" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_an_unnamed_group_in_a_one_country_sentence_is_still_placed_there(code) -> None:
    events = code("Riot police arrested dozens of students in Caracas.")
    assert any(e.source_code == "VENCOP" for e in events), [(e.source_code, e.cameo_code) for e in events]


def test_an_apposition_names_the_target_not_the_modifier_describing_it(code) -> None:
    events = code("Russia attacked a close US ally, Georgia.")
    assert _pairs(events, "19") == {("RUS", "GEO")}, [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_complained_that_x_did_is_a_complaint_about_x(code) -> None:
    events = code('Chile complained that Bolivia "had broken every promise."')
    assert ("CHL", "BOL") in _pairs(events, "11"), [(e.source_code, e.cameo_code, e.target_code) for e in events]



def test_the_possessor_of_an_ing_act_does_it(code) -> None:
    events = code("In 2008, Russia complained bitterly about the United States' backing independence for Kosovo.")
    assert ("USA", "XKX") in _pairs(events, "05"), [(e.source_code, e.cameo_code, e.target_code) for e in events]
    assert ("RUS", "XKX") not in _pairs(events, "05")


def test_a_demand_names_no_placeholder_population(code) -> None:
    events = code("Maria Zakharova urged the agencies to provide aid for the civilians.")
    assert not any((e.target_text or "").startswith("(") for e in events), \
        [(e.source_code, e.cameo_code, e.target_code, e.target_text) for e in events]


def test_a_by_agent_that_names_no_known_actor_is_not_the_last_subject(code) -> None:
    events = code("Turkey said it had evacuated hundreds of villagers who were besieged by gunmen.")
    besieged = [e for e in events if e.rule.startswith("blockade")]
    assert besieged and all(e.source_code is None for e in besieged), \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]


def test_praise_of_what_others_did_is_praise_of_the_doers(code) -> None:
    # "including X and Y" names the parties (rule); "made by X", "by X", "of X" come from the role ranker
    cases = {
        "Japan welcomed the steps taken by several neighbours, including Vietnam and the Philippines.": {"VNM", "PHL"},
        "Kenya thanked the efforts made by Ethiopia to end the fighting.": {"ETH"},
        "Brazil praised the mediation by Norway.": {"NOR"},
        "The Pakistani premier spoke highly of Saudi Arabia during the visit.": {"SAU"},
    }
    for text, want in cases.items():
        events = code(text)
        assert {t for _, t in _pairs(events, "05")} == want, (text, [(e.source_code, e.cameo_code, e.target_code)
                                                                   for e in events])


def _rows(events) -> set[tuple]:
    return {(e.source_country, e.cameo_root, e.target_country, e.modality) for e in events}


@pytest.mark.parametrize(
    "text, asked_for",
    [
        # the one asked does what is asked for: the object of "urge", the "on" of "call on"
        ("The UN urged Serbia to withdraw its forces from Kosovo.", ("SRB", "08", "XKX", "hypothetical")),
        ("The EU called on Israel to withdraw its troops from Lebanon.", ("ISR", "08", "LBN", "hypothetical")),
        # ... or the subject of the clause demanded
        ("Iran demanded that Israel withdraw its troops from Lebanon.", ("ISR", "08", "LBN", "hypothetical")),
    ],
)
def test_what_a_demand_asks_for_is_the_asked_ones_act_not_yet_done(code, text: str, asked_for: tuple) -> None:
    rows = _rows(code(text))
    assert asked_for in rows, rows
    assert any(root == "10" and modality == "asserted" for _s, root, _t, modality in rows), rows  # the demand


@pytest.mark.parametrize(
    "text, root",
    [
        ("The UN urged Serbia not to attack Kosovo.", "19"),  # a demand to refrain asks for no act
        ("Russia threatened to attack Georgia.", "19"),  # a threat's content stays part of the threat
    ],
)
def test_no_act_is_coded_from_a_refusal_or_a_threat(code, text: str, root: str) -> None:
    assert not [e for e in code(text) if e.cameo_root == root], _rows(code(text))


def test_helping_someone_is_aid_and_helping_nobody_no_event(code) -> None:
    events = code("China has helped Russia to evade the Western sanctions, the officials said on Monday.")
    assert ("CHN", "07", "RUS", "asserted") in _rows(events), _rows(events)
    assert not [e for e in code("The goal helped the team win the cup on Sunday night.") if e.cameo_root == "07"]


def test_a_group_from_several_countries_is_one_actor_per_country(code) -> None:
    # the news_events convention: one record per directed dyad
    events = code("President Obama met officials from Japan, South Korea and China on Thursday.", "2016-04-01")
    met = {(e.source_country, e.target_country) for e in events if e.cameo_root == "04"}
    assert {("USA", "JPN"), ("USA", "KOR"), ("USA", "CHN")} <= met, _rows(events)


@pytest.mark.parametrize(
    "text, row",
    [
        ("Officials said Russia is concerned over NATO's plans to expand into Ukraine.", ("RUS", "11", "IGO")),
        ("Germany was critical of Turkey's offensive in northern Syria, the minister said.", ("DEU", "11", "TUR")),
    ],
)
def test_a_concern_or_criticism_said_of_a_subject_is_disapproval_of_its_object(code, text: str, row: tuple) -> None:
    assert row in {(e.source_country, e.cameo_root, e.target_country or (e.target_code or "")[:3])
                   for e in code(text, "2018-04-05")}, _rows(code(text, "2018-04-05"))


def test_a_worry_about_no_actor_is_no_event(code) -> None:
    assert not [e for e in code("The European Union is worried about the economy and the weather this year.")
                if e.cameo_root == "11"]


@pytest.mark.parametrize(
    "text, row",
    [
        # two people, two parties of one country: the same code, not the same actor
        ("Sen. Ted Cruz criticized Hillary Clinton on Tuesday in a long speech.", ("USA", "11", "USA")),
        ("Democrats blamed Republicans on Monday for the shutdown.", ("USA", "11", "USA")),
    ],
)
def test_one_countrys_actors_of_one_code_are_source_and_target(code, text: str, row: tuple) -> None:
    events = code(text, "2016-09-01")
    assert row in {(e.source_country, e.cameo_root, e.target_country) for e in events}, _rows(events)


def test_an_actor_is_not_its_own_target_nor_its_countrys_unnamed_place(code) -> None:
    events = code("Bosnian Serbs said their forces had completed their withdrawal from the Bosnian town of Gorazde.",
                  "1994-04-26")
    assert all(e.target_country != "BIH" for e in events), _rows(events)


def test_an_uncoded_role_is_not_the_earlier_actor_of_another_role(code) -> None:
    # "the president" is not the parliament named before; it is of the story's country, in its own role
    events = code("The Verkhovna Rada passed the law in March. The president criticized the law on Monday.",
                  "2018-04-05")
    criticised = [e for e in events if e.cameo_root == "11"]
    assert criticised and all(e.source_code == "UKRGOV" for e in criticised), _rows(events)


@pytest.mark.parametrize(
    "text",
    [
        # a named person the dictionary does not know acts for himself, placed in the story's country
        "Adam Schiff criticized the White House on Monday. Robert Mueller criticized Russia on Tuesday.",
        "Adam Schiff criticized the White House on Monday. Robert Mueller was tasked with investigating Russia.",
    ],
)
def test_an_unknown_named_person_is_not_the_earlier_actor(code, text: str) -> None:
    events = [e for e in code(text, "2019-11-20") if e.target_country == "RUS"]
    assert events and all(e.source_text and "Mueller" in e.source_text and e.source_country == "USA"
                          for e in events), _rows(events)


def test_it_is_no_person_named_before(code) -> None:
    events = code("Senator Kamala Harris spoke in Ohio on Monday. Since January, it has not talked of anything "
                  "other than criticizing Russia.", "2019-11-20")
    assert not [e for e in events if e.source_text and "Harris" in e.source_text], _rows(events)


def test_a_demanded_act_behind_a_verb_of_phase_is_the_asked_partys_and_hypothetical(code) -> None:
    events = code("Zakharova called on the UN organizations to continue to provide aid for the civilians in Ghouta.",
                  "2018-03-28")
    aid = [e for e in events if e.cameo_root == "07"]
    assert aid and all(e.modality == "hypothetical" and (e.source_code or "").startswith("IGO") for e in aid), \
        _rows(events)


def test_a_demand_to_stop_an_act_codes_no_act_of_the_one_demanding(code) -> None:
    events = code("Russia urged Ukraine to stop shelling Donetsk on Monday.", "2018-03-28")
    assert not [e for e in events if e.cameo_root == "19"], _rows(events)


def test_a_passive_relative_clause_is_done_to_its_antecedent(code) -> None:
    events = code("Putin, who has been praised by Trump, denied the accusations on Monday.", "2016-10-08")
    praised = [e for e in events if e.cameo_root == "05"]
    assert [(e.source_country, e.target_country) for e in praised] == [("USA", "RUS")], _rows(events)


@pytest.mark.parametrize(
    "text, row",
    [
        ("Trump praised Putin as a strong leader, drawing criticism from Democrats.", ("USA", "11", "USA")),
        ("Israel came under criticism from the European Union for the settlements.", ("IGO", "11", "ISR")),
    ],
)
def test_who_draws_or_faces_criticism_is_its_target(code, text: str, row: tuple) -> None:
    events = code(text, "2016-10-08")
    assert row in {((e.source_code or "")[:3], e.cameo_root, e.target_country) for e in events}, _rows(events)
