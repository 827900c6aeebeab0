"""What one actor says another is: disapproval is ACCUSE (111), praise SUPPORT (051) (issue 13).

Constructions written for the test: a labelling verb with its object and a complement, a copular
clause in someone's words, a judging adjective on an actor's act and a wrong done by an actor in
someone's words; never the writer's own judgement, nor one of nobody or of a thing."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _evaluations(events) -> list[tuple]:
    return [(e.source_country, e.cameo_code, e.target_country, e.modality)
            for e in events if e.rule.startswith("evaluation")]


def _show(events) -> list[tuple]:
    return [(e.source_code, e.cameo_code, e.target_code, e.modality, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Germany called Russia a threat to peace.", ("DEU", "111", "RUS", "asserted")),
        ("Beijing described Washington as an unreliable partner.", ("CHN", "111", "USA", "asserted")),
        ("The State Department described Saudi Arabia as a reliable partner.", ("USA", "051", "SAU", "asserted")),
        # the judged is the possessor of what is labelled
        ("Lavrov called Kerry's remarks reckless.", ("RUS", "111", "USA", "asserted")),
        # a relative "what": the complement names whom the label is for
        ("Japan's prime minister warned against what he called China's coercive actions.",
         ("JPN", "111", "CHN", "asserted")),
        ("China dismissed the US allegations as groundless.", ("CHN", "111", "USA", "asserted")),
        ("Moscow did not call Kiev a threat.", ("RUS", "111", "UKR", "negated")),
    ],
)
def test_a_label_put_on_an_actor_is_a_judgement_of_it(code, text: str, expected: tuple) -> None:
    assert expected in _evaluations(code(text)), _show(code(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Donald Trump spoke in Ohio on Monday. "He is not only a racist, but a danger to the free world," '
         "said Benjamin Netanyahu.", ("ISR", "111", "USA", "asserted")),
        # "he" in a speaker's own quoted words is someone else than the speaker; "no doubt" affirms
        ("Donald Trump spoke in Ohio. Vladimir Putin met reporters on Thursday. "
         '"There is no doubt that he is a very bright and talented man," the Russian leader said.',
         ("RUS", "051", "USA", "asserted")),
        ("Benjamin Netanyahu claimed that Jimmy Carter is anti-Israel.", ("ISR", "111", "USA", "asserted")),
        ("Jimmy Carter said that Israel is in danger of becoming an apartheid state.",
         ("USA", "111", "ISR", "asserted")),
        ("The French president said Russia is not a threat.", ("FRA", "111", "RUS", "negated")),
        ("The French president said Russia is no threat.", ("FRA", "111", "RUS", "negated")),
    ],
)
def test_what_a_speaker_says_another_is_is_the_speakers_judgement(code, text: str, expected: tuple) -> None:
    assert expected in _evaluations(code(text)), _show(code(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obama said Russia's aggressive behavior threatens Europe.", ("USA", "111", "RUS", "asserted")),
        ("The Palestinian president said the illegal Israeli settlements must go.",
         ("PSE", "111", "ISR", "asserted")),
    ],
)
def test_a_judging_adjective_on_an_actors_act_in_someones_words_judges_the_actor(code, text: str,
                                                                                   expected: tuple) -> None:
    assert expected in _evaluations(code(text)), _show(code(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Israel was sold out by John Kerry," Benjamin Netanyahu said.', ("ISR", "112", "USA", "asserted")),
        ("The Ukrainian president said Moscow had lied about its troops.", ("UKR", "112", "RUS", "asserted")),
        ("The Ukrainian president said Moscow had not lied about its troops.", ("UKR", "112", "RUS", "negated")),
        # blame said as where someone stands
        ("The Ukrainian government said Moscow was behind the blast.", ("UKR", "112", "RUS", "asserted")),
        ("Hillary Clinton said Vladimir Putin is responsible for the violence.", ("USA", "112", "RUS", "asserted")),
        ("The Ukrainian government said Moscow was behind the hacking of its servers.",
         ("UKR", "112", "RUS", "asserted")),
        ("The French president said Russia is to blame for the crisis.", ("FRA", "112", "RUS", "asserted")),
    ],
)
def test_a_wrong_a_speaker_says_another_did_is_an_accusation_of_the_doer(code, text: str, expected: tuple) -> None:
    assert expected in _evaluations(code(text)), _show(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia is a threat to peace.",  # the writer's own voice
        "Moscow lied about its troops.",
        "Moscow was behind the blast.",
        "The Ukrainian government said Moscow was behind the decision.",  # no harm
        "The Ukrainian president said the Russian ministry is responsible for security.",
        '"We were betrayed," the Kurdish commander said.',  # no doer named
        "Russia's aggressive behavior threatens Europe.",
        "Obama said the aggressive behavior threatens Europe.",  # whose, unsaid
        "Obama said Russia's harsh winter hurt its army.",  # "harsh" judges nobody in every use
        "The senator said illegal Mexican immigrants were crossing the border.",  # people described
        "The Chinese foreign ministry said the situation in Syria is dangerous.",  # about no actor
        "The German chancellor said such a ban would be unacceptable.",  # about an act nobody is named doing
        "Germany called Russia a neighbour.",  # no judgement in the label
        "The French president said Russia is a large country.",
        "The French president said Russia is a responsible power.",  # no judgement either way
        '"We are a responsible power," the Chinese foreign minister said.',  # the speaker of itself
        '"America is already great," Barack Obama said.',  # the speaker's own country
        'A number of foreign partners called it a "step back".',  # a thing, no actor
    ],
)
def test_no_judgement_without_a_judge_and_a_judged_actor(code, text: str) -> None:
    assert not _evaluations(code(text)), _show(code(text))
