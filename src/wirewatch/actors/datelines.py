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

from wirewatch.media.credits import DATELINE_DASH as _DASH
from wirewatch.media.credits import MediaKnowledge

_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}"

# Leading blanks and the blanks before a credit are taken possessively (*+): a line of
# thousands of spaces is then one pass, not a quadratic search (tests/robustness/test_regex_time.py).
# A capitalised place with a region, date or credit, any dash; alone, only before a long dash
# ("WASHINGTON —"): "NATO - the alliance ..." opens no dateline.
_CAPS = re.compile(rf"(?m)^[ \t]*+{_CAPS_PLACE}(?:(?:,[ ][^,\n()—–]{{1,30}}){{1,2}}[ ]*(?:\([^)\n]{{1,40}}\))?"
                   rf"|[ ]*\([^)\n]{{1,40}}\))[ ]*{_DASH}[ ]|^[ \t]*+{_CAPS_PLACE}[ ]*(?:—|–|―|\ufffd)[ ]")
# Any short place before a parenthesis and a dash; kept only when the parenthesis names a wire
# service or registered agency (media.credits, the one list of agencies), e.g. "Kiev, Ukraine (Reuters) -".
_CREDITED = re.compile(rf"(?m)^[ \t]*+[^\n()]{{1,60}}?[ ]*+\((?P<credit>[^()\n]{{1,40}})\)[ ]*{_DASH}[ ]")


def dateline_spans(text: str, media: MediaKnowledge) -> list[tuple[int, int]]:
    """Character ranges of the datelines and wire credits in ``text`` (end exclusive)."""
    spans = [(m.start(), m.end()) for m in _CAPS.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CREDITED.finditer(text) if media.agency_named(m.group("credit"))]
    return sorted(spans)


def in_dateline(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
