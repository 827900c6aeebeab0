"""The learned event confidence: rebuilt from the repository it gives the shipped weights; it is
small, says what it was trained on, ranks an event whose actors are named in its own sentence above
one whose actors came from elsewhere, and scores both directions of a mutual act alike (issue 13).

The events are made up for the test; none is from an evaluation set."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.events.confidence import (
    FEATURES,
    MODEL_FILE,
    SHOWN_FLOOR,
    ConfidenceModel,
    features,
    read_confidence_model,
    score_events,
)
from wirewatch.records import Event

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Turkish forces shelled a Syrian village on Tuesday, a monitoring group said."


def _event(**fields: object) -> Event:
    base: dict[str, object] = dict(
        event_id="e", article_id="a", sentence_index=0, char_start=100, char_end=100 + len(SENTENCE),
        evidence=SENTENCE, source_text="Turkish forces", source_code="TURMIL", source_country="TUR",
        source_sector="MIL", target_text="a Syrian village", target_code="SYR", target_country="SYR",
        target_sector=None, cameo_code="195", cameo_root="19", quad_class=4, goldstein=-10.0,
        plover_type="ASSAULT", rule="shell:shell", confidence=0.7,
        trigger_start=100 + SENTENCE.index("shelled"), trigger_end=100 + SENTENCE.index("shelled") + 7,
    )
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def test_the_model_is_small_and_says_what_it_was_trained_on() -> None:
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert len(MODEL_FILE.read_bytes()) < 20_000
    assert "GSR" in raw["trained_on"] and "GUM" in raw["trained_on"]
    assert "news_events" not in raw["trained_on"] and "polnear" not in raw["trained_on"].lower()
    assert set(raw["weights"]) == set(FEATURES)
    assert 0 < SHOWN_FLOOR < 1


def test_features_read_where_the_actors_are_named() -> None:
    named = features(_event())
    assert named["source_in_sentence"] == 1.0 and named["source_before"] == 1.0
    assert named["target_in_sentence"] == 1.0 and named["target_before"] == 0.0
    # the source brought from another sentence (coreference, a fallback) is not in the evidence
    elsewhere = features(_event(source_text="Ankara"))
    assert elsewhere["source_in_sentence"] == 0.0 and elsewhere["source_distance"] == 0.0
    assert features(_event(source_text="it"))["source_pronoun"] == 1.0
    assert features(_event(rule="shell+ranker:shell"))["ranker"] == 1.0
    assert set(named) == set(FEATURES)


def test_an_actor_named_in_the_sentence_is_surer_than_one_from_elsewhere() -> None:
    model = read_confidence_model()
    assert model is not None
    assert model.probability(_event()) > model.probability(_event(source_text="Ankara"))
    # no actor at all is the least sure
    bare = _event(source_text=None, source_code=None, source_country=None, source_sector=None,
                  target_text=None, target_code=None, target_country=None)
    assert model.probability(bare) < model.probability(_event())


def test_scoring_replaces_the_prior_and_no_model_leaves_it() -> None:
    events = [_event()]
    score_events(events, None)
    assert events[0].confidence == 0.7
    flat = ConfidenceModel(weights={name: 0.0 for name in FEATURES}, bias=0.0)
    score_events(events, flat)
    assert events[0].confidence == 0.5


def test_both_directions_of_a_mutual_act_are_scored_alike() -> None:
    text = "Russia and Nicaragua signed an agreement on military education."
    common = dict(evidence=text, char_end=100 + len(text), cameo_code="057", cameo_root="05", quad_class=1,
                  plover_type="SUPPORT", rule="sign_agreement:sign reciprocal",
                  trigger_start=100 + text.index("signed"), trigger_end=100 + text.index("signed") + 6)
    there = _event(source_text="Russia", source_code="RUS", source_country="RUS", source_sector=None,
                   target_text="Nicaragua", target_code="NIC", target_country="NIC", **common)
    back = replace(there, source_text="Nicaragua", source_code="NIC", source_country="NIC",
                   target_text="Russia", target_code="RUS", target_country="RUS")
    model = read_confidence_model()
    assert model is not None
    expected = round(max(model.probability(there), model.probability(back)), 3)  # before the prior is replaced
    score_events([there, back], model)
    assert there.confidence == back.confidence == expected


@pytest.mark.slow
@pytest.mark.needs_shared
def test_shipped_weights_are_what_the_script_builds(shared_data) -> None:
    from collections import Counter

    from wirewatch.settings import Settings
    from wirewatch.training.confidence import build_examples, dump_model, train

    gsr = shared_data / "plover_gsr" / "dev.json"
    if not gsr.exists() or not (shared_data / "gum" / "dep").is_dir():
        pytest.skip(f"{shared_data}: the PLOVER GSR or GUM is not there")
    # The same sets as scripts/train_confidence.py, our written sentences included.
    examples = build_examples(gsr, ROOT / "training" / "events" / "gum", Settings(), ROOT / "training" / "events" / "written")
    counts = dict(sorted(Counter(e.source for e in examples).items()))
    assert dump_model(train(examples), counts) == MODEL_FILE.read_text(encoding="utf-8"), (
        "the shipped confidence model differs from a rebuild: run scripts/train_confidence.py"
    )


def test_the_dashboard_defaults_to_the_same_floor() -> None:
    """The sidebar shows the interfaces' default: its default value is SHOWN_FLOOR, and it offers it."""
    static = ROOT / "src" / "wirewatch" / "api" / "static"
    assert f'min_confidence: "{SHOWN_FLOOR}"' in (static / "js" / "state.js").read_text(encoding="utf-8")
    assert f'<option value="{SHOWN_FLOOR}">' in (static / "index.html").read_text(encoding="utf-8")
