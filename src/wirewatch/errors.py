"""Errors wirewatch raises on purpose. Each message names the bad thing and why."""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class: an error meant for the user, printed as one line by the CLI."""


class InputError(WirewatchError):
    """An input (file, record, string) that cannot be analysed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(WirewatchError):
    """The configured spaCy pipeline cannot be loaded."""


class StoreError(WirewatchError):
    """The store cannot be opened, is locked by another process, or is from a newer version."""


class DictionaryError(WirewatchError):
    """A knowledge file (actors, verbs, cues) is malformed; names file and entry."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class EvalDataError(WirewatchError):
    """An evaluation set is missing or not in the expected layout."""
