"""Claims the layout attributes with no verb: transcript turns, a "Name: ..." headline, a
quotation credited after a dash. Sentences written for these tests."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def test_each_turn_of_a_quoted_transcript_is_its_speakers_claim(nlp):
    text = (
        "The senator spoke to the host on Sunday. A partial transcript follows.\n\n"
        '"HOST: Will the council vote on the budget before the recess?\n\n'
        '"MORALES: Well, look, the council has every reason to wait for the audit.\n\n'
        '"HOST: Thank you.\n\n'
    )
    turns = [c for c in _claims(nlp, text) if c.cue == ":"]
    # "Thank you." is too short to state anything.
    assert [(c.speaker_text, c.kind) for c in turns] == [("HOST", "direct"), ("MORALES", "direct")]
    assert turns[0].content.startswith("Will the council vote")
    assert turns[1].content.endswith("wait for the audit.")


def test_a_headline_names_its_speaker_before_a_colon(nlp):
    text = (
        "Okafor: The port deal will cost the city thousands of jobs\n\n"
        "Councillor Grace Okafor criticised the agreement at a meeting on Monday."
    )
    [headline] = [c for c in _claims(nlp, text) if c.cue == ":"]
    assert headline.speaker_text == "Okafor"
    assert headline.content == "The port deal will cost the city thousands of jobs"


def test_a_poll_headline_is_the_polls_finding(nlp):
    text = "Survey: Most farmers expect a poor harvest this year\n\nThe survey asked 800 farmers in June."
    [headline] = [c for c in _claims(nlp, text) if c.cue == ":"]
    assert headline.speaker_text == "Survey"


def test_a_topic_before_a_colon_speaks_for_no_one(nlp):
    for text in (
        "Drought crisis: Farmers expect a poor harvest this year\n\nRain has not fallen since May.",
        "Brexit: Talks stall again in Brussels over fishing rights\n\nBrexit talks between the two sides stalled.",
    ):
        assert not [c for c in _claims(nlp, text) if c.cue == ":"]


def test_a_quotation_credited_after_a_dash_is_the_named_persons(nlp):
    text = (
        "We asked readers what they thought of the debate.\n\n"
        "“He did not answer a single question about the economy. I expected more.” ― Maria Lopez\n\n"
        "“It was the best night of the campaign so far.”― Tom Becker\n"
    )
    # The tokenizer may keep the closing mark with the dash ("”―"): the cue is that token.
    credited = [c for c in _claims(nlp, text) if c.cue.endswith("―")]
    assert [c.speaker_text for c in credited] == ["Maria Lopez", "Tom Becker"]
    assert credited[0].content.startswith("“He did not answer")
    assert credited[0].content.endswith("I expected more.”")
    assert credited[0].kind == "direct"
