"""Event dates as day intervals, so reports of one event at different precisions can be compared."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]

# A report without its own date is dated by publication, a day or two after the event.
PUBLICATION_SLACK = timedelta(days=2)
# Outlets in other time zones, "late on Tuesday" vs "on Wednesday".
DAY_SLACK = timedelta(days=1)


def _point(value: str, end: bool) -> date | None:
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if end else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1]) if end else date(year, month, 1)
        return date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None


def interval(event_date: str | None, published_at: str | None) -> Interval | None:
    """The days an event may have happened on: its own date, else around its publication."""
    if event_date:
        start_text, _, end_text = event_date.partition("/")
        start, end = _point(start_text, False), _point(end_text or start_text, True)
        if start and end and start <= end:
            if start == end:
                return start - DAY_SLACK, end + DAY_SLACK
            return start, end
    if published_at:
        day = _point(published_at[:10], False)
        if day:
            return day - PUBLICATION_SLACK, day
    return None


def overlap(a: Interval | None, b: Interval | None) -> bool:
    """Unknown dates are compatible with any."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def narrower(a: Interval | None, b: Interval | None) -> Interval | None:
    """Intersection when both known (what every report agrees on), else the known one."""
    if a is None:
        return b
    if b is None:
        return a
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else a
