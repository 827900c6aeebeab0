"""A learned role ranker: which actor named in the sentence is an event's source, which its target.

The parse-path rules (``events.arguments``) are precise but leave a side empty when the actor sits
where no rule looks. For every coded event the ranker scores each candidate: every noun phrase of
the sentence that names a coded actor (``MentionIndex.in_phrase``), one candidate per phrase head
and actor. Features are read off the parse (the dependency path from the event word to the phrase,
the preposition it hangs on, voice, side, clauses crossed), the event's CAMEO root, and whether the
rules chose that actor. Two logistic regressions (source, target) give a probability each; the
weights are a small JSON file (``events/data/role_model.json``), trained by
``scripts/train_roles.py`` (``wirewatch.training.roles``) on the PLOVER GSR and sentences we wrote.

At run time the rules decide, and the ranker only fills a side they left empty (``fill``): the
best-scored actor of a country not already on the other side, above a threshold. The rule is kept
on the record: the rule name reads "<pattern>+ranker:<verb>" when the ranker filled a side.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from wirewatch.events.arguments import MentionIndex
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.records import ActorMention

MODEL_FILE = Path(__file__).parent / "data" / "role_model.json"
_CLAUSES = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "pcomp", "csubj", "parataxis"}
_HEAD_POS = {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}


@dataclass(slots=True)
class Candidate:
    """One actor as named by one phrase of the sentence."""

    mention: ActorMention
    head: Token
    features: list[str]

    @property
    def country(self) -> str:
        return country_of(self.mention)


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while tok.head != tok and len(out) < 40:
        tok = tok.head
        out.append(tok)
    return out


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


@dataclass(frozen=True, slots=True)
class ParsePath:
    """The parse path from the event word to a phrase head: its features, and the parts of it that
    the candidate's own features combine with the event type."""

    features: list[str]
    attach: str  # the dependency by which the head's branch hangs on the common ancestor
    prep: str  # the preposition it hangs on, "-" for none
    lca: str  # where the branches meet: "verb", "cand" or "other"
    voice: str  # "P" passive, "A" active


def path_features(verb: Token, head: Token) -> ParsePath:
    """The parse path from the event word to a phrase head, as features."""
    up = _ancestors(head)
    down = _ancestors(verb)
    down_ids = {t.i: n for n, t in enumerate(down)}
    lca_at = next((n for n, t in enumerate(up) if t.i in down_ids), len(up) - 1)
    lca = up[lca_at]
    up_path = up[:lca_at]  # from the head up to, not including, the common ancestor
    down_path = down[: down_ids.get(lca.i, len(down))]
    up_deps = [t.dep_ for t in up_path]
    down_deps = [t.dep_ for t in down_path]
    attach = up_path[-1] if up_path else None
    attach_dep = attach.dep_ if attach is not None else "self"
    preps = [t.head.lower_ for t in up_path if t.dep_ == "pobj"]
    attach_prep = preps[-1] if preps else "-"
    near_prep = preps[0] if preps else "-"
    if attach is not None and attach.dep_ in ("prep", "agent", "dative"):
        attach_prep = attach.lower_
    where = "verb" if lca.i == verb.i else ("cand" if lca.i == head.i else "other")
    passive = "P" if _passive(verb) else "A"
    crossed_up = sorted({d for d in up_deps if d in _CLAUSES})
    crossed_down = sorted({d for d in down_deps if d in _CLAUSES})
    feats = [
        f"up0={head.dep_}",
        f"attach={attach_dep}",
        f"prep={attach_prep}",
        f"prep0={near_prep}",
        f"lca={where}",
        f"path={'/'.join(up_deps[:4])}|{'/'.join(down_deps[:3])}",
        f"len={min(len(up_deps) + len(down_deps), 6)}",
        f"side={'L' if head.i < verb.i else 'R'}",
        f"voice={passive}",
        f"voice={passive}&attach={attach_dep}&prep={attach_prep}",
        f"voice={passive}&up0={head.dep_}&lca={where}",
        f"lca={where}&attach={attach_dep}",
        f"crossup={'+'.join(crossed_up) or '-'}",
        f"crossdown={'+'.join(crossed_down) or '-'}",
        f"poss={'poss' in up_deps}",
        f"verbdep={verb.dep_}",
        f"verbpos={verb.pos_}",
    ]
    return ParsePath(feats, attach_dep, attach_prep, where, passive)


def country_of(m: ActorMention) -> str:
    return m.country or (m.code or "")[:3]


