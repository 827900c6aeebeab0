"""Loading the models for an engine, saying so: a few seconds that otherwise look like a hang."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.settings import Settings
from wirewatch.stages import Knowledge


def load_knowledge(settings: Settings, announce: Callable[[str], None] | None) -> Knowledge:
    if announce is not None:
        announce(f"loading model {settings.model}")
    knowledge = Knowledge.load(settings)
    if announce is not None:
        announce("analysing")
    return knowledge


class LoadsOnFirstArticle:
    """What the in-process engines share: the models are loaded when the first article
    arrives, so a run with nothing new loads nothing (unless the caller hands them over)."""

    def __init__(self, settings: Settings, announce: Callable[[str], None] | None = None,
                 knowledge: Knowledge | None = None) -> None:
        self.settings = settings
        self.announce = announce
        self._knowledge = knowledge

    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            self._knowledge = load_knowledge(self.settings, self.announce)
        return self._knowledge
