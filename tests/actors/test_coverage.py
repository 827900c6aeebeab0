"""Coverage of the actor dictionary and article-level coreference: ministers by date, armed groups,
NGOs, ethnic groups, stance prefixes, and later mentions of a person named in full before."""

from __future__ import annotations

import pytest
from stage_lexicons import coreference, media

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def codes(nlp, dictionary, text: str, published_at: str = "2025-11-01") -> dict[str, str | None]:
    article = Article(article_id="t", text=text, published_at=published_at)
    return {m.text: m.code for m in find_mentions(nlp(text), article, dictionary, coreference(), media())}


@pytest.mark.parametrize(
    "text, published_at, span, code",
    [
        # a leader's code depends on the article's date
        ("Hakan Fidan met the delegation in Ankara.", "2020-05-01", "Hakan Fidan", "TURSPY"),
        ("Hakan Fidan met the delegation in Ankara.", "2024-05-01", "Hakan Fidan", "TURGOV"),
        ("Hemedti addressed his fighters near Khartoum.", "2022-01-10", "Hemedti", "SDNGOV"),
        ("Hemedti addressed his fighters near Khartoum.", "2024-01-10", "Hemedti", "SDNREB"),
        ("Boris Pistorius visited the brigade in Lithuania.", "2024-04-01", "Boris Pistorius", "DEUGOV"),
        ("Jaishankar spoke to reporters in Delhi.", "2025-02-01", "Jaishankar", "INDGOV"),
        # armed groups, IGOs and NGOs
        ("The Rapid Support Forces shelled El Fasher.", "2025-01-01", "Rapid Support Forces", "SDNREB"),
        ("ECOWAS suspended Niger.", "2024-01-01", "ECOWAS", "IGOWAFWAS"),
        ("Amnesty International condemned the arrests.", "2024-01-01", "Amnesty International", "NGOHRIAMN"),
        # state institutions known by their own name, and armed groups of the 2010s
        ("The Verkhovna Rada passed the law on Thursday.", "2017-03-01", "Verkhovna Rada", "UKRLEG"),
        ("The Knesset voted to dissolve itself.", "2019-05-30", "Knesset", "ISRLEG"),
        ("The FBI opened an investigation.", "2016-07-01", "FBI", "USACOP"),
        ("The YPG shelled Turkish positions near Afrin.", "2018-01-23", "YPG", "SYRREB"),
        ("The Venice Commission criticised the bill.", "2018-03-01", "Venice Commission", "IGOEURCOE"),
        # "Northern Ireland" is part of the United Kingdom, not Ireland
        ("Police in Northern Ireland arrested two men.", "2024-01-01", "Northern Ireland", "GBR"),
    ],
)
def test_known_actors(nlp, dictionary, text: str, published_at: str, span: str, code: str) -> None:
    found = codes(nlp, dictionary, text, published_at)
    assert found.get(span) == code, found


def test_a_stance_prefix_is_not_a_nationality(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "A prominent anti-Syria journalist was killed in Beirut.")
    assert not any(c and c.startswith("SYR") for c in found.values()), found


def test_bosnian_serbs_belong_to_bosnia(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "Bosnian Serbs shelled the town.")
    assert found.get("Bosnian Serbs") == "BIH", found


def test_an_ethnic_group_is_not_the_state(nlp, dictionary) -> None:
    found = codes(nlp, dictionary, "Ethnic Albanian guerrillas attacked a police station.")
    assert not any(c and c.startswith("ALB") for c in found.values()), found


def test_a_surname_takes_the_code_of_the_earlier_full_mention(nlp, dictionary) -> None:
    text = ("Algerian President Abdelaziz Bouteflika met the envoy on Monday. "
            "Later, Bouteflika said the talks had failed.")
    article = Article(article_id="t", text=text, published_at="2001-01-01")
    found = [(m.text, m.code) for m in find_mentions(nlp(text), article, dictionary, coreference(), media())]
    assert ("Bouteflika", "DZAGOV") in found, found


def test_user_files_come_from_the_environment(tmp_path, monkeypatch) -> None:
    import os
    from pathlib import Path

    from wirewatch.settings import Settings

    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    monkeypatch.setenv("WIREWATCH_ACTORS", os.pathsep.join([str(a), str(b)]))
    assert Settings.from_env().actor_files == (Path(a), Path(b))
    monkeypatch.delenv("WIREWATCH_ACTORS")
    assert Settings.from_env().actor_files == ()
