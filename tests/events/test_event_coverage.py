"""Coverage of the weaker PLOVER types (issue 13): the words an event is read from, light verbs with
their event nouns, and verbs and nouns of aid, protest, cooperation, concession and retreat common in
news copy. Sentences written for the test."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _show(events) -> list[tuple]:
    return [(e.source_code, e.cameo_code, e.target_code, e.rule, e.trigger_start, e.trigger_end) for e in events]


@pytest.mark.parametrize(
    "text, words, plover",
    [
        ("Chile vowed to free the detained sailors next week.", "vowed to free", "AGREE"),
        ("Peru agreed to admit UN observers before the vote.", "agreed to admit", "AGREE"),
        ("Nepal said it was ready to cooperate with India on flood warnings.", "ready to cooperate", "AGREE"),
    ],
)
def test_a_promised_act_is_read_from_the_promise_and_the_act(code, text: str, words: str, plover: str) -> None:
    events = [e for e in code(text) if e.plover_type == plover]
    assert words in {text[e.trigger_start:e.trigger_end] for e in events}, _show(code(text))


@pytest.mark.parametrize(
    "text, noun, plover",
    [
        ("Teachers held a noisy rally outside the Kenyan parliament.", "rally", "PROTEST"),
        ("Bolivia launched a probe into the collapse of the Chilean-built bridge.", "probe", "ACCUSE"),
        ("Russia held large naval exercises near the Japanese coast.", "exercises", "MOBILIZE"),
    ],
)
def test_a_light_verb_event_is_read_from_its_noun_too(code, text: str, noun: str, plover: str) -> None:
    events = [e for e in code(text) if e.plover_type == plover]
    spans = [text[e.trigger_start:e.trigger_end] for e in events]
    assert any(noun in s for s in spans), _show(code(text))


def test_a_plain_verb_event_is_read_from_its_verb(code) -> None:
    text = "Ghana deployed troops to the northern border."
    assert {text[e.trigger_start:e.trigger_end] for e in code(text)} == {"deployed"}, _show(code(text))


@pytest.mark.parametrize(
    "text, plover",
    [
        ("The Norwegian navy ferried food parcels to flood-hit Bangladesh.", "AID"),
        ("Kuwait bankrolled Jordan's new water pipeline.", "AID"),
        ("Thousands of Chileans took to the streets of Santiago.", "PROTEST"),
        ("Bus drivers in Lima walked off the job over unpaid wages.", "PROTEST"),
        ("Students staged a sit-in at the Peruvian education ministry.", "PROTEST"),
        ("Serbian and Hungarian paratroopers trained together near Szeged.", "COOPERATE"),
        ("Egypt and Sudan set up a joint task force on smuggling.", "COOPERATE"),
        ("The Ghanaian president paid tribute to Nigeria's peacekeepers.", "SUPPORT"),
        ("Rebel fighters vacated the town of Kidal, handing it to the Malian army.", "RETREAT"),
        ("Colombian rebels handed in 300 weapons to UN monitors.", "RETREAT"),
        ("Russia pulled out of the grain deal with Ukraine.", "SANCTION"),
        ("The Indian army exchanged fire with Pakistani troops along the border.", "ASSAULT"),
        ("Tajik police searched the offices of the opposition newspaper.", "COERCE"),
        ("Peru and Chile exchanged views on the border dispute.", "CONSULT"),
        ("The Kazakh president pardoned 300 jailed protesters.", "CONCEDE"),
        ("The Uzbek government granted an amnesty to 500 prisoners.", "CONCEDE"),
        ("Vietnam loosened internet controls on foreign news sites.", "CONCEDE"),
        ("Kuwait's donation of medical supplies to Lebanon arrived on Monday.", "AID"),
        ("Iran freed the French tourist Lucas Martin after two years.", "RETREAT"),
    ],
)
def test_verbs_and_constructions_of_the_weaker_types(code, text: str, plover: str) -> None:
    assert plover in {e.plover_type for e in code(text)}, _show(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers haggled over the price of tomatoes at the market.",
        "Customers deposited record sums of money before the holiday.",
        "The fans clamoured for an encore after the show.",
        "Firefighters searched the house for the missing cat.",
        "The two teams traded shots in the second half.",
        "The oil that funds the project comes from the north.",
        "The band freed Taylor Swift's old album from its vault.",
    ],
)
def test_look_alikes_of_the_new_verbs_are_no_events(code, text: str) -> None:
    assert code(text) == [], _show(code(text))
