"""Which matrix-multiply kernels the statistical components run on.

thinc multiplies with blis by default. Its ``NumpyOps(use_blis=False)`` hands the same float32
products to numpy's OpenBLAS instead: measured on PolNeAR (924 texts, en_core_web_sm) the parse
is about 6% faster per document and 13% faster in batches (tok2vec and NER; the parser's own
Cython loop keeps blis), with identical tags, lemmas, parses and entities on every token.
``WIREWATCH_GEMM=blis`` restores thinc's default.

OpenBLAS is held to one thread per process: wirewatch parallelises by processes (``--processes``,
Ray actors), and a BLAS thread pool in each would only fight them for the cores. blis, as thinc
calls it, is single-threaded too, so "blis" and "numpy" use the same cores.
"""

from __future__ import annotations

from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits

from wirewatch.errors import ModelError

GEMM_CHOICES = ("numpy", "blis")


def use_gemm(kind: str) -> None:
    """Make ``kind`` the kernels of models built from now on in this process (call before ``spacy.load``)."""
    if kind not in GEMM_CHOICES:
        raise ModelError(f"WIREWATCH_GEMM={kind!r}: expected one of {', '.join(GEMM_CHOICES)}")
    if kind == "numpy":
        threadpool_limits(limits=1, user_api="blas")
    set_current_ops(NumpyOps(use_blis=kind == "blis"))
