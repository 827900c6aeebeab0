"""One record per real event: reports of the same event across articles, clustered.

Two event reports are of the same event when they have the same source and target actor
(codes, else their names), the same CAMEO root, compatible dates (see ``dates``) and
compatible places (same place, or one of them unplaced). This is GDELT's best-known flaw
turned round: GDELT counts reports; a cluster counts an event once, and says how many
articles and outlets reported it, which outlet was first, and what most reports say about
its modality and certainty.

Clustering is greedy in date order within each (source, target, root) group, so its cost
grows with the number of events times the few open clusters of one group, never all pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from wirewatch.clusters.dates import Interval, interval, narrower, overlap
from wirewatch.records import CERTAINTIES, MODALITIES, stable_id

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def actor_key(code: str | None, text: str | None) -> str | None:
    if code:
        return code.upper()
    if text:
        return _LEADING_ARTICLE.sub("", " ".join(text.split())).casefold()
    return None


def outlet_of(row: dict[str, Any]) -> str | None:
    if row.get("publisher"):
        return str(row["publisher"]).strip().casefold()
    if row.get("url"):
        host = urlparse(str(row["url"])).netloc.lower()
        return host.removeprefix("www.") or None
    return None


@dataclass(slots=True)
class EventCluster:
    key: tuple[str | None, str | None, str]
    when: Interval | None
    place: tuple[Any, Any] | None  # (geonameid, country) of the first placed report
    rows: list[dict[str, Any]] = field(default_factory=list)

    def accepts(self, when: Interval | None, place: tuple[Any, Any] | None) -> bool:
        return overlap(self.when, when) and _same_place(self.place, place)

    def add(self, row: dict[str, Any], when: Interval | None, place: tuple[Any, Any] | None) -> None:
        self.rows.append(row)
        self.when = narrower(self.when, when)
        self.place = self.place or place

    def summary(self) -> dict[str, Any]:
        first = min(self.rows, key=_report_order)
        by_article: dict[str, dict[str, Any]] = {}
        for row in sorted(self.rows, key=_report_order):
            by_article.setdefault(row["article_id"], row)  # one vote per article
        modality = _best(Counter(r["modality"] for r in by_article.values()), MODALITIES)
        certainty = _best(
            Counter(r["certainty"] for r in by_article.values() if r["modality"] == modality),
            tuple(reversed(CERTAINTIES)),
        )
        placed = next((r for r in self.rows if r.get("place_name")), {})
        dated = next((r for r in sorted(self.rows, key=_report_order) if r.get("date")), {})
        return {
            "cluster_id": stable_id("event-cluster", *self.key, first["event_id"]),
            "first_event_id": first["event_id"],
            "first_article_id": first["article_id"],
            "first_reported": first.get("published_at"),
            "events": len(self.rows),
            "articles": len(by_article),
            "outlets": len({o for r in self.rows if (o := outlet_of(r))}),
            "source": first.get("source_code") or first.get("source_text"),
            "target": first.get("target_code") or first.get("target_text"),
            "cameo_code": first.get("cameo_code"),
            "plover_type": first.get("plover_type"),
            "date": dated.get("date"),
            "place_name": placed.get("place_name"),
            "place_country": placed.get("place_country"),
            "modality": modality,
            "certainty": certainty,
        }


def _report_order(row: dict[str, Any]) -> tuple[bool, str, str, int]:
    published = row.get("published_at")
    return (published is None, published or "", row["article_id"], row.get("char_start") or 0)


def _best(votes: Counter[str], preference: tuple[str, ...]) -> str | None:
    """Most votes; ties go to the earlier value in ``preference``."""
    if not votes:
        return None
    rank = {v: i for i, v in enumerate(preference)}
    return min(votes, key=lambda v: (-votes[v], rank.get(v, len(rank)), v))


def _same_place(a: tuple[Any, Any] | None, b: tuple[Any, Any] | None) -> bool:
    if a is None or b is None:
        return True
    (id_a, country_a), (id_b, country_b) = a, b
    if country_a and country_b and country_a != country_b:
        return False
    return id_a is None or id_b is None or id_a == id_b


def _place(row: dict[str, Any]) -> tuple[Any, Any] | None:
    if row.get("place_geonameid") is None and not row.get("place_country"):
        return None
    return row.get("place_geonameid"), row.get("place_country")


def cluster_events(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Cluster summaries and the cluster id of every event row.

    Rows need the event fields (``event_id``, ``article_id``, actors, ``cameo_code``,
    ``cameo_root``, ``modality``, ``certainty``, ``date``, places) plus the article's
    ``published_at``, ``publisher`` and ``url``.
    """
    groups: dict[tuple[str | None, str | None, str], list[dict[str, Any]]] = {}
    for row in rows:
        key = (
            actor_key(row.get("source_code"), row.get("source_text")),
            actor_key(row.get("target_code"), row.get("target_text")),
            str(row.get("cameo_root") or (row.get("cameo_code") or "")[:2]),
        )
        if key[0] is None and key[1] is None:
            key = (None, None, f"{key[2]}:{row['event_id']}")  # nobody to match on: its own event
        groups.setdefault(key, []).append(row)
    clusters: list[EventCluster] = []
    for key, members in groups.items():
        clusters += _cluster_group(key, members)
    summaries: list[dict[str, Any]] = []
    assignment: dict[str, str] = {}
    for cluster in clusters:
        summary = cluster.summary()
        summaries.append(summary)
        for row in cluster.rows:
            assignment[row["event_id"]] = summary["cluster_id"]
    return summaries, assignment


def _cluster_group(key: tuple[str | None, str | None, str], members: list[dict[str, Any]]) -> list[EventCluster]:
    """Placed reports first, in date order, so places decide which events exist; an unplaced
    report then joins the compatible event most articles report (it could be any of them)."""
    dated = [(interval(r.get("date"), r.get("published_at")), _place(r), r) for r in members]
    dated.sort(key=lambda t: (t[0] is None, t[0] or (), _report_order(t[2])))
    found: list[EventCluster] = []
    open_clusters: list[EventCluster] = []
    for when, place, row in (t for t in dated if t[1] is not None):
        if when is not None:
            # Sorted by start day: a cluster that ended before this report began is closed.
            open_clusters = [c for c in open_clusters if c.when is None or c.when[1] >= when[0]]
        home = next((c for c in reversed(open_clusters) if c.accepts(when, place)), None)
        if home is None:
            home = EventCluster(key, None, None)
            open_clusters.append(home)
            found.append(home)
        home.add(row, when, place)
    for when, place, row in (t for t in dated if t[1] is None):
        fits = [c for c in found if c.accepts(when, place)]
        home = max(fits, key=lambda c: len({r["article_id"] for r in c.rows}), default=None)
        if home is None:
            home = EventCluster(key, None, None)
            found.append(home)
        home.add(row, when, place)
    return found
