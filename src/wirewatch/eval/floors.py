"""The baseline every suite is judged against (data/floors.yaml) and the check itself.

One file, so a floor is raised in one place when a measured step lands, and the tests and
`wirewatch eval SUITE --check` can never disagree about what counts as a regression.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from wirewatch.eval.report import EvalReport


@dataclass(frozen=True, slots=True)
class Baseline:
    suite: str
    floors: dict[str, float] = field(default_factory=dict)
    ceilings: dict[str, float] = field(default_factory=dict)
    n: int | None = None  # the default set's size, when fixed


def _numbers(raw: Any, where: str) -> dict[str, float]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, (int, float)) for v in raw.values()):
        raise ValueError(f"floors.yaml: {where} must map figure names to numbers")
    return {str(k): float(v) for k, v in raw.items()}


@cache
def baselines() -> dict[str, Baseline]:
    raw = yaml.safe_load(files("wirewatch.eval").joinpath("data/floors.yaml").read_text(encoding="utf-8"))
    return {suite: Baseline(suite, _numbers(entry.get("floors"), f"{suite}.floors"),
                            _numbers(entry.get("ceilings"), f"{suite}.ceilings"), entry.get("n"))
            for suite, entry in raw.items()}


def shortfalls(report: EvalReport) -> list[str]:
    """Each way ``report`` falls short of its suite's baseline, as one readable line; [] if none.
    A figure the report lacks is a shortfall: a renamed figure must not pass silently."""
    base = baselines().get(report.suite)
    if base is None:
        return []
    out: list[str] = []
    figures = report.figures
    if base.n is not None and figures.get("n") != base.n:
        out.append(f"n = {figures.get('n')}: the baseline was measured on {base.n} items")
    for name, floor in base.floors.items():
        value = figures.get(name)
        if value is None or value < floor:
            out.append(f"{name} = {value}: below its floor {floor}")
    for name, ceiling in base.ceilings.items():
        value = figures.get(name)
        if value is None or value > ceiling:
            out.append(f"{name} = {value}: above its ceiling {ceiling}")
    return out
