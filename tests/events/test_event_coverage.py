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
