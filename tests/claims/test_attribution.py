from wirewatch.claims.attribution import attach_claims
from wirewatch.media.registry import load_registry
from wirewatch.records import Claim, Event


def _event(start, end, modality="asserted"):
    return Event(
        event_id=f"e{start}", article_id="a", sentence_index=0, char_start=start, char_end=end,
        evidence="", source_text=None, source_code=None, source_country=None, source_sector=None,
        target_text=None, target_code=None, target_country=None, target_sector=None,
        cameo_code="190", cameo_root="19", quad_class=4, goldstein=-10.0, plover_type="ASSAULT",
        modality=modality,
    )


def _claim(cid, start, end, certainty="high", hedges=(), name="Kyrlo Budanov", text="He"):
    return Claim(
        claim_id=cid, article_id="a", kind="indirect", speaker_text=text, speaker_name=name,
        speaker_code=None, speaker_kind="person", cue="said", content="", char_start=start,
        char_end=end, certainty=certainty, hedges=list(hedges),
    )


def test_event_inside_content_gets_claim_and_innermost_wins():
    outer = _claim("outer", 0, 200)
    inner = _claim("inner", 50, 120, certainty="medium", name=None, text="officials")
    event = _event(60, 100)
    attach_claims([event], [outer, inner], load_registry())
    assert event.claim_id == "inner"
    assert event.claimant == "officials"
    assert event.certainty == "medium"
    assert event.modality == "asserted"


def test_hedged_claim_hedges_asserted_event_but_keeps_negated():
    claim = _claim("c", 10, 100, certainty="medium", hedges=["appears to"])
    asserted, negated = _event(20, 40), _event(50, 70, modality="negated")
    attach_claims([asserted, negated], [claim], load_registry())
    assert asserted.modality == "hedged"
    assert negated.modality == "negated"
    assert asserted.claimant == "Kyrlo Budanov"


def test_sentence_evidence_mostly_covered_by_content_and_unrelated_event_untouched():
    claim = _claim("c", 20, 100)
    sentence_event = _event(5, 101)  # "Budanov said that ..." as the whole evidence sentence
    elsewhere = _event(300, 340)
    attach_claims([sentence_event, elsewhere], [claim], load_registry())
    assert sentence_event.claim_id == "c"
    assert elsewhere.claim_id is None and elsewhere.certainty == "high"


def test_a_claim_never_makes_an_event_surer_than_its_own_wording():
    # "Budanov said Russia would not leave if the United States launched an attack": the speaker
    # is sure, the attack is hypothetical; a hedged claim still lowers an asserted event.
    sure = _claim("sure", 0, 200, certainty="high")
    hypothetical = _event(20, 60, modality="hypothetical")
    hypothetical.certainty = "low"
    asserted = _event(80, 120)
    asserted.certainty = "high"
    attach_claims([hypothetical, asserted], [sure], load_registry())
    assert (hypothetical.claim_id, hypothetical.certainty) == ("sure", "low")
    assert asserted.certainty == "high"
    doubtful = _claim("doubtful", 0, 200, certainty="low")
    later = _event(20, 60)
    later.certainty = "high"
    attach_claims([later], [doubtful], load_registry())
    assert (later.certainty, later.modality) == ("low", "hedged")


def _triggered(start, end, trigger_start, trigger_end, sentence_index=0):
    event = _event(start, end)
    event.trigger_start, event.trigger_end, event.sentence_index = trigger_start, trigger_end, sentence_index
    return event


def test_a_claim_holds_the_event_whose_trigger_is_in_its_content_however_long_the_preamble():
    # "The state news agency said on Monday, citing a source close to the talks, that the army had
    # shelled the port": the content is a third of the sentence but holds "shelled".
    claim = _claim("agency", 70, 100, name="TASS")
    reported = _triggered(0, 101, 85, 92)
    attach_claims([reported], [claim], load_registry())
    assert (reported.claim_id, reported.claimant) == ("agency", "TASS")


def test_the_speakers_own_act_is_not_held_by_the_claim_it_makes():
    # "The ministry denied that its troops had attacked the convoy": "denied" is the ministry's own
    # act, outside the content, though the content covers most of the sentence.
    claim = _claim("ministry", 25, 80, name="the ministry")
    denial = _triggered(0, 81, 13, 19)
    attack = _triggered(0, 81, 45, 53)
    attach_claims([denial, attack], [claim], load_registry())
    assert denial.claim_id is None
    assert attack.claim_id == "ministry"


def test_a_title_event_is_never_held_by_a_claim_of_the_body():
    # Title offsets count from the title's first character, body offsets from the body's.
    claim = _claim("body", 0, 60)
    headline = _triggered(0, 30, 7, 13, sentence_index=-1)
    attach_claims([headline], [claim], load_registry())
    assert headline.claim_id is None


def test_a_hedged_claim_does_not_hedge_the_speakers_own_act_of_speech():
    # "Lou suggested that foreign officials should curb their complaints": the demand was made;
    # the hedge is about what is asked. An act of someone else in the same words is still hedged.
    claim = _claim("c", 0, 200, certainty="low", hedges=["suggested"])
    claim.speaker_code = "CHNGOV"
    demand, attack = _event(20, 60), _event(80, 120)
    demand.cameo_code, demand.cameo_root, demand.source_code = "100", "10", "CHNGOV"
    attack.source_code = "USAMIL"
    attach_claims([demand, attack], [claim], load_registry())
    assert demand.modality == "asserted"
    assert attack.modality == "hedged"


def test_the_speakers_own_act_of_speech_is_the_papers_report_not_the_speakers_claim():
    # "Lou suggested that foreign officials should curb ...": the paper reports that Lou made the
    # demand; it is not something the paper has only on Lou's word. An act of someone else in the
    # same words stays Lou's claim, and so does another person's demand with the same code
    # ("Kerry said Obama demanded ...": both USAGOV).
    claim = _claim("c", 0, 200, name="Lou Jiwei", text="Lou")
    claim.speaker_code = "CHNGOV"
    demand, attack, other = _event(20, 60), _event(80, 120), _event(130, 170)
    demand.cameo_code, demand.cameo_root, demand.source_code, demand.source_text = "100", "10", "CHNGOV", "Lou"
    attack.source_code = "USAMIL"
    other.cameo_code, other.cameo_root, other.source_code, other.source_text = "100", "10", "CHNGOV", "Xi Jinping"
    attach_claims([demand, attack, other], [claim], load_registry())
    assert (demand.claim_id, demand.claimant) == (None, None)
    assert (attack.claim_id, attack.claimant) == ("c", "Lou Jiwei")
    assert (other.claim_id, other.claimant) == ("c", "Lou Jiwei")
