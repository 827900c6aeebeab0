"""spaCy's greedy entity recogniser with its transition loop taken out of Cython: same entities.

The stock ``EntityRecognizer`` walks each document token by token in Cython, and every step
asks each of its ~74 actions whether it is valid through state helpers that take and drop
Python's GIL (seen under perf in the pinned spaCy 3.8.18 wheel for Python 3.11): measured
here, that loop is 40% of the whole parse, more than the NER's own neural network.

Here the same network gives the same numbers, decided in bulk. The model scores a state from
three token features: the next token, and while an entity is open its first token and the
token before. When no entity is open the last two are padding, so the scores of every
"closed" state are one matrix product over all tokens, and the action taken there (the best
valid one: ``O``, ``U-label``, or ``B-label`` where the entity has room to go on) is one
masked argmax over the document. Only the tokens inside an entity (``I``/``L``) are scored one
at a time, and there the choice is between two actions.

Every float operation is the stock one, in the stock order: feature vectors summed one by
one in float32, maxout, then the output layer through the same blis ``sgemm`` with the same
operands (blis computes each row alone, so batching rows changes no bit). Batches and
sub-batches are cut as the stock ``pipe`` cuts them, so the token vectors are the same too.
tests/nlp/test_fast_ner.py compares the entities with the stock component's on every
article of the test corpora.

The stand-in only runs where it matches the stock arithmetic and rules (greedy decoding,
three features, an output layer, no unseen classes). A document that already carries entity
annotations before NER (an entity ruler placed first) is handed to the stock component,
which honours them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import blis.py
import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import Model

# Action kinds as the stock transition system names them ("B-ORG" ... "O").
_KINDS = {"B": 0, "I": 1, "L": 2, "U": 3, "O": 4}
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_FEATURES = 3  # next token, entity start, token before: the NER state's context


def supports(component: object) -> bool:
    """Whether ``component`` is a stock entity recogniser whose decoding this reproduces."""
    if type(component) is not EntityRecognizer:
        return False
    model = component.model  # type: ignore[attr-defined]
    attrs = model.attrs
    if component.cfg.get("beam_width", 1) != 1 or not attrs.get("has_upper") or attrs.get("unseen_classes"):  # type: ignore[attr-defined]
        return False
    if len(model.layers) != 3 or model.layers[1].name != "precomputable_affine":
        return False
    lower = model.layers[1]
    if not lower.has_dim("nF") or lower.get_dim("nF") != _FEATURES or lower.get_dim("nP") < 2:
        return False
    moves = component.moves  # type: ignore[attr-defined]
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    if "O" not in names or not all(name.split("-", 1)[0] in _KINDS for name in names):
        return False
    # Every label an entity can begin with must have its I and L: the decoder chooses between them.
    by_kind = {kind: {name[2:] for name in names if name.startswith(kind + "-")} for kind in "BIL"}
    return by_kind["B"] <= by_kind["I"] & by_kind["L"]


class FastEntityRecognizer:
    """Drop-in for one loaded ``EntityRecognizer``; ``stock`` keeps the original."""

    def __init__(self, stock: EntityRecognizer) -> None:
        self.stock = stock
        moves = stock.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        kinds = [_KINDS[name.split("-", 1)[0]] for name in names]
        labels = [name.split("-", 1)[1] if "-" in name else "" for name in names]
        self._kind = np.array(kinds, dtype=np.int8)
        self._label_ids = [stock.vocab.strings.add(label) if label else 0 for label in labels]
        # The I and L action of each label: inside an entity the choice is between these two.
        self._inside = {labels[i]: i for i, k in enumerate(kinds) if k == _IN}
        self._last = {labels[i]: i for i, k in enumerate(kinds) if k == _LAST}
        self._label_of = labels
        # Valid actions of a state with no open entity, by what the next token allows:
        # 0: the token is whitespace (only O); 1: U or O; 2: B, U or O.
        labelled = np.array([bool(label) for label in labels])
        unit = (self._kind == _UNIT) & labelled
        begin = (self._kind == _BEGIN) & labelled
        out = self._kind == _OUT
        self._closed_valid = np.stack([out, out | unit, out | unit | begin])

    # -- the component protocol -----------------------------------------------------------
    @property
    def labels(self) -> tuple[str, ...]:
        return self.stock.labels

    @property
    def model(self) -> Model:
        """The stock thinc model, for code that inspects it."""
        return self.stock.model

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """As the stock ``Parser.pipe``: batches, sorted by length, in sub-batches of a quarter."""
        for batch in minibatch(docs, size=batch_size):
            for sub_batch in minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
                self._annotate(sub_batch)
            yield from batch

    # -- decoding -------------------------------------------------------------------------
    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs) or any(doc.to_array(ENT_IOB).any() for doc in docs):
            # Nothing to score, or preset entities the stock rules must honour.
            self.stock.set_annotations(docs, self.stock.predict(docs))
            return
        scorer = _Scorer.of(self.stock.model, docs)
        closed_scores = scorer.closed()
        offset = 0
        for doc in docs:
            n = len(doc)
            self._decode(doc, scorer, offset, closed_scores[offset : offset + n])
            offset += n

    def _decode(self, doc: Doc, scorer: _Scorer, offset: int, scores: np.ndarray) -> None:
        """Entities of ``doc``, whose tokens start at row ``offset`` of the batch's features."""
        n = len(doc)
        if n == 0:
            doc.set_ents([], default="outside")
            return
        space = doc.to_array(IS_SPACE).astype(bool)
        starts = doc.to_array(SENT_START)
        # An entity may go on past token t when a token follows that does not start a sentence.
        goes_on = np.zeros(n, dtype=bool)
        goes_on[:-1] = starts[1:] != 1
        category = np.where(space, 0, np.where(goes_on, 2, 1))
        masked = np.where(self._closed_valid[category], scores, -np.inf)
        choice = masked.argmax(axis=1)
        acting = np.flatnonzero(self._kind[choice] != _OUT).tolist()
        kinds, labels = self._kind, self._label_of
        ents: list[Span] = []
        position = 0  # the next token a closed state reaches
        for t in acting:
            if t < position:  # inside an entity decided below
                continue
            action = int(choice[t])
            if kinds[action] == _UNIT:
                ents.append(Span(doc, t, t + 1, label=self._label_ids[action]))
                position = t + 1
                continue
            # B: decide token by token until the entity's L. The stock argmax keeps the first
            # of equal scores, and I comes before L: the entity goes on unless L scores higher.
            inside, last = self._inside[labels[action]], self._last[labels[action]]
            b = t + 1
            while goes_on[b]:
                open_scores = scorer.open(offset + t, offset + b)
                if open_scores[last] > open_scores[inside]:
                    break
                b += 1
            ents.append(Span(doc, t, b + 1, label=self._label_ids[action]))
            position = b + 1
        doc.set_ents(ents, default="outside")


