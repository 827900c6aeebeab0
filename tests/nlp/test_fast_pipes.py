"""The compiled attribute ruler and lemmatizer set exactly what the stock spaCy components set."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import spacy
from shared_paths import EXAMPLES, SHARED_DATA, need_shared
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from wirewatch.ingest import load_articles
from wirewatch.nlp.fast_lemmatizer import FastLemmatizer, supports
from wirewatch.nlp.fast_pipes import LEMMATIZER_FACTORY, RULER_FACTORY, use_fast_components
from wirewatch.nlp.fast_ruler import compile_ruler
from wirewatch.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS
from wirewatch.records import Article
from wirewatch.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


def token_attributes(doc: Doc) -> list[tuple]:
    return [
        (t.text, t.pos_, t.morph.key, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
         t.is_sent_start, t.norm_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock_nlp() -> Language:
    """The same model as ``load_pipeline`` gives, with spaCy's own components."""
    nlp = spacy.load(Settings.from_env().model)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def assert_same(stock_nlp: Language, nlp: Language, texts: list[str]) -> None:
    assert texts
    for text, expected, got in zip(texts, stock_nlp.pipe(texts), nlp.pipe(texts), strict=False):
        assert token_attributes(got) == token_attributes(expected), text[:80]
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in expected.ents]


def test_the_loaded_pipeline_runs_the_stand_ins_under_the_stock_names(nlp, stock_nlp) -> None:
    assert nlp.pipe_names == stock_nlp.pipe_names
    assert nlp.get_pipe_meta("attribute_ruler").factory == RULER_FACTORY
    assert nlp.get_pipe_meta("lemmatizer").factory == LEMMATIZER_FACTORY
    assert type(nlp.get_pipe("lemmatizer").stock) is type(stock_nlp.get_pipe("lemmatizer"))


def test_same_token_attributes_as_stock_on_the_examples(nlp, stock_nlp) -> None:
    texts = [a.text for a in load_articles([EXAMPLES], Settings.from_env()) if isinstance(a, Article)]
    assert_same(stock_nlp, nlp, texts)


def test_same_token_attributes_as_stock_on_polnear_dev(nlp, stock_nlp) -> None:
    folder = need_shared(SHARED_DATA / "polnear" / "dev" / "text")
    assert_same(stock_nlp, nlp, [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:100]])


def test_same_lemmas_inside_memory_zones(nlp, stock_nlp) -> None:
    # Strings first added inside a zone are dropped at its end: lemmas must be re-added after.
    text = "The mice were running; the geese had flown. Ministers ate quinces."
    for _ in range(2):
        with nlp.memory_zone(), stock_nlp.memory_zone():
            assert token_attributes(nlp(text)) == token_attributes(stock_nlp(text))
    assert token_attributes(nlp(text)) == token_attributes(stock_nlp(text))


# -- the ruler compiler on patterns of every kind it meets --------------------------------
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "cat"}]], "attrs": {"POS": "PROPN", "LEMMA": "kitty"}},  # later wins
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not", "POS": "PART"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]], "attrs": {"POS": "PRON"}},
    # Operators are left to the residual Matcher, which must keep its place in the order.
    {"patterns": [[{"LOWER": "there"}, {"LOWER": "is", "OP": "+"}]], "attrs": {"POS": "ADV", "LEMMA": "there!"}},
    {"patterns": [[{"TEXT": "there"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "is", "OP": "?"}, {"LOWER": "a"}]], "attrs": {"MORPH": "Definite=Ind"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"LOWER": {"IN": ["that", "this"]}, "DEP": "det"}], [{"TAG": "VBZ", "LOWER": "is"}]],
     "attrs": {"MORPH": "PronType=Dem"}},
    {"patterns": [[{}, {"LOWER": "cat"}]], "attrs": {"TAG": "XX"}, "index": 0},
]
WORDS = ["I", "did", "n't", "gon", "na", "say", "that", "there", "is", "a", "cat", "\n", "cat", "nt"]
TAGS = ["PRP", "VBD", "RB", "VBG", "TO", "VB", "DT", "EX", "VBZ", "DT", "NN", "_SP", "NN", "RB"]
DEPS = ["nsubj", "aux", "neg", "aux", "aux", "ROOT", "nsubj", "expl", "ccomp", "det", "attr", "dep", "appos", "neg"]
HEADS = [5, 5, 5, 5, 5, 5, 8, 8, 5, 10, 8, 10, 10, 12]


