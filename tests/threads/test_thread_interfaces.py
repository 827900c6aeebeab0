"""Threads through the query layer, the CLI, the HTTP API and the exports: the same rows everywhere."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from thread_fixtures import threaded_store
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.store import HOP_FIELDS, THREAD_FIELDS, HopQuery, ThreadQuery, open_store
from wirewatch.store.query import QueryError

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return threaded_store(tmp_path_factory.mktemp("threads") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from wirewatch.api import create_app

    with TestClient(create_app(db)) as test_client:
        yield test_client


def _python(db: Path, query) -> list[dict]:
    with open_store(db, read_only=True) as store:
        return json.loads(json.dumps(store.fetch(query), default=str))


def test_one_relayed_thread_with_the_laundering_hop(db: Path) -> None:
    (thread,) = _python(db, ThreadQuery())
    assert thread["articles"] == 3 and thread["laundered_hops"] == 1 and thread["state_hops"] == 1
    hops = _python(db, HopQuery(thread_id=thread["thread_id"]))
    assert [h["publisher"] for h in hops] == ["The War Zone", "Daily Mail", "Sputnik"]
    assert hops[1]["relayed_from"] == "The War Zone" and hops[1]["hedges_dropped"] == ["appears to"]
    assert hops[2]["kind"] == "own_voice" and hops[2]["laundering"] is True


@pytest.mark.parametrize(
    ("cli_args", "http_query", "query"),
    [
        ([], "", ThreadQuery()),
        (["--min-articles", "1"], "min_articles=1", ThreadQuery(min_articles=1)),
        (["--speaker", "budanov", "--state-media"], "speaker=budanov&state_media=true", ThreadQuery(speaker="budanov", state_media=True)),
        (["--drift", "hedge dropped", "--laundering"], "drift=hedge dropped&laundering=true", ThreadQuery(drift="hedge dropped", laundering=True)),
        (["--outlet", "daily mail", "--since", "2026-11-05"], "outlet=daily mail&since=2026-11-05", ThreadQuery(outlet="daily mail", since="2026-11-05")),
        (["--no-state-media"], "state_media=false", ThreadQuery(state_media=False)),
    ],
)
def test_threads_are_the_same_json_everywhere(db, client, cli_args, http_query, query) -> None:
    cli = runner.invoke(app, ["threads", "--db", str(db), "--format", "json", *cli_args])
    assert cli.exit_code == 0, cli.output
    from_http = client.get(f"/api/threads?{http_query}").json()["threads"]
    assert json.loads(cli.stdout) == from_http == _python(db, query)


def test_one_thread_is_the_same_json_everywhere(db, client) -> None:
    (thread,) = _python(db, ThreadQuery())
    prefix = thread["thread_id"][:8]
    cli = runner.invoke(app, ["thread", prefix, "--db", str(db), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    from_http = client.get(f"/api/threads/{prefix}").json()
    assert json.loads(cli.stdout) == from_http
    assert from_http["thread"] == thread and [h["position"] for h in from_http["hops"]] == [0, 1, 2]
    assert list(from_http["hops"][0]) == list(HOP_FIELDS) and list(thread) == list(THREAD_FIELDS)


def test_thread_table_marks_state_hops_and_laundering(db) -> None:
    (thread,) = _python(db, ThreadQuery())
    shown = runner.invoke(app, ["thread", thread["thread_id"], "--db", str(db)], env={"COLUMNS": "220"})
    assert shown.exit_code == 0, shown.output
    assert "STATE" in shown.stdout and "DROPPED (laundering)" in shown.stdout and "hedge dropped" in shown.stdout


def test_unknown_thread_is_a_404_and_a_one_line_cli_error(db, client) -> None:
    response = client.get("/api/threads/abcdef12")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "abcdef12: no stored thread has this id"
    cli = runner.invoke(app, ["thread", "abcdef12", "--db", str(db)])
    assert cli.exit_code == 2 and "no stored thread" in cli.stderr


def test_bad_drift_names_the_choices() -> None:
    with pytest.raises(QueryError, match="drift 'louder' is not one of any, hedge dropped"):
        ThreadQuery(drift="louder").sql()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_threads_and_hops_export(db: Path, tmp_path: Path, fmt: str) -> None:
    import duckdb

    for what, fields, rows in (("threads", THREAD_FIELDS, 1), ("hops", HOP_FIELDS, 3)):
        out = tmp_path / f"{what}.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(db), "--what", what, "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        reader = {"csv": "read_csv", "jsonl": "read_json", "parquet": "read_parquet"}[fmt]
        relation = duckdb.sql(f"SELECT * FROM {reader}('{out}')")
        assert relation.columns == list(fields) and len(relation.fetchall()) == rows


def test_every_thread_and_hop_field_is_in_the_schema_doc() -> None:
    schema = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    missing = [f for f in (*THREAD_FIELDS, *HOP_FIELDS) if f"`{f}`" not in schema]
    assert not missing, missing


def test_an_articles_hops_say_which_thread_each_claim_is_in(db, client) -> None:
    (thread,) = _python(db, ThreadQuery())
    mail = next(h for h in _python(db, HopQuery(thread_id=thread["thread_id"])) if h["publisher"] == "Daily Mail")
    hops = client.get(f"/api/hops?article={mail['article_id'][:8]}").json()["hops"]
    assert [(h["claim_id"], h["thread_id"]) for h in hops] == [(mail["claim_id"], thread["thread_id"])]
    assert hops == _python(db, HopQuery(article_id=mail["article_id"][:8]))
