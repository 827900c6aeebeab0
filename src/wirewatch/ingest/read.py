"""Find inputs (files, recursive folders, ``-`` for stdin) and turn each into articles.

Every failure of one input becomes an ``InputProblem`` naming it; nothing here raises for
a bad input, so one unreadable file never stops a batch.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wirewatch.errors import InputError
from wirewatch.ingest.article import build_article
from wirewatch.ingest.decode import decode_bytes
from wirewatch.ingest.feeds import looks_like_feed, read_feed
from wirewatch.ingest.guards import (
    GZIP_MAGIC,
    check_not_binary,
    gunzip_limited,
    read_limited,
    too_large_reason,
)
from wirewatch.ingest.jsonl import looks_like_jsonl, read_jsonl
from wirewatch.ingest.source_names import source_name, undecodable_name
from wirewatch.ingest.warc import read_warc
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

LOG = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input to read: a file, or standard input when ``path`` is None."""

    path: Path | None
    source: str  # how records and problems name it


def input_format(name: str) -> str | None:
    """'text', 'html', 'jsonl', 'warc' or 'feed' from a file name (``.gz`` looks through), else None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return FORMATS_BY_SUFFIX.get(os.path.splitext(lower)[1])


def discover(paths: Sequence[str | Path]) -> Iterator[InputRef | InputProblem]:
    """Inputs in the order given; folders recursively, sorted, hidden entries skipped,
    only files of a known format taken from them.

    Files are named by absolute path: a store remembers where each article came from, and
    ``news/a.html`` given today and ``/srv/news/a.html`` given tomorrow are one file, not a
    reprint of itself (symbolic links are not resolved: a link is a source of its own; a folder
    reached twice through links is walked once, so a link loop ends)."""
    for given in paths:
        if str(given) == STDIN:
            yield InputRef(None, STDIN_SOURCE)
            continue
        path = Path(os.path.abspath(given))
        try:
            is_dir = path.is_dir()
            exists = path.exists()
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
            yield InputProblem(source_name(path), _os_reason(exc) if isinstance(exc, OSError) else "invalid file name")
            continue
        if is_dir:
            yield from _walk(path, path.resolve(), set())
        elif exists:
            yield _file_ref(path)
        else:
            yield InputProblem(source_name(path), "no such file or directory")


def _file_ref(path: Path) -> InputRef | InputProblem:
    if undecodable_name(path):
        # The store keeps names as UTF-8 text: such a file could be analysed but never named.
        return InputProblem(source_name(path), "file name is not valid UTF-8; rename the file to analyse it")
    return InputRef(path, source_name(path))


def _walk(folder: Path, root: Path, visited: set[tuple[int, int]]) -> Iterator[InputRef | InputProblem]:
    """Files under ``folder``. A link to a folder inside ``root`` (the folder given, resolved)
    is not entered: its files are read under their own path. A linked folder elsewhere is
    entered once: a link loop (or two links to one folder) would otherwise read the same
    files again and again."""
    try:
        stat = folder.stat()
        if (stat.st_dev, stat.st_ino) in visited:
            return
        visited.add((stat.st_dev, stat.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputProblem(source_name(folder), _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
            if is_dir and entry.is_symlink() and path.resolve().is_relative_to(root):
                continue
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop on older Pythons
            yield InputProblem(source_name(path), _os_reason(exc) if isinstance(exc, OSError) else "symbolic link loop")
            continue
        if is_dir:
            yield from _walk(path, root, visited)
        elif input_format(entry.name) is not None:
            yield _file_ref(path)


def read_input(ref: InputRef, settings: Settings) -> Iterator[Article | InputProblem]:
    """Articles (or problems) from one input; never raises for a bad input."""
    try:
        if ref.path is not None and input_format(ref.path.name) == "warc":
            # Streamed record by record: an archive is far larger than one input may be.
            yield from read_warc(ref.path, settings)
            return
        data = read_bytes(ref, settings.max_input_bytes)
        yield from _articles_from_bytes(data, ref, settings)
    except InputError as exc:
        yield InputProblem(exc.source, exc.reason)
    except OSError as exc:
        yield InputProblem(ref.source, _os_reason(exc))
    except RecursionError:
        yield InputProblem(ref.source, "document nesting too deep to parse")
    except Exception as exc:  # noqa: BLE001 - the contract: a bad input never stops a batch
        # Logged with its traceback so a bug in an extractor still gets seen and fixed.
        LOG.exception("unexpected error while reading %s", ref.source)
        yield InputProblem(ref.source, f"could not be processed ({type(exc).__name__}: {exc})".splitlines()[0])


def read_bytes(ref: InputRef, limit: int) -> bytes:
    """The input's bytes, gunzipped, within ``limit``; ``InputError`` or ``OSError`` if not."""
    if ref.path is None:
        data = read_limited(_stdin(), limit, ref.source)
    else:
        if not ref.path.is_file():
            raise InputError(ref.source, "not a regular file")
        size = ref.path.stat().st_size
        if size > limit:  # refuse before reading a byte of it
            raise InputError(ref.source, too_large_reason(limit, size))
        with ref.path.open("rb") as stream:
            data = read_limited(stream, limit, ref.source)
    if data.startswith(GZIP_MAGIC):
        data = gunzip_limited(data, limit, ref.source)
    if not data:
        raise InputError(ref.source, "empty input")
    return data


def _stdin() -> BinaryIO:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError(STDIN_SOURCE, "no standard input to read")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    # A text-only stand-in (e.g. io.StringIO): re-encode what it holds.
    return io.BytesIO(stream.read().encode("utf-8"))


def decode_input(data: bytes, ref: InputRef) -> tuple[str, str | None]:
    """The input's text and its format ('text', 'html', 'jsonl', or None to sniff)."""
    check_not_binary(data, ref.source)
    fmt = input_format(ref.path.name) if ref.path is not None else None
    # Only a page declares a charset, so looking for one in a .txt (a saved page, maybe)
    # does no harm; JSON Lines are UTF-8 by definition.
    text = decode_bytes(data, ref.source, html=fmt != "jsonl")
    if fmt is None and looks_like_jsonl(text):
        fmt = "jsonl"
    return text, fmt


def _articles_from_bytes(data: bytes, ref: InputRef, settings: Settings) -> Iterator[Article | InputProblem]:
    folder = ref.path.parent if ref.path is not None else None
    if ref.path is not None and input_format(ref.path.name) == "feed":
        # feedparser reads the XML declaration's encoding itself.
        yield from read_feed(data, ref.source, settings, folder)
        return
    text, fmt = decode_input(data, ref)
    if fmt is None and looks_like_feed(text):
        yield from read_feed(data, ref.source, settings, folder)
        return
    if fmt == "jsonl":
        yield from read_jsonl(text, ref.source, settings)
        return
    yield build_article(text, source=ref.source, settings=settings, is_html=True if fmt == "html" else None)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot be read ({exc.strerror or exc})"
