"""The Python API, the CLI and the HTTP API answer the same filter with the same JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.store import ClaimQuery, EventQuery, open_store

runner = CliRunner()


@pytest.mark.parametrize(
    ("cli_args", "http_query", "query"),
    [
        (["--all-modalities"], "modality=all", EventQuery(include_all_modalities=True)),
        (["--actor", "RUS"], "actor=RUS", EventQuery(actor="RUS")),
        (["--country", "VEN", "--all-modalities"], "country=VEN&modality=all", EventQuery(country="VEN", include_all_modalities=True)),
        (["--type", "19", "--modality", "hypothetical"], "type=19&modality=hypothetical", EventQuery(event_type="19", modality=("hypothetical",))),
        (["--since", "2025", "--all-modalities"], "since=2025&modality=all", EventQuery(since="2025", include_all_modalities=True)),
    ],
)
def test_events_are_the_same_json_everywhere(shared_db, client, cli_args, http_query, query) -> None:
    cli = runner.invoke(app, ["events", "--db", str(shared_db), "--format", "json", *cli_args])
    assert cli.exit_code == 0, cli.output
    from_cli = json.loads(cli.stdout)
    from_http = client.get(f"/api/events?{http_query}&limit=1000").json()["events"]
    with open_store(shared_db, read_only=True) as store:
        from_python = json.loads(json.dumps(store.events(query), default=str))
    assert from_cli == from_http == from_python
    assert from_http, "the filter should match something"


def test_claims_are_the_same_json_everywhere(shared_db, client) -> None:
    cli = runner.invoke(app, ["claims", "--db", str(shared_db), "--format", "json", "--outlet", "war zone"])
    assert cli.exit_code == 0, cli.output
    from_http = client.get("/api/claims?outlet=war zone").json()["claims"]
    with open_store(shared_db, read_only=True) as store:
        from_python = json.loads(json.dumps(store.claims(ClaimQuery(outlet="war zone")), default=str))
    assert json.loads(cli.stdout) == from_http == from_python and len(from_http) == 1
