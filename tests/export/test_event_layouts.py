"""Event-only layouts: PLOVER JSON Lines and the GDELT 2.0-style TSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.export import ExportError, export_store
from wirewatch.export.event_dates import day_range
from wirewatch.export.gdelt_tsv import COLUMNS
from wirewatch.store import EventQuery, open_store


def _export(db: Path, what: str, fmt: str, out: Path):
    with open_store(db, read_only=True) as store:
        return export_store(store, what, fmt, out, EventQuery(include_all_modalities=True))


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        ("2024-05-03", None, ("2024-05-03", "2024-05-03")),
        ("2024-02", None, ("2024-02-01", "2024-02-29")),
        ("2023", None, ("2023-01-01", "2023-12-31")),
        ("2022/2025-03", None, ("2022-01-01", "2025-03-31")),
        (None, "2025-11-03T10:00:00", ("2025-11-03", "2025-11-03")),
        (None, None, (None, None)),
    ],
)
def test_day_range(date, published, expected) -> None:
    assert day_range(date, published) == expected


# The manual's names (PLOVER_MANUAL, "Data Formats"), written here as facts to check against.
PLOVER_RECORD = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
                 "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
                 "coder", "coded_date", "coded_time", "comment"}
PLOVER_ENTITY = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity", "office",
                 "gender", "age", "raw_text", "entity_name", "wikidata_id", "wiki_description", "country_name",
                 "sector_code", "other_sector_codes"}
PLOVER_LOCATION = {"extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district", "province",
                   "country", "country_code", "feature_class", "feature_code", "resolution"}
PLOVER_CITATION = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
                   "codebook", "version"}
# Our own additions, named so in the export's docstring.
OURS = {"event_ids", "cameo_code", "modality", "certainty", "claim_id", "claimant", "date_text", "date_granularity",
        "wirewatch_code", "article_id", "published_at"}


def _plover(db: Path, tmp_path: Path) -> dict[str, dict]:
    (written,) = _export(db, "events", "plover", tmp_path / "events.plover.jsonl")
    records = [json.loads(line) for line in written.path.read_text(encoding="utf-8").splitlines()]
    assert written.rows == len(records)
    return {r["event"][0]: r for r in records}


def test_plover_record_field_by_field(filled_db: Path, tmp_path: Path) -> None:
    records = _plover(filled_db, tmp_path)
    assert sorted(records) == ["AID", "ASSAULT", "INFLUENCE", "PROTEST"]
    for record in records.values():
        assert set(record) <= PLOVER_RECORD | OURS, set(record) - PLOVER_RECORD - OURS
        assert {"id", "date", "actor", "event"} <= set(record)  # the manual's required fields
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) <= PLOVER_ENTITY | OURS
            assert entity["code"] is None or len(entity["code"]) == 3  # PLOVER's 3-character top-level code
        assert set(record["cite_info"]) <= PLOVER_CITATION | OURS
        assert set(record.get("event_loc", {})) <= PLOVER_LOCATION
        assert record["modality"] in ("asserted", "negated", "hypothetical", "future", "hedged")
    aid = records["AID"]
    assert aid["actor"] == [{"code": "RUS", "country_name": "Russia", "sector": None, "sector_code": None,
                             "entity_text": "Russia", "raw_text": "Russia", "wirewatch_code": "RUS"}]
    assert (aid["recipient"][0]["code"], aid["recipient"][0]["country_name"]) == ("VEN", "Venezuela")
    assert (aid["date"], aid["enddate"]) == ("2025-11-01", "2025-11-30")  # month granularity
    assert aid["date_granularity"] == "month"
    assert aid["mode"] == ["military"] and aid["context"] == ["military"]
    assert aid["claimant"] == "Kyrylo Budanov" and aid["modality"] == "asserted"
    assert aid["cite_info"]["url"] == "https://www.dailystar.co.uk/news/x"
    assert aid["cite_info"]["publication"] == "Daily Star" and aid["cite_info"]["codebook"] == "PLOVER 2.0"
    assert aid["event_loc"] == {
        "extracted_place": "Venezuela", "resolved_place": "Venezuela", "geonameid": 3625428, "lat": 8.0, "lon": -66.0,
        "country": "Venezuela", "country_code": "VEN", "feature_class": "A", "feature_code": "PCLI", "resolution": 1,
    }
    assert records["INFLUENCE"]["event_loc"]["resolution"] == 4  # Mexico City is a city
    influence_actor = records["INFLUENCE"]["actor"][0]
    assert (influence_actor["code"], influence_actor["sector"], influence_actor["wirewatch_code"]) == ("RUS", "MED", "RUSMED")
    assert records["ASSAULT"]["date"] == "2025-11-03" and "enddate" not in records["ASSAULT"]  # from publication
    assert records["ASSAULT"]["modality"] == "hypothetical"
    assert records["INFLUENCE"]["context"] == ["misinformation"]


def test_plover_codes_for_non_state_entities() -> None:
    from wirewatch.export.plover_jsonl import plover_code

    assert [plover_code(c, None) for c in ("IGOUNOHCR", "IGOEUREU", "IGOWSTNAT", "NGOHRIHRW", "MNC")] == \
        ["UNO", "EUR", "IGO", "NGO", "MNC"]
    assert plover_code("RUSGOV", "RUS") == "RUS"


def test_plover_joins_joint_and_reciprocal_acts(tmp_path: Path) -> None:
    from wirewatch.records import Analysis, Article, Event

    text = "The United States and France accused Russia. Israel and Lebanon renewed negotiations."
    article = Article(article_id="a" * 16, text=text, published_at="2025-01-02")

    def event(event_id: str, source: str, target: str, cameo: str, plover: str, sentence: int, rule: str) -> Event:
        return Event(event_id=event_id, article_id=article.article_id, sentence_index=sentence, char_start=0,
                     char_end=10, evidence=text.split(". ")[sentence], source_text=source, source_code=source,
                     source_country=source, source_sector=None, target_text=target, target_code=target,
                     target_country=target, target_sector=None,
                     cameo_code=cameo, cameo_root=cameo[:2], quad_class=3, goldstein=-2.0, plover_type=plover,
                     rule=rule, confidence=0.9)

    events = [event("e1" * 8, "USA", "RUS", "112", "accuse", 0, "accuse"),
              event("e2" * 8, "FRA", "RUS", "112", "accuse", 0, "accuse"),
              event("e3" * 8, "ISR", "LBN", "046", "consult", 1, "negotiate reciprocal"),
              event("e4" * 8, "LBN", "ISR", "046", "consult", 1, "negotiate reciprocal"),
              event("e5" * 8, "ISR", "SYR", "046", "consult", 1, "negotiate reciprocal"),
              event("e6" * 8, "SYR", "ISR", "046", "consult", 1, "negotiate reciprocal")]
    db = tmp_path / "joint.duckdb"
    with open_store(db) as store:
        store.write_batch([Analysis(article=article, events=events)])
    (written,) = _export(db, "events", "plover", tmp_path / "joint.plover.jsonl")
    records = [json.loads(line) for line in written.path.read_text(encoding="utf-8").splitlines()]
    (accuse,) = [r for r in records if r["event"] == ["ACCUSE"]]
    assert [e["code"] for e in accuse["actor"]] == ["USA", "FRA"] and [e["code"] for e in accuse["recipient"]] == ["RUS"]
    # Each reciprocal pair is one record with both parties as actors; two pairs stay two acts.
    consults = sorted((sorted(e["code"] for e in r["actor"]), r["recipient"], sorted(r["event_ids"]))
                      for r in records if r["event"] == ["CONSULT"])
    assert consults == [(["ISR", "LBN"], [], ["e3" * 8, "e4" * 8]), (["ISR", "SYR"], [], ["e5" * 8, "e6" * 8])]


def test_gdelt_columns_field_by_field(filled_db: Path, tmp_path: Path) -> None:
    from wirewatch.export.gdelt_tsv import GDELT_COLUMNS

    (written,) = _export(filled_db, "events", "gdelt", tmp_path / "events.tsv")
    rows = [line.split("\t") for line in written.path.read_text(encoding="utf-8").splitlines()]
    assert len(GDELT_COLUMNS) == 61 and COLUMNS[:61] == GDELT_COLUMNS  # GDELT 2.0's order first
    assert len(rows) == 4 and all(len(r) == len(COLUMNS) for r in rows)
    by_code = {dict(zip(COLUMNS, r, strict=False))["EventCode"]: dict(zip(COLUMNS, r, strict=False)) for r in rows}
    for row in by_code.values():
        assert row["GLOBALEVENTID"].isdigit() and int(row["GLOBALEVENTID"]) < 2**63  # numeric, as in GDELT
        assert int(row["GLOBALEVENTID"]) == int(row["WirewatchEventID"][:15], 16)
    attack = by_code["190"]
    assert (attack["SQLDATE"], attack["Actor1Code"], attack["Actor2Code"]) == ("20251103", "USA", "VEN")
    assert (attack["EventDate"], attack["DateGranularity"]) == ("", "publication")  # undated: the report's day
    assert (attack["EventRootCode"], attack["QuadClass"], attack["GoldsteinScale"]) == ("19", "4", "-10.0")
    assert (attack["Modality"], attack["Certainty"]) == ("hypothetical", "low")
    aid = by_code["074"]
    # Dated to a month: no invented day, the month and year kept.
    assert (aid["SQLDATE"], aid["MonthYear"], aid["Year"], aid["FractionDate"]) == ("", "202511", "2025", "")
    assert (aid["EventDate"], aid["DateGranularity"]) == ("2025-11", "month")
    # Venezuela is a country: type 1, FIPS VE beside ISO3 VEN; actor countries stay CAMEO/ISO3.
    assert (aid["ActionGeo_Type"], aid["ActionGeo_CountryCode"], aid["ActionGeo_CountryISO3"]) == ("1", "VE", "VEN")
    assert aid["Actor1CountryCode"] == "RUS"
    campaign = by_code["010"]
    assert campaign["ActionGeo_FullName"] == "Mexico City" and campaign["ActionGeo_Type"] == "4"  # a city outside the US
    assert (campaign["ActionGeo_CountryCode"], campaign["ActionGeo_CountryISO3"]) == ("MX", "MEX")
    assert campaign["Actor1Type1Code"] == "MED"
    assert campaign["SOURCEURL"] == "https://example.org/rt-billboards"
    assert by_code["141"]["Modality"] == "negated"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [("2023", (["", "", "2023", ""], "2023", "year")),
     ("2023-05-04", (["20230504", "202305", 2023, "2023.3370"], "2023-05-04", "day")),
     ("2022/2023", (["", "", "", ""], "2022/2023", "range"))],
)
def test_gdelt_dates_keep_their_precision(stored: str, expected) -> None:
    from wirewatch.export.gdelt_tsv import date_columns

    assert date_columns(stored, "2025-09-01") == expected


def test_gdelt_place_types_and_fips() -> None:
    from wirewatch.export.gdelt_tsv import fips_code, geo_type

    assert [fips_code(c) for c in ("DEU", "GBR", "VEN", "USA")] == ["GM", "UK", "VE", "US"]
    assert [geo_type(k, c) for k, c in (("country", "FRA"), ("state", "USA"), ("city", "USA"), ("city", "FRA"),
                                         ("state", "FRA"), ("region", None))] == [1, 2, 3, 4, 5, None]


def test_event_layouts_refuse_other_tables(filled_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="'gdelt' holds events only"):
        _export(filled_db, "claims", "gdelt", tmp_path / "claims.tsv")
    written = _export(filled_db, "all", "plover", tmp_path / "dump")
    assert [w.path.name for w in written] == ["events.plover.jsonl"]


def test_gdelt_root_events_are_the_title_and_the_lead() -> None:
    from wirewatch.export.gdelt_tsv import COLUMNS, gdelt_row

    root = COLUMNS.index("IsRootEvent")
    flags = [gdelt_row({"event_id": "e1", "sentence_index": i, "cameo_code": "190"}, {}, "20250101")[root]
             for i in (-1, 0, 1, 7)]
    assert flags == ["1", "1", "0", "0"]
