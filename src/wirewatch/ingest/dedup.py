"""Near-duplicate articles: one wire story republished with small edits by several outlets.

MinHash signatures over word 5-shingles of the id-normalised text go into an LSH index
(datasketch). A later article whose estimated Jaccard similarity to an earlier one reaches
``NEAR_DUPLICATE_JACCARD`` gets ``near_duplicate_of`` = the earlier article's id; the first
seen stays the original. Exact copies already share an ``article_id`` and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH

from wirewatch import minhash as minhash_scheme
from wirewatch.ingest.identity import id_words
from wirewatch.records import Article, InputProblem

# Reposts with a changed headline, an added paragraph or a trimmed ending stay above this;
# distinct reports of the same event by different reporters fall well below it.
NEAR_DUPLICATE_JACCARD = 0.7
SHINGLE_WORDS = 5
NUM_PERM = 128


def new_minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    """An empty MinHash of wirewatch's scheme at this module's size, or one holding stored ``hashvalues``."""
    return minhash_scheme.new_minhash(NUM_PERM, hashvalues)


def encoded_words(text: str) -> list[bytes]:
    """``id_words`` of ``text`` in UTF-8: shingles are joined from these, encoded once."""
    return [word.encode("utf-8") for word in id_words(text)]


def signature(text: str) -> MinHash:
    return signature_of_words(encoded_words(text))


def signature_of_words(words: list[bytes]) -> MinHash:
    """MinHash over the word 5-shingles of ``encoded_words`` output."""
    shingles = {b" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = new_minhash()
    minhash.update_batch(shingles)
    return minhash


class NearDuplicateIndex:
    """Articles seen so far in a run, to find the one a new article copies."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # article id -> position seen, to prefer the earliest

    def original_of(self, article: Article) -> str | None:
        """The id of the earliest-added near-duplicate of ``article``, then remember it."""
        if article.article_id in self._signatures:
            return None
        minhash = signature(article.text)
        candidates = []
        for other_id in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[other_id])
            if similarity >= self.threshold:
                candidates.append(other_id)
        self._lsh.insert(article.article_id, minhash)
        self._signatures[article.article_id] = minhash
        self._order[article.article_id] = len(self._order)
        return min(candidates, key=self._order.__getitem__) if candidates else None


def mark_near_duplicates(
    items: Iterable[Article | InputProblem], index: NearDuplicateIndex | None = None
) -> Iterator[Article | InputProblem]:
    index = index or NearDuplicateIndex()
    for item in items:
        if isinstance(item, Article) and item.near_duplicate_of is None:
            item.near_duplicate_of = index.original_of(item)
        yield item
