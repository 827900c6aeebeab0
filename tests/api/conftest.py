"""Fixtures for API tests: the hand-built analyses of tests/store in a fresh store, and a client."""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

with warnings.catch_warnings():
    # Imported once here, quietly: starlette asks for httpx2, which these tests do not need.
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401

_spec = importlib.util.spec_from_file_location(
    "wirewatch_test_store_conftest", Path(__file__).parents[1] / "store" / "conftest.py"
)
assert _spec and _spec.loader
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)

samples = _store_conftest.samples
db_path = _store_conftest.db_path
filled_db = _store_conftest.filled_db


def load_samples() -> ModuleType:
    return _store_conftest.load_sample_analyses()


@pytest.fixture(scope="session")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sample articles in one store, built once; tests must only read it."""
    from wirewatch.store import open_store

    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    samples = load_samples()
    with open_store(path) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    return path


@pytest.fixture(scope="session")
def client(shared_db: Path) -> Iterator:
    from fastapi.testclient import TestClient
    from wirewatch.api import create_app

    with TestClient(create_app(shared_db)) as test_client:
        yield test_client