def candidates(verb: Token, index: MentionIndex, root: str, rule_src: set[str],
               rule_tgt: set[str]) -> list[Candidate]:
    """Every (phrase head, coded actor) of the verb's sentence, with its features; ``rule_src`` and
    ``rule_tgt`` are the countries the rules chose."""
    sent = token_sentence(verb)
    out: list[Candidate] = []
    for tok in sent:
        if tok.pos_ not in _HEAD_POS or tok.i == verb.i:
            continue
        found = [m for m in index.in_phrase(tok) if m.code]
        if not found:
            continue
        path = path_features(verb, tok)
        own = index.by_token.get(tok.i)
        for n, m in enumerate(found):
            country = country_of(m)
            feats = [*path.features,
                     f"root={root}",
                     f"root={root}&attach={path.attach}&prep={path.prep}",
                     f"root={root}&voice={path.voice}&lca={path.lca}",
                     f"kind={m.kind}",
                     f"sector={m.sector is not None}",
                     f"own={own is not None and own.mention_id == m.mention_id}",
                     f"nth={min(n, 2)}",
                     f"rule_src={country in rule_src}",
                     f"rule_tgt={country in rule_tgt}",
                     f"rule_src={country in rule_src}&rule_tgt={country in rule_tgt}&attach={path.attach}"]
            if not rule_tgt:
                feats.append("rules_no_target")
            if not rule_src:
                feats.append("rules_no_source")
            out.append(Candidate(m, tok, feats))
    return out


@dataclass(frozen=True, slots=True)
class RoleModel:
    """Weights of the two logistic regressions."""

    source: dict[str, float]
    target: dict[str, float]
    source_bias: float
    target_bias: float
    threshold: float  # the least probability at which the ranker fills a source
    target_threshold: float  # ... a target

    def score(self, feats: list[str], role: str) -> float:
        weights = self.source if role == "source" else self.target
        z = (self.source_bias if role == "source" else self.target_bias) + sum(weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> RoleModel:
        return cls(source=dict(data["source"]), target=dict(data["target"]),
                   source_bias=float(data["source_bias"]), target_bias=float(data["target_bias"]),
                   threshold=float(data.get("threshold", 0.5)),
                   target_threshold=float(data.get("target_threshold", data.get("threshold", 0.5))))


def read_role_model() -> RoleModel | None:
    """The shipped weights (None when the package has none). ``events.lexicons.EventLexicons``
    holds them; an ``EventLexicons`` without a model codes with the rules alone (training does)."""
    if not MODEL_FILE.exists():
        return None
    return RoleModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


SIDES = ("source", "target")  # which sides it may fill
SPREAD = 0.0  # other countries within this of the best are coordinated parties


def best(cands: list[Candidate], model: RoleModel, role: str, exclude: set[str],
         threshold: float) -> list[ActorMention]:
    """The best actor per country for ``role``, above ``threshold``, of countries not in ``exclude``:
    the top country, and any other within ``SPREAD`` of it (coordinated parties; 0.0, so in
    practice the top country alone: several at once measured worse, issue 13)."""
    by_country: dict[str, tuple[float, ActorMention]] = {}
    for c in cands:
        if not c.country or c.country in exclude:
            continue
        p = model.score(c.features, role)
        if p > by_country.get(c.country, (-1.0, c.mention))[0]:
            by_country[c.country] = (p, c.mention)
    ranked = sorted(by_country.values(), key=lambda pm: -pm[0])
    if not ranked or ranked[0][0] < threshold:
        return []
    top = ranked[0][0]
    return [m for p, m in ranked if p >= threshold and p >= top - SPREAD]


def fill_roles(verb: Token, root: str, index: MentionIndex, sources: list[ActorMention],
               targets: list[ActorMention], model: RoleModel | None,
               named_target: bool = False) -> tuple[list[ActorMention], list[ActorMention], bool]:
    """Sources and targets with an empty side filled by the ranker (``model``; None: the rules
    alone); and whether it filled one. ``named_target``: the rules found whom the act is aimed at,
    only not a coded actor ("called on the government to ..."): that side is not empty."""
    if model is None:
        return sources, targets, False
    coded_sources = [m for m in sources if m.code]
    coded_targets = [m for m in targets if m.code]
    if coded_sources and coded_targets:
        return sources, targets, False
    cands = candidates(verb, index, root, {country_of(m) for m in coded_sources},
                       {country_of(m) for m in coded_targets})
    if not cands:
        return sources, targets, False
    filled = False
    if not coded_sources and "source" in SIDES:
        taken = {country_of(m) for m in coded_targets}
        found = best(cands, model, "source", taken, model.threshold)[:1]
        if found:
            sources, filled = found, True
            coded_sources = found
    if not coded_targets and not named_target and "target" in SIDES:
        taken = {country_of(m) for m in coded_sources}
        found = best(cands, model, "target", taken, model.target_threshold)
        if found:
            targets, filled = found, True
    return sources, targets, filled
