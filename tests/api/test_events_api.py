"""/api/events: the filters of the issue, paging, JSON and CSV, over the hand-built store."""

from __future__ import annotations

import csv
import io

import pytest

from wirewatch.store import EVENT_FIELDS


def evidence(client, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [e["evidence"] for e in response.json()["events"]]


SENT = "Russia has sent a general and 120 military trainers to Venezuela"
ATTACK = "the United States launched an attack"
BILLBOARDS = "RT bought billboards across Mexico City"
NO_PROTEST = "Mexico did not protest the campaign"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [SENT, BILLBOARDS]),  # asserted only by default, like the CLI
        ("modality=all", [SENT, ATTACK, BILLBOARDS, NO_PROTEST]),
        ("modality=hypothetical&modality=negated", [ATTACK, NO_PROTEST]),
        ("modality=all&source=RUS&target=VEN", [SENT]),  # a dyad is directional
        ("modality=all&source=VEN&target=RUS", []),
        ("modality=all&source=RUS", [SENT, BILLBOARDS]),  # RUSMED starts with RUS
        ("modality=all&actor=rusmed", [BILLBOARDS, NO_PROTEST]),
        ("modality=all&country=MEX", [BILLBOARDS, NO_PROTEST]),
        ("modality=all&sector=MED", [BILLBOARDS]),  # by sector column, not code
        ("modality=all&type=assault", [ATTACK]),
        ("modality=all&type=19", [ATTACK]),  # CAMEO root
        ("modality=all&type=01", [BILLBOARDS]),
        ("modality=all&quad_class=3", [NO_PROTEST]),
        ("modality=all&certainty=medium&certainty=low", [SENT, ATTACK]),
        ("modality=all&attributed=true", [SENT]),
        ("modality=all&attributed=false", [ATTACK, BILLBOARDS, NO_PROTEST]),
        ("modality=all&place=mexico city", [BILLBOARDS]),
        ("modality=all&place=VEN", [SENT]),
        ("modality=all&q=BILLBOARDS", [BILLBOARDS]),
        ("modality=all&since=2025-01-01", [SENT, ATTACK]),
        ("modality=all&until=2024-12", [BILLBOARDS, NO_PROTEST]),
        # A bar's day: the event's own day, or its article's when it has none (SENT is dated
        # to a month, so it has no day; it is in the month's band: precision=month).
        ("modality=all&day_from=2025-11-03&day_to=2025-11-03", [ATTACK]),
        ("modality=all&day_from=2024-06-11", [ATTACK]),
        ("modality=all&precision=month", [SENT, BILLBOARDS]),
        ("modality=all&precision=report", [ATTACK, NO_PROTEST]),
        ("modality=all&article=0d8d", [BILLBOARDS, NO_PROTEST]),
        ("modality=all&claimant=budanov", [SENT]),
        ("modality=all&outlet=war zone", [SENT]),  # a relay in the reporting chain of its claim
        ("modality=all&state_media=true", []),
        ("modality=all&actor=' OR 1=1 --", []),  # parameterised: data, never SQL
    ],
)
def test_event_filters(client, query: str, expected: list[str]) -> None:
    assert evidence(client, query) == expected


def test_paging_follows_next_links_to_the_end(client) -> None:
    seen: list[str] = []
    url = "/api/events?modality=all&limit=3"
    pages = 0
    while url:
        body = client.get(url).json()
        assert body["limit"] == 3
        seen += [e["event_id"] for e in body["events"]]
        url = body["next"]
        pages += 1
    assert pages == 2 and len(seen) == len(set(seen)) == 4
    everything = client.get("/api/events?modality=all").json()
    assert [e["event_id"] for e in everything["events"]] == seen and everything["next"] is None


def test_csv_has_the_public_columns_and_reads_back(client) -> None:
    response = client.get("/api/events?modality=all&format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == EVENT_FIELDS
    assert [r["evidence"] for r in rows] == [SENT, ATTACK, BILLBOARDS, NO_PROTEST]
    assert rows[2]["plover_contexts"] == '["misinformation"]'


def test_claims_filters(client) -> None:
    def speakers(query: str) -> list[str]:
        return [c["speaker_name"] for c in client.get(f"/api/claims?{query}").json()["claims"]]

    assert speakers("") == ["Kyrylo Budanov", "US officials"]
    assert speakers("outlet=war zone") == ["Kyrylo Budanov"]  # a relay in the chain
    assert speakers("outlet=example times") == ["US officials"]  # the publisher
    assert speakers("speaker=USAGOV") == ["US officials"]
    assert speakers("kind=according_to") == ["US officials"]
    assert speakers("certainty=medium") == ["Kyrylo Budanov"]
    assert speakers("state_media=true") == []
    assert speakers("state_media=false") == ["Kyrylo Budanov", "US officials"]


def test_articles_list_and_one_article(client) -> None:
    listed = client.get("/api/articles").json()["articles"]
    assert [a["title"] for a in listed] == ["Putin sends general to Venezuela", "RT billboards in Mexico City"]
    one = client.get(f"/api/articles/{listed[0]['article_id'][:6]}").json()
    assert one["article"]["article_id"] == listed[0]["article_id"]
    (claim,) = one["claims"]
    text = one["article"]["text"]
    span = claim["speaker_span"]
    assert text[span["char_start"]:span["char_end"]] == "a Ukrainian intelligence chief"
    assert text[claim["cue_span"]["char_start"]:claim["cue_span"]["char_end"]] == "told"
    assert [e["modality"] for e in one["events"]] == ["asserted", "hypothetical"]
    assert one["mentions"][0]["code"] == "RUS"


def test_openapi_schema_lists_the_routes(client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/claims", "/api/articles", "/api/articles/{article_id}", "/api/series",
                 "/api/network", "/api/actors", "/api/places", "/api/clusters", "/api/summary"):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "source", "target", "country", "sector", "type", "modality", "certainty", "attributed",
            "since", "until", "place", "q", "limit", "offset", "format"} <= names
