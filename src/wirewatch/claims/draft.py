"""A claim under construction: token and character spans before speakers and chains are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

# Punctuation that may close or open a span without belonging to it; quote marks are kept
# because a direct quote's content includes its marks.
_EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "(", ")", "…", "!", "?"}
_QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "''", "``"}


@dataclass(slots=True)
class ClaimDraft:
    kind: str  # one of records.CLAIM_KINDS
    anchor: Token  # the cue's head token (verb, "according", hedge adverb)
    cue: tuple[int, int]  # token range [start, end)
    content: tuple[int, int]  # character range [start, end) in doc.text
    speaker: tuple[int, int] | None = None  # token range [start, end)
    verb_certainty: str = "high"
    relays: list[str] = field(default_factory=list)  # outlet names that passed the claim on
    # True when a quotation carried on after "he said." and was folded into ``content``.
    continued: bool = False

    def cue_chars(self, doc: Doc) -> tuple[int, int]:
        return token_chars(doc, *self.cue)

    def speaker_chars(self, doc: Doc) -> tuple[int, int] | None:
        return token_chars(doc, *self.speaker) if self.speaker else None


def token_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range [start, end) covered by tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int] | None:
    """Shrink a token range past edge punctuation, spaces and dangling conjunctions."""

    def droppable(tok: Token, leading: bool) -> bool:
        if tok.is_space:
            return True
        if tok.text in _QUOTE_MARKS:
            return not keep_quotes
        if tok.text in _EDGE_PUNCT:
            return True
        return leading and tok.dep_ == "cc"

    while start < end and droppable(doc[start], True):
        start += 1
    while end > start and droppable(doc[end - 1], False):
        end -= 1
    return (start, end) if start < end else None


def subtree_range(tok: Token, skip: set[int] | None = None) -> tuple[int, int]:
    """Token range of ``tok``'s subtree, leaving out the subtrees rooted at ``skip`` if they sit at an edge."""
    skip = skip or set()
    kept = [t.i for t in tok.subtree if not any(a.i in skip for a in _ancestors_to(t, tok))]
    return min(kept), max(kept) + 1


def _ancestors_to(tok: Token, top: Token) -> list[Token]:
    """``tok`` and its heads up to (not including) ``top``."""
    chain = []
    while tok.i != top.i:
        chain.append(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return chain
