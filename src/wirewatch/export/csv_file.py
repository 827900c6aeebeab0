"""CSV rows with the public field names as the header; shared by exports and `--format csv`.

Lists (authors, hedges, chain, plover_contexts) are written as JSON arrays so a cell
reads back losslessly; booleans as ``true``/``false``; missing values as empty cells.
Text that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return: article text is untrusted) gets a leading ``'``, as OWASP advises
for CSV injection; numbers are written as they are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
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
