"""MinHash sketches of wirewatch's one pinned scheme, for near-duplicate articles
(``ingest.dedup``, 128 permutations over word shingles) and claim threads (``threads.match``,
64 over content words).

Sketches are stored (articles' copy signatures, threaded claims' sketches), so the scheme and
datasketch's seeded permutations must stay the same from one wirewatch to the next: a sketch
made today is compared with one made by a later version.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from datasketch import MinHash

MINHASH_SCHEME = "affine32"


@cache
def _permutations(num_perm: int) -> np.ndarray:
    # datasketch draws them from a seeded RandomState per MinHash: the same every time, and
    # drawing them costs more than hashing an article or a claim, so they are drawn once a size.
    return MinHash(num_perm=num_perm, scheme=MINHASH_SCHEME).permutations


def new_minhash(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    """An empty MinHash of the scheme with ``num_perm`` permutations, or one holding stored ``hashvalues``."""
    return MinHash(num_perm=num_perm, scheme=MINHASH_SCHEME, hashvalues=hashvalues, permutations=_permutations(num_perm))
