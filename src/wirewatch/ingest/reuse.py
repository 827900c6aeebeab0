"""Copying across a whole store: near-duplicate reprints and partial reuse (wire copy, churnalism).

Two complementary indexes, both sub-quadratic (each new article costs lookups, never a pass
over the store):

- **Near-duplicates**: MinHash over word 5-shingles in a datasketch LSH index (see ``dedup``).
  A reprint under a new headline, with boilerplate added or a paragraph cut, keeps an
  estimated Jaccard similarity of at least ``NEAR_DUPLICATE_JACCARD`` to its original.
- **Reuse share**: passage fingerprints, word 8-grams hashed with a stable hash and kept when
  ``hash % FINGERPRINT_SAMPLE == 0`` (content-defined sampling: two copies of one passage keep
  the same fingerprints wherever it sits). The share of an article's fingerprints first seen
  in one earlier article is the share of its text reused from it. An article almost wholly
  contained in an earlier one (``CONTAINED_SHARE``: wire copy cut down) is a duplicate too.

Only originals enter the indexes: a duplicate adds nothing new, and leaving it out keeps a
resumed run from taking an already-stored copy for the original of the article it copies.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from wirewatch.ingest.dedup import NEAR_DUPLICATE_JACCARD, NUM_PERM, encoded_words, new_minhash, signature_of_words
from wirewatch.records import Article

FINGERPRINT_WORDS = 8
FINGERPRINT_SAMPLE = 4
# Below this share, overlap is stock phrases ("contributed to this report"), not reuse.
PARTIAL_REUSE_SHARE = 0.2
# Everything this article says, the earlier one said: a cut-down copy, not coded again.
CONTAINED_SHARE = 0.9
# Too few fingerprints to judge containment (a very short text).
MIN_FINGERPRINTS = 8


def fingerprints(text: str) -> list[int]:
    """Sampled stable hashes of the word 8-grams of ``text`` (sorted, unique; signed 63-bit)."""
    return fingerprints_of_words(encoded_words(text))


def fingerprints_of_words(words: list[bytes]) -> list[int]:
    """``fingerprints`` of ``dedup.encoded_words`` output: each 8-gram is hashed, then the
    digests are read, shifted and sampled as one array."""
    blake2b = hashlib.blake2b
    digests = b"".join(
        [
            blake2b(b" ".join(words[i : i + FINGERPRINT_WORDS]), digest_size=8).digest()
            for i in range(max(1, len(words) - FINGERPRINT_WORDS + 1))
        ]
    )
    values = np.frombuffer(digests, dtype=">u8") >> np.uint64(1)
    return np.unique(values[values % np.uint64(FINGERPRINT_SAMPLE) == 0]).tolist()


@dataclass(slots=True)
class Reuse:
    """What an article copies, and the sketches that let later runs compare against it."""

    article_id: str
    near_duplicate_of: str | None = None
    similarity: float | None = None  # estimated Jaccard similarity to near_duplicate_of
    reused_from: str | None = None  # the earlier article it takes the most text from
    reuse_share: float | None = None  # share of its fingerprints found in reused_from
    minhash: list[int] = field(default_factory=list)
    fingerprints: list[int] = field(default_factory=list)

    @property
    def is_duplicate(self) -> bool:
        return self.near_duplicate_of is not None


class ReuseIndex:
    """Every original article of a store (and of the run so far), for finding what a new one copies."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._minhashes: dict[str, MinHash] = {}
        self._owner: dict[int, str] = {}  # fingerprint -> first article that had it
        self._sizes: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._minhashes)

    def add(self, article_id: str, minhash_values: list[int], prints: list[int]) -> None:
        """Register an original (e.g. loaded from the store)."""
        if article_id in self._minhashes or not minhash_values:
            return
        minhash = new_minhash(np.asarray(minhash_values, dtype=np.uint64))
        self._register(article_id, minhash, prints)

    def _register(self, article_id: str, minhash: MinHash, prints: list[int]) -> None:
        self._lsh.insert(article_id, minhash)
        self._minhashes[article_id] = minhash
        self._sizes[article_id] = len(prints)
        for value in prints:
            self._owner.setdefault(value, article_id)

    def check(self, article: Article) -> Reuse:
        """What ``article`` copies from the articles indexed so far; originals are then indexed."""
        words = encoded_words(article.text)
        minhash = signature_of_words(words)
        prints = fingerprints_of_words(words)
        found = Reuse(
            article.article_id,
            minhash=minhash.hashvalues.tolist(),
            fingerprints=prints,
        )
        best: tuple[float, str] | None = None
        for other in self._lsh.query(minhash):
            if other == article.article_id:
                continue
            similarity = minhash.jaccard(self._minhashes[other])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, other)
        owners = Counter(self._owner[p] for p in prints if p in self._owner and self._owner[p] != article.article_id)
        if owners and prints:
            source, shared = owners.most_common(1)[0]
            share = shared / len(prints)
            if share >= PARTIAL_REUSE_SHARE:
                found.reused_from, found.reuse_share = source, round(share, 3)
            if best is None and share >= CONTAINED_SHARE and len(prints) >= MIN_FINGERPRINTS:
                best = (self._minhashes[source].jaccard(minhash), source)
        if best is not None:
            found.similarity, found.near_duplicate_of = round(best[0], 3), best[1]
        elif article.article_id not in self._minhashes:
            self._register(article.article_id, minhash, prints)
        return found
