"""Evaluation suites: the registry (``suites.SUITES``), one module per suite, and the floors each
suite's figures must keep on its default set (``floors``, read from ``data/floors.yaml``)."""

from __future__ import annotations

from wirewatch.eval.suites import SUITES, Suite, suite

__all__ = ["SUITES", "Suite", "suite"]
