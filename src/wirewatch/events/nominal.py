"""Nominal events: acts named by a noun ("Russia's deployment of warships to Cuba", "the US build-up",
"Palestinian riots against Israeli military policies").

A noun from ``events/data/event_nouns.yaml`` is coded like its verb when

- someone is named doing it: a possessor or modifier ("Russia's", "US", "Palestinian") or a "by"
  phrase ("the shelling of Kharkiv by Russian forces");
- no coded verb already covers it: the object of "launched an attack" or "denounced the invasion"
  belongs to that verb's event.

The noun's "of" phrase, compounds and modifiers play the verb's object ("deployment of warships" is
"deploy warships"), and its prepositions the verb's target slots ("to Cuba", "against Israeli ...");
an actor in the "of" phrase is the target ("the invasion of Ukraine"). Modality is the noun's own
("no deployment") or its governing verb's ("plans a deployment", "the invasion would ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from wirewatch.errors import DictionaryError
from wirewatch.events.arguments import MentionIndex
from wirewatch.events.codes import CameoTable
from wirewatch.events.modality import ModalityCues, modality_of
from wirewatch.events.patterns import VerbLexicon, VerbPattern, phrase_set
from wirewatch.nlp.token_arrays import ids_folding_to, string_ids
from wirewatch.records import ActorMention

NOUNS_FILE = Path(__file__).parent / "data" / "event_nouns.yaml"
_AGENT_DEPS = {"poss", "compound", "amod", "nmod"}
_TARGET_PREPS = ("to", "against", "on", "into", "toward", "towards", "with", "at", "in", "for", "of")
_OBJECT_DEPS = {"compound", "amod", "nmod"}


@dataclass(frozen=True, slots=True)
class NominalEvent:
    noun: Token
    pattern: VerbPattern
    sources: list[ActorMention]
    targets: list[ActorMention]
    modality: str
    cues: list[str]


def read_event_nouns(codes: CameoTable) -> dict[str, str]:
    """Noun (lemma, lower case) -> verb phrase or CAMEO code (one of ``codes``), read from ``NOUNS_FILE``."""
    try:
        raw = yaml.safe_load(NOUNS_FILE.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DictionaryError(str(NOUNS_FILE), f"not valid YAML: {exc}") from exc
    nouns = raw.get("nouns")
    if not isinstance(nouns, dict):
        raise DictionaryError(str(NOUNS_FILE), "needs a 'nouns' mapping of noun -> verb or CAMEO code")
    out: dict[str, str] = {}
    for noun, value in nouns.items():
        value = str(value).strip()
        if not value or (value[0].isdigit() and value not in codes):
            raise DictionaryError(str(NOUNS_FILE), f"{noun!r}: {value!r} is neither a verb nor a CAMEO code")
        out[str(noun).lower()] = value
    return out


def _object_words(noun: Token) -> set[str]:
    """What plays the verb's object: the noun itself, its modifiers and its "of" phrase."""
    tokens = [noun] + [c for c in noun.children if c.dep_ in _OBJECT_DEPS]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                tokens.extend(t for t in pobj.subtree if t.dep_ not in ("prep", "relcl", "acl"))
    return phrase_set(sorted(set(tokens), key=lambda t: t.i))


def _pattern(noun: Token, key: str, value: str, lexicon: VerbLexicon) -> VerbPattern | None:
    if value[0].isdigit():
        return VerbPattern(id="event_noun", verb=key, extra=(), objects=(),
                           purpose=(), targets=_TARGET_PREPS, code=value, mode=None, mode_set=False, plover=None,
                           requires=(), needs_other=False)
    verb, *extra = value.split()
    words = _object_words(noun)
    for p in lexicon.by_lemma.get(verb, ()):
        if p.extra and tuple(p.extra) != tuple(extra):
            continue
        if p.purpose or p.requires:
            continue
        if p.not_event:  # the noun in the sense no verb pattern codes ("a fight over the bill")
            if p.objects and not any(o in words for o in p.objects):
                continue
            return None
        if p.objects and not any(o in words for o in p.objects):
            continue
        return p
    return None


