"""The server owns the store: it ingests a watched folder itself, and a second writer is refused
with an error naming the process that holds the store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from live_server import live_server

from wirewatch.api import create_app
from wirewatch.api.store_access import StoreAccess
from wirewatch.api.watch import FolderWatcher
from wirewatch.run import run_corpus
from wirewatch.settings import Settings
from wirewatch.store import open_store

REPORT = "Russia sent {n} military trainers to Venezuela on Monday, officials in Caracas said."


def stand_in_runner(files, settings, store):
    # Real ingest and runner; the model stages replaced by the hand-built analyser of tests/store.
    from sample_analyses import ChunkedEngine

    return run_corpus(files, settings, store, engine=ChunkedEngine())


@pytest.fixture(autouse=True)
def _load_samples(samples) -> None:
    """Makes the hand-built analyses importable for ``stand_in_runner``."""


def test_watcher_ingests_new_and_changed_files_only(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(REPORT.format(n=10), encoding="utf-8")
    (inbox / ".hidden.txt").write_text(REPORT.format(n=99), encoding="utf-8")
    store = open_store(tmp_path / "w.duckdb")
    access = StoreAccess(store)
    watcher = FolderWatcher(inbox, access, Settings.from_env(), runner=stand_in_runner, settle_seconds=0)
    try:
        first = watcher.run_once()
        assert first is not None and first.analysed == 1
        assert watcher.run_once() is None  # nothing new: the runner is not even called
        (inbox / "two.txt").write_text(REPORT.format(n=20), encoding="utf-8")
        second = watcher.run_once()
        assert second is not None and second.analysed == 1 and second.articles_read == 1
        # Readers on their own cursors see both committed batches.
        assert access.read(lambda s: s.counts())["articles"] == 2
        assert watcher.status.to_json()["analysed"] == 2 and watcher.status.last_error is None
    finally:
        access.close()


def test_watcher_failure_is_reported_and_retried(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(REPORT.format(n=1), encoding="utf-8")
    calls: list[int] = []

    def flaky(files, settings, store):
        calls.append(len(files))
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return stand_in_runner(files, settings, store)

    access = StoreAccess(open_store(tmp_path / "w.duckdb"))
    watcher = FolderWatcher(inbox, access, Settings.from_env(), runner=flaky, settle_seconds=0)
    try:
        assert watcher.run_once() is None
        assert watcher.status.last_error == "RuntimeError: disk full"
        assert watcher.run_once().analysed == 1 and calls == [1, 1]
    finally:
        access.close()


def test_app_with_watch_reports_its_watcher(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = create_app(tmp_path / "w.duckdb", watch=inbox, watch_seconds=0.1)
    app.state.watcher.runner = stand_in_runner
    with TestClient(app) as client:
        (inbox / "late.txt").write_text(REPORT.format(n=7), encoding="utf-8")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            summary = client.get("/api/summary").json()
            if summary["totals"]["articles"] == 1 and summary["watch"]["analysed"] == 1:
                break
            time.sleep(0.1)
        assert summary["totals"]["articles"] == 1
        assert summary["watch"]["folder"] == str(inbox) and summary["watch"]["analysed"] == 1
        events = client.get("/api/events?modality=all").json()["events"]
        assert {e["plover_type"] for e in events} == {"influence", "protest"}


def test_second_writer_gets_an_error_naming_the_server_process(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    # Writable, watching the folder the store itself is in: the watcher must leave its files alone.
    app = create_app(db, watch=tmp_path, watch_seconds=0.05)
    app.state.watcher.runner = stand_in_runner
    with TestClient(app):
        time.sleep(0.3)  # several watcher passes
        assert app.state.watcher.status.runs == 0
        code = (
            "import sys\nfrom wirewatch.store import open_store\nfrom wirewatch.errors import StoreError\n"
            f"try:\n    open_store({str(db)!r})\nexcept StoreError as exc:\n    print(exc)\n    sys.exit(3)\n"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert other.returncode == 3, other.stderr
    assert "in use by another process" in other.stdout and f"PID {os.getpid()}" in other.stdout
    with open_store(db, read_only=True) as store:  # and the store is intact afterwards
        assert store.schema_version >= 1


def test_wirewatch_serve_runs_a_real_server(shared_db: Path, tmp_path: Path) -> None:
    with live_server(shared_db) as (base, server):
        response = httpx.get(f"{base}/api/events?modality=all", timeout=5)
        assert response.status_code == 200 and len(response.json()["events"]) == 4
        assert httpx.get(f"{base}/openapi.json", timeout=5).json()["info"]["title"] == "wirewatch"
        foreign = httpx.get(f"{base}/api/summary", headers={"host": "attacker.example"}, timeout=5)
        assert foreign.status_code == 400
    assert "serving" in (server.stderr.read() if server.stderr else "")


def test_serve_refuses_a_missing_watch_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--watch", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "not an existing folder" in result.stderr


def test_watcher_keeps_the_thread_index_between_runs(tmp_path: Path) -> None:
    """Threading a batch costs the same whatever the store holds only if the index is not
    reloaded for every batch (issue 15)."""
    access = StoreAccess(open_store(tmp_path / "w.duckdb"))
    try:
        watcher = FolderWatcher(tmp_path, access, Settings.from_env())
        assert watcher.runner.func is run_corpus
        assert watcher.runner.keywords == {"thread_index": watcher.thread_index}
    finally:
        access.close()
