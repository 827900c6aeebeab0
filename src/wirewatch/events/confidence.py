"""How likely a coded event is right: a learned, calibrated confidence for every event.

The coder's rules give each event a prior (``Event.confidence`` as coding leaves it: a pattern with
objects is surer than a bare verb, a fallback actor less sure than a subject). That prior ranks
events poorly on news nobody tuned to: what makes an event wrong there is mostly where its actors
came from (a source not named in the sentence, a side filled by the ranker, a target before the
verb, a long sentence with many actors). This model reads those facts off the finished event and
gives the probability that the event is right as an analyst counts it: the right PLOVER type and
both actors of the right country.

Features are read from the event alone (its evidence, trigger offsets, actor texts and codes,
rule, modality, claimant), so the same function serves the built-in coder, the PETRARCH
dictionaries and the title's events. A logistic regression turns them into a probability; its
weights are a small JSON file (``events/data/confidence_model.json``) trained by
``scripts/train_confidence.py`` (``wirewatch.training.confidence``) on data the project may ship.

``score_events`` replaces each event's prior with the probability. What ``wirewatch events`` and
every other interface show by default is filtered on it (``SHOWN_FLOOR``);
the events under the floor stay stored and reachable with ``--min-confidence 0``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from wirewatch.records import Event

MODEL_FILE = Path(__file__).parent / "data" / "confidence_model.json"
# What every interface shows by default: the events the model does not hold very likely wrong.
# Chosen on the training data's cross-validation (scripts/train_confidence.py --cv), not on an
# evaluation set: the highest floor that still keeps nine in ten of the right events shown
# (docs/events.md gives what it keeps and drops on each half of news_events).
SHOWN_FLOOR = 0.2
# Words that name an actor only through what they stand for (coreference decided who).
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"})
_QUOTES = ('"', "\u201c", "\u201d", "''")


def has_actor(event: Event) -> bool:
    """A source or a target, coded or only named: an event without either is kept for review and
    never counted as an event by default (``store.EventQuery``'s ``coded`` filter)."""
    return bool(event.source_code or event.target_code or event.source_text or event.target_text)


def asserted_with_actor(event: Event) -> bool:
    """Asserted and with an actor: what the interfaces show by default before the confidence floor."""
    return event.modality == "asserted" and has_actor(event)


def shown_by_default(event: Event) -> bool:
    """Would ``wirewatch events``, the API and the dashboard show this event by default? The one
    definition the evaluations and the confidence's training count as "shown"; the store's SQL
    (``store.EventQuery()``) is the same condition, and a test holds the two together."""
    return asserted_with_actor(event) and event.confidence >= SHOWN_FLOOR


def features(event: Event) -> dict[str, float]:
    """The event's features by name, each a number in about [0, 1]."""
    evidence = event.evidence or ""
    low = evidence.lower()
    trigger = (event.trigger_start - event.char_start if event.trigger_start is not None
               else len(evidence) // 2)
    rule = event.rule or ""
    found = {
        "prior": event.confidence,
        "ranker": float("+ranker" in rule),
        "no_source": float(event.source_code is None),
        "no_target": float(event.target_code is None),
        "words": math.log1p(len(evidence.split())) / 4,
        "domestic": float(bool(event.source_country) and event.source_country == event.target_country),
        "asserted": float(event.modality == "asserted"),
        "claimed": float(event.claimant not in (None, "unattributed")),
        "quoted": float(any(q in evidence for q in _QUOTES)),
        "nominal": float(rule.startswith("event_noun")),
        "obligation": float(rule.startswith("obligation")),
        "evaluation": float(rule.startswith("evaluation")),
        "reciprocal": float("reciprocal" in rule),
        "source_state": float(event.source_code is not None and event.source_sector is None),
        "target_state": float(event.target_code is not None and event.target_sector is None),
    }
    for quad in (1, 2, 3, 4):
        found[f"quad{quad}"] = float(event.quad_class == quad)
    for side, text in (("source", event.source_text), ("target", event.target_text)):
        # Where the actor is named in the evidence: not at all means coreference or a fallback
        # brought it from elsewhere; far from the trigger, a long reach along the parse.
        at = low.find(text.lower()) if text else -1
        found[f"{side}_in_sentence"] = float(at >= 0)
        found[f"{side}_distance"] = math.log1p(abs(at - trigger)) / 6 if at >= 0 else 0.0
        found[f"{side}_before"] = float(0 <= at < trigger)
        found[f"{side}_pronoun"] = float(text is not None and text.lower() in _PRONOUNS)
    return found


FEATURES = tuple(sorted(features(Event(
    event_id="", article_id="", sentence_index=0, char_start=0, char_end=0, evidence="", source_text=None,
    source_code=None, source_country=None, source_sector=None, target_text=None, target_code=None,
    target_country=None, target_sector=None, cameo_code="", cameo_root="", quad_class=0, goldstein=0.0,
    plover_type="")).keys()))


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Weights of the logistic regression over ``features``."""

    weights: dict[str, float]
    bias: float

    def probability(self, event: Event) -> float:
        return self.of_features(features(event))

    def of_features(self, found: Mapping[str, float]) -> float:
        """The probability for features already read (training scores held-out folds so)."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> ConfidenceModel:
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]))


def read_confidence_model() -> ConfidenceModel | None:
    """The shipped weights (None when the package has none: events keep the rules' prior)."""
    if not MODEL_FILE.exists():
        return None
    return ConfidenceModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def score_events(events: Iterable[Event], model: ConfidenceModel | None) -> None:
    """Give every event the model's probability that it is right, in place (None: leave the prior)."""
    if model is None:
        return
    chosen = list(events)
    for event in chosen:
        event.confidence = round(model.probability(event), 3)
    # A mutual act is one act coded both ways (A->B, B->A): both directions are as likely right,
    # though the sentence names them in an order (the first party before the verb, the other after).
    pairs: dict[tuple[object, ...], list[Event]] = {}
    for event in chosen:
        if "reciprocal" in (event.rule or ""):
            key = (event.article_id, event.trigger_start, event.char_start, event.cameo_code,
                   frozenset((event.source_code, event.target_code)))
            pairs.setdefault(key, []).append(event)
    for both in pairs.values():
        best = max(e.confidence for e in both)
        for event in both:
            event.confidence = best
