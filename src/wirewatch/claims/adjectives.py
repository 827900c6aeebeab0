"""Claims carried by an adjective: "voters are worried about the economy", "she is confident
that the bill will pass", "it's unclear whether the talks will resume".

- a stance adjective (data/verbs.yaml ``stance_adjectives``) after a copula, whose subject can
  hold a view, with a that-clause, a to-infinitive or a prepositional object: the subject is the
  source, the cue runs from the copula to the adjective (and its preposition);
- an impersonal "it" with an adjective of likelihood or knowledge (``impersonal_adjectives``)
  and a clause: an unattributed claim at the certainty the adjective gives.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, POS
from spacy.symbols import ADJ
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.reported import find_speaker
from wirewatch.claims.stance import can_hold_views
from wirewatch.media.registry import MediaRegistry
from wirewatch.nlp.token_arrays import string_ids, tokens_at

_COPULAS = {"be", "remain", "seem", "appear", "become", "sound", "feel", "look", "grow", "stay"}


def find_adjective_claims(doc: Doc, quotes: QuoteIndex, cues: ClaimCues, registry: MediaRegistry) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    rows = doc.to_array([POS, DEP])
    picked = (rows[:, 0] == ADJ) & np.isin(rows[:, 1], string_ids(("acomp", "ROOT", "conj")))
    for tok in tokens_at(doc, picked):
        lemma = tok.lower_
        copula = tok.head if tok.dep_ == "acomp" and tok.head.lemma_.lower() in _COPULAS else None
        if copula is None:
            continue
        found = _content(doc, tok, quotes, copula)
        if found is None:
            continue
        content, cue_end = found
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "expl")), None)
        cue_start = min([copula.i] + [c.i for c in copula.lefts if c.dep_ in ("aux", "neg") and c.i > (subject.i if subject is not None else -1)])
        if subject is not None and subject.lower_ == "it" and lemma in cues.impersonal_adjectives:
            drafts.append(
                ClaimDraft(
                    kind="unattributed", anchor=tok, cue=(subject.i, cue_end), content=content,
                    verb_certainty=cues.impersonal_adjectives[lemma],
                )
            )
            continue
        if lemma not in cues.stance_adjectives:
            continue
        speaker = find_speaker(copula, registry)
        if speaker is None or not can_hold_views(doc[speaker[0] : speaker[1]], cues):
            continue
        drafts.append(
            ClaimDraft(
                kind=quotes.kind_of(content), anchor=tok, cue=(cue_start, cue_end), content=content,
                speaker=speaker, verb_certainty="medium",
            )
        )
    return drafts


def _content(doc: Doc, adjective: Token, quotes: QuoteIndex, copula: Token) -> tuple[tuple[int, int], int] | None:
    """The adjective's complement as characters, and where the cue ends (after a preposition).
    The parser may hang an extraposed clause on the copula ("it's unclear whether ...")."""
    extraposed = [c for c in copula.rights if c.dep_ in ("ccomp", "xcomp") and c.i > adjective.i]
    for child in [*adjective.rights, *extraposed]:
        if child.dep_ in ("ccomp", "xcomp"):
            rng = trim(doc, *subtree_range(child))
            if rng and rng[1] - rng[0] >= 2:
                return quotes.widen(token_chars(doc, *rng), adjective.idx), adjective.i + 1
        if child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            rng = trim(doc, *subtree_range(obj)) if obj is not None else None
            if rng:
                return quotes.widen(token_chars(doc, *rng), adjective.idx), child.i + 1
    return None
