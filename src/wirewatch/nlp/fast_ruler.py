"""spaCy's AttributeRuler compiled to array lookups: the same token attributes, little Python per token.

The stock ruler runs a Matcher over the document (a Python predicate call per token for
every ``IN``/``REGEX`` condition) and writes each match through a ``Span``: about 13% of
the parse on news text. Nearly all of its patterns test a single token's TAG, LOWER, DEP or
IS_SPACE, so what they do to a token is a function of those few values. Per document:

1. each tested attribute's value is mapped to a *class*, the truth of every condition on
   that attribute (cached per value, so a new word costs one evaluation);
2. each distinct combination of classes gets an *outcome* (cached): per written attribute,
   the last pattern that sets it, since the stock ruler applies matches in pattern order and
   the last one wins; and, for fixed-length multi-token patterns, which token specs hold;
3. multi-token patterns are matched by shifting those spec columns; patterns that cannot be
   compiled (operators, extension attributes, other predicates) run in a small residual
   Matcher and take their place in the same order;
4. the winners are written back with one ``Doc.from_array`` per attribute.

Conditions read the attributes as they were before the ruler ran, as the stock Matcher does.
``compile_ruler`` returns None for a ruler that writes anything but POS, MORPH, LEMMA, TAG
and DEP (extension or lexeme attributes): the caller then keeps the stock component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.errors import Errors
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirewatch.nlp.distinct import distinct_rows

# Token-struct attributes the ruler may write; with these, Doc.from_array stores exactly
# what the stock set_token_attrs stores (none of them is also a lexeme attribute).
WRITABLE = (POS, MORPH, LEMMA, TAG, DEP)
# Attributes whose Doc.to_array value is the value the Matcher compares (both call
# get_token_attr); REGEX only on those that hold strings.
STRING_ATTRS = frozenset(IDS[n] for n in ("ORTH", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE"))
FLAG_ATTRS = frozenset(
    IDS[n]
    for n in ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER",
              "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL", "IS_STOP")
)


@dataclass(frozen=True)
class Condition:
    """One test on one attribute: ``==`` a value, ``IN``/``NOT_IN`` a set of values, or a ``REGEX`` search.
    The operand's type follows the operator: an int for ``==``, a frozenset for ``IN``/``NOT_IN``,
    a compiled pattern for ``REGEX``."""

    op: str
    operand: int | frozenset[int] | re.Pattern[str]

    def holds(self, value: int, vocab: Vocab) -> bool:
        operand = self.operand
        if isinstance(operand, int):
            return value == operand
        if isinstance(operand, frozenset):
            return (value in operand) == (self.op == "IN")
        return operand.search(vocab.strings[value]) is not None

    def named(self) -> frozenset[int]:
        """The values this condition names (none for a REGEX)."""
        operand = self.operand
        if isinstance(operand, int):
            return frozenset((operand,))
        return operand if isinstance(operand, frozenset) else frozenset()


Spec = tuple[tuple[int, int], ...]  # (tested-attribute position, condition position) pairs, all must hold


@dataclass(frozen=True)
class MultiRule:
    pattern: int  # the ruler's pattern index: its precedence
    specs: tuple[int, ...]  # one entry of the multi-token spec table per token
    target: int  # the written token's offset from the match start


class FastAttributeRuler:
    """Drop-in for one loaded ``AttributeRuler``; ``stock`` keeps the original for reference."""

    def __init__(self, stock: AttributeRuler, writes: list[list[tuple[int, int]]], written: tuple[int, ...],
                 tested: tuple[int, ...], conditions: list[list[Condition]], single: list[tuple[int, Spec]],
                 multi_specs: list[Spec], multi: list[MultiRule], residual: Matcher | None) -> None:
        self.stock = stock
        self.vocab: Vocab = stock.vocab
        self._writes = writes  # per pattern: (column in ``written``, value)
        self._written = written
        self._tested = tested
        self._conditions = conditions  # per tested attribute
        # A value no condition names fails every == and IN and passes every NOT_IN: for such a
        # value (most words) only the REGEX conditions need evaluating.
        self._named = [frozenset().union(*(c.named() for c in cs)) for cs in conditions]
        self._unnamed = [tuple(c.op == "NOT_IN" for c in cs) for cs in conditions]
        self._regexes = [[j for j, c in enumerate(cs) if c.op == "REGEX"] for cs in conditions]
        self._single = single  # single-token rules in pattern order
        self._multi_specs = multi_specs
        self._multi = multi
        self._residual = residual
        self._residual_ids = {self.vocab.strings.add(str(p)): p for p in range(len(writes))}
        self._class_of: list[dict[int, int]] = [{} for _ in tested]  # value -> class id
        self._class_ids: list[dict[tuple[bool, ...], int]] = [{} for _ in tested]  # truths -> class id
        self._class_truths: list[list[tuple[bool, ...]]] = [[] for _ in tested]
        # Per distinct class combination (a row id): the outcome, kept in arrays so that a
        # document's tokens take theirs by indexing; rebuilt when new combinations appear.
        self._row_ids: dict[tuple[int, ...], int] = {}
        self._outcomes: list[tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...]]] = []
        self._tables = (np.zeros((0, len(written)), np.int64), np.zeros((0, len(written)), np.uint64),
                        np.zeros((0, len(multi_specs)), bool))

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # One attribute per to_array/from_array call: several at once loop in Python per token.
        tested = {attr: doc.to_array(attr) for attr in self._tested}
        rows, inverse = self._classes(tested, len(doc))
        ids = np.array([self._row_id(row) for row in rows], dtype=np.intp)
        if len(self._tables[0]) < len(self._outcomes):
            shape = (len(self._outcomes), len(self._written))
            self._tables = (np.array([o[0] for o in self._outcomes], np.int64).reshape(shape),
                            np.array([o[1] for o in self._outcomes], np.uint64).reshape(shape),
                            np.array([o[2] for o in self._outcomes], bool).reshape(shape[0], len(self._multi_specs)))
        winners, values, holds = self._tables
        winner, value = winners[ids][inverse], values[ids][inverse]
        present: np.ndarray = np.any(holds[ids], axis=0)
        rules = [rule for rule in self._multi if present[list(rule.specs)].all()]  # mostly none
        if rules:
            token_holds = holds[ids][inverse]
            for rule in rules:
                self._apply_multi(rule, token_holds, winner, value)
        if self._residual is not None:
            self._apply_residual(doc, winner, value)
        hit = winner >= 0
        for j, attr in enumerate(self._written):
            if hit[:, j].all():
                doc.from_array(attr, value[:, j])
            elif hit[:, j].any():
                current = tested[attr] if attr in tested else doc.to_array(attr)
                # spaCy types the array as thinc's Ints2d, which numpy's stubs cannot express.
                doc.from_array(attr, np.where(hit[:, j], value[:, j], current))  # type: ignore[arg-type]
        return doc

    def _classes(self, tested: dict[int, np.ndarray], n: int) -> tuple[list[tuple[int, ...]], np.ndarray]:
        """The distinct class combinations among the ``n`` tokens and, per token, the index of its own."""
        if not tested:  # only patterns that test nothing (or none at all): one combination
            return [()], np.zeros(n, dtype=np.intp)
        classes = []
        for a, attr in enumerate(self._tested):
            distinct, inverse = np.unique(tested[attr], return_inverse=True)
            lookup = self._class_of[a]
            ids = [lookup.get(v) for v in distinct.tolist()]
            for i, v in enumerate(distinct.tolist()):
                if ids[i] is None:
                    ids[i] = self._new_class(a, v)
            classes.append(np.asarray(ids, dtype=np.int64)[inverse.reshape(-1)])
        first, inverse = distinct_rows(classes, [len(t) for t in self._class_truths])
        return list(zip(*(c[first].tolist() for c in classes), strict=False)), inverse

    def _new_class(self, a: int, value: int) -> int:
        conditions = self._conditions[a]
        if value in self._named[a]:
            truths = tuple(c.holds(value, self.vocab) for c in conditions)
        else:
            truths = self._unnamed[a]
            if self._regexes[a]:
                some = list(truths)
                for j in self._regexes[a]:
                    some[j] = conditions[j].holds(value, self.vocab)
                truths = tuple(some)
        ids = self._class_ids[a]
        if truths not in ids:
            ids[truths] = len(ids)
            self._class_truths[a].append(truths)
        self._class_of[a][value] = ids[truths]
        return ids[truths]

    def _row_id(self, row: tuple[int, ...]) -> int:
        """The id of a class combination, working out its outcome the first time."""
        row_id = self._row_ids.get(row)
        if row_id is not None:
            return row_id
        truths = [self._class_truths[a][c] for a, c in enumerate(row)]
        winner = [-1] * len(self._written)
        value = [0] * len(self._written)
        for pattern, spec in self._single:  # in pattern order: the last match wins
            if all(truths[a][c] for a, c in spec):
                for column, v in self._writes[pattern]:
                    winner[column], value[column] = pattern, v
        holds = tuple(all(truths[a][c] for a, c in spec) for spec in self._multi_specs)
        self._outcomes.append((tuple(winner), tuple(value), holds))
        self._row_ids[row] = row_id = len(self._outcomes) - 1
        return row_id

    def _apply_multi(self, rule: MultiRule, holds: np.ndarray, winner: np.ndarray, value: np.ndarray) -> None:
        starts = len(holds) - len(rule.specs) + 1
        if starts <= 0:
            return
        match = np.ones(starts, dtype=bool)
        for k, spec in enumerate(rule.specs):
            match &= holds[k : k + starts, spec]
        self._write(rule.pattern, np.nonzero(match)[0] + rule.target, winner, value)

    def _apply_residual(self, doc: Doc, winner: np.ndarray, value: np.ndarray) -> None:
        assert self._residual is not None
        for match_id, start, end in self._residual(doc, allow_missing=True, as_spans=False):
            pattern = self._residual_ids[match_id]
            index = self.stock.indices[pattern]
            if not -(end - start) <= index < end - start:
                raise ValueError(Errors.E1001.format(patterns=self.stock.matcher.get(str(pattern)),
                                                     span=[t.text for t in doc[start:end]], index=index))
            self._write(pattern, np.array([start + index if index >= 0 else end + index]), winner, value)

    def _write(self, pattern: int, tokens: np.ndarray, winner: np.ndarray, value: np.ndarray) -> None:
        """Give ``pattern``'s values to ``tokens`` where no later pattern has set them."""
        for column, v in self._writes[pattern]:
            later = winner[tokens, column] > pattern
            chosen = tokens[~later]
            winner[chosen, column] = pattern
            value[chosen, column] = v


