"""The modality of an event verb: asserted, negated, hypothetical, future or hedged.

Tried in this order, the first that holds wins:

1. negated       a negation on the verb or a governing verb ("did not sign", "would not leave"),
                 a negative implicative or a halt above it ("failed to reach agreement", "stopped
                 selling arms"), or a negating determiner on its object ("saw no increase") or on
                 the noun it completes ("has given no order to withdraw");
2. hypothetical  the verb sits in a conditional clause ("if the United States launched an attack")
                 or in a "for X to do" clause ("a push for America's military to invade Mexico");
3. future        a future auxiliary or a verb of intent/plan governs it ("will try to speak", "plans to send"),
                 or it is an infinitive of aim ("a push for X to invade") under a verb that does not imply it;
4. hedged        a hedging adverb, verb or passive reporting verb ("appears to", "reportedly", "is believed to").

A capability ("missiles able to hit Japan", "its capacity to supply weapons") and a habit ("frequently
meets with") are no event at all (``is_capability``, ``is_habitual``): the coder codes nothing for them.

Cue words live in ``events/data/modality.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Token

from wirewatch.errors import DictionaryError

CUES_FILE = Path(__file__).parent / "data" / "modality.yaml"
KEYS = ("negation", "negation_determiners", "conditional", "conditional_modals", "future_aux", "future_verbs",
        "hedge_adverbs", "hedge_verbs", "hedge_passives", "hedge_modals", "implicative_verbs", "commitment_verbs",
        "obligation", "negative_implicatives", "purpose_nouns", "ability_nouns", "capability_words",
        "habitual_adverbs",
        "noun_future", "noun_hypothetical", "noun_hedged")
# How far up the clause chain a governing verb still speaks for the event ("try to speak", "plans to send").
_CHAIN_DEPS = {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl"}


@dataclass(frozen=True, slots=True)
class ModalityCues:
    sets: dict[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.sets[key]


def read_modality_cues() -> ModalityCues:
    """The cue lists of ``CUES_FILE``, read once per process with the event lexicons
    (``events.lexicons.EventLexicons``), which hand them to the coder."""
    raw = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")) or {}
    missing = [k for k in KEYS if not isinstance(raw.get(k), list)]
    if missing:
        raise DictionaryError(str(CUES_FILE), f"missing cue lists {missing}")
    return ModalityCues({k: frozenset(str(w).lower() for w in raw[k]) for k in KEYS})


def _governors(verb: Token) -> list[Token]:
    """The verb and the verbs that govern it within its sentence, nearest first."""
    chain = [verb]
    tok = verb
    while tok.dep_ in _CHAIN_DEPS and tok.head != tok and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
    return chain


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")]


def modality_of(verb: Token, cues: ModalityCues) -> tuple[str, list[str]]:
    """``(modality, cue words)`` for the event whose verb (or event noun) is ``verb``."""
    chain = _governors(verb)
    # The clause of the verb itself, plus xcomp governors ("did not try to sign"); a negated
    # "said" or "reported" does not negate what was said.
    own = [verb]
    tok = verb
    while tok.dep_ == "xcomp" and tok.head != tok:
        tok = tok.head
        own.append(tok)
    for t in own:
        for c in _aux(t):
            if c.dep_ == "neg" or c.lower_ in cues["negation"]:
                return "negated", [c.text]
        # "Neither can Xi allow ...", "Neither Russia nor China attended": "neither" on the verb
        # (inverted) or on its subject negates the act for everyone named.
        for c in t.children:
            heads = [c] if c.dep_ == "preconj" else [g for g in c.children if g.dep_ in ("preconj", "det")] \
                if c.dep_ in ("nsubj", "nsubjpass") else []
            if any(h.lower_ == "neither" for h in heads):
                return "negated", ["neither"]
    for t in own[1:]:
        if t.lemma_.lower() in cues["negative_implicatives"]:
            return "negated", [t.text]
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            det = [d for d in c.children if d.dep_ == "det" and d.lower_ in cues["negation_determiners"]]
            if det and c.dep_ != "nsubj":
                return "negated", [det[0].text]
    if verb.pos_ == "NOUN" and any(d.lower_ in cues["negation_determiners"] for d in verb.children if d.dep_ == "det"):
        return "negated", ["no"]
    if verb.dep_ == "acl":  # "has given no order to withdraw", "has no plans to send": nothing ordered or planned
        det = [d for d in verb.head.children if d.dep_ == "det" and d.lower_ in cues["negation_determiners"]]
        if det:
            return "negated", [det[0].text]
    for t in chain:
        marks = [c for c in t.children if c.dep_ == "mark" and c.lower_ in cues["conditional"]]
        if marks and t.dep_ in ("advcl", "ccomp", "csubj") or (marks and t == verb):
            return "hypothetical", [marks[0].text]
    conditional_clause = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues["conditional"] and m.lower_ != "unless"
                                  for m in c.children)
        for c in verb.children)
    for t in own:
        for c in _aux(t):
            if c.lower_ in cues["conditional_modals"] and conditional_clause:
                return "hypothetical", [c.text]  # "would attack if ...": the main clause of a condition
            if c.lower_ in cues["future_aux"]:
                return "future", [c.text]
    for t in chain[1:]:
        if t.lemma_.lower() in cues["future_verbs"] and (verb.dep_ in ("xcomp", "pcomp") or t == chain[1]):
            return "future", [t.text]
        if t.dep_ not in ("xcomp",):
            break
    if _for_to_clause(verb):  # "a push for America's military to invade Mexico": wished for, irrealis
        return "hypothetical", ["for"]
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        noun = verb.head.lemma_.lower()
        if noun in cues["ability_nouns"]:  # "its capacity to supply weapons": could, not did
            return "hypothetical", [verb.head.text]
        if noun in cues["purpose_nouns"]:  # "a wider campaign to pressure Maduro": the campaign is the act
            return _hedged(chain, verb, cues)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head != verb:
        governor = verb.head.lemma_.lower()
        hedging = governor in cues["hedge_verbs"] or governor in cues["hedge_passives"]
        if not hedging and governor not in cues["implicative_verbs"] and governor not in cues["commitment_verbs"]:
            return "future", ["to"]
    return _hedged(chain, verb, cues)


def is_capability(verb: Token, cues: ModalityCues) -> bool:
    """The verb says what someone could do, not what they did: "missiles able to hit Japan", "capable of
    striking", "its capacity to supply weapons". "Was able to retake the city" is an act: it happened."""
    head = verb.head
    if head.pos_ == "ADP" and verb.dep_ == "pcomp":  # "capable of striking"
        head = head.head
    if head == verb or head.lemma_.lower() not in cues["capability_words"]:
        return False
    if verb.dep_ not in ("xcomp", "acl", "pcomp"):
        return False
    return not (head.pos_ == "ADJ" and head.head.tag_ == "VBD")


