"""Who reports an event and when it happened: the news-events suite's tests on matched events."""

from __future__ import annotations

from wirewatch.eval.event_matching import CodedEvent, GoldEvent, attribution_right, date_right


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


def _dated(coded_date: str | None, gold_date: str | None) -> bool:
    coded = CodedEvent("x", None, None, "19", "ASSAULT", "asserted", date=coded_date)
    gold = GoldEvent("a#1", "x", "x", None, None, "19", "ASSAULT", "asserted", date=gold_date)
    return date_right(coded, gold)


def test_a_date_is_right_when_it_is_the_gold_date_lies_within_it_or_holds_it() -> None:
    assert _dated("2018-01-23", "2018-01-23")
    assert _dated("2018-01-22", "2018-01-20/2018-01-23")  # a day of the gold range
    assert _dated("2018", "2018-01-23")  # the year of the gold day: less precise, not wrong
    assert _dated("2018-01", "2018-01-20/2018-01-23")
    assert not _dated("2018-01-24", "2018-01-20/2018-01-23")
    assert not _dated("2018-02", "2018-01-23")
    assert not _dated(None, "2018-01-23")
    assert not _dated("2018-01-23", None)  # nothing to be right about: such pairs are not counted
