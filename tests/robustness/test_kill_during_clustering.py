"""A run killed (SIGKILL) in the middle of its final clustering leaves a store the next run
completes: the articles and events of the killed run are kept, and the re-run, with nothing
new to analyse, still builds the clusters (issue 18, case 6)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb

ARTICLES = 12
TESTS = Path(__file__).resolve().parents[1]

RUN = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    import sample_analyses
    from wirewatch.run import run_corpus
    from wirewatch.settings import Settings
    from wirewatch.store import clusters as store_clusters, open_store

    if sys.argv[1] == "kill":
        write = store_clusters.write_event_clusters

        def killed(con, summaries, assignment):
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM event_clusters")
            os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction, no clean-up

        store_clusters.write_event_clusters = killed
    items = [sample_analyses.numbered_article(n) for n in range({articles})]
    settings = Settings.from_env(db_path={db!r}, batch_size=5)
    with open_store(settings.db_path) as store:
        summary = run_corpus(["inbox"], settings, store, reader=sample_analyses.reader(items),
                             engine=sample_analyses.ChunkedEngine())
    print(summary.analysed, summary.skipped)
    """
)


def _counts(db: Path) -> tuple[int, int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM event_clusters), (SELECT count(*) FROM events WHERE cluster_id IS NULL)"
        ).fetchone())
    finally:
        con.close()


def test_a_run_killed_while_clustering_is_completed_by_the_next(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    script = RUN.format(tests=str(TESTS), articles=ARTICLES, db=str(db))
    killed = subprocess.run([sys.executable, "-c", script, "kill"], capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    articles, events, clusters, unclustered = _counts(db)
    assert (articles, events, clusters) == (ARTICLES, 2 * ARTICLES, 0) and unclustered == events
    again = subprocess.run([sys.executable, "-c", script, "resume"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["0", str(ARTICLES)]  # nothing analysed again
    articles, events, clusters, unclustered = _counts(db)
    assert (articles, events, unclustered) == (ARTICLES, 2 * ARTICLES, 0) and clusters > 0
