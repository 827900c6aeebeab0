"""A corpus run killed half-way (SIGKILL, no clean-up) resumes without duplicates or losses."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.needs_shared]

ARTICLES = 16
BATCH = 4

WIREWATCH = Path(sys.executable).parent / "wirewatch"


def _analyze(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(WIREWATCH), "analyze", str(corpus), "--db", str(db), "--batch-size", str(BATCH), "--no-print"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "200"},
    )


def _wal_size(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return wal.stat().st_size if wal.exists() else -1


def _per_article(db: Path) -> dict[str, tuple[int, int, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            """
            SELECT a.article_id,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.article_id),
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.article_id),
                   (SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.article_id)
            FROM articles a
            """
        ).fetchall()
        for table, key in (("events", "event_id"), ("claims", "claim_id"), ("actor_mentions", "mention_id"), ("articles", "article_id")):
            total, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
            assert total == distinct, f"duplicate rows in {table}"
        reuse = con.execute("SELECT count(*) FROM article_reuse").fetchone()[0]
        assert reuse == len(rows), "every stored article keeps its copy sketches"
    finally:
        con.close()
    return {article_id: counts for article_id, *counts in rows}


@pytest.mark.skipif(not WIREWATCH.exists(), reason="the wirewatch script is not installed in this environment")
def test_killed_run_resumes_without_duplicates_or_losses(tmp_path: Path, shared_data: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))[:ARTICLES]:
        shutil.copy(path, corpus / path.name)

    killed_db = tmp_path / "killed.duckdb"
    run = _analyze(corpus, killed_db)
    # Wait for the store to be created, then for the first analysed batch to be committed.
    deadline = time.monotonic() + 120
    while _wal_size(killed_db) < 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    created = _wal_size(killed_db)
    while _wal_size(killed_db) <= created and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, f"the run ended before it could be killed: {run.stderr.read().decode()}"
    run.send_signal(signal.SIGKILL)
    run.wait()
    run.stderr.close()  # killed: nothing more to read, and an open pipe would leak
    assert run.returncode == -signal.SIGKILL

    partial = _per_article(killed_db)
    assert 0 < len(partial) < ARTICLES, "killed half-way: some but not all articles stored"

    resumed = _analyze(corpus, killed_db)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert f"{len(partial)} skipped" in err.decode()

    clean_db = tmp_path / "clean.duckdb"
    clean = _analyze(corpus, clean_db)
    _, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err.decode()

    assert _per_article(killed_db) == _per_article(clean_db)
    assert len(_per_article(clean_db)) == ARTICLES
