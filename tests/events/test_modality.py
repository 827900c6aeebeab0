"""Modality: negated, hypothetical, future and hedged events; the cues come from events/data/modality.yaml."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Russia signed the treaty.", "asserted"),
        ("Russia did not sign the treaty.", "negated"),
        ("Russia will not send troops to Venezuela.", "negated"),
        ("Russia never sent bombers to Venezuela.", "negated"),
        ("The Venezuelan army would attack if Colombian forces crossed the border.", "hypothetical"),
        ("China will try to speak to India about the border dispute.", "future"),
        ("Russia plans to send more bombers to Venezuela.", "future"),
        ("Moscow appears to have sent advisers to Venezuela.", "hedged"),
        ("Russia reportedly sent advisers to Venezuela.", "hedged"),
        ("Russian advisers are believed to have trained Venezuelan soldiers.", "hedged"),
        # "neither" on the verb (inverted) or on its subject negates the act for all named
        ("Neither will Moscow send troops to the region.", "negated"),
        ("Neither Egypt nor Jordan condemned the Israeli strikes.", "negated"),
        ("Neither government condemned the Israeli strikes.", "negated"),
    ],
)
def test_modality(code, text: str, modality: str) -> None:
    events = code(text)
    assert events, text
    assert {e.modality for e in events} == {modality}


def test_the_attack_in_an_if_clause_is_not_asserted(code) -> None:
    events = code("Budanov said that the Russians would not leave if the United States launched an attack.")
    attacks = [e for e in events if e.plover_type == "ASSAULT"]
    assert attacks and all(e.modality == "hypothetical" and e.source_country == "USA" for e in attacks)
    assert all(e.certainty == "low" for e in attacks)


def test_a_wished_for_invasion_is_not_asserted(code) -> None:
    events = code("The articles cover everything from Trump's push for America's military to invade Mexico.")
    assert events and all(e.modality == "hypothetical" for e in events if e.plover_type == "ASSAULT")


def test_negated_object(code) -> None:
    events = code("Russia sent no troops to Venezuela.")
    assert events and all(e.modality == "negated" for e in events)
