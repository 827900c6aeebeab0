"""Verbs of criticism, praise, rejection and request common in news copy (issue 13): each codes its
CAMEO root with the right actors. Sentences written for the test."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


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


def test_an_army_retaking_territory_is_coded_though_the_model_leaves_retook_unlemmatised(code) -> None:
    events = code("The army retook the town of Kidal from the rebels.")
    assert any(e.cameo_code == "192" and e.modality == "asserted" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, target",
    [
        ("The government approved an arms sale to Taiwan.", "TWN"),
        ("The Pentagon approved the sale of 24 fighter jets to Greece.", "GRC"),
        ("Washington approved a contract to sell Poland 96 attack helicopters.", "POL"),
    ],
)
def test_approving_an_arms_sale_is_one_military_cooperation_with_the_buyer(code, text: str, target: str) -> None:
    events = code(text)
    assert [(e.cameo_code, e.target_country) for e in events] == [("062", target)], \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]


def test_approving_a_budget_is_no_event(code) -> None:
    assert code("The council approved the budget for the new school.") == []


def test_hoping_another_party_will_act_is_an_appeal_to_it(code) -> None:
    events = code("Mexico hopes that Guatemala will close the border crossings.")
    assert ("MEX", "GTM") in {(e.source_country, e.target_country) for e in events if e.cameo_code == "020"}, \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]


def test_a_hope_about_nobody_is_no_event(code) -> None:
    assert code("Officials in Lima hope the economy will recover soon.") == []


def test_a_poisoning_is_an_assault(code) -> None:
    events = code("Bulgarian agents poisoned the dissident in Vienna.")
    assert any(e.plover_type == "ASSAULT" and e.source_country == "BGR" for e in events), \
        [(e.source_code, e.cameo_code, e.target_code, e.rule) for e in events]
