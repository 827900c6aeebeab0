"""Swap some of the model's components for faster stand-ins that set the same attributes.

``use_fast_components(nlp)`` replaces, in place and under the same names, the model's
``attribute_ruler`` (by ``fast_ruler.FastAttributeRuler``, compiled from that ruler's own
patterns), ``lemmatizer`` (by ``fast_lemmatizer.FastLemmatizer``, answering from that
lemmatizer's own tables) and ``ner`` (by ``fast_ner.FastEntityRecognizer``, the same network
decoded in bulk). So ``nlp.pipe_names`` is unchanged, ``nlp.get_pipe("ner")`` still finds the
recogniser, and ``nlp.get_pipe_meta(name).factory`` tells which one runs
(``wirewatch_attribute_ruler`` / ``wirewatch_lemmatizer`` / ``wirewatch_ner``); the original
component is the stand-in's ``stock`` attribute. A component of another class, mode or
content stays as it is. Every token attribute (POS, MORPH, LEMMA, TAG, DEP, HEAD, ENT,
sentence starts) comes out as with the stock components: tests/nlp/test_fast_pipes.py and
tests/nlp/test_fast_ner.py compare them token by token.
The stand-ins are not serialised: save a pipeline with ``nlp.to_disk`` before the swap, not after.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import AttributeRuler

from wirewatch.nlp import fast_ner
from wirewatch.nlp.fast_lemmatizer import FastLemmatizer, supports
from wirewatch.nlp.fast_ruler import compile_ruler

RULER_FACTORY = "wirewatch_attribute_ruler"
LEMMATIZER_FACTORY = "wirewatch_lemmatizer"
NER_FACTORY = "wirewatch_ner"


@Language.factory(RULER_FACTORY, default_config={"stock": "attribute_ruler"})
def make_fast_ruler(nlp: Language, name: str, stock: str) -> Callable:
    ruler = nlp.get_pipe(stock)
    fast = compile_ruler(ruler) if type(ruler) is AttributeRuler else None
    if fast is None:
        raise ValueError(f"component {stock!r} cannot be compiled; keep the stock one")
    return fast


@Language.factory(LEMMATIZER_FACTORY, default_config={"stock": "lemmatizer"}, assigns=["token.lemma"],
                  requires=["token.pos"])
def make_fast_lemmatizer(nlp: Language, name: str, stock: str) -> Callable:
    lemmatizer = nlp.get_pipe(stock)
    if not supports(lemmatizer):
        raise ValueError(f"component {stock!r} is not a lemmatizer this can stand in for; keep the stock one")
    return FastLemmatizer(lemmatizer)  # type: ignore[arg-type]


@Language.factory(NER_FACTORY, default_config={"stock": "ner"},
                  assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_fast_ner(nlp: Language, name: str, stock: str) -> Callable:
    recogniser = nlp.get_pipe(stock)
    if not fast_ner.supports(recogniser):
        raise ValueError(f"component {stock!r} is not an entity recogniser this can stand in for; keep the stock one")
    return fast_ner.FastEntityRecognizer(recogniser)


def use_fast_components(nlp: Language) -> None:
    """Replace the stock ``attribute_ruler``, ``lemmatizer`` and ``ner`` components of ``nlp`` that qualify."""
    for name in list(nlp.pipe_names):
        stock_factory = nlp.get_pipe_meta(name).factory
        if stock_factory not in STAND_INS:
            continue
        factory, qualifies = STAND_INS[stock_factory]
        if qualifies(nlp.get_pipe(name)):
            temporary = f"{name}__wirewatch"
            nlp.add_pipe(factory, name=temporary, after=name, config={"stock": name})
            nlp.remove_pipe(name)
            nlp.rename_pipe(temporary, name)


def _compilable_ruler(component: object) -> bool:
    return type(component) is AttributeRuler and compile_ruler(component) is not None


# The stock factory's name -> the stand-in's factory and the test a component must pass.
STAND_INS: dict[str, tuple[str, Callable[[object], bool]]] = {
    "attribute_ruler": (RULER_FACTORY, _compilable_ruler),
    "lemmatizer": (LEMMATIZER_FACTORY, supports),
    "ner": (NER_FACTORY, fast_ner.supports),
}
