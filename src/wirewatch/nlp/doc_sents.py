"""The sentence of a token, from sentence bounds found once per Doc.

``Token.sent`` walks the doc out from the token to both sentence boundaries on every read
(several µs in a long sentence), and the stages read it per verb, claim and event.
``token_sentence`` gives the same Span from the list of sentence starts, which it keeps in
``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.doc_memo import remembered

_KEY = "wirewatch.sentence_starts"


def token_sentence(tok: Token) -> Span:
    """``tok.sent``."""
    doc = tok.doc
    starts = _starts(doc)
    n = bisect_right(starts, tok.i)  # starts[0] is 0, so n >= 1
    return doc[starts[n - 1] : starts[n] if n < len(starts) else len(doc)]


def sentence_number(doc: Doc, i: int) -> int:
    """The index (from 0) of the sentence holding token ``i``."""
    return bisect_right(_starts(doc), i) - 1


def _starts(doc: Doc) -> list[int]:
    return remembered(doc, _KEY, lambda d: [sent.start for sent in d.sents])
