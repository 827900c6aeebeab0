"""How English says where: locative prepositions, verbs and nouns of movement, place nouns and
anaphors, the verbs and gatherings that set a story's scene, read from ``data/locatives.yaml``
(by ``stages.Knowledge.load``, once per process, in ``PlaceLexicons``)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from spacy.tokens import Token

from wirewatch.places.gazetteer import DATA


@dataclass(frozen=True, slots=True)
class Locatives:
    at_place: frozenset[str]
    towards: frozenset[str]
    surface: frozenset[str]
    motion_verbs: frozenset[str]
    locative_adjectives: frozenset[str]
    anaphors: dict[str, str]
    place_nouns: frozenset[str]
    place_object_verbs: frozenset[str]
    place_only_object_verbs: frozenset[str] = frozenset()
    motion_nouns: frozenset[str] = frozenset()
    point_prepositions: frozenset[str] = frozenset()
    scene_verbs: frozenset[str] = frozenset()
    gathering_nouns: frozenset[str] = frozenset()


def read_locatives() -> Locatives:
    raw = yaml.safe_load((DATA / "locatives.yaml").read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in raw.get(key) or ())

    return Locatives(
        at_place=words("at_place"),
        towards=words("towards"),
        surface=words("surface"),
        motion_verbs=words("motion_verbs"),
        locative_adjectives=words("locative_adjectives"),
        anaphors={str(k): str(v) for k, v in (raw.get("anaphors") or {}).items()},
        place_nouns=words("place_nouns"),
        place_object_verbs=words("place_object_verbs"),
        place_only_object_verbs=words("place_only_object_verbs"),
        motion_nouns=words("motion_nouns"),
        point_prepositions=words("point_prepositions"),
        scene_verbs=words("scene_verbs"),
        gathering_nouns=words("gathering_nouns"),
    )


def is_place_noun(tok: Token, loc: Locatives) -> bool:
    """Whether ``tok`` is a noun of place ("border", "waters") that a demonym can locate."""
    return tok.lemma_.casefold() in loc.place_nouns or tok.lower_ in loc.place_nouns

