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
