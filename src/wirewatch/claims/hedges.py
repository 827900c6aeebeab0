"""Hedge and booster cues in a claim (data/hedges.yaml), as the words that were found."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.claims.cues import ClaimCues


def find_hedges(text: str, cues: ClaimCues) -> list[str]:
    return _unique(m.group(0) for m in cues.hedges.finditer(text))


def find_boosters(text: str, cues: ClaimCues) -> list[str]:
    return _unique(m.group(0) for m in cues.boosters.finditer(text))


def cue_context(anchor: Token) -> str:
    """Words that qualify the reporting verb itself: "reportedly said", "may have told"."""
    parts = [c for c in anchor.children if c.dep_ in ("advmod", "aux", "neg") and c.i < anchor.i]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _unique(found) -> list[str]:
    out: list[str] = []
    for word in found:
        norm = " ".join(word.lower().replace("’", "'").split())
        if norm not in out:
            out.append(norm)
    return out
