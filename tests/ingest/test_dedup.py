from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.ingest import load_articles
from wirewatch.ingest.article import article_from_string
from wirewatch.ingest.dedup import NearDuplicateIndex, mark_near_duplicates, signature
from wirewatch.records import Article, InputProblem

pytestmark = [pytest.mark.needs_shared]


def _repost(text: str) -> str:
    """What a second outlet does to a wire story: a new intro line, a changed word, no ending."""
    paragraphs = text.split("\n\n")
    edited = ["This story was first published by our partner outlet."] + paragraphs[:-1]
    return "\n\n".join(edited).replace("several hundred", "hundreds of")


def test_repost_of_the_seed_points_at_the_original(settings, seed_text: str, article_text: str) -> None:
    original = article_from_string(seed_text, settings=settings)
    repost = article_from_string(_repost(original.text), settings=settings)
    other_report = article_from_string(article_text, settings=settings)
    marked = list(mark_near_duplicates([original, other_report, repost]))
    assert [a.near_duplicate_of for a in marked] == [None, None, original.article_id]
    assert repost.article_id != original.article_id


def test_exact_copy_keeps_its_shared_id_and_no_mark(settings, article_text: str) -> None:
    first = article_from_string(article_text, settings=settings)
    again = article_from_string(article_text, settings=settings)
    index = NearDuplicateIndex()
    assert index.original_of(first) is None
    assert index.original_of(again) is None
    assert again.article_id == first.article_id


def test_problems_pass_through(settings, article_text: str) -> None:
    problem = InputProblem("x.txt", "empty input")
    article = article_from_string(article_text, settings=settings)
    assert list(mark_near_duplicates([problem, article])) == [problem, article]


def test_signature_ignores_case_and_typography() -> None:
    a = signature("Russia’s envoy met Venezuela’s defence minister in Caracas on Tuesday, officials said.")
    b = signature("RUSSIA'S envoy met Venezuela's defence minister in Caracas on Tuesday, officials said.")
    assert a.jaccard(b) == 1.0


def test_load_articles_marks_near_duplicates_across_files(tmp_path: Path, settings, seed_text: str) -> None:
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    body = article_from_string(seed_text, settings=settings).text
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": _repost(body)}) + "\n", encoding="utf-8")
    first, second = load_articles([tmp_path], settings)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.near_duplicate_of is None
    assert second.near_duplicate_of == first.article_id
