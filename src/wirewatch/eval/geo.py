"""Geoparsing evaluation on GeoWebNews: accuracy at 161 km on gold toponym spans.

Every gold toponym that has coordinates is resolved with our gazetteer and disambiguation, in the
context of the other toponyms of its article (as the geoparser resolves an article's names together).
A toponym counts as right when the chosen point is within 161 km (100 miles) of the gold point;
an unresolved toponym counts as wrong. ``resolved_acc161`` is the same accuracy over resolved ones.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from wirewatch.places.resolve import read_toponym_words, resolve_toponyms
from wirewatch.settings import Settings

DEFAULT_PATH = Path("../shared/data/geowebnews/GWN.dev.xml")
KM_THRESHOLD = 161.0
EARTH_RADIUS_KM = 6371.0
MAX_MISSES = 200


@dataclass(frozen=True, slots=True)
class GoldToponym:
    article: str
    name: str
    geonameid: int | None
    lat: float
    lon: float
    kind: str  # GeoWebNews type: Literal, Metonymic, Non_Literal_Modifier, ...


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


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
            article_id = f"{file.name}#{article.get('file') or n}"
            items = gold.setdefault(article_id, [])
            for tp in article.iter("toponym"):
                lat, lon = (tp.findtext("latitude") or "").strip(), (tp.findtext("longitude") or "").strip()
                if not lat or not lon:
                    continue  # non-toponyms and unlocatable names carry no coordinates
                gid = (tp.findtext("geonamesID") or "").strip()
                items.append(
                    GoldToponym(article_id, (tp.findtext("extractedName") or "").strip(),
                                int(gid) if gid.isdigit() else None, float(lat), float(lon),
                                (tp.findtext("type") or "").strip())
                )
    return gold


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
    n = right = resolved = 0
    by_kind_total: Counter[str] = Counter()
    by_kind_right: Counter[str] = Counter()
    misses: list[dict[str, object]] = []
    for article_id, toponyms in gold.items():
        if not toponyms:
            continue
        results = resolve_toponyms([t.name for t in toponyms], gazetteer, words)
        for tp, res in zip(toponyms, results, strict=False):
            n += 1
            by_kind_total[tp.kind] += 1
            place = res.place
            distance = None
            if place is not None and place.lat is not None and place.lon is not None:
                resolved += 1
                distance = haversine_km(tp.lat, tp.lon, place.lat, place.lon)
            ok = distance is not None and distance <= KM_THRESHOLD
            if ok:
                right += 1
                by_kind_right[tp.kind] += 1
            elif len(misses) < MAX_MISSES:
                misses.append({
                    "article": article_id, "name": tp.name, "gold": [tp.lat, tp.lon],
                    "chosen": None if place is None else f"{place.name} ({place.country}, {place.kind})",
                    "km": None if distance is None else round(distance),
                })
    if n == 0:
        raise EvalDataError(f"{path}: no gold toponyms with coordinates")
    acc = right / n
    resolved_acc = right / resolved if resolved else 0.0
    figures: dict[str, float | int] = {
        "acc161": round(acc, 4), "n": n, "resolved_acc161": round(resolved_acc, 4),
        "resolved": resolved, "coverage": round(resolved / n, 4),
    }
    table = [("acc@161km", f"{acc:.3f}"), ("toponyms", str(n)), ("resolved", f"{resolved} ({resolved / n:.1%})"),
             ("acc@161km over resolved", f"{resolved_acc:.3f}")]
    kinds = [[k, str(by_kind_total[k]), f"{by_kind_right[k] / by_kind_total[k]:.3f}"]
             for k in sorted(by_kind_total, key=lambda k: -by_kind_total[k])]
    return EvalReport(suite="geo", dataset=str(path), figures=figures, table=table, misses=misses,
                      sections={"by toponym type (type, n, acc@161km)": kinds})
