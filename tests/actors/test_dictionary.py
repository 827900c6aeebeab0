"""The actor dictionary: built-in coverage, terms of office, user layers and clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.errors import DictionaryError

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"]
LATIN_AMERICA = ["VEN", "CUB", "NIC", "COL", "CHL", "PER", "ECU", "BOL", "URY", "PRY", "PAN", "CRI", "SLV", "HND",
                 "GTM", "DOM", "HTI"]
WARS = ["UKR", "RUS", "ISR", "PSE", "SDN", "MMR", "YEM", "SYR", "LBN", "IRN"]


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


@pytest.mark.parametrize("iso3", G20 + LATIN_AMERICA + WARS)
def test_key_countries_have_adjectives_and_capitals(dictionary, iso3: str) -> None:
    country = dictionary.country(iso3)
    assert country is not None and country.adjectives and country.capitals, iso3


def test_seats_of_power_are_listed(dictionary) -> None:
    assert "Kremlin" in dictionary.country("RUS").seats
    assert "White House" in dictionary.country("USA").seats
    assert "Caracas" in dictionary.country("VEN").capitals


def test_every_country_of_the_world_is_known_by_name(dictionary) -> None:
    assert len(dictionary.countries) >= 240
    assert dictionary.country("AND").names == ("Andorra",)


@pytest.mark.parametrize(
    "name, when, code",
    [
        ("Donald Trump", date(2019, 6, 1), "USAGOV"),
        ("Donald Trump", date(2022, 6, 1), "USAELI"),
        ("Donald Trump", date(2025, 11, 1), "USAGOV"),
        ("Vladimir Putin", date(2025, 11, 1), "RUSGOV"),
        ("Nicolás Maduro", date(2024, 1, 1), "VENGOV"),
        ("Kyrylo Budanov", date(2025, 11, 1), "UKRSPY"),
        ("Oleg Makarevich", date(2025, 11, 1), "RUSMIL"),
        ("Joe Biden", date(2023, 1, 1), "USAGOV"),
        # the 2010s office holders: a senator who became a minister, a spy chief who became one
        ("John Kerry", date(2010, 6, 1), "USALEG"),
        ("John Kerry", date(2015, 6, 1), "USAGOV"),
        ("John Kerry", date(2018, 6, 1), "USAELI"),
        ("Mike Pompeo", date(2017, 6, 1), "USASPY"),
        ("Mike Pompeo", date(2019, 6, 1), "USAGOV"),
        ("Petro Poroshenko", date(2017, 3, 27), "UKRGOV"),
        ("Petro Poroshenko", date(2020, 1, 1), "UKRLEG"),
        ("Shinzo Abe", date(2016, 6, 1), "JPNGOV"),
        # the past's heads of government, still named in histories and comparisons
        ("Jimmy Carter", date(1979, 6, 1), "USAGOV"),
        ("Jimmy Carter", date(2015, 12, 10), "USAELI"),
        ("Mikhail Gorbachev", date(1988, 6, 1), "RUSGOV"),
        # the 2016 campaign: a senator on the ticket, a party chief who went into government
        ("Tim Kaine", date(2016, 9, 1), "USALEG"),
        ("Reince Priebus", date(2016, 9, 1), "USAPTY"),
        ("Reince Priebus", date(2017, 3, 1), "USAGOV"),
        ("Jeff Sessions", date(2016, 9, 1), "USALEG"),
        ("Jeff Sessions", date(2017, 6, 1), "USAGOV"),
        # heads of state of the 2010s beyond the G20: a general who came back as an elected president
        ("Muhammadu Buhari", date(1984, 6, 1), "NGAMIL"),
        ("Muhammadu Buhari", date(2016, 6, 1), "NGAGOV"),
        ("Bukola Saraki", date(2016, 6, 1), "NGALEG"),
    ],
)
def test_leaders_are_coded_by_date(dictionary, name: str, when: date, code: str) -> None:
    person = dictionary.people[name]
    assert f"{person.country}{person.sector_on(when)}" == code


def test_no_two_people_share_an_alias(dictionary) -> None:
    # A bare surname can name one person only: two holders of it would code each other's acts.
    seen: dict[str, str] = {}
    for person in dictionary.people.values():
        for alias in (person.name, *person.aliases):
            assert seen.setdefault(alias, person.name) == person.name, (alias, seen[alias], person.name)


def test_state_media_are_flagged(dictionary) -> None:
    for name in ("RT", "Sputnik", "CGTN", "Xinhua", "teleSUR"):
        org = dictionary.organisations[name]
        assert org.state_media and org.sector == "MED", name
    assert not dictionary.organisations["Reuters"].state_media
    assert "Sputnik Mundo" in dictionary.organisations["Sputnik"].aliases


def test_state_media_flags_come_from_the_media_registry(dictionary) -> None:
    from wirewatch.media.registry import default_registry

    registry = default_registry()
    for org in dictionary.organisations.values():
        flagged = org.kind == "outlet" and any(registry.is_state_media(n) for n in (org.name, *org.aliases))
        assert org.state_media == flagged, org.name
    # State money with editorial independence is recorded by the registry but not flagged.
    assert not dictionary.organisations["Al Jazeera"].state_media


def test_sector_words_cover_the_seed(dictionary) -> None:
    words = dictionary.sector_words
    assert words["army"] == words["troop"] == words["warship"] == "MIL"
    assert words["government"] == "GOV" and words["police"] == "COP" and words["rebel"] == "REB"
    assert words["intelligence"] == "SPY" and words["outlet"] == "MED" and words["opposition"] == "OPP"


def test_user_files_are_layered_on_top(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n"
        "  - {name: Delcy Rodríguez, aliases: [Delcy], country: VEN, terms: [{sector: GOV, start: 2026-01-03}]}\n"
        "  - {name: Ana Example, aliases: [Example], country: ARG, terms: [], otherwise: OPP}\n"
        "sectors:\n  MIL: [cyber command]\n",
        encoding="utf-8",
    )
    d = load_actor_dictionary([extra])
    assert d.people["Ana Example"].sector_on(date(2025, 1, 1)) == "OPP"
    assert d.people["Delcy Rodríguez"].aliases == ("Delcy",)  # replaced, not merged
    assert d.sector_words["cyber command"] == "MIL"
    assert d.sector_words["army"] == "MIL"  # built-ins still there


def test_a_user_file_adds_relation_nouns_to_the_built_in_ones(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("relations: [Protector]\n", encoding="utf-8")
    d = load_actor_dictionary([extra])
    assert {"protector", "ally", "partner"} <= d.relation_words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("countries:\n  - {names: [Atlantis]}\n", "countries[0]: missing or empty 'iso3'"),
        ("countries:\n  - {iso3: ATLX}\n", "iso3 'ATLX' must be 3 upper-case letters"),
        ("people:\n  - {name: X, country: RUS, terms: [{sector: GOV, start: someday}]}\n",
         "people[0] (X): 'someday' is not an ISO date"),
        ("people:\n  - {name: Y, terms: []}\n", "people[0] (Y): needs a 'country' or a 'code'"),
        ("organisations:\n  - {name: Z, country: RUS, kind: blog}\n", "kind 'blog' is not one of"),
        ("actors: []\n", "unknown top-level keys ['actors']"),
        ("countries: [\n", "not valid YAML"),
        ("relations: [ally, 3]\n", "'relations' must be a list of non-empty strings"),
    ],
)
def test_malformed_files_name_file_and_entry(tmp_path: Path, text: str, expected: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        load_actor_dictionary([bad])
    assert str(bad) in str(err.value)
    assert expected in str(err.value)


def test_missing_user_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        load_actor_dictionary([tmp_path / "absent.yaml"])
