"""One date expression -> an ISO value at its own granularity, relative to a reference date.

Cascade (first that applies wins):
1. ranges: "between 2022 and 2025", "from May to July 2024", "2022-25"  -> "2022/2025" (range)
2. "since 2016"                                                           -> "2016/.." (range)
3. decades: "the 2000s", "the early 2000s"                                -> "2000/2009", "2000/2003" (decade)
4. a bare year: "2024", "in 2024"                                         -> "2024" (year)
5. relative words: "yesterday", "last week", "this year"                  (needs the reference)
6. "three days ago", "two years ago"                                      (needs the reference)
7. weekdays: "on Tuesday" -> the latest Tuesday on or before the reference (day)
8. a month alone: "in May" -> the latest May not after the reference (month); "May 2024" (month)
9. calendar dates with a day ("May 3, 2024", "3 May", "03/05/2024") through dateparser (day); a
   day without its year is the last one, unless that is ten months back and the next one is
   within six weeks ("the Dec. 28 meeting" in a paper of December 10)
Durations ("six months", "two-year") and anything else return None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("wirewatch.dates") / "data"
_YEAR_MIN, _YEAR_MAX = 1000, 2199
# Longer "dates" are a tagger's mistake over a run of text, never one expression; the range
# and weekday patterns below are quadratic in the length, so they are never tried on one.
MAX_EXPRESSION_CHARS = 120
# A day written without its year (point 9 of the module docstring): the last one, unless that is
# more than _FAR_BACK ago and the next one comes within _SOON.
_FAR_BACK = timedelta(days=300)
_SOON = timedelta(days=45)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str  # ISO at its granularity: 2024, 2024-05, 2024-05-03, 2022/2025, 2016/..
    granularity: str  # day, month, year, range, decade
    text: str  # the words it came from


# The words of ``data/date_words.yaml`` by kind: months, weekdays, relative words, range words...
DateWords = dict[str, Any]


def read_date_words() -> DateWords:
    """The date words (``stages.Knowledge.load`` reads them once and hands them to ``date_events``)."""
    return yaml.safe_load((DATA / "date_words.yaml").read_text(encoding="utf-8")) or {}


def reference_date(value: date | datetime | str | None) -> date | None:
    """A publication date as a ``date``; ISO strings ('2025-11-20', '2025-11-20T08:00:00Z') accepted."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        raise ValueError(f"published_at={value!r} is not an ISO 8601 date or datetime") from None


