"""Datelines and wire credits: "BEIRUT (AP) —", "KIEV, Ukraine (Reuters) -", "MOSCOW, Nov. 19 (UPI) —".

A dateline says where a story was filed and who filed it, not who did anything: a capital or a
country in it must not become an accuser, nor the country an unnamed "official" is placed in. The
spans found here are the ones ``actors.resolve.find_mentions`` names no actor in.

A dateline opens a paragraph: a place in capitals ("NEW YORK", "BEIRUT") or any short place
followed by a known wire credit in parentheses, optionally a region or date after a comma, then a
dash.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from wirewatch.errors import DictionaryError

CREDITS_FILE = Path(__file__).parent / "data" / "wire_credits.yaml"
_DASH = r"(?:—|–|―|--|-|\ufffd)"  # GeoWebNews keeps some em dashes as U+FFFD
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    try:
        raw = yaml.safe_load(CREDITS_FILE.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DictionaryError(str(CREDITS_FILE), f"not valid YAML: {exc}") from exc
    credits = raw.get("credits")
    if not isinstance(credits, list) or not all(isinstance(c, str) and c.strip() for c in credits):
        raise DictionaryError(str(CREDITS_FILE), "needs a 'credits' list of names")
    credit = r"\((?:" + "|".join(re.escape(c.strip()) for c in sorted(credits, key=len, reverse=True)) + r")\)"
    # a capitalised place with a region, date or credit, any dash; alone, only before a long dash
    # ("WASHINGTON —"): "NATO - the alliance ..." opens no dateline
    caps = re.compile(rf"(?m)^[ \t]*{_CAPS_PLACE}(?:(?:,[ ][^,\n()—–]{{1,30}}){{1,2}}[ ]*(?:\([^)\n]{{1,40}}\))?"
                      rf"|[ ]*\([^)\n]{{1,40}}\))[ ]*{_DASH}[ ]|^[ \t]*{_CAPS_PLACE}[ ]*(?:—|–|―|\ufffd)[ ]")
    credited = re.compile(rf"(?m)^[ \t]*[^\n()]{{1,60}}?[ ]*{credit}[ ]*{_DASH}[ ]")
    return caps, credited


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines and wire credits in ``text`` (end exclusive)."""
    spans = [(m.start(), m.end()) for pattern in _patterns() for m in pattern.finditer(text)]
    return sorted(spans)


def in_dateline(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
