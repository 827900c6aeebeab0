"""The array helpers the stages pick tokens with agree with spaCy's own per-token attributes."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, LEMMA, LOWER

from wirewatch.nlp.token_arrays import ids_folding_to, string_ids, tokens_at

pytestmark = [pytest.mark.slow]

TEXT = "Reports say Russia REPORTED troops near Kharkiv. It was reported by Reuters on Monday."


def test_string_ids_are_the_ids_to_array_gives(nlp) -> None:
    doc = nlp(TEXT)
    lowered = doc.to_array(LOWER)
    picked = tokens_at(doc, np.isin(lowered, string_ids(["russia", "monday", "absent"])))
    assert [t.text for t in picked] == ["Russia", "Monday"]
    # Labels that are spaCy symbols ("ROOT", "nsubj") compare the same way.
    roots = tokens_at(doc, np.isin(doc.to_array(DEP), string_ids(["ROOT"])))
    assert roots == [t for t in doc if t.dep_ == "ROOT"]


def test_ids_folding_to_ignores_case(nlp) -> None:
    doc = nlp(TEXT)
    lemmas = doc.to_array(LEMMA)
    picked = tokens_at(doc, np.isin(lemmas, ids_folding_to(doc.vocab.strings, lemmas, {"report"})))
    assert picked == [t for t in doc if t.lemma_.lower() == "report"] and len(picked) >= 2


def test_tokens_at_nothing_is_empty(nlp) -> None:
    doc = nlp(TEXT)
    assert tokens_at(doc, np.zeros(len(doc), dtype=bool)) == []
