"""Each eval suite's report on its default set, computed once per test session.

The floors in ``tests/eval`` and the README check read the same figures; running a suite once
for both keeps the suite's time down and guarantees they judge the same numbers.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from shared_paths import REPO, need_shared
from wirewatch.eval.report import EvalReport
from wirewatch.settings import Settings


@lru_cache(maxsize=None)
def default_report(suite: str) -> EvalReport:
    """``wirewatch eval SUITE`` on its default set (skips the test when ../shared is absent)."""
    module = importlib.import_module(f"wirewatch.eval.{suite.replace('-', '_')}")
    path = need_shared((REPO / module.DEFAULT_PATH).resolve())
    return module.evaluate(path, Settings.from_env())
