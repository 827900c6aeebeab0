"""Geoparsing evaluation on GeoWebNews: accuracy at 161 km on gold toponym spans.

Every gold toponym that has coordinates is resolved with our gazetteer and disambiguation, in the
context of the other toponyms of its article (as the geoparser resolves an article's names together).
A toponym counts as right when the chosen point is within 161 km (100 miles) of the gold point;
an unresolved toponym counts as wrong. ``resolved_acc161`` is the same accuracy over resolved ones.

The rules were tuned on the dev set, so the whole-set figure flatters them. Each figure is also
given on two fixed halves of the articles (``acc161_tune`` / ``acc161_held``, and likewise
``resolved_acc161_*``, ``coverage_*``, ``n_*``): an article whose ``file`` number is even is in the
tune half, odd in the held half (a name that is no number falls by a CRC of it). Changes are read
against the tune half's misses only; the held half is reported as figures, never as errors, so it
stays the estimate of unseen news. The misses listed are the tune half's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.places.distance import haversine_km
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from wirewatch.places.resolve import read_toponym_words, resolve_toponyms
from wirewatch.settings import Settings

__all__ = ["DEFAULT_PATH", "evaluate", "half_of", "haversine_km", "read_gold"]

DEFAULT_PATH = Path("../shared/data/geowebnews/GWN.dev.xml")
KM_THRESHOLD = 161.0
MAX_MISSES = 200


@dataclass(frozen=True, slots=True)
class GoldToponym:
    article: str
    name: str
    geonameid: int | None
    lat: float
    lon: float
    kind: str  # GeoWebNews type: Literal, Metonymic, Non_Literal_Modifier, ...
    half: str = "tune"  # see half_of


def half_of(article_file: str) -> str:
    """"tune" or "held": even article numbers tune, odd ones are held back."""
    number = int(article_file) if article_file.isdigit() else zlib.crc32(article_file.encode("utf-8"))
    return "tune" if number % 2 == 0 else "held"


def read_gold(path: Path) -> dict[str, list[GoldToponym]]:
    """Gold toponyms with coordinates, grouped by article, in the GeoWebNews XML layout."""
    files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise EvalDataError(f"{path}: no GeoWebNews XML file found (expected GWN.*.xml or a folder of them)")
    gold: dict[str, list[GoldToponym]] = {}
    for file in files:
        try:
            root = ET.parse(file).getroot()
        except ET.ParseError as exc:
            raise EvalDataError(f"{file}: not well-formed XML ({exc})") from exc
        articles = list(root.iter("article"))
        if not articles:
            raise EvalDataError(f"{file}: no <article> elements; not the GeoWebNews layout")
        for n, article in enumerate(articles):
            number = article.get("file") or str(n)
            article_id = f"{file.name}#{number}"
            items = gold.setdefault(article_id, [])
            for tp in article.iter("toponym"):
                lat, lon = (tp.findtext("latitude") or "").strip(), (tp.findtext("longitude") or "").strip()
                if not lat or not lon:
                    continue  # non-toponyms and unlocatable names carry no coordinates
                gid = (tp.findtext("geonamesID") or "").strip()
                items.append(
                    GoldToponym(article_id, (tp.findtext("extractedName") or "").strip(),
                                int(gid) if gid.isdigit() else None, float(lat), float(lon),
                                (tp.findtext("type") or "").strip(), half_of(number))
                )
    return gold


@dataclass(slots=True)
class _Tally:
    n: int = 0
    resolved: int = 0
    right: int = 0

    def add(self, resolved: bool, right: bool) -> None:
        self.n += 1
        self.resolved += resolved
        self.right += right

    def figures(self, suffix: str = "") -> dict[str, float | int]:
        return {
            f"acc161{suffix}": round(self.right / self.n, 4) if self.n else 0.0,
            f"n{suffix}": self.n,
            f"resolved_acc161{suffix}": round(self.right / self.resolved, 4) if self.resolved else 0.0,
            f"resolved{suffix}": self.resolved,
            f"coverage{suffix}": round(self.resolved / self.n, 4) if self.n else 0.0,
        }


def evaluate(path: Path | str = DEFAULT_PATH, settings: Settings | None = None,
             gazetteer: Gazetteer | None = None) -> EvalReport:
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"{path}: GeoWebNews set not found (pass the path of GWN.dev.xml)")
    if gazetteer is None:
        dump = settings.gazetteer_file if settings is not None else None
        gazetteer = load_gazetteer(dump) if dump is not None else default_gazetteer()
    gold = read_gold(path)
    words = read_toponym_words()
    whole = _Tally()
    halves = {"tune": _Tally(), "held": _Tally()}
    by_kind_total: Counter[str] = Counter()
    by_kind_right: Counter[str] = Counter()
    misses: list[dict[str, object]] = []
    for article_id, toponyms in gold.items():
        if not toponyms:
            continue
        results = resolve_toponyms([t.name for t in toponyms], gazetteer, words)
        for tp, res in zip(toponyms, results, strict=False):
            by_kind_total[tp.kind] += 1
            place = res.place
            distance = None
            if place is not None and place.lat is not None and place.lon is not None:
                distance = haversine_km(tp.lat, tp.lon, place.lat, place.lon)
            ok = distance is not None and distance <= KM_THRESHOLD
            whole.add(distance is not None, ok)
            halves[tp.half].add(distance is not None, ok)
            if ok:
                by_kind_right[tp.kind] += 1
            elif tp.half == "tune" and len(misses) < MAX_MISSES:  # the held half is never read as errors
                misses.append({
                    "article": article_id, "name": tp.name, "gold": [tp.lat, tp.lon],
                    "chosen": None if place is None else f"{place.name} ({place.country}, {place.kind})",
                    "km": None if distance is None else round(distance),
                })
    if whole.n == 0:
        raise EvalDataError(f"{path}: no gold toponyms with coordinates")
    figures = whole.figures()
    for half, tally in halves.items():
        figures.update(tally.figures(f"_{half}"))
    table = [("acc@161km", f"{figures['acc161']:.3f}"), ("toponyms", str(whole.n)),
             ("resolved", f"{whole.resolved} ({figures['coverage']:.1%})"),
             ("acc@161km over resolved", f"{figures['resolved_acc161']:.3f}")]
    table += [(f"acc@161km, {half} half ({tally.n} toponyms)", f"{figures[f'acc161_{half}']:.3f}")
              for half, tally in halves.items()]
    kinds = [[k, str(by_kind_total[k]), f"{by_kind_right[k] / by_kind_total[k]:.3f}"]
             for k in sorted(by_kind_total, key=lambda k: -by_kind_total[k])]
    return EvalReport(suite="geo", dataset=str(path), figures=figures, table=table, misses=misses,
                      sections={"by toponym type (type, n, acc@161km)": kinds})
