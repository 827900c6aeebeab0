"""Same fixtures as tests/store (fresh DuckDB per test, hand-built analyses), loaded by path."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "wirewatch_test_store_conftest", Path(__file__).parents[1] / "store" / "conftest.py"
)
assert _spec and _spec.loader
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)

samples = _store_conftest.samples
db_path = _store_conftest.db_path
filled_db = _store_conftest.filled_db
