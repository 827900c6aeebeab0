"""A set of PETRARCH dictionaries (verbs, actors, agents, discards) loaded from files or folders.

The kind of each file is told by its name, as in the PETRARCH distributions: ``*verbs*`` or
``CAMEO*`` (verbs), ``*actors*``, ``*agents*``, ``*discards*``; ``*Issue*`` files are recognised and
not used. A folder stands for the dictionary files in it. Several files of a kind are merged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.actors import PetrarchActorDictionary, read_actor_file
from wirewatch.petrarch.agents import AgentDictionary, read_agent_file
from wirewatch.petrarch.discards import DiscardList, read_discard_file
from wirewatch.petrarch.verbs import VerbDictionary, read_verb_file

log = logging.getLogger(__name__)
KINDS = ("verbs", "actors", "agents", "discards", "issues")


@dataclass(slots=True)
class PetrarchDictionaries:
    verbs: VerbDictionary = field(default_factory=VerbDictionary)
    actors: PetrarchActorDictionary = field(default_factory=PetrarchActorDictionary)
    agents: AgentDictionary = field(default_factory=AgentDictionary)
    discards: DiscardList = field(default_factory=DiscardList)
    files: list[Path] = field(default_factory=list)

    @property
    def ignored(self) -> list[tuple[str, int, str]]:
        """Entries skipped as unreadable, each (file, line, reason)."""
        return [*self.verbs.ignored, *self.actors.ignored, *self.agents.ignored]


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if "verb" in name or name.startswith("cameo"):
        return "verbs"
    for kind in ("actors", "agents", "discards"):
        if kind[:-1] in name:
            return kind
    if "issue" in name:
        return "issues"
    raise DictionaryError(str(path), "cannot tell the dictionary kind from the file name "
                                     "(expected *verbs*, CAMEO*, *actors*, *agents*, *discards* or *issues*)")


def _files(paths: Iterable[Path | str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise DictionaryError(str(p), "no such dictionary file or folder")
    return out


def load_dictionaries(paths: Iterable[Path | str], strict: bool = False) -> PetrarchDictionaries:
    """Read every dictionary file in ``paths`` (files or folders) into one set.

    Raises ``DictionaryError`` (file and line) for a malformed entry; with ``strict=False`` entries
    PETRARCH itself would skip (a pattern with an unbalanced bracket, an undefined synset, a typo in a
    date) are skipped instead, logged and listed in ``ignored``.
    """
    out = PetrarchDictionaries()
    readers: dict[str, tuple[Callable[..., object], str]] = {"verbs": (read_verb_file, "verbs"), "actors": (read_actor_file, "actors"),
               "agents": (read_agent_file, "agents")}
    for path in _files(paths):
        kind = kind_of(path)
        if kind == "issues":
            log.info("%s: issue dictionaries are not used by the coder", path)
            continue
        if kind == "discards":
            read_discard_file(path, out.discards)
        else:
            reader, attr = readers[kind]
            reader(path, getattr(out, attr), strict=strict)
        out.files.append(path)
    if not out.files:
        raise DictionaryError(", ".join(map(str, paths)), "no PETRARCH dictionary files found")
    for where, line, why in out.ignored:
        log.warning("%s:%d: skipped: %s", where, line, why)
    return out
