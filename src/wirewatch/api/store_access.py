"""How the server shares its one open store between request threads and the folder watcher.

DuckDB lets one process hold a store file; inside that process one connection must not be
used by two threads at once, but every ``cursor()`` of it is a connection of its own to the
same database, with its own transactions (readers see committed batches only). So the
server opens the store once (``open_store``: migrations, lock errors naming the holder),
gives each request thread its own cursor, and gives the watcher another cursor to write
through. Each query runs under a time limit enforced with DuckDB's ``interrupt()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import duckdb

from wirewatch.errors import WirewatchError
from wirewatch.store import Store

T = TypeVar("T")


class QueryTimeout(WirewatchError):
    """A query ran past the server's time limit and was stopped."""


class StoreAccess:
    """The server's store: one owner connection, one cursor per thread, timed queries."""

    def __init__(self, owner: Store, query_seconds: float = 10.0) -> None:
        self.owner = owner
        self.path = owner.path
        self.query_seconds = query_seconds
        self._local = threading.local()
        self._opened: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._closed = False

    def _cursor(self) -> tuple[Store, duckdb.DuckDBPyConnection]:
        held = getattr(self._local, "held", None)
        if held is None:
            with self._lock:
                if self._closed:
                    raise WirewatchError(f"{self.path}: the server is shutting down")
                con = self.owner.cursor()
                self._opened.append(con)
            held = (Store(con, self.path, read_only=True, shared=True), con)
            self._local.held = held
        return held

    def read(self, work: Callable[[Store], T]) -> T:
        """Run ``work`` with this thread's read-only store, stopping it after ``query_seconds``."""
        store, con = self._cursor()
        timer = threading.Timer(self.query_seconds, con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return work(store)
        except duckdb.InterruptException as exc:
            raise QueryTimeout(
                f"query stopped after {self.query_seconds:g} s (the server's limit); narrow the filter"
            ) from exc
        finally:
            timer.cancel()

    def writer(self) -> Store:
        """A writable store on a cursor of its own, for the folder watcher's thread."""
        if self.owner.read_only:
            raise WirewatchError(f"{self.path}: opened read-only; cannot ingest")
        # Not tracked in ``_opened``: the watcher closes its writer after every run.
        with self._lock:
            con = self.owner.cursor()
        # Shared: the request threads query this database while the watcher writes.
        return Store(con, self.path, read_only=False, shared=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for con in self._opened:
                try:
                    con.close()
                except duckdb.Error:
                    pass
            self._opened.clear()
        self.owner.close()