def is_habitual(verb: Token, cues: ModalityCues) -> bool:
    """A habit, not an event: "the Israeli leader frequently meets with ...", "often criticises"."""
    return any(c.dep_ == "advmod" and c.lower_ in cues["habitual_adverbs"] for c in verb.children)


def _hedged(chain: list[Token], verb: Token, cues: ModalityCues) -> tuple[str, list[str]]:
    """"hedged" with its cue when a hedge governs the verb, else "asserted"."""
    for t in chain:
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in cues["hedge_adverbs"]:
                return "hedged", [c.text]
            if c.dep_ == "aux" and c.lower_ in cues["hedge_modals"] and t == verb:
                return "hedged", [c.text]
        if t != verb and t.lemma_.lower() in cues["hedge_verbs"]:
            return "hedged", [t.text]
        if t != verb and t.lemma_.lower() in cues["hedge_passives"] and any(
            c.dep_ == "auxpass" for c in t.children
        ):
            return "hedged", [t.text]
    return "asserted", []


def _for_to_clause(verb: Token) -> bool:
    to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
    if not to or to[0].i == 0:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return True  # "called for Kenya to withdraw": the parser's "for" clause with its own subject
    before = verb.doc[to[0].i - 1]
    while before.head.i > before.i and before.dep_ in ("compound", "amod", "poss", "case"):
        before = before.head
    return before.dep_ == "pobj" and before.head.lower_ == "for"


def modality_certainty(modality: str) -> str:
    """The certainty an event's own wording gives it (claims may lower it further)."""
    return {"asserted": "high", "negated": "high", "future": "medium", "hedged": "low", "hypothetical": "low"}[modality]
