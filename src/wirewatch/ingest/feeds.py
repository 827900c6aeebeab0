"""RSS and Atom feed files: one article per feed item.

An item's article is the page it links to when that page is present locally (a crawl saved
beside the feed), else the item's own full text (``content:encoded``, Atom ``content``),
else its summary. The item's title, link, date and authors are kept as metadata. Each
article's ``source`` is ``path:item N`` (1-based, in feed order). A feed that cannot be
parsed at all is one ``InputProblem``; an item without usable text is one ``InputProblem``
and the other items still load.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import feedparser

from wirewatch.errors import InputError
from wirewatch.ingest.article import build_article
from wirewatch.ingest.decode import decode_bytes
from wirewatch.ingest.guards import check_not_binary
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

FEED_SUFFIXES = (".rss", ".atom", ".xml")
LOCAL_PAGE_SUFFIXES = ("", ".html", ".htm")


def looks_like_feed(text: str) -> bool:
    """True when the document opens (after an XML prolog) with an RSS, RDF or Atom root."""
    head = text.lstrip()[:2000].lower()
    return any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))


def item_source(source: str, number: int) -> str:
    return f"{source}:item {number}"


def read_feed(data: bytes, source: str, settings: Settings, folder: Path | None) -> Iterator[Article | InputProblem]:
    """Articles from one feed's bytes; ``folder`` is where linked pages may be saved."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.get("entries") or [])
    broken = _malformed(parsed)
    if not entries:
        yield InputProblem(source, broken or "feed has no items")
        return
    publisher = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        where = item_source(source, number)
        try:
            yield _item_article(entry, where, settings, folder, publisher)
        except InputError as exc:
            # feedparser recovers what it can from broken XML; say so when an item did not survive.
            yield InputProblem(exc.source, f"{broken}: {exc.reason}" if broken else exc.reason)


def _malformed(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.CharacterEncodingOverride):  # declared charset was wrong; text is fine
        return None
    return f"malformed feed ({type(exc).__name__}: {exc})".splitlines()[0]


def _item_article(
    entry: Any, where: str, settings: Settings, folder: Path | None, publisher: str | None
) -> Article:
    link = entry.get("link") or None
    metadata: dict[str, Any] = {  # keyword arguments of build_article, read from the feed entry
        "url": link,
        "title": (entry.get("title") or "").strip() or None,
        "published_at": _date(entry),
        "publisher": publisher,
        "authors": [a.get("name") for a in entry.get("authors") or [] if a.get("name")],
    }
    page = local_page(link, folder, settings.max_input_bytes) if link else None
    if page is not None:
        check_not_binary(page, where)
        html = decode_bytes(page, where, html=True)
        return build_article(html, source=where, settings=settings, is_html=True, **metadata)
    content = _item_text(entry)
    if not content:
        raise InputError(where, "feed item has no text and its linked page is not saved locally")
    # Feed text is an HTML fragment, not a page: headline splitting and page extraction would
    # both misread it, so its markup is dropped and the item title stays the title.
    text = _fragment_text(content)
    return build_article(text, source=where, settings=settings, is_html=False, **metadata)


def _item_text(entry: Any) -> str:
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best or entry.get("summary") or entry.get("description") or ""


def _fragment_text(fragment: str) -> str:
    from lxml import html as lxml_html

    if "<" not in fragment:
        return fragment.strip()
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
    for element in root.iter():
        if element.tag in blocks:
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = [" ".join(p.split()) for p in root.text_content().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return entry.get("published") or entry.get("updated") or None


def local_page(link: str, folder: Path | None, limit: int) -> bytes | None:
    """The bytes of the page ``link`` points to when it is saved locally, else None.

    Looks at ``file:`` URLs, paths relative to the feed's folder, and a mirror laid out as
    ``<feed folder>/<host>/<path>`` (how wget and most crawlers save pages). A feed is
    untrusted input: whatever it names, only a regular file inside the feed's own folder
    (after following symbolic links and ``..``) is ever read.
    """
    if folder is None:
        return None
    parts = urlparse(link)
    candidates: list[Path] = []
    if parts.scheme == "file":
        # feedparser turns file:///srv/x into file://srv/x: the "host" is then the first folder.
        host = "" if parts.netloc in ("", "localhost") else "/" + parts.netloc
        candidates.append(Path(unquote(host + parts.path)))
    elif not parts.scheme and not parts.netloc:
        candidates.append(folder / unquote(parts.path))
    elif parts.netloc:
        path = unquote(parts.path).lstrip("/")
        base = folder / parts.netloc / path
        if not path or path.endswith("/"):
            candidates.append(base / "index.html")
        else:
            candidates += [base.with_name(base.name + suffix) for suffix in LOCAL_PAGE_SUFFIXES]
    for candidate in candidates:
        try:
            page = _inside(candidate, folder)
            if page is not None and page.is_file() and page.stat().st_size <= limit:
                return page.read_bytes()
        except (OSError, ValueError):  # ValueError: a NUL byte in the path
            continue
    return None


def _inside(candidate: Path, folder: Path) -> Path | None:
    """``candidate`` with links and ``..`` resolved, when that is inside ``folder``; else None."""
    root = folder.resolve()
    real = (folder / candidate).resolve()  # an absolute candidate replaces the folder
    return real if real != root and real.is_relative_to(root) else None
