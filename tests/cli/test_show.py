"""`wirewatch show`: article text with events and claims marked, and untrusted text escaped."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.cli.show import text_markup

runner = CliRunner(env={"COLUMNS": "250"})  # wide enough that Rich does not wrap


def _plain(markup: str) -> str:
    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(markup)
    return out.getvalue()


def test_markup_in_article_text_is_shown_literally(samples) -> None:
    analysis = samples.venezuela()
    markup = text_markup(analysis)
    assert "\\[bold]Viva\\[/bold]" in markup
    shown = _plain(markup)
    assert "[bold]Viva[/bold] <script>alert(1)</script>" in shown


def test_events_and_claims_are_labelled_where_they_end(samples) -> None:
    analysis = samples.venezuela()
    shown = _plain(text_markup(analysis))
    # The aid event and the claim share a span; the hypothetical attack is its own.
    assert "military trainers to Venezuela[E1][C1]" in shown
    assert "launched an attack[E2], he said" in shown
    # Nothing of the text is lost or doubled by the marks.
    assert shown.replace("[E1]", "").replace("[C1]", "").replace("[E2]", "").strip() == analysis.article.text


def test_show_command_prints_text_and_legend(filled_db: Path, samples) -> None:
    article_id = samples.venezuela().article.article_id
    result = runner.invoke(app, ["show", article_id[:8], "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Putin sends general to Venezuela" in out
    assert "<script>alert(1)</script>" in out
    assert "[bold]Viva[/bold]" in out
    assert "RUS -074/aid-> VEN (asserted, p right 0.80)" in out
    assert "USA -190/assault-> VEN (hypothetical, p right 0.80)" in out
    assert "Kyrylo Budanov → The War Zone → Daily Mail → Daily Star" in out


def test_show_json_has_the_public_fields(filled_db: Path, samples) -> None:
    article_id = samples.mexico().article.article_id
    result = runner.invoke(app, ["show", article_id, "--db", str(filled_db), "-f", "json"])
    data = json.loads(result.stdout)
    assert data["article"]["article_id"] == article_id
    assert sorted(e["modality"] for e in data["events"]) == ["asserted", "negated"]
    assert "speaker_start" not in data["claims"][0] and "speaker_span" in data["claims"][0]


def test_unknown_article_is_a_one_line_error(filled_db: Path) -> None:
    result = runner.invoke(app, ["show", "ffffffff", "--db", str(filled_db)])
    assert result.exit_code == 2
    assert result.stderr == "error: ffffffff: no stored article has this id\n"


def test_an_event_under_the_shown_floor_is_listed_and_marked(samples) -> None:
    from dataclasses import replace

    from wirewatch.cli.show import legend_markup

    analysis = samples.venezuela()
    analysis.events[0] = replace(analysis.events[0], confidence=0.05)
    lines = [_plain(line) for line in legend_markup(analysis)]
    assert "p right 0.05, under the shown floor" in lines[0]
    assert "under the shown floor" not in lines[1]
