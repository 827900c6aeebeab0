"""Events filtered by provenance: the publisher's voice or attributed, claimant, outlet in the
claim's chain, state media (a state outlet as source, in the chain, or as publisher)."""

from __future__ import annotations

from pathlib import Path

from wirewatch.records import Analysis, Article, Claim, Event
from wirewatch.store import EventQuery, open_store

TEXT = "Russia sent 120 trainers to Venezuela, Budanov told The War Zone. RT bought billboards in Mexico."


def _event(event_id: str, article_id: str, phrase: str, **fields: object) -> Event:
    start = TEXT.index(phrase)
    base: dict[str, object] = dict(
        event_id=event_id, article_id=article_id, sentence_index=0, char_start=start, char_end=start + len(phrase),
        evidence=phrase, source_text=None, source_code=None, source_country=None, source_sector=None,
        target_text=None, target_code=None, target_country=None, target_sector=None, cameo_code="042",
        cameo_root="04", quad_class=1, goldstein=1.9, plover_type="CONSULT", confidence=0.8,
    )
    base.update(fields)
    return Event(**base)


def _analyses() -> list[Analysis]:
    star = Article(article_id="star", text=TEXT, publisher="Daily Star", published_at="2025-01-02")
    claim = Claim(
        claim_id="c1", article_id="star", kind="indirect", speaker_text="Budanov", speaker_name="Kyrylo Budanov",
        speaker_code="UKRGOV", speaker_kind="person", cue="told", content="Russia sent 120 trainers to Venezuela",
        char_start=0, char_end=37, chain=["Kyrylo Budanov", "The War Zone", "Daily Mail", "Daily Star"],
    )
    attributed = _event("e1", "star", "Russia sent 120 trainers to Venezuela", claim_id="c1", claimant="Kyrylo Budanov",
                        source_text="Russia", source_code="RUS")
    own = _event("e2", "star", "RT bought billboards in Mexico", source_text="RT", state_media=True)
    rt_site = Article(article_id="rt", text=TEXT, publisher="RT", published_at="2025-01-03", state_media=True)
    on_rt = _event("e3", "rt", "RT bought billboards in Mexico", source_text="Mexico City")
    return [
        Analysis(article=star, events=[attributed, own], claims=[claim]),
        Analysis(article=rt_site, events=[on_rt]),
    ]


def _ids(db: Path, **filters: object) -> set[str]:
    with open_store(db, read_only=True) as store:
        return {r["event_id"] for r in store.events(EventQuery(**filters))}


def test_provenance_filters(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    with open_store(db) as store:
        store.write_batch(_analyses())
    assert _ids(db, attributed=True) == {"e1"}
    assert _ids(db, attributed=False) == {"e2", "e3"}
    assert _ids(db, claimant="budanov") == {"e1"}
    assert _ids(db, claimant="UKR") == {"e1"}  # the speaker code of the claim
    assert _ids(db, outlet="war zone") == {"e1"}
    assert _ids(db, outlet="Daily Star") == {"e1", "e2"}  # the publisher counts as an outlet
    assert _ids(db, state_media=True) == {"e2", "e3"}  # state source, or a state outlet's article
    assert _ids(db, state_media=False) == {"e1"}


def test_events_command_options(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    db = tmp_path / "p.duckdb"
    with open_store(db) as store:
        store.write_batch(_analyses())

    def run(*args: str) -> set[str]:
        result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return {r["event_id"] for r in json.loads(result.stdout)}

    assert run("--attributed") == {"e1"}
    assert run("--publisher-voice") == {"e2", "e3"}
    assert run("--claimant", "Budanov", "--outlet", "War Zone") == {"e1"}
    assert run("--state-media") == {"e2", "e3"}
    assert run("--certainty", "high", "--attributed") == {"e1"}


def test_claims_command_state_media_option(tmp_path: Path) -> None:
    import json
    from dataclasses import replace

    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    analyses = _analyses()
    analyses[0].claims.append(replace(analyses[0].claims[0], claim_id="c2", char_start=40, state_media=True))
    db = tmp_path / "p.duckdb"
    with open_store(db) as store:
        store.write_batch(analyses)
    result = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "json", "--state-media"])
    assert result.exit_code == 0, result.output
    assert [r["claim_id"] for r in json.loads(result.stdout)] == ["c2"]
