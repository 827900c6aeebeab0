"""The named entities of a parsed Doc, listed once.

spaCy builds ``Doc.ents`` anew (one new Span per entity) on every read, and ``Span.ents``
reads the whole of ``Doc.ents`` each time; the speaker and stance checks that ask per claim
made that over half the time of ``find_claims`` on PolNeAR. ``doc_ents`` keeps the tuple in
``doc.user_data`` (Spans cannot be serialised: pass ``exclude=["user_data"]`` to
``Doc.to_bytes`` after the stages have run); ``span_ents`` picks a span's entities from it.
The Spans refer back to the Doc, so the Doc is freed only by the cyclic GC until
``nlp.doc_memo.forget_all`` drops them.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from wirewatch.nlp.doc_memo import remembered

_KEY = "wirewatch.ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed on first use and then remembered on the Doc."""
    return _index(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside ``span``, in order."""
    ents, starts = _index(span.doc)
    found = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break  # entities do not overlap: every later one ends later still
        found.append(ent)
    return found


def _index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    return remembered(doc, _KEY, _entities_and_starts)


def _entities_and_starts(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    ents = tuple(doc.ents)  # already a tuple at run time; spaCy's stubs say Sequence
    return ents, [e.start for e in ents]
