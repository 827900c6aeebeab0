"""CSV rows with the public field names as the header; shared by exports and `--format csv`.

Lists (authors, hedges, chain, plover_contexts) are written as JSON arrays so a cell
reads back losslessly; booleans as ``true``/``false``; missing values as empty cells.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str], out: TextIO) -> int:
    """Write ``rows`` to ``out``; returns how many were written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    count = 0
    for row in rows:
        writer.writerow([cell_text(row.get(name)) for name in fields])
        count += 1
    return count
