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

_PUBLISHED_DAY = "try_cast(substr(a.published_at, 1, 10) AS DATE)"
DATE_PRECISION = (
    "(CASE WHEN e.date IS NULL THEN (CASE WHEN " + _PUBLISHED_DAY + " IS NULL THEN 'undated' ELSE 'report' END)"
    " WHEN contains(e.date, '/') THEN 'range' WHEN length(e.date) = 4 THEN 'year'"
    " WHEN length(e.date) = 7 THEN 'month' ELSE 'day' END)"
)
PRECISIONS = ("day", "report", "month", "year", "range", "undated")
# The one day a bar counts the event on: its own day, or its article's when it has no date.
EVENT_DAY = (
    "(CASE WHEN length(e.date) = 10 THEN try_cast(e.date AS DATE)"
    f" WHEN e.date IS NULL THEN {_PUBLISHED_DAY} END)"
)
_FIRST = "split_part(coalesce(e.date, substr(a.published_at, 1, 10)), '/', 1)"
_LAST = (
    "(CASE WHEN contains(e.date, '/') THEN split_part(e.date, '/', 2)"
    " ELSE coalesce(e.date, substr(a.published_at, 1, 10)) END)"
)
# The first and last day the event may have happened on (a month spans all its days; an open
# range, "since 2022" stored as 2022/.., runs to the article's publication day).
SPAN_START = (
    f"try_cast(CASE length({_FIRST}) WHEN 4 THEN {_FIRST} || '-01-01' WHEN 7 THEN {_FIRST} || '-01'"
    f" ELSE substr({_FIRST}, 1, 10) END AS DATE)"
)
SPAN_END = (
    f"(CASE WHEN {_LAST} = '..' THEN {_PUBLISHED_DAY} ELSE CASE length({_LAST}) WHEN 4 THEN try_cast({_LAST} || '-12-31' AS DATE)"
    f" WHEN 7 THEN last_day(try_cast({_LAST} || '-01' AS DATE)) ELSE try_cast(substr({_LAST}, 1, 10) AS DATE) END END)"
)


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
