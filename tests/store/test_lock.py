"""One process owns a store: a second one gets a StoreError naming the file and the holder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.store import open_store

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from wirewatch.store import open_store
store = open_store(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()  # hold the lock until the test closes our stdin
store.close()
"""


def test_second_process_gets_a_clear_lock_error(db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for read_only in (False, True):
            with pytest.raises(StoreError) as info:
                open_store(db_path, read_only=read_only)
            message = str(info.value)
            assert str(db_path) in message
            assert f"PID {holder.pid}" in message
            assert "another process" in message
            assert "\n" not in message
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    # Once the holder is gone the store opens, intact.
    with open_store(db_path) as store:
        assert store.counts()["articles"] == 0
