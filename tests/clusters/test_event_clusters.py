"""Reports of one real event across articles become one cluster; different events stay apart."""

from __future__ import annotations

from typing import Any

from wirewatch.clusters import cluster_events
from wirewatch.clusters.dates import interval


def report(event_id: str, article_id: str, **fields: Any) -> dict[str, Any]:
    row = {
        "event_id": event_id, "article_id": article_id, "char_start": 0,
        "source_code": "RUSMIL", "source_text": "Russian troops", "target_code": "VEN", "target_text": "Venezuela",
        "cameo_code": "150", "cameo_root": "15", "plover_type": "mobilize", "modality": "asserted",
        "certainty": "high", "date": None, "place_geonameid": None, "place_name": None, "place_country": None,
        "published_at": "2024-05-03", "publisher": "Outlet A", "url": None,
    }
    row.update(fields)
    return row


def test_three_outlets_reporting_one_deployment_make_one_cluster() -> None:
    rows = [
        report("e1", "a1", published_at="2024-05-04T08:00:00", publisher="Daily Express", date="2024-05-03",
               place_geonameid=3625428, place_name="Venezuela", place_country="VEN"),
        report("e2", "a2", published_at="2024-05-03T19:00:00", publisher="Reuters", modality="hedged", certainty="medium"),
        report("e3", "a3", published_at="2024-05-05", publisher="El Pais", source_code=None, source_text="the Russian military",
               date="2024-05"),
        report("e3b", "a3", published_at="2024-05-05", publisher="El Pais"),  # repeated in one article
    ]
    rows[2]["source_code"] = "RUSMIL"  # resolved the same way by the actor stage
    clusters, assignment = cluster_events(rows)
    assert len(clusters) == 1
    (cluster,) = clusters
    assert set(assignment) == {"e1", "e2", "e3", "e3b"} and len(set(assignment.values())) == 1
    assert cluster["first_article_id"] == "a2"  # Reuters published first
    assert cluster["articles"] == 3 and cluster["outlets"] == 3 and cluster["events"] == 4
    assert cluster["modality"] == "asserted"  # two of three articles assert it
    assert cluster["certainty"] == "high"
    assert cluster["place_name"] == "Venezuela" and cluster["date"] == "2024-05-03"


def test_same_actors_weeks_apart_or_elsewhere_are_different_events() -> None:
    rows = [
        report("e1", "a1", date="2024-05-03"),
        report("e2", "a2", date="2024-06-20", published_at="2024-06-21"),
        report("e3", "a3", date="2024-05-03", place_geonameid=2988507, place_name="Paris", place_country="FRA"),
        report("e4", "a4", date="2024-05-03", place_geonameid=3646738, place_name="Caracas", place_country="VEN"),
        report("e5", "a5", date="2024-05-03", cameo_code="042", cameo_root="04", plover_type="consult"),
        report("e6", "a6", date="2024-05-03", target_code="COL", target_text="Colombia"),
    ]
    clusters, assignment = cluster_events(rows)
    # Paris and Caracas are two events; e1 (unplaced) belongs to one of them, not a third.
    assert assignment["e3"] != assignment["e4"]
    assert assignment["e1"] in (assignment["e3"], assignment["e4"])
    assert len({assignment[e] for e in ("e1", "e2", "e5", "e6")}) == 4
    assert len(clusters) == 5


def test_actors_without_codes_match_on_their_names() -> None:
    rows = [
        report("e1", "a1", source_code=None, source_text="The Teamsters union", target_code=None, target_text="Amazon"),
        report("e2", "a2", source_code=None, source_text="Teamsters union", target_code=None, target_text="amazon",
               published_at="2024-05-04"),
    ]
    clusters, assignment = cluster_events(rows)
    assert assignment["e1"] == assignment["e2"]
    assert clusters[0]["articles"] == 2 and clusters[0]["outlets"] == 1


def test_events_with_no_actor_at_all_are_never_merged() -> None:
    rows = [report(f"e{i}", f"a{i}", source_code=None, source_text=None, target_code=None, target_text=None) for i in range(3)]
    clusters, _ = cluster_events(rows)
    assert len(clusters) == 3


def test_date_intervals() -> None:
    assert interval("2024-05", None)[0].isoformat() == "2024-05-01"
    assert interval("2024-02", None)[1].isoformat() == "2024-02-29"
    assert interval("2022/2025", None)[1].isoformat() == "2025-12-31"
    start, end = interval(None, "2024-05-03T10:00:00Z")
    assert (start.isoformat(), end.isoformat()) == ("2024-05-01", "2024-05-03")
    assert interval(None, None) is None
