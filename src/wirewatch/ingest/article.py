"""Decoded content to an accepted ``Article``, or an ``InputError`` saying why not.

Acceptance, in order: not blank or binary; a body is found; the body is long enough;
it is English; it is cut to ``settings.max_text_chars``; it gets its stable id.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirewatch.errors import InputError
from wirewatch.ingest.extract import extract_document
from wirewatch.ingest.guards import check_not_blank, too_large_reason
from wirewatch.ingest.identity import article_id
from wirewatch.ingest.language import guess_language
from wirewatch.media.registry import load_registry
from wirewatch.records import Article
from wirewatch.settings import Settings

STRING_SOURCE = "<string>"
# Metadata comes from the page or the record, both untrusted: a 5 MB "title" would be stored,
# indexed and shown on every listing. Text fields are cut; a URL or date that long is no
# URL or date at all, so it is dropped rather than cut into a wrong one.
MAX_TITLE_CHARS = 1_000
MAX_PUBLISHER_CHARS = 300
MAX_AUTHOR_CHARS = 200
MAX_AUTHORS = 50
MAX_URL_CHARS = 4_096
MAX_DATE_CHARS = 64


def build_article(
    content: str,
    *,
    source: str,
    settings: Settings,
    is_html: bool | None = None,
    url: str | None = None,
    title: str | None = None,
    published_at: str | None = None,
    publisher: str | None = None,
    authors: Sequence[str] = (),
) -> Article:
    """Extract, check and identify one article. Given metadata wins over what the page says."""
    check_not_blank(content, source)
    document = extract_document(content, is_html=is_html, url=url, title=title)
    text = document.text
    if not text:
        where = "the HTML page" if document.kind == "html" else "the text"
        raise InputError(source, f"no article text found in {where}")
    if len(text) < settings.min_text_chars:
        raise InputError(
            source,
            f"too short: {len(text)} characters of article text after cleaning "
            f"(minimum {settings.min_text_chars})",
        )
    language = guess_language(text)
    if not language.is_english:
        raise InputError(
            source,
            f"not English ({language.describe()}); the NLP pipeline is English-only",
        )
    text = cut_text(text, settings.max_text_chars)
    url = _within(url or document.url, MAX_URL_CHARS)
    publisher = _cut(publisher or document.publisher, MAX_PUBLISHER_CHARS)
    names = list(authors) or document.authors
    return Article(
        article_id=article_id(text),
        text=text,
        url=url,
        title=_cut(document.title, MAX_TITLE_CHARS),
        publisher=publisher,
        authors=[n for n in (_cut(a, MAX_AUTHOR_CHARS) for a in names[:MAX_AUTHORS]) if n],
        published_at=_within(published_at or document.published_at, MAX_DATE_CHARS),
        language="en",
        source=source,
        boilerplate_removed=document.boilerplate_removed,
        # Marked by the site it comes from (or the publisher it names), never by its content; the
        # registry is the one ``Knowledge.load`` hands the stages (one per file set, load_registry).
        state_media=_state_media(url, settings) or _state_media(publisher, settings),
    )


def _state_media(name_or_url: str | None, settings: Settings) -> bool:
    return load_registry(settings.state_media_files).is_state_media(name_or_url)


def _cut(value: str | None, most: int) -> str | None:
    return value[:most].rstrip() or None if value else value


def _within(value: str | None, most: int) -> str | None:
    return value if value is None or len(value) <= most else None


def cut_text(text: str, max_chars: int) -> str:
    """Cut ``text`` to at most ``max_chars`` at a paragraph, else sentence, else word break."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for boundary in ("\n\n", ". ", " "):
        at = head.rfind(boundary)
        if at > max_chars // 2:
            return head[: at + (1 if boundary == ". " else 0)].rstrip()
    return head


def article_from_string(
    text_or_html: str,
    *,
    settings: Settings,
    url: str | None = None,
    published_at: str | None = None,
    title: str | None = None,
) -> Article:
    """One article from a string of plain text or HTML (sniffed). Raises ``InputError``."""
    if not isinstance(text_or_html, str):
        raise InputError(STRING_SOURCE, f"expected text or HTML as str, got {type(text_or_html).__name__}")
    if len(text_or_html) > settings.max_input_bytes:  # characters never outnumber bytes
        raise InputError(STRING_SOURCE, too_large_reason(settings.max_input_bytes, len(text_or_html)))
    return build_article(
        text_or_html,
        source=STRING_SOURCE,
        settings=settings,
        url=url,
        published_at=published_at,
        title=title,
    )
