"""Statements that carry a hedge of hearsay but no speaker.

- impersonal passives: "While it's said that the presence is due to traffickers", "it is
  believed that ..." (the cue runs from "it" to the verb, the content is the complement);
- raising passives: "Makarevich is said to have ...", "the units are believed to be ...";
- hearsay adverbs: "Russia reportedly sent ...".

All come out as ``unattributed`` claims; ``certainty`` makes them low.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, token_chars, trim
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.token_arrays import string_ids, tokens_at


def find_unattributed(doc: Doc, cues: ClaimCues) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for tok in _candidates(doc, cues):
        lower = tok.lower_
        if lower in cues.hearsay_adverbs and tok.dep_ == "advmod":
            draft = _hearsay(doc, tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in cues.evidential_verbs:
            draft = _evidential(doc, tok)
        elif tok.tag_ in ("VBN", "VBD") and tok.lemma_.lower() in cues.impersonal_verbs:
            draft = _impersonal(doc, tok) or _raising(doc, tok) or _agentless(doc, tok, cues)
        elif tok.tag_ == "VBN" and (cues.is_cue_verb(tok.lemma_.lower()) or tok.lemma_.lower() in cues.as_verbs):
            draft = _agentless(doc, tok, cues)
        else:
            continue
        if draft is not None:
            drafts.append(draft)
    return drafts


def _candidates(doc: Doc, cues: ClaimCues) -> list[Token]:
    """Hearsay adverbs, verbs, participles and past tenses: the only tokens that can carry an
    unattributed claim."""
    rows = doc.to_array([LOWER, POS, TAG])
    picked = (np.isin(rows[:, 0], string_ids(cues.hearsay_adverbs)) | (rows[:, 1] == VERB)
              | np.isin(rows[:, 2], string_ids(("VBN", "VBD"))))
    return tokens_at(doc, picked)


def _impersonal(doc: Doc, verb: Token) -> ClaimDraft | None:
    window = doc[max(token_sentence(verb).start, verb.i - 4) : verb.i]
    it = next((t for t in window if t.lower_ == "it"), None)
    if it is None:
        return None
    between = [t.lower_.replace("’", "'") for t in doc[it.i + 1 : verb.i]]
    if not any(w in ("is", "'s", "was", "be", "been", "being") for w in between):
        return None
    comp = next((c for c in verb.rights if c.dep_ in ("ccomp", "advcl", "xcomp")), None)
    if comp is None:
        return None
    content = trim(doc, *subtree_range(comp))
    if content is None:
        return None
    return ClaimDraft(
        kind="unattributed",
        anchor=verb,
        cue=(it.i, verb.i + 1),
        content=token_chars(doc, *content),
        verb_certainty="low",
    )


def _raising(doc: Doc, verb: Token) -> ClaimDraft | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    if verb.tag_ != "VBN" or subject is None or comp is None or subject.lower_ in ("it", "who", "which", "that"):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    start = subtree_range(subject)[0]
    content = trim(doc, start, subtree_range(comp)[1])
    if content is None:
        return None
    aux = [c.i for c in verb.lefts if c.dep_ == "auxpass"]
    return ClaimDraft(
        kind="unattributed",
        anchor=verb,
        cue=(min(aux, default=verb.i), verb.i + 1),
        content=token_chars(doc, *content),
        verb_certainty="low",
    )


# What a passive of a reporting verb states about its subject: "is seen as ...", "is
# considered one of ...", "is believed to ...", "was described a success", "is expected that ...".
_VIEW_COMPLEMENTS = ("xcomp", "ccomp", "oprd", "attr", "acomp")


def _act_passive(lemma: str, rights: list[Token], cues: ClaimCues) -> bool:
    """"The deal was announced on Tuesday", "the village was shown on television": a verb of
    saying or showing in the passive with only circumstances after it names the act, and its
    subject is what was said or shown, no proposition. Verbs of judgment ("was hammered",
    "can be credited to") characterise their subject and stay claims."""
    if cues.verb_certainty.get(lemma) != "high" and lemma not in cues.saying_verbs:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in cues.prep_cues.get(lemma, frozenset()) for c in rights)


def _agentless(doc: Doc, verb: Token, cues: ClaimCues) -> ClaimDraft | None:
    """"Sanders is seen as empowering voters", "the walk-off is considered one of the largest":
    a reporting verb in the passive with no one named as saying it. Verbs whose passive subject
    is the hearer ("he was told to leave") are left out."""
    lemma = verb.lemma_.lower()
    if lemma in cues.addressee_verbs or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in ("it", "there") or subject.tag_ in ("WP", "WDT"):
        return None  # "what's known as ...": a name being given, not a claim
    rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj")]
    if not rights:
        return None
    views = [c for c in rights if c.dep_ in _VIEW_COMPLEMENTS or c.lower_ == "as"]
    if not views and (lemma in cues.thing_object_verbs or _act_passive(lemma, rights, cues)):
        # "have been charged with a crime", "was targeted in a strike", "were found in the car",
        # "the deal was announced on Tuesday", "the village was shown on television": a passive
        # act with no view stated about its subject is an event, not a claim.
        return None
    if views and all(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in views):
        return None  # "was seen leaving the building": an act perceived, not a view of it
    end = max(subtree_range(c)[1] for c in rights)
    content = trim(doc, subtree_range(subject)[0], end)
    if content is None or content[1] - content[0] < 3:
        return None
    aux = [c.i for c in verb.lefts if c.dep_ in ("auxpass", "aux", "neg", "advmod") and c.i > subject.i]
    cue_end = verb.i + 1
    if cue_end < len(doc) and doc[cue_end].lower_ == "as":
        cue_end += 1  # "is seen as"
    return ClaimDraft(
        kind="unattributed",
        anchor=verb,
        cue=(min(aux, default=verb.i), cue_end),
        content=token_chars(doc, *content),
        verb_certainty="medium",
    )


# "seemed poised", "seemed a reminder" (parsed as attr, oprd or dobj), "seemed to ...".
_SEEMING_COMPLEMENTS = ("xcomp", "acomp", "ccomp", "attr", "oprd", "dobj")


def _is_like(tok: Token) -> bool:
    """"looks like ...", "sounded as if ...": the comparison carries the statement."""
    if tok.i < tok.head.i:
        return False
    if tok.dep_ == "prep":
        return tok.lower_ == "like"
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("like", "if", "though") for c in tok.children)


def _evidential(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The hill might be steeper than it appears" is left alone; "Trump appeared poised to win"
    is the statement "Trump ... poised to win", hedged by the writer."""
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    comp = next((c for c in verb.rights if c.dep_ in _SEEMING_COMPLEMENTS or _is_like(c)), None)
    if subject is None or comp is None:
        return None
    # "It seemed like the members had decided ...": a dummy "it" is no part of the statement.
    first = comp if subject.lower_ == "it" and _is_like(comp) else subject
    content = trim(doc, subtree_range(first)[0], subtree_range(comp)[1])
    if content is None:
        return None
    return ClaimDraft(
        kind="unattributed",
        anchor=verb,
        cue=(verb.i, verb.i + 1),
        content=token_chars(doc, *content),
        verb_certainty="medium",
    )


def _hearsay(doc: Doc, adverb: Token) -> ClaimDraft | None:
    head = adverb.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    content = trim(doc, *subtree_range(head))
    if content is None or content[1] - content[0] < 3:
        return None
    return ClaimDraft(
        kind="unattributed",
        anchor=adverb,
        cue=(adverb.i, adverb.i + 1),
        content=token_chars(doc, *content),
        verb_certainty="low",
    )
