"""The one baseline file: every registered suite has floors, and the check reads them as documented."""

from __future__ import annotations

from wirewatch.eval import SUITES
from wirewatch.eval.floors import Baseline, baselines, shortfalls
from wirewatch.eval.report import EvalReport


def test_every_registered_suite_has_a_baseline_and_nothing_else_does() -> None:
    assert set(baselines()) == set(SUITES)
    for name, base in baselines().items():
        assert base.floors, f"{name}: no floors"
        assert all(0.0 <= v <= 1.0 for v in [*base.floors.values(), *base.ceilings.values()]), name


def test_every_suite_module_loads_with_a_default_set() -> None:
    for name, suite in SUITES.items():
        module = suite.load()
        # the shared evaluation data beside the checkout, or a set of our own in this repository
        assert str(module.DEFAULT_PATH).startswith(("../shared/data/", "training/")), name
        assert callable(module.evaluate), name


def _report(**figures: float | int) -> EvalReport:
    return EvalReport(suite="toy", dataset="-", figures=dict(figures))


def test_shortfalls_name_floors_ceilings_sizes_and_missing_figures(monkeypatch) -> None:
    from wirewatch.eval import floors

    base = Baseline("toy", floors={"f1": 0.5, "recall": 0.4}, ceilings={"errors": 0.1}, n=10)
    monkeypatch.setattr(floors, "baselines", lambda: {"toy": base})
    assert shortfalls(_report(f1=0.5, recall=0.9, errors=0.1, n=10)) == []
    assert shortfalls(_report(f1=0.49, recall=0.9, errors=0.2, n=9)) == [
        "n = 9: the baseline was measured on 10 items",
        "f1 = 0.49: below its floor 0.5",
        "errors = 0.2: above its ceiling 0.1",
    ]
    # A renamed figure must not pass silently.
    assert shortfalls(_report(f1=0.9, errors=0.0, n=10)) == ["recall = None: below its floor 0.4"]


def test_a_suite_without_a_baseline_has_no_shortfalls() -> None:
    assert shortfalls(EvalReport(suite="unregistered", dataset="-", figures={"x": 0.0})) == []
