from __future__ import annotations

import pytest

from wirewatch.ingest.language import guess_language

pytestmark = [pytest.mark.needs_shared]

SPANISH = (
    "El presidente de Venezuela recibió el martes a una delegación militar rusa en Caracas, "
    "según informó el Ministerio de Defensa. Los asesores rusos entrenarán a las tropas "
    "venezolanas durante los próximos meses, pero el gobierno no dio más detalles sobre su número."
)
GERMAN = (
    "Russland hat nach Angaben eines ukrainischen Geheimdienstchefs einen hochrangigen General "
    "und etwa 120 Ausbilder nach Venezuela geschickt. Die Soldaten sollen die venezolanische "
    "Armee im Umgang mit Drohnen schulen, wie die Zeitung am Dienstag berichtete."
)
FRENCH = (
    "La Russie a envoyé un général et environ 120 instructeurs militaires au Venezuela, selon "
    "un responsable ukrainien. Les conseillers russes sont chargés de former les unités "
    "d'infanterie, mais leur mission reste floue pour les diplomates en poste à Caracas."
)
RUSSIAN = (
    "Россия направила в Венесуэлу генерала и около 120 военных инструкторов, заявил "
    "представитель украинской разведки. Они обучают венесуэльских военных."
)


def test_english_news_prose(article_text: str) -> None:
    guess = guess_language(article_text)
    assert guess.is_english
    assert guess.english_share > 0.3


def test_seed_is_english(seed_text: str) -> None:
    assert guess_language(seed_text).is_english


@pytest.mark.parametrize(("text", "language"), [(SPANISH, "Spanish"), (GERMAN, "German"), (FRENCH, "French")])
def test_other_latin_script_languages_are_refused_and_named(text: str, language: str) -> None:
    guess = guess_language(text)
    assert not guess.is_english
    assert guess.looks_like == language
    assert language in guess.describe()


def test_other_scripts_are_refused_and_named() -> None:
    guess = guess_language(RUSSIAN)
    assert not guess.is_english
    assert guess.describe() == "written in Cyrillic script"
    assert guess_language("俄罗斯向委内瑞拉派遣了一名将军和大约一百二十名军事教官。").looks_like == "CJK script"


def test_english_light_on_prose_is_still_english() -> None:
    # A recipe-style list scores under the prose threshold but has no other language's words.
    text = (
        "If you have done the programme, you know how the meal plan works.\n"
        "Breakfast: 2 eggs, 1 cup spinach, 1 slice whole-grain toast\n"
        "Lunch: grilled chicken salad with olive oil and lemon\n"
        "Snack: 1 apple, 2 tbsp. almond butter\n"
        "Dinner: baked salmon, brown rice, steamed broccoli\n"
        "Dessert: Greek yogurt with berries and honey\n"
    )
    assert guess_language(text).is_english


def test_english_article_quoting_a_spanish_phrase_is_english(article_text: str) -> None:
    text = article_text + '\n\nProtesters chanted "el pueblo unido jamás será vencido" outside the embassy.'
    assert guess_language(text).is_english


def test_no_words() -> None:
    guess = guess_language("12345 67890 ... !!!")
    assert not guess.is_english
    assert guess.describe() == "it has no words"
