"""The seed article through actors and events: the events the product was conceived from."""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, date_words, event_lexicons, media

from wirewatch.actors.resolve import find_mentions
from wirewatch.events.coding import code_events
from wirewatch.records import Article, Event

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


@pytest.fixture(scope="module")
def seed_events(nlp, actor_dictionary, seed_text: str) -> list[Event]:
    article = Article(article_id="seed", text=seed_text, published_at="2025-11-20")
    doc = nlp(seed_text)
    return code_events(doc, article, find_mentions(doc, article, actor_dictionary, coreference(), media()), event_lexicons())


def show(events: list[Event]) -> list[tuple]:
    return [(e.source_code, e.cameo_code, e.target_code, e.modality, e.evidence[:50]) for e in events]


def test_russia_trains_the_venezuelan_military(seed_events: list[Event]) -> None:
    aid = [e for e in seed_events if e.source_country == "RUS" and e.target_country == "VEN"
           and e.cameo_root in ("06", "07") and e.plover_type in ("AID", "COOPERATE") and e.modality == "asserted"]
    assert aid, show(seed_events)
    assert all("military" in e.plover_contexts for e in aid)
    evidence = " ".join(e.evidence for e in aid)
    assert "Putin has sent one of his top military officials" in evidence
    assert "120 soldiers who are training the Venezuelan army" in evidence


def test_us_build_up_is_mobilisation(seed_events: list[Event]) -> None:
    build_up = [e for e in seed_events if e.source_country == "USA" and e.cameo_root == "15"]
    assert build_up, show(seed_events)
    assert all(e.plover_type == "MOBILIZE" and e.modality == "asserted" for e in build_up)
    assert any("warships and troops" in e.evidence for e in build_up)


@pytest.mark.parametrize("partner", ["NIC", "VEN"])
def test_agreements_with_nicaragua_and_venezuela(seed_events: list[Event], partner: str) -> None:
    found = [e for e in seed_events if e.source_country == "RUS" and e.target_country == partner
             and e.cameo_code == "057"]
    assert found, show(seed_events)
    assert all(e.plover_type == "SUPPORT" and e.modality == "asserted" and e.goldstein == 8.0 for e in found)


def test_submarine_to_cuba_and_bombers_to_venezuela(seed_events: list[Event]) -> None:
    deployments = {(e.source_country, e.target_country) for e in seed_events
                   if e.plover_type == "MOBILIZE" and "nuclear-capable submarine" in e.evidence}
    assert {("RUS", "CUB"), ("RUS", "VEN")} <= deployments, show(seed_events)


def test_no_asserted_us_attack(seed_events: list[Event]) -> None:
    attacks = [e for e in seed_events if e.source_country == "USA" and e.plover_type == "ASSAULT"]
    assert attacks, "the hypothetical attack is still recorded, as hypothetical"
    assert all(e.modality == "hypothetical" for e in attacks), show(attacks)


def test_russia_will_try_to_speak_to_the_us(seed_events: list[Event]) -> None:
    talks = [e for e in seed_events if e.source_country == "RUS" and e.target_country == "USA"]
    assert talks and all(e.modality == "future" and e.plover_type in ("AGREE", "CONSULT") for e in talks)


def test_rt_campaign_is_a_state_media_influence_operation(seed_events: list[Event]) -> None:
    rt = [e for e in seed_events if e.source_code == "RUSMED" and e.target_country == "MEX"]
    assert rt and all("misinformation" in e.plover_contexts for e in rt)


def test_evidence_is_the_article_text(seed_events: list[Event], seed_text: str) -> None:
    for e in seed_events:
        assert seed_text[e.char_start:e.char_end] == e.evidence
        assert "\n\n" not in e.evidence


@pytest.fixture(scope="module")
def dated_seed_events(nlp, actor_dictionary, seed_text: str) -> list[Event]:
    from wirewatch.dates.normalise import date_events

    article = Article(article_id="seed", text=seed_text, published_at="2025-11-20")
    doc = nlp(seed_text)
    events = code_events(doc, article, find_mentions(doc, article, actor_dictionary, coreference(), media()), event_lexicons())
    date_events(doc, article, events, date_words())
    return events


def test_the_submarine_in_cuba_is_dated_2024_and_the_bombers_2018(dated_seed_events: list[Event]) -> None:
    dates = {e.target_country: (e.date, e.date_granularity) for e in dated_seed_events
             if e.source_country == "RUS" and e.plover_type == "MOBILIZE" and "nuclear-capable" in e.evidence}
    assert dates.get("CUB") == ("2024", "year"), show(dated_seed_events)
    assert dates.get("VEN") == ("2018", "year"), show(dated_seed_events)


def test_military_academy_exchanges_are_military_aid_over_a_range(dated_seed_events: list[Event]) -> None:
    academies = [e for e in dated_seed_events if "military academies" in e.evidence and e.source_country == "RUS"]
    assert academies, show(dated_seed_events)
    e = academies[0]
    assert (e.plover_type, e.cameo_code, e.modality) == ("AID", "072", "asserted")
    assert "military" in e.plover_contexts
    assert (e.date, e.date_granularity) == ("2022/2025", "range")


def test_the_campaign_to_pressure_maduro_is_asserted(seed_events: list[Event]) -> None:
    pressure = [e for e in seed_events if e.source_country == "USA" and e.target_country == "VEN"
                and e.plover_type == "REQUEST"]
    assert pressure and all(e.modality == "asserted" for e in pressure), show(seed_events)
    assert any(e.cameo_code == "1041" for e in pressure)  # demand that a leader resign


def test_the_us_build_up_is_also_coded_from_the_noun(seed_events: list[Event]) -> None:
    nominal = [e for e in seed_events if e.rule.startswith("event_noun:build-up")]
    assert nominal and all((e.source_country, e.plover_type, e.modality) == ("USA", "MOBILIZE", "asserted")
                           for e in nominal), show(seed_events)


def test_nothing_speculative_is_asserted(seed_events: list[Event]) -> None:
    # "if the United States launched an attack", "Trump's push for America's military to invade Mexico",
    # "its lower capacity to supply weapons": none of these happened
    for e in seed_events:
        if any(cue in e.evidence for cue in ("launched an attack", "to invade Mexico", "capacity to supply")):
            if e.plover_type in ("ASSAULT", "AID"):
                assert e.modality in ("hypothetical", "future"), show([e])


def test_every_asserted_seed_event_has_a_named_source(seed_events: list[Event]) -> None:
    asserted = [e for e in seed_events if e.modality == "asserted"]
    assert len(asserted) >= 12, show(seed_events)
    assert all(e.source_code for e in asserted), show([e for e in asserted if not e.source_code])
