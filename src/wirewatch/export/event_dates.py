"""Day-precision start and end of an event's date, for layouts that require YYYY-MM-DD.

Stored dates keep their own precision (``2024``, ``2024-05``, ``2024-05-03`` or a
``start/end`` range); an undated event falls back to its article's publication day.
"""

from __future__ import annotations

import calendar
import re

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bounds(part: str) -> tuple[str, str] | None:
    match = _PART.match(part.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        value = f"{year}-{month}-{day}"
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def day_range(date: str | None, published_at: str | None) -> tuple[str | None, str | None]:
    """(first day, last day) the event may have happened on; (None, None) when nothing is known."""
    if date:
        first, _, last = date.partition("/")
        start = _bounds(first)
        end = _bounds(last) if last else start
        if start and end:
            return start[0], end[1]
    if published_at:
        known = _bounds(published_at[:10])
        if known:
            return known
    return None, None
