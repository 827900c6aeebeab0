"""Parquet written from the store's Arrow result, so list and numeric columns keep their types."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq


def write_parquet(table: pa.Table, out: Path | BinaryIO) -> int:
    pq.write_table(table, out, compression="zstd")
    return table.num_rows
