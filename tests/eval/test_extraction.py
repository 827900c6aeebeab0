from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval.extraction import DEFAULT_PATH, corpus_figures, evaluate, score_page, shingles

pytestmark = [pytest.mark.needs_shared]


def test_shingles_are_word_4grams() -> None:
    assert shingles("Russia sent 120 trainers to Venezuela.") == {
        ("Russia", "sent", "120", "trainers"): 1,
        ("sent", "120", "trainers", "to"): 1,
        ("120", "trainers", "to", "Venezuela"): 1,
    }
    # Shorter than four tokens: one short shingle; nothing: none.
    assert shingles("Putin spoke") == {("Putin", "spoke"): 1}
    assert shingles("") == {}


def test_page_score_is_normalised_counts() -> None:
    gold = "a b c d e f"  # shingles abcd bcde cdef
    s = score_page("p", gold, "a b c d e x")  # abcd bcde + bcdex
    assert (s.tp, s.fp, s.fn) == pytest.approx((2 / 4, 1 / 4, 1 / 4))
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    perfect = score_page("q", gold, gold)
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)
    missed = score_page("r", gold, "")
    assert (missed.precision, missed.recall) == (0.0, 0.0)


def test_corpus_figures_average_per_page_then_take_the_harmonic_mean() -> None:
    pages = [score_page("a", "a b c d e f", "a b c d e f"), score_page("b", "a b c d e f", "")]
    figures = corpus_figures(pages)
    # Page b predicted nothing: it counts for recall (0) but not for precision.
    assert figures["precision"] == 1.0
    assert figures["recall"] == 0.5
    assert figures["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert figures["n"] == 2


def _write_set(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for page_id, (html, body) in pages.items():
        (root / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[page_id] = {"articleBody": body, "url": f"https://x.example/{page_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluate_small_set(tmp_path: Path, settings) -> None:
    body = (
        "Russia has sent a senior general and about 120 military trainers to Venezuela, officials said.\n\n"
        "The trainers teach infantry tactics and drone operations to Venezuelan units."
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    good = f"<html><body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>"
    empty = "<html><head><title>Gone</title></head><body></body></html>"
    root = _write_set(tmp_path / "aeb", {"good": (good, body), "empty": (empty, body)})
    report = evaluate(root, settings)
    assert report.suite == "extraction" and report.dataset == str(root)
    assert report.figures["n"] == 2
    assert report.figures["precision"] == pytest.approx(1.0)
    assert report.figures["recall"] == pytest.approx(0.5)
    assert set(report.to_json()) == {"f1", "precision", "recall", "n"}
    assert report.misses[0]["page"] == "empty" and report.misses[0]["f1"] == 0.0


def test_missing_set_names_the_path(tmp_path: Path, settings) -> None:
    with pytest.raises(EvalDataError, match="nowhere"):
        evaluate(tmp_path / "nowhere", settings)
    (tmp_path / "wrong").mkdir()
    with pytest.raises(EvalDataError, match="ground-truth.json"):
        evaluate(tmp_path / "wrong", settings)


def test_default_path_points_at_the_shared_set() -> None:
    assert DEFAULT_PATH == Path("../shared/data/aeb")


def test_aeb_body_f1() -> None:
    # Measured 0.971 (P 0.967, R 0.976); trafilatura alone scores 0.958 on this set.
    assert_meets_baseline("extraction")


def test_eval_scores_the_text_the_product_analyses(shared_data: Path, settings) -> None:
    from wirewatch.eval.extraction import extract_page
    from wirewatch.ingest import load_articles
    from wirewatch.records import Article

    pages = sorted((shared_data / "aeb" / "html").glob("*.html.gz"))[:12]
    articles = [a for a in load_articles(pages, settings) if isinstance(a, Article)]
    assert len(articles) >= 8
    for article in articles:
        text, problem = extract_page(Path(article.source), settings)
        assert problem is None
        assert text == article.text