@dataclass(frozen=True)
class _Scorer:
    """The stock model's state scores over one sub-batch, in the stock arithmetic."""

    cached: np.ndarray  # (tokens + 1, features, hidden, pieces); row 0 is the padding
    bias: np.ndarray
    weights: np.ndarray
    upper_bias: np.ndarray

    @classmethod
    def of(cls, model: Model, docs: list[Doc]) -> _Scorer:
        lower, upper = model.layers[1], model.layers[2]
        cached = lower.predict(model.layers[0].predict(docs))
        # thinc types parameters as a union of FloatsNd; on the CPU they are numpy arrays.
        return cls(cached, *(np.asarray(p) for p in (lower.get_param("b"), upper.get_param("W"), upper.get_param("b"))))

    def closed(self) -> np.ndarray:
        """Scores of every token's state with no entity open: the next token's vector, then
        the padding of the other two features."""
        cached = self.cached
        return self._scores(((cached[1:, 0] + cached[0, 1]) + cached[0, 2]) + self.bias)

    def open(self, start: int, b: int) -> np.ndarray:
        """Scores of the state at token row ``b`` inside an entity opened at row ``start``."""
        cached = self.cached
        return self._scores((((cached[b + 1, 0] + cached[start + 1, 1]) + cached[b, 2]) + self.bias)[None])[0]

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        # Maxout, then the output layer through blis, as the stock step loop does.
        return blis.py.gemm(summed.max(axis=-1), self.weights, trans2=True, beta=0.0) + self.upper_bias
