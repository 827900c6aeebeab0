"""Store fixtures shared by the store, CLI, export and API tests: a fresh DuckDB file per test,
and the hand-built analyses of ``sample_analyses`` (no NLP needed)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import sample_analyses


@pytest.fixture()
def samples() -> ModuleType:
    return sample_analyses


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture()
def filled_db(db_path: Path, samples: ModuleType) -> Path:
    from wirewatch.store import open_store

    with open_store(db_path) as store:
        store.write_batch([samples.venezuela(), samples.mexico()])
    return db_path
