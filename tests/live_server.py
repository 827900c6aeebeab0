"""`wirewatch serve` as a real process on a free loopback port, for the tests that talk to a
real server (the API, its schema conformance, the dashboard in Chromium)."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path, *extra: str, startup_seconds: float = 60) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Start ``wirewatch serve --db DB`` on 127.0.0.1, wait until it answers, yield its base URL and
    process, and stop it afterwards. Its standard error is kept (the test may read the banner)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "wirewatch.cli.app", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                httpx.get(f"{base}/api/summary", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"wirewatch serve did not start: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr is not None:
            # The pipe is read to its end and closed here (an open pipe leaks a file); what the
            # server wrote stays readable from process.stderr for the test.
            with process.stderr as pipe:
                process.stderr = io.StringIO(pipe.read())
