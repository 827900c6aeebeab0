"""WARC and WARC.gz files (web archives, e.g. Common Crawl CC-NEWS): one article per HTML response.

A WARC file is streamed record by record (files run to a gigabyte, far over the byte limit of
a single input); only ``response`` records whose HTTP payload is HTML become articles. Each
article's ``source`` is ``path:offset N``, the byte offset of its record, so the exact record
can be found again (``warcio extract path N``). A record that cannot be read (a truncated
download, a broken gzip member) becomes an ``InputProblem`` at its offset and ends the file:
nothing after a broken record can be located reliably. Records already read are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirewatch.errors import InputError
from wirewatch.ingest.article import build_article
from wirewatch.ingest.decode import decode_bytes
from wirewatch.ingest.guards import check_not_binary, too_large_reason
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

# Blank lines after the last record are not part of it.
_TRAILING_SLACK = 4
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Errors a damaged archive raises from inside warcio or the gzip/zlib layers below it.
_BROKEN = (ArchiveLoadFailed, EOFError, ValueError, OSError)


def is_warc_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz"))


def record_source(path: Path | str, offset: int) -> str:
    return f"{path}:offset {offset}"


def _is_html_response(record) -> bool:  # noqa: ANN001 - warcio's ArcWarcRecord has no public type
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.split(";")[0].strip() in HTML_TYPES


def read_warc(path: Path, settings: Settings) -> Iterator[Article | InputProblem]:
    """Articles from the HTML responses of one WARC(.gz); never raises for a bad record."""
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        size = path.stat().st_size
        while True:
            try:
                record = next(records)
            except StopIteration:
                # A gzip member cut short ends the iteration quietly; bytes left over say so.
                if size - records.offset > _TRAILING_SLACK:
                    yield InputProblem(
                        record_source(path, records.offset), "truncated WARC record (the file ends inside it)"
                    )
                return
            except _BROKEN as exc:
                yield InputProblem(
                    record_source(path, records.offset), f"broken or truncated WARC record ({_reason(exc)})"
                )
                return
            # The iterator sets ``offset`` to the current record's start when it moves to it.
            where = record_source(path, records.offset)
            if record.format != "warc":
                # warcio reads any line of words as an old ARC header; that is not an archive.
                yield InputProblem(where, f"not a WARC record (read as {record.format!r}); is this a WARC file?")
                return
            try:
                article = _article(record, where, settings) if _is_html_response(record) else None
                if _truncated(record):
                    yield InputProblem(where, "truncated WARC record (the file ends inside it)")
                    return
                if article is None:
                    continue
            except InputError as exc:
                yield InputProblem(exc.source, exc.reason)
                continue
            except _BROKEN as exc:
                yield InputProblem(where, f"broken or truncated WARC record ({_reason(exc)})")
                return
            yield article


def _truncated(record) -> bool:  # noqa: ANN001
    """True when the file ended before the record's declared Content-Length."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) > 0


def _article(record, where: str, settings: Settings) -> Article:  # noqa: ANN001
    # Read one byte past the limit to tell "exactly the limit" from "over it".
    data = record.content_stream().read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        raise InputError(where, too_large_reason(settings.max_input_bytes))
    if not data.strip():
        raise InputError(where, "empty HTTP response")
    check_not_binary(data, where)
    html = decode_bytes(data, where, html=True)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return build_article(html, source=where, settings=settings, is_html=True, url=url)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
