"""Bytes to text: a byte-order mark first, then the charset the page declares, then UTF-8,
then detection (charset_normalizer). Undecodable bytes are refused, never replaced silently.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from wirewatch.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and <?xml encoding="x"?>; browsers look only at the first 1024 bytes, we are more lenient.
# "[^<>]" keeps each try inside one tag: a run of unclosed "<meta" costs linear time.
_DECLARED = re.compile(
    rb"""<meta[^<>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^<>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Share of characters that may be replacement/control noise in a detected decoding.
_MAX_CHAOS = 0.2


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its head, if Python knows it."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode ``data`` to text, or raise ``InputError`` saying it cannot be decoded."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    if html:
        declared = declared_charset(data)
        # Pages often declare latin-1 but are really windows-1252 (what browsers do too).
        if declared in {"latin-1", "iso8859-1", "ascii"}:
            declared = "cp1252"
        if declared:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    return _strict(data, best.encoding, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"undecodable bytes: invalid {encoding} at byte {exc.start}"
        ) from exc