def lenient_reference_date(value: str | None) -> date | None:
    """A publication date as found by ingest (ISO, or a looser form such as 'Nov 20, 2025');
    None when it cannot be read, so that one odd header never stops an article."""
    try:
        return reference_date(value)
    except ValueError:
        import dateparser  # only for the rare non-ISO header

        parsed = dateparser.parse(str(value), languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
        return parsed.date() if parsed is not None else None


def _clean(text: str) -> str:
    text = text.replace("\u2019", "'").strip().strip(".,;:")
    return re.sub(r"\s+", " ", text)


def _strip_leading(text: str, words: DateWords) -> str:
    leading = set(words.get("leading_words", ()))
    parts = text.split(" ")
    while len(parts) > 1 and parts[0].casefold() in leading:
        parts.pop(0)
    return " ".join(parts)


def _year(text: str) -> int | None:
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        if _YEAR_MIN <= year <= _YEAR_MAX:
            return year
    return None


def resolve_date_expression(
    text: str, reference: date | datetime | str | None, words: DateWords, *, future: bool = False
) -> ResolvedDate | None:
    """Resolve one date expression (see the module docstring); None when it is not a point in time.

    ``future``: the expression is about something still to come ("will meet on Tuesday"), so a
    weekday, a month or a day without a year is the next one after the reference, not the last."""
    original = text
    text = _clean(text)
    if not text or len(text) > MAX_EXPRESSION_CHARS:
        return None
    ref = reference_date(reference)
    for step in (_range, _since, _decade):
        found = step(text, ref, future, words)
        if found is not None:
            return ResolvedDate(found[0], found[1], original)
    core = _strip_leading(text, words)
    for step in (_bare_year, _relative, _ago, _weekday, _month, _calendar_date):
        found = step(core, ref, future, words)
        if found is not None:
            return ResolvedDate(found[0], found[1], original)
    return None


def _range(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    openers = "|".join(re.escape(w) for w in words.get("range_openers", ()))
    joiners = "|".join(re.escape(w) for w in words.get("range_joiners", ()))
    match = re.fullmatch(rf"(?i)(?:(?:{openers}) )?(.+?) ?(?:{joiners}) ?(.+)", text)
    if match is None:
        return None
    left, right = match[1], match[2]
    short = re.fullmatch(r"(\d{4})", left), re.fullmatch(r"(\d{2})", right)
    if short[0] and short[1]:  # "2022-25"
        right = left[:2] + right
    if not re.match(rf"(?i)(?:{openers}) ", text) and not re.search(r"\d", left + right):
        return None  # "May and June" alone is too loose to be a range
    # "from May to July 2024": the year on the right side applies to the left as well.
    year = re.search(r"\d{4}", right)
    if year and not re.search(r"\d", left):
        left = f"{left} {year[0]}"
    a = resolve_date_expression(left, ref, words, future=future)
    b = resolve_date_expression(right, ref, words, future=future)
    if a is None or b is None or a.granularity in ("range", "decade") or b.granularity in ("range", "decade"):
        return None
    if a.value > b.value:
        return None
    return f"{a.value}/{b.value}", "range"


def _since(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    match = re.fullmatch(r"(?i)since (.+)", text)
    if match is None:
        return None
    start = resolve_date_expression(match[1], ref, words, future=future)
    if start is None:
        return None
    return f"{start.value.split('/')[0]}/..", "range"


def _decade(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    match = re.fullmatch(r"(?i)(?:(?:in|during|by|since) )?(?:the )?(?:(early|mid|middle|late)[- ])?(\d{3}0|'\d0)'?s", text)
    if match is None:
        return None
    digits = match[2]
    start = int(digits) if len(digits) == 4 else (1900 + int(digits[1:]) if int(digits[1:]) >= 30 else 2000 + int(digits[1:]))
    low, high = (words.get("decade_parts", {}).get(match[1].casefold(), [0, 9]) if match[1] else [0, 9])
    return f"{start + low}/{start + high}", "decade"


def _bare_year(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    year = _year(re.sub(r"(?i)^(?:the year|fiscal|year) ", "", text))
    return (str(year), "year") if year is not None else None


def _shift(ref: date, unit: str, offset: int) -> tuple[str, str]:
    if unit == "day":
        return (ref + timedelta(days=offset)).isoformat(), "day"
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "range"
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return str(ref.year + offset), "year"


def _relative(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    entry = words.get("relative", {}).get(text.casefold())
    if entry is None or ref is None:
        return None
    return _shift(ref, entry["unit"], int(entry["offset"]))


def _ago(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    match = re.fullmatch(r"(?i)(\d+|[a-z]+(?: few)?) (\w+) ago", text)
    if match is None or ref is None:
        return None
    unit = words.get("ago_units", {}).get(match[2].casefold())
    count = int(match[1]) if match[1].isdigit() else words.get("number_words", {}).get(match[1].casefold())
    if unit is None or count is None:
        return None
    return _shift(ref, unit, -int(count))


def _weekday(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    days = list(words.get("weekdays", ()))
    match = re.fullmatch(r"(?i)(?:last |this |past )?(\w+?)(?:'s)?(?: (?:morning|afternoon|evening|night))?", text)
    if match is None or match[1].casefold() not in days or ref is None:
        return None
    if future:
        ahead = (days.index(match[1].casefold()) - ref.weekday()) % 7
        return (ref + timedelta(days=ahead)).isoformat(), "day"
    back = (ref.weekday() - days.index(match[1].casefold())) % 7
    return (ref - timedelta(days=back)).isoformat(), "day"


def _month(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    months = list(words.get("months", ()))
    match = re.fullmatch(r"(?i)(?:early |late |mid-?|the end of |the start of |the beginning of )?([a-z]+)\.?(?:,? (?:of )?(\d{4}))?", text)
    if match is None:
        return None
    name = match[1].casefold()
    number = next((i + 1 for i, m in enumerate(months) if m == name or (len(name) >= 3 and m.startswith(name))), None)
    if number is None or (name == "may" and match[2] is None and not text[:1].isupper()):
        return None
    if match[2]:
        return f"{int(match[2]):04d}-{number:02d}", "month"
    if ref is None:
        return None
    if future:
        year = ref.year if number >= ref.month else ref.year + 1
    else:
        year = ref.year if number <= ref.month else ref.year - 1
    return f"{year:04d}-{number:02d}", "month"


def _calendar_date(text: str, ref: date | None, future: bool, words: DateWords) -> tuple[str, str] | None:
    # Only expressions with a day number reach dateparser (it is slow and over-eager otherwise).
    if not re.search(r"\d", text) or not re.search(r"(?i)[a-z]{3}|\d[/.-]\d", text):
        return None
    if re.search(r"(?i)\b(?:hours?|minutes?|days?|weeks?|months?|years?|decades?)\b", text):
        return None  # a duration or an age, not a date
    import dateparser  # imported here: it takes a second to load and most articles never need it

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False,
                                "REQUIRE_PARTS": ["day", "month"]}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    elif not re.search(r"\d{4}", text):
        return None  # a day without a year and nothing to anchor it to
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if not future and ref is not None and not re.search(r"\d{4}", text) and ref - day > _FAR_BACK:
        # "Netanyahu's Dec. 28 meeting" in a paper of December 10: a day without a year almost a
        # year back is rarely meant when the same day comes within weeks; that one is.
        ahead = dateparser.parse(text, languages=["en"], settings={**settings, "PREFER_DATES_FROM": "future"})
        if ahead is not None and timedelta(0) < ahead.date() - ref <= _SOON:
            day = ahead.date()
    return day.isoformat(), "day"
