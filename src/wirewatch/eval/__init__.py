"""Evaluation suites. Each module exposes ``DEFAULT_PATH`` and ``evaluate(path, settings) -> EvalReport``."""

from __future__ import annotations

SUITES = ("extraction", "events", "claims", "geo", "petrarch", "speakers")
