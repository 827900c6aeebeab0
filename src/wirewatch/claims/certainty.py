"""How surely a claim is put: low, medium or high.

Start from what the reporting verb lends ("said" high, "claimed" or "believes" medium,
"it's said" low); anonymous or collective speakers ("experts", "sources") lower it one step;
hedges lower it one step (two or more hedges, two steps); a booster raises it one step.
Unattributed hearsay never rises above low.
"""

from __future__ import annotations

from wirewatch.records import CERTAINTIES


def claim_certainty(
    verb_certainty: str, *, kind: str, hedges: list[str], boosters: list[str], anonymous: bool
) -> str:
    if verb_certainty not in CERTAINTIES:
        raise ValueError(f"certainty {verb_certainty!r} is not one of {CERTAINTIES}")
    level = CERTAINTIES.index(verb_certainty)
    if anonymous:
        level -= 1
    level -= min(len(hedges), 2)
    if boosters:
        level += 1
    if kind == "unattributed":
        level = min(level, 0)
    return CERTAINTIES[max(0, min(level, len(CERTAINTIES) - 1))]
