"""Guards on raw input bytes: size limits (checked before reading it all), gzip, binary content.

Each guard raises ``InputError`` naming the source and a one-line reason; the reader turns
that into an ``InputProblem`` so one bad file never stops a batch.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from wirewatch.errors import InputError
from wirewatch.ingest.decode import wide_encoding

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16

# Leading bytes of formats people drop into a news folder by mistake.
_MAGIC_NAMES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x00\x00\x00", "binary data"),
)
# UTF-16/32 text legitimately contains NUL bytes; its byte-order mark says so, or where they fall.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    """Read at most ``limit`` bytes; refuse (without reading further) if there are more."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(source, too_large_reason(limit))
    return b"".join(chunks)


def too_large_reason(limit: int, size: int | None = None) -> str:
    found = f"{size:,} bytes, " if size is not None else ""
    return f"input too large ({found}limit is {limit:,} bytes; raise WIREWATCH_MAX_BYTES to allow it)"


def gunzip_limited(data: bytes, limit: int, source: str) -> bytes:
    """Decompress gzip ``data``, every member of it (``cat a.gz b.gz`` is valid gzip), refusing
    output over ``limit`` bytes in all (a gzip bomb stops early)."""
    out: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending:
            decompressor = zlib.decompressobj(wbits=31)
            while pending:
                chunk = decompressor.decompress(pending, limit + 1 - size)
                out.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise InputError(source, too_large_reason(limit) + " after decompression")
                pending = decompressor.unconsumed_tail
                if decompressor.eof or (not chunk and not pending):
                    break
            if not decompressor.eof:
                raise InputError(source, "truncated gzip data (the file ends before the compressed stream does)")
            # What follows one member: the next member, or padding some tools leave.
            pending = decompressor.unused_data
            if not pending.startswith(GZIP_MAGIC):
                if pending.strip(b"\x00"):
                    raise InputError(source, "corrupt gzip data (bytes after the last member are not gzip)")
                break
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from exc
    return b"".join(out)


def check_not_binary(data: bytes, source: str) -> None:
    """Refuse images, archives and other binary files before any decoding is tried."""
    if data.startswith(_WIDE_BOMS) or wide_encoding(data) is not None:
        return
    head = data[:8192]
    for magic, name in _MAGIC_NAMES:
        if head.startswith(magic):
            raise InputError(source, f"binary content: looks like {name}, not text or HTML")
    if b"\x00" in head:
        raise InputError(source, "binary content: contains NUL bytes, not text or HTML")


def check_not_blank(text: str, source: str) -> None:
    if not text:
        raise InputError(source, "empty input")
    if not text.strip():
        raise InputError(source, "input is only whitespace")
    if "\x00" in text[:8192]:
        raise InputError(source, "binary content: contains NUL characters, not text or HTML")
