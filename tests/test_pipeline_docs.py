"""What the pipeline leaves on a parsed Doc: its text is the article's, and no cycle keeps it alive."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest
from spacy.tokens import Span, Token
from stage_lexicons import claim_lexicons

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.records import Article
from wirewatch.stages import Knowledge, _parsed, analyze_doc

pytestmark = [pytest.mark.slow]

TEXT = ("Russian forces shelled Kharkiv on Monday, Ukrainian officials said. “It will not stop,” Zelensky said. "
        "He said he would ask for more air defence.")


def test_doc_is_freed_by_refcounting_after_the_stages(settings, nlp) -> None:
    article = Article(article_id="d1", text=TEXT, published_at="2024-05-01")
    doc = nlp(TEXT)
    analysis = analyze_doc(doc, article, replace(Knowledge.load(settings), nlp=nlp))
    assert analysis.events and analysis.claims  # the stages did read the entities
    # Nothing remembered on the Doc but its text: the entities and the coreference hold Spans and
    # Tokens, which refer to their Doc; one still held by the Doc would free it only in a cyclic GC.
    assert [k for k in doc.user_data if str(k).startswith("wirewatch.")] == ["wirewatch.text"]
    assert not [r for r in gc.get_referrers(doc) if isinstance(r, Span | Token)]


def test_parses_remember_the_article_text(settings, nlp) -> None:
    articles = [Article(article_id="t1", text=TEXT), Article(article_id="t2", text="Officials said so.")]
    # Parsing only: the prefilter reads the actor dictionary's names and the claim cues, nothing else.
    knowledge = Knowledge(  # type: ignore[arg-type]
        nlp=nlp, actors=load_actor_dictionary(), gazetteer=None, media=None, coreference=None, events=None,
        claims=claim_lexicons(), places=None, dates=None,
    )
    for prefilter in (False, True):
        parsed = list(_parsed(articles, replace(settings, prefilter=prefilter), knowledge))
        assert [a for _, a in parsed] == articles
        for doc, article in parsed:
            assert doc.user_data["wirewatch.text"] is article.text and doc.text == article.text
