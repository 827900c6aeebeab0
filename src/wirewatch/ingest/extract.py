"""One entry point from decoded content to cleaned body text, for every input format.

Both the product (``article.build_article``) and the extraction evaluation call
``extract_document``, so the benchmark scores exactly the text the pipeline analyses.
"""

from __future__ import annotations

from wirewatch.ingest.boilerplate import remove_boilerplate
from wirewatch.ingest.document import ExtractedDocument
from wirewatch.ingest.html import extract_html, looks_like_html
from wirewatch.ingest.plaintext import normalise_text, parse_plain_text


def extract_document(
    content: str,
    *,
    is_html: bool | None = None,
    url: str | None = None,
    title: str | None = None,
) -> ExtractedDocument:
    """Body and metadata of ``content`` (HTML when ``is_html`` or when it looks like HTML)."""
    if is_html is None:
        is_html = looks_like_html(content)
    if not is_html:
        document = parse_plain_text(content, title=title)
        document.url = url
        return document
    document = extract_html(content, url=url)
    # Extractors keep the odd ad slot or sign-up line inside the body; the same line
    # patterns as for plain text take them out.
    cleaned = remove_boilerplate(normalise_text(document.text))
    document.text = cleaned.text
    document.boilerplate_removed += cleaned.removed
    if title is not None:
        document.title = title
    return document
