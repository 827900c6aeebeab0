from __future__ import annotations

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.article import article_from_string, cut_text
from wirewatch.ingest.identity import article_id, normalise_for_id


def test_plain_text_article(settings, headline: str, article_text: str) -> None:
    article = article_from_string(f"{headline}\n\n{article_text}", settings=settings, url="https://x.example/a")
    assert article.title == headline
    assert article.text == article_text
    assert article.language == "en"
    assert article.source == "<string>"
    assert article.url == "https://x.example/a"
    assert article.article_id == article_id(article_text)


def test_html_article_is_sniffed_and_given_metadata_wins(settings, page_html: str, paragraphs: list[str]) -> None:
    article = article_from_string(page_html, settings=settings, published_at="2025-11-19", title="Given title")
    assert article.text == "\n\n".join(paragraphs)
    assert article.title == "Given title"
    assert article.published_at == "2025-11-19"
    assert article.publisher == "The Daily Courier"
    assert article.authors == ["Maria Lopez"]


def test_same_text_from_html_and_plain_text_gets_one_id(settings, page_html: str, article_text: str) -> None:
    from_html = article_from_string(page_html, settings=settings)
    from_text = article_from_string(article_text, settings=settings)
    assert from_html.article_id == from_text.article_id


def test_id_ignores_typography_and_spacing() -> None:
    assert article_id("Russia’s envoy — in “Caracas”") == article_id("russia's  envoy - in \"CARACAS\"")
    assert article_id("Russia sent trainers.") != article_id("Russia sent tanks.")
    assert normalise_for_id("  A\u00a0B\n\nC ") == "a b c"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty input"),
        ("   \n\t \n", "only whitespace"),
        ("Short note.", "too short: 11 characters"),
        ("<html><head><title>x</title></head><body></body></html>", "no article text found in the HTML page"),
        ("text with a \x00 NUL", "binary content"),
        (
            "El presidente de Venezuela recibió el martes a una delegación militar rusa en Caracas, según "
            "informó el Ministerio de Defensa, pero no dio más detalles sobre su número.",
            "not English (looks like Spanish",
        ),
    ],
)
def test_bad_strings_raise_input_error(settings, content: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        article_from_string(content, settings=settings)
    assert caught.value.source == "<string>"
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_huge_string_is_refused(settings, article_text: str) -> None:
    small = type(settings)(max_input_bytes=100)
    with pytest.raises(InputError, match="input too large"):
        article_from_string(article_text, settings=small)


def test_long_text_is_cut_at_a_paragraph(settings, article_text: str) -> None:
    limit = len(article_text) - 10
    article = article_from_string(article_text, settings=type(settings)(max_text_chars=limit))
    assert len(article.text) <= limit
    assert article.text == article_text[: article_text.rindex("\n\n")]


def test_cut_text_prefers_paragraph_then_sentence_then_word() -> None:
    assert cut_text("One two three.", 100) == "One two three."
    assert cut_text("First sentence here. Second sentence is longer than that.", 35) == "First sentence here."
    assert cut_text("alpha beta gamma delta epsilon", 20) == "alpha beta gamma"


def test_not_a_string(settings) -> None:
    with pytest.raises(InputError, match="expected text or HTML as str, got bytes"):
        article_from_string(b"bytes", settings=settings)  # type: ignore[arg-type]