def compile_ruler(ruler: AttributeRuler) -> FastAttributeRuler | None:
    """Compile the patterns of a loaded ruler; None when it writes attributes this cannot."""
    vocab = ruler.vocab
    if any(set(attrs) - set(WRITABLE) for attrs in ruler.attrs):
        return None
    written = tuple(a for a in WRITABLE if any(a in attrs for attrs in ruler.attrs))
    writes = [[(written.index(a), int(v)) for a, v in attrs.items()] for attrs in ruler.attrs]
    tested: list[int] = []
    conditions: list[list[Condition]] = []

    def spec_of(token: dict[Any, Any]) -> Spec | None:
        compiled = _conditions(token, vocab)
        if compiled is None:
            return None
        spec = []
        for attr, condition in compiled:
            if attr not in tested:
                tested.append(attr)
                conditions.append([])
            a = tested.index(attr)
            if condition not in conditions[a]:
                conditions[a].append(condition)
            spec.append((a, conditions[a].index(condition)))
        return tuple(spec)

    single: list[tuple[int, Spec]] = []
    multi_specs: list[Spec] = []
    multi: list[MultiRule] = []
    residual = Matcher(vocab, validate=ruler.validate)
    for pattern, index in enumerate(ruler.indices):
        for alternative in ruler.matcher.get(str(pattern))[1]:
            specs = [spec_of(token) for token in alternative]
            length = len(alternative)
            if any(s is None for s in specs) or not -length <= index < length:
                residual.add(str(pattern), [alternative])
            elif length == 1:
                single.append((pattern, specs[0]))  # type: ignore[arg-type]
            else:
                ids = []
                for spec in specs:
                    if spec not in multi_specs:
                        multi_specs.append(spec)  # type: ignore[arg-type]
                    ids.append(multi_specs.index(spec))  # type: ignore[arg-type]
                multi.append(MultiRule(pattern, tuple(ids), index % length))
    return FastAttributeRuler(ruler, writes, written, tuple(tested), conditions, single, multi_specs, multi,
                              residual if len(residual) else None)


