"""Bytes to text, in this order, first that applies:

1. a byte-order mark;
2. UTF-16 or UTF-32 without one, told by where the NUL bytes fall (ASCII letters of wide text
   leave a NUL in every second or every fourth byte);
3. the charset a page declares, when it is a text encoding that decodes the bytes (a page
   may declare anything: ``rot13``, ``base64`` and ``zlib`` are Python codecs, not charsets);
4. UTF-8;
5. detection (charset_normalizer): its candidates and windows-1252 are compared by the
   detector's own mess ratio, and the cleanest wins. On a tie windows-1252 does: the web's
   default legacy encoding (WHATWG), and what a Western single-byte text mostly is, where
   the detector alone reads a short Latin-1 text as Japanese or Czech.

Bytes that no encoding reads cleanly are refused with the reason, never replaced silently.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

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
_DETECT_BYTES = 200_000
_WIDE_SAMPLE = 4096
# Share of a wide text's sampled code units whose high bytes are NUL: English text is nearly
# all ASCII, so nearly all; text in other scripts is refused as non-English later anyway.
_WIDE_NULS = 0.6
_LEGACY_DEFAULT = "cp1252"


def declared_charset(data: bytes) -> str | None:
    """The text encoding an HTML/XML document declares in its head, if Python knows it as one."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip().lower()
    try:
        codec = codecs.lookup(name)
        b"".decode(codec.name)  # LookupError for bytes-to-bytes codecs (rot13, base64, hex, zlib)
    except LookupError:
        return None
    return codec.name


def wide_encoding(data: bytes) -> str | None:
    """'utf-16-le', 'utf-16-be', 'utf-32-le' or 'utf-32-be' for wide text without a byte-order
    mark, told by where its NUL bytes fall; None for anything else."""
    sample = data[:_WIDE_SAMPLE]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    for width, suffix in ((4, "32"), (2, "16")):
        units = len(sample) // width
        if units == 0 or len(data) % width:
            continue
        for order, high in (("le", slice(1, width)), ("be", slice(0, width - 1))):
            low = width - 1 if order == "be" else 0
            wide = sum(
                1 for i in range(0, units * width, width)
                if sample[i + low] != 0 and not any(sample[i:i + width][high])
            )
            if wide >= _WIDE_NULS * units:
                return f"utf-{suffix}-{order}"
    return None


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode ``data`` to text, or raise ``InputError`` saying why it cannot be decoded."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    wide = wide_encoding(data)
    if wide is not None:
        return _strict(data, wide, source)
    if html:
        declared = declared_charset(data)
        # Pages often declare latin-1 but are really windows-1252 (what browsers do too).
        if declared in {"latin-1", "iso8859-1", "ascii"}:
            declared = _LEGACY_DEFAULT
        if declared:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detected(data, source)


def _detected(data: bytes, source: str) -> str:
    sample = data[:_DETECT_BYTES]
    candidates: list[tuple[float, int, str]] = []  # (mess, preference, encoding)
    try:
        legacy = sample.decode(_LEGACY_DEFAULT)
    except UnicodeDecodeError:
        pass
    else:
        candidates.append((mess_ratio(legacy, 1.0), 0, _LEGACY_DEFAULT))
    for rank, match in enumerate(from_bytes(sample), start=1):
        candidates.append((match.chaos, rank, match.encoding))
    if not candidates:
        raise InputError(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    mess, _, encoding = min(candidates)
    if mess > _MAX_CHAOS:
        raise InputError(
            source, f"undecodable bytes: not UTF-8, and the best guess ({encoding}) reads as {mess:.0%} noise"
        )
    return _strict(data, encoding, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"undecodable bytes: invalid {encoding} at byte {exc.start}"
        ) from exc
