"""Events as a GDELT 2.0-style event table: GDELT's 61 tab-separated columns, no header.

What differs from GDELT itself, so nobody is surprised: GLOBALEVENTID is our hex
``event_id``; geographic country codes are ISO 3166 alpha-3 (GDELT uses FIPS 10-4), and
ActionGeo_Type is 4 (a place) when coordinates are known, else 1 (a country);
each row is one report, so NumMentions/NumSources/NumArticles are 1 (``cluster_id``
links reports of the same event); AvgTone is empty; only the action location is filled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date as Date
from datetime import datetime, timezone
from typing import Any, TextIO

from wirewatch.export.event_dates import day_range

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)


def _clean(value: Any) -> str:
    # Tabs and newlines inside a value would shift every later column.
    return "" if value is None else " ".join(str(value).split())


def _actor(name: Any, code: Any, country: Any, sector: Any) -> list[Any]:
    return [code, name, country, "", "", "", "", sector, "", ""]


def gdelt_row(event: Mapping[str, Any], article: Mapping[str, Any], added: str) -> list[str]:
    start, _ = day_range(event.get("date"), article.get("published_at"))
    day = Date.fromisoformat(start) if start else None
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    located = event.get("lat") is not None
    action_geo = [
        4 if located else (1 if event.get("place_country") else ""),
        event.get("place_name"), event.get("place_country"), "", "", event.get("lat"), event.get("lon"),
        event.get("place_geonameid"),
    ]
    cameo = str(event.get("cameo_code") or "")
    row: list[Any] = [
        event["event_id"],
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        fraction,
        *_actor(event.get("source_text"), event.get("source_code"), event.get("source_country"), event.get("source_sector")),
        *_actor(event.get("target_text"), event.get("target_code"), event.get("target_country"), event.get("target_sector")),
        1 if event.get("sentence_index") == 0 else 0,
        cameo, cameo[:3], event.get("cameo_root"), event.get("quad_class"), event.get("goldstein"),
        1, 1, 1, "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *action_geo,
        added, article.get("url") or article.get("source") or "",
    ]
    return [_clean(v) for v in row]


def write_gdelt_tsv(events: Iterable[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]], out: TextIO) -> int:
    added = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
    count = 0
    for event in events:
        out.write("\t".join(gdelt_row(event, articles.get(event["article_id"], {}), added)) + "\n")
        count += 1
    return count
