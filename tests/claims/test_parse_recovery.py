"""Attributions the parse hides: comment clauses, headlines, polls, seeming, misread relatives."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def _by_cue(claims, cue):
    found = [c for c in claims if c.cue == cue]
    assert found, f"no claim with cue {cue!r}: {[(c.cue, c.content) for c in claims]}"
    return found[0]


def test_comment_clause_inside_the_clause_it_reports(nlp):
    text = "Obama spoke on Tuesday. It was, he said, one of the bitterest failures of his presidency."
    c = _by_cue(_claims(nlp, text), "said")
    assert c.content.startswith("It was")
    assert c.content.endswith("failures of his presidency")


def test_comment_clause_at_the_end_stops_before_a_new_clause(nlp):
    c = _by_cue(_claims(nlp, "Russia will stay, he said, and the troops will leave."), "said")
    assert c.content == "Russia will stay"


def test_comment_clause_read_as_a_conjunct(nlp):
    text = (
        "Sanders remains committed to seeing the primary through to the convention, "
        "his top aide, Tad Devine, told The Huffington Post."
    )
    c = _by_cue(_claims(nlp, text), "told")
    assert "Tad Devine" in c.speaker_text
    assert c.content.startswith("Sanders remains committed")


def test_coordinated_verb_is_not_a_comment_clause(nlp):
    c = _by_cue(_claims(nlp, "He visited Ohio and told reporters that the race was close."), "told")
    assert c.content == "that the race was close"


def test_headline_saying_verb_takes_what_follows(nlp):
    c = _by_cue(_claims(nlp, "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling’\n"), "Says")
    assert c.speaker_text == "Clinton"
    assert c.content.startswith("Russians Hacked DNC")


def test_fronted_poll_frames_its_finding(nlp):
    text = "In a national CNN/ORC poll released Monday, 31% of Republicans are avid about voting."
    c = _by_cue(_claims(nlp, text), "In")
    assert c.speaker_text.startswith("a national CNN/ORC poll")
    assert c.content.startswith("31% of Republicans")


def test_fronted_statement_leaves_the_claim_to_its_speaker(nlp):
    text = "In a statement, Priorities USA chief strategist Guy Cecil said the ad would run in Ohio."
    claims = _claims(nlp, text)
    assert not [c for c in claims if c.cue == "In"]
    assert "Guy Cecil" in _by_cue(claims, "said").speaker_text


def test_looks_like_is_the_writers_hedged_statement(nlp):
    c = _by_cue(_claims(nlp, "It looks like the reality star isn’t running for office after all."), "looks")
    assert c.kind == "unattributed" and c.speaker_text is None
    assert "the reality star isn’t running for office" in c.content


def test_subject_misread_into_a_relative_clause(nlp):
    text = "Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race."
    c = _by_cue(_claims(nlp, text), "said")
    assert c.speaker_text == "Sanders"
    assert c.content == "that fact speaks volumes about the race"


def test_share_of_a_poll_holds_a_view(nlp):
    text = "In the survey, 71 percent of Sanders supporters said they would back Clinton in November."
    c = _by_cue(_claims(nlp, text), "said")
    assert c.speaker_text == "71 percent of Sanders supporters"


def test_a_quotations_last_words_read_as_subject_leave_the_speaker_after_the_verb(nlp):
    text = '"The council is in panic mode. Full panic mode," said Rosa Diaz, a Denver-based organiser of the union.'
    c = _by_cue(_claims(nlp, text), "said")
    assert c.speaker_text.startswith("Rosa Diaz")
    assert c.content.startswith('"The council is in panic mode.')


def test_the_complement_after_the_verb_wins_over_one_read_into_a_fronted_clause(nlp):
    text = "While he admitted money was one reason, the general also noted several other failures left him bitter."
    c = _by_cue(_claims(nlp, text), "also noted")
    assert c.content == "several other failures left him bitter"
