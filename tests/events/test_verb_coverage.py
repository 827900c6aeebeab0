"""Verbs of criticism, praise, rejection and request common in news copy (issue 13): each codes its
CAMEO root with the right actors. Sentences written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, root, source, target",
    [
        ("The Kenyan president chided Uganda over the border closure.", "11", "KEN", "UGA"),
        ("Armenia lashed out at Azerbaijan over the blockade.", "11", "ARM", "AZE"),
        ("Canada hit out at India over the killing.", "11", "CAN", "IND"),
        ("Seoul appreciates the efforts made by Tokyo.", "05", "KOR", "JPN"),
        ("Vietnam rebutted Chinese claims in the sea.", "12", "VNM", "CHN"),
        ("The United States has been lobbying Brazil to back the resolution.", "10", "USA", "BRA"),
    ],
)
def test_news_verbs(code, text: str, root: str, source: str, target: str) -> None:
    events = [e for e in code(text) if e.cameo_root == root]
    assert (source, target) in {(e.source_country, e.target_country) for e in events}, \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in code(text)]
