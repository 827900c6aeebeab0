"""Which verb a place mention locates, read off the parse.

A toponym locates a verb when a locative preposition governs it ("in Cuba", "near Venezuela",
"close to the region"; "to Venezuela" and "through the Strait" only for movement: a verb of
movement or a noun of travel, "his trip to Israel"; "on" and "over" only for place nouns: "on the
border"), or when it is the object of a verb like "shelled" and is a town or region, or a
demonym's place noun ("shelled a Syrian city"), not a country (that is an actor). Shared by the
event places (``geoparse``) and the story's scene (``scene``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirewatch.nlp.event_anchor import verb_of
from wirewatch.places.locatives import Locatives, is_place_noun
from wirewatch.places.toponyms import Toponym

# Dependencies a place name climbs through to reach the word its phrase hangs on.
_WALK_UP = frozenset({"compound", "poss", "amod", "appos", "conj", "nmod", "npadvmod", "nummod"})
_AREAS = frozenset({"country", "region"})


@dataclass(frozen=True, slots=True)
class Placement:
    verb: Token  # the verb whose act happens at the place
    modifier: bool  # the toponym only modifies the noun that locates ("the US embassy in Baghdad": US)
    host: Token  # the word the locative phrase hangs on: the verb itself, or a noun ("a forum in Singapore")


def placement(top: Toponym, anchor: Token, loc: Locatives) -> Placement | None:
    """Where ``top`` puts an act, for an event whose verb is ``anchor``; None when it locates
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
            if not _is_locative(head, tok, anchor, loc) or _point_at_area(head, top, loc):
                return None
            return Placement(verb_of(head), modifier, head.head)
        if tok.dep_ == "dobj" and head.lemma_.casefold() in loc.place_object_verbs:
            # "shelled Qamishli" and "shelled a Syrian city" say where the shelling was;
            # "attacked Ukraine" names an actor.
            if top.place is None or (top.place.kind == "country" and not top.demonym):
                return None
            return Placement(head, modifier, head)
        return None


def _point_at_area(prep: Token, top: Toponym, loc: Locatives) -> bool:
    return prep.lower_ in loc.point_prepositions and top.place is not None and top.place.kind in _AREAS


def _is_locative(prep: Token, noun: Token, anchor: Token, loc: Locatives) -> bool:
    word = prep.lower_
    if word in loc.at_place:
        return True
    if word in loc.surface:
        moving = verb_of(prep).lemma_.casefold() in loc.motion_verbs
        return moving or is_place_noun(noun, loc)
    if word in loc.towards:
        host = prep.head.lemma_.casefold()
        if host in loc.locative_adjectives or host in loc.motion_nouns:
            return True
        verb = verb_of(prep)
        return verb.lemma_.casefold() in loc.motion_verbs or anchor.lemma_.casefold() in loc.motion_verbs
    return False
