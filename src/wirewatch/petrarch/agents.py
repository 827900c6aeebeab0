"""PETRARCH/TABARI agent dictionaries: roles ("PRESIDENT", "TROOPS") that add a sector code.

Records are ``phrase {optional plural} [~CODE]`` (code appended after the actor's code) or
``[CODE~]`` (put before it). Regular plurals are generated; ``{}`` means none; ``!MARK! = A, B``
defines a substitution set used as ``CONGRESS!PERSON!``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.lines import phrase_words, read_entries

_RECORD = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\}\s*)?\[(?P<code>[^\]}]*)[\]}]")
_MARK = re.compile(r"!([A-Z]+)!")


@dataclass(frozen=True, slots=True)
class Agent:
    code: str
    prefix: bool  # CODE~ : the agent code goes before the actor code (organisations)


@dataclass(slots=True)
class AgentDictionary:
    by_first: dict[str, list[tuple[tuple[str, ...], Agent]]] = field(default_factory=dict)
    ignored: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, why) entries skipped

    def add(self, words: tuple[str, ...], agent: Agent) -> None:
        if words:
            self.by_first.setdefault(words[0], []).append((words, agent))

    def finish(self) -> None:
        for entries in self.by_first.values():
            entries.sort(key=lambda wa: -len(wa[0]))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


def regular_plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def _agent(code: str, path: str, line: int) -> Agent:
    code = code.strip()
    if code.startswith("~") and len(code) > 1:
        return Agent(code[1:], prefix=False)
    if code.endswith("~") and len(code) > 1:
        return Agent(code[:-1], prefix=True)
    raise DictionaryError(path, f"agent code [{code}] needs a '~' before or after it", line)


def read_agent_file(path: Path, into: AgentDictionary | None = None, strict: bool = False) -> AgentDictionary:
    """Read one agent file. A malformed entry raises ``DictionaryError`` (file and line) when ``strict``;
    otherwise it is skipped and listed in ``ignored``, as PETRARCH skips it."""
    where = str(path)
    out = into if into is not None else AgentDictionary()
    marks: dict[str, list[str]] = {}
    read_entries(path, lambda line: _read_line(line.text.strip(), line.number, where, marks, out), out.ignored, strict)
    out.finish()
    return out


def _read_line(text: str, number: int, where: str, marks: dict[str, list[str]], out: AgentDictionary) -> None:
    if text.startswith("!") and "=" in text:
        name, _, values = text.partition("=")
        key = name.strip().strip("!").upper()
        if not key:
            raise DictionaryError(where, f"substitution marker {name.strip()!r} has no name", number)
        marks[key] = [v.strip().upper() for v in values.split(",") if v.strip()]
        return
    m = _RECORD.match(text)
    if m is None:
        raise DictionaryError(where, f"agent entry {text!r} is not 'PHRASE {{plural}} [~CODE]'", number)
    agent = _agent(m["code"], where, number)
    phrase = m["phrase"].strip().upper()
    found = _MARK.findall(phrase)
    if found:
        for key in found:
            if key not in marks:
                raise DictionaryError(where, f"substitution marker !{key}! is not defined above", number)
        variants = [phrase]
        for key in found:
            variants = [v.replace(f"!{key}!", value, 1) for v in variants for value in marks[key]]
        for v in variants:  # every listed form is used as is: no extra plurals
            out.add(phrase_words(v), agent)
        return
    words = phrase_words(phrase)
    if not words:
        raise DictionaryError(where, f"agent entry {text!r} has no phrase", number)
    out.add(words, agent)
    plural = m["plural"]
    if plural is None:
        out.add(words[:-1] + (regular_plural(words[-1]),), agent)
    else:
        for form in plural.split():
            out.add(phrase_words(form), agent)