def ruler_and_compiled(patterns: Iterable[dict]) -> tuple:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler, compile_ruler(ruler)


def sample_doc(nlp: Language, with_deps: bool = True) -> Doc:
    spaces = [w != "\n" for w in WORDS]
    if with_deps:
        return Doc(nlp.vocab, words=WORDS, spaces=spaces, tags=TAGS, deps=DEPS, heads=HEADS)
    return Doc(nlp.vocab, words=WORDS, spaces=spaces, tags=TAGS)


@pytest.mark.parametrize("with_deps", [True, False])
def test_compiled_ruler_matches_stock_pattern_by_pattern_and_together(with_deps: bool) -> None:
    for patterns in [[p] for p in PATTERNS] + [PATTERNS, PATTERNS[::-1]]:
        nlp, ruler, fast = ruler_and_compiled(patterns)
        assert fast is not None
        doc = sample_doc(nlp, with_deps)
        assert token_attributes(fast(doc.copy())) == token_attributes(ruler(doc.copy())), patterns
    assert fast._residual is not None  # the operator patterns really took the residual path
    assert fast(Doc(nlp.vocab, words=[])) is not None


def test_a_pattern_index_outside_its_match_fails_as_in_stock() -> None:
    nlp, ruler, fast = ruler_and_compiled([{"patterns": [[{"LOWER": "cat"}]], "attrs": {"LEMMA": "x"}, "index": 2}])
    doc = sample_doc(nlp)
    with pytest.raises(ValueError):
        ruler(doc.copy())
    with pytest.raises(ValueError):
        fast(doc.copy())


def test_a_ruler_that_writes_other_attributes_stays_stock() -> None:
    nlp, ruler, fast = ruler_and_compiled([{"patterns": [[{"LOWER": "cat"}]], "attrs": {"NORM": "feline"}}])
    assert fast is None
    use_fast_components(nlp)
    assert nlp.get_pipe_meta("attribute_ruler").factory == "attribute_ruler"


# -- the lemmatizer on the modes and options of spaCy's own ------------------------------
def lemmatizer_pipeline(mode: str, overwrite: bool) -> tuple[Language, Lemmatizer]:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode, "overwrite": overwrite})
    lookups = Lookups()
    if mode == "lookup":
        lookups.add_table("lemma_lookup", {"went": "go", "mice": "mouse"})
    else:
        lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ice", "ouse"]], "verb": [["ed", ""], ["ing", ""]]})
        lookups.add_table("lemma_index", {"verb": ["walk"], "noun": ["cat"]})
        lookups.add_table("lemma_exc", {"verb": {"went": ["go"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp, lemmatizer


@pytest.mark.parametrize("mode", ["rule", "lookup"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_fast_lemmatizer_matches_stock(mode: str, overwrite: bool) -> None:
    nlp, lemmatizer = lemmatizer_pipeline(mode, overwrite)
    assert supports(lemmatizer)
    words = ["Cats", "walked", "went", "mice", "walking", "Cats", "cats", "Paris", "\n", "went"]
    pos = ["NOUN", "VERB", "VERB", "NOUN", "VERB", "NOUN", "PROPN", "PROPN", "SPACE", "VERB"]
    morphs = ["Number=Plur", "", "", "Number=Plur", "VerbForm=Ger", "Number=Sing", "", "", "", "VerbForm=Fin"]
    lemmas = ["", "", "", "", "", "", "", "Paris", "", "goes"]  # some set before, as the ruler does
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs, lemmas=lemmas)
    fast = FastLemmatizer(lemmatizer)
    for _ in range(2):  # cold, then from the cache
        assert token_attributes(fast(doc.copy())) == token_attributes(lemmatizer(doc.copy()))


def test_an_unknown_lemmatizer_stays_stock() -> None:
    class Custom(Lemmatizer):
        pass

    nlp = spacy.blank("en")
    assert not supports(Custom(nlp.vocab, None, mode="rule"))
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not supports(lemmatizer)  # no tables: the stock one says so on first use
    use_fast_components(nlp)
    assert nlp.get_pipe_meta("lemmatizer").factory == "lemmatizer"
