"""Reporting verbs the tagger reads as plural nouns in a sentence it finds no verb in.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def test_a_headline_verb_read_as_a_noun_still_reports(nlp):
    [c] = _claims(nlp, "Sanders Vows To Eliminate Tax Breaks Used By Developers")
    assert (c.speaker_text, c.cue, c.content) == ("Sanders", "Vows", "To Eliminate Tax Breaks Used By Developers")


def test_a_name_then_a_misread_verb_and_a_that_clause(nlp):
    [c] = _claims(nlp, "Trump claims that he should be the exception.")
    assert (c.speaker_text, c.cue, c.content) == ("Trump", "claims", "that he should be the exception")


def test_a_misread_verb_closing_the_sentence_reports_what_came_before(nlp):
    [c] = _claims(nlp, "Secrecy is no stranger to her campaign, the candidate's former doctor maintains.")
    assert (c.speaker_text, c.cue) == ("the candidate's former doctor", "maintains")
    assert c.content == "Secrecy is no stranger to her campaign"


def test_a_heading_of_nouns_reports_nothing(nlp):
    assert _claims(nlp, "Budget Plans For The New Year") == []
