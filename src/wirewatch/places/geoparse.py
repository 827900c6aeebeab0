"""Where each event happened: the place its sentence puts it, by syntax.

1. ``find_toponyms`` (``places.toponyms``) lists and resolves the article's place mentions.
2. For each event, the candidate verbs (``nlp.event_anchor``): the verb of its target, of its source,
   the root of its span.
3. For each verb in turn, the toponyms that locate it: governed by a locative preposition ("in
   Cuba", "near Venezuela", "close to the region"; "to Venezuela" and "through the Strait" only
   for verbs of movement; "on" and "over" only for place nouns: "on the border"), or the object
   of a verb like "shelled" when it is a town or region, not a country (that is an actor). Nearest
   in the tree wins; a place that only modifies ("the US embassy in Baghdad") yields to one that
   locates. Clauses of reason, report or relative clauses do not lend their places.
4. With none, the article's dateline place ("BEIRUT (AP) -") is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.doc_text import doc_text
from wirewatch.nlp.event_anchor import event_anchors, event_sentence, same_event_clause, tree_distance, verb_of
from wirewatch.places.gazetteer import Gazetteer, Place
from wirewatch.places.lexicons import PlaceLexicons
from wirewatch.places.locatives import Locatives, is_place_noun
from wirewatch.places.resolve import ToponymWords, resolve_toponyms
from wirewatch.places.toponyms import Toponym, find_toponyms
from wirewatch.records import Article, Event

__all__ = ["Toponym", "find_toponyms", "locate_events", "place_of_event"]

_WALK_UP = frozenset({"compound", "poss", "amod", "appos", "conj", "nmod", "npadvmod", "nummod"})
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\u2019-]{2,40}?)(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]")


def _placement(top: Toponym, anchor: Token, loc: Locatives) -> tuple[Token, bool] | None:
    """The verb whose event the toponym locates, and whether the toponym only modifies the noun
    that does ("the US embassy in Baghdad": US modifies, Baghdad locates); None when it locates
    nothing (subjects, objects of talk, agents)."""
    tok = top.span.root
    modifier = False
    while True:
        while tok.dep_ in _WALK_UP and tok.head.i != tok.i:
            modifier = modifier or tok.dep_ not in ("conj", "appos")  # "in Paris and Lyon" both locate
            tok = tok.head
        head = tok.head
        if tok.dep_ == "pobj" and head.pos_ in ("ADP", "SCONJ", "ADV"):
            # "off the coast of Venezuela", "the Syrian city of Aleppo": climb through "of".
            if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
                tok = head.head
                continue
            return (verb_of(head), modifier) if _is_locative(head, tok, anchor, loc) else None
        if tok.dep_ == "dobj" and head.lemma_.casefold() in loc.place_object_verbs:
            # "shelled Qamishli" is where the shelling was; "attacked Ukraine" names an actor.
            return (head, modifier) if top.place is not None and top.place.kind != "country" else None
        return None


def _is_locative(prep: Token, noun: Token, anchor: Token, loc: Locatives) -> bool:
    word = prep.lower_
    if word in loc.at_place:
        return True
    if word in loc.surface:
        moving = verb_of(prep).lemma_.casefold() in loc.motion_verbs
        return moving or is_place_noun(noun, loc)
    if word in loc.towards:
        if prep.head.lemma_.casefold() in loc.locative_adjectives:
            return True
        verb = verb_of(prep)
        return verb.lemma_.casefold() in loc.motion_verbs or anchor.lemma_.casefold() in loc.motion_verbs
    return False


def _dateline(doc: Doc, gazetteer: Gazetteer, words: ToponymWords) -> tuple[str, Place] | None:
    match = _DATELINE.match(doc_text(doc)[:120])
    if not match:
        return None
    name = match.group(1).strip()
    res = resolve_toponyms([name], gazetteer, words)[0]
    return (name, res.place) if res.place is not None else None


def place_of_event(doc: Doc, event: Event, toponyms: Sequence[Toponym], loc: Locatives) -> Toponym | None:
    """The toponym where ``event`` happened, or None when its sentence does not say."""
    sent = event_sentence(doc, event)
    for anchor in event_anchors(doc, sent, event):
        found = _place_for_anchor(sent, anchor, toponyms, loc)
        if found is not None:
            return found
    return None


def _place_for_anchor(sent: Span, anchor: Token, toponyms: Sequence[Toponym], loc: Locatives) -> Toponym | None:
    best: tuple[tuple[int, int, int], Toponym] | None = None
    for top in toponyms:
        if top.place is None or not (sent.start <= top.span.start < sent.end):
            continue
        if top.demonym and not is_place_noun(top.span.root.head, loc):
            continue
        placed = _placement(top, anchor, loc)
        if placed is None or not same_event_clause(placed[0], anchor):
            continue
        verb, modifier = placed
        rank = (tree_distance(verb, anchor), int(modifier), abs(top.span.start - anchor.i))
        if best is None or rank < best[0]:
            best = (rank, top)
    return best[1] if best else None


def locate_events(
    doc: Doc, article: Article, events: list[Event], gazetteer: Gazetteer, lexicons: PlaceLexicons
) -> None:
    """Fill ``place_text, place_name, place_country, place_geonameid, lat, lon`` on each event."""
    if not events:
        return
    toponyms = find_toponyms(doc, gazetteer, lexicons, article.title)
    dateline = _dateline(doc, gazetteer, lexicons.toponyms)
    for event in events:
        top = place_of_event(doc, event, toponyms, lexicons.locatives)
        if top is not None and top.place is not None:
            _fill(event, top.text, top.place)
        elif dateline is not None:
            _fill(event, dateline[0], dateline[1])


def _fill(event: Event, text: str, place: Place) -> None:
    event.place_text = text
    event.place_name = place.name
    event.place_country = place.country
    event.place_geonameid = place.geonameid
    event.lat = place.lat
    event.lon = place.lon
