"""Event coding on realistic sentences: codes, PLOVER types, source and target from the parse."""

from __future__ import annotations

import pytest

from wirewatch.records import Event


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source_code, e.cameo_code, e.target_code) for e in events}


@pytest.mark.parametrize(
    "text, source, cameo, target, plover",
    [
        ("Russia signed a military cooperation agreement with Nicaragua on Tuesday.", "RUS", "057", "NIC", "SUPPORT"),
        ("The United States deployed three warships and 4,000 troops off the coast of Venezuela.", "USA", "150", "VEN", "MOBILIZE"),
        ("Germany praised Poland's decision to raise defence spending.", "DEU", "051", "POL", "SUPPORT"),
        ("Iran condemned the Israeli strikes on Lebanon.", "IRN", "111", "ISR", "ACCUSE"),
        ("The European Union imposed new sanctions on Russia.", "IGOEUREU", "163", "RUS", "SANCTION"),
        ("Thousands of Serbian students protested in Belgrade against the government.", "SRBCVL", "141", "SRB", "PROTEST"),
        ("Israeli troops attacked a Palestinian refugee camp.", "ISRMIL", "190", "PSEREF", "ASSAULT"),
        ("The United Nations urged Sudan to allow aid deliveries.", "IGOUNO", "100", "SDN", "REQUEST"),
        ("Putin met Xi Jinping in Beijing on Tuesday.", "RUSGOV", "040", "CHNGOV", "CONSULT"),
        ("Turkey expelled two Russian diplomats.", "TUR", "166", "RUSGOV", "SANCTION"),
        ("Venezuela rejected the American proposal.", "VEN", "125", "USA", "REJECT"),
        ("The Cuban government released 50 political prisoners.", "CUBGOV", "0841", None, "RETREAT"),
        ("Russian forces shelled Kharkiv overnight.", "RUSMIL", "194", None, "ASSAULT"),
    ],
)
def test_one_event_per_sentence(code, text: str, source: str, cameo: str, target: str | None, plover: str) -> None:
    events = code(text)
    assert (source, cameo, target) in triples(events), triples(events)
    event = next(e for e in events if e.cameo_code == cameo)
    assert event.plover_type == plover and event.modality == "asserted"


def test_passive_with_agent(code) -> None:
    events = code("Iraqi civilians were attacked by Islamic State militants.")
    assert triples(events) == {("IMGREB", "190", "IRQCVL")}


def test_conjoined_sources_and_targets_each_get_an_event(code) -> None:
    assert triples(code("China and Brazil signed a trade deal.")) == {("CHN", "057", None), ("BRA", "057", None)}
    found = triples(code("Russia also signed new agreements strengthening military education exchanges with Nicaragua and Venezuela."))
    assert {("RUS", "057", "NIC"), ("RUS", "057", "VEN")} <= found


def test_a_promise_of_aid_is_an_expression_of_intent(code) -> None:
    events = code("Japan agreed to provide $500 million in humanitarian aid to Ukraine.")
    assert len(events) == 1
    e = events[0]
    assert (e.source_code, e.target_code, e.cameo_root, e.plover_type) == ("JPN", "UKR", "03", "AGREE")
    assert "humanitarian" in e.plover_contexts


def test_a_threat_covers_the_act_threatened(code) -> None:
    events = code("North Korea threatened to attack South Korea.")
    assert [e.plover_type for e in events] == ["THREATEN"]
    assert events[0].cameo_code == "138" and events[0].source_code == "PRK"


def test_what_someone_must_do_is_the_speakers_demand(code) -> None:
    events = code("Mexico said the United States must withdraw its troops from the border.")
    assert [(e.source_code, e.cameo_root, e.target_code, e.plover_type) for e in events] == [
        ("MEX", "10", "USA", "REQUEST")]


def test_military_training_is_military_aid(code) -> None:
    events = code("Russian advisers trained the Venezuelan army on drone tactics.")
    assert ("RUS", "072", "VENMIL") in triples(events)
    e = next(e for e in events if e.cameo_code == "072")
    assert e.plover_type == "AID" and "military" in e.plover_contexts


def test_state_media_influence_campaign_carries_misinformation(code) -> None:
    events = code("Russia's state-sponsored media outlet RT has placed ads all over Mexico City's busiest roads.")
    e = next(e for e in events if e.source_code == "RUSMED")
    assert e.plover_type == "COERCE" and e.plover_mode == "misinformation"
    assert "misinformation" in e.plover_contexts and e.target_country == "MEX"


def test_every_event_is_complete_and_points_at_its_sentence(code) -> None:
    text = "Talks broke down on Monday. Russia deployed bombers to Venezuela.\n\nChina praised Brazil."
    events = code(text)
    assert len(events) == 2
    for e in events:
        assert text[e.char_start:e.char_end] == e.evidence
        assert e.event_id and e.rule and 0 < e.confidence <= 1 and e.quad_class in (1, 2, 3, 4)
        assert e.cameo_root == e.cameo_code[:2] and e.plover_type
    assert [e.sentence_index for e in events] == [1, 2]
    assert code(text)[0].event_id == events[0].event_id  # stable


def test_sentences_without_events_give_none(code) -> None:
    assert code("The weather in Lisbon was mild and the markets were quiet.") == []
