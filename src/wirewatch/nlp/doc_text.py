"""The text of a parsed Doc, computed once.

spaCy's ``Doc.text`` joins every token's text each time it is read; stages that read it per
claim or per event made article analysis quadratic in article length (about half the time
of the stages on PolNeAR). ``doc_text`` keeps the joined text in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "wirewatch.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and then remembered on the Doc."""
    text = doc.user_data.get(_KEY)
    if text is None or len(text) != _length(doc):  # never remembered, or remembered wrongly
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def _length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the Doc's text when the caller knows it already (the article's)."""
    doc.user_data[_KEY] = text
