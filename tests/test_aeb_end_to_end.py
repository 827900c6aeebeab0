"""Acceptance: every AEB page (181 real article pages) goes through the whole pipeline into a
real DuckDB store without a crash: each page is stored as an article or recorded as a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_paths import SHARED_DATA, need_shared

from wirewatch.run import run_corpus
from wirewatch.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


def test_all_aeb_pages_analyse_into_the_store(settings, tmp_path: Path) -> None:
    pages = need_shared(SHARED_DATA / "aeb" / "html")
    n_pages = len(list(pages.glob("*.html.gz")))
    assert n_pages == 181
    with open_store(settings.db_path) as store:
        summary = run_corpus([pages], settings, store)
        counts = store.counts()
        problems = store.input_problems()
    assert summary.articles_read + summary.failed == n_pages
    # Pages that fail must fail for a stated input reason, never because analysis crashed.
    assert not [p for p in summary.problems if p.reason.startswith("analysis failed")], summary.problems
    assert summary.analysed >= 150
    assert counts["articles"] == summary.analysed
    assert len(problems) == summary.failed
    assert summary.events > 0 and summary.claims > 0
