"""A claim under construction: token and character spans before speakers and chains are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

# Punctuation that may close or open a span without belonging to it; quote marks are kept
# because a direct quote's content includes its marks.
_EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "(", ")", "…", "!", "?"}
_QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "''", "``"}
# Hyphens the tokenizer splits a written word at ("Min-Woo", "co-founder", "e-mail").
_HYPHENS = {"-", "‐", "‑"}


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


def whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a token range so it never cuts a hyphenated word: the tokenizer splits "Kim
    Min-Woo" into "Min", "-", "Woo" and the parser may give each piece the verb as its head, so a
    subject's subtree ends at "Min" ("Kim Min conceded", "The e said")."""

    def joined(left: int) -> bool:  # tokens ``left`` and ``left + 1`` are one written word
        a, b = doc[left], doc[left + 1]
        return not a.whitespace_ and (a.text in _HYPHENS or b.text in _HYPHENS) and not (a.is_space or b.is_space)

    while start > 0 and joined(start - 1):
        start -= 1
    while end < len(doc) and joined(end - 1):
        end += 1
    return start, end


def subtree_range(tok: Token, skip: set[int] | None = None) -> tuple[int, int]:
    """Token range of ``tok``'s subtree, leaving out the subtrees rooted at ``skip`` if they sit at an edge."""
    kept = list(tok.subtree)
    if skip:
        # A token goes when a skipped token below ``tok`` heads it: drop those subtrees whole.
        inside = {t.i for t in kept}
        dropped = {d.i for s in skip if s != tok.i and s in inside for d in tok.doc[s].subtree}
        kept = [t for t in kept if t.i not in dropped]
    # Commas that fenced a skipped clause would otherwise stretch the range back over it.
    words = [t.i for t in kept if not t.is_punct] or [t.i for t in kept]
    return min(words), max(words) + 1


def clause_chars(doc: Doc, head: Token, verb: Token, skip_self: bool = False) -> tuple[int, int] | None:
    """Characters of ``head``'s clause as the content ``verb`` reports: without "according to"
    phrases and without the reporting clause itself."""
    skip = {c.i for c in head.children if c.lower_ == "according" and c.dep_ == "prep"}
    if head.i != verb.head.i or verb.dep_ in ("parataxis", "ccomp"):
        skip.add(verb.i)  # "X, he said, was Y": the reporting clause is not part of what was said
    start, end = subtree_range(head, skip=skip)
    if skip_self:
        # Only the part of the clause before the reporting verb is what was said.
        end = min(end, verb.left_edge.i)
    rng = trim(doc, start, end)
    if rng is None or rng[1] - rng[0] < 2:
        return None
    return token_chars(doc, *rng)
