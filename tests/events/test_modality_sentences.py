"""Modality on whole sentences: asserted, negated, hypothetical, future (with CAMEO intent codes) and
hedged, including infinitives under nouns and event nouns."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize(
    "text, root, modality",
    [
        ("Russia did not sign the agreement with Ukraine.", "05", "negated"),
        ("Russia would attack Finland if NATO deployed troops there.", "13", "hypothetical"),
        ("Iran reportedly supplied drones to Russia.", "07", "hedged"),
        ("China appears to have sent warships to the Philippines.", "15", "hedged"),
        # an option is not an act
        ("Moscow keeps the option to supply weapons to Venezuela.", "07", "hypothetical"),
        # the campaign is under way: the pressure is the act
        ("The Pentagon launched a campaign to pressure Venezuela's government.", "10", "asserted"),
        # a plan of cooperation is an expression of intent (CAMEO 03x), future
        ("Japan plans to provide humanitarian aid to Ukraine.", "03", "future"),
        # event nouns take their modifiers' modality
        ("The planned Chinese military exercises near Taiwan were postponed.", "15", "future"),
    ],
)
def test_modality(code, text: str, root: str, modality: str) -> None:
    events = [e for e in code(text) if e.cameo_root == root]
    assert events, [(e.cameo_code, e.modality, e.rule) for e in code(text)]
    assert all(e.modality == modality for e in events), [(e.cameo_code, e.modality, e.rule) for e in events]


def test_a_demand_noun_makes_its_content_a_demand(code) -> None:
    events = code("The European Union reiterated its demand that Israel ease restrictions on aid.")
    assert any(e.cameo_root == "10" and e.target_country == "ISR" and e.modality == "asserted" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code) for e in events]
    assert not any(e.source_country == "ISR" and e.cameo_root == "08" for e in events)


def test_nominal_events(code) -> None:
    events = code("Russia's deployment of warships to Cuba alarmed Washington.")
    assert any((e.source_country, e.cameo_code, e.target_country, e.plover_type) == ("RUS", "150", "CUB", "MOBILIZE")
               for e in events), [(e.source_code, e.cameo_code, e.target_code) for e in events]
    invasion = code("The invasion of Ukraine by Russian forces shocked Europe.")
    assert any((e.source_code, e.cameo_root, e.target_country) == ("RUSMIL", "19", "UKR") for e in invasion)
    # the object of a coded verb belongs to that verb's event, not to a second one
    launched = code("Russian forces launched an attack on Kharkiv.")
    assert len([e for e in launched if e.cameo_root == "19"]) == 1


@pytest.mark.parametrize(
    "text, cameo, modality",
    [
        ("The Kenyan president will meet with his Ugandan counterpart next week.", "040", "future"),
        ("The Kenyan president agreed to meet his Ugandan counterpart.", "036", "asserted"),
        ("The Kenyan president plans to meet his Ugandan counterpart.", "036", "future"),
    ],
)
def test_a_scheduled_meeting_is_a_meeting_a_promised_one_an_intent(code, text: str, cameo: str, modality: str) -> None:
    events = code(text)
    assert events and {(e.cameo_code, e.modality) for e in events} == {(cameo, modality)}, \
        [(e.source_code, e.cameo_code, e.target_code, e.modality) for e in events]
