"""The bulk entity decoder finds exactly the entities spaCy's own recogniser finds."""

from __future__ import annotations

import pytest
import spacy
from shared_paths import EXAMPLES, SHARED_DATA, need_shared
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc

from wirewatch.ingest import load_articles
from wirewatch.nlp.fast_ner import FastEntityRecognizer, supports
from wirewatch.nlp.fast_pipes import NER_FACTORY, use_fast_components
from wirewatch.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS
from wirewatch.records import Article
from wirewatch.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# Entities at the very start and end, across line breaks and blank lines, runs of spaces,
# a one-word text and an empty one: the places where the transition rules bite.
EDGE_TEXTS = [
    "Joe Biden",
    "Paris",
    "",
    "   ",
    "\n\nThe United Nations Security Council met in New York on Monday.\n\nIt adjourned.",
    "Ukraine's President Volodymyr Zelensky spoke to\nEmmanuel Macron and Olaf Scholz  about the European Union.",
    "He said so. Russia. China. The Kremlin said on 3 March 2024 that $5 billion had gone to Gazprom",
    "Dr. Kyrylo Budanov told The War Zone that the 47th Mechanized Brigade held Avdiivka.\n\n\n— Reuters",
    "THE WHITE HOUSE  WASHINGTON  Tuesday, 14 January\nPRESS RELEASE\nPresident Trump and Prime Minister Modi",
]


@pytest.fixture(scope="module")
def stock_nlp() -> Language:
    nlp = spacy.load(Settings.from_env().model)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def entity_columns(doc: Doc) -> list[tuple[int, str, str]]:
    return [(t.i, t.ent_iob_, t.ent_type_) for t in doc]


def decode_both(stock_nlp: Language, texts: list[str], batch_size: int) -> list[tuple[Doc, Doc]]:
    """Parse without NER, then run the stock recogniser and the stand-in on copies of the same docs."""
    stock = stock_nlp.get_pipe("ner")
    with stock_nlp.select_pipes(disable=["ner"]):
        docs = list(stock_nlp.pipe(texts, batch_size=batch_size))
    expected = list(stock.pipe([d.copy() for d in docs], batch_size=batch_size))
    got = list(FastEntityRecognizer(stock).pipe([d.copy() for d in docs], batch_size=batch_size))
    return list(zip(expected, got, strict=False))


def assert_same_entities(pairs: list[tuple[Doc, Doc]]) -> None:
    assert pairs
    for expected, got in pairs:
        assert got.text == expected.text
        assert entity_columns(got) == entity_columns(expected), expected.text[:80]


def test_the_loaded_pipeline_runs_the_stand_in_under_the_stock_name(nlp) -> None:
    assert nlp.get_pipe_meta("ner").factory == NER_FACTORY
    assert type(nlp.get_pipe("ner").stock) is EntityRecognizer
    assert "PERSON" in nlp.get_pipe("ner").labels


@pytest.mark.parametrize("batch_size", [1, 3, 8, 64])
def test_same_entities_at_the_edges_at_every_batch_size(stock_nlp, batch_size: int) -> None:
    pairs = decode_both(stock_nlp, EDGE_TEXTS, batch_size)
    assert_same_entities(pairs)
    assert sum(len(got.ents) for _, got in pairs) > 20  # the texts do hold entities
    assert all(t.ent_iob_ == "O" for _, got in pairs for t in got if not t.ent_type_)  # no token left unset


def test_same_entities_on_the_examples(stock_nlp) -> None:
    texts = [a.text for a in load_articles([EXAMPLES], Settings.from_env()) if isinstance(a, Article)]
    assert_same_entities(decode_both(stock_nlp, texts, 8))


def test_same_entities_on_polnear(stock_nlp) -> None:
    folder = need_shared(SHARED_DATA / "polnear" / "train" / "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:120]]
    pairs = decode_both(stock_nlp, texts, 8)
    assert_same_entities(pairs)
    assert sum(len(got.ents) for _, got in pairs) > 5000


def test_preset_entities_are_left_to_the_stock_rules(stock_nlp) -> None:
    """An entity ruler before NER presets entities; the stock transition rules must honour them."""
    text = "Acme Rockets signed with NASA in Houston. Acme Rockets said Houston was home."

    def with_ruler(nlp: Language) -> Language:
        nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True}).add_patterns(
            [{"label": "ORG", "pattern": "Acme Rockets"}, {"label": "FAC", "pattern": "Houston"}])
        return nlp

    stock = with_ruler(spacy.load(Settings.from_env().model))
    fast = with_ruler(spacy.load(Settings.from_env().model))
    use_fast_components(fast)
    assert isinstance(fast.get_pipe("ner"), FastEntityRecognizer)
    expected, got = stock(text), fast(text)
    assert entity_columns(got) == entity_columns(expected)
    assert ("Houston", "FAC") in {(e.text, e.label_) for e in got.ents}


def test_supports_only_the_greedy_three_feature_recogniser(stock_nlp) -> None:
    ner = stock_nlp.get_pipe("ner")
    assert supports(ner)
    assert not supports(stock_nlp.get_pipe("parser"))
    assert not supports(spacy.blank("en").add_pipe("ner"))  # untrained: no actions to decode
    beam = spacy.blank("en").add_pipe("beam_ner")
    assert not supports(beam)
    ner.model.attrs["unseen_classes"] = {3}
    try:
        assert not supports(ner)
    finally:
        ner.model.attrs["unseen_classes"] = set()
