"""Each eval suite's report on its default set, computed once per test session.

The floors in ``tests/eval`` and the README check read the same figures; running a suite once
for both keeps the suite's time down and guarantees they judge the same numbers.
"""

from __future__ import annotations

from functools import cache

from shared_paths import REPO, need_shared

from wirewatch.eval import suite as registered
from wirewatch.eval.floors import shortfalls
from wirewatch.eval.report import EvalReport
from wirewatch.settings import Settings


@cache
def default_report(suite: str) -> EvalReport:
    """``wirewatch eval SUITE`` on its default set (skips the test when ../shared is absent)."""
    module = registered(suite).load()
    path = (REPO / module.DEFAULT_PATH).resolve()
    if not path.is_relative_to(REPO):  # ../shared beside the checkout; a set of our own is always here
        path = need_shared(path)
    return module.evaluate(path, Settings.from_env())


def assert_meets_baseline(suite: str) -> EvalReport:
    """The suite's default report, failing the test with every shortfall against eval/data/floors.yaml."""
    report = default_report(suite)
    problems = shortfalls(report)
    assert not problems, f"{suite} regressed: " + "; ".join(problems)
    return report
