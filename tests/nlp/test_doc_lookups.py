"""Lookups computed once per Doc give what spaCy gives when asked each time, and the faster
span and outlet helpers give what the plain walks they replaced gave."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.cues import _strip_article
from wirewatch.claims.draft import subtree_range
from wirewatch.nlp.doc_ents import doc_ents, span_ents
from wirewatch.nlp.doc_sents import token_sentence

pytestmark = [pytest.mark.slow]

TEXT = (
    "MOSCOW (Reuters) - Russia sent a general and 120 trainers to Venezuela on Tuesday, "
    "Ukraine's intelligence chief Kyrlo Budanov told The War Zone.\n\n"
    "“We will not leave,” said Sergei Lavrov, who met Nicolás Maduro in Caracas. The "
    "United States, according to the Daily Mail, massed warships near the region, and "
    "RT bought billboards in Mexico City. It is said that the units, which arrived in 2018, "
    "are training the Venezuelan army."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_doc_ents_is_doc_ents(doc):
    assert doc_ents(doc) == doc.ents
    assert doc_ents(doc) is doc_ents(doc)  # remembered


def test_span_ents_is_span_ents(doc):
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 12) + 1):
            span = doc[start:end]
            assert span_ents(span) == list(span.ents), (start, end)


def test_token_sentence_is_token_sent(doc):
    assert len(list(doc.sents)) > 2
    for tok in doc:
        sent = token_sentence(tok)
        assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end)


def test_lookups_follow_a_retokenised_doc(nlp):
    doc = nlp("Russia sent trainers to Venezuela. Maduro met them in Caracas.")
    assert doc_ents(doc) == doc.ents and token_sentence(doc[-1]).start == doc[-1].sent.start
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_ents(doc) == doc.ents
    assert [token_sentence(t).start for t in doc] == [t.sent.start for t in doc]


def _old_subtree_range(tok, skip=None):
    """The walk ``subtree_range`` replaced: every token's heads up to ``tok``."""
    skip = skip or set()

    def chain(t):
        out = []
        while t.i != tok.i:
            out.append(t)
            if t.head.i == t.i:
                break
            t = t.head
        return out

    kept = [t for t in tok.subtree if not any(a.i in skip for a in chain(t))]
    words = [t.i for t in kept if not t.is_punct] or [t.i for t in kept]
    return min(words), max(words) + 1


def test_subtree_range_as_before(doc):
    for tok in doc:
        assert subtree_range(tok) == _old_subtree_range(tok)
        below = [t.i for t in tok.subtree]
        for skip in ({tok.i}, set(below[:1]), set(below[-2:]), {c.i for c in tok.children}, {c.i for c in tok.lefts}):
            assert subtree_range(tok, skip) == _old_subtree_range(tok, skip), (tok.i, skip)


def test_outlet_named_as_before():
    cues = claim_lexicons().cues

    def old(text):
        key = _strip_article(text)
        for outlet in cues.outlets:
            for name in (outlet.name, *outlet.aliases):
                if key == _strip_article(name) or (len(name) > 4 and key.lower() == _strip_article(name).lower()):
                    return outlet
        return None

    names = [n for o in cues.outlets for n in (o.name, *o.aliases)]
    probes = names + [n.lower() for n in names] + [n.upper() for n in names] + [f"the {n}" for n in names]
    probes += ["", "the", "Daily", "AP", "ap", "nobody at all"]
    for text in probes:
        assert cues.outlet_named(text) == old(text), text
