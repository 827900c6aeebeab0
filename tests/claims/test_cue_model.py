"""The learned attribution-cue model: rebuilt from the repository it gives the shipped weights,
it loads offline and small, and it takes out the claims the rules make on weak ground."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.cue_model import MODEL_FILE, read_cue_model
from wirewatch.claims.extract import find_claims
from wirewatch.records import Article
from wirewatch.training.attribution_cues import attribution_satellites, build_model, dump_model, read_written

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "training" / "attribution" / "written.txt"
_SHIPPED = resources.files("wirewatch.claims.data").joinpath(MODEL_FILE)


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def test_shipped_weights_are_what_the_script_builds(nlp, shared_data):
    gum = shared_data / "gum"
    if not (gum / "rst").is_dir():
        pytest.skip(f"{gum}: GUM is not there")
    assert dump_model(build_model(gum, WRITTEN, nlp)) == _SHIPPED.read_text(encoding="utf-8"), (
        "the shipped cue model differs from a rebuild: run scripts/train_attribution.py"
    )


def test_model_is_small_and_says_what_it_was_trained_on():
    raw = json.loads(_SHIPPED.read_text(encoding="utf-8"))
    assert len(_SHIPPED.read_bytes()) < 100_000
    assert "GUM" in raw["source"] and "polnear" not in raw["source"].lower()
    assert raw["cues"] > 300 and raw["examples"] > raw["cues"]
    assert read_cue_model().weights


def test_written_sentences_mark_cues():
    items = read_written(WRITTEN)
    assert len(items) > 90
    text, cues = next(i for i in items if i[0].startswith("She tweeted"))
    assert [text[s:e] for s, e in cues] == ["tweeted"]
    assert all("[" not in t for t, _ in items)


def test_gum_satellites_name_source_and_cue(shared_data):
    rs4 = shared_data / "gum" / "rst" / "rstweb" / "GUM_news_nasa.rs4"
    if not rs4.exists():
        pytest.skip(f"{rs4}: GUM is not there")
    satellites = attribution_satellites(rs4)
    assert satellites and all(s == sorted(s) for s in satellites)
    # After the 21 tokens of the headline and date: "NASA Administrator Charles Bolden announces".
    assert satellites[0] == [21, 22, 23, 24, 25]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # An act inside someone's claim is what they said would happen, not a claim of its own.
        ("Russia said the army would attack Kyiv.", ["Russia"]),
        ("Officials said the rebels were targeting oil refineries.", ["Officials"]),
        ("The Kremlin said its troops would hold the airport until the talks.", ["The Kremlin"]),
        # A question put to someone states no view of theirs ...
        ("Would you vote for her if she ran again?", []),
        # ... unless the model finds one.
        ("Do you think the war will end soon?", ["you"]),
    ],
)
def test_claims_on_weak_ground_need_the_model(nlp, text, speakers):
    assert [c.speaker_text for c in _claims(nlp, text)] == speakers


def test_a_verb_the_model_is_sure_of_becomes_a_claim(nlp, monkeypatch):
    # A stand-in model sure of one verb no rule lists: the rules' walkers find its speaker and content.
    from dataclasses import replace

    from wirewatch.claims.cue_model import CueModel

    text = "The committee floated the idea of new sanctions."
    assert [c.cue for c in _claims(nlp, text)] == []
    sure = replace(claim_lexicons(), cue_model=CueModel(weights={"l=float": 10.0}, threshold=0.0))
    [claim] = find_claims(nlp(text), Article(article_id="t", text=text), [], sure)
    assert (claim.speaker_text, claim.cue, claim.content) == ("The committee", "floated", "the idea of new sanctions")
