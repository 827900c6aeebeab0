"""Claim threading cost per article, and that the marginal cost stays flat as the store grows.

    python benchmarks/threads.py STORE [--sizes 115,230,460,820] [--step 100] [--repeat 3] [--json]

STORE is any analysed store (e.g. the PolNeAR texts analysed with ``wirewatch analyze``). Its
analyses are taken oldest first; the newest ``--step`` of them are the **step**, the same
articles at every size, and each size is a fresh store holding that many of the oldest ones
(copied outside the timed part). Per size:

- **all at once**: ``thread_store`` over the fresh store (index empty at the start): what
  threading a whole corpus costs per article.
- **marginal**: the step threaded into the store already holding the rest, with the index
  the first run left in memory (``thread_run.KeptIndex``), as ``serve --watch`` does between
  the batches it analyses: the cost of one more article at that size.
- **index load**: what a new process's run (``wirewatch analyze``) does first instead, loading
  the store's sketches: once per run, linear in the store.

The step being the same articles everywhere, the marginal figures differ only by what is
already stored; ``ratio`` is the last size's over the first's (flat: about 1). Each figure is
the best of ``--repeat`` runs, in wall-clock and in CPU time of the process (``cpu``): the
machine is shared, and other processes' load disturbs the CPU time far less.

Prints a table, or one JSON object per size and one for the ratios with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from wirewatch.store import ArticleQuery, open_store
from wirewatch.thread_run import KeptIndex, load_index, thread_store


def _analyses(source: Path) -> list:
    # Opened for writing so an older store is migrated first; nothing is written to it.
    with open_store(source) as store:
        dated = {a["article_id"]: a["published_at"] or "" for a in store.articles(ArticleQuery())}
        ids = sorted(dated, key=lambda i: (dated[i], i))
        return [store.analysis(i) for i in ids]


class _Clock:
    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def measure(base: list, step: list, folder: Path, run: int) -> dict[str, float]:
    n, k = len(base), len(step)
    kept = KeptIndex()
    with open_store(folder / f"store{n}-{run}.duckdb") as store:
        store.write_batch(base)
        with _Clock() as whole:
            thread_store(store, kept=kept)
        with _Clock() as load:
            load_index(store)
        store.write_batch(step)
        with _Clock() as warm:
            summary = thread_store(store, kept=kept)
        assert summary.index_seconds == 0.0, "the kept index was not reused"
    return {
        "articles": n, "ms_per_article": round(1000 * whole.wall / n, 2),
        "cpu_ms_per_article": round(1000 * whole.cpu / n, 2),
        "step_articles": k, "step_appearances": summary.appearances,
        "marginal_ms": round(1000 * warm.wall / k, 2), "marginal_cpu_ms": round(1000 * warm.cpu / k, 2),
        "index_load_ms": round(1000 * load.wall, 1), "index_load_cpu_ms": round(1000 * load.cpu, 1),
    }


def best(base: list, step: list, folder: Path, repeat: int) -> dict[str, float]:
    runs = [measure(base, step, folder, r) for r in range(repeat)]
    return {key: min(r[key] for r in runs) for key in runs[0]}


def ratios(rows: list[dict[str, float]]) -> dict[str, float]:
    first, last = rows[0], rows[-1]
    keys = ("marginal_ms", "marginal_cpu_ms")
    return {f"{key}_ratio": round(last[key] / first[key], 2) for key in keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sizes", default="115,230,460,820")
    parser.add_argument("--step", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    analyses = _analyses(args.store)
    older, step = analyses[: -args.step], analyses[-args.step :]
    if max(sizes) > len(older):
        parser.error(f"--sizes: the store holds {len(older)} articles besides the step of {args.step}")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [best(older[:size], step, Path(tmp), args.repeat) for size in sizes]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        print(json.dumps(ratios(rows)))
        return
    print(f"{'articles':>8} {'ms/article':>10} {'cpu':>6} {'step':>5} {'appearances':>11} {'marginal ms':>11}"
          f" {'cpu':>6} {'index load ms':>13} {'cpu':>6}")
    for r in rows:
        print(f"{r['articles']:>8} {r['ms_per_article']:>10} {r['cpu_ms_per_article']:>6} {r['step_articles']:>5}"
              f" {r['step_appearances']:>11} {r['marginal_ms']:>11} {r['marginal_cpu_ms']:>6} {r['index_load_ms']:>13}"
              f" {r['index_load_cpu_ms']:>6}")
    print("ratio last/first: " + ", ".join(f"{k} {v}" for k, v in ratios(rows).items()))


if __name__ == "__main__":
    main()
