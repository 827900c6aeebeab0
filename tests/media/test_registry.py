"""The state-media registry: lookups by name, alias, domain and URL; files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.media.registry import (
    FLAGGED_OWNERSHIP,
    StateOutlet,
    default_registry,
    domain_of,
    load_registry,
    lookup_outlet,
    read_registry_file,
    write_registry_file,
)


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("RT", "RT", "RUS"),
        ("Russia Today", "RT", "RUS"),
        ("RT en Español", "RT en Español", "RUS"),
        ("Sputnik Mundo", "Sputnik Mundo", "RUS"),
        ("the Global Times", "Global Times", "CHN"),
        ("Xinhua News Agency", "Xinhua", "CHN"),
        ("PressTV", "Press TV", "IRN"),
        ("teleSUR", "teleSUR", "VEN"),
        ("Prensa Latina", "Prensa Latina", "CUB"),
        ("RT's", "RT", "RUS"),
    ],
)
def test_major_state_outlets_by_name(query, name, country):
    outlet = lookup_outlet(query)
    assert outlet is not None, query
    assert (outlet.name, outlet.country) == (name, country)
    assert outlet.state_affiliated


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("rt.com", "RT"),
        ("https://actualidad.rt.com/actualidad/123-noticia", "RT en Español"),
        ("www.cgtn.com", "CGTN"),
        ("http://english.news.cn/20240101/abc.htm", "Xinhua"),
        ("sputnikglobe.com", "Sputnik"),
    ],
)
def test_domains_and_subdomains(query, name):
    outlet = lookup_outlet(query)
    assert outlet is not None and outlet.name == name


def test_short_aliases_need_their_case_and_others_are_not_state_media():
    assert lookup_outlet("rt") is None  # a word, not the outlet
    assert lookup_outlet("Daily Mail") is None
    assert lookup_outlet("dailymail.co.uk") is None
    assert lookup_outlet("") is None
    bbc = lookup_outlet("BBC")
    assert bbc is not None and not bbc.state_affiliated  # public, editorially independent
    assert not default_registry().is_state_media("BBC News")
    assert default_registry().is_state_media("https://www.presstv.ir/Detail/2024")


def test_domain_of():
    assert domain_of("https://www.rt.com/news/1") == "rt.com"
    assert domain_of("RT.com") == "rt.com"
    assert domain_of("Russia Today") is None
    assert domain_of("Mr. Smith") is None


def test_user_file_adds_outlets_and_round_trips(tmp_path: Path):
    extra = [StateOutlet("Radio Example", "ESP", "captured_public", ("RadEx",), ("radioexample.es",))]
    path = tmp_path / "mine.yaml"
    assert write_registry_file(extra, path) == 1
    assert read_registry_file(path) == extra
    registry = load_registry((path,))
    assert registry.lookup("news.radioexample.es").name == "Radio Example"
    assert registry.is_state_media("RadEx")
    assert registry.lookup("RT").name == "RT"  # built-in outlets stay


def test_bad_files_are_named(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("outlets:\n  - {name: X News, country: RUS, ownership: owned}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="ownership 'owned' is not one of"):
        read_registry_file(bad)
    bad.write_text("outlets:\n  - {name: X News, country: Russia, ownership: state_controlled}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="not an ISO3 code"):
        read_registry_file(bad)
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="'outlets' list"):
        read_registry_file(bad)
    with pytest.raises(DictionaryError, match="cannot read"):
        read_registry_file(tmp_path / "missing.yaml")


def test_env_lists_extra_files(tmp_path: Path, monkeypatch):
    path = tmp_path / "env.yaml"
    write_registry_file([StateOutlet("Canal Ejemplo", "VEN", "state_controlled", (), ("canalejemplo.ve",))], path)
    monkeypatch.setenv("WIREWATCH_STATE_MEDIA", str(path))
    assert lookup_outlet("canalejemplo.ve").name == "Canal Ejemplo"
    assert set(FLAGGED_OWNERSHIP) == {"state_controlled", "captured_public", "captured_private"}


def test_the_stages_are_handed_the_registry_of_the_settings_files(tmp_path: Path, monkeypatch):
    """Settings read WIREWATCH_STATE_MEDIA; the MediaKnowledge built from them (what Knowledge.load
    hands the stages) and the article reader flag the added outlet, the built-in one does not."""
    from wirewatch.ingest.article import article_from_string
    from wirewatch.media.credits import MediaKnowledge
    from wirewatch.settings import Settings

    path = tmp_path / "extra.yaml"
    write_registry_file([StateOutlet("Canal Ejemplo", "VEN", "state_controlled", ("CE Noticias",),
                                     ("canalejemplo.ve",))], path)
    monkeypatch.setenv("WIREWATCH_STATE_MEDIA", str(path))
    settings = Settings.from_env()
    assert settings.state_media_files == (path,)
    media = MediaKnowledge.load(settings.state_media_files)
    assert media.registry is load_registry((path,))  # one registry per file set, shared with the reader
    assert media.agency_named("CE Noticias") == "Canal Ejemplo"
    assert MediaKnowledge.load().agency_named("CE Noticias") is None
    text = "The minister said the talks would resume on Monday in the capital, officials confirmed."
    assert article_from_string(text, settings=settings, url="https://canalejemplo.ve/a").state_media
    assert not article_from_string(text, settings=Settings(), url="https://canalejemplo.ve/a").state_media


def test_remembered_lookups_follow_added_outlets():
    """Lookups are remembered (claims ask about the same outlets per claim); adding an outlet
    forgets them, so the new one is found."""
    from wirewatch.media.registry import MediaRegistry

    registry = MediaRegistry()
    assert registry.lookup("Gondor Herald") is None and not registry.is_state_media("Gondor Herald")
    registry.add(StateOutlet(name="Gondor Herald", country="GON", ownership="state_controlled"))
    assert registry.lookup("Gondor Herald").name == "Gondor Herald"
    assert registry.is_state_media("the Gondor Herald") and registry.is_state_media("Gondor Herald")
