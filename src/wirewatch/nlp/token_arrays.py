"""Tokens picked by array tests: how the stages skip spaCy's per-word objects.

Making a ``Token`` of every word only to read an attribute or two cost more than most finders'
own work. ``doc.to_array`` gives every word's attributes at once; numpy picks the few words
that matter, and only those become Tokens. String attributes (LOWER, LEMMA, TAG, DEP ...)
come as 64-bit hash ids: compare them with the ids of the words sought (``string_ids``),
never turn a whole column into Python ints (one object per word again).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token


def string_ids(words: Iterable[str]) -> np.ndarray:
    """The ids ``doc.to_array`` gives a string attribute whose value is one of ``words``."""
    return np.fromiter({get_string_id(word) for word in words}, dtype=np.uint64)


def ids_folding_to(strings: StringStore, column: np.ndarray, words: Collection[str]) -> np.ndarray:
    """The distinct ids of ``column`` whose string, lower-cased, is one of ``words`` (lemmas
    keep the case of proper nouns, so "Report" in a headline is the lemma "report" too)."""
    return np.array([h for h in np.unique(column).tolist() if strings[h].lower() in words], dtype=np.uint64)


def tokens_at(doc: Doc, picked: np.ndarray) -> list[Token]:
    """The tokens where the boolean array ``picked`` (one entry per token) is true, in order."""
    return [doc[i] for i in np.flatnonzero(picked).tolist()]
