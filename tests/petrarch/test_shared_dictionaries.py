"""The distributed PETRARCH dictionaries (read from ../shared at test time, never copied)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from shared_paths import SHARED_DATA, need_shared

from wirewatch.petrarch.coder import code_doc
from wirewatch.petrarch.dictionaries import load_dictionaries

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

DICTS = SHARED_DATA / "petrarch" / "dictionaries"
PHOENIX = ("CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt")


def test_validation_dictionaries_load_cleanly() -> None:
    folder = need_shared(DICTS)
    d = load_dictionaries([folder / f"PETR.Validate.{k}.txt" for k in ("verbs", "actors", "agents", "discards")])
    assert d.ignored == []
    assert len(d.verbs.blocks) > 200 and "RESTORE" in d.verbs.by_word and "ARNOR" in d.actors.by_first


def test_phoenix_dictionaries_load_fast_and_code_news(nlp) -> None:
    folder = need_shared(DICTS)
    start = time.perf_counter()
    d = load_dictionaries([folder / name for name in PHOENIX])
    seconds = time.perf_counter() - start
    assert seconds < 10, f"Phoenix dictionaries took {seconds:.1f}s to load"
    assert len(d.actors) > 30_000 and sum(len(b.patterns) for b in d.verbs.blocks) > 4000
    # the typos in the distributed files are skipped with file and line, not fatal
    assert 0 < len(d.ignored) < 30 and all(where.endswith(".txt") and line > 0 for where, line, _ in d.ignored)
    doc = nlp("Russian troops shelled the Ukrainian city of Kharkiv on Tuesday. "
              "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.")
    triples = {e.triple for e in code_doc(doc, d, date(2019, 1, 1))}
    assert any(s.startswith("RUS") and t.startswith("UKR") and c.startswith("19") for s, t, c in triples), triples
    assert any(s.startswith("DEU") and t.startswith("FRA") and c.startswith("04") for s, t, c in triples), triples