def nominal_agents(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Who does what the noun names: its possessor or modifiers, else its "by" phrase."""
    found: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ in _AGENT_DEPS:
            for tok in child.subtree:
                m = index.by_token.get(tok.i)
                if m is not None and m.code and m not in found:
                    found.append(m)
    if not found:
        for prep in noun.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                found = [m for p in prep.children if p.dep_ == "pobj" for m in index.in_phrase(p) if m.code]
    return found


def _targets(noun: Token, slots: tuple[str, ...], index: MentionIndex, exclude: set[str]) -> list[ActorMention]:
    for slot in slots:
        if slot not in _TARGET_PREPS:
            continue
        heads = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == slot
                 for p in prep.children if p.dep_ == "pobj"]
        found = [m for h in heads for m in index.in_phrase(h) if m.code and m.code not in exclude]
        if found:
            return found
    return []


def _covered(noun: Token, fired: set[int]) -> bool:
    """Is the noun an object (or the subject of a passive) of a coded verb?"""
    head = noun.head
    if head.i in fired and noun.dep_ not in ("nsubj",):
        return True
    return head.dep_ in ("prep", "agent") and head.head.i in fired


def _modality(noun: Token, cues: ModalityCues) -> tuple[str, list[str]]:
    for child in noun.children:
        if child.dep_ in ("amod", "compound"):
            for kind in ("future", "hypothetical", "hedged"):
                if child.lower_ in cues[f"noun_{kind}"]:
                    return kind, [child.text]
    own = modality_of(noun, cues)
    if own[0] != "asserted":
        return own
    head = noun.head
    if head != noun and head.pos_ in ("VERB", "AUX") and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        governing = modality_of(head, cues)
        if governing[0] in ("future", "hypothetical", "hedged"):
            return governing
    return own


def _hyphenated(tok: Token) -> str:
    """"build-up" when the tokenizer split it ("build" "-" "up"): the parser may head it on either part."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_ \
            and not tok.whitespace_:
        return f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return ""


def _maybe_event_nouns(doc: Doc, nouns: dict[str, str]) -> list[int]:
    """Indices of the tokens whose lemma or form is an event noun, or that touch a hyphen ("build"
    "-" "up"): read off ``doc.to_array``, as making a Token of every word costs more than the rest."""
    rows = doc.to_array([LEMMA, LOWER, ORTH])
    lemmas = ids_folding_to(doc.vocab.strings, rows[:, 0], nouns)
    dash = rows[:, 2] == doc.vocab.strings["-"]
    picked = np.isin(rows[:, 0], lemmas) | np.isin(rows[:, 1], string_ids(nouns))
    picked[:-1] |= dash[1:]  # the word before a hyphen
    picked[1:] |= dash[:-1]  # and the word after it
    return np.flatnonzero(picked).tolist()


def nominal_events(
    doc: Doc, index: MentionIndex, lexicon: VerbLexicon, nouns: dict[str, str], fired: set[int],
    modality_cues: ModalityCues,
) -> list[NominalEvent]:
    """Every free-standing event noun of ``doc`` with a named doer; ``nouns`` as ``read_event_nouns`` gives them."""
    out: list[NominalEvent] = []
    for i in _maybe_event_nouns(doc, nouns):
        tok = doc[i]
        hyphenated = _hyphenated(tok)
        key = next((k for k in (tok.lemma_.lower(), tok.lower_, hyphenated) if k in nouns), None)
        if key is None or tok.i in fired or _covered(tok, fired):
            continue
        # a split noun ("build" "-" "up") may be tagged anything; its head part is the one with dependents
        if tok.pos_ != "NOUN" and not (hyphenated and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
            continue
        pattern = _pattern(tok, key, nouns[key], lexicon)
        if pattern is None:
            continue
        sources = nominal_agents(tok, index)
        if not sources:
            continue
        targets = _targets(tok, pattern.targets + _TARGET_PREPS, index, {m.code for m in sources if m.code})
        if pattern.needs_other and not targets:
            continue
        modality, cues = _modality(tok, modality_cues)
        out.append(NominalEvent(tok, pattern, sources, targets, modality, cues))
    return out
