"""The event-coder evaluation on the PLOVER GSR: figures, label mapping, layout errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval import events as events_eval

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# Floors measured on plover_gsr/dev.json; raise them as the coder improves, never lower them silently.

def _record(rid: str, event: str, text: str, source: str | None, target: str | None) -> dict:
    r = {"id": rid, "event": event, "text": text, "date": "2000-01-01"}
    if source:
        r["source"] = [{"actorText": source, "code": source}]
    if target:
        r["target"] = [{"actorText": target, "code": target}]
    return r


def test_small_set_in_the_gsr_layout(tmp_path: Path, settings) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([
        {"id": "doc", "event": "DOCUMENT", "eventText": "documentation only"},
        _record("1", "FIGHT", "Russian forces shelled Kharkiv overnight.", "RUS", None),
        _record("2", "DEMAND", "The United Nations urged Sudan to allow aid deliveries.", "IGO", "SDN"),
        _record("3", "SUPPORT", "Germany praised Poland's decision.", "DEU", "POL"),
        _record("4", "DISAPPROVE", "The weather in Lisbon was mild.", "PRT", None),
    ]), encoding="utf-8")
    report = events_eval.evaluate(path, settings)
    f = report.figures
    assert f["n"] == 4  # DOCUMENT skipped
    assert f["type_accuracy"] == 0.75  # FIGHT->ASSAULT and DEMAND->REQUEST mapped; no event is wrong
    assert f["no_event"] == 1
    assert f["source_f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75, abs=1e-3)
    assert report.misses[0]["gold"] == "ACCUSE" and report.misses[0]["predicted"] == "NONE"
    rows = report.sections["confusion (gold, predicted)"]
    assert rows[0] == ["gold", "predicted", "count"] and ["ASSAULT", "ASSAULT", "1"] in rows
    assert report.to_json() == f


def test_bad_layouts_are_clear_errors(tmp_path: Path, settings) -> None:
    with pytest.raises(EvalDataError, match="not found"):
        events_eval.evaluate(tmp_path / "absent.json", settings)
    bad = tmp_path / "bad.json"
    bad.write_text('{"records": []}', encoding="utf-8")
    with pytest.raises(EvalDataError, match="JSON array"):
        events_eval.evaluate(bad, settings)
    empty = tmp_path / "empty.json"
    empty.write_text('[{"id": "doc", "event": "DOCUMENT"}]', encoding="utf-8")
    with pytest.raises(EvalDataError, match="no records"):
        events_eval.evaluate(empty, settings)


def test_gsr_dev_meets_the_floors() -> None:
    report = assert_meets_baseline("events")
    f = report.figures
    assert f["n"] == 228
    for key in ("type_accuracy", "type_macro_f1", "source_f1", "target_f1"):
        assert 0.0 <= f[key] <= 1.0
