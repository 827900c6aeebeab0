"""The place stage's lexicons, read together: how English says where (``data/locatives.yaml``)
and what a place name may be trimmed of before lookup (``data/toponym_words.yaml``).

``stages.Knowledge.load`` builds one ``PlaceLexicons`` per process and hands it to
``locate_events`` with the gazetteer; nothing in ``places/`` reads these files on its own. The
gazetteer itself is loaded apart (``gazetteer.load_gazetteer``): it is the largest table, and the
geo eval and the exports share it. The wire services (``media.credits.MediaKnowledge``), which the
actor and claim stages are handed too, come with them: a credited dateline sets the story's scene.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.media.credits import MediaKnowledge
from wirewatch.places.locatives import Locatives, read_locatives
from wirewatch.places.resolve import ToponymWords, read_toponym_words


@dataclass(frozen=True, slots=True)
class PlaceLexicons:
    locatives: Locatives
    toponyms: ToponymWords
    media: MediaKnowledge  # which credits name a wire service: "Kyiv, Ukraine (AP) -" is a dateline

    @classmethod
    def load(cls, media: MediaKnowledge) -> PlaceLexicons:
        return cls(locatives=read_locatives(), toponyms=read_toponym_words(), media=media)
