"""The Python API: `wirewatch.analyze`, `wirewatch.open_store` and the query objects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import wirewatch

REPO = Path(__file__).resolve().parents[2]


def test_top_level_names() -> None:
    for name in ("analyze", "open_store", "EventQuery", "ClaimQuery", "ArticleQuery", "Analysis", "Event", "Claim", "__version__"):
        assert hasattr(wirewatch, name), name
    assert isinstance(wirewatch.__version__, str) and wirewatch.__version__


def test_analyze_is_the_function_and_import_stays_light() -> None:
    # Listing commands must not pay for spaCy: the pipeline loads on first use of analyze.
    code = (
        "import sys, wirewatch, wirewatch.run, wirewatch.store\n"
        "assert 'spacy' not in sys.modules, 'import wirewatch loaded spaCy'\n"
        "from wirewatch.stages import analyze_articles\n"
        "print(callable(wirewatch.analyze), wirewatch.analyze.__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["True", "analyze"]


def test_store_api(filled_db: Path) -> None:
    with wirewatch.open_store(filled_db, read_only=True) as store:
        rows = store.events(wirewatch.EventQuery(country="VEN"))
    assert [r["plover_type"] for r in rows] == ["aid"]
