"""`wirewatch serve --watch DIR`: the server ingests new files in a folder itself.

DuckDB lets one process write a store, and the server already holds it; so instead of a
second process analysing into the same file (which would fail on the lock), the server runs
the corpus runner in a background thread, writing through a cursor of its own. Each batch is
one transaction, so request threads only ever see whole batches.

The folder is polled (no extra dependency, works on every file system): a file is handed to
the runner when it is new or its size or modification time changed, and only once it has
stopped changing: the same size and time on two polls in a row, or a time at least one poll
interval old (a file renamed into place, or there before the server started). A file still
being written in chunks is one article once, not one per chunk. Only files of the formats
``analyze`` takes from a folder are looked at, so ``.part`` and ``.tmp`` downloads wait to be
renamed. The runner itself skips articles already stored, so a restart re-reads files but
re-analyses nothing. The claim-thread index stays in memory from one run to the next
(``thread_run.KeptIndex``), so a batch's threading cost does not grow with the store.

The polling thread never dies of one file: a file that vanishes between the listing and
its ``stat`` is skipped, and any error of a pass is kept in the status (``/api/summary``)
with its time, and the next pass goes on.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from wirewatch.api.store_access import StoreAccess
from wirewatch.ingest.read import input_format
from wirewatch.ingest.source_names import source_name
from wirewatch.run import RunSummary, run_corpus
from wirewatch.settings import Settings
from wirewatch.thread_run import KeptIndex

log = logging.getLogger("wirewatch.api.watch")


@dataclass(slots=True)
class WatchStatus:
    folder: str
    runs: int = 0
    analysed: int = 0
    failed: int = 0
    last_run_at: float | None = None
    last_error: str | None = None  # the watcher's own last failure; kept after later passes
    last_error_at: float | None = None
    last_problem: str | None = None  # the last input that could not be analysed or stored
    waiting: int = 0  # files seen still changing, not yet handed to the runner
    busy: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder, "runs": self.runs, "analysed": self.analysed, "failed": self.failed,
            "last_run_at": self.last_run_at, "last_error": self.last_error, "last_error_at": self.last_error_at,
            "last_problem": self.last_problem, "waiting": self.waiting, "busy": self.busy,
        }


@dataclass
class FolderWatcher:
    """Polls ``folder`` every ``seconds`` and analyses what is new into the server's store."""

    folder: Path
    access: StoreAccess
    settings: Settings
    seconds: float = 5.0
    # None: ``run_corpus`` keeping the claim-thread index between runs (``thread_index``);
    # tests give runners with stand-in stages.
    runner: Any = None
    # A file whose modification time is this old is complete; None: one poll interval.
    settle_seconds: float | None = None
    status: WatchStatus = field(init=False)
    _seen: dict[Path, tuple[int, int]] = field(init=False, default_factory=dict)  # handed over in this state
    _changing: dict[Path, tuple[int, int]] = field(init=False, default_factory=dict)  # last seen, not yet ready
    _stop: threading.Event = field(init=False, default_factory=threading.Event)
    _thread: threading.Thread | None = field(init=False, default=None)
    # Matching new claims against it costs the same whatever the store holds; loading it does not.
    thread_index: KeptIndex = field(init=False, default_factory=KeptIndex)

    def __post_init__(self) -> None:
        self.status = WatchStatus(folder=str(self.folder))
        if self.runner is None:
            self.runner = partial(run_corpus, thread_index=self.thread_index)

    def changed_files(self) -> list[Path]:
        """Input files under the folder that are new or changed since they were last handed
        over, and have stopped changing (see the module docstring).

        The store's own files are never inputs: besides making no sense as articles, opening and
        closing them in this process would drop DuckDB's lock on the store (POSIX locks belong
        to the process and go with any descriptor of the file that is closed).
        """
        store = self.access.path.resolve()
        own = {store, store.with_name(store.name + ".wal"), store.with_name(store.name + ".tmp")}
        settle = self.seconds if self.settle_seconds is None else self.settle_seconds
        now = time.time()
        found: list[Path] = []
        listed: set[Path] = set()
        for path in self._listing():
            try:
                if path.resolve() in own:
                    continue
                stat = path.stat()
            except (OSError, ValueError):  # gone since the listing (a .part renamed), or unreadable
                continue
            listed.add(path)
            key = (stat.st_size, stat.st_mtime_ns)
            if self._seen.get(path) == key:
                continue
            if self._changing.get(path) == key or now - stat.st_mtime >= settle:
                self._changing.pop(path, None)
                self._seen[path] = key
                found.append(path)
            else:
                self._changing[path] = key
        for gone in [p for p in self._changing if p not in listed]:
            del self._changing[gone]
        self.status.waiting = len(self._changing)
        return found

    def _listing(self) -> list[Path]:
        """Visible files of a known input format, sorted; links to folders are not followed
        (a loop would never end), and a folder that vanishes mid-walk is skipped."""
        files: list[Path] = []
        for folder, subfolders, names in os.walk(self.folder, onerror=lambda _: None):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            files += [Path(folder, n) for n in names if not n.startswith(".") and input_format(n) is not None]
        return sorted(files)

    def run_once(self) -> RunSummary | None:
        files: list[Path] = []
        try:
            files = self.changed_files()
            if not files:
                return None
            self.status.busy = True
            writer = self.access.writer()
            try:
                summary: RunSummary = self.runner(files, self.settings, writer)
            finally:
                writer.close()
            self.status.runs += 1
            self.status.analysed += summary.analysed
            self.status.failed += summary.failed
            if summary.problems:
                last = summary.problems[-1]
                self.status.last_problem = f"{last.source}: {last.reason}"
            log.info("watch: %d analysed, %d skipped, %d failed", summary.analysed, summary.skipped, summary.failed)
            return summary
        except Exception as exc:  # keep serving; the status endpoint shows what went wrong
            self.status.last_error = " ".join(f"{type(exc).__name__}: {exc}".split())
            self.status.last_error_at = time.time()
            for path in files:  # try these files again on the next pass
                self._seen.pop(path, None)
            log.warning("watch: run failed: %s", source_name(self.status.last_error))
            return None
        finally:
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
