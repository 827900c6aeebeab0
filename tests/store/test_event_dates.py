"""When an event happened, at its own precision: the span and precision the timeline and the
precision filter use, for every form a stored date takes."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from wirewatch.store.event_dates import DATE_PRECISION, EVENT_DAY, SPAN_END, SPAN_START


@pytest.mark.parametrize(
    ("stored", "published", "expected"),
    [
        ("2024-05-03", None, (date(2024, 5, 3), date(2024, 5, 3), "day", date(2024, 5, 3))),
        ("2024-02", None, (date(2024, 2, 1), date(2024, 2, 29), "month", None)),  # no day: a band, not a bar
        ("2023", "2025-09-01", (date(2023, 1, 1), date(2023, 12, 31), "year", None)),  # never the report's day
        ("2000/2009", None, (date(2000, 1, 1), date(2009, 12, 31), "range", None)),
        ("2022/..", "2025-03-04", (date(2022, 1, 1), date(2025, 3, 4), "range", None)),  # open: up to the report
        (None, "2025-01-02T10:00:00", (date(2025, 1, 2), date(2025, 1, 2), "report", date(2025, 1, 2))),
        (None, None, (None, None, "undated", None)),
    ],
)
def test_span_precision_and_day(stored, published, expected) -> None:
    with duckdb.connect() as con:
        row = con.execute(
            f"SELECT {SPAN_START}, {SPAN_END}, {DATE_PRECISION}, {EVENT_DAY}"
            " FROM (SELECT ?::VARCHAR AS date) e, (SELECT ?::VARCHAR AS published_at) a",
            [stored, published],
        ).fetchone()
    assert row == expected
