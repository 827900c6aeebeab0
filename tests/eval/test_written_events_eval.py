"""The written-events suite: the layout it reads, how lines are scored, and floors on our own set."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from default_evals import assert_meets_baseline
from shared_paths import REPO
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.errors import EvalDataError
from wirewatch.eval import written_events
from wirewatch.eval.written_events import NONE, half, read_written
from wirewatch.events.codes import PLOVER_TYPES

SET = REPO / "training" / "events" / "written"
pytestmark = [pytest.mark.slow]  # the pipeline codes the sentences; the set is in this repository


def _write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "written"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


def test_lines_of_one_sentence_become_one_sentence_with_every_trigger(tmp_path: Path) -> None:
    folder = _write(tmp_path, "# a comment\n\n"
                    "112 asserted | [S Russia] and Syria [E accused] [T Turkey] of arming rebels.\n"
                    "112 asserted | Russia and [S Syria] [E accused] [T Turkey] of arming rebels.\n"
                    "070 hedged | Russia and Syria accused [S Turkey] of [E arming] [T rebels].\n"
                    "NONE | The storm [E struck] the coast.\n"
                    "190 asserted | HEADLINE: [S Israel] [E strikes] [T Gaza]\n")
    sentences = {s.text: s for s in read_written(folder)}
    assert set(sentences) == {"Russia and Syria accused Turkey of arming rebels.", "The storm struck the coast.",
                              "Israel strikes Gaza"}
    accused = sentences["Russia and Syria accused Turkey of arming rebels."]
    # two lines for two accusers mark the same word: one trigger; the arming is another
    assert [(s.label, accused.text[s.start:s.end]) for s in accused.triggers] == [("ACCUSE", "accused"),
                                                                                   ("AID", "arming")]
    # ... and the accusation keeps both accusers of its two lines
    assert [accused.text[a:b] for a, b in accused.triggers[0].sources] == ["Russia", "Syria"]
    assert [accused.text[a:b] for a, b in accused.triggers[0].targets] == ["Turkey"]
    storm = sentences["The storm struck the coast."].triggers
    assert [(t.label, t.line) for t in storm] == [(NONE, "a.txt:6")]
    headline = sentences["Israel strikes Gaza"]  # "HEADLINE:" is dropped, the trigger moves with it
    assert headline.text[headline.triggers[0].start:headline.triggers[0].end] == "strikes"


@pytest.mark.parametrize("line, reason", [
    ("112 asserted Russia [E accused] Turkey.", "expected 'CAMEO MODALITY"),
    ("999 asserted | Russia [E accused] Turkey.", "no CAMEO code"),
    ("010 asserted | Russia [E said] it was ready.", "no CAMEO code"),  # root 01 is not coded
    ("112 alleged | Russia [E accused] Turkey.", "CAMEO MODALITY"),
    ("112 asserted | Russia [E accused] Turkey and [E blamed] Syria.", "exactly one"),
    ("112 asserted | Russia accused Turkey.", "exactly one"),
    ("NONE | [S The storm] [E struck] the coast.", "no \\[S"),
])
def test_a_malformed_line_is_refused_with_its_place(tmp_path: Path, line: str, reason: str) -> None:
    folder = _write(tmp_path, "190 asserted | [S Israel] [E struck] [T Gaza].\n" + line + "\n")
    with pytest.raises(EvalDataError, match=reason) as raised:
        read_written(folder)
    assert "a.txt:2" in str(raised.value)


def test_an_empty_or_missing_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="no written event sentences"):
        read_written(tmp_path)
    with pytest.raises(EvalDataError, match="not found"):
        written_events.evaluate(tmp_path / "absent")


def test_halves_are_fixed_by_the_words_alone() -> None:
    assert half("Russia accused Turkey.") == half("Russia accused Turkey.")
    halves = Counter(half(f"Sentence number {i}.") for i in range(200))
    assert set(halves) == {"tune", "held"} and min(halves.values()) > 70


def test_found_typed_and_false_alarms_are_counted_per_line(tmp_path: Path) -> None:
    folder = _write(tmp_path,
                    "190 asserted | [S Russian forces] [E shelled] [T Kharkiv] on Tuesday, Ukraine said.\n"
                    "111 asserted | [S Turkey] [E condemned] [T Israel] over the raid on the ship.\n"
                    "057 asserted | [S Chile] and [T Peru] [E put pen to paper] on a fishing accord.\n"
                    "NONE | The index [E hit] a record high on Tuesday.\n")
    result = CliRunner().invoke(app, ["eval", "written-events", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    import json

    figures = json.loads(result.output)
    assert (figures["n"], figures["non_events"], figures["sentences"]) == (3, 1, 4)
    # the shelling and the condemnation are verbs the coder knows; the idiom is not asked of it here
    assert figures["typed_recall"] >= 2 / 3 - 1e-4
    assert figures["found_recall"] >= figures["typed_recall"]
    assert figures["false_alarm_rate"] == 0.0  # "the index hit a record" is no act (thing_subjects)
    assert figures["false_alarm_shown_rate"] <= figures["false_alarm_rate"]


def test_the_written_set_is_whole_and_covers_every_type() -> None:
    sentences = read_written(SET)
    labels = Counter(t.label for s in sentences for t in s.triggers)
    assert set(labels) == {NONE, *PLOVER_TYPES}
    assert sum(labels.values()) - labels[NONE] >= 1500 and labels[NONE] >= 400
    assert min(labels[t] for t in PLOVER_TYPES) >= 50
    for s in sentences:
        spans = [(t.start, t.end) for t in s.triggers]
        assert all(0 <= a < b <= len(s.text) and s.text[a:b].strip() for a, b in spans), s.text
        # a word is an event of one type or none: two lines never disagree on one word
        assert len(spans) == len(set(spans)), s.text


def test_written_set_meets_the_floors() -> None:
    f = assert_meets_baseline("written-events").figures
    assert f["sentences"] >= 1700
