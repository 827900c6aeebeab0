"""Where each event happened: the place its sentence puts it, by syntax, else the story's scene.

1. ``find_toponyms`` (``places.toponyms``) lists and resolves the article's place mentions.
2. For each event, the candidate verbs (``nlp.event_anchor``): the verb of its target, of its source,
   the root of its span.
3. For each verb in turn, the toponyms that locate it (``places.placement``: a locative
   preposition, the object of a verb like "shelled"). Nearest in the tree wins; a place that only
   modifies ("the US embassy in Baghdad") yields to one that locates. Clauses of reason, report or
   relative clauses do not lend their places. When the article says where its speakers are, a
   thing said or met (CAMEO's verbal quad classes) is not located by a place that is only part
   of what was said: "warned China against provocative behaviour in the South China Sea" was not
   said in the South China Sea. (When it does not, that place is the best guess left.)
4. With none, a thing said or met on the story's occasion takes the story's scene
   (``places.scene``: the dateline, or where the story's speakers are, "said in Moscow"); a
   physical act takes no place rather than the reporter's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.event_anchor import event_anchors, event_sentence, same_event_clause, tree_distance
from wirewatch.places.gazetteer import Gazetteer, Place
from wirewatch.places.lexicons import PlaceLexicons
from wirewatch.places.locatives import Locatives, is_place_noun
from wirewatch.places.placement import Placement
from wirewatch.places.placement import placement as _placement
from wirewatch.places.scene import Scene, story_scene
from wirewatch.places.toponyms import Toponym, find_toponyms
from wirewatch.records import Article, Event

__all__ = ["Toponym", "find_toponyms", "locate_events", "on_the_occasion", "place_of_event", "said_or_met"]

# CAMEO quad classes 1 and 3 (verbal cooperation, verbal conflict: roots 01-05, 09-13) are things
# said or met; 2 and 4 (material cooperation, material conflict) are done on the ground.
_VERBAL_QUADS = frozenset({1, 3})


def said_or_met(event: Event) -> bool:
    """Whether the event is a statement or a meeting: it happens where its speakers are."""
    return event.quad_class in _VERBAL_QUADS


def on_the_occasion(doc: Doc, event: Event) -> bool:
    """Whether the event is told as said or met on the story's occasion, not in the perfect
    ("Trump has said ...", "China has lobbied ...", "they had met before"): the perfect tells of
    other occasions, at other places, so the story's scene is not theirs. The event's verb and
    the verbs reporting it are read."""
    sent = event_sentence(doc, event)
    tok = event_anchors(doc, sent, event)[0]
    while True:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head


def place_of_event(doc: Doc, event: Event, toponyms: Sequence[Toponym], loc: Locatives,
                   talked_about_yields: bool = False) -> Toponym | None:
    """The toponym where ``event`` happened, or None when its sentence does not say; with
    ``talked_about_yields``, a place only talked about does not count (step 3)."""
    sent = event_sentence(doc, event)
    for anchor in event_anchors(doc, sent, event):
        found = _place_for_anchor(sent, anchor, toponyms, loc, talked_about_yields)
        if found is not None:
            return found
    return None


def _place_for_anchor(sent: Span, anchor: Token, toponyms: Sequence[Toponym], loc: Locatives,
                      talked_about_yields: bool) -> Toponym | None:
    best: tuple[tuple[int, int, int], Toponym] | None = None
    for top in toponyms:
        if top.place is None or not (sent.start <= top.span.start < sent.end):
            continue
        if top.demonym and not is_place_noun(top.span.root.head, loc):
            continue
        placed = _placement(top, anchor, loc)
        if placed is None or not same_event_clause(placed.verb, anchor):
            continue
        if talked_about_yields and _only_talked_about(placed, loc):
            continue
        rank = (tree_distance(placed.verb, anchor), int(placed.modifier), abs(top.span.start - anchor.i))
        if best is None or rank < best[0]:
            best = (rank, top)
    return best[1] if best else None


def _only_talked_about(placed: Placement, loc: Locatives) -> bool:
    """The place hangs on a noun of what is said ("behaviour in the South China Sea", "a
    solution in Syria"), not on the verb, a gathering ("a news conference in Beijing") or a
    place noun ("a base near Aleppo")."""
    host = placed.host
    if host.pos_ not in ("NOUN", "PROPN") or host == placed.verb:
        return False
    lemma = host.lemma_.casefold()
    return not (lemma in loc.gathering_nouns or host.lower_ in loc.gathering_nouns or is_place_noun(host, loc))


def locate_events(
    doc: Doc, article: Article, events: list[Event], gazetteer: Gazetteer, lexicons: PlaceLexicons,
    scene: Scene | None = None,
) -> Scene | None:
    """Fill ``place_text, place_name, place_country, place_geonameid, lat, lon`` on each event.

    Returns the story's scene: the text's own, else ``scene`` (a title is told where its body is:
    ``events.titles`` passes the body's)."""
    toponyms = find_toponyms(doc, gazetteer, lexicons, article.title) if events else []
    scene = story_scene(doc, toponyms, gazetteer, lexicons.toponyms, lexicons.locatives,
                        lexicons.media.agency_named) or scene
    for event in events:
        verbal = said_or_met(event)
        # A place only talked about yields to where the speakers are, when the article says it.
        top = place_of_event(doc, event, toponyms, lexicons.locatives, verbal and scene is not None)
        if top is not None and top.place is not None:
            _fill(event, top.text, top.place)
        elif scene is not None and verbal and on_the_occasion(doc, event):
            _fill(event, scene.text, scene.place)
    return scene


def _fill(event: Event, text: str, place: Place) -> None:
    event.place_text = text
    event.place_name = place.name
    event.place_country = place.country
    event.place_geonameid = place.geonameid
    event.lat = place.lat
    event.lon = place.lon
