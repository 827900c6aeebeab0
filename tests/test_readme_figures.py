"""The accuracy figures in the README are the ones `wirewatch eval` measures now (to 3 decimals)."""

from __future__ import annotations

import re

import pytest
from default_evals import default_report
from shared_paths import REPO

pytestmark = [pytest.mark.needs_shared, pytest.mark.slow]  # every test reads an eval suite's report

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_figures() -> dict[str, dict[str, float]]:
    """suite -> {figure: value} from the README's accuracy table."""
    table = README.split("<!-- figures:", 1)[1].split("\n\n", 1)[0]
    out: dict[str, dict[str, float]] = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in {"suite", "---"} or cells[0].startswith("-"):
            continue
        out[cells[0]] = {name: float(value) for name, value in re.findall(r"\b([a-z0-9_]+) (\d\.\d{3})\b", cells[2])}
    return out


FIGURES = readme_figures()


def test_the_table_lists_every_suite() -> None:
    assert set(FIGURES) == {"extraction", "events", "news-events", "written-events", "geo", "claims", "petrarch", "speakers"}
    assert all(FIGURES.values())


@pytest.mark.parametrize("suite", sorted(FIGURES))
def test_readme_figures_are_current(suite: str) -> None:
    report = default_report(suite)
    for name, shown in FIGURES[suite].items():
        measured = float(report.figures[name])
        assert abs(measured - shown) <= 0.0006, f"README says {suite} {name} {shown}, eval measures {measured:.4f}"
