"""Claim threading cost per article, and that it stays flat as the store grows.

    python benchmarks/threads.py STORE [--sizes 115,230,460,920] [--step 100] [--repeat 3] [--json]

STORE is any analysed store (e.g. the PolNeAR texts analysed with ``wirewatch analyze``). Its
analyses are copied, oldest first, into fresh stores of each size (outside the timed part),
then two measurements per size:

- **all at once**: ``thread_store`` over the whole fresh store (index empty at the start);
  the cost per article should not grow with the size (the LSH index answers each claim with
  candidates, never a pass over the store).
- **one more step**: the last ``--step`` articles threaded into a store already holding the
  rest, as a later run would (the index loaded from the store, only the new articles
  matched): what a daily increment costs at that size, and apart from it the once-per-run
  cost of loading the index (linear in the store, like the reuse index of copy detection).

Each figure is the best of ``--repeat`` runs (the machine is shared).

Prints a table, or one JSON object per size with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from wirewatch.store import ArticleQuery, open_store
from wirewatch.thread_run import thread_store


def _analyses(source: Path, limit: int) -> list:
    # Opened for writing so an older store is migrated first; nothing is written to it.
    with open_store(source) as store:
        ids = [a["article_id"] for a in store.articles(ArticleQuery())]
        dated = {a["article_id"]: a["published_at"] or "" for a in store.articles(ArticleQuery())}
        ids = sorted(ids, key=lambda i: (dated[i], i))[:limit]
        return [store.analysis(i) for i in ids]


def measure(analyses: list, step: int, folder: Path, run: int) -> dict[str, float]:
    n = len(analyses)
    whole = folder / f"whole{n}-{run}.duckdb"
    with open_store(whole) as store:
        store.write_batch(analyses)
        started = time.perf_counter()
        summary = thread_store(store)
        all_at_once = time.perf_counter() - started
    grown = folder / f"grown{n}-{run}.duckdb"
    with open_store(grown) as store:
        store.write_batch(analyses[:-step])
        thread_store(store)
        store.write_batch(analyses[-step:])
        later = thread_store(store)
        increment, loading = later.seconds, later.index_seconds
    return {
        "articles": n, "appearances": summary.appearances,
        "ms_per_article": round(1000 * all_at_once / n, 2),
        "step_articles": step, "step_ms_per_article": round(1000 * (increment - loading) / step, 2),
        "index_load_ms": round(1000 * loading, 1),
    }


def best(analyses: list, step: int, folder: Path, repeat: int) -> dict[str, float]:
    runs = [measure(analyses, step, folder, r) for r in range(repeat)]
    return {key: min(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sizes", default="115,230,460,920")
    parser.add_argument("--step", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    analyses = _analyses(args.store, max(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        rows = [best(analyses[:size], min(args.step, size // 2), Path(tmp), args.repeat) for size in sizes]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    print(f"{'articles':>8} {'appearances':>11} {'ms/article':>10} {'step':>5} {'step ms/article':>15}"
          f" {'index load ms':>13}")
    for r in rows:
        print(f"{r['articles']:>8} {r['appearances']:>11} {r['ms_per_article']:>10} {r['step_articles']:>5}"
              f" {r['step_ms_per_article']:>15} {r['index_load_ms']:>13}")


if __name__ == "__main__":
    main()
