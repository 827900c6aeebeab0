"""What is not a claim: acts named with a cue word ("targeting", "decision", "hold", "to find"),
passive acts with no view stated, and datelines read as speakers."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine is targeting Russian oil refineries with long-range drones.",
        "Putin's decision to send troops to Venezuela surprised Washington.",
        "Putin will hold a call with Maduro on Monday.",
        "The two navies will hold joint exercises in the Caribbean next month.",
        "Investigators are trying to find the cause of the crash.",
        "He went to Caracas to find new partners for the arms deal.",
        "Neither the general nor his aides have been charged with any crime.",
        "The depot was targeted in a drone strike on Tuesday.",
        # A verb of saying or showing in the passive with only circumstances names an act.
        "The deal was announced on Tuesday in Caracas.",
        "The village was shown on state television.",
        "The minister was seen leaving the embassy.",
        "Mark Cuban knows as much about national security as anyone.",
    ],
)
def test_acts_are_not_claims(nlp, text):
    assert _claims(nlp, text) == [], text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Trump charged that Clinton had lied about the emails.", "charged"),
        ("Investigators found that the pilot had ignored the warnings.", "found"),
        ("Officials hold the view that the troops will stay.", "hold the view"),
        ("The general is seen as the architect of the deal.", "is seen as"),
        ("Budanov criticized the plan to send more troops.", "criticized"),
    ],
)
def test_statements_with_the_same_words_stay(nlp, text, cue):
    assert [c.cue for c in _claims(nlp, text)] == [cue]


def test_a_dateline_is_nobody_speaking(nlp):
    text = "CARACAS (RT en Espanol) — The minister said that the talks had ended without an agreement."
    [c] = _claims(nlp, text)
    assert c.speaker_text == "The minister"
    text = "LOS ANGELES, Sept. 28 (UPI) — In a preview clip for the show, the singer said she was ready."
    assert [c.speaker_text for c in _claims(nlp, text)] == ["the singer"]


def test_a_dateline_with_no_agency_is_nobody_speaking_either(nlp):
    # No wire credit: the parser makes the place a second subject of the clause the cue hangs on.
    text = ("DULUTH, Minn. — Hours before the vote on Monday, union leader Carla Ortiz voiced doubts about "
            "the contract, saying the members would reject it.")
    assert {c.speaker_text for c in _claims(nlp, text)} == {"union leader Carla Ortiz"}


def test_how_hard_a_thing_is_to_do_states_nothing(nlp):
    assert _claims(nlp, "It's hard to imagine a tax code more complicated than this one.") == []
    assert _claims(nlp, "It is difficult to assess the strength of the new missile.") == []
    [likely] = _claims(nlp, "It is likely that the talks will resume next week.")
    assert likely.kind == "unattributed"
