"""Threading a store: the claims of articles not threaded yet join (or start) claim threads.

1. The index (every threaded claim's sketch) is loaded from the store: lookups, never a
   re-match of what is already threaded. A long-lived process (``serve --watch``) keeps it in
   memory between runs instead (``KeptIndex``): loading is linear in the store, matching is not.
2. Articles not in the ``threaded_articles`` ledger are taken originals first, oldest first,
   ``batch`` at a time: their claims and own-voice sentences are threaded (``threads.Threader``),
   reprints take their original's threads.
3. The hops and summary of every thread a batch touched are rebuilt from its members
   (``threads.relays``) and written with the members and the ledger in one transaction, so an
   interrupted run resumes and a re-run over a threaded store does nothing.
"""

from __future__ import annotations

import gc
import time
from dataclasses import asdict, dataclass
from typing import Any

from wirewatch.claims.cues import read_claim_cues
from wirewatch.store import Store
from wirewatch.threads.appearance import Appearance
from wirewatch.threads.match import Member, ThreadIndex, sketch_from_values
from wirewatch.threads.relays import hops_and_summary
from wirewatch.threads.threader import ArticleClaims, Threader

BATCH = 200


@dataclass(slots=True)
class ThreadRunSummary:
    articles: int = 0
    appearances: int = 0
    threads_touched: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0  # loading the stored sketches: once per run, linear in the store


@dataclass(slots=True)
class KeptIndex:
    """The thread index a long-lived process keeps between runs on one store.

    After a run it holds exactly what the run wrote, so the next run can match against it
    without loading the store's sketches again. It is given up while a run works (a run that
    fails half-way leaves it ahead of the store) and handed back only when every batch is
    written; and it is used only while the store holds as many sketched claims as it does
    (another writer, or a store rebuilt, makes it stale: it is loaded afresh).
    """

    index: ThreadIndex | None = None

    def take(self, store: Store) -> ThreadIndex | None:
        index, self.index = self.index, None
        if index is not None and store.threads.sketched_count() == len(index.members):
            return index
        return None


def load_index(store: Store) -> ThreadIndex:
    index = ThreadIndex()
    # Hundreds of thousands of small objects that all live on: the cyclic garbage collector
    # would scan them again and again while they are built (half the load time at 10k claims).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for article_id, claim_id, thread_id, words, key, clusters, minhash, names in store.threads.index_rows():
            member = Member(f"{article_id}:{claim_id}", thread_id, article_id, frozenset(words or ()), key,
                            frozenset(clusters or ()), frozenset(names or ()))
            index.add(member, sketch_from_values(list(minhash)))
        for thread_id, article_id in store.threads.thread_of_articles():
            index.join(thread_id, article_id)
    finally:
        if collecting:
            gc.enable()
    return index


def _appearance(row: dict[str, Any]) -> Appearance:
    fields = {k: row[k] for k in Appearance.__slots__ if k in row}
    for name in ("hedges", "chain", "shared_words"):
        fields[name] = list(fields.get(name) or [])
    return Appearance(**fields)


def _thread_batch(store: Store, threader: Threader, pending: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    ids = [p["article_id"] for p in pending]
    texts, claims = store.threads.texts_and_claims(ids)
    clusters: dict[str, set[str]] = {c: set(found) for c, found in store.threads.claim_clusters(ids)}
    claims_of: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        claims_of.setdefault(claim["article_id"], []).append(claim)
    rows: list[dict[str, Any]] = []
    for meta in pending:
        article = ArticleClaims(
            article_id=meta["article_id"], text=texts.get(meta["article_id"], ""), publisher=meta["publisher"],
            published_at=meta["published_at"], url=meta["url"], state_media=bool(meta["state_media"]),
            claims=claims_of.get(meta["article_id"], []),
            clusters={c["claim_id"]: clusters.get(c["claim_id"], set()) for c in claims_of.get(meta["article_id"], [])},
        )
        if meta["near_duplicate_of"]:
            # The original may have been threaded in this very batch, not written yet.
            source_rows = [r for r in rows if r["article_id"] == meta["near_duplicate_of"]]
            source_rows = source_rows or store.threads.members(article_id=meta["near_duplicate_of"])
            original = [_appearance(r) for r in source_rows if r["kind"] != "reprint"]
            threaded = threader.add_reprint(article, original, meta["similarity"])
        else:
            threaded = threader.add_article(article)
        for item in threaded:
            row = asdict(item.appearance)
            row.update(words=item.words, speaker_key=item.speaker_key, clusters=item.clusters,
                       minhash=item.minhash or None, name_words=item.names)
            rows.append(row)
    return rows, len(pending)


def thread_store(store: Store, batch: int = BATCH, kept: KeptIndex | None = None) -> ThreadRunSummary:
    """Thread every article of ``store`` not threaded yet (steps 1-3 of the module docstring);
    with ``kept``, match against the index it holds (loading it when it holds none or a stale
    one) and leave the index there for the next run."""
    started = time.perf_counter()
    summary = ThreadRunSummary()
    pending = store.threads.pending_articles()
    if not pending:
        return summary
    index = kept.take(store) if kept is not None else None
    if index is None:
        loading = time.perf_counter()
        index = load_index(store)
        summary.index_seconds = time.perf_counter() - loading
    threader = Threader(index, read_claim_cues())
    for start in range(0, len(pending), batch):
        chunk = pending[start : start + batch]
        rows, done = _thread_batch(store, threader, chunk)
        touched = sorted({r["thread_id"] for r in rows})
        members = store.threads.members(thread_ids=touched)
        known = {(m["article_id"], m["claim_id"]) for m in members}
        members += [r for r in rows if (r["article_id"], r["claim_id"]) not in known]
        by_thread: dict[str, list[Appearance]] = {}
        for member in members:
            by_thread.setdefault(member["thread_id"], []).append(_appearance(member))
        hops: list[dict[str, Any]] = []
        threads: list[dict[str, Any]] = []
        for thread_id, appearances in by_thread.items():
            thread_hops, thread = hops_and_summary(thread_id, appearances)
            hops += thread_hops
            threads.append(thread)
        store.threads.write(rows, [p["article_id"] for p in chunk], hops, threads)
        summary.articles += done
        summary.appearances += len(rows)
        summary.threads_touched += len(threads)
    if kept is not None:
        kept.index = index
    summary.seconds = time.perf_counter() - started
    return summary
