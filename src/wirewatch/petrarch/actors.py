"""PETRARCH/TABARI actor dictionaries: phrases, synonyms and date-restricted codes.

A record is a primary phrase (optionally with a default ``[CODE]``), ``+`` synonym lines, and
tab-indented ``[CODE restriction]`` lines, where the restriction is ``<date``, ``>date``,
``date-date`` or nothing (a default). Dates are YYYYMMDD or YYMMDD. Words match whole,
with or without a trailing ``_`` (PETRARCH reads "THE_KU" as the words THE KU, not a stem of Kuwait).
A code may list several actors meant together, ``[FRO/BIL/SAM]``: each is coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.lines import Line, phrase_words, read_entries

_BRACKET = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?P<code>\S+)\s*(?:(?P<op>[<>])\s*(?P<d>\d{6}|\d{8})|(?P<a>\d{6}|\d{8})\s*-\s*(?P<b>\d{6}|\d{8}))?$")
FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str | None  # None: the null code "---"
    start: date = FAR_PAST
    end: date = FAR_FUTURE

    def covers(self, when: date) -> bool:
        return self.start <= when <= self.end


@dataclass(slots=True)
class ActorEntry:
    phrase: str  # the primary phrase as written
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)

    def code_on(self, when: date | None) -> str | None:
        """The code on ``when``: the first restriction covering it, else an unrestricted ``[CODE]`` line,
        else the primary phrase's code. With no date, the default, else the latest restriction."""
        unrestricted = [d for d in self.dated if (d.start, d.end) == (FAR_PAST, FAR_FUTURE)]
        if when is not None:
            for d in self.dated:
                if d not in unrestricted and d.covers(when):
                    return d.code
        if unrestricted:
            return unrestricted[0].code
        if when is None and self.default is None and self.dated:
            return max(self.dated, key=lambda d: d.end).code
        return self.default


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(slots=True)
class PetrarchActorDictionary:
    """Phrases indexed by their first word (a one-level trie: the rest is a short list to try)."""

    by_first: dict[str, list[tuple[Phrase, ActorEntry]]] = field(default_factory=dict)
    ignored: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, why) entries skipped

    def add(self, phrase: Phrase, entry: ActorEntry) -> None:
        self.by_first.setdefault(phrase.words[0], []).append((phrase, entry))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())

    def finish(self) -> None:
        for entries in self.by_first.values():
            entries.sort(key=lambda pe: -len(pe[0].words))  # longest phrase first


def parse_date(text: str, path: str, line: int) -> date:
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy < 30 else 1900 + yy  # TABARI's two-digit years: 1930..2029
            return date(year, int(text[2:4]), int(text[4:6]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise DictionaryError(path, f"bad date {text!r} ({exc})", line) from None


def _null(code: str) -> str | None:
    return None if code in ("---", "") else code


def parse_restriction(body: str, path: str, line: int) -> DatedCode:
    m = _RESTRICTION.match(body.strip())
    if m is None:
        raise DictionaryError(path, f"bad code restriction [{body}] (expected CODE, CODE <date, CODE >date or CODE date-date)", line)
    code = _null(m["code"])
    if m["op"] == "<":
        return DatedCode(code, FAR_PAST, parse_date(m["d"], path, line))
    if m["op"] == ">":
        return DatedCode(code, parse_date(m["d"], path, line), FAR_FUTURE)
    if m["a"]:
        return DatedCode(code, parse_date(m["a"], path, line), parse_date(m["b"], path, line))
    return DatedCode(code)


def _phrase(text: str, path: str, line: int) -> Phrase:
    text = text.strip()
    words = phrase_words(text)
    if not words:
        raise DictionaryError(path, f"actor phrase {text!r} has no words", line)
    return Phrase(words)


def _split(line: Line) -> tuple[str, str | None, str]:
    """``PHRASE [CODE] ; comment`` -> (phrase, bracket body or None, rest)."""
    text = line.text.split(";", 1)[0]
    m = _BRACKET.search(text)
    if m is None:
        if "[" in text or "]" in text:
            raise DictionaryError("", "unbalanced [ ] in actor entry", line.number)
        return text, None, ""
    if "[" in text[:m.start()] or "]" in text[:m.start()]:
        raise DictionaryError("", "unbalanced [ ] in actor entry", line.number)
    return text[:m.start()], m.group(1), text[m.end():]


def _read_line(line: Line, entry: ActorEntry | None, out: PetrarchActorDictionary, where: str) -> ActorEntry | None:
    """Add one line's phrase or restriction; returns the record later lines belong to."""
    try:
        phrase_text, body, _rest = _split(line)
    except DictionaryError as exc:
        raise DictionaryError(where, exc.reason, line.number) from None
    stripped = line.text.strip()
    if line.indented and stripped.startswith("["):
        if entry is None:
            raise DictionaryError(where, "date restriction before any actor phrase", line.number)
        entry.dated.append(parse_restriction(body or "", where, line.number))
        return entry
    if stripped.startswith("+"):
        if entry is None:
            raise DictionaryError(where, "synonym '+' before any actor phrase", line.number)
        out.add(_phrase(phrase_text.strip()[1:], where, line.number), entry)
        return entry
    new = ActorEntry(phrase=phrase_text.strip())
    if body is not None:
        dated = parse_restriction(body, where, line.number)
        if (dated.start, dated.end) == (FAR_PAST, FAR_FUTURE):
            new.default = dated.code
        else:
            new.dated.append(dated)
    out.add(_phrase(phrase_text, where, line.number), new)
    return new


def read_actor_file(path: Path, into: PetrarchActorDictionary | None = None, strict: bool = False) -> PetrarchActorDictionary:
    """Read one actor file into ``into`` (or a new dictionary).

    A line that cannot be read (the distributed Phoenix files hold a few typos, such as a 7-digit
    date or a stray ']') raises ``DictionaryError`` with file and line when ``strict``; otherwise it
    is skipped and listed in ``ignored`` with file, line and reason, as PETRARCH skips it."""
    where = str(path)
    out = into if into is not None else PetrarchActorDictionary()
    entry: ActorEntry | None = None  # the phrase that indented restriction lines belong to

    def read(line: Line) -> None:
        nonlocal entry
        entry = _read_line(line, entry, out, where)

    read_entries(path, read, out.ignored, strict)
    out.finish()
    return out
