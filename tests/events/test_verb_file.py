"""A broken verbs.yaml is refused on load with one line naming the file and the entry (issue 13's
new fields included: ``excludes`` on a pattern, the ``thing_subjects`` list)."""

from __future__ import annotations

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.events import patterns
from wirewatch.events.codes import read_cameo_table
from wirewatch.events.patterns import read_verb_lexicon

_OK = '  - {id: warn_that, verbs: [warn], excludes: [dobj], code: "110"}\n'


@pytest.mark.parametrize(
    "text, message",
    [
        ("patterns:\n  - {id: warn_that, verbs: [warn], excludes: dobj, code: '110'}\n",
         r"patterns\[0\] \(warn_that\): 'excludes' must be a list of words"),
        ("patterns:\n" + _OK + "thing_subjects: index\n", "'thing_subjects' must be a list of words"),
        ("patterns:\n  - {id: warn_that, verbs: [warn], code: '999'}\n", "is not a CAMEO code"),
        ("patterns:\n" + _OK + _OK, "duplicate id"),
        ("verbs: []\n", "needs a 'patterns' list"),
    ],
)
def test_a_broken_verb_file_is_refused_naming_the_entry(tmp_path, monkeypatch, text: str, message: str) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(patterns, "VERBS_FILE", path)
    with pytest.raises(DictionaryError, match=message) as caught:
        read_verb_lexicon(read_cameo_table())
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_verb_file_that_is_no_yaml_is_refused_naming_the_file(tmp_path, monkeypatch) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("patterns: [\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "VERBS_FILE", path)
    with pytest.raises(DictionaryError, match="not valid YAML") as caught:
        read_verb_lexicon(read_cameo_table())
    assert str(caught.value).startswith(f"{path}: ")


def test_the_new_fields_are_read(tmp_path, monkeypatch) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("patterns:\n" + _OK + "thing_subjects: [Index, storm]\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "VERBS_FILE", path)
    lexicon = read_verb_lexicon(read_cameo_table())
    assert lexicon.by_lemma["warn"][0].excludes == ("dobj",)
    assert lexicon.thing_subjects == frozenset({"index", "storm"})


def test_direct_objects_is_read_as_written() -> None:
    lexicon = read_verb_lexicon(read_cameo_table())
    put = {p.id: p for p in lexicon.by_lemma["put"]}
    # "put tariffs on X", never "put pressure on X over tariffs"
    assert put["impose_sanctions_direct"].direct_objects
    assert not {p.id: p for p in lexicon.by_lemma["impose"]}["impose_sanctions"].direct_objects


def test_named_subject_is_read_as_written() -> None:
    lexicon = read_verb_lexicon(read_cameo_table())
    travel = {p.id: p for p in lexicon.by_lemma["travel"]}
    # "Blinken travelled to Beijing", never "we travelled to Google's offices"
    assert travel["travel_to"].named_subject and travel["travel_to"].extra == ("to",)
