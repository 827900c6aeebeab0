"""The claims suite on a tiny brat set written here, and on one PolNeAR article when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval import claims as suite

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# PolNeAR dev (84 articles, 2193 attributions), measured 2026-12-04; they may only go up.
TEXT = (
    "The mayor said that the bridge would reopen in May. "
    "“We have done everything we could,” she told reporters.\n"
)


def _span(label_id, role, text, part):
    start = text.index(part)
    return f"{label_id}\t{role} {start} {start + len(part)}\t{part}"


def _write_set(root: Path, gold_lines: list[str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "city.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "city_ab12.ann").write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    return root


def test_scores_a_set_the_system_gets_right(tmp_path, settings):
    lines = [
        _span("T1", "Source", TEXT, "The mayor"),
        _span("T2", "Cue", TEXT, "said"),
        _span("T3", "Content", TEXT, "that the bridge would reopen in May"),
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        _span("T4", "Source", TEXT, "she"),
        _span("T5", "Cue", TEXT, "told"),
        _span("T6", "Content", TEXT, "“We have done everything we could,”"),
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    ]
    report = suite.evaluate(_write_set(tmp_path / "set", lines), settings)
    f = report.figures
    assert f["n"] == 2
    for key in ("source_f1", "cue_f1", "content_f1", "source_exact_f1", "cue_exact_f1", "content_exact_f1"):
        assert f[key] == 1.0, (key, f)


def test_exact_differs_from_overlap_when_spans_differ(tmp_path, settings):
    lines = [
        _span("T1", "Source", TEXT, "The mayor"),
        _span("T2", "Cue", TEXT, "said that"),  # a wider cue than the system's "said"
        _span("T3", "Content", TEXT, "the bridge would reopen"),
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    ]
    f = suite.evaluate(_write_set(tmp_path / "set", lines), settings).figures
    assert f["cue_recall"] == 1.0 and f["cue_exact_recall"] == 0.0
    assert f["content_recall"] == 1.0 and f["content_exact_recall"] == 0.0
    assert f["source_exact_recall"] == 1.0
    assert 0 < f["cue_precision"] < 1  # the "told" claim is not in this gold set


def test_missing_or_empty_sets_are_named(tmp_path, settings):
    with pytest.raises(EvalDataError, match="no such file"):
        suite.evaluate(tmp_path / "nowhere", settings)
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalDataError, match="no .ann file"):
        suite.evaluate(tmp_path / "empty", settings)


def test_one_polnear_article(shared_data, settings):
    dev = shared_data / "polnear" / "dev" / "attributions"
    if not dev.is_dir():
        pytest.skip(f"needs {dev}; not present")
    ann = sorted(dev.glob("*.ann"))[0]
    report = suite.evaluate(ann, settings)
    assert report.figures["n"] > 0
    assert 0.0 < report.figures["content_f1"] <= 1.0
    assert set(suite.ROLES) == {"source", "cue", "content"}


def test_polnear_dev_meets_the_floors():
    f = assert_meets_baseline("claims").figures
    assert f["n"] == 2193
