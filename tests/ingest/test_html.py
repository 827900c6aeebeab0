from __future__ import annotations

from wirewatch.ingest.extract import extract_document
from wirewatch.ingest.html import extract_html, looks_like_html


def test_body_and_metadata_of_a_news_page(page_html: str, paragraphs: list[str], headline: str) -> None:
    document = extract_html(page_html)
    assert document.text == "\n\n".join(paragraphs)
    assert document.title == headline
    assert document.publisher == "The Daily Courier"
    assert document.authors == ["Maria Lopez"]
    assert document.published_at == "2025-11-18"
    assert document.url == "https://courier.example.com/world/russia-venezuela-trainers"
    for chrome in ("Privacy policy", "All rights reserved", "Subscribe", "Sport"):
        assert chrome not in document.text


def test_boilerplate_inside_the_article_body_is_removed(make_page, paragraphs: list[str]) -> None:
    extra = (
        "<p>Sign up for our free daily newsletter to get the best stories in your inbox.</p>"
        "<p>READ MORE: Kremlin denies plan for base in Cuba</p>"
    )
    document = extract_document(make_page(body_extra=extra), is_html=True)
    assert document.text == "\n\n".join(paragraphs)
    assert document.boilerplate_removed == 2


def test_truncated_page_still_yields_the_text_it_has(page_html: str, paragraphs: list[str]) -> None:
    cut = page_html[: page_html.index(paragraphs[2][:40]) + 20]
    document = extract_html(cut)
    assert paragraphs[0] in document.text
    assert paragraphs[1] in document.text


def test_fragment_without_html_element_falls_back_to_its_paragraphs(paragraphs: list[str]) -> None:
    fragment = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    assert looks_like_html(fragment)
    document = extract_document(fragment)
    assert document.kind == "html"
    assert paragraphs[0] in document.text and paragraphs[1] in document.text


def test_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("\n  <!-- saved page -->\n<html lang='en'>")
    assert not looks_like_html("Russia sent 120 trainers to Venezuela.\n\nThe <b> tag is bold.")
    assert not looks_like_html("If x < 3 and y > 2 then the value is small.")


def test_metadata_survives_when_only_the_fallback_finds_text(make_page, paragraphs: list[str], monkeypatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    document = extract_html(make_page())
    assert paragraphs[0] in document.text
    assert document.publisher == "The Daily Courier"
    assert document.published_at == "2025-11-18"
