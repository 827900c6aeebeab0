"""The event-noun file: each noun's verb or code and its own role prepositions (issue 13)."""

from __future__ import annotations

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.events import event_nouns
from wirewatch.events.codes import read_cameo_table
from wirewatch.events.event_nouns import GENERAL_TARGETS, NounEntry, read_event_nouns


def test_a_bare_verb_keeps_the_general_slots() -> None:
    entry = read_event_nouns(read_cameo_table())["deployment"]
    assert entry == NounEntry(act="deploy")
    assert entry.sources == ("by",) and entry.target_slots == GENERAL_TARGETS


def test_a_noun_names_its_own_role_prepositions() -> None:
    nouns = read_event_nouns(read_cameo_table())
    assert "on the part of" in nouns["criticism"].sources and nouns["criticism"].unnamed_source
    assert nouns["talk"].targets == ("with", "between") and nouns["talk"].sources == ("between",)
    assert "that" in nouns["complaint"].targets  # the subject of "complaints that China ..."
    assert nouns["tour"].place_modifier_target
    assert nouns["tariff"].targets[0] == "on"  # quoted: YAML reads a bare on as true


@pytest.mark.parametrize(
    "text, message",
    [
        ("nouns:\n  talk: {act: meet, whom: [with]}\n", "unknown keys"),
        ("nouns:\n  talk: {act: meet, target: [on]}\n", "list of prepositions"),
        ("nouns:\n  talk: {act: '999'}\n", "neither a verb nor a CAMEO code"),
        ("nouns: [talk]\n", "needs a 'nouns' mapping"),
    ],
)
def test_a_bad_entry_is_refused_naming_the_noun(tmp_path, monkeypatch, text: str, message: str) -> None:
    path = tmp_path / "event_nouns.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(event_nouns, "NOUNS_FILE", path)
    with pytest.raises(DictionaryError, match=message):
        read_event_nouns(read_cameo_table())
