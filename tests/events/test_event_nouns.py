"""The event-noun file: each noun's verb or code and its own role prepositions (issue 13)."""

from __future__ import annotations

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.events import event_nouns
from wirewatch.events.codes import read_cameo_table
from wirewatch.events.event_nouns import GENERAL_TARGETS, NounEntry, read_event_nouns


def test_a_bare_verb_keeps_the_general_slots() -> None:
    entry = read_event_nouns(read_cameo_table())["deployment"]
    assert entry == NounEntry(act="deploy", doer_verbs=entry.doer_verbs)
    assert entry.sources == ("by",) and entry.target_slots == GENERAL_TARGETS


def test_a_noun_names_its_own_role_prepositions() -> None:
    nouns = read_event_nouns(read_cameo_table())
    assert "on the part of" in nouns["criticism"].sources and nouns["criticism"].unnamed_source
    assert nouns["talk"].targets == ("with", "between") and nouns["talk"].sources == ("between",)
    assert "that" in nouns["complaint"].targets  # the subject of "complaints that China ..."
    assert nouns["tour"].place_modifier_target
    assert nouns["tariff"].targets[0] == "on"  # quoted: YAML reads a bare on as true


def test_the_doers_verbs_are_the_files_and_the_nouns_own() -> None:
    nouns = read_event_nouns(read_cameo_table())
    # "ordered the release of X": whoever orders it releases; for every noun
    assert "order" in nouns["release"].doer_verbs and "order" in nouns["deployment"].doer_verbs
    # "returned from a trip to": travel nouns add the verbs of being on a trip
    assert {"be", "return", "come"} <= nouns["trip"].doer_verbs
    assert "return" not in nouns["deployment"].doer_verbs
    # a verb that stops or judges an act is no doer of it
    assert not {"condemn", "cancel", "halt"} & nouns["release"].doer_verbs


def test_who_draws_or_faces_criticism_is_its_target() -> None:
    nouns = read_event_nouns(read_cameo_table())
    assert {"draw", "face", "come"} <= nouns["criticism"].recipient_verbs
    assert not nouns["release"].recipient_verbs


def test_what_may_be_no_event_waits_for_its_target() -> None:
    nouns = read_event_nouns(read_cameo_table())
    # "his occupation", "a strike by rail workers": coded only with what is occupied or struck named
    assert nouns["occupation"].needs_target and nouns["strike"].needs_target
    assert nouns["strike"].targets == ("on", "against")
    # "sanctions on Russia": on whom, against whom
    assert nouns["sanction"].targets == ("on", "against") and nouns["tariff"].targets == ("on", "against")


@pytest.mark.parametrize(
    "text, message",
    [
        ("nouns:\n  talk: {act: meet, whom: [with]}\n", "unknown keys"),
        ("nouns:\n  talk: {act: meet, target: [on]}\n", "list of prepositions"),
        ("nouns:\n  talk: {act: '999'}\n", "neither a verb nor a CAMEO code"),
        ("nouns: [talk]\n", "needs a 'nouns' mapping"),
        ("nouns:\n  talk: {act: meet, doer_verbs: hold}\n", "'doer_verbs' must be a list of verbs"),
        ("doer_verbs: order\nnouns:\n  talk: meet\n", "'doer_verbs' must be a list of verbs"),
        ("nouns:\n  criticism: {act: criticize, recipient_verbs: draw}\n", "'recipient_verbs' must be a list of verbs"),
    ],
)
def test_a_bad_entry_is_refused_naming_the_noun(tmp_path, monkeypatch, text: str, message: str) -> None:
    path = tmp_path / "event_nouns.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(event_nouns, "NOUNS_FILE", path)
    with pytest.raises(DictionaryError, match=message):
        read_event_nouns(read_cameo_table())
