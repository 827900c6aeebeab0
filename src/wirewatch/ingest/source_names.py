"""How an input is named in records, problems and one-line errors.

A file name is untrusted too: it may hold bytes that are not UTF-8 (Python keeps them as
lone surrogates, which the store cannot hold), or a newline or terminal escape sequence that
would break a one-line error or recolour the terminal. The name shown is the name with
those escaped, Python-style (``\\xff``, ``\\n``, ``\\x1b``), so it stays one line of plain text.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

# Unicode's control (Cc) and format (Cf: bidirectional overrides) characters, and lone surrogates.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def source_name(path: str | Path) -> str:
    """``path`` as one printable line: control, format and undecodable characters escaped."""
    text = os.fspath(path)
    if all(ch.isprintable() for ch in text):
        return text
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    if unicodedata.category(ch) not in _ESCAPED_CATEGORIES and ch.isprintable() or ch == " ":
        return ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii")


def undecodable_name(path: str | Path) -> bool:
    """True when the file name holds bytes that are not UTF-8 (kept by Python as surrogates)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
