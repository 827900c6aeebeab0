"""Where an event sits in the parse: its sentence and its verb, and distances in the tree.

Shared by the place and date stages, which both ask "which expression in this sentence belongs
to this event?" and answer it by tree distance from the event's verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.records import Event

# Clauses whose places and times are not the event's: reasons, reports, relative clauses.
_FOREIGN_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "csubj", "parataxis", "acl"})
_TEMPORAL_MARKS = frozenset({"when", "while", "as", "after", "before", "once"})
_MAX_STEPS_UP = 2
_MAX_STEPS_ACROSS = 3


def verb_of(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the sentence root when there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def tree_distance(a: Token, b: Token) -> int:
    """Edges on the path between two tokens of one sentence (large when in different sentences)."""
    up_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return n + depth[t.i]
    return len(up_a) + 50


def event_sentence(doc: Doc, event: Event) -> Span:
    """The sentence holding the event's first character (its sentence_index when offsets fail)."""
    span = doc.char_span(event.char_start, max(event.char_start + 1, event.char_end), alignment_mode="expand")
    if span is not None and len(span):
        return token_sentence(span[0])
    sents = list(doc.sents)
    if 0 <= event.sentence_index < len(sents):
        return sents[event.sentence_index]
    raise ValueError(
        f"event {event.event_id}: offsets {event.char_start}-{event.char_end} and sentence "
        f"{event.sentence_index} are outside the document ({len(doc.text)} chars)"
    )


def _trigger_verb(doc: Doc, event: Event) -> Token | None:
    if event.trigger_start is None or event.trigger_end is None:
        return None
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return verb_of(span.root) if span is not None and len(span) else None


def event_anchors(doc: Doc, sent: Span, event: Event) -> list[Token]:
    """Candidate verbs of the event, most specific first: the verb of its trigger (the word the
    coder read it from); for events without one, the verb governing its target mention, then its
    source mention (coders often give the whole sentence as the span), then the root of its span,
    then the sentence root."""
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    within = span if span is not None and len(span) else sent
    trigger = _trigger_verb(doc, event)
    anchors: list[Token] = [trigger] if trigger is not None else []
    within_text = within.text  # Span.text joins its tokens on every read
    for text in (event.target_text, event.source_text):
        if not text:
            continue
        at = within_text.find(text)
        if at < 0:
            continue
        part = doc.char_span(within.start_char + at, within.start_char + at + len(text), alignment_mode="expand")
        if part is not None and len(part):
            root = part.root
            anchors.append(verb_of(root.head if root.dep_ in ("pobj", "dative") else root))
    anchors.append(verb_of(within.root))
    anchors.append(sent.root)
    unique: list[Token] = []
    for tok in anchors:
        if tok not in unique:
            unique.append(tok)
    return unique


def event_anchor(doc: Doc, sent: Span, event: Event) -> Token:
    """The event's verb (the most specific of ``event_anchors``)."""
    return event_anchors(doc, sent, event)[0]


def same_event_clause(verb: Token, anchor: Token, max_up: int | None = _MAX_STEPS_UP) -> bool:
    """Whether an expression attached to ``verb`` can say where or when the event of ``anchor``
    happened: the same verb; a clause below it that is part of the act ("including deploying ...
    in Cuba"), not a reason, report or relative clause ("because their units are in Venezuela",
    "which invaded Ukraine in 2022"); or a verb above it, at most ``max_up`` steps (None: any; a
    fronted "In 2024," dates every clause below it, a place is less far-reaching)."""
    if verb == anchor:
        return True
    if verb in anchor.ancestors:
        if _crosses_foreign_clause(anchor, verb):  # "In 2024, officials said Russia had sent ..."
            return False
        return max_up is None or tree_distance(verb, anchor) <= max_up
    above_anchor = {t.i for t in anchor.ancestors} | {anchor.i}
    tok = verb
    while tok.i not in above_anchor and tok.head.i != tok.i:
        if _foreign(tok):
            return False
        tok = tok.head
    return anchor in verb.ancestors or tree_distance(verb, anchor) <= _MAX_STEPS_ACROSS


def _foreign(clause: Token) -> bool:
    """A clause whose time and place are its own, except a temporal clause ("drew applause on
    Thursday when he lashed out at Turkey", "was jeered last week after he refused to say"):
    it happens at the time and place of the clause it hangs on."""
    if clause.dep_ not in _FOREIGN_CLAUSES:
        return False
    # The small parser attaches "when" as advmod, "after" and "before" as mark.
    return not (clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS
                                                for c in clause.children if c.i < clause.i))


def _crosses_foreign_clause(low: Token, high: Token) -> bool:
    tok = low
    while tok != high and tok.head.i != tok.i:
        if _foreign(tok):
            return True
        tok = tok.head
    return False
