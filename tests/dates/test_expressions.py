from __future__ import annotations

import pytest
from stage_lexicons import date_words

from wirewatch.dates.expressions import reference_date
from wirewatch.dates.normalise import ResolvedDate, resolve_date_expression

REF = "2025-11-20T09:30:00Z"  # a Thursday


def _value(text: str, ref: str | None = REF) -> tuple[str, str] | None:
    found = resolve_date_expression(text, ref, date_words())
    return None if found is None else (found.value, found.granularity)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", ("2024", "year")),
        ("In 2024", ("2024", "year")),
        ("in 2018", ("2018", "year")),
        ("Between 2022 and 2025", ("2022/2025", "range")),
        ("from 2022 to 2025", ("2022/2025", "range")),
        ("2022-25", ("2022/2025", "range")),
        ("from May to July 2024", ("2024-05/2024-07", "range")),
        ("since 2016", ("2016/..", "range")),
        ("the early 2000s", ("2000/2003", "decade")),
        ("the mid-1990s", ("1994/1996", "decade")),
        ("the 1980s", ("1980/1989", "decade")),
        ("the '90s", ("1990/1999", "decade")),
        ("May 2024", ("2024-05", "month")),
        ("May 3, 2024", ("2024-05-03", "day")),
        ("3 May 2024", ("2024-05-03", "day")),
        ("Nov. 5", ("2025-11-05", "day")),
    ],
)
def test_absolute_expressions(text: str, expected: tuple[str, str]) -> None:
    assert _value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Tuesday", ("2025-11-18", "day")),  # the Tuesday before a Thursday publication
        ("Thursday", ("2025-11-20", "day")),  # the publication day itself
        ("Friday", ("2025-11-14", "day")),
        ("yesterday", ("2025-11-19", "day")),
        ("last week", ("2025-11-10/2025-11-16", "range")),
        ("last month", ("2025-10", "month")),
        ("this year", ("2025", "year")),
        ("last year", ("2024", "year")),
        ("three days ago", ("2025-11-17", "day")),
        ("two years ago", ("2023", "year")),
        ("in May", ("2025-05", "month")),
        ("in December", ("2024-12", "month")),  # not yet December when published: the last one
    ],
)
def test_relative_expressions_use_the_publication_date(text: str, expected: tuple[str, str]) -> None:
    assert _value(text) == expected


@pytest.mark.parametrize("text", ["yesterday", "on Tuesday", "last week", "in May", "3 May"])
def test_relative_expressions_need_a_reference(text: str) -> None:
    assert _value(text, None) is None


@pytest.mark.parametrize("text", ["six-month", "six months", "the Soviet era", "two years", "decades", "usual", ""])
def test_durations_and_vague_spans_are_not_dates(text: str) -> None:
    assert _value(text) is None


def test_the_words_are_kept() -> None:
    assert resolve_date_expression("Between 2022 and 2025", REF, date_words()) == ResolvedDate(
        "2022/2025", "range", "Between 2022 and 2025"
    )


def test_reference_date_accepts_iso_forms_and_names_bad_ones() -> None:
    assert str(reference_date("2025-11-20")) == "2025-11-20"
    assert str(reference_date("2025-11-20T23:59:00+02:00")) == "2025-11-20"
    assert reference_date(None) is None
    with pytest.raises(ValueError, match="last Tuesday"):
        reference_date("last Tuesday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("on Tuesday", "2025-11-25"), ("Thursday", "2025-11-20"), ("in December", "2025-12"), ("in May", "2026-05")],
)
def test_future_reads_forwards(text: str, expected: str) -> None:
    found = resolve_date_expression(text, REF, date_words(), future=True)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Dec. 3", "2025-12-03"), ("Nov. 5", "2025-11-05"), ("Jan. 30", "2025-01-30"), ("March 4", "2025-03-04")],
)
def test_a_day_without_its_year_is_the_last_one_unless_the_next_is_weeks_away(text: str, expected: str) -> None:
    # December 3 is thirteen days after the paper (Nov. 20) and almost a year before it: the coming
    # one. January 30 is ten weeks ahead: the last one, as every day not within six weeks.
    assert _value(text) == (expected, "day")
