"""Stable article ids: the same text gives the same id from any file, format or machine."""

from __future__ import annotations

import re
import unicodedata

from wirewatch.records import stable_id

# Typographic variants that differ between copies of one article (curly vs straight quotes,
# dash styles) map to one form before hashing.
_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Case, Unicode form, quotes, dashes and whitespace folded away."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACE.sub(" ", text).strip()


def article_id(text: str) -> str:
    return stable_id("article", normalise_for_id(text))
