"""The query layer: typed filters -> parameterised SQL -> rows with the public field names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirewatch.records import Article, Claim, Event, field_names
from wirewatch.store import (
    ARTICLE_FIELDS,
    CLAIM_FIELDS,
    EVENT_FIELDS,
    ArticleQuery,
    ClaimQuery,
    EventQuery,
    QueryError,
    open_store,
)

DESIGN = Path(__file__).resolve().parents[3] / "shared" / "DESIGN.md"


def _events(db: Path, **filters: object) -> list[dict]:
    with open_store(db, read_only=True) as store:
        return store.events(EventQuery(**filters))  # type: ignore[arg-type]


def _types(rows: list[dict]) -> list[str]:
    return sorted(r["plover_type"] for r in rows)


def test_public_fields_are_record_fields() -> None:
    assert set(EVENT_FIELDS) <= set(field_names(Event))
    assert set(CLAIM_FIELDS) <= set(field_names(Claim))
    assert set(ARTICLE_FIELDS) <= set(field_names(Article))


@pytest.mark.parametrize(("label", "fields"), [("Article", ARTICLE_FIELDS), ("Event", EVENT_FIELDS), ("Claim", CLAIM_FIELDS)])
def test_public_fields_match_design(label: str, fields: tuple[str, ...]) -> None:
    if not DESIGN.exists():
        pytest.skip(f"needs {DESIGN}")
    text = DESIGN.read_text(encoding="utf-8")
    block = re.search(rf"^- {label}: (.+?)\.(?:\s+[A-Z`]|$)", text, re.M | re.S)
    assert block, f"no '- {label}:' line in DESIGN.md"
    listed = re.findall(r"[a-z_]+", block.group(1).split("`")[1] if "`" in block.group(1) else block.group(1))
    assert list(fields) == listed


def test_rows_carry_exactly_the_public_fields(filled_db: Path) -> None:
    with open_store(filled_db, read_only=True) as store:
        assert all(list(r) == list(EVENT_FIELDS) for r in store.events(EventQuery(include_all_modalities=True)))
        assert all(list(r) == list(CLAIM_FIELDS) for r in store.claims())
        assert all(list(r) == list(ARTICLE_FIELDS) for r in store.articles())


def test_events_are_asserted_only_by_default(filled_db: Path) -> None:
    assert _types(_events(filled_db)) == ["aid", "influence"]
    assert _types(_events(filled_db, modality=("hypothetical",))) == ["assault"]
    assert _types(_events(filled_db, modality=("negated", "asserted"))) == ["aid", "influence", "protest"]
    assert _types(_events(filled_db, include_all_modalities=True)) == ["aid", "assault", "influence", "protest"]


def test_actor_matches_code_prefix_or_words(filled_db: Path) -> None:
    everything = {"include_all_modalities": True}
    assert _types(_events(filled_db, actor="RUS", **everything)) == ["aid", "influence", "protest"]  # RUS, RUSMED
    assert _types(_events(filled_db, actor="rusmed", **everything)) == ["influence", "protest"]
    assert _types(_events(filled_db, actor="united states", **everything)) == ["assault"]
    assert _events(filled_db, actor="Narnia", **everything) == []


def test_country_type_and_article_filters(filled_db: Path, samples) -> None:
    everything = {"include_all_modalities": True}
    assert _types(_events(filled_db, country="mex", **everything)) == ["influence", "protest"]
    assert _types(_events(filled_db, event_type="19", **everything)) == ["assault"]  # CAMEO root
    assert _types(_events(filled_db, event_type="074", **everything)) == ["aid"]  # full CAMEO code
    assert _types(_events(filled_db, event_type="Protest", **everything)) == ["protest"]  # PLOVER type
    mexico_id = samples.mexico().article.article_id
    assert _types(_events(filled_db, article_id=mexico_id[:5], **everything)) == ["influence", "protest"]


def test_date_range_overlaps_event_dates_at_any_granularity(filled_db: Path) -> None:
    # Events dated 2025-11 (aid) and 2024-06 (influence); the undated ones fall back to
    # their article's publication date (2025-11-03 and 2024-06-10).
    everything = {"include_all_modalities": True}
    assert _types(_events(filled_db, since="2025-11-15", **everything)) == ["aid"]
    assert _types(_events(filled_db, since="2025-11-02", **everything)) == ["aid", "assault"]
    assert _types(_events(filled_db, until="2024", **everything)) == ["influence", "protest"]
    assert _types(_events(filled_db, since="2024-06-30", until="2024-06-30", **everything)) == ["influence"]
    assert _events(filled_db, since="2023", until="2023-12-31", **everything) == []


def test_limit_offset_and_order(filled_db: Path) -> None:
    rows = _events(filled_db, include_all_modalities=True)
    # Newest article first, then text order within an article.
    assert [r["plover_type"] for r in rows] == ["aid", "assault", "influence", "protest"]
    assert _events(filled_db, include_all_modalities=True, limit=2, offset=1) == rows[1:3]


def test_claim_filters(filled_db: Path) -> None:
    with open_store(filled_db, read_only=True) as store:
        assert [c["speaker_name"] for c in store.claims(ClaimQuery(speaker="ukrainian"))] == ["Kyrylo Budanov"]
        assert [c["speaker_name"] for c in store.claims(ClaimQuery(speaker="USA"))] == ["US officials"]
        assert [c["kind"] for c in store.claims(ClaimQuery(outlet="war zone"))] == ["indirect"]
        assert [c["kind"] for c in store.claims(ClaimQuery(outlet="example times"))] == ["according_to"]
        assert [c["kind"] for c in store.claims(ClaimQuery(kind="according_to"))] == ["according_to"]
        assert store.claims(ClaimQuery(since="2025"))[0]["chain"][-1] == "Daily Star"


def test_article_filters(filled_db: Path) -> None:
    with open_store(filled_db, read_only=True) as store:
        assert [a["publisher"] for a in store.articles()] == ["Daily Star", "Example Times"]
        assert [a["publisher"] for a in store.articles(ArticleQuery(publisher="star"))] == ["Daily Star"]
        assert [a["publisher"] for a in store.articles(ArticleQuery(until="2024-12"))] == ["Example Times"]


def test_hostile_values_are_only_ever_parameters(filled_db: Path) -> None:
    assert _events(filled_db, actor="x' OR 1=1 --", include_all_modalities=True) == []
    assert _events(filled_db, event_type="aid'; DROP TABLE events; --") == []
    assert len(_events(filled_db, include_all_modalities=True)) == 4


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (EventQuery(modality=("likely",)), "modality 'likely' is not one of asserted, negated, hypothetical, future, hedged"),
        (ClaimQuery(kind="rumour"), "kind 'rumour' is not one of direct, indirect"),
        (EventQuery(since="03/11/2025"), "since='03/11/2025' is not a date"),
        (ArticleQuery(until="last week"), "until='last week' is not a date"),
        (EventQuery(limit=-1), "limit=-1"),
    ],
)
def test_bad_filter_values_name_the_value_and_the_choices(query, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        query.sql()
