from __future__ import annotations

import pytest
from stage_lexicons import date_words

from wirewatch.dates.normalise import date_events, find_dates
from wirewatch.records import Article, Event, stable_id

pytestmark = [pytest.mark.slow]

SEED_SENTENCE = (
    "In 2024, Moscow sent warships to the region twice, including deploying a nuclear-capable submarine "
    "with hypersonic missiles in Cuba and two nuclear-capable bombers dispatched from Moscow to Venezuela in 2018."
)
PUBLISHED = "2025-11-20"


def _event(text: str, verb: str, after: str = "", target: str | None = None) -> Event:
    start = text.index(verb, text.index(after) if after else 0)
    return Event(
        event_id=stable_id(text, start), article_id="a", sentence_index=0, char_start=start,
        char_end=start + len(verb), evidence=text, source_text=None, source_code=None, source_country=None,
        source_sector=None, target_text=target, target_code=None, target_country=None, target_sector=None,
        cameo_code="150", cameo_root="15", quad_class=4, goldstein=-7.2, plover_type="MOBILIZE",
    )


def _date(nlp, text: str, events: list[Event], published_at: str | None = PUBLISHED) -> list[Event]:
    date_events(nlp(text), Article(article_id="a", text=text, published_at=published_at), events, date_words())
    return events


def test_seed_sentence_dates_each_event(nlp) -> None:
    sent, deploy, dispatch = (_event(SEED_SENTENCE, v) for v in ("sent", "deploying", "dispatched"))
    _date(nlp, SEED_SENTENCE, [sent, deploy, dispatch])
    assert (sent.date, sent.date_granularity) == ("2024", "year")
    assert (deploy.date, deploy.date_text) == ("2024", "2024")
    assert (dispatch.date, dispatch.date_granularity, dispatch.date_text) == ("2018", "year", "2018")


def test_range_sentence(nlp) -> None:
    text = ("Between 2022 and 2025, Russia regularly received students from historical allies "
            "in its military academies.")
    (event,) = _date(nlp, text, [_event(text, "received")])
    assert (event.date, event.date_granularity, event.date_text) == ("2022/2025", "range", "Between 2022 and 2025")


def test_weekday_resolves_before_publication(nlp) -> None:
    text = "Turkish forces shelled Qamishli on Tuesday, a Kurdish spokesman said."
    (event,) = _date(nlp, text, [_event(text, "shelled")])
    assert (event.date, event.date_granularity) == ("2025-11-18", "day")


def test_event_without_a_date_takes_the_publication_day(nlp) -> None:
    text = "Russia also signed new agreements with Nicaragua and Venezuela."
    (event,) = _date(nlp, text, [_event(text, "signed")])
    assert (event.date, event.date_granularity, event.date_text) == ("2025-11-20", "day", None)


def test_no_date_and_no_publication_date_leaves_it_empty(nlp) -> None:
    text = "Russia also signed new agreements with Nicaragua and Venezuela."
    (event,) = _date(nlp, text, [_event(text, "signed")], published_at=None)
    assert event.date is None and event.date_granularity is None


def test_dates_in_other_sentences_do_not_leak(nlp) -> None:
    text = "The doctrine dates from the early 2000s. Moscow sent bombers to Caracas last week."
    (event,) = _date(nlp, text, [_event(text, "sent")])
    assert (event.date, event.date_granularity) == ("2025-11-10/2025-11-16", "range")


def test_decade_and_durations_in_text(nlp) -> None:
    text = ("Russia's military influence in the region started in the early 2000s, and the general's stay "
            "was extended beyond the usual six-month rotation.")
    found = {m.span.text: m.date.value for m in find_dates(nlp(text), PUBLISHED, date_words())}
    assert found.get("the early 2000s") == "2000/2003"
    assert not any("six" in key for key in found)


def test_untagged_year_after_a_preposition_is_found(nlp) -> None:
    text = "Officials said 2000 troops arrived, as they had since 2016."
    found = [(m.span.text, m.date.value) for m in find_dates(nlp(text), PUBLISHED, date_words())]
    assert ("since 2016", "2016/..") in found
    assert all(value != "2000" for _, value in found)


def test_a_relative_clause_date_is_not_the_event_date(nlp) -> None:
    text = "Russia, which invaded Ukraine in 2022, sent military trainers to Mali."
    (event,) = _date(nlp, text, [_event(text, "sent")])
    assert (event.date, event.date_granularity) == ("2025-11-20", "day")
    (invasion,) = _date(nlp, text, [_event(text, "invaded")])
    assert invasion.date == "2022"


