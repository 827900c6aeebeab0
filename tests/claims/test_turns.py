"""Interview layouts on characters alone: who "you" is when several people answer, and
caption credits that are no turn. Rule-level: no pipeline."""

from __future__ import annotations

from wirewatch.claims.turns import find_turns, label_role

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


def test_a_label_may_hold_a_names_lower_case_particle():
    text = (
        "Wikinews: Why did the paper change its name?\n\n"
        "Khaled al-Maeena: I think the readers wanted it.\n\n"
        "Wikinews: And the new editor?\n\n"
        "Ana de Vries: I believe she will do well.\n"
    )
    assert [t.label for t in find_turns(text).turns] == ["Wikinews", "Khaled al-Maeena", "Wikinews", "Ana de Vries"]
    # a particle ends no label: "Speaking as:" opens no turn
    assert not find_turns("Speaking as: a member.\n\nNote to: the editor.\n").turns


def test_the_asker_is_the_one_whose_turns_mostly_ask():
    # The one answering ends more turns with a question ("..., you know?") than the one asking,
    # but a smaller share of them.
    answers = "".join(f"Tom Berg: We rowed hard in race {n}, you know?\n\nTom Berg: It went well.\n\n" for n in range(3))
    text = "Wikinews: How was the season?\n\n" + answers + "Wikinews: And the next one?\n\nTom Berg: Better.\n"
    turns = find_turns(text)
    assert (turns.asker, turns.answerer) == ("Wikinews", "Tom Berg")


def test_a_role_label_asks_or_answers():
    assert label_role("Q") == "asks" and label_role("Interviewer") == "asks"
    assert label_role("A") == "answers" and label_role("Interviewee") == "answers"
    assert label_role("Anna Petrova") is None
