"""Stable article ids: the same text gives the same id from any file, format or machine."""

from __future__ import annotations

import unicodedata

from wirewatch.records import stable_id

# Typographic variants that differ between copies of one article (curly vs straight quotes,
# dash styles) map to one form before hashing. Applied as plain replacements: no target is
# itself folded, and a few str.replace passes are far cheaper than str.translate with a dict.
_FOLD: tuple[tuple[str, str], ...] = (
    ("‘", "'"), ("’", "'"), ("‛", "'"), ("“", '"'), ("”", '"'), ("„", '"'),
    ("–", "-"), ("—", "-"), ("‐", "-"), ("\u00a0", " "),
)


def id_words(text: str) -> list[str]:
    """The words of ``text`` with case, Unicode form, quotes and dashes folded away."""
    if text.isascii():  # already NFKC, nothing to fold, and casefold() is lower() here
        return text.lower().split()
    text = unicodedata.normalize("NFKC", text)
    for variant, folded in _FOLD:
        text = text.replace(variant, folded)
    return text.casefold().split()


def normalise_for_id(text: str) -> str:
    """Case, Unicode form, quotes, dashes and whitespace folded away."""
    return " ".join(id_words(text))


def article_id(text: str) -> str:
    return stable_id("article", normalise_for_id(text))
