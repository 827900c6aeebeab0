"""Who is paired with whom: reciprocal events, ethnic groups, and targets beyond the verb's own slots."""

from __future__ import annotations

import pytest

from wirewatch.eval.events import plover_actors
from wirewatch.records import Event

pytestmark = [pytest.mark.slow]


def pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source_country, e.target_country) for e in events}


def test_a_meeting_is_reciprocal_and_plover_lists_both_as_actors(code) -> None:
    events = [e for e in code("Lavrov held talks with his Chinese counterpart in Moscow.") if e.cameo_root == "04"]
    assert pairs(events) == {("RUS", "CHN"), ("CHN", "RUS")}
    assert plover_actors(events) == {"source": {"RUS", "CHN"}, "target": set()}


def test_compound_subject_of_an_agreement_is_reciprocal(code) -> None:
    events = code("Hungarian and Romanian officials agreed on Wednesday to reopen the border crossing.")
    assert {("HUN", "ROU"), ("ROU", "HUN")} <= pairs(events)


def test_an_offer_to_negotiate_is_directed(code) -> None:
    events = code("Erdogan offered to negotiate with the Armenian president.")
    assert ("TUR", "ARM") in pairs(events) and ("ARM", "TUR") not in pairs(events)
    assert not any(e.rule.endswith("reciprocal") for e in events)


def test_an_accusation_by_two_states_is_two_directed_events(code) -> None:
    events = code("The United States and France accused Russia of aggression.")
    assert pairs(events) == {("USA", "RUS"), ("FRA", "RUS")}


def test_the_target_of_a_threat_is_the_target_of_the_act_threatened(code) -> None:
    events = code("Iran threatened to shell Iraqi towns in retaliation.")
    assert ("IRN", "IRQ") in pairs(events)


def test_a_conditional_threat_targets_the_subject_of_the_condition(code) -> None:
    events = code("Russia threatened to halt the negotiations if the United States went ahead with the deployment.")
    assert any(e.cameo_root == "13" and e.target_country == "USA" for e in events), pairs(events)


def test_an_uncoded_title_is_placed_in_the_one_country_named(code) -> None:
    events = code("Opposition groups in Zimbabwe are demanding that President Mnangagwa resign.")
    assert any(e.source_country == "ZWE" and e.target_code == "ZWEGOV" for e in events), pairs(events)


def test_a_domestic_protest_is_aimed_at_the_authorities(code) -> None:
    events = [e for e in code("Egyptian demonstrators rioted after Friday prayers.") if e.cameo_root == "14"]
    assert events and all(e.target_code == "EGYGOV" for e in events)
    assert events[0].target_text.startswith("(")  # implicit, and shown as such


def test_bosnian_serbs_are_coded_with_bosnia(code) -> None:
    events = code("Bosnian Serbs demanded a truce with Moslem forces.")
    assert any(e.source_country == "BIH" for e in events), pairs(events)


def test_an_ethnic_group_is_placed_where_it_lives(code) -> None:
    events = code("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")
    assert any(e.source_code == "SRBCVL" for e in events), pairs(events)


def test_according_to_is_not_a_recipient(code) -> None:
    events = code("Swiss doctors handed over medicine to the Red Crescent, according to the Swiss Agency for Development.")
    assert all(e.target_country != "CHE" for e in events), pairs(events)


def test_taken_from_whom(code) -> None:
    events = code("Ukrainian forces recaptured two villages near Kupiansk from Russian troops on Monday.")
    assert ("UKRMIL", "192", "RUSMIL") in {(e.source_code, e.cameo_code, e.target_code) for e in events}


def test_an_uncoded_group_in_a_with_phrase_is_placed(code) -> None:
    events = code("Protesters in Tbilisi clashed with police for a third night.")
    assert any(e.source_code == "GEOCVL" and e.target_code == "GEOCOP" for e in events), pairs(events)


def test_the_preposition_nearest_the_verb_names_the_target(code) -> None:
    events = code("Pakistan threatened to break off diplomatic relations with Costa Rica over its ties with Israel.")
    assert {e.target_country for e in events if e.cameo_root == "13"} == {"CRI"}, pairs(events)


def test_an_object_pronoun_takes_its_antecedent(code) -> None:
    events = code("Uganda paid compensation to British nationals for assets they lost when Idi Amin expelled them.")
    assert any(e.cameo_code == "174" and e.target_country == "GBR" for e in events), pairs(events)


def test_an_obligation_told_to_someone_is_demanded_of_them(code) -> None:
    events = code("The European Union sent a clear message to Serbia that it must cooperate with the tribunal.")
    assert any(e.cameo_root == "10" and e.source_code == "IGOEUREU" and e.target_country == "SRB" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_the_content_of_a_demand_names_whom_it_is_made_of(code) -> None:
    events = code("Kenyan opposition leaders insisted on their demand that the government release the detainees.")
    assert any(e.cameo_root == "10" and e.target_code == "KENGOV" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_two_states_praising_a_third_thing_do_not_praise_each_other(code) -> None:
    events = code("France and Germany praised the decision.")
    assert {(e.source_country, e.target_country) for e in events if e.cameo_root == "05"} == \
        {("FRA", None), ("DEU", None)}, [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]
    assert not any(e.rule.endswith("reciprocal") for e in events)


def test_a_pronoun_after_the_patterns_preposition_is_its_antecedent(code) -> None:
    events = code("Benjamin Netanyahu criticized Donald Trump on Monday but said he will meet with him next week.")
    meetings = {(e.source_country, e.target_country) for e in events if e.cameo_root == "04"}
    assert ("ISR", "USA") in meetings, [(e.source_code, e.cameo_code, e.target_code) for e in events]
