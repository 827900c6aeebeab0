"""`wirewatch serve --watch DIR`: the server ingests new files in a folder itself.

DuckDB lets one process write a store, and the server already holds it; so instead of a
second process analysing into the same file (which would fail on the lock), the server runs
the corpus runner in a background thread, writing through a cursor of its own. Each batch is
one transaction, so request threads only ever see whole batches.

The folder is polled (no extra dependency, works on every file system): a file is handed to
the runner when it is new or its size or modification time changed; the runner itself skips
articles already stored, so a restart re-reads files but re-analyses nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.api.store_access import StoreAccess
from wirewatch.run import RunSummary, run_corpus
from wirewatch.settings import Settings

log = logging.getLogger("wirewatch.api.watch")


@dataclass(slots=True)
class WatchStatus:
    folder: str
    runs: int = 0
    analysed: int = 0
    failed: int = 0
    last_run_at: float | None = None
    last_error: str | None = None
    busy: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder, "runs": self.runs, "analysed": self.analysed, "failed": self.failed,
            "last_run_at": self.last_run_at, "last_error": self.last_error, "busy": self.busy,
        }


@dataclass
class FolderWatcher:
    """Polls ``folder`` every ``seconds`` and analyses what is new into the server's store."""

    folder: Path
    access: StoreAccess
    settings: Settings
    seconds: float = 5.0
    runner: Any = run_corpus  # replaced in tests by a runner with stand-in stages
    status: WatchStatus = field(init=False)
    _seen: dict[Path, tuple[int, int]] = field(init=False, default_factory=dict)
    _stop: threading.Event = field(init=False, default_factory=threading.Event)
    _thread: threading.Thread | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.status = WatchStatus(folder=str(self.folder))

    def changed_files(self) -> list[Path]:
        """Regular, visible files under the folder that are new or changed since the last look.

        The store's own files are never inputs: besides making no sense as articles, opening and
        closing them in this process would drop DuckDB's lock on the store (POSIX locks belong
        to the process and go with any descriptor of the file that is closed).
        """
        store = self.access.path.resolve()
        own = {store, store.with_name(store.name + ".wal"), store.with_name(store.name + ".tmp")}
        found: list[Path] = []
        for path in sorted(self.folder.rglob("*")):
            if any(part.startswith(".") for part in path.relative_to(self.folder).parts) or not path.is_file():
                continue
            if path.resolve() in own:
                continue
            stat = path.stat()
            key = (stat.st_size, stat.st_mtime_ns)
            if self._seen.get(path) != key:
                self._seen[path] = key
                found.append(path)
        return found

    def run_once(self) -> RunSummary | None:
        files = self.changed_files()
        if not files:
            return None
        self.status.busy = True
        writer = self.access.writer()
        try:
            summary: RunSummary = self.runner(files, self.settings, writer)
            self.status.runs += 1
            self.status.analysed += summary.analysed
            self.status.failed += summary.failed
            self.status.last_error = None
            log.info("watch: %d analysed, %d skipped, %d failed", summary.analysed, summary.skipped, summary.failed)
            return summary
        except Exception as exc:  # keep serving; the status endpoint shows what went wrong
            self.status.last_error = f"{type(exc).__name__}: {exc}"
            for path in files:  # try these files again on the next pass
                self._seen.pop(path, None)
            log.warning("watch: run failed: %s", self.status.last_error)
            return None
        finally:
            writer.close()
            self.status.busy = False
            self.status.last_run_at = time.time()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.seconds)

    def start(self) -> None:
        if not self.folder.is_dir():
            raise NotADirectoryError(f"{self.folder}: --watch needs an existing folder")
        self._thread = threading.Thread(target=self._loop, name="wirewatch-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
