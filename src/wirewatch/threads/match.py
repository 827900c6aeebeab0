"""Which earlier thread a new claim belongs to: MinHash/LSH candidates, then an explained decision.

The index holds one MinHash per threaded claim, over its content words (``wording``). A new
claim is matched in work bounded whatever the size of the store:

1. **Can it match at all?** A claim with fewer than ``MIN_RARE_SHARED`` words that are rare
   and yet used by some indexed claim, or fewer than ``MIN_SHARED`` words used by any, fails
   step 4 against every candidate: it asks the index nothing. (In a store of news on one
   subject few stop here: 309 of 19,030 on PolNeAR; the cap below is what bounds the work.)
2. **Candidates**: the LSH index proposes them (no pass over the store). Its low threshold
   keeps shortened relays in view, so their number grows with the store; only the
   ``CANDIDATES`` best by estimated overlap of the shorter claim (MinHash Jaccard and the two
   word counts, one vectorised step) go on to be judged.
3. ``overlap`` = weight of the shared content words / weight of the shorter claim's words.
   Relays shorten a statement ("...cohort of 120 soldiers who are training the Venezuelan army
   on everything from infantry tactics to drone use" → "...120 soldiers training Venezuela's
   army"), so the shorter side is the measure, not the union (Jaccard punishes shortening).
   A word weighs its inverse document frequency among threaded claims (with a prior of
   ``IDF_PRIOR`` claims, so a small store weighs words nearly alike): in election coverage
   "former Secretary of State Hillary Clinton" is in thousands of unrelated claims, and names
   alone must not make two claims one statement.
4. A match needs ``overlap >= MATCH_OVERLAP``, ``MIN_SHARED`` shared words of which
   ``MIN_SUBSTANCE`` are neither names nor role words ("former Arkansas governor Mike
   Huckabee" is whom a claim is about, not what it says), ``MIN_RARE_SHARED`` of them rare
   words, and the shared words must also weigh ``LONGER_COVER`` of the longer claim (a stock
   phrase, "former Secretary of State Hillary Clinton", inside a long sentence is not that
   sentence); the same speaker (``wording.speaker_key``) or the same real event (event
   ``cluster_id``) lowers the bar to ``SUPPORTED_OVERLAP``, because then the words need only
   confirm what the provenance says.
5. The best-scoring candidate thread wins; a thread never takes two claims of one article
   (an article restating its own claim is not a relay).

The thresholds were chosen on ``tests/thread_paraphrase_pairs.py`` (see docs/threads.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from wirewatch.minhash import new_minhash
from wirewatch.threads.wording import ROLE_WORDS

NUM_PERM = 64
# The LSH only proposes candidates; a low threshold keeps shortened relays (low Jaccard) in view.
LSH_THRESHOLD = 0.2
# Candidates judged per claim (step 2): bounds the work whatever the size of the store.
CANDIDATES = 16
MATCH_OVERLAP = 0.7
SUPPORTED_OVERLAP = 0.45
MIN_SHARED = 4
LONGER_COVER = 0.4
# Shared words that few claims use: at least this many, so stock titles and names alone
# ("former Secretary of State Hillary Clinton") never make a match. A word is rare when at
# most RARE_SHARE of the claims (or RARE_FLOOR claims, in a small store) use it.
MIN_RARE_SHARED = 2
# Shared words that are neither names nor roles: what the two claims say, not whom they name.
MIN_SUBSTANCE = 2
RARE_SHARE = 0.01
RARE_FLOOR = 10
# Fewer content words than this and a claim is too short to say which statement it is.
MIN_WORDS = 6
IDF_PRIOR = 50


def sketch(words: list[str]) -> MinHash:
    signature = new_minhash(NUM_PERM)
    signature.update_batch([w.encode("utf-8") for w in words])
    return signature


def sketch_from_values(values: list[int]) -> MinHash:
    """A stored sketch, comparable with new ones."""
    return new_minhash(NUM_PERM, np.array(values, dtype=np.uint64))


@dataclass(slots=True)
class Member:
    """A claim already in a thread, as the index keeps it."""

    key: str  # article_id + claim_id
    thread_id: str
    article_id: str
    words: frozenset[str]
    speaker: str | None
    clusters: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # words written as names (wording.name_words)


@dataclass(frozen=True, slots=True)
class Match:
    thread_id: str
    score: float
    shared_words: tuple[str, ...]
    same_speaker: bool
    same_event: bool

    def explain(self) -> str:
        why = [f"{len(self.shared_words)} shared words ({', '.join(self.shared_words[:8])})"]
        if self.same_speaker:
            why.append("same speaker")
        if self.same_event:
            why.append("same event")
        return f"overlap {self.score:.2f}: " + "; ".join(why)


def judge(
    words: frozenset[str], speaker: str | None, clusters: frozenset[str], other: Member,
    weight: Callable[[str], float] = lambda word: 1.0, rare: Callable[[str], bool] | None = None,
    names: frozenset[str] = frozenset(),
) -> Match | None:
    """The decision for one candidate (steps 3-4 of the module docstring); None when no match."""
    shared = words & other.words
    if len(shared) < MIN_SHARED:
        return None
    if len(shared - names - other.names - ROLE_WORDS) < MIN_SUBSTANCE:
        return None
    mine, theirs = sum(weight(w) for w in words), sum(weight(w) for w in other.words)
    if not mine or not theirs:
        return None
    common = sum(weight(w) for w in shared)
    overlap = common / min(mine, theirs)
    if rare is not None and sum(rare(w) for w in shared) < MIN_RARE_SHARED:
        return None
    # A name-heavy phrase inside a long sentence covers little of it: not the same statement.
    if common / max(mine, theirs) < LONGER_COVER:
        return None
    same_speaker = bool(speaker) and speaker == other.speaker
    same_event = bool(clusters & other.clusters)
    needed = SUPPORTED_OVERLAP if same_speaker or same_event else MATCH_OVERLAP
    if overlap < needed:
        return None
    # Provenance agreeing is worth a little: of two equal overlaps, the same speaker's wins.
    score = overlap + 0.05 * same_speaker + 0.05 * same_event
    return Match(other.thread_id, round(score, 3), tuple(sorted(shared)), same_speaker, same_event)


@dataclass(slots=True)
class ThreadIndex:
    """Every threaded claim's sketch in an LSH index, loaded from the store at the start of a run
    (or kept in memory by a long-lived process: ``thread_run.KeptIndex``)."""

    # Keys are row numbers into ``rows`` and the sketch matrix: ints hash fast and index numpy.
    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM))
    members: dict[str, Member] = field(default_factory=dict)
    articles_of: dict[str, set[str]] = field(default_factory=dict)  # thread -> its articles
    document_frequency: Counter[str] = field(default_factory=Counter)
    rows: list[Member] = field(default_factory=list)
    # Row i: member i's MinHash values and its number of words, for ranking candidates (step 2).
    _hashes: np.ndarray = field(default_factory=lambda: np.empty((1024, NUM_PERM), dtype=np.uint32))
    _sizes: np.ndarray = field(default_factory=lambda: np.empty(1024, dtype=np.float64))

    def rare_cap(self) -> float:
        return max(RARE_FLOOR, RARE_SHARE * len(self.members))

    def rare(self, word: str) -> bool:
        return self.document_frequency[word] <= self.rare_cap()

    def weight(self, word: str) -> float:
        return math.log((len(self.members) + IDF_PRIOR) / (self.document_frequency[word] + 1))

    def add(self, member: Member, signature: MinHash) -> None:
        if member.key in self.members:
            return
        row = len(self.rows)
        if row == len(self._sizes):
            # Doubling: growing costs a constant per claim on average, never a copy of all per claim.
            self._hashes = np.concatenate([self._hashes, np.empty_like(self._hashes)])
            self._sizes = np.concatenate([self._sizes, np.empty_like(self._sizes)])
        self._hashes[row] = signature.hashvalues
        self._sizes[row] = len(member.words)
        self.rows.append(member)
        self.members[member.key] = member
        self.document_frequency.update(member.words)
        self.lsh.insert(row, signature)
        self.articles_of.setdefault(member.thread_id, set()).add(member.article_id)

    def join(self, thread_id: str, article_id: str) -> None:
        """Record an article joining a thread without a sketch of its own (a reprint, own-voice text)."""
        self.articles_of.setdefault(thread_id, set()).add(article_id)

    def could_match(self, words: frozenset[str]) -> bool:
        """Step 1: enough words used by indexed claims, enough of them rare, to pass step 4 with one."""
        frequency, cap = self.document_frequency, self.rare_cap()
        used = rare = 0
        for word in words:
            count = frequency.get(word, 0)
            if count:
                used += 1
                rare += count <= cap
        return used >= MIN_SHARED and rare >= MIN_RARE_SHARED

    def candidates(self, words: frozenset[str], signature: MinHash) -> list[int]:
        """Step 2: the rows the LSH proposes, best estimated overlap of the shorter claim first,
        equal estimates in key order (the LSH answers in hash order, which differs between
        processes, and the row order differs between a loaded and a kept index: ties must not)."""
        found = np.fromiter(self.lsh.query(signature), dtype=np.int64)
        if not len(found):
            return []
        jaccard = (self._hashes[found] == signature.hashvalues).mean(axis=1)
        sizes, size = self._sizes[found], float(len(words))
        # |A ∩ B| = J (|A| + |B|) / (1 + J), over the smaller of |A| and |B|.
        overlap = jaccard * (sizes + size) / (1.0 + jaccard) / np.maximum(np.minimum(sizes, size), 1.0)
        keys = [self.rows[row].key for row in found.tolist()]
        return found[np.lexsort((keys, -overlap))].tolist()

    def best(
        self, article_id: str, words: frozenset[str], speaker: str | None, clusters: frozenset[str],
        signature: MinHash, names: frozenset[str] = frozenset(),
    ) -> Match | None:
        """The best matching thread not yet holding ``article_id`` (steps 1-5)."""
        if not self.could_match(words):
            return None
        found: Match | None = None
        found_key = ""
        judged = 0
        for row in self.candidates(words, signature):
            other = self.rows[row]
            if article_id in self.articles_of.get(other.thread_id, ()):
                continue
            match = judge(words, speaker, clusters, other, self.weight, self.rare, names)
            if match and (found is None or match.score > found.score
                          or (match.score == found.score and other.key < found_key)):
                found, found_key = match, other.key
            judged += 1
            if judged == CANDIDATES:
                break
        return found
