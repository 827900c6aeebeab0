"""Training the event confidence (``events.confidence``) reproducibly from data the project may ship.

Not used at run time. ``scripts/train_confidence.py`` calls ``build_examples``, ``train`` and
``cross_validate``:

1. the PLOVER GSR dev records (CC BY-SA 4.0), each an article of one sentence: every event the
   pipeline codes there is right when it has the record's PLOVER type and its source and target
   are of the record's countries (no actor where the record has none). A record has one gold
   event, so a second event coded in its sentence counts as wrong: most are (a reporting verb's
   event, a misread sense);
2. our own complete annotations of GUM's news documents (``training/events/gum/*.yaml``, the
   news_events format with evidence and trigger as character spans of GUM's text, Wikinews CC BY
   2.5): every coded event, the title's too, is right when it matches a gold event strictly, as
   ``wirewatch eval news-events`` matches them;
   our own written sentences (``training/events/written``, ``written_examples``): an event coded at
   a marked event word with its type and actors inside its marks is right, any other wrong;
3. the pipeline codes with the confidence model off, so each event still carries the rules'
   prior, which is a feature; a logistic regression (numpy, full-batch gradient descent, L2,
   fixed steps: no randomness) learns the weights.

news_events and PolNeAR texts are never read here: they are for evaluation only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from wirewatch.eval.event_matching import country, match
from wirewatch.eval.events import read_records
from wirewatch.eval.news_events import coded_event, read_set
from wirewatch.eval.ranking import auc
from wirewatch.events.confidence import FEATURES, ConfidenceModel, asserted_with_actor, features
from wirewatch.ingest.article import article_from_string
from wirewatch.records import Article, Event
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge, analyze_parsed

STEPS = 3000
RATE = 0.5
L2 = 1.0  # per example count: strong enough that a feature seen a few times moves little
FOLDS = 5


@dataclass(slots=True)
class Example:
    group: str  # the record or document: folds never split one
    source: str  # "gsr" or "gum"
    values: list[float]
    right: bool
    shown: bool  # asserted and with an actor: what the interfaces show by default


def _without_model(settings: Settings) -> Knowledge:
    knowledge = Knowledge.load(settings)
    knowledge.events = replace(knowledge.events, confidence=None)
    return knowledge


def _example(group: str, source: str, event: Event, right: bool) -> Example:
    found = features(event)
    return Example(group, source, [found[name] for name in FEATURES], right, asserted_with_actor(event))


def gsr_examples(path: Path, settings: Settings, knowledge: Knowledge) -> list[Example]:
    records = read_records(path)
    articles = [article_from_string(r["text"], settings=settings, title=None, published_at=r["date"])
                for r in records]
    out = []
    for record, analysis in zip(records, analyze_parsed(articles, settings, knowledge), strict=True):
        sources = {c[:3] for c in record["sources"]}
        targets = {c[:3] for c in record["targets"]}
        for event in analysis.events:
            pair = (country(event.source_code), country(event.target_code))
            # a mutual act is coded both ways (A->B and B->A); the record gives one direction
            sides = [pair, pair[::-1]] if "reciprocal" in event.rule else [pair]
            right = event.plover_type == record["type"] and any(
                _side_right(s, sources) and _side_right(t, targets) for s, t in sides)
            out.append(_example(f"gsr:{record['id']}", "gsr", event, right))
    return out


def _side_right(coded: str | None, gold: set[str]) -> bool:
    return coded in gold if gold else coded is None


def gum_examples(folder: Path, settings: Settings, knowledge: Knowledge) -> list[Example]:
    gold_articles = read_set(folder)
    articles: list[Article] = [article_from_string(a.body, settings=settings, title=a.title, published_at=a.published)
                               for a in gold_articles]
    out: list[Example] = []
    for gold, analysis in zip(gold_articles, analyze_parsed(articles, settings, knowledge), strict=True):
        events = list(analysis.events)
        right = match([coded_event(e) for e in events], gold.events, "strict")
        out.extend(_example(f"gum:{gold.name}", "gum", e, i in right) for i, e in enumerate(events))
    return out


def build_examples(gsr: Path, gum: Path | None, settings: Settings, written: Path | None = None) -> list[Example]:
    knowledge = _without_model(settings)
    examples = gsr_examples(gsr, settings, knowledge)
    if gum is not None:
        examples += gum_examples(gum, settings, knowledge)
    if written is not None:
        examples += written_examples(written, settings, knowledge)
    return examples


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= RATE * (x.T @ g / len(y) + L2 * w / len(y))
        b -= RATE * float(g.mean())
    return w, b


def train(examples: list[Example]) -> ConfidenceModel:
    x = np.array([e.values for e in examples], dtype=float)
    y = np.array([e.right for e in examples], dtype=float)
    w, b = _fit(x, y)
    return ConfidenceModel(weights={name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)},
                           bias=round(b, 4))


def dump_model(model: ConfidenceModel, counts: dict[str, int]) -> str:
    data = {
        "about": "wirewatch event confidence (events/confidence.py), trained by scripts/train_confidence.py",
        "trained_on": "PLOVER GSR dev records (CC BY-SA 4.0, Open Event Data Alliance), the project's own "
                      "annotations of GUM news documents (training/events/gum; texts Wikinews CC BY 2.5, GUM "
                      "corpus by Amir Zeldes et al.) and the project's own written sentences "
                      "(training/events/written)",
        "examples": counts,
        "bias": model.bias,
        "weights": model.weights,
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


@dataclass(slots=True)
class HeldOut:
    """Each example's probability from a model trained without its fold, beside its label."""

    scores: list[float]
    priors: list[float]
    labels: list[bool]
    shown: list[bool]

    def figures(self, floor: float) -> dict[str, float]:
        """AUC of the probability and of the rules' prior; of the shown events (asserted, with an
        actor) the precision, and at ``floor`` the precision and the share of right ones kept."""
        kept = [(s >= floor, y) for s, y, v in zip(self.scores, self.labels, self.shown, strict=True) if v]
        right_shown = sum(y for _, y in kept)
        kept_right = sum(y for k, y in kept if k)
        kept_all = sum(k for k, _ in kept)
        return {
            "auc": auc(self.scores, self.labels), "auc_prior": auc(self.priors, self.labels),
            "shown_precision": right_shown / len(kept) if kept else 0.0,
            "floor_precision": kept_right / kept_all if kept_all else 0.0,
            "floor_kept_right": kept_right / right_shown if right_shown else 0.0,
        }


