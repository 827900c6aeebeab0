"""Quotation spans in raw text: straight and curly double quotes, and curly single quotes.

British outlets quote with ‘single’ marks and American ones with “double” marks; both open and
close differently from an apostrophe (it’s, Russians’), which is what the single-quote rules test.
A quotation never runs across a blank line unless it is closed there, so one stray mark cannot
swallow the rest of an article.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_PARAGRAPH = re.compile(r"\n\s*\n")
# The marks each rule looks at: the loops below visit only these, not every character.
_CURLY_DOUBLE = re.compile("[“”]")
_STRAIGHT_DOUBLE = re.compile("''|\"")
_CURLY_SINGLE = re.compile("[‘’]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges [start, end) of quotations, marks included, in text order, not nested."""
    found: list[tuple[int, int]] = []
    start = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        end = para.start() if para else len(text)
        found.extend(_in_paragraph(text, start, end))
        start = para.end() if para else len(text)
    found.sort()
    return _outermost(found)


def _in_paragraph(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _CURLY_DOUBLE.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        if ch == "“":
            opened = i  # an unclosed earlier mark is dropped
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
    spans.extend(_straight_quotes(text, lo, hi))
    spans.extend(_single_quotes(text, lo, hi))
    return spans


def _straight_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Straight double quotes, and the doubled apostrophes some papers print for them ('').

    A mark after a space or an opening bracket opens; any other closes the open one. A stray
    closing mark with nothing open is skipped rather than pairing the rest of the paragraph
    the wrong way round."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _STRAIGHT_DOUBLE.finditer(text, lo, hi + 1):  # a doubled mark may end past ``hi``
        i, width = mark.start(), len(mark.group())
        if i >= hi:
            break
        before = text[i - 1] if i > lo else " "
        opens = before.isspace() or before in "([{—–-:"
        if opened is None:
            if opens:
                opened = i
        elif not opens or i + width >= hi or text[i + width].isspace() or text[i + width] in ".,;:!?)":
            spans.append((opened, i + width))
            opened = None
        else:
            opened = i  # two openers in a row: the earlier one was never closed
    return spans


def _single_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _CURLY_SINGLE.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "‘" and not before.isalnum():
            opened = i
        elif ch == "’" and opened is not None and not after.isalnum() and not before.isspace():
            if i - opened > 2:
                spans.append((opened, i + 1))
            opened = None
    return spans


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e)) if s >= out[-1][0] else out[-1]
            continue
        out.append((s, e))
    return out


class QuoteIndex:
    """Look up which quotation (if any) covers a character range."""

    def __init__(self, text: str) -> None:
        self.spans = find_quotes(text)
        self._starts = [s for s, _ in self.spans]

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self.spans[i]
        return None

    def inside(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotations that overlap [start, end)."""
        return [q for q in self.spans if q[0] < end and start < q[1]]

    def ending_at_or_before(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self.spans[i][1] > pos:
            i -= 1
        return self.spans[i] if i >= 0 else None

    def starting_at_or_after(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, pos - 1)
        return self.spans[i] if i < len(self.spans) else None

    def widen(self, rng: tuple[int, int], cue_at: int) -> tuple[int, int]:
        """A content that starts or ends inside a quotation takes the whole quotation, unless
        the cue itself is inside it ("I think ..." reports only its own clause)."""
        for q in self.inside(*rng):
            if q[0] <= cue_at < q[1]:
                continue
            if q[0] <= rng[0] < q[1] or q[0] < rng[1] <= q[1]:
                rng = (min(rng[0], q[0]), max(rng[1], q[1]))
        return rng

    def kind_of(self, content: tuple[int, int]) -> str:
        """direct (all quoted), mixed (quoted fragments in reported speech) or indirect."""
        if self.covering(*content):
            return "direct"
        inner = [q for q in self.inside(*content) if q[0] >= content[0] and q[1] <= content[1]]
        if inner:
            covered = sum(e - s for s, e in inner)
            return "direct" if covered >= 0.9 * (content[1] - content[0]) else "mixed"
        return "indirect"
