"""Reporting chains shared across a person's statements, and state-media flags on claims and
the events inside them (the registry in wirewatch.media is the one source of truth)."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.attribution import attach_claims
from wirewatch.claims.extract import find_claims
from wirewatch.media.registry import load_registry
from wirewatch.records import Article, Event

pytestmark = [pytest.mark.slow]


def _claims(nlp, text, **article):
    return find_claims(nlp(text), Article(article_id="t", text=text, **article), [], claim_lexicons())


def _event(text, phrase, **fields):
    start = text.index(phrase)
    base = dict(
        event_id=f"e{start}", article_id="t", sentence_index=0, char_start=start, char_end=start + len(phrase),
        evidence=phrase, source_text=None, source_code=None, source_country=None, source_sector=None,
        target_text=None, target_code=None, target_country=None, target_sector=None, cameo_code="042",
        cameo_root="04", quad_class=1, goldstein=1.9, plover_type="CONSULT",
    )
    base.update(fields)
    return Event(**base)


def test_a_persons_outlets_reach_all_their_claims(nlp):
    text = (
        "General Anna Petrova told The Kyiv Independent that the brigade had withdrawn from the town.\n\n"
        "She added that supplies were running low, according to the Daily Mail."
    )
    claims = _claims(nlp, text, publisher="Daily Star")
    assert len(claims) == 2
    for c in claims:
        assert c.speaker_name == "Anna Petrova"
        assert c.chain == ["Anna Petrova", "Kyiv Independent", "Daily Mail", "Daily Star"], c.chain


def test_state_outlet_as_speaker_flags_the_claim(nlp):
    text = "RT reported that the talks in Caracas had ended without an agreement."
    [c] = _claims(nlp, text)
    assert c.speaker_text == "RT"
    assert c.state_media


def test_state_outlet_relaying_flags_the_claim(nlp):
    text = (
        "The foreign minister said that the embassy would stay open through the winter, "
        "according to Sputnik Mundo."
    )
    [c] = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert "Sputnik Mundo" in c.chain
    assert c.state_media


def test_private_outlet_does_not_flag(nlp):
    text = "The minister told the Daily Mail that the embassy would stay open through the winter."
    [c] = _claims(nlp, text, publisher="Daily Star")
    assert c.chain == ["The minister", "Daily Mail", "Daily Star"] or "Daily Mail" in c.chain
    assert not c.state_media


def test_state_publisher_flags_claims_and_events(nlp):
    text = "The minister said that the navy would hold exercises near the coast in May."
    article = Article(article_id="t", text=text, publisher="CGTN", url="https://www.cgtn.com/news/1")
    claims = find_claims(nlp(text), article, [], claim_lexicons())
    assert claims and all(c.state_media for c in claims)
    event = _event(text, "the navy would hold exercises near the coast in May")
    attach_claims([event], claims, load_registry(), article)
    assert event.claim_id == claims[0].claim_id
    assert event.state_media


def test_event_with_state_outlet_as_source_is_flagged_without_a_claim():
    text = "RT bought billboards across Mexico City in June."
    event = _event(text, text, source_text="RT", source_code="RUSMED")
    other = _event(text, text, source_text="Reuters")
    attach_claims([event, other], [], load_registry(), Article(article_id="t", text=text, publisher="El Universal"))
    assert event.state_media and event.claim_id is None
    assert not other.state_media


def test_state_outlet_named_beside_its_description_flags_the_event():
    from wirewatch.records import ActorMention

    text = "Russia's state-sponsored media outlet RT has placed ads all over Mexico City."
    event = _event(text, text, source_text="Russia's state-sponsored media outlet", source_code="RUSMED")
    start = text.index("RT")
    rt = ActorMention(
        mention_id="m", article_id="t", sentence_index=0, char_start=start, char_end=start + 2, text="RT",
        code="RUSMED", name="RT", country="RUS", sector="MED", kind="outlet",
    )
    attach_claims([event], [], load_registry(), Article(article_id="t", text=text), [rt])
    assert event.state_media


def test_state_agency_named_by_description_speaks_as_media(nlp):
    text = "The Russian state news agency Tass said that the talks in Geneva had failed."
    [c] = _claims(nlp, text)
    assert (c.speaker_name, c.speaker_code, c.speaker_kind) == ("TASS", "RUSMED", "outlet")
    assert c.state_media


def test_correspondent_of_a_state_outlet_stays_the_person(nlp):
    text = "RT's correspondent Ivan Petrov said that the talks in Geneva had failed."
    [c] = _claims(nlp, text)
    assert c.speaker_name == "Ivan Petrov" and c.speaker_kind == "person"


def test_dateline_wire_sits_between_speaker_and_publisher(nlp):
    text = "MOSCOW, March 3 (Reuters) - The Kremlin said that the talks would continue next week."
    [c] = _claims(nlp, text, publisher="Daily Star")
    assert c.chain == ["Kremlin", "Reuters", "Daily Star"]


def test_outlet_reporting_a_claim_relays_it(nlp):
    text = "The Kremlin said that the talks would continue next week, Reuters reported."
    claims = _claims(nlp, text, publisher="Daily Star")
    kremlin = next(c for c in claims if c.speaker_name == "Kremlin")
    assert kremlin.chain == ["Kremlin", "Reuters", "Daily Star"]


def test_republished_state_agency_piece_flags_every_claim(nlp):
    text = (
        "The minister said that the navy would hold drills near the coast in May.\n\n"
        "Officials added that two frigates would take part. (Xinhua, 03/12/2024)"
    )
    claims = _claims(nlp, text, publisher="Voice of Asia")
    assert len(claims) == 2
    for c in claims:
        assert c.chain[-2:] == ["Xinhua", "Voice of Asia"]
        assert c.state_media
