"""`wirewatch eval petrarch`: PETRARCH's unit-test records scored with the PETRARCH coder."""

from __future__ import annotations

from pathlib import Path

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval import SUITES
from wirewatch.eval import petrarch as petrarch_eval

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# Floors measured on PETR.UnitTest.records.xml; raise them as the coder improves, never lower them silently.

SUITE = """<Validation>
<Environment>
    <Verbfile>mini.verbs.txt</Verbfile>
    <Actorfile>mini.actors.txt</Actorfile>
    <Agentfile>mini.agents.txt</Agentfile>
    <Discardfile>mini.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="ONE" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored diplomatic ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950101" id="TWO" category="AGENT" sentence="true">
<EventCoding sourcecode="ARNGOV" targetcode="GON" eventcode="111"></EventCoding>
<EventCoding sourcecode="ARNGOV" targetcode="MOR" eventcode="111"></EventCoding>
<Text>The Arnor government condemned Gondor and Mordor.</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="THREE" category="AGENT" sentence="true">
<EventCoding sourcecode="GON" targetcode="---" eventcode="111"></EventCoding>
<Text>Gondor condemned the violence.</Text>
</Sentence>
<Config option="require_dyad" value="true"></Config>
<Sentence date="19950101" id="FOUR" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Gondor condemned Mordor after the football match.</Text>
</Sentence>
<Sentence date="19950101" id="FIVE" category="DEMO" sentence="true">
<EventCoding sourcecode="MOR" targetcode="GON" eventcode="190"></EventCoding>
<Text>Mordor watched Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
"""
DICTIONARIES = {
    "mini.verbs.txt": "--- RESTORE [064] ---\nRESTORE\n--- CONDEMN [111] ---\nCONDEMN\n",
    "mini.actors.txt": "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\n",
    "mini.agents.txt": "GOVERNMENT [~GOV]\n",
    "mini.discards.txt": "FOOTBALL\n",
}


def _suite(folder: Path) -> Path:
    (folder / "text").mkdir()
    (folder / "dictionaries").mkdir()
    for name, text in DICTIONARIES.items():
        (folder / "dictionaries" / name).write_text(text, encoding="utf-8")
    path = folder / "text" / "records.xml"
    path.write_text(SUITE, encoding="utf-8")
    return path


def test_small_suite_figures_categories_and_failures(tmp_path: Path, settings) -> None:
    report = petrarch_eval.evaluate(_suite(tmp_path), settings)
    f = report.figures
    assert (f["records"], f["expected_triples"]) == (5, 5)
    assert f["triples_found"] == 0.8  # all but FIVE: no "watch" verb in the dictionary
    assert f["extra_triples"] == 0.0
    assert f["records_passed"] == 0.8
    rows = {row[0]: row[1:] for row in report.sections["by category"][1:]}
    assert rows["AGENT"] == ["2", "2", "3", "3", "0"] and rows["DEMO"] == ["2", "1", "2", "1", "0"]
    assert [m["id"] for m in report.misses] == ["FIVE"]
    assert report.misses[0]["expected"] == "MOR/GON/190" and report.misses[0]["coded"] == "(none)"


def test_missing_dictionary_and_bad_file(tmp_path: Path, settings) -> None:
    path = _suite(tmp_path)
    (tmp_path / "dictionaries" / "mini.agents.txt").unlink()
    with pytest.raises(EvalDataError, match="agents dictionary mini.agents.txt"):
        petrarch_eval.evaluate(path, settings)
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentences>", encoding="utf-8")
    with pytest.raises(EvalDataError, match="cannot read"):
        petrarch_eval.evaluate(bad, settings)


def test_registered_as_a_suite() -> None:
    assert "petrarch" in SUITES
    assert petrarch_eval.DEFAULT_PATH.name == "PETR.UnitTest.records.xml"


def test_petrarch_unit_suite_floors() -> None:
    report = assert_meets_baseline("petrarch")
    categories = {row[0] for row in report.sections["by category"][1:]}
    assert {"DEMO", "COMPOUND", "SYNSET", "PATTERN", "AGENT"} <= categories


def test_cli_eval_petrarch_json(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    result = CliRunner().invoke(app, ["eval", "petrarch", str(_suite(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["triples_found"] == 0.8 and figures["records"] == 5
