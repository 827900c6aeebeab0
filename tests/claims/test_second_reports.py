"""One speaker's two reports in one sentence, and the asides that close what was said.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _by_cue(nlp, text):
    claims = find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())
    return {c.cue: c for c in claims}


def test_a_second_report_after_and_is_the_same_speakers_own_claim(nlp):
    text = "The ministry said it was firmly opposed to the launch and warned the neighbours to refrain from further tests."
    claims = _by_cue(nlp, text)
    assert claims["said"].content == "it was firmly opposed to the launch"
    assert claims["warned"].speaker_text == "The ministry"
    assert claims["warned"].content.startswith("to refrain from further tests")


def test_what_was_said_may_itself_coordinate_verbs(nlp):
    # Under "would", the coordinated verbs are what was said, not a second report.
    claims = _by_cue(nlp, "The general said the rebels would attack and target the refineries.")
    assert claims["said"].content == "the rebels would attack and target the refineries"
    assert "target" not in claims


def test_a_participle_after_a_comma_is_the_speakers_next_report(nlp):
    text = "The senator said that he did not believe the figures, arguing that the survey was far too small."
    claims = _by_cue(nlp, text)
    assert claims["said"].content == "that he did not believe the figures"
    assert claims["arguing"].speaker_text == "The senator"
    assert claims["arguing"].content == "that the survey was far too small"
