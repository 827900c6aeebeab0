"""Every real page of the AEB set comes back as an Article or an InputProblem, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.ingest import load_articles
from wirewatch.records import Article, InputProblem

pytestmark = [pytest.mark.needs_shared]


def test_all_aeb_pages_load(shared_data: Path, settings) -> None:
    folder = shared_data / "aeb" / "html"
    pages = sorted(folder.glob("*.html.gz"))
    results = list(load_articles([folder], settings))
    assert len(results) == len(pages) == 181
    assert [r.source for r in results] == [str(p) for p in pages]
    articles = [r for r in results if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert len(articles) + len(problems) == len(pages)
    # The set is mostly English news; the rest is refused as not English, nothing else.
    assert len(articles) >= 155
    assert all(p.reason.startswith("not English") for p in problems), problems
    assert all(a.language == "en" and len(a.text) >= settings.min_text_chars for a in articles)
    assert sum(1 for a in articles if a.title) >= 0.95 * len(articles)
    assert sum(1 for a in articles if a.published_at) >= 0.8 * len(articles)
    assert len({a.article_id for a in articles}) == len(articles)
