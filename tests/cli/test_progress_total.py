"""The progress bar's total: known for files, folders, JSON Lines and WARC; unknown (None) for
feeds and stdin; and the model's loading announced as a step of its own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from wirewatch.cli.expected_total import expected_articles


def test_total_counts_files_lines_and_warc_records(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>one</p>")
    (tmp_path / "b.txt").write_text("two")
    (tmp_path / ".hidden.txt").write_text("skipped, as the run skips it")
    (tmp_path / "notes.pdf").write_text("not an input format")
    lines = "\n".join(json.dumps({"text": f"article {n}"}) for n in range(3)) + "\n\n"
    (tmp_path / "batch.jsonl").write_text(lines)
    with gzip.open(tmp_path / "more.jsonl.gz", "wt") as f:
        f.write(lines)
    record = "WARC/1.0\r\nWARC-Type: {kind}\r\n\r\nbody\r\n\r\n"
    (tmp_path / "crawl.warc").write_text(record.format(kind="request") + record.format(kind="response") * 2)
    assert expected_articles([tmp_path]) == 1 + 1 + 3 + 3 + 2


def test_total_is_unknown_for_stdin_and_feeds(tmp_path: Path) -> None:
    assert expected_articles(["-"]) is None
    (tmp_path / "news.rss").write_text("<rss/>")
    assert expected_articles([tmp_path]) is None
    assert expected_articles([tmp_path / "missing.txt"]) == 0  # a problem the run reports, not an article


def test_the_model_load_is_announced(monkeypatch, samples) -> None:
    from wirewatch import stages
    from wirewatch.scale.serial import SerialEngine
    from wirewatch.settings import Settings

    said: list[str] = []
    monkeypatch.setattr(stages.Knowledge, "load", classmethod(lambda cls, settings: "knowledge"))
    monkeypatch.setattr("wirewatch.scale.serial.analyse_batch", lambda articles, settings, knowledge: [])
    settings = Settings.from_env(batch_size=1)
    engine = SerialEngine(settings, said.append)
    assert list(engine.analyse([])) == [] and said == []  # nothing to analyse: nothing loaded
    list(engine.analyse([samples.numbered_article(1), samples.numbered_article(2)]))
    list(engine.analyse([samples.numbered_article(3)]))
    assert said == [f"loading model {settings.model}", "analysing"]  # once, however many batches
