"""JSON Lines: one object per record, keyed by the public field names."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def write_jsonl(rows: Iterable[dict[str, Any]], fields: Sequence[str], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps({name: row.get(name) for name in fields}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
