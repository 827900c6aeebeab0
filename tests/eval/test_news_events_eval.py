"""The news-events suite: the matching rule, the layout it reads, and floors on the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from default_evals import assert_meets_baseline
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.errors import EvalDataError
from wirewatch.eval import news_events
from wirewatch.eval.event_matching import CodedEvent, GoldEvent, fold_reciprocal, match

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# Floors measured on news_events/dev; raise them as the coder improves, never lower them silently.


def _gold(evidence: str, trigger: str, source: str | None, target: str | None, plover: str = "ASSAULT",
          root: str = "19", modality: str = "asserted", reciprocal: bool = False) -> GoldEvent:
    return GoldEvent("a#1", evidence, trigger, source, target, root, plover, modality, reciprocal)


def _coded(evidence: str, source: str | None, target: str | None, plover: str = "ASSAULT", root: str = "19",
           modality: str = "asserted") -> CodedEvent:
    return CodedEvent(evidence, source, target, root, plover, modality)


SENTENCE = "The army shelled two border villages on Monday, a spokesman for the governor said."
SHELLED = _gold("The army shelled two border villages on Monday", "shelled", "ARM", "AZE")


def test_located_needs_the_trigger_and_half_the_words() -> None:
    assert match([_coded(SENTENCE, "ARM", "AZE")], [SHELLED], "located") == {0: 0}
    assert match([_coded("The army shelled the town.", "ARM", "AZE")], [SHELLED], "located") == {}  # 3 of 8 words
    assert match([_coded("The army shelled two border villages.", "ARM", "AZE")],
                 [_gold("The army shelled two border villages", "attacked", "ARM", "AZE")], "located") == {}


def test_typed_takes_the_plover_type_or_the_cameo_root() -> None:
    assert match([_coded(SENTENCE, "ARM", "AZE", "COERCE", "19")], [SHELLED], "typed") == {0: 0}
    assert match([_coded(SENTENCE, "ARM", "AZE", "ASSAULT", "18")], [SHELLED], "typed") == {0: 0}
    assert match([_coded(SENTENCE, "ARM", "AZE", "REQUEST", "10")], [SHELLED], "typed") == {}


def test_strict_needs_both_countries() -> None:
    assert match([_coded(SENTENCE, "ARM", "AZE")], [SHELLED], "strict") == {0: 0}
    assert match([_coded(SENTENCE, "AZE", "ARM")], [SHELLED], "strict") == {}  # reversed
    assert match([_coded(SENTENCE, "ARM", None)], [SHELLED], "strict") == {}  # target left empty
    assert match([_coded(SENTENCE, "ARM", "AZE")],
                 [_gold("The army shelled two border villages", "shelled", "ARM", None)], "strict") == {}


def test_reciprocal_either_way_and_unknown_country_matches_any() -> None:
    met = _gold("Leaders of both countries met in Geneva", "met", "USA", "RUS", "CONSULT", "04", reciprocal=True)
    said = "Leaders of both countries met in Geneva on Friday."
    assert match([_coded(said, "RUS", "USA", "CONSULT", "04")], [met], "strict") == {0: 0}
    unknown = _gold("The army shelled two border villages on Monday", "shelled", "---", "AZE")
    assert match([_coded(SENTENCE, "TUR", "AZE")], [unknown], "strict") == {0: 0}


def test_the_two_directions_of_a_reciprocal_act_count_once() -> None:
    # The gold records "Obama met Abe" once; the coder writes CAMEO's two directed events.
    met = "Obama met Abe in Tokyo on Monday."
    both = [CodedEvent(met, "USA", "JPN", "04", "CONSULT", "asserted", rule="meet:meet reciprocal"),
            CodedEvent(met, "JPN", "USA", "04", "CONSULT", "asserted", rule="meet:meet reciprocal")]
    assert fold_reciprocal(both) == both[:1]
    # ... but two separate directed acts in one clause stay two events
    accused = [CodedEvent(met, "USA", "JPN", "11", "ACCUSE", "asserted", rule="accuse:accuse"),
               CodedEvent(met, "JPN", "USA", "11", "ACCUSE", "asserted", rule="accuse:accuse")]
    assert fold_reciprocal(accused) == accused
    # ... and a meeting with two parties is two acts
    three = [*both, CodedEvent(met, "USA", "KOR", "04", "CONSULT", "asserted", rule="meet:meet reciprocal"),
             CodedEvent(met, "KOR", "USA", "04", "CONSULT", "asserted", rule="meet:meet reciprocal")]
    assert [(e.source, e.target) for e in fold_reciprocal(three)] == [("USA", "JPN"), ("USA", "KOR")]


def test_matching_is_one_to_one_and_maximal() -> None:
    gold = [SHELLED, _gold("two border villages on Monday", "villages", "ARM", "AZE")]
    coded = [_coded(SENTENCE, "ARM", "AZE"), _coded(SENTENCE, "ARM", "AZE")]
    assert len(match(coded, gold, "strict")) == 2
    assert len(match(coded[:1], gold, "strict")) == 1
    assert len(match(coded, gold[:1], "strict")) == 1


def _write_set(root: Path) -> Path:
    """A two-article set in the shared layout: one GeoWebNews-style article, one PolNeAR-style text."""
    (root / "geowebnews").mkdir(parents=True)
    (root / "geowebnews" / "GWN.test.xml").write_text(
        '<articles><article file="7"><title>Border clashes</title>'
        "<text>Ruritanian troops attacked a Freedonian border post on Monday. Freedonia condemned the attack."
        "</text></article></articles>", encoding="utf-8")
    (root / "polnear" / "train" / "text").mkdir(parents=True)
    (root / "polnear" / "train" / "text" / "paper_one.txt").write_text(
        "Talks resume.\n\nRussia accused Ukraine of shelling Donetsk on Tuesday, officials said.\n", encoding="utf-8")
    ann = root / "news_events" / "dev"
    ann.mkdir(parents=True)
    (ann / "a.yaml").write_text(
        "article: GWN.test.xml#7\npublished: '2024-03-04'\ntitle: Border clashes\nevents:\n"
        "- {id: 1, evidence: Freedonia condemned the attack, trigger: condemned, source: {text: Freedonia, code: "
        "'---GOV'}, target: {text: null, code: null}, cameo: '111', plover: ACCUSE, modality: asserted}\n",
        encoding="utf-8")
    (ann / "b.yaml").write_text(
        "article: polnear/train/paper_one.txt\npublished: '2016-01-05'\ntitle: Talks resume.\nevents:\n"
        "- {id: 1, evidence: Russia accused Ukraine of shelling Donetsk, trigger: accused, source: {text: Russia, "
        "code: RUS}, target: {text: Ukraine, code: UKR}, cameo: '112', plover: ACCUSE, modality: asserted}\n"
        "- {id: 2, evidence: Ukraine of shelling Donetsk, trigger: shelling, source: {text: Ukraine, code: UKR}, "
        "target: {text: Donetsk, code: UKR}, cameo: '195', plover: ASSAULT, modality: hedged}\n",
        encoding="utf-8")
    return ann


def test_a_small_set_in_the_shared_layout(tmp_path: Path, settings) -> None:
    report = news_events.evaluate(_write_set(tmp_path), settings)
    f = report.figures
    assert (f["articles"], f["n"]) == (2, 3)
    assert f["coded"] >= 1 and 0.0 <= f["strict_f1"] <= f["typed_f1"] <= f["located_f1"] <= 1.0
    assert f["asserted_precision"] <= 1.0 and report.to_json() == f
    kinds = {row["kind"] for row in report.misses}
    assert kinds <= {"miss", "extra"}
    assert all(set(row) == set(report.misses[0]) for row in report.misses)  # one table, one set of columns


def test_the_cli_runs_the_suite_by_its_hyphenated_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "news-events", str(_write_set(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["n"] == 3 and 0.0 <= figures["strict_f1"] <= 1.0 and "shown_precision" in figures


def test_bad_layouts_are_clear_errors(tmp_path: Path, settings) -> None:
    with pytest.raises(EvalDataError, match="not found"):
        news_events.evaluate(tmp_path / "absent", settings)
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalDataError, match="no news_events YAML"):
        news_events.evaluate(tmp_path / "empty", settings)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text("events: []\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="'article'"):
        news_events.evaluate(bad, settings)
    (bad / "x.yaml").write_text("article: polnear/train/nowhere.txt\nevents: []\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="not in any folder above it"):
        news_events.evaluate(bad, settings)
    (bad / "x.yaml").write_text("article: gum:GUM_news_nowhere\nevents: []\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="GUM corpus"):
        news_events.evaluate(bad, settings)
    (bad / "gum" / "dep").mkdir(parents=True)
    with pytest.raises(EvalDataError, match="no .conllu files"):
        news_events.evaluate(bad, settings)


def test_dev_set_meets_the_floors() -> None:
    f = assert_meets_baseline("news-events").figures
    assert (f["articles"], f["n"]) == (24, 551)


def test_evidence_and_trigger_may_be_character_spans(tmp_path: Path) -> None:
    """Annotations kept in this repository give spans of the corpus's text instead of copying it."""
    ann = _write_set(tmp_path)
    text = "Russia accused Ukraine of shelling Donetsk on Tuesday, officials said."
    start = text.index("Russia accused")
    (ann / "b.yaml").write_text(
        "article: polnear/train/paper_one.txt\npublished: '2016-01-05'\nevents:\n"
        f"- {{id: 1, evidence: {{start: {start}, end: {start + 42}}}, trigger: {{start: {start + 7}, end: "
        f"{start + 14}}}, source: {{text: Russia, code: RUS}}, target: {{text: Ukraine, code: UKR}}, cameo: '112', "
        "plover: ACCUSE, modality: asserted}\n"
        "- {id: 2, evidence: {start: 0, end: 13}, trigger: {start: 6, end: 12}, source: {text: null, code: null}, "
        "target: {text: null, code: null}, cameo: '043', plover: CONSULT, modality: asserted, in_title: true}\n",
        encoding="utf-8")
    gold = news_events.read_article(ann / "b.yaml")
    assert (gold.events[0].evidence, gold.events[0].trigger) == ("Russia accused Ukraine of shelling Donetsk",
                                                                 "accused")
    assert (gold.events[1].evidence, gold.events[1].trigger) == ("Talks resume.", "resume")  # of the title
    (ann / "b.yaml").write_text(
        "article: polnear/train/paper_one.txt\nevents:\n- {id: 1, evidence: {start: 0, end: 9999}, trigger: x, "
        "source: null, target: null, cameo: '112', plover: ACCUSE}\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="outside its text"):
        news_events.read_article(ann / "b.yaml")


GUM_ANNOTATIONS = Path(__file__).resolve().parents[2] / "training" / "events" / "gum"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE"}


def test_our_gum_annotations_read_against_the_gum_texts(shared_data) -> None:
    """training/events/gum: every file names a GUM news document, every span lies in its text, every
    trigger inside its evidence, every type a PLOVER 2.0 type."""
    if not (shared_data / "gum" / "dep").is_dir():
        pytest.skip(f"{shared_data / 'gum'}: GUM is not there")
    files = sorted(GUM_ANNOTATIONS.glob("*.yaml"))
    assert len(files) == 24
    events = 0
    for file in files:
        gold = news_events.read_article(file)
        assert gold.reference.startswith("gum:GUM_news_") and gold.body and gold.title
        for event in gold.events:
            assert event.trigger in event.evidence and event.evidence.strip()
            assert event.plover in PLOVER_TYPES and event.modality in {"asserted", "negated", "hypothetical",
                                                                      "future", "hedged"}
            events += 1
    assert events > 250
