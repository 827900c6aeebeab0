"""Fixtures for store tests: a fresh DuckDB file per test, and hand-built analyses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def load_sample_analyses() -> ModuleType:
    name = "wirewatch_test_analyses"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("analyses.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture()
def samples() -> ModuleType:
    return load_sample_analyses()


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture()
def filled_db(db_path: Path, samples: ModuleType) -> Path:
    from wirewatch.store import open_store

    with open_store(db_path) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    return db_path
