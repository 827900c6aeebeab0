"""Claims on realistic news sentences: speakers, cues, contents, chains, certainty."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import ActorMention, Article

pytestmark = [pytest.mark.slow]


def _claims(nlp, text, publisher=None, mentions=()):
    return find_claims(nlp(text), Article(article_id="t", text=text, publisher=publisher), list(mentions), claim_lexicons())


def test_inverted_quote_with_title_and_continuation(nlp):
    text = (
        "“We will not back down in the face of pressure,” said Foreign Minister Sergei Lavrov. "
        "“Our partners know where we stand.”\n\nThe talks resume on Monday."
    )
    [c] = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert c.kind == "direct"
    assert c.speaker_name == "Sergei Lavrov"
    assert c.cue == "said"
    assert c.content.startswith("“We will not back down")
    assert c.content.endswith("where we stand.”")  # the next quotation carries on the claim


def test_interview_with_outlet_and_publisher(nlp):
    text = (
        "Defence Minister Ana Costa said in an interview with Reuters that the navy would "
        "patrol the strait until the end of the year."
    )
    [c] = _claims(nlp, text, publisher="The Guardian")
    assert c.speaker_name == "Ana Costa"
    assert c.chain == ["Ana Costa", "Reuters", "The Guardian"]
    assert c.content.startswith("that the navy would patrol")


def test_pronoun_and_description_resolve_to_named_person(nlp):
    text = (
        "Chancellor Olaf Scholz met the French president in Paris on Tuesday. "
        "The German leader warned that the alliance could fracture. "
        "He added that Berlin would raise its defence budget."
    )
    claims = _claims(nlp, text)
    warned = next(c for c in claims if c.cue == "warned")
    added = next(c for c in claims if c.cue == "added")
    assert warned.speaker_name == "Olaf Scholz"
    assert added.speaker_name == "Olaf Scholz"
    assert "could" in warned.hedges and warned.certainty == "medium"
    assert added.certainty == "high"


def test_hearsay_adverb_is_unattributed_and_low(nlp):
    text = "Iran reportedly shipped drones to the rebels last month."
    [c] = _claims(nlp, text)
    assert c.kind == "unattributed"
    assert c.cue == "reportedly"
    assert c.certainty == "low"
    assert "shipped drones" in c.content


def test_according_to_outlet_alone_is_its_claim(nlp):
    text = "According to the Wall Street Journal, the company will cut 2,000 jobs in March."
    [c] = _claims(nlp, text)
    assert c.kind == "according_to"
    assert c.speaker_name == "Wall Street Journal"
    assert c.speaker_kind == "outlet"
    assert c.content.startswith("the company will cut")


def test_speaker_links_to_overlapping_mention_and_state_media(nlp):
    text = "RT reported that the convoy had crossed the border."
    start = text.index("RT")
    mention = ActorMention(
        mention_id="m1", article_id="t", sentence_index=0, char_start=start, char_end=start + 2,
        text="RT", code="RUSMED", name="RT", country="RUS", sector="MED", kind="outlet", state_media=True,
    )
    [c] = _claims(nlp, text, mentions=[mention])
    assert c.speaker_code == "RUSMED"
    assert c.speaker_kind == "outlet"
    assert c.state_media is True


def test_parsed_text_must_be_article_text(nlp):
    doc = nlp("Officials said the bridge was closed.")
    with pytest.raises(ValueError, match="article.text"):
        find_claims(doc, Article(article_id="x", text="Something else entirely."), [], claim_lexicons())


def test_comment_clause_after_the_statement(nlp):
    text = "The ceasefire will not hold past Friday, the envoy said."
    [c] = _claims(nlp, text)
    assert c.speaker_text == "the envoy"
    assert c.content == "The ceasefire will not hold past Friday"
    assert c.kind == "indirect"


def test_prepositional_cue_and_relative_pronoun_speaker(nlp):
    text = "Senator Maria Lopez, who opposed the treaty, has called for a new vote in the spring."
    claims = _claims(nlp, text)
    called = next(c for c in claims if c.cue.endswith("called for"))
    assert called.speaker_name == "Maria Lopez"
    assert called.content.startswith("a new vote")
    opposed = next(c for c in claims if c.cue == "opposed")
    assert opposed.speaker_text == "who"  # the span as written ...
    assert opposed.speaker_name == "Maria Lopez"  # ... resolved to whom it stands for
    assert opposed.content == "the treaty"


def test_owned_noun_is_a_claim_and_unowned_is_not(nlp):
    claims = _claims(nlp, "Erdogan's call for a ceasefire was ignored. The call for calm went unheard.")
    [c] = claims
    assert c.speaker_text == "Erdogan"
    assert c.cue == "call for"
    assert c.content == "a ceasefire"


def test_seeming_is_the_writers_hedge_outside_claims_only(nlp):
    alone = _claims(nlp, "The rebels appear to have withdrawn from the city.")
    assert [(c.kind, c.cue, c.certainty) for c in alone] == [("unattributed", "appear", "low")]
    inside = _claims(nlp, "The general said that the rebels appear to have withdrawn from the city.")
    assert [c.cue for c in inside] == ["said"]
    assert "appear" in inside[0].hedges


def test_stance_verb_needs_a_subject_that_can_hold_a_view(nlp):
    assert _claims(nlp, "The new rules favor incumbents in rural districts.") == []
    [c] = _claims(nlp, "Rural voters favor incumbents in these districts.")
    assert c.cue == "favor" and c.speaker_text == "Rural voters"


def test_anonymous_officials_and_government_speakers(nlp):
    text = (
        "Officials said that the ceasefire would hold through the weekend. "
        "Russia said that its troops had left the village."
    )
    by_cue = {c.content.split()[2]: c for c in _claims(nlp, text)}
    assert by_cue["ceasefire"].speaker_kind == "anonymous"
    assert by_cue["ceasefire"].certainty == "medium"  # anonymous sources lower it a step
    assert by_cue["troops"].speaker_kind == "government"
