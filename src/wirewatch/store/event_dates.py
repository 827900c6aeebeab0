"""When an event happened, as SQL over ``events e LEFT JOIN articles a``: the expressions the
query layer filters on and the timeline counts by, in one place so they cannot disagree.

An event's ``date`` is a day, a month, a year or a 'start/end' range; an event with no date of
its own is placed on its article's publication day (the "report" day, as GDELT does); with
neither it is "undated". Charts draw day and report-day events as bars, month, year and range
events as bands over their whole span, and count undated events apart: nothing is drawn on a
day it did not happen on. Only fixed SQL text is here; values travel as parameters.
"""

from __future__ import annotations

from typing import Any

PRECISIONS = ("day", "report", "month", "year", "range", "undated")

# Each expression is written over a date column and a publication column, ``e.date`` and
# ``a.published_at`` by default; a caller that has already grouped rows by those two values
# (the event count does) evaluates them once per group instead of once per event.


def _published_day(published: str) -> str:
    return f"try_cast(substr({published}, 1, 10) AS DATE)"


def precision_sql(date: str = "e.date", published: str = "a.published_at") -> str:
    """How the event is dated: one of ``PRECISIONS``."""
    return (
        f"(CASE WHEN {date} IS NULL THEN (CASE WHEN {_published_day(published)} IS NULL THEN 'undated' ELSE 'report' END)"
        f" WHEN contains({date}, '/') THEN 'range' WHEN length({date}) = 4 THEN 'year'"
        f" WHEN length({date}) = 7 THEN 'month' ELSE 'day' END)"
    )


def event_day_sql(date: str = "e.date", published: str = "a.published_at") -> str:
    """The one day a bar counts the event on: its own day, or its article's when it has no date."""
    return f"(CASE WHEN length({date}) = 10 THEN try_cast({date} AS DATE) WHEN {date} IS NULL THEN {_published_day(published)} END)"


def _first(date: str, published: str) -> str:
    return f"split_part(coalesce({date}, substr({published}, 1, 10)), '/', 1)"


def _last(date: str, published: str) -> str:
    return f"(CASE WHEN contains({date}, '/') THEN split_part({date}, '/', 2) ELSE coalesce({date}, substr({published}, 1, 10)) END)"


def span_start_sql(date: str = "e.date", published: str = "a.published_at") -> str:
    """The first day the event may have happened on (a month starts on its 1st)."""
    first = _first(date, published)
    return (
        f"try_cast(CASE length({first}) WHEN 4 THEN {first} || '-01-01' WHEN 7 THEN {first} || '-01'"
        f" ELSE substr({first}, 1, 10) END AS DATE)"
    )


def span_end_sql(date: str = "e.date", published: str = "a.published_at") -> str:
    """The last day the event may have happened on (a month ends on its last day; an open range,
    "since 2022" stored as 2022/.., runs to the article's publication day)."""
    last = _last(date, published)
    return (
        f"(CASE WHEN {last} = '..' THEN {_published_day(published)} ELSE CASE length({last})"
        f" WHEN 4 THEN try_cast({last} || '-12-31' AS DATE) WHEN 7 THEN last_day(try_cast({last} || '-01' AS DATE))"
        f" ELSE try_cast(substr({last}, 1, 10) AS DATE) END END)"
    )


DATE_PRECISION = precision_sql()
EVENT_DAY = event_day_sql()
SPAN_START = span_start_sql()
SPAN_END = span_end_sql()


def date_overlap(value_sql: str, since: str | None, until: str | None, where: list[str], params: list[Any]) -> None:
    """Keep rows whose date (at any granularity, or a 'start/end' range) overlaps [since, until].

    Dates are ISO strings of varying precision, so the comparison is on strings: a value's
    end is itself followed by '~' (sorts after every digit and '-'), which makes '2024-05'
    cover every day of May 2024; ``until`` gets the same treatment.
    """
    start = f"split_part({value_sql}, '/', 1)"
    end = f"(CASE WHEN contains({value_sql}, '/') THEN split_part({value_sql}, '/', 2) ELSE {value_sql} END)"
    if since is not None:
        where.append(f"({end} || '~') >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{start} <= ?")
        params.append(until + "~")
