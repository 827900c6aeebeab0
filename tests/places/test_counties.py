"""US counties: found by name inside longer names, placed by the article's own states and towns."""

from __future__ import annotations

from collections import Counter

from stage_lexicons import place_lexicons

from wirewatch.eval.geo import haversine_km
from wirewatch.places.counties import county_in, place_county
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.resolve import resolve_toponyms


def _resolved(gazetteer: Gazetteer, names: list[str]) -> dict[str, object]:
    return {r.text: r.place for r in resolve_toponyms(names, gazetteer, place_lexicons().toponyms)}


def test_county_names_come_with_their_states(gazetteer: Gazetteer) -> None:
    assert gazetteer.us_county_states("travis county") == ("TX",)
    assert set(gazetteer.us_county_states("cook county")) == {"GA", "IL", "MN"}
    assert gazetteer.us_county_states("kiambu county") == ()


def test_a_county_is_found_inside_an_institution_and_abbreviated(gazetteer: Gazetteer) -> None:
    assert county_in("the Cook County Sheriff's Office", gazetteer) == "cook county"
    assert county_in("Travis Co.", gazetteer) == "travis county"
    assert county_in("Orleans Parish", gazetteer) == "orleans parish"
    assert county_in("County Durham", gazetteer) is None  # not US counties
    assert county_in("Kiambu County", gazetteer) is None


def test_a_county_sits_at_the_articles_most_named_town_of_its_state(gazetteer: Gazetteer) -> None:
    evanston = gazetteer.lookup("Evanston")[0].place
    assert evanston.admin1 == "IL"
    place = place_county("cook county", gazetteer, Counter({"IL": 2}), Counter({evanston: 3}), True)
    assert place is not None and (place.kind, place.country, place.admin1) == ("county", "USA", "IL")
    assert (place.lat, place.lon) == (evanston.lat, evanston.lon)


def test_without_a_town_a_county_takes_its_states_point(gazetteer: Gazetteer) -> None:
    place = place_county("cook county", gazetteer, Counter({"MN": 1}), Counter(), True)
    minnesota = gazetteer.us_state("MN")
    assert place is not None and minnesota is not None and (place.lat, place.lon) == (minnesota.lat, minnesota.lon)


def test_a_county_of_many_states_needs_the_article_to_name_one(gazetteer: Gazetteer) -> None:
    assert place_county("cook county", gazetteer, Counter({"TX": 1}), Counter(), True) is None
    # A county name only one state has needs only that the article is about the US.
    assert place_county("travis county", gazetteer, Counter(), Counter(), True) is not None
    assert place_county("travis county", gazetteer, Counter(), Counter(), False) is None


def test_resolution_places_a_county_among_the_articles_places(gazetteer: Gazetteer) -> None:
    places = _resolved(gazetteer, ["Cook County", "Illinois", "Evanston", "Evanston", "Cook County Jail"])
    for name in ("Cook County", "Cook County Jail"):
        place = places[name]
        assert place is not None and place.kind == "county" and place.admin1 == "IL"
    assert haversine_km(places["Cook County"].lat, places["Cook County"].lon, 42.04, -87.69) < 5  # at Evanston


def test_a_county_named_after_a_state_is_not_that_state(gazetteer: Gazetteer) -> None:
    # "Ohio County" is not Ohio (the designator is local), nor "Texas County" Texas.
    place = _resolved(gazetteer, ["Texas County", "Missouri", "Springfield"])["Texas County"]
    assert place is not None and (place.kind, place.admin1) == ("county", "MO")


def test_a_county_named_after_a_big_town_elsewhere_is_in_the_articles_state(gazetteer: Gazetteer) -> None:
    # Trimmed, "Houston County" finds Houston, Texas; in a Georgia story it is Georgia's county.
    places = _resolved(gazetteer, ["Houston County", "Georgia", "Macon", "Macon"])
    county = places["Houston County"]
    assert county is not None and (county.kind, county.admin1) == ("county", "GA")
    # In a California story the trimmed name's town is in the county's state: the town is kept.
    town = _resolved(gazetteer, ["Orange County", "California"])["Orange County"]
    assert town is not None and (town.name, town.kind, town.admin1) == ("Orange", "city", "CA")
