"""Whole-set downloads, `format=csv` on every route (or a clear refusal), the coded/uncoded
filter, and "N of M" totals on the claim and article pages."""

from __future__ import annotations

import csv
import io
import json

import pytest


def test_download_streams_the_whole_filtered_set(client) -> None:
    listed = client.get("/api/events?modality=all&limit=1000").json()["events"]
    response = client.get("/api/events/download?modality=all&format=json")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert json.loads(response.text) == listed
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events/download?modality=all").text)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in listed]
    assert "modality" in rows[0]
    # The default is the safe one: asserted events only.
    default = json.loads(client.get("/api/events/download?format=json").text)
    assert {e["modality"] for e in default} == {"asserted"}


def test_claims_download_streams_every_matching_claim(client) -> None:
    listed = client.get("/api/claims?limit=1000&certainty=medium").json()["claims"]
    streamed = json.loads(client.get("/api/claims/download?format=json&certainty=medium").text)
    assert streamed == listed and len(streamed) == 1
    assert len(list(csv.DictReader(io.StringIO(client.get("/api/claims/download").text)))) == 2


def test_download_of_nothing_is_a_header_or_an_empty_array(client) -> None:
    assert client.get("/api/events/download?actor=NOSUCH").text.strip().startswith("event_id,")
    assert json.loads(client.get("/api/events/download?actor=NOSUCH&format=json").text) == []


@pytest.mark.parametrize("route", ["/api/series", "/api/spans", "/api/network", "/api/actors", "/api/places",
                                   "/api/clusters", "/api/events", "/api/claims", "/api/articles",
                                   "/api/actors/search?q=Russia&"])
def test_format_csv_is_honoured(client, route: str) -> None:
    joiner = "" if route.endswith("&") else "?"
    response = client.get(f"{route}{joiner}modality=all&format=csv")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize("route", ["/api/events/count", "/api/summary", "/api/articles/0d8d"])
def test_format_csv_is_refused_clearly_where_there_is_no_table(client, route: str) -> None:
    response = client.get(f"{route}?format=csv")
    assert response.status_code == 400
    assert "answers one JSON object" in response.json()["error"]["message"]


def test_claim_and_article_pages_say_how_many_there_are(client) -> None:
    page = client.get("/api/claims?limit=1").json()
    assert len(page["claims"]) == 1 and page["total"] == 2 and page["next"]
    assert client.get("/api/articles?limit=1").json()["total"] == 2


def test_uncoded_events_are_out_by_default_and_reachable(tmp_path, samples) -> None:
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.store import open_store

    analysis = samples.mexico()
    actorless = replace(analysis.events[0], event_id="uncoded1", source_text=None, source_code=None,
                        source_country=None, source_sector=None, target_text=None, target_code=None,
                        target_country=None)
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        store.write_batch([replace(analysis, events=[*analysis.events, actorless])])
    with TestClient(create_app(db)) as client:
        def ids(query: str) -> set[str]:
            return {e["event_id"] for e in client.get(f"/api/events?modality=all&{query}").json()["events"]}

        assert "uncoded1" not in ids("")
        assert ids("coding=uncoded") == {"uncoded1"}
        assert "uncoded1" in ids("coding=all")
        assert client.get("/api/events/count?modality=all").json()["events"] == 2
        assert client.get("/api/events/count?modality=all&coding=all").json()["events"] == 3
        assert client.get("/api/events?coding=everything").status_code == 400
