"""Claims carried by a noun with an owner: "Clinton's call for a ban", "his claim that the
vote was rigged", "their refusal to stand", "the endorsement by the union of ...".

The owner (a possessor, or the object of "by") is the source; the content is the noun's
that-clause, to-infinitive or prepositional object, and a preposition that links the content
belongs to the cue ("call for"). Nouns without an owner are left alone: "the vision of
sweeping gun control" names no one who holds it.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.reported import find_speaker
from wirewatch.claims.stance import can_hold_views
from wirewatch.media.registry import MediaRegistry
from wirewatch.nlp.token_arrays import string_ids, tokens_at

_CONTENT_PREPS = {"of", "for", "to", "against", "on", "about", "that", "with"}
_NOT_OWNERS = {"its", "it", "this", "that", "which"}


def find_noun_claims(doc: Doc, quotes: QuoteIndex, cues: ClaimCues, registry: MediaRegistry) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    rows = doc.to_array([POS, LOWER])
    picked = (rows[:, 0] == NOUN) & np.isin(rows[:, 1], string_ids(cues.noun_cues))
    for tok in tokens_at(doc, picked):
        owner, cue_start = _owner(tok), tok.i
        if owner is None:
            owner, cue_start = _light_verb_owner(tok, cues, registry)
        found = _content(doc, tok, cues) if owner else None
        if owner is None or found is None:
            continue
        content, cue_end = found
        if content[1] - content[0] < 1:
            continue
        drafts.append(
            ClaimDraft(
                kind=quotes.kind_of(token_chars(doc, *content)),
                anchor=tok,
                cue=(cue_start, cue_end),
                content=token_chars(doc, *content),
                speaker=owner,
                verb_certainty="medium",
            )
        )
    return drafts


def _owner(noun: Token) -> tuple[int, int] | None:
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _NOT_OWNERS:
            start, end = subtree_range(child)
            # "Clinton's": the possessive marker is not part of the name.
            if noun.doc[end - 1].dep_ == "case":
                end -= 1
            return trim(noun.doc, start, end)
        if child.dep_ == "prep" and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return trim(noun.doc, *subtree_range(obj))
    return None


def _light_verb_owner(noun: Token, cues: ClaimCues, registry: MediaRegistry) -> tuple[tuple[int, int] | None, int]:
    """"He made the suggestion that ...": the subject of a light verb owns its noun cue, and the
    cue runs from the verb. Reporting verbs ("expressed concern") are left to ``reported``."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ != "dobj" or lemma not in cues.light_verbs or cues.is_cue_verb(lemma):
        return None, noun.i
    speaker = find_speaker(verb, registry)
    if speaker is None or not can_hold_views(noun.doc[speaker[0] : speaker[1]], cues):
        return None, noun.i
    return speaker, verb.i


def _content(doc: Doc, noun: Token, cues: ClaimCues) -> tuple[tuple[int, int], int] | None:
    for child in noun.rights:
        if child.dep_ == "acl" and cues.is_cue_verb(child.lemma_.lower()):
            # "a statement saying (that) ...": the participle belongs to the cue.
            comp = next((c for c in child.rights if c.dep_ in ("ccomp", "dobj", "xcomp")), None)
            rng = trim(doc, *subtree_range(comp)) if comp is not None else None
            if rng:
                return rng, child.i + 1
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
            rng = trim(doc, *subtree_range(child))
            if rng:
                return rng, noun.i + 1
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and child.lower_ == "with" and _party(obj):
                continue  # "a call with Maduro", "an interview with Reuters": who took part, not what was said
            if obj is not None:
                rng = trim(doc, *subtree_range(obj))
                if rng:
                    return rng, child.i + 1
    return None


def _party(tok: Token) -> bool:
    """A person, group or state: someone a call or talk is held with."""
    if tok.pos_ == "PRON":
        return True
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
