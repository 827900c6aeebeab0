"""What every interface shows by default is above the confidence floor (events.confidence): an
event the model holds very likely wrong stays stored, reachable with a lower --min-confidence, and
is counted nowhere by default (listing, CLI, API parameters, aggregates read the same query)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.events.confidence import SHOWN_FLOOR
from wirewatch.records import Analysis, Article, Event
from wirewatch.store import EventQuery, open_store
from wirewatch.store.filters import EVENT_FILTERS
from wirewatch.store.query import QueryError

TEXT = "Russia sent trainers to Venezuela. It also sent bombers."


def _event(event_id: str, phrase: str, confidence: float) -> Event:
    start = TEXT.index(phrase)
    return Event(event_id=event_id, article_id="a", sentence_index=0, char_start=start, char_end=start + len(phrase),
                 evidence=phrase, source_text="Russia", source_code="RUS", source_country="RUS", source_sector=None,
                 target_text="Venezuela", target_code="VEN", target_country="VEN", target_sector=None,
                 cameo_code="072", cameo_root="07", quad_class=2, goldstein=8.3, plover_type="AID",
                 confidence=confidence)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.duckdb"
    article = Article(article_id="a", text=TEXT, published_at="2025-01-02")
    with open_store(path) as store:
        store.write_batch([Analysis(article=article, events=[
            _event("sure", "Russia sent trainers to Venezuela", 0.8),
            _event("doubtful", "It also sent bombers", SHOWN_FLOOR / 2),
        ])])
    return path


def _ids(db: Path, query: EventQuery) -> set[str]:
    with open_store(db, read_only=True) as store:
        return {r["event_id"] for r in store.events(query)}


def test_the_floor_hides_what_the_model_holds_very_likely_wrong(db: Path) -> None:
    assert _ids(db, EventQuery()) == {"sure"}
    assert _ids(db, EventQuery(min_confidence=0)) == {"sure", "doubtful"}
    assert _ids(db, EventQuery(min_confidence=0.9)) == set()
    assert EVENT_FILTERS.build({}).min_confidence == SHOWN_FLOOR  # the CLI's and the API's default
    with pytest.raises(QueryError, match="between 0 and 1"):
        _ids(db, EventQuery(min_confidence=1.5))
    with pytest.raises(QueryError, match="between 0 and 1"):
        _ids(db, EventQuery(min_confidence=-0.1))
    assert _ids(db, EventQuery.every(event_ids=("doubtful",))) == {"doubtful"}  # rows picked by id stay


def test_the_cli_option(db: Path) -> None:
    def run(*args: str) -> set[str]:
        result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return {r["event_id"] for r in json.loads(result.stdout)}

    assert run() == {"sure"}
    assert run("--min-confidence", "0") == {"sure", "doubtful"}
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--min-confidence", "2"])
    assert result.exit_code != 0 and "min-confidence" in result.output


def test_the_api_pages_every_event_it_counts(db: Path) -> None:
    """A page lists exactly the events its filter counts, those under the floor too when asked."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from wirewatch.api import create_app

    with TestClient(create_app(db)) as client:
        for params, expected in (({}, {"sure"}), ({"min_confidence": 0}, {"sure", "doubtful"})):
            page = client.get("/api/events", params=params).json()
            assert {e["event_id"] for e in page["events"]} == expected
            assert client.get("/api/events/count", params=params).json()["events"] == len(expected)
        refused = client.get("/api/events", params={"min_confidence": 2})
        assert refused.status_code == 400 and "min_confidence" in refused.text


def test_the_store_default_and_shown_by_default_are_one_condition(tmp_path: Path) -> None:
    """The evaluations and the confidence's training count as "shown" what
    ``events.confidence.shown_by_default`` says; the store's default query must pick exactly those
    events, over every mix of modality, actor form (coded, only named, none) and confidence."""
    from dataclasses import replace
    from itertools import product

    from wirewatch.events.confidence import shown_by_default

    base = _event("x", "Russia sent trainers to Venezuela", 0.8)
    actors = {
        "coded": {},
        "source named only": {"source_code": None, "source_country": None, "target_text": None,
                              "target_code": None, "target_country": None},
        "target coded only": {"source_text": None, "source_code": None, "source_country": None,
                              "target_text": None},
        "none": {"source_text": None, "source_code": None, "source_country": None,
                 "target_text": None, "target_code": None, "target_country": None},
    }
    events = [
        replace(base, event_id=f"{modality}|{form}|{confidence}", modality=modality, confidence=confidence, **fields)
        for modality, (form, fields), confidence in product(
            ("asserted", "hedged", "negated"), actors.items(), (0.0, SHOWN_FLOOR, 0.9))
    ]
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_batch([Analysis(article=Article(article_id="a", text=TEXT, published_at="2025-01-02"),
                                    events=events)])
    expected = {e.event_id for e in events if shown_by_default(e)}
    assert expected and expected != {e.event_id for e in events}
    assert _ids(path, EventQuery()) == expected
