"""Fixtures for API tests: the hand-built analyses of tests/sample_analyses.py in one store, and a client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import sample_analyses

with warnings.catch_warnings():
    # Imported once here, quietly: starlette asks for httpx2, which these tests do not need.
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401


@pytest.fixture(scope="session")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sample articles in one store, built once; tests must only read it."""
    from wirewatch.store import open_store

    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    samples = sample_analyses
    with open_store(path) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    return path


@pytest.fixture(scope="session")
def client(shared_db: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app

    with TestClient(create_app(shared_db)) as test_client:
        yield test_client
