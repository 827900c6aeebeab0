"""`serve --watch` on a real, busy folder (issue 18, case 4): files written in chunks, files
that vanish, downloads renamed into place, names that are not UTF-8, and a truthful status."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from wirewatch.api.store_access import StoreAccess
from wirewatch.api.watch import FolderWatcher
from wirewatch.run import run_corpus
from wirewatch.settings import Settings
from wirewatch.store import open_store

PARAGRAPHS = [
    "Russia sent forty military trainers to Venezuela on Monday, officials in Caracas said.",
    "The trainers will teach drone operations to two army units near the Colombian border.",
    "Washington said it was watching the deployment closely and would consult its allies.",
    "Analysts said Moscow wanted to show it could still project power in Latin America.",
]


def stand_in_runner(files, settings, store):
    from sample_analyses import ChunkedEngine

    return run_corpus(files, settings, store, engine=ChunkedEngine())


@pytest.fixture()
def watcher(tmp_path: Path, samples):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    access = StoreAccess(open_store(tmp_path / "w.duckdb"))
    yield FolderWatcher(inbox, access, Settings.from_env(), seconds=5.0, runner=stand_in_runner)
    access.close()


def _articles(watcher: FolderWatcher) -> list[dict]:
    return watcher.access.read(lambda s: s.articles())


def test_a_file_written_in_chunks_is_one_article(watcher: FolderWatcher) -> None:
    path = watcher.folder / "story.txt"
    with path.open("w", encoding="utf-8") as out:
        for paragraph in PARAGRAPHS:
            out.write(paragraph + "\n\n")
            out.flush()
            assert watcher.run_once() is None  # still changing: not handed over
    assert watcher.status.waiting == 1
    summary = watcher.run_once()  # unchanged since the last poll: ready
    assert summary is not None and summary.analysed == 1
    (article,) = _articles(watcher)
    assert all(p in article["text"] for p in PARAGRAPHS)
    assert watcher.run_once() is None and len(_articles(watcher)) == 1


def test_a_download_renamed_into_place_is_read_at_once(watcher: FolderWatcher) -> None:
    part = watcher.folder / "story.txt.part"
    part.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    assert watcher.run_once() is None  # .part: not an input format
    old = time.time() - 60
    os.utime(part, (old, old))
    part.rename(watcher.folder / "story.txt")
    summary = watcher.run_once()
    assert summary is not None and summary.analysed == 1


def test_a_file_that_vanishes_between_listing_and_stat_is_skipped(watcher: FolderWatcher, monkeypatch) -> None:
    kept = watcher.folder / "kept.txt"
    kept.write_text(PARAGRAPHS[0], encoding="utf-8")
    os.utime(kept, (0, 0))
    listing = watcher._listing
    monkeypatch.setattr(watcher, "_listing", lambda: [watcher.folder / "gone.txt", *listing()])
    summary = watcher.run_once()
    assert summary is not None and summary.analysed == 1 and summary.failed == 0
    assert watcher.status.last_error is None


def test_the_status_keeps_the_last_error_and_the_thread_goes_on(watcher: FolderWatcher, monkeypatch) -> None:
    calls = []

    def broken_listing():
        calls.append(1)
        raise PermissionError(13, "Permission denied", str(watcher.folder))

    monkeypatch.setattr(watcher, "_listing", broken_listing)
    watcher.seconds = 0.02
    watcher.start()
    try:
        deadline = time.monotonic() + 10
        while len(calls) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        watcher.stop()
    assert len(calls) >= 3  # the thread survived every failing pass
    status = watcher.status.to_json()
    assert status["last_error"] == f"PermissionError: [Errno 13] Permission denied: '{watcher.folder}'"
    assert status["last_error_at"] is not None


def test_a_bad_file_never_blocks_the_others(watcher: FolderWatcher) -> None:
    folder = os.fsencode(watcher.folder)
    with open(os.path.join(folder, b"bad\xff.txt"), "wb") as out:
        out.write(PARAGRAPHS[1].encode())
    (watcher.folder / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (watcher.folder / "good.txt").write_text(PARAGRAPHS[2], encoding="utf-8")
    for name in os.listdir(folder):
        os.utime(os.path.join(folder, name), (0, 0))
    summary = watcher.run_once()
    assert summary is not None and (summary.analysed, summary.failed) == (1, 2)
    assert watcher.status.last_problem is not None and "\n" not in watcher.status.last_problem
    assert watcher.run_once() is None  # the failed files are not re-read every poll
    (watcher.folder / "later.txt").write_text(PARAGRAPHS[3], encoding="utf-8")
    os.utime(watcher.folder / "later.txt", (0, 0))
    assert watcher.run_once().analysed == 1
