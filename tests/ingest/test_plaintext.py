from __future__ import annotations

import pytest

from wirewatch.ingest.plaintext import looks_like_headline, normalise_text, parse_plain_text, split_title

pytestmark = [pytest.mark.needs_shared]


def test_first_line_that_looks_like_a_headline_becomes_the_title(headline: str, article_text: str) -> None:
    document = parse_plain_text(f"{headline}\n\n{article_text}\n")
    assert document.title == headline
    assert document.text == article_text


def test_first_line_that_is_a_sentence_stays_in_the_body(article_text: str) -> None:
    document = parse_plain_text(article_text)
    assert document.title is None
    assert document.text == article_text


def test_headline_tests() -> None:
    assert looks_like_headline("Putin and Trump’s pincer movement on South America as ‘troops build up’ on border")
    assert looks_like_headline("Is Russia building a base in Venezuela?")
    assert not looks_like_headline("Russia sent trainers to Venezuela, officials said.")
    assert not looks_like_headline("WASHINGTON, Nov 18:")
    assert not looks_like_headline("2025-11-18")
    assert not looks_like_headline("By Maria Lopez")
    assert looks_like_headline("By-election called after MP quits over Russia links")
    assert not looks_like_headline("Updated 18 November 2025 09:30 GMT")
    assert not looks_like_headline(" ".join(["word"] * 40))


def test_a_single_line_is_never_taken_as_title_only() -> None:
    title, body = split_title("Russia and Venezuela sign a military education agreement")
    assert title is None
    assert body == "Russia and Venezuela sign a military education agreement"


def test_given_title_is_kept_and_removed_from_the_top_of_the_body(headline: str, article_text: str) -> None:
    assert split_title(f"{headline}\n\n{article_text}", headline) == (headline, article_text)
    assert split_title(article_text, "Another headline") == ("Another headline", article_text)


def test_normalise_text_fixes_line_ends_and_drops_control_characters() -> None:
    assert normalise_text("One\r\nTwo\rThree\x0c\x07 four\tfive") == "One\nTwo\nThree four\tfive"
    assert normalise_text("cafe\u0301") == "café"


def test_seed_title_and_body(seed_text: str) -> None:
    document = parse_plain_text(seed_text)
    assert document.title == "Putin and Trump’s pincer movement on South America as ‘troops build up’ on border"
    assert document.text.startswith("Putin has sent one of his top military officials to Venezuela")
    assert document.text.endswith("with Nicaragua and Venezuela.")