def _conditions(token: dict[Any, Any], vocab: Vocab) -> list[tuple[int, Condition]] | None:
    """A Matcher token spec as conditions, read as the Matcher reads it; None if not compilable."""
    out: list[tuple[int, Condition]] = []
    for key, value in token.items():
        name = key.upper() if isinstance(key, str) else key
        attr = IDS.get("ORTH" if name == "TEXT" else name) if isinstance(name, str) else name
        if attr not in STRING_ATTRS and attr not in FLAG_ATTRS:
            return None  # OP, extensions, LENGTH, MORPH, SENT_START...: left to the residual Matcher
        if isinstance(value, str):
            out.append((attr, Condition("==", vocab.strings.add(value))))
        elif isinstance(value, int):  # bool included: True is 1, as in the Matcher
            out.append((attr, Condition("==", int(value))))
        elif isinstance(value, dict):
            for op, operand in value.items():
                op = op.upper()
                listed = isinstance(operand, list) and all(isinstance(v, (str, int)) for v in operand)
                if op in ("IN", "NOT_IN") and listed:
                    out.append((attr, Condition(op, frozenset(get_string_id(v) for v in operand))))
                elif op == "REGEX" and isinstance(operand, str) and attr in STRING_ATTRS:
                    out.append((attr, Condition("REGEX", re.compile(operand))))
                else:
                    return None
        else:
            return None
    return out
