"""A value worked out once per parsed Doc and kept on it, in ``doc.user_data``.

The stages ask spaCy for the same derived views of a Doc (its entities, its sentence starts)
many times per article; each view is computed on first use and kept until the Doc changes
length (a retokenised Doc gets it worked out again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


# Every key a value was remembered under: ``forget_all`` drops them (values that hold Spans or
# Tokens, such as the entities or the coreference, tie the Doc in a reference cycle).
_KEYS: set[str] = set()


def remembered(doc: Doc, key: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, kept in ``doc.user_data[key]`` together with the Doc's length."""
    _KEYS.add(key)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):  # never remembered, or the Doc was retokenised
        cached = (len(doc), compute(doc))
        doc.user_data[key] = cached
    return cached[1]


def forget_all(doc: Doc) -> None:
    """Drop every remembered value, so the Doc is freed as soon as its last user lets go rather
    than by the cyclic garbage collector (an analysed article's Docs otherwise pile up)."""
    for key in _KEYS:
        doc.user_data.pop(key, None)
