"""spaCy's rule/lookup Lemmatizer with its per-token Python taken out: same lemmas, written in bulk.

The stock component visits every token, builds ``token.pos_`` and ``token.morph`` strings
and sets ``token.lemma_`` one at a time (~8% of the parse). Its answer depends only on the
token's text, POS and morphology (its own cache is keyed on exactly that), so here each
distinct (ORTH, POS, MORPH) of a document is looked up once in a cache, a miss asks the
stock ``lemmatize`` (so the rules, tables and ``is_base_form`` of the model's own class
apply unchanged), and all lemmas are written with one ``Doc.from_array``.

A miss in rule mode costs ~0.2 ms in the stock code because the model keeps each POS's
lemma index as a list (``form in index`` scans ~50k words), which makes a fresh process's
first articles slow. Misses therefore run spaCy's own ``rule_lemmatize`` against a view of
the component whose index lists are sets: the same membership answers, in constant time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from wirewatch.nlp.distinct import distinct_rows

# Classes whose lemma is a function of (text, POS, morphology) alone, and the modes that keep it so.
KNOWN_CLASSES = (Lemmatizer, EnglishLemmatizer)
KNOWN_MODES = ("rule", "lookup")


class FastLemmatizer:
    """Drop-in for one loaded ``Lemmatizer``; ``stock`` keeps the original, which answers misses."""

    def __init__(self, stock: Lemmatizer) -> None:
        self.stock = stock
        self._cache: dict[tuple[int, int, int], str] = {}
        self._lemmatize: Callable[[Token], list[str]] = stock.lemmatize
        if _IndexedRules.applies(stock):
            # _IndexedRules stands in for the Lemmatizer: it has every attribute rule_lemmatize reads.
            self._lemmatize = partial(Lemmatizer.rule_lemmatize, cast(Lemmatizer, _IndexedRules(stock)))

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lemmas = doc.to_array(LEMMA)  # one attribute per call: several at once is far slower
        todo = np.arange(len(doc)) if self.stock.overwrite else np.nonzero(lemmas == 0)[0]
        if len(todo) == 0:
            return doc
        columns = [doc.to_array(attr)[todo] for attr in (ORTH, POS, MORPH)]
        first, inverse = distinct_rows(columns)
        keys = list(zip(*(column[first].tolist() for column in columns), strict=False))
        found: list[str] = []
        for i, key in enumerate(keys):
            lemma = self._cache.get(key)
            if lemma is None:
                lemma = self._cache[key] = self._lemmatize(doc[int(todo[first[i]])])[0]
            found.append(lemma)
        # Added on every use, as token.lemma_ does: inside a memory zone the string is transient.
        add = self.stock.vocab.strings.add
        hashes = np.array([add(lemma) for lemma in found], dtype=np.uint64)
        lemmas[todo] = hashes[inverse]
        doc.from_array(LEMMA, lemmas)  # type: ignore[arg-type]  # thinc's Ints2d: see fast_ruler
        return doc


class _IndexedRules:
    """What ``Lemmatizer.rule_lemmatize`` reads of its component (``self.cache``,
    ``self.is_base_form``, ``self.lookups.get_table``), with the lemma index as sets."""

    def __init__(self, stock: Lemmatizer) -> None:
        self.cache = stock.cache  # the stock component's own, as if it had answered
        self.is_base_form = stock.is_base_form
        self.lookups = self  # answers get_table below
        self._tables = stock.lookups
        index = stock.lookups.get_table("lemma_index")
        self._index = Table(name="lemma_index", data={pos: frozenset(words) for pos, words in index.items()})

    @staticmethod
    def applies(stock: Lemmatizer) -> bool:
        """Rule mode with spaCy's own rule code, and an index of plain word lists."""
        if stock.mode != "rule" or type(stock).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return False
        if "lemma_index" not in stock.lookups:
            return False
        lists = stock.lookups.get_table("lemma_index").values()
        return all(isinstance(words, list) and all(isinstance(w, str) for w in words) for words in lists)

    def get_table(self, name: str, default: Any) -> Any:
        return self._index if name == "lemma_index" else self._tables.get_table(name, default)


def supports(lemmatizer: object) -> bool:
    """Whether ``lemmatizer`` is a stock one this can stand in for (else the caller keeps it)."""
    if type(lemmatizer) not in KNOWN_CLASSES or lemmatizer.mode not in KNOWN_MODES:  # type: ignore[attr-defined]
        return False
    required, _ = type(lemmatizer).get_lookups_config(lemmatizer.mode)  # type: ignore[attr-defined]
    # Without its tables the stock component raises on first use; leave it to say so.
    return all(table in lemmatizer.lookups for table in required)  # type: ignore[attr-defined]
