"""Events as JSON Lines in PLOVER's interchange layout (PLOVER manual, "PLOVER JSON" table).

PLOVER names an event's sides ``actor`` and ``recipient`` (lists of entity objects) and its
categories ``event``/``mode``/``context`` (lists). Fields PLOVER has no name for (CAMEO code,
modality, who claims it) are kept under their wirewatch names, which the manual allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from wirewatch.export.event_dates import day_range


def _entity(text: str | None, code: str | None, country: str | None, sector: str | None) -> list[dict[str, Any]]:
    if not (text or code):
        return []
    return [{"raw_text": text, "code": code, "country_name": country, "sector_code": sector}]


def plover_record(event: Mapping[str, Any], article: Mapping[str, Any], coder: str) -> dict[str, Any]:
    start, end = day_range(event.get("date"), article.get("published_at"))
    record: dict[str, Any] = {
        "id": event["event_id"],
        "has_event": True,
        "date": start,
        "actor": _entity(event.get("source_text"), event.get("source_code"), event.get("source_country"), event.get("source_sector")),
        "recipient": _entity(event.get("target_text"), event.get("target_code"), event.get("target_country"), event.get("target_sector")),
        "event": [str(event["plover_type"]).upper()],
        "event_text": [event.get("evidence")],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "mode": [event["plover_mode"]] if event.get("plover_mode") else [],
        "context": list(event.get("plover_contexts") or []),
        "cite_info": {
            "article_id": event.get("article_id"),
            "url": article.get("url"),
            "publisher": article.get("publisher"),
            "published_at": article.get("published_at"),
        },
        "coder": coder,
        "cameo_code": event.get("cameo_code"),
        "modality": event.get("modality"),
        "certainty": event.get("certainty"),
        "claim_id": event.get("claim_id"),
        "claimant": event.get("claimant"),
        "date_text": event.get("date_text"),
    }
    if end and end != start:
        record["enddate"] = end
    if event.get("cluster_id"):
        record["link"] = event["cluster_id"]
    if event.get("place_name") or event.get("lat") is not None:
        record["event_loc"] = {
            "name": event.get("place_name"),
            "raw_text": event.get("place_text"),
            "country_name": event.get("place_country"),
            "geonameid": event.get("place_geonameid"),
            "lat": event.get("lat"),
            "lon": event.get("lon"),
        }
    return record


def write_plover_jsonl(
    events: Iterable[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]], out: TextIO, coder: str
) -> int:
    count = 0
    for event in events:
        record = plover_record(event, articles.get(event["article_id"], {}), coder)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
