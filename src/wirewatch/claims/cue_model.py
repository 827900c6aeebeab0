"""The learned attribution-cue model: is this verb someone reporting, holding or denying a view?

A linear model (averaged perceptron) over the parse of one verb and the rules' verdict on it.
It reads only what the pipeline's one spaCy parse already holds (lemma, tag, dependency
labels, the subject's and object's kind, quotation marks nearby) plus the rules' own output
(which rule made the verb a cue, the lists in ``data/verbs.yaml`` it sits in), so running it
costs a dictionary lookup per feature per verb: no second parse, nothing downloaded.

The weights (``data/cue_model.json``) are built by ``scripts/train_attribution.py`` from GUM's
train partition (RST ``attribution`` relations; CC BY, see the file's ``source``) and the
sentences we wrote (``training/attribution/written.txt``); ``tests/claims/test_cue_model.py``
rebuilds them and checks the shipped file is the same.

How ``find_claims`` uses it (``extract._learned``): a verb the rules take as a cue only for a
bare object ("would attack Kyiv") needs the model's agreement; a verb the rules pass over that
the model is sure of becomes a claim, its speaker and content found by the rules' own walkers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.nlp.doc_ents import doc_ents

_DATA = "wirewatch.claims.data"
MODEL_FILE = "cue_model.json"
_QUOTES = {'"', "“", "”", "‘", "’", "'", "''", "``"}
_PERSONAL = {"i", "we", "you", "he", "she", "they", "it", "who"}
# Child relations worth a feature of their own: what a verb of saying takes, or what an act takes.
_CHILD_DEPS = {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "agent", "dative", "prt", "advcl", "prep", "attr", "oprd"}


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    threshold: float  # score above which a verb is a cue

    def score(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)


def read_cue_model() -> CueModel:
    """The trained weights and threshold in ``MODEL_FILE`` (``Knowledge.load`` calls this once)."""
    raw = json.loads(resources.files(_DATA).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return CueModel(weights=raw["weights"], threshold=float(raw["threshold"]))


def _kind(tok: Token, ents: dict[int, str]) -> str:
    """A noun phrase's kind as the model sees it: a personal pronoun, an entity type, or a POS."""
    if tok.lower_ in _PERSONAL:
        return tok.lower_
    return ents.get(tok.i) or tok.pos_


def entity_heads(tok: Token) -> dict[int, str]:
    """Entity label by the index of each entity's last token (its head in English noun phrases)."""
    return {e.end - 1: e.label_ for e in doc_ents(tok.doc)}


def cue_features(verb: Token, cues: ClaimCues, rule: str | None, nested: bool, ents: dict[int, str]) -> list[str]:
    """The model's features for ``verb``; ``rule`` names the rule stage that took it as a cue (or
    None), ``nested`` says it sits inside another claim's content."""
    lemma = verb.lemma_.lower()
    f = ["bias", "l=" + lemma, "d=" + verb.dep_, "t=" + verb.tag_, "ld=" + lemma + "|" + verb.dep_]
    deps = set()
    for c in verb.children:
        dep = c.dep_
        if dep in _CHILD_DEPS:
            deps.add(dep)
        if dep in ("nsubj", "nsubjpass"):
            f.append("s=" + _kind(c, ents))
        elif dep in ("dobj", "dative"):
            f.append("o=" + _kind(c, ents))
        elif dep == "aux" and c.tag_ == "MD":
            f.append("modal")
        elif dep == "ccomp" and any(m.dep_ == "mark" for m in c.children):
            f.append("that")
    for dep in sorted(deps):
        f.append("c=" + dep)
        f.append("lc=" + lemma + "|" + dep)
    head = verb.head
    if head.i != verb.i:
        f.append("h=" + head.pos_ + "|" + verb.dep_)
        if cues.is_cue_verb(head.lemma_.lower()):
            f.append("hcue")
    doc = verb.doc
    near = doc[max(verb.i - 3, 0) : verb.i + 3]
    if any(t.text in _QUOTES for t in near):
        f.append("quote")
    # The rules' verdict: which stage took the verb, and the lists its lemma is in.
    f.append("r=" + (rule or "none"))
    if cues.is_cue_verb(lemma):
        f.append("v=" + cues.verb_certainty[lemma])
    for name, members in (
        ("thing", cues.thing_object_verbs),
        ("object", cues.object_verbs),
        ("saying", cues.saying_verbs),
        ("quote_only", cues.quote_only_verbs),
        ("infinitive", cues.infinitive_verbs),
    ):
        if lemma in members:
            f.append("list=" + name)
    if nested:
        f.append("nested")
        f.append("nested|r=" + (rule or "none"))
    return f
