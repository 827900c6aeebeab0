"""The long tail of attribution: objects of reporting verbs, participles, light verbs with noun
cues, agentless passives, "it says" and "as X reported"."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def _with_cue(claims, word):
    found = [c for c in claims if c.cue and word in c.cue]
    assert found, f"no claim with cue {word!r}: {[(c.cue, c.content) for c in claims]}"
    return found[0]


def test_object_of_a_reporting_verb_is_its_content(nlp):
    c = _with_cue(_claims(nlp, "O'Malley stressed his executive experience and his climate change plan."), "stressed")
    assert c.speaker_text == "O'Malley"
    assert c.content == "his executive experience and his climate change plan"


def test_addressee_object_is_not_content(nlp):
    claims = _claims(nlp, "The senator told reporters on Tuesday.")
    assert not [c for c in claims if c.cue and "told" in c.cue]


def test_participle_modifying_a_noun_makes_the_noun_the_speaker(nlp):
    c = _with_cue(_claims(nlp, "Voters supporting the governor questioned the new tax on fuel."), "supporting")
    assert c.speaker_text == "Voters"
    assert c.content == "the governor"


def test_gerund_after_preposition_takes_the_main_subject(nlp):
    text = "Senator Ruth Okafor opened her campaign by denouncing the trade deal with Mexico."
    c = _with_cue(_claims(nlp, text), "denouncing")
    assert c.speaker_name == "Ruth Okafor"
    assert "trade deal" in c.content


def test_light_verb_with_noun_cue(nlp):
    text = "The mayor made the suggestion that the stadium should close for a year."
    c = _with_cue(_claims(nlp, text), "made")
    assert c.speaker_text == "The mayor"
    assert c.cue.startswith("made") and "suggestion" in c.cue
    assert c.content == "that the stadium should close for a year"


def test_statement_saying_joins_the_cue(nlp):
    text = "The ministry issued a statement saying the border crossing would reopen on Friday."
    c = _with_cue(_claims(nlp, text), "statement")
    assert c.speaker_text == "The ministry"
    assert c.cue.endswith("saying")
    assert c.content == "the border crossing would reopen on Friday"


def test_agentless_passive_is_an_unattributed_claim(nlp):
    c = _with_cue(_claims(nlp, "The senator is widely seen as a likely candidate for governor."), "seen")
    assert c.kind == "unattributed"
    assert c.speaker_text is None
    assert c.cue.endswith("seen as")
    assert "likely candidate" in c.content
    assert c.certainty in ("low", "medium")


def test_hearer_in_the_passive_is_no_claim(nlp):
    claims = _claims(nlp, "The driver was told to leave the area immediately.")
    assert not [c for c in claims if c.cue and "told" in c.cue]


def test_it_says_for_an_organisation(nlp):
    text = "The agency released its annual report. It says that exports fell by a third last year."
    c = _with_cue(_claims(nlp, text), "says")
    assert c.speaker_text == "It"
    assert c.content.startswith("that exports fell")


def test_it_is_said_stays_unattributed(nlp):
    c = _with_cue(_claims(nlp, "It is said that the minister will resign before the summer."), "said")
    assert c.kind == "unattributed" and c.speaker_text is None


def test_as_outlet_reported_takes_the_main_clause(nlp):
    text = "As The Daily Caller reported, the actor gave thousands of dollars to the foundation."
    c = _with_cue(_claims(nlp, text), "reported")
    assert c.speaker_text == "The Daily Caller"
    assert c.content.startswith("the actor gave thousands")


def test_stance_adjective_with_a_view_holder(nlp):
    c = _with_cue(_claims(nlp, "Many voters in Ohio are worried about the cost of health care."), "worried")
    assert c.speaker_text == "Many voters in Ohio"
    assert c.cue == "are worried about"
    assert c.content == "the cost of health care"


def test_adjective_without_a_view_holder_is_no_claim(nlp):
    assert not _claims(nlp, "The bridge is ready for traffic after the repairs.")


def test_impersonal_unclear_is_a_low_unattributed_claim(nlp):
    c = _with_cue(_claims(nlp, "It's unclear whether the talks will resume next week."), "unclear")
    assert c.kind == "unattributed" and c.speaker_text is None
    assert c.content.startswith("whether the talks will resume")
    assert c.certainty == "low"


def test_relative_object_takes_the_noun_it_describes(nlp):
    text = (
        "The GOP front-runner complained that the contest had been rigged, "
        "a charge that Colorado Republican leaders strongly denied."
    )
    c = _with_cue(_claims(nlp, text), "denied")
    assert c.speaker_text == "Colorado Republican leaders"
    assert c.content == "a charge"
