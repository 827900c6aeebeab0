"""Training the cue model (``cue_model``) reproducibly from data the project may ship.

Not used at run time. ``scripts/train_attribution.py`` calls ``build_model``:

1. GUM's train partition (``../shared/data/gum``: ``dep/`` for the text, rebuilt exactly as
   ``wirewatch eval speakers`` does, and ``rst/rstweb/*.rs4``): in every RST ``attribution``
   relation the satellite segment holds the source and the cue; its verb highest in our parse
   is a cue, every other verb of the document is not;
2. our own sentences (``training/attribution/written.txt``): ``[C ...]`` marks a cue, ``[S ...]``
   and ``[T ...]`` the source and content (read for the reader, not trained on yet); every other
   verb is not a cue;
3. each verb's features are computed on the pipeline's own parse, with the rules' drafts, as
   at run time; an averaged perceptron (fixed seed, fixed number of passes) learns the weights.

PolNeAR is never read here: it has no licence, so it is for evaluation only.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.claims.cues import read_claim_cues
from wirewatch.claims.learned import verb_features
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.nlp.doc_text import doc_text

SEED = 14
EPOCHS = 12
_MARK = re.compile(r"\[([SCT]) ([^\[\]]+?)\]")


@dataclass(slots=True)
class Example:
    features: list[str]
    cue: bool


# -- GUM --------------------------------------------------------------------------------------
def attribution_satellites(rs4: Path) -> list[list[int]]:
    """GUM token indices of each attribution satellite (source and cue) in ``rs4``."""
    root = ET.parse(rs4).getroot()
    body = root.find("body")
    assert body is not None, rs4
    children: dict[str, list[str]] = {}
    tokens: dict[str, list[int]] = {}
    attributions: list[str] = []
    n = 0
    for node in body:
        nid = node.get("id", "")
        parent = node.get("parent")
        if parent:
            children.setdefault(parent, []).append(nid)
        if (node.get("relname") or "").startswith("attribution"):
            attributions.append(nid)
        if node.tag == "segment":
            words = (node.text or "").split()
            tokens[nid] = list(range(n, n + len(words)))
            n += len(words)

    def span(nid: str) -> list[int]:
        out = list(tokens.get(nid, []))
        for c in children.get(nid, []):
            out += span(c)
        return out

    return [sorted(span(a)) for a in attributions]


def gum_examples(gum: Path, partition: str, nlp: Language) -> list[Example]:
    from wirewatch.eval.speakers import read_gum

    docs = [d for d in read_gum(gum) if d.partition == partition]
    out: list[Example] = []
    for gdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=False):
        satellites = attribution_satellites(gum / "rst" / "rstweb" / f"{gdoc.name}.rs4")
        ranges = [[gdoc.token_chars[t] for t in sat if t < len(gdoc.token_chars)] for sat in satellites]
        out += _examples(doc, ranges)
    return out


# -- written ----------------------------------------------------------------------------------
def read_written(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """(plain sentence, character ranges of its cues) per line; '#' starts a comment line."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, cues, pos, last = [], [], 0, 0
        for m in _MARK.finditer(line):
            text.append(line[last : m.start()])
            pos += m.start() - last
            if m.group(1) == "C":
                cues.append((pos, pos + len(m.group(2))))
            text.append(m.group(2))
            pos += len(m.group(2))
            last = m.end()
        text.append(line[last:])
        out.append(("".join(text), cues))
    return out


def written_examples(path: Path, nlp: Language) -> list[Example]:
    items = read_written(path)
    out: list[Example] = []
    for (_, cues), doc in zip(items, nlp.pipe(t for t, _ in items), strict=False):
        out += _examples(doc, [[c] for c in cues])
    return out


# -- shared -----------------------------------------------------------------------------------
def _examples(doc: Doc, satellites: list[list[tuple[int, int]]]) -> list[Example]:
    """Label each verb: a cue when it is the verb highest in the parse inside a satellite."""
    from wirewatch.claims.extract import rule_drafts
    from wirewatch.media.registry import default_registry

    cues = read_claim_cues()
    drafts, stages = rule_drafts(doc, QuoteIndex(doc_text(doc)), cues, default_registry())
    feats = verb_features(doc, drafts, stages, cues)
    positive: set[int] = set()
    for ranges in satellites:
        inside = [v for v, _ in feats if any(s <= v.idx < e for s, e in ranges)]
        if inside:
            positive.add(min(inside, key=lambda v: (len(list(v.ancestors)), v.i)).i)
    return [Example(f, v.i in positive) for v, f in feats]


def train(examples: list[Example], epochs: int = EPOCHS, seed: int = SEED) -> dict[str, float]:
    """Averaged perceptron: weights averaged over every step, so late mistakes do not dominate."""
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}
    stamps: dict[str, int] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            ex = examples[k]
            step += 1
            guess = sum(weights.get(f, 0.0) for f in ex.features) > 0
            if guess == ex.cue:
                continue
            delta = 1.0 if ex.cue else -1.0
            for f in ex.features:
                totals[f] = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * weights.get(f, 0.0)
                stamps[f] = step
                weights[f] = weights.get(f, 0.0) + delta
    averaged = {}
    for f, w in weights.items():
        total = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * w
        avg = round(total / max(step, 1), 4)
        if avg:
            averaged[f] = avg
    return dict(sorted(averaged.items()))


def build_model(gum: Path, written: Path, nlp: Language) -> dict:
    examples = gum_examples(gum, "train", nlp) + written_examples(written, nlp)
    weights = train(examples)
    return {
        "source": "averaged perceptron; GUM train partition (Wikinews CC BY 2.5, annotations CC BY 4.0, "
        "Zeldes 2017) RST attribution relations, and training/attribution/written.txt; "
        "scripts/train_attribution.py",
        "examples": len(examples),
        "cues": sum(e.cue for e in examples),
        "epochs": EPOCHS,
        "seed": SEED,
        "threshold": 0.0,
        "weights": weights,
    }


def dump_model(model: dict) -> str:
    return json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
