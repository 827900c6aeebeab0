"""The registry of evaluation suites: one entry per `wirewatch eval` suite name.

Each suite lives in its own module exposing ``DEFAULT_PATH`` (its set under ../shared/data,
relative to the checkout) and ``evaluate(path, settings) -> EvalReport``. Modules are imported on
use: each pulls in its own data readers, and a build without one suite's extras still runs the others.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.settings import Settings


class SuiteModule(Protocol):
    DEFAULT_PATH: Path

    def evaluate(self, path: Path, settings: Settings) -> EvalReport: ...


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    module: str  # import path of the module that scores it
    measures: str  # one line for `--help` and docs

    def load(self) -> SuiteModule:
        try:
            return cast(SuiteModule, importlib.import_module(self.module))
        except ImportError as exc:
            raise EvalDataError(f"suite {self.name!r} is not available in this build: {exc}") from exc


SUITES: dict[str, Suite] = {s.name: s for s in (
    Suite("extraction", "wirewatch.eval.extraction", "article text from HTML pages (AEB)"),
    Suite("events", "wirewatch.eval.events", "event type and actors on PLOVER GSR sentences"),
    Suite("news-events", "wirewatch.eval.news_events", "every codable event of real articles"),
    Suite("written-events", "wirewatch.eval.written_events",
          "events and look-alike non-events of our written sentences, at their words"),
    Suite("claims", "wirewatch.eval.claims", "attribution source, cue and content spans (PolNeAR)"),
    Suite("geo", "wirewatch.eval.geo", "places resolved to coordinates (GeoWebNews)"),
    Suite("petrarch", "wirewatch.eval.petrarch", "the PETRARCH dictionary backend on its unit records"),
    Suite("speakers", "wirewatch.eval.speakers", "who said it, resolved to an entity (GUM, PolNeAR)"),
)}


def suite(name: str) -> Suite:
    """The registered suite ``name``; a one-line error naming the valid ones otherwise."""
    if name not in SUITES:
        raise EvalDataError(f"suite {name!r} is not one of {', '.join(SUITES)}")
    return SUITES[name]
