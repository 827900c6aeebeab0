"""The seed article: Budanov's statements, the briefing, the experts, the analysis and the hearsay."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


@pytest.fixture(scope="module")
def claims(nlp, seed_text):
    article = Article(article_id="seed", text=seed_text, publisher="Daily Star")
    return find_claims(nlp(seed_text), article, [], claim_lexicons())


def _by_content(claims, words):
    found = [c for c in claims if words in c.content]
    assert found, f"no claim whose content holds {words!r}; got {[c.content[:60] for c in claims]}"
    return found[0]


def test_said_that_is_budanovs(claims):
    c = _by_content(claims, "the Russians would not leave")
    assert c.kind == "indirect"
    assert c.speaker_text == "Budanov"
    assert c.speaker_name == "Kyrlo Budanov"
    assert c.cue == "said"
    assert c.content.startswith("that the Russians")


def test_pronoun_told_outlet_quote(claims):
    c = _by_content(claims, "It’s just a game.")
    assert c.kind == "direct"
    assert c.speaker_text == "He"
    assert c.speaker_name == "Kyrlo Budanov"
    assert c.content.startswith("“I think") and c.content.endswith("game.”")
    assert c.chain[:2] == ["Kyrlo Budanov", "The War Zone"]
    assert c.chain[-1] == "Daily Star"
    assert "i think" in c.hedges


def test_described_is_mixed_and_resolved(claims):
    c = _by_content(claims, "military advisors and also teachers")
    assert c.cue == "also described"  # the verb group, as attribution corpora mark it
    assert c.kind == "mixed"
    assert c.speaker_name == "Kyrlo Budanov"


def test_description_resolves_and_daily_mail_relays(claims):
    c = _by_content(claims, "Makarevich appears to have had his stay extended")
    assert c.speaker_text == "The Ukrainian official"
    assert c.speaker_name == "Kyrlo Budanov"
    assert "Daily Mail" in c.chain
    assert c.chain.index("Daily Mail") < c.chain.index("Daily Star")
    assert "according to the Daily Mail" not in c.content
    assert c.certainty in ("low", "medium")  # "appears to" hedges it
    # The Daily Mail relays Budanov's claim; it is not a claim of its own.
    assert not any(other.speaker_name == "Daily Mail" for other in claims)


def test_according_to_with_apposition(claims):
    c = _by_content(claims, "Russia has set up")
    assert c.kind == "according_to"
    assert c.cue == "According to"
    assert c.speaker_name == "Kyrlo Budanov"
    assert "General Kyrlo Budanov" in c.speaker_text


def test_briefing_and_the_paper(claims):
    briefing = _by_content(claims, "some of the reasons why Putin")
    assert briefing.speaker_name == "European Parliament"
    assert briefing.cue == "outlines"
    paper = _by_content(claims, "Russian foreign policy changed in 2016")
    assert paper.kind == "according_to"
    assert paper.speaker_text == "the paper"
    assert paper.speaker_name == "European Parliament"


def test_according_to_experts_is_collective(claims):
    c = _by_content(claims, "powerful disinformation campaigns")
    assert c.speaker_name == "experts"
    assert c.certainty == "medium"
    assert "Kremlin-backed misinformation campaigns in the Global South" not in c.content


def test_analysis_found(claims):
    c = _by_content(claims, "these ads, designed as polished")
    assert c.speaker_name == "Modern Diplomacy"
    assert c.cue == "found"


def test_its_said_is_unattributed_and_low(claims):
    c = _by_content(claims, "the increased presence is due to drug traffickers")
    assert c.kind == "unattributed"
    assert c.speaker_text is None
    assert c.certainty == "low"
    assert c.chain == ["Daily Star"]


def test_offsets_and_ids(claims, seed_text):
    ids = [c.claim_id for c in claims]
    assert len(ids) == len(set(ids))
    for c in claims:
        assert seed_text[c.char_start : c.char_end] == c.content
        assert seed_text[c.cue_start : c.cue_end] == c.cue
        if c.speaker_text is not None:
            assert seed_text[c.speaker_start : c.speaker_end] == c.speaker_text


def test_publisher_is_not_guessed(nlp, seed_text):
    claims = find_claims(nlp(seed_text), Article(article_id="seed", text=seed_text), [], claim_lexicons())
    assert all("Daily Star" not in c.chain for c in claims)


def test_budanov_chain_runs_through_both_outlets(claims):
    budanov = [c for c in claims if c.speaker_name == "Kyrlo Budanov"]
    assert len(budanov) >= 4
    for c in budanov:
        assert c.chain == ["Kyrlo Budanov", "The War Zone", "Daily Mail", "Daily Star"], (c.cue, c.chain)


def test_no_echo_claims_and_no_names_taken_for_claims(claims):
    # "he's seen no increase" sits inside Budanov's "added" claim; "what's known as" names a thing.
    assert not [c for c in claims if c.cue and "seen" in c.cue]
    assert not [c for c in claims if c.cue and "known as" in c.cue]
    assert not any(c.speaker_name == "Sputnik Mundo" for c in claims)


def test_the_seed_is_not_state_media_but_a_state_publisher_would_be(nlp, seed_text):
    assert not any(c.state_media for c in find_claims(nlp(seed_text), Article(article_id="s", text=seed_text, publisher="Daily Star"), [], claim_lexicons()))
    on_rt = find_claims(nlp(seed_text), Article(article_id="s", text=seed_text, url="https://actualidad.rt.com/a"), [], claim_lexicons())
    assert on_rt and all(c.state_media for c in on_rt)


def test_speaker_kinds(claims):
    kinds = {c.speaker_name: c.speaker_kind for c in claims if c.speaker_name}
    assert kinds["Kyrlo Budanov"] == "person"
    assert kinds["European Parliament"] == "document"  # the briefing speaks, its publisher is named
    assert kinds["Modern Diplomacy"] == "document"  # "Analysis from Modern Diplomacy found"
    assert kinds["experts"] == "anonymous"
    assert kinds["Moscow"] == "government"
