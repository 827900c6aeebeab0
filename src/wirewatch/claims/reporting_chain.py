"""The reporting chain of a claim: speaker -> outlet that got it first -> relays -> publisher.

- first outlet: the one the speaker talked to ("He told The War Zone", "said in an interview
  with the BBC", "speaking to Reuters"), or the social network posted on ("wrote on Truth
  Social", "in a post on X");
- relays: outlets credited for passing it on ("..., according to the Daily Mail", "as first
  reported by Politico", "..., Reuters reported"), then the agencies credited for the article
  (datelines, credit lines, "contributed to this report": ``wirewatch.media.credits``);
- publisher: ``Article.publisher``, last, when known. It is never guessed from the text.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import subtree_range
from wirewatch.claims.speakers import SpeakerResolver
from wirewatch.nlp.doc_ents import span_ents
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.token_arrays import ids_folding_to


def recipients(anchor: Token, resolver: SpeakerResolver, cues: ClaimCues) -> list[str]:
    """Outlets the speaker handed the statement to, found around the reporting verb."""
    if anchor.pos_ != "VERB":
        return []
    found: list[str] = []
    for child in anchor.children:
        if child.dep_ in ("dative", "dobj") and anchor.lemma_.lower() in cues.recipient_verbs:
            _add_outlet(child, resolver, found)
        elif child.dep_ == "prep":
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if child.lower_ in ("to", "with") and anchor.lemma_.lower() in cues.recipient_verbs:
                    _add_outlet(obj, resolver, found)
                elif child.lower_ in ("on", "via") and resolver.is_platform(obj):
                    _add_outlet(obj, resolver, found)  # "wrote on Truth Social"
                elif obj.lemma_.lower() in cues.interview_nouns:
                    # "in an interview with X", "in a statement to X", "in an interview on X"
                    for prep in (c for c in obj.children if c.dep_ == "prep"):
                        for inner in (c for c in prep.children if c.dep_ == "pobj"):
                            _add_outlet(inner, resolver, found)
        elif child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "talk"):
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    _add_outlet(obj, resolver, found)
    return found


def report_words(doc: Doc) -> list[int]:
    """Indices of the words with the lemma "report", in order: ``first_reports`` looks among them.
    Found once per doc: it is asked per claim, and most sentences have none."""
    lemmas = doc.to_array(LEMMA)
    return np.flatnonzero(np.isin(lemmas, ids_folding_to(doc.vocab.strings, lemmas, {"report"}))).tolist()


def first_reports(anchor: Token, resolver: SpeakerResolver, reports: list[int]) -> list[str]:
    """Outlets credited in the sentence with reporting the statement ("as first reported by X");
    ``reports`` are the doc's ``report_words``."""
    found: list[str] = []
    doc = anchor.doc
    sent = token_sentence(anchor)
    for i in reports[bisect_left(reports, sent.start) : bisect_left(reports, sent.end)]:
        if i == anchor.i:
            continue
        for agent in (c for c in doc[i].children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                _add_outlet(obj, resolver, found)
    return found


def build_chain(speaker: str | None, links: list[str], publisher: str | None) -> list[str]:
    """Ordered, without repeats: speaker, links in the order found, publisher."""
    chain: list[str] = []
    for name in [speaker, *links, publisher]:
        if name and name.strip() and name.lower() not in (c.lower() for c in chain):
            chain.append(name.strip())
    return chain


def _add_outlet(tok: Token, resolver: SpeakerResolver, found: list[str]) -> None:
    start, end = subtree_range(tok)
    span = tok.doc[start:end]
    if resolver.is_platform(span):  # "wrote on Truth Social", "in a post on X"
        if span.text not in found:
            found.append(span.text)
        return
    if resolver.is_outlet(span) or _proper_name_recipient(span, resolver.cues.not_outlets):
        name = resolver.outlet_name(span)
        if name not in found:
            found.append(name)


def _proper_name_recipient(span, not_outlets: frozenset[str]) -> bool:
    # "told The War Zone": a capitalised name that is not a person, place or people is taken as
    # the outlet that got the statement; people told ("told Trump") are hearers, not outlets.
    if not all(t.pos_ in ("PROPN", "DET") or t.is_title for t in span):
        return False
    if any(t.lower_ in not_outlets for t in span):
        return False
    labels = {e.label_ for e in span_ents(span)}
    return bool(span) and not labels & {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME"} and any(
        t.pos_ == "PROPN" for t in span
    )

