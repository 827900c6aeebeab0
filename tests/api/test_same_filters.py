"""Every filter of every listing, the same in the CLI, the HTTP API and the Python API.

The options and the parameters are both generated from ``store.filters``: these tests check
that each interface offers exactly the table's filters under the same names, and that each
filter, given to each interface, gives the same JSON.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.store import open_store
from wirewatch.store.filters import (
    ARTICLE_FILTERS,
    CLAIM_FILTERS,
    COPIES_FILTERS,
    EVENT_FILTERS,
    FLAG,
    THREAD_FILTERS,
    YES_NO,
    Filter,
    FilterTable,
)

runner = CliRunner()

# listing -> (CLI command, HTTP route, key of the rows in the HTTP answer, filter table, how the store runs it)
LISTINGS: dict[str, tuple[str, str, str, FilterTable, str]] = {
    "events": ("events", "/api/events", "events", EVENT_FILTERS, "fetch"),
    "claims": ("claims", "/api/claims", "claims", CLAIM_FILTERS, "fetch"),
    "articles": ("articles", "/api/articles", "articles", ARTICLE_FILTERS, "fetch"),
    "threads": ("threads", "/api/threads", "threads", THREAD_FILTERS, "fetch"),
    "duplicates": ("duplicates", "/api/duplicates", "duplicates", COPIES_FILTERS, "copies"),
}
# Values to try per filter name; ids are read from the store (``_value``).
VALUES: dict[str, list[Any]] = {
    "actor": ["RUS", "venezuela"], "source": ["RUS"], "target": ["VEN"], "country": ["VEN"], "sector": ["MIL"],
    "type": ["19", "aid"], "quad_class": [4], "min_confidence": [0, 0.9], "modality": ["hypothetical", "all"], "all_modalities": [True],
    "coding": ["all", "uncoded"], "certainty": ["high", "low"], "attributed": [True, False],
    "since": ["2025-11"], "until": ["2025-11-02"], "day_from": ["2025-11-03"], "day_to": ["2025-11-02"],
    "precision": ["day", "report"], "place": ["Caracas"], "q": ["trainers"], "claimant": ["Budanov"],
    "outlet": ["war zone"], "state_media": [True, False], "speaker": ["Budanov", "USAGOV"], "kind": ["direct"],
    "publisher": ["example"], "drift": ["any"], "laundering": [True], "min_articles": [1], "partial": [False],
    "article": ["<article>"], "claim": ["<claim>"], "cluster": ["<cluster>"],
}
PAGING = {"limit", "offset", "format", "db", "fmt", "clustered", "min_articles_clustered"}


@pytest.fixture(scope="module")
def full_db(shared_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared sample store, clustered and threaded, as a run leaves it."""
    from wirewatch.cluster_run import recluster_store
    from wirewatch.thread_run import thread_store

    path = tmp_path_factory.mktemp("filters") / "store.duckdb"
    shutil.copy(shared_db, path)
    with open_store(path) as store:
        recluster_store(store)
        thread_store(store)
    return path


@pytest.fixture(scope="module")
def full_client(full_db: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app

    with TestClient(create_app(full_db)) as test_client:
        yield test_client


def _value(raw: Any, db: Path) -> Any:
    if raw not in ("<article>", "<claim>", "<cluster>"):
        return raw
    column, table = {"<article>": ("article_id", "articles"), "<claim>": ("claim_id", "claims"),
                     "<cluster>": ("cluster_id", "events")}[raw]
    with open_store(db, read_only=True) as store:
        (row,) = store._con.execute(f"SELECT min({column}) FROM {table}").fetchall()  # noqa: SLF001 - test set-up
    return row[0][:10] if raw == "<article>" else row[0]


def _cli_args(spec: Filter, value: Any) -> list[str]:
    if spec.kind == YES_NO:
        yes, no = (spec.flags or f"{spec.option}/--no-{spec.option[2:]}").split("/")
        return [yes if value else no]
    if spec.kind == FLAG:
        return [spec.option] if value else []
    return [spec.option, str(value)]


def _http_value(spec: Filter, value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _cases() -> Iterator[Any]:
    for listing, (_, _, _, table, _) in LISTINGS.items():
        yield pytest.param(listing, None, None, id=f"{listing}-unfiltered")
        for spec in table.filters:
            for value in VALUES[spec.name]:
                yield pytest.param(listing, spec.name, value, id=f"{listing}-{spec.name}={value}")


@pytest.mark.parametrize(("listing", "name", "raw"), list(_cases()))
def test_each_filter_gives_the_same_json_everywhere(full_db: Path, full_client: Any, listing: str, name: str | None, raw: Any) -> None:
    command, route, key, table, runs = LISTINGS[listing]
    cli_args: list[str] = []
    params: dict[str, str] = {}
    values: dict[str, Any] = {}
    if name is not None:
        spec = next(f for f in table.filters if f.name == name)
        value = _value(raw, full_db)
        cli_args = _cli_args(spec, value)
        params = {name: _http_value(spec, value)}
        values = {name: [value] if spec.kind == "texts" else value}
    cli = runner.invoke(app, [command, "--db", str(full_db), "--format", "json", "--limit", "0", *cli_args])
    assert cli.exit_code == 0, cli.output
    answer = full_client.get(route, params={**params, "limit": "1000"})
    assert answer.status_code == 200, answer.text
    with open_store(full_db, read_only=True) as store:
        query = table.build(values)
        from_python = json.loads(json.dumps(getattr(store, runs)(query), default=str))
    assert json.loads(cli.stdout) == answer.json()[key] == from_python


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_the_cli_and_the_api_offer_exactly_the_tables_filters(full_client: Any, listing: str) -> None:
    import typer.main

    command, route, _, table, _ = LISTINGS[listing]
    cli_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    cli_names = {p.name for p in cli_command.params if p.param_type_name == "option"} - PAGING
    if listing == "events":
        cli_names -= {"clustered", "min_articles"}  # the --clustered view's own two options
    schema = full_client.get("/openapi.json").json()
    http_names = {p["name"] for p in schema["paths"][route]["get"]["parameters"]} - PAGING
    assert cli_names == http_names == set(table.names())


def test_some_filters_match_something(full_db: Path) -> None:
    # The comparisons above are only worth something if the store has rows for the filters.
    with open_store(full_db, read_only=True) as store:
        assert store.fetch(EVENT_FILTERS.build({"actor": "RUS"}))
        assert store.fetch(EVENT_FILTERS.build({"modality": ["all"], "cluster": _value("<cluster>", full_db)}))
        assert store.fetch(CLAIM_FILTERS.build({"speaker": "Budanov"}))
        assert store.fetch(THREAD_FILTERS.build({"min_articles": 1}))
