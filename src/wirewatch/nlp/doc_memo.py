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


def remembered(doc: Doc, key: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, kept in ``doc.user_data[key]`` together with the Doc's length."""
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):  # never remembered, or the Doc was retokenised
        cached = (len(doc), compute(doc))
        doc.user_data[key] = cached
    return cached[1]
