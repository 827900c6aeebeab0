"""Series, network, actors, places and clusters: counts that agree with the event list."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from wirewatch.store import EventQuery, open_store
from wirewatch.store.aggregates import ActorsQuery, ClustersQuery, NetworkQuery, SeriesQuery


def test_series_per_day_by_dyad_and_goldstein(client) -> None:
    # Day bars hold the events with a day: the two undated ones sit on their articles' days. The
    # two dated only to a month have no day, so no bar (they are bands: test_spans_...).
    rows = client.get("/api/series?modality=all&by=dyad").json()["series"]
    assert rows == [
        {"period": "2024-06-10", "key": "MEX→RUS", "events": 1, "goldstein": -6.5},
        {"period": "2025-11-03", "key": "USA→VEN", "events": 1, "goldstein": -10.0},
    ]
    # Weeks start on Monday; 2025-11-03 is one.
    weekly = client.get("/api/series?modality=all&by=quad_class&interval=week&target=VEN").json()["series"]
    assert weekly == [{"period": "2025-11-03", "key": "4", "events": 1, "goldstein": -10.0}]
    monthly = client.get("/api/series?modality=all&by=none&interval=month").json()["series"]
    assert [(r["period"], r["events"]) for r in monthly] == [("2024-06-01", 1), ("2025-11-01", 1)]
    yearly = client.get("/api/series?modality=all&by=none&interval=year").json()["series"]
    assert [(r["period"], r["events"]) for r in yearly] == [("2024-01-01", 1), ("2025-01-01", 1)]


def test_spans_hold_the_events_dated_to_a_month_or_year_and_link_to_them(client) -> None:
    spans = client.get("/api/spans?modality=all").json()["spans"]
    assert spans == [
        {"start": "2024-06-01", "end": "2024-06-30", "precision": "month", "events": 1},
        {"start": "2025-11-01", "end": "2025-11-30", "precision": "month", "events": 1},
    ]
    for span in spans:
        behind = client.get(f"/api/events?modality=all&precision={span['precision']}"
                            f"&since={span['start']}&until={span['end']}").json()["events"]
        assert len(behind) == span["events"]
        assert all(e["date"] == span["start"][:7] for e in behind)


def test_every_series_bar_links_to_exactly_its_events(client) -> None:
    for row in client.get("/api/series?modality=all&by=plover_type").json()["series"]:
        events = client.get(
            f"/api/events?modality=all&type={row['key']}&day_from={row['period']}&day_to={row['period']}"
        ).json()["events"]
        assert len(events) == row["events"], row


def test_network_edges_split_cooperation_and_conflict(client) -> None:
    edges = {(e["source"], e["target"]): e for e in client.get("/api/network?modality=all").json()["edges"]}
    assert edges[("RUS", "VEN")] | {} == {"source": "RUS", "target": "VEN", "events": 1, "cooperation": 1, "conflict": 0,
                                          "goldstein": 3.4, "source_name": "Russia", "target_name": "Venezuela"}
    assert edges[("USA", "VEN")]["conflict"] == 1
    assert edges[("MEX", "RUS")]["conflict"] == 1  # a negated protest is still coded verbal conflict
    by_code = {(e["source"], e["target"]) for e in client.get("/api/network?modality=all&level=code").json()["edges"]}
    assert ("RUSMED", "MEX") in by_code and ("MEXGOV", "RUSMED") in by_code
    for (source, target), edge in edges.items():
        behind = client.get(f"/api/events?modality=all&source={source}&target={target}").json()["events"]
        assert len(behind) == edge["events"]


def test_actors_have_counts_and_top_partners(client) -> None:
    actors = {a["actor"]: a for a in client.get("/api/actors?modality=all&level=country").json()["actors"]}
    assert actors["RUS"]["events"] == 3 and actors["RUS"]["as_source"] == 2 and actors["RUS"]["as_target"] == 1
    assert actors["RUS"]["partners"] == [{"actor": "MEX", "events": 2}, {"actor": "VEN", "events": 1}]
    assert actors["VEN"]["goldstein_mean"] == pytest.approx((3.4 - 10.0) / 2, abs=0.01)
    assert actors["RUS"]["name"] == "Russia"
    by_code = {a["actor"]: a["name"] for a in client.get("/api/actors?modality=all").json()["actors"]}
    assert by_code["MEXGOV"] == "Mexico, government" and by_code["RUSMED"] == "Russia, media"


def test_event_pages_carry_names_for_their_codes(client) -> None:
    page = client.get("/api/events?modality=all").json()
    assert page["names"]["MEXGOV"] == "Mexico, government" and page["names"]["VEN"] == "Venezuela"


def test_actor_search_turns_words_into_codes(client) -> None:
    for words, code in (("Russia", "RUS"), ("Putin", "RUSGOV"), ("the Kremlin", "RUSGOV"), ("NATO", "IGOWSTNAT")):
        codes = [c["code"] for c in client.get("/api/actors/search", params={"q": words}).json()["codes"]]
        assert code in codes, (words, codes)
    assert "BLR" not in [c["code"] for c in client.get("/api/actors/search?q=Russia").json()["codes"]]


def test_places_for_the_map(client) -> None:
    places = client.get("/api/places?modality=all").json()["places"]
    assert {(p["place_name"], p["lat"], p["lon"], p["events"]) for p in places} == {
        ("Venezuela", 8.0, -66.0, 1), ("Mexico City", 19.43, -99.13, 1)
    }


def test_summary_counts(client) -> None:
    summary = client.get("/api/summary?modality=all").json()
    assert summary["totals"]["events"] == 4 and summary["totals"]["claims"] == 2
    assert summary["matching"] | {} == {
        "events": 4, "articles": 2, "attributed": 1, "cooperation": 2, "conflict": 2,
        "day": 2, "spanned": 2, "undated": 0, "first_day": "2024-06-01", "last_day": "2025-11-30",
    }
    assert summary["watch"] is None


def _set_clusters(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET cluster_id = 'c-venezuela' WHERE target_country = 'VEN'")


def test_clusters_from_events_without_a_clusters_table(db_path: Path, samples) -> None:
    with open_store(db_path) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    _set_clusters(db_path)
    with open_store(db_path, read_only=True) as store:
        (row,) = store.fetch(ClustersQuery(EventQuery(include_all_modalities=True)))  # type: ignore[arg-type]
    assert row["cluster_id"] == "c-venezuela" and row["events"] == 2 and row["articles"] == 1
    assert row["first_day"] == row["last_day"] == "2025-11-03"


def test_clusters_route_adds_the_stored_cluster_row(db_path: Path, samples) -> None:
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app

    with open_store(db_path) as store:
        store.write_batch([samples.venezuela()])
    _set_clusters(db_path)
    with duckdb.connect(str(db_path)) as con:  # every migrated store has the cluster table
        con.execute("DELETE FROM event_clusters")
        con.execute(
            "INSERT INTO event_clusters BY NAME SELECT * FROM (VALUES ('c-venezuela', 'aid', 'e1', 'a1', 2, 1, 1))"
            " v(cluster_id, plover_type, first_event_id, first_article_id, events, articles, outlets)"
        )
    with TestClient(create_app(db_path)) as client:
        body = client.get("/api/clusters?modality=all").json()
    assert body["clusters_table"] is True
    assert body["clusters"][0]["cluster_id"] == "c-venezuela" and body["clusters"][0]["events"] == 2
    assert body["clusters"][0]["cluster"]["plover_type"] == "aid"


def test_aggregate_queries_are_parameterised() -> None:
    hostile = "x'); DROP TABLE events; --"
    for query in (SeriesQuery(EventQuery(actor=hostile)), NetworkQuery(EventQuery(place=hostile)),
                  ActorsQuery(EventQuery(text=hostile))):
        sql, params = query.sql()
        assert hostile not in sql and hostile in params
