"""The lines of a PETRARCH dictionary file, with comments and blank lines removed.

The files are "flat ASCII" with ``#`` comments; some also carry XML-style ``<!-- ... -->``
headers that may span lines. Each line keeps its 1-based number so readers can report
malformed entries as ``file:line``. Leading whitespace is kept: in actor files a leading tab
marks a date restriction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import DictionaryError


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str  # comment removed, trailing whitespace stripped, leading whitespace kept

    @property
    def indented(self) -> bool:
        return self.text[:1].isspace()


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(str(path), f"cannot read the dictionary ({exc.strerror or exc})") from exc
    # The distributed files are ASCII with a few Latin-1 names; never fail on a stray byte.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def dictionary_lines(path: Path, comment: str = "#") -> list[Line]:
    """Non-blank lines of ``path`` with ``#`` comments and ``<!-- -->`` blocks removed."""
    out: list[Line] = []
    in_xml_comment = False
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        text = raw
        if in_xml_comment:
            end = text.find("-->")
            if end == -1:
                continue
            text, in_xml_comment = text[end + 3:], False
        while "<!--" in text:
            start = text.index("<!--")
            end = text.find("-->", start + 4)
            if end == -1:
                text, in_xml_comment = text[:start], True
                break
            text = text[:start] + text[end + 3:]
        cut = _comment_start(text, comment)
        if cut != -1:
            text = text[:cut]
        text = text.rstrip()
        if text.strip():
            out.append(Line(number, text))
    return out


def read_entries(path: Path, read: Callable[[Line], None], ignored: list[tuple[str, int, str]],
                 strict: bool) -> None:
    """Feed each line of ``path`` to ``read``. A malformed entry raises ``DictionaryError`` (file and
    line) when ``strict``; otherwise it is skipped and listed in ``ignored``, as PETRARCH skips it."""
    where = str(path)
    for line in dictionary_lines(path):
        try:
            read(line)
        except DictionaryError as exc:
            if strict:
                raise
            ignored.append((where, line.number, exc.reason))


def _comment_start(text: str, comment: str) -> int:
    """Where the comment starts; a '#' inside [...] is part of a code ("[###]" is TABARI's discard code)."""
    depth = 0
    for n, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == comment and depth == 0:
            return n
    return -1


def phrase_words(phrase: str) -> tuple[str, ...]:
    """``"JAMES_BYRNES_"`` -> ``("JAMES", "BYRNES")``: blanks and underscores both separate words."""
    return tuple(w for w in phrase.replace("_", " ").upper().split() if w)
