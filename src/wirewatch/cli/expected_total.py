"""How many articles a run will read, when that can be known cheaply before it starts, so the
progress bar has a total and an ETA: one per text or HTML file, one per line of a JSON Lines
file, one per response record of a WARC. Feeds and stdin give no total (the bar then counts
without one) rather than a guess."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from wirewatch.ingest.read import InputRef, discover, input_format

_WARC_RESPONSE = b"WARC-Type: response"
_BLOCK = 1 << 20


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _count(path: Path, needle: bytes, lines: bool) -> int:
    """Non-blank lines, or occurrences of ``needle``, read a block at a time (never the whole file)."""
    count, tail = 0, b""
    with _open(path) as f:
        while block := f.read(_BLOCK):
            data = tail + block
            if lines:
                *whole, tail = data.split(b"\n")
                count += sum(1 for line in whole if line.strip())
            else:
                count += data.count(needle)
                tail = data[-(len(needle) - 1):]  # a needle split across two blocks is counted once
        if lines and tail.strip():
            count += 1
    return count


def expected_articles(paths: Sequence[str | Path]) -> int | None:
    """The number of articles under ``paths``, or None when some input cannot say (a feed, stdin)."""
    total = 0
    for ref in discover(paths):
        if not isinstance(ref, InputRef):
            continue  # a problem: reported by the run itself, not an article
        if ref.path is None:
            return None
        kind = input_format(ref.path.name) or "text"
        try:
            if kind == "jsonl":
                total += _count(ref.path, b"", lines=True)
            elif kind == "warc":
                total += _count(ref.path, _WARC_RESPONSE, lines=False)
            elif kind == "feed":
                return None
            else:
                total += 1
        except (OSError, EOFError, gzip.BadGzipFile):
            continue  # unreadable: the run reports it
    return total
