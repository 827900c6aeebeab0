"""Where a verb's cue begins and ends: the verb group before a cue preposition, and a verb of
phase or seeming that carries the report. Sentences written for these tests."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _cues(nlp, text):
    return [c.cue for c in find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())]


def test_a_cue_preposition_keeps_the_verb_group_before_it(nlp):
    assert _cues(nlp, "The union has called for a new vote on the contract.") == ["has called for"]
    assert _cues(nlp, "The firm did not respond to the request from the council.") == ["did not respond to"]


def test_a_verb_of_phase_or_seeming_is_part_of_the_cue(nlp):
    assert _cues(nlp, "The minister went on to explain that the plan would fail.") == ["went on to explain"]
    assert _cues(nlp, "She seemed to think that the count was rigged.") == ["seemed to think"]
    assert _cues(nlp, "He started off by emphasizing that jobs were coming back.") == ["started off by emphasizing"]


def test_a_purpose_clause_verb_is_not(nlp):
    assert _cues(nlp, "He travelled to Ohio to explain that the plan would fail.") == ["to explain"]
