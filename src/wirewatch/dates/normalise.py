"""When each event happened.

1. Date expressions of the article: spaCy DATE entities, plus years and weekdays the tagger left
   untagged ("in 2018", "on Tuesday"), each resolved once against the publication date
   (``resolve_date_expression``; dateparser only sees expressions with a day in them).
2. For each event, the expression in its sentence nearest its verb in the parse tree: in
   "In 2024, Moscow sent warships ..., including ... bombers dispatched ... to Venezuela in 2018",
   the sending is 2024 and the dispatch 2018.
3. An event in the future ("will meet on Tuesday") reads weekdays and bare months forwards.
4. With no expression in its sentence, an event takes the story's date: the first day named in the
   lede (its first four sentences of four words or more, the dateline included: "MOSCOW, April 5
   (Xinhua) --", "President Obama spent Thursday discussing ...") when that day is in the week up
   to publication, since wire copy is published the day after what it reports; else the
   publication date (day), when known. A future event with no date of its own keeps the
   publication date: the story's day is past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from spacy.attrs import LENGTH, LOWER
from spacy.tokens import Doc, Span, Token

from wirewatch.dates.expressions import DateWords, ResolvedDate, lenient_reference_date, resolve_date_expression
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.event_anchor import event_anchor, event_sentence, same_event_clause, tree_distance, verb_of
from wirewatch.nlp.token_arrays import string_ids, tokens_at
from wirewatch.records import Article, Event

__all__ = ["DateMention", "ResolvedDate", "date_events", "find_dates", "resolve_date_expression"]

_YEAR = re.compile(r"\b(?:1[5-9]|20|21)\d\d\b")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Words before a date that belong to it: "since 2016", "between 2022 and 2025".
_OPENERS = frozenset({"since", "between", "from"})
# Words before a bare number that make it a year rather than a count ("in 2018", not "2018 troops").
_YEAR_PREPS = frozenset({"in", "since", "by", "during", "until", "till", "of", "from", "before", "after", "around"})
# The lede: the sentences a story's day is read from; the story's day is at most a week old.
_LEDE_SENTENCES = 4
_LEDE_MIN_WORDS = 4
_STORY_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: ResolvedDate


def _widen(span: Span) -> Span:
    doc = span.doc
    start = span.start
    if start > 0 and doc[start - 1].lower_ in _OPENERS and span[0].lower_ not in _OPENERS:
        start -= 1
    return doc[start : span.end]


def find_dates(doc: Doc, published_at: date | str | None, words: DateWords,
               before: int | None = None) -> list[DateMention]:
    """Every resolvable date expression in ``doc`` (starting before token ``before``, when given),
    in text order."""
    spans: list[Span] = [_widen(ent) for ent in doc_ents(doc) if ent.label_ == "DATE"]
    covered = {i for span in spans for i in range(span.start, span.end)}
    # Only four-character words (years) and weekdays can be either.
    rows = doc.to_array([LENGTH, LOWER])
    for tok in tokens_at(doc, (rows[:, 0] == 4) | np.isin(rows[:, 1], string_ids(_WEEKDAYS))):
        if tok.i in covered:
            continue
        year = _YEAR.fullmatch(tok.text) and tok.i > 0 and doc[tok.i - 1].lower_ in _YEAR_PREPS
        weekday = tok.lower_ in _WEEKDAYS and tok.text[:1].isupper()
        if year or weekday:
            spans.append(_widen(doc[tok.i : tok.i + 1]))
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        if before is not None and span.start >= before:
            break
        if len(span) == 1 and span[0].dep_ == "nummod":
            continue  # "2000 troops" counts troops
        resolved = resolve_date_expression(span.text, published_at, words)
        if resolved is not None:
            out.append(DateMention(span, resolved))
    return out


def date_of_event(doc: Doc, event: Event, mentions: list[DateMention]) -> DateMention | None:
    """The date expression of the event's sentence nearest its verb, or None."""
    sent = event_sentence(doc, event)
    inside = [m for m in mentions if sent.start <= m.span.start < sent.end]
    if not inside:
        return None
    own = _noun_phrase_date(doc, event, inside)
    if own is not None:
        return own
    anchor = event_anchor(doc, sent, event)

    def verb(m: DateMention) -> Token:
        root = m.span.root
        return verb_of(root.head if root.dep_ == "pobj" else root)

    mine = [m for m in inside if same_event_clause(verb(m), anchor, max_up=None)]
    if not mine:
        return None
    return min(mine, key=lambda m: (tree_distance(verb(m), anchor), abs(m.span.start - anchor.i)))


def _noun_phrase_date(doc: Doc, event: Event, inside: list[DateMention]) -> DateMention | None:
    """The date inside the phrase of the event's noun ("Netanyahu's Dec. 28 meeting was scheduled
    two weeks ago", "Sunday's election", "the talks on Tuesday"): the event's own, whatever the
    clause's verb is dated by."""
    if event.trigger_start is None or event.trigger_end is None:
        return None
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = span.root
    for m in inside:
        root = m.span.root
        if m.span.start <= noun.i < m.span.end:
            continue
        head = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
        if head == noun:
            return m
    return None


def _lede_end(doc: Doc) -> int:
    """Where the lede ends: after its first sentences of some length (headings such as "ABSTRACT.",
    "FULL TEXT." or a one-word kicker are not the lede)."""
    counted = 0
    for sent in doc.sents:
        if sum(not t.is_punct for t in sent) >= _LEDE_MIN_WORDS:
            counted += 1
            if counted == _LEDE_SENTENCES:
                return sent.end
    return len(doc)


def story_date(doc: Doc, mentions: list[DateMention], published: date | None,
               lede_end: int | None = None) -> ResolvedDate | None:
    """The day the story reports (point 4 of the module docstring), or None."""
    if published is None:
        return None
    lede_end = _lede_end(doc) if lede_end is None else lede_end
    for m in mentions:
        if m.span.start >= lede_end:
            break
        if m.date.granularity != "day":
            continue
        try:
            day = date.fromisoformat(m.date.value)
        except ValueError:
            continue
        if timedelta(0) <= published - day <= _STORY_WINDOW:
            return m.date
    return None


def date_events(doc: Doc, article: Article, events: list[Event], words: DateWords,
                story: ResolvedDate | None = None) -> ResolvedDate | None:
    """Fill ``date``, ``date_granularity`` and ``date_text`` on each event (``words`` as
    ``dates.expressions.read_date_words`` gives them); return the story's day found in ``doc``'s
    lede (``story`` when it has none: a title is dated by its body's lede)."""
    ref = lenient_reference_date(article.published_at)
    if not events:  # nothing to date: only the lede's days are wanted (for the title)
        if story is not None:
            return story
        lede_end = _lede_end(doc)
        return story_date(doc, find_dates(doc, ref, words, before=lede_end), ref, lede_end)
    mentions = find_dates(doc, ref, words)
    story = story_date(doc, mentions, ref) or story
    for event in events:
        found = date_of_event(doc, event, mentions)
        if found is not None:
            resolved = found.date
            if event.modality == "future":  # "will meet on Tuesday": the coming Tuesday
                resolved = resolve_date_expression(found.span.text, ref, words, future=True) or resolved
            event.date = resolved.value
            event.date_granularity = resolved.granularity
            event.date_text = found.span.text
        elif story is not None and event.modality != "future":
            event.date = story.value
            event.date_granularity = "day"
            event.date_text = None  # not said in the event's sentence: the lede's day
        elif ref is not None:
            event.date = ref.isoformat()
            event.date_granularity = "day"
            event.date_text = None
    return story