def cross_validate(examples: list[Example], folds: int = FOLDS) -> HeldOut:
    """Held-out probabilities by group (record or document): folds never split one."""
    groups = sorted({e.group for e in examples})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    held = HeldOut([], [], [], [])
    prior_at = FEATURES.index("prior")
    for k in range(folds):
        train_part = [e for e in examples if fold_of[e.group] != k]
        test_part = [e for e in examples if fold_of[e.group] == k]
        if not train_part or not test_part:
            continue
        model = train(train_part)
        for e in test_part:
            held.scores.append(model.of_features(dict(zip(FEATURES, e.values, strict=True))))
            held.priors.append(e.values[prior_at])
            held.labels.append(e.right)
            held.shown.append(e.shown)
    return held


def written_examples(folder: Path, settings: Settings, knowledge: Knowledge) -> list[Example]:
    """Our written sentences (``training/events/written``): each is annotated whole, so an event
    coded at a marked event word is right when it has that line's PLOVER type and each of its
    actors lies in that line's [S ...] / [T ...] words (none where the line marks none); any other
    coded event (at a look-alike or an unmarked word) is wrong."""
    from wirewatch.eval.written_events import NONE, as_articles, read_written

    sentences = read_written(folder, knowledge.events.codes)
    out: list[Example] = []
    for sentence, analysis in zip(sentences, analyze_parsed(as_articles(sentences), settings, knowledge), strict=True):
        text = sentence.text
        for event in analysis.events:
            if event.trigger_start is None or event.trigger_end is None:
                continue
            lines = [t for t in sentence.triggers if t.label != NONE and t.overlaps(event.trigger_start, event.trigger_end)]
            right = any(t.label == event.plover_type and _within(event.source_text, t.sources, text)
                        and _within(event.target_text, t.targets, text) for t in lines)
            out.append(_example(f"written:{text}", "written", event, right))
    return out


def _within(actor: str | None, spans: tuple[tuple[int, int], ...], text: str) -> bool:
    """Is the coded actor's text one of the marked actors (either holding the other), or are both absent?"""
    if not spans:
        return actor is None
    if actor is None:
        return False
    low = actor.lower()
    return any(low in text[a:b].lower() or text[a:b].lower() in low for a, b in spans)
