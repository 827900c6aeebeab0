"""Across stages: "we" and "I" in a quote are its speaker, never the last subject before the quote."""

from __future__ import annotations

import pytest

from wirewatch import analyze

pytestmark = [pytest.mark.slow]

TEXT = (
    "The United States accused Tehran of hiding enriched uranium from inspectors.\n\n"
    "\"We will not negotiate under pressure,\" Iranian Foreign Minister Abbas Araghchi said on Monday."
)


def test_first_person_in_a_direct_quote_is_the_speaker() -> None:
    analysis = analyze(TEXT, published_at="2025-11-03")
    quoted = [e for e in analysis.events if "negotiate" in e.evidence]
    assert quoted, [(e.source_text, e.cameo_code, e.evidence) for e in analysis.events]
    for event in quoted:
        assert event.source_country == "IRN", (event.source_text, event.source_code)
        assert event.claimant and "Araghchi" in event.claimant
    # the accusation before the quote keeps its own source
    assert any(e.source_country == "USA" and e.cameo_root == "11" for e in analysis.events)


def test_first_person_outside_any_quote_codes_no_actor() -> None:
    analysis = analyze("We will send troops to the border next week, the statement ended.\n\nNothing else was said.")
    assert all(e.source_code is None for e in analysis.events if e.source_text and e.source_text.lower() == "we")


def test_the_writers_own_first_person_is_no_actor_shown() -> None:
    # a first-person sentence nobody is quoted saying is the writer's: the event keeps no actor, so
    # it is "uncoded" (kept for review), never a row with "I" or "we" as its source
    analysis = analyze("In July we recommended a grant to the charity to support its work.\n\n"
                       "I thank the people I work with for their support over the years.", published_at="2019-11-01")
    assert analysis.events, "expected the recommendation to be coded"
    assert all((e.source_text or "").lower() not in ("i", "we") for e in analysis.events), \
        [(e.source_text, e.cameo_code) for e in analysis.events]
