"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_paths import EXAMPLES, REPO, SEED, SHARED, SHARED_DATA, need_shared  # noqa: F401

pytest_plugins = ["store_fixtures", "markers_plugin"]


@pytest.fixture(scope="session")
def nlp():
    from wirewatch.nlp.pipeline import load_pipeline
    from wirewatch.settings import Settings

    settings = Settings.from_env()
    return load_pipeline(settings.model, settings.gemm)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return need_shared(SHARED_DATA)


@pytest.fixture()
def settings(tmp_path: Path):
    from wirewatch.settings import Settings

    return Settings.from_env(db_path=tmp_path / "test.duckdb")