def test_a_report_date_is_not_the_reported_event_date(nlp) -> None:
    text = "In March, officials said that Russia had sent advisers to Caracas in 2019."
    sent, = _date(nlp, text, [_event(text, "sent")])
    assert sent.date == "2019"
    said, = _date(nlp, text, [_event(text, "said")])
    assert (said.date, said.date_granularity) == ("2025-03", "month")


def test_a_loose_publication_header_still_anchors_weekdays(nlp) -> None:
    text = "Turkish forces shelled Qamishli on Tuesday."
    (event,) = _date(nlp, text, [_event(text, "shelled")], published_at="Thursday, 20 November 2025")
    assert event.date == "2025-11-18"
    (event,) = _date(nlp, text, [_event(text, "shelled")], published_at="not a date at all")
    assert event.date is None


def test_future_event_takes_the_coming_weekday(nlp) -> None:
    text = "Putin will meet Maduro in Moscow on Tuesday."
    event = _event(text, "meet")
    event.modality = "future"
    _date(nlp, text, [event])
    assert (event.date, event.date_text) == ("2025-11-25", "Tuesday")


def _triggered(text: str, verb: str, after: str = "", modality: str = "asserted") -> Event:
    """An event as the coder makes it: its sentence as evidence, its verb as the trigger."""
    event = _event(text, verb, after)
    stop, newline = text.rfind(". ", 0, event.char_start), text.rfind("\n", 0, event.char_start)
    sent_start = max(stop + 2 if stop >= 0 else 0, newline + 1)
    sent_end = text.find(".", event.char_start) + 1 or len(text)
    event.trigger_start, event.trigger_end = event.char_start, event.char_end
    event.char_start, event.char_end, event.modality = sent_start, sent_end, modality
    return event


def test_a_temporal_clause_happens_when_its_main_clause_does(nlp) -> None:
    # The clause "when ..." is not a reason or report: it shares the main clause's day.
    text = "The envoy drew loud applause from reporters on Tuesday when she lashed out at the tariff plan."
    (event,) = _date(nlp, text, [_triggered(text, "lashed")])
    assert (event.date, event.date_text) == ("2025-11-18", "Tuesday")


def test_an_event_with_no_date_of_its_own_takes_the_day_the_lede_names(nlp) -> None:
    # Published on Thursday 20 November; the lede says Monday: the story is Monday's.
    text = ("ABSTRACT.\n\nThe minister spoke at length.\n\nFULL TEXT.\n\n"
            "The foreign minister met his Chilean counterpart on Monday in a hastily arranged visit. "
            "He also criticised the new sanctions. He will travel to Lima.")
    met, criticised = _triggered(text, "met"), _triggered(text, "criticised")
    travel = _triggered(text, "travel", modality="future")
    _date(nlp, text, [met, criticised, travel])
    assert (met.date, met.date_text) == ("2025-11-17", "Monday")
    assert (criticised.date, criticised.date_granularity, criticised.date_text) == ("2025-11-17", "day", None)
    assert travel.date == "2025-11-20"  # a future act has not happened on the story's day


def test_a_day_named_later_or_more_than_a_week_old_is_not_the_storys(nlp) -> None:
    old = "The accord was first signed on Oct. 2 in Geneva. The ministers also praised the monitors."
    (praised,) = _date(nlp, old, [_triggered(old, "praised")])
    assert praised.date == "2025-11-20"
    late = ("The council met for two hours. Members spoke in turn at length. Several delegates walked out. The chair closed "
            "the meeting. The envoy said on Monday that talks would resume. The envoy also praised the monitors.")
    (praised,) = _date(nlp, late, [_triggered(late, "praised")])
    assert praised.date == "2025-11-20"


def test_a_title_with_no_date_takes_the_story_day_it_is_given(nlp) -> None:
    from wirewatch.dates.expressions import ResolvedDate

    title = "Minister rebukes envoy over sanctions"
    event = _triggered(title, "rebukes")
    story = ResolvedDate("2025-11-17", "day", "Monday")
    date_events(nlp(title), Article(article_id="a", text=title, published_at=PUBLISHED), [event], date_words(), story)
    assert (event.date, event.date_text) == ("2025-11-17", None)


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Officials said the minister's Dec. 3 meeting with the envoy was arranged two weeks ago.", "meeting",
         ("2025-12-03", "Dec. 3")),
        ("Sunday's election in the province was postponed on Wednesday, the commission said.", "election",
         ("2025-11-16", "Sunday")),
    ],
)
def test_a_date_in_the_event_nouns_own_phrase_is_its_date(nlp, text: str, noun: str, expected) -> None:
    # The clause's verb ("arranged two weeks ago", "postponed on Wednesday") dates the arranging,
    # not the meeting; a day without its year within weeks ahead is the coming one.
    (event,) = _date(nlp, text, [_triggered(text, noun)])
    assert (event.date, event.date_text) == expected
