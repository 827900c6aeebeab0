"""Interview layouts on characters alone: who "you" is when several people answer, and
caption credits that are no turn. Rule-level: no pipeline."""

from __future__ import annotations

from wirewatch.claims.turns import find_turns

PANEL = (
    "Wikinews: What is the studio?\n\n"
    "Mario Lucero: It is me and Isabel.\n\n"
    "Isabel Ruiz: And we draw the comics.\n\n"
    "Wikinews: Why did you start it?\n\n"
    "Isabel Ruiz: We wanted our own stories.\n\n"
    "Mario Lucero: Yes, and she draws them.\n"
)


def test_a_question_is_put_to_whoever_answers_it_when_several_answer():
    turns = find_turns(PANEL)
    assert (turns.asker, turns.answerer) == ("Wikinews", None)
    first = turns.at(PANEL.index("What is"))
    second = turns.at(PANEL.index("Why did"))
    assert turns.addressee(first) == "Mario Lucero"
    assert turns.addressee(second) == "Isabel Ruiz"
    # In an answer "you" is the one asking, whoever answers.
    assert turns.addressee(turns.at(PANEL.index("she draws"))) == "Wikinews"


def test_a_caption_credit_is_no_turn():
    text = (
        "Wikinews: Who plays in that one?\n\n"
        "Tina McKenzie. Image: Laura Hale.\n\n"
        "Tina McKenzie: It is quite a large tournament.\n"
    )
    assert [t.label for t in find_turns(text).turns] == ["Wikinews", "Tina McKenzie"]
