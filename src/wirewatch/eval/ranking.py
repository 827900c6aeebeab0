"""How well a score ranks right items above wrong ones: the area under the ROC curve."""

from __future__ import annotations

from collections.abc import Sequence


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The chance that a right item scores above a wrong one (ties count half); 0.0 without both.
    Sorted once, so it costs n log n, not the pairs."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(1 for _, y in pairs if y)
    negatives = len(pairs) - positives
    if not positives or not negatives:
        return 0.0
    wins = 0.0
    below = 0  # wrong items scored strictly lower than the current score
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        tied_wrong = sum(1 for _, y in pairs[i:j] if not y)
        tied_right = (j - i) - tied_wrong
        wins += tied_right * (below + 0.5 * tied_wrong)
        below += tied_wrong
        i = j
    return wins / (positives * negatives)
