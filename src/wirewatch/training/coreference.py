"""Training the pronoun ranker of ``actors.coreference`` reproducibly from GUM.

Not used at run time. ``scripts/train_coreference.py`` calls ``build_model``:

1. GUM's train partition, the documents of the speakers suite's ``tune`` half only (the
   ``held`` half and the test partition are kept for scoring): each text is rebuilt exactly as
   ``wirewatch eval speakers`` does and parsed by the pipeline's own model;
2. every third-person pronoun our parse finds is an example; its gold entity is the smallest
   GUM mention covering it, and an earlier expression is a right antecedent when the smallest
   GUM mention covering its head belongs to the same entity (none right: the pronoun refers to
   nothing earlier, e.g. "it" in "it is raining", and the ranker should link it to nothing);
3. a ranking averaged perceptron (fixed seed, fixed passes) learns the weights; pronouns are
   linked in text order with the weights of the moment, as at run time.

PolNeAR is never read here: it has no licence, so it is for evaluation only.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.actors.coreference import Coreference, Lexicon, Referent, read_lexicon
from wirewatch.claims.cues import read_claim_cues
from wirewatch.claims.lexicons import person_words
from wirewatch.eval.speakers import GumDocument, half_of, read_gum

SEED = 13
EPOCHS = 8


PRIOR = {"compat=True": 3.0, "compat=False": -3.0, "g=clash": -5.0, "same_verb": -2.0, "crank=0": 1.0,
         "r=subj": 0.5, "r=mod": -1.0,
         "none|it": 3.5, "none|they": 1.0, "none|he": 0.5, "none|she": 0.5}


@dataclass(slots=True)
class Parsed:
    name: str
    doc: Doc
    entity: dict[int, str]  # token index -> gold entity of the smallest GUM mention covering it


def training_documents(gum: Path, halves: tuple[str, ...] = ("tune",), partitions: tuple[str, ...] = ("train",)
                       ) -> list[GumDocument]:
    return [d for d in read_gum(gum) if d.partition in partitions and half_of(d.name) in halves]


def parse(docs: list[GumDocument], nlp: Language) -> list[Parsed]:
    out = []
    for doc, gum in nlp.pipe([(d.text, d) for d in docs], as_tuples=True):
        entity: dict[int, str] = {}
        for tok in doc:
            start, end = tok.idx, tok.idx + len(tok.text)
            covering = [m for m in gum.mentions if m.start <= start and end <= m.end]
            if covering:
                entity[tok.i] = min(covering, key=lambda m: m.end - m.start).entity
        out.append(Parsed(gum.name, doc, entity))
    return out


def _gold(parsed: Parsed, pronoun: Referent, candidates: list[Referent]) -> list[Referent | None]:
    mine = parsed.entity.get(pronoun.head)
    right: list[Referent | None] = [c for c in candidates if mine is not None and parsed.entity.get(c.head) == mine]
    return right or [None]


def coreference_lexicon() -> Lexicon:
    """The word lists the pipeline's coreference reads (``stages.Knowledge.load`` builds the same)."""
    return read_lexicon(person_words(read_claim_cues()))


def build_model(gum: Path, nlp: Language, epochs: int = EPOCHS) -> dict[str, float]:
    return train(parse(training_documents(gum), nlp), epochs)


def train(docs: list[Parsed], epochs: int = EPOCHS) -> dict[str, float]:
    rng = random.Random(SEED)
    lexicon = coreference_lexicon()
    # Start from what a reader knows (agreement, the nearest compatible candidate), so that the
    # few hundred examples refine a sensible ranker instead of inventing one.
    weights: dict[str, float] = defaultdict(float, PRIOR)
    totals: dict[str, float] = defaultdict(float)
    stamp: dict[str, int] = defaultdict(int)
    step = 0
    order = list(range(len(docs)))
    corefs = [Coreference(p.doc, lexicon, weights={}) for p in docs]
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            parsed, coref = docs[n], corefs[n]
            coref.weights = weights
            for ref in coref.referents:
                if not ref.pronoun:
                    continue
                step += 1
                cands = coref.candidates(ref)
                options: list[tuple[Referent | None, list[str]]] = [(None, coref.features(ref, None))]
                options += [(c, coref.features(ref, c, rank)) for rank, c in enumerate(cands)]
                gold = _gold(parsed, ref, cands)
                scored = [(sum(weights.get(f, 0.0) for f in fs), i) for i, (_, fs) in enumerate(options)]
                best = max(scored)[1]
                right = [i for i, (c, _) in enumerate(options) if any(c is g for g in gold)]
                if best not in right:
                    target = max((s, i) for s, i in scored if i in right)[1]
                    for f, delta in [(f, 1.0) for f in options[target][1]] + [(f, -1.0) for f in options[best][1]]:
                        totals[f] += (step - stamp[f]) * weights[f]
                        stamp[f] = step
                        weights[f] += delta
                    best = target  # link as gold while training so chains learn from right links
                ref.antecedent = options[best][0]
    averaged = {}
    for f, w in weights.items():
        avg = (totals[f] + (step - stamp[f]) * w) / max(step, 1)
        if abs(avg) > 1e-4:
            averaged[f] = round(avg, 4)
    return dict(sorted(averaged.items()))


def score(docs: list[Parsed], weights: dict[str, float]) -> dict[str, tuple[int, int]]:
    """(right, total) by pronoun form: the pronoun's resolved expression is of its gold entity
    (or both are nothing)."""
    lexicon = coreference_lexicon()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for parsed in docs:
        coref = Coreference(parsed.doc, lexicon, weights=weights)
        for ref in coref.referents:
            if not ref.pronoun:
                continue
            mine = parsed.entity.get(ref.head)
            got = ref.resolved()
            gold_before = [c for c in coref.candidates(ref) if mine is not None and parsed.entity.get(c.head) == mine]
            ok = (got is None and not gold_before) or (got is not None and mine is not None
                                                        and parsed.entity.get(got.head) == mine)
            for key in ("all", ref.kind):
                tally[key][0] += ok
                tally[key][1] += 1
    return {k: (v[0], v[1]) for k, v in tally.items()}


def dump_model(weights: dict[str, float]) -> str:
    return json.dumps({
        "source": "GUM (Georgetown University Multilayer corpus) train partition, news and interview "
                  "documents of the speakers suite's tune half; annotations CC BY 4.0, texts Wikinews CC BY 2.5",
        "seed": SEED, "epochs": EPOCHS, "weights": weights,
    }, indent=0, sort_keys=True) + "\n"
