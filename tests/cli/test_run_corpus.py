"""The corpus runner: skips stored articles, records failures, writes in batches, resumes after an interruption.

Reading and analysing are replaced by hand-built records, so these tests pin the runner's
own behaviour; the analyser reads ahead in chunks the way ``nlp.pipe`` batches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.records import Article, InputProblem
from wirewatch.run import RunSummary, run_corpus
from wirewatch.settings import Settings
from wirewatch.store import open_store


class Interrupted(BaseException):
    """Stands in for Ctrl-C (KeyboardInterrupt is a BaseException too, and must not be swallowed)."""


def test_failures_skips_and_counts(tmp_path: Path, samples) -> None:
    settings = Settings.from_env(db_path=tmp_path / "run.duckdb", batch_size=2)
    good = [samples.numbered_article(n) for n in range(4)]
    boom = samples.numbered_article(9, "BOOM " + "x" * 50)
    items: list[Article | InputProblem] = [
        good[0], InputProblem("inbox/bad.bin", "binary file"), good[1], boom, good[2], good[0], good[3],
    ]
    progress: list[tuple[int, int]] = []
    with open_store(settings.db_path) as store:
        summary = run_corpus(
            ["inbox"], settings, store, progress=lambda s: progress.append((s.articles_read, s.analysed)),
            reader=samples.reader(items), engine=samples.ChunkedEngine(),
        )
        assert (summary.articles_read, summary.analysed, summary.skipped, summary.failed) == (6, 4, 1, 2)
        assert (summary.events, summary.claims) == (8, 0)
        assert [p.source for p in summary.problems] == ["inbox/bad.bin", "inbox/9.txt"]
        assert "analysis failed: RuntimeError: parser fell over" in summary.problems[1].reason
        assert summary.article_ids == [a.article_id for a in good]
        assert store.counts()["articles"] == 4 and store.counts()["events"] == 8
        assert {p.source for p in store.input_problems()} == {"inbox/bad.bin", "inbox/9.txt"}
    assert progress == sorted(progress) and progress[-1] == (6, 4)

    # A second run over the same inputs analyses nothing new.
    analyser = samples.ChunkedEngine()
    with open_store(settings.db_path) as store:
        again = run_corpus(["inbox"], settings, store, reader=samples.reader(items), engine=analyser)
        assert (again.analysed, again.skipped, again.failed) == (0, 5, 2)
        assert analyser.seen == [boom.article_id]  # only the failing article was retried (and failed again)
        assert store.counts()["articles"] == 4


def test_interrupted_run_resumes_where_it_stopped(tmp_path: Path, samples) -> None:
    settings = Settings.from_env(db_path=tmp_path / "run.duckdb", batch_size=2)
    articles = [samples.numbered_article(n) for n in range(5)]
    interrupting = samples.ChunkedEngine(interrupt_after=3)
    interrupting.interruption = Interrupted
    with open_store(settings.db_path) as store:
        with pytest.raises(Interrupted):
            run_corpus(["inbox"], settings, store, reader=samples.reader(articles), engine=interrupting)
        # The first full batch (2 articles) was committed; the half batch was not.
        assert store.counts()["articles"] == 2
    analyser = samples.ChunkedEngine()
    with open_store(settings.db_path) as store:
        summary = run_corpus(["inbox"], settings, store, reader=samples.reader(articles), engine=analyser)
        assert (summary.analysed, summary.skipped) == (3, 2)
        assert analyser.seen == [a.article_id for a in articles[2:]]
        assert store.counts()["articles"] == 5


def test_summary_json_is_plain_data() -> None:
    summary = RunSummary(articles_read=2, analysed=1, failed=1, problems=[InputProblem("a.html", "empty")])
    assert summary.to_json()["problems"] == [{"source": "a.html", "reason": "empty"}]
