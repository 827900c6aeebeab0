"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEED = SHARED / "seed" / "000_0fc1f3b002085bc3.txt"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """Return ``path`` inside ../shared, or skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation data beside this checkout); not present")
    return path


@pytest.fixture(scope="session")
def nlp():
    from wirewatch.nlp.pipeline import load_pipeline
    from wirewatch.settings import Settings

    return load_pipeline(Settings.from_env().model)


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
