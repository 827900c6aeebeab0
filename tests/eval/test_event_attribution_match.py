"""Who reports an event: the news-events suite's provenance test on matched events."""

from __future__ import annotations

from wirewatch.eval.event_matching import CodedEvent, GoldEvent, attribution_right


def _pair(claimant: str | None, attributed_to: str | None) -> tuple[CodedEvent, GoldEvent]:
    coded = CodedEvent("Turkey shelled the town, a spokesman said", "TUR", "SYR", "19", "ASSAULT", "asserted",
                       claimant=claimant)
    gold = GoldEvent("a#1", "Turkey shelled the town", "shelled", "TUR", "SYR", "19", "ASSAULT", "asserted",
                     attributed_to=attributed_to)
    return coded, gold


def test_an_event_the_article_states_itself_must_not_be_credited() -> None:
    assert attribution_right(*_pair(None, None))
    assert attribution_right(*_pair("unattributed", None))
    assert not attribution_right(*_pair("Nureddine Mehmud", None))


def test_a_reported_event_needs_a_claimant_naming_the_reporter() -> None:
    assert attribution_right(*_pair("Mehmud", "Nureddine Mehmud"))
    assert attribution_right(*_pair("Interfax", "Russian state TV and Interfax"))
    assert not attribution_right(*_pair(None, "Nureddine Mehmud"))
    assert not attribution_right(*_pair("he", "Nureddine Mehmud"))  # an unresolved pronoun names nobody
    assert not attribution_right(*_pair("the ministry", "the British government"))  # "the" is no name
