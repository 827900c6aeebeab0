"""Events stated in the title: coded on their own, located in the title, the body untouched (issue 13).

Headlines written for the test, in the usual headline grammar (no articles, present tense for the past).
"""

from __future__ import annotations

import pytest

import wirewatch
from wirewatch.events.titles import TITLE_SENTENCE, codable_title
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]

BODY = ("Officials in the capital said on Monday that talks on the border would resume next week. "
        "Benjamin Netanyahu spoke to reporters in Jerusalem after the cabinet meeting.")


@pytest.fixture(scope="module")
def analysis():
    return wirewatch.analyze(BODY, title="Turkey shells Syrian town as Netanyahu rejects Iran's offer",
                             published_at="2018-01-23")


def test_a_title_event_is_located_in_the_title(analysis) -> None:
    titled = [e for e in analysis.events if e.sentence_index == TITLE_SENTENCE]
    assert titled, [(e.source_code, e.cameo_code, e.target_code, e.evidence) for e in analysis.events]
    for e in titled:
        assert analysis.article.title[e.char_start:e.char_end] == e.evidence
    body_ids = {e.event_id for e in analysis.events if e.sentence_index >= 0}
    assert not body_ids & {e.event_id for e in titled}


def test_a_headline_subject_the_parser_glued_to_the_verb_is_the_source(analysis) -> None:
    shelling = [e for e in analysis.events if e.sentence_index == TITLE_SENTENCE and e.cameo_root == "19"]
    assert [(e.source_country, e.target_country) for e in shelling] == [("TUR", "SYR")]


def test_a_surname_in_the_title_takes_the_bodys_full_mention(analysis) -> None:
    rejecting = [e for e in analysis.events if e.sentence_index == TITLE_SENTENCE and e.cameo_root == "12"]
    assert [(e.source_country, e.target_country) for e in rejecting] == [("ISR", "IRN")]


def test_the_body_is_coded_as_without_a_title(analysis) -> None:
    alone = wirewatch.analyze(BODY, published_at="2018-01-23")
    assert analysis.article.article_id == alone.article.article_id
    assert [e.event_id for e in analysis.events if e.sentence_index >= 0] == [e.event_id for e in alone.events]


def test_a_title_that_opens_the_text_is_not_coded_twice() -> None:
    article = Article(article_id="a", title="Russia expels British diplomats",
                      text="Russia expels British diplomats\n\nMoscow said on Friday ...")
    assert codable_title(article) is None
    assert codable_title(Article(article_id="b", title="Russia expels British diplomats", text=BODY))


def test_a_title_case_headline_is_parsed_as_a_sentence() -> None:
    analysis = wirewatch.analyze(BODY, title="Russia Expels Twenty British Diplomats Over Spy Poisoning",
                                 published_at="2018-03-17")
    titled = [e for e in analysis.events if e.sentence_index == TITLE_SENTENCE]
    assert [(e.source_country, e.cameo_root, e.target_country) for e in titled] == [("RUS", "17", "GBR")], \
        [(e.source_code, e.cameo_code, e.target_code) for e in titled]
    assert all(analysis.article.title[e.char_start:e.char_end] == e.evidence for e in titled)
    assert "British Diplomats" in {e.target_text for e in titled}


@pytest.mark.parametrize(
    "title, row",
    [
        # "X to do Y" is the headline's future: X is the subject of the clause the parser hangs on it
        ("Obama to Visit Cuba Next Month", ("USA", "04", "CUB", "future")),
        # a verb the tagger reads as a plural noun still has the headline's first name as its subject
        ("Trump Slams Clinton Over Emails", ("USA", "11", "USA", "asserted")),
        # "A, B verb": the name before the comma is the subject's conjunct
        ("Russia, China Block UN Resolution on Syria", ("RUS", "12", None, "asserted")),
    ],
)
def test_headline_grammar_keeps_its_subject(title: str, row: tuple) -> None:
    analysis = wirewatch.analyze(BODY, title=title, published_at="2016-03-01")
    titled = {(e.source_country, e.cameo_root, e.target_country if row[2] else None, e.modality)
              for e in analysis.events if e.sentence_index == TITLE_SENTENCE}
    assert row in titled, titled
