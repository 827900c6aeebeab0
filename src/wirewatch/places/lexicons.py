"""The place stage's lexicons, read together: how English says where (``data/locatives.yaml``)
and what a place name may be trimmed of before lookup (``data/toponym_words.yaml``).

``stages.Knowledge.load`` builds one ``PlaceLexicons`` per process and hands it to
``locate_events`` with the gazetteer; nothing in ``places/`` reads these files on its own. The
gazetteer itself is loaded apart (``gazetteer.load_gazetteer``): it is the largest table, and the
geo eval and the exports share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.places.locatives import Locatives, read_locatives
from wirewatch.places.resolve import ToponymWords, read_toponym_words


@dataclass(frozen=True, slots=True)
class PlaceLexicons:
    locatives: Locatives
    toponyms: ToponymWords

    @classmethod
    def load(cls) -> PlaceLexicons:
        return cls(locatives=read_locatives(), toponyms=read_toponym_words())
