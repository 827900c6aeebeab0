"""Where a story is told: the place its statements and meetings happen.

1. The dateline's place ("BEIRUT (AP) -", "JERUSALEM -"): where the reporter heard them.
2. Else the first place in the text that locates a verb of saying or meeting ("Wang said in
   Moscow", "Obama welcomed leaders to the White House") or a gathering ("Carter told the
   Shangri-La Dialogue, a forum in Singapore", "a news briefing ... in Beijing"): the words are in
   ``data/locatives.yaml`` (``scene_verbs``, ``gathering_nouns``).

Only things said or met take the scene (``geoparse``): a physical act happens where its own
clause puts it, and a reporter filing from Beirut says nothing of where a shelling in Syria was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from wirewatch.nlp.doc_text import doc_text
from wirewatch.nlp.event_anchor import verb_of
from wirewatch.places.gazetteer import Gazetteer, Place
from wirewatch.places.locatives import Locatives
from wirewatch.places.placement import placement
from wirewatch.places.resolve import ToponymWords, resolve_toponyms
from wirewatch.places.toponyms import Toponym

# A place in capitals, an optional ", Region" and "(Credit)", then a dash; U+FFFD is a dash that
# lost its encoding on the way ("BEIRUT (AP) \ufffd A Kurdish ...").
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\u2019-]{2,40}?)(?P<region>,\s*[A-Z][\w. ]{1,30})?\s*(?P<credit>\([^)]{1,40}\))?"
    r"\s*[-\u2013\u2014\ufffd]"
)
# A bare name in capitals before a dash ("JERUSALEM -") is a dateline only if it names a country or
# a city this large: "NATO - the alliance ..." is not filed from Nato in the Philippines.
_BARE_DATELINE_POPULATION = 100_000
# Any capitalised place, an optional ", Region" or date, then a wire credit with or without
# parentheses and a dash: "Kyiv, Ukraine (AP) -", "Moscow, SANA-"; kept only when the credit is a
# wire service or registered agency (``media.credits``), so "Washington, he said -" opens nothing.
_CREDITED = re.compile(
    r"^\s*(?P<place>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})(?:,\s*[^,()\n]{1,30}?)??,?\s*"
    r"\(?(?P<credit>[A-Z][\w.&' ]{1,30}?)\)?\s*[-\u2013\u2014\ufffd]"
)
_DATELINE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Scene:
    text: str  # as the article writes it
    place: Place


def story_scene(doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer, words: ToponymWords,
                loc: Locatives, agency_named: Callable[[str], str | None]) -> Scene | None:
    """The story's scene (see the module docstring), or None when the article names none.
    ``agency_named``: the wire service or registered agency a credit names, if any
    (``media.credits.MediaKnowledge.agency_named``)."""
    return dateline_scene(doc, gazetteer, words, agency_named) or _spoken_scene(toponyms, loc)


def dateline_scene(doc: Doc, gazetteer: Gazetteer, words: ToponymWords,
                   agency_named: Callable[[str], str | None]) -> Scene | None:
    head = doc_text(doc)[:_DATELINE_CHARS]
    match = _DATELINE.match(head)
    bare = False
    if match:
        name = match.group("place").strip()
        bare = not (match.group("region") or match.group("credit"))
    else:
        credited = _CREDITED.match(head)
        if not credited or agency_named(credited.group("credit")) is None:
            return None
        name = credited.group("place")
    place = resolve_toponyms([name], gazetteer, words)[0].place
    if place is None or (bare and place.kind == "city" and place.population < _BARE_DATELINE_POPULATION):
        return None
    return Scene(name, place)


def _spoken_scene(toponyms: Sequence[Toponym], loc: Locatives) -> Scene | None:
    for top in toponyms:  # in text order: the first scene named is the story's
        if top.place is None or top.place.country is None or top.anaphor is not None or top.demonym:
            continue
        placed = placement(top, verb_of(top.span.root), loc)
        if placed is None or placed.modifier:
            continue  # "the US embassy in Baghdad" sets no scene for "US"
        if placed.verb.lemma_.casefold() in loc.scene_verbs or _gathering(placed.host.lemma_, placed.host.lower_, loc):
            return Scene(top.text, top.place)
    return None


def _gathering(lemma: str, word: str, loc: Locatives) -> bool:
    return lemma.casefold() in loc.gathering_nouns or word in loc.gathering_nouns
