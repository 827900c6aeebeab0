"""Evaluation suites. Each module exposes ``DEFAULT_PATH`` and ``evaluate(path, settings) -> EvalReport``;
suite ``news-events`` is module ``news_events``."""

from __future__ import annotations

SUITES = ("extraction", "events", "news-events", "claims", "geo", "petrarch", "speakers")
