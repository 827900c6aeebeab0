"""What a speaker says another party should or must do is the speaker's demand of it (issue 13).

Constructions written for the test, with verbs that code no event of their own."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _show(events) -> list[tuple]:
    return [(e.source_code, e.cameo_code, e.target_code, e.modality, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("The Indian foreign minister said Nepal should stay out of the dispute.", "IND", "NPL"),
        ("Ankara said Athens must be careful in the Aegean.", "TUR", "GRC"),
        ('"Kenya should keep its word," the Ugandan president said.', "UGA", "KEN"),
        # a pronoun speaker is the latest coded subject before it
        ("The Brazilian president spoke in Lima. He said Peru should look to the future.", "BRA", "PER"),
    ],
)
def test_should_and_must_in_someones_words_are_a_demand(code, text: str, source: str, target: str) -> None:
    events = [e for e in code(text) if e.cameo_code == "100"]
    assert [(e.source_country, e.target_country, e.modality) for e in events] == [(source, target, "asserted")], \
        _show(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "We should work harder, the Chilean president said.",  # the speaker's own plan
        "Nepal should stay out of the dispute.",  # nobody's words
        "The Indian minister said he must stay out of the dispute.",  # whom "he" means is unclear
        "The columnist said Nepal should stay out of the dispute.",  # no actor speaks
    ],
)
def test_no_demand_without_a_speaker_and_another_party(code, text: str) -> None:
    assert not [e for e in code(text) if e.rule.startswith("obligation")], _show(code(text))


@pytest.mark.parametrize(
    "text, source",
    [
        # "all sides" names nobody: the speaker's demand with no target
        ("Foreign Minister Wang Yi spoke in Moscow on Monday. All sides should work toward peace, "
         "Wang told reporters.", "CHN"),
    ],
)
def test_a_speaker_named_again_without_a_code_is_the_person_of_that_name(code, text: str, source: str) -> None:
    events = [e for e in code(text) if e.rule.startswith("obligation")]
    assert [(e.source_country, e.target_country) for e in events] == [(source, None)], _show(code(text))


def test_a_name_two_coded_people_share_speaks_for_neither(code) -> None:
    text = ("Foreign Minister Wang Yi met Defence Minister Wang Jun in Moscow. All sides should work toward peace, "
            "Wang told reporters.")
    assert not [e for e in code(text) if e.rule.startswith("obligation")], _show(code(text))
