"""The result every evaluation suite returns: flat figures for --json, plus details for people."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class EvalReport:
    suite: str
    dataset: str  # path of the set that was scored
    figures: dict[str, float | int]  # the suite's documented keys (README, docs/), fractions in 0..1 (plus counts)
    # Rows for the human table: (label, value) pairs in display order.
    table: list[tuple[str, str]] = field(default_factory=list)
    # Examples the system got wrong, each a small dict; shown after the table, capped by the CLI.
    misses: list[dict[str, Any]] = field(default_factory=list)
    # Optional extra sections (e.g. a confusion table) as titled lists of rows.
    sections: dict[str, list[list[str]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return dict(self.figures)
