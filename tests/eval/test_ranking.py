"""The AUC that measures how well the event confidence ranks right events above wrong ones."""

from __future__ import annotations

import itertools
import random

from wirewatch.eval.ranking import auc


def _pairs(scores: list[float], labels: list[bool]) -> float:
    right = [s for s, y in zip(scores, labels, strict=True) if y]
    wrong = [s for s, y in zip(scores, labels, strict=True) if not y]
    return sum((r > w) + 0.5 * (r == w) for r, w in itertools.product(right, wrong)) / (len(right) * len(wrong))


def test_auc_is_the_share_of_right_over_wrong_pairs_with_ties_half() -> None:
    assert auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert auc([0.1, 0.8, 0.9], [True, False, False]) == 0.0
    assert auc([0.5, 0.5], [True, False]) == 0.5
    assert auc([0.3, 0.7], [True, True]) == 0.0  # no wrong item: nothing to rank
    rng = random.Random(7)
    for _ in range(50):
        scores = [round(rng.random(), 1) for _ in range(30)]
        labels = [rng.random() < 0.4 for _ in range(30)]
        if any(labels) and not all(labels):
            assert abs(auc(scores, labels) - _pairs(scores, labels)) < 1e-12
