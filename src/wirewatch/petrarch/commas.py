"""PETRARCH's comma-delimited clause removal, on a spaCy parse.

PETRARCH removes short comma-delimited clauses before coding ("Arnor, it seems, will restore
ties" codes as "Arnor will restore ties"): the clause before the first comma, the one after the
last and each one between two commas, when its length in words lies within the ``comma_*``
bounds (``options.CoderOptions``). Commas inside a noun phrase do not delimit clauses (PETRARCH
absorbs them into the phrase first): lists ("Mordor, Rohan and Bree") and appositions
("Dagolath, its biggest trading partner,"). On a dependency parse those commas hang from a noun
whose phrase goes on after the comma; clause commas hang from a verb, or end a noun's phrase.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirewatch.petrarch.options import CoderOptions

_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"}


def _is_clause_comma(tok: Token) -> bool:
    """A comma delimits a clause unless the noun it hangs from goes on after it (a list item or an
    apposition follows: "Gondor, Mordor and Rohan", "Dagolath, its biggest trading partner")."""
    if tok.text != ",":
        return False
    head = tok.head
    if head == tok or head.pos_ not in _NOMINAL:
        return True
    return not (head.left_edge.i <= tok.i + 1 <= head.right_edge.i)


def _words(sent: Span, start: int, end: int) -> int:
    """Words between token indexes, as PETRARCH counts them (tokens starting with a letter)."""
    return sum(1 for t in sent.doc[start:end] if t.text[:1].isalpha())


def removed_tokens(sent: Span, options: CoderOptions) -> frozenset[int]:
    """Indexes of the tokens in comma-delimited clauses PETRARCH would remove from ``sent``."""
    commas = [t.i for t in sent if _is_clause_comma(t)]
    if not commas:
        return frozenset()
    end = sent.end
    while end > sent.start and sent.doc[end - 1].is_punct and sent.doc[end - 1].text != ",":
        end -= 1  # the closing full stop is not part of the terminal clause
    removed: set[int] = set()
    if options.comma_bmax:
        n = _words(sent, sent.start, commas[0])
        if options.comma_bmin <= n <= options.comma_bmax:
            removed.update(range(sent.start, commas[0]))
    if options.comma_emax:
        n = _words(sent, commas[-1] + 1, end)
        if options.comma_emin <= n <= options.comma_emax:
            removed.update(range(commas[-1] + 1, end))
    if options.comma_max:
        for a, b in zip(commas, commas[1:], strict=False):
            n = _words(sent, a + 1, b)
            if options.comma_min <= n <= options.comma_max:
                removed.update(range(a + 1, b))
    return frozenset(removed)
