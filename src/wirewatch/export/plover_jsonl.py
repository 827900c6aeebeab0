"""Events as JSON Lines in PLOVER's interchange layout (PLOVER manual, chapter "Data Formats").

Field by field, as the manual names them:

- the record ("PLOVER JSON" table): ``id``, ``date`` and ``enddate`` (YYYY-MM-DD: a month-
  or year-precise date spans its first to last day), ``actor`` and ``recipient`` (lists of
  entity objects), ``event``/``mode``/``context`` (lists), ``event_text``, ``quad_code``,
  ``event_scale``, ``event_loc``, ``link`` (our cluster of reports of one event), ``cite_info``,
  ``coder``, ``coded_date``;
- entities ("Information object for entities", and the example actor block of "Country Names
  and Sector Codes"): ``code`` is PLOVER's 3-character top-level code (the country's ISO3, or
  one of the manual's non-state codes IGO, UNO, EUR, NGO, IMG, MNC), ``country_name`` its name,
  ``sector``/``sector_code`` the 3-character sector, ``entity_text``/``raw_text`` the words;
  our full code (``RUSGOV``) rides along as ``wirewatch_code``;
- ``event_loc`` ("Location object"): ``extracted_place``, ``resolved_place``, ``geonameid``,
  ``lat``, ``lon``, ``country``, ``country_code``, ``feature_class``, ``feature_code``,
  ``resolution`` (1 country, 2 province, 4 city);
- ``cite_info`` ("Information object for citations"): ``url``, ``title``, ``language``,
  ``publication``, ``coder``, ``codebook``.

Joint acts become one record, as the manual's "Compound and Reciprocal Actors" asks: the two
directed events of a reciprocal act (a meeting, an agreement signed together) are one event
whose actors are both parties and no recipient; directed events of one sentence with the same
code, modality and recipient are one event with every actor ("the US and France accused
Russia"), and likewise one actor acting on several recipients. ``event_ids`` lists the stored
events a record stands for.

Fields PLOVER has no name for (CAMEO code, modality, certainty, who claims it) are kept under
their wirewatch names, which the manual allows ("Providers should feel free to include named
fields beyond those provided here").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

from wirewatch.actors.names import country_name, sector_names
from wirewatch.export.event_dates import day_range
from wirewatch.export.place_kinds import place_kind

CODEBOOK = "PLOVER 2.0"
# The manual's non-state "country" codes, and the prefixes of our codes that belong to each.
NON_STATE = {"IGO": "International Governmental Organization", "UNO": "United Nations", "EUR": "European Union",
             "NGO": "Non-governmental Organization", "ISM": "International Social Movement",
             "IMG": "Transnational Militarized Group", "MNC": "Multi-national Corporation"}
# PLOVER's location resolution, by what the place is.
RESOLUTION = {"country": 1, "state": 2, "city": 4}
FEATURE = {"country": ("A", "PCLI"), "state": ("A", "ADM1"), "city": ("P", "PPL"), "region": ("L", "RGN")}


def plover_code(code: str | None, country: str | None) -> str | None:
    """PLOVER's 3-character top-level code: the country, or the non-state code (UN bodies are
    UNO, the EU is EUR, other organisations IGO/NGO/IMG/MNC)."""
    if country:
        return country
    if not code:
        return None
    if code.startswith("IGOUNO"):
        return "UNO"
    if code.startswith("IGOEUR"):
        return "EUR"
    return code[:3] if code[:3] in NON_STATE else None


def _entity(text: str | None, code: str | None, country: str | None, sector: str | None) -> dict[str, Any] | None:
    if not (text or code):
        return None
    top = plover_code(code, country)
    rest = (code or "")[len(top or ""):] if top and code and code.startswith(top) else ""
    sector = sector or (rest[:3] if rest[:3] in sector_names() else None)
    return {
        "code": top,
        "country_name": country_name(top) or NON_STATE.get(top or ""),
        "sector": sector,
        "sector_code": sector,
        "entity_text": text,
        "raw_text": text,
        "wirewatch_code": code,
    }


def _location(event: Mapping[str, Any]) -> dict[str, Any] | None:
    if not (event.get("place_name") or event.get("place_text") or event.get("lat") is not None):
        return None
    kind = place_kind(event.get("place_geonameid"), event.get("place_name"), event.get("place_country"))
    feature_class, feature_code = FEATURE.get(kind or "", (None, None))
    return {
        "extracted_place": event.get("place_text"),
        "resolved_place": event.get("place_name"),
        "geonameid": event.get("place_geonameid"),
        "lat": event.get("lat"),
        "lon": event.get("lon"),
        "country": country_name(event.get("place_country")),
        "country_code": event.get("place_country"),
        "feature_class": feature_class,
        "feature_code": feature_code,
        "resolution": RESOLUTION.get(kind or ""),
    }


def plover_record(event: Mapping[str, Any], article: Mapping[str, Any], coder: str, coded_date: str | None = None) -> dict[str, Any]:
    start, end = day_range(event.get("date"), article.get("published_at"))
    actor = _entity(event.get("source_text"), event.get("source_code"), event.get("source_country"), event.get("source_sector"))
    recipient = _entity(event.get("target_text"), event.get("target_code"), event.get("target_country"), event.get("target_sector"))
    record: dict[str, Any] = {
        "id": event["event_id"],
        "date": start,
        "actor": [actor] if actor else [],
        "recipient": [recipient] if recipient else [],
        "event": [str(event["plover_type"]).upper()],
        "event_text": [event.get("evidence")],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "mode": [event["plover_mode"]] if event.get("plover_mode") else [],
        "context": list(event.get("plover_contexts") or []),
        "cite_info": {
            "url": article.get("url"),
            "title": article.get("title"),
            "language": article.get("language"),
            "publication": article.get("publisher"),
            "coder": coder,
            "codebook": CODEBOOK,
            "article_id": event.get("article_id"),
            "published_at": article.get("published_at"),
        },
        "coder": coder,
        "coded_date": coded_date,
        "event_ids": [event["event_id"]],
        "cameo_code": event.get("cameo_code"),
        "modality": event.get("modality"),
        "certainty": event.get("certainty"),
        "claim_id": event.get("claim_id"),
        "claimant": event.get("claimant"),
        "date_text": event.get("date_text"),
        "date_granularity": event.get("date_granularity"),
    }
    if end and end != start:
        record["enddate"] = end
    if event.get("cluster_id"):
        record["link"] = event["cluster_id"]
    location = _location(event)
    if location:
        record["event_loc"] = location
    return record


def _key(event: Mapping[str, Any]) -> tuple[Any, ...]:
    """Events that may be one joint act: one sentence, one code, one modality, one date."""
    return (event.get("article_id"), event.get("sentence_index"), event.get("cameo_code"), event.get("modality"),
            event.get("date"), event.get("claim_id"))


def _side_key(entities: list[dict[str, Any]]) -> tuple[Any, ...]:
    return tuple(sorted(str(e.get("wirewatch_code") or e.get("entity_text")) for e in entities))


def _merge_into(kept: dict[str, Any], other: dict[str, Any], side: str) -> None:
    known = {_side_key([e]) for e in kept[side]}
    kept[side] += [e for e in other[side] if _side_key([e]) not in known]
    kept["event_ids"] += other["event_ids"]
    kept["event_text"] += [t for t in other["event_text"] if t not in kept["event_text"]]


def joint_records(group: list[tuple[Mapping[str, Any], dict[str, Any]]]) -> list[dict[str, Any]]:
    """One sentence's records of one act, joined as PLOVER lists compound and reciprocal actors."""
    # A reciprocal act is stored as two directed events, A->B and B->A: each such pair is one
    # record with both as actors. Pairs stay apart ("signed agreements with Nicaragua and
    # Venezuela" is two bilateral acts, not one among three).
    pairs: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event, record in group:
        if not str(event.get("rule") or "").endswith(" reciprocal"):
            continue
        both = {**record, "actor": record["actor"] + record["recipient"], "recipient": []}
        key = _side_key(both["actor"])
        if key in pairs:
            _merge_into(pairs[key], both, "actor")
        else:
            pairs[key] = both
    out = list(pairs.values())
    directed = [r for e, r in group if not str(e.get("rule") or "").endswith(" reciprocal")]
    # Same recipient, several actors; then same actors, several recipients. A record with an
    # empty other side (no recipient) is joined with nothing: its actors did not share an act.
    for side, other_side in (("actor", "recipient"), ("recipient", "actor")):
        joined: dict[tuple[Any, ...], dict[str, Any]] = {}
        for n, record in enumerate(directed):
            key = _side_key(record[other_side]) or ("alone", n)
            if key in joined:
                _merge_into(joined[key], record, side)
            else:
                joined[key] = record
        directed = list(joined.values())
    return out + directed


def write_plover_jsonl(
    events: Iterable[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]], out: TextIO, coder: str
) -> int:
    """Write one PLOVER record per act (joint acts joined); returns how many records were written."""
    coded_date = datetime.now(UTC).strftime("%Y-%m-%d")
    groups: dict[tuple[Any, ...], list[tuple[Mapping[str, Any], dict[str, Any]]]] = {}
    for event in events:
        record = plover_record(event, articles.get(event["article_id"], {}), coder, coded_date)
        groups.setdefault(_key(event), []).append((event, record))
    count = 0
    for group in groups.values():
        for record in joint_records(group):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
