"""The claim finders' shortcuts (tokens picked from ``doc.to_array``) pick what per-token checks pick."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.reporting_chain import report_words
from wirewatch.claims.unattributed import _candidates

pytestmark = [pytest.mark.slow]

TEXT = (
    "Reportedly, the talks stalled on Monday, as first reported by Reuters. It is said that Moscow "
    "sent bombers, according to officials. In a poll released Monday, most voters said they were "
    "worried about the economy. Clinton's call for a ceasefire was reported widely; reports say more."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_unattributed_candidates_as_the_per_word_check(doc):
    cues = claim_lexicons().cues
    expected = [t for t in doc if t.lower_ in cues.hearsay_adverbs or t.pos_ == "VERB" or t.tag_ in ("VBN", "VBD")]
    assert expected and _candidates(doc, cues) == expected


def test_report_words_as_the_per_word_check(doc):
    expected = [t.i for t in doc if t.lemma_.lower() == "report"]
    assert len(expected) >= 2 and report_words(doc) == expected
