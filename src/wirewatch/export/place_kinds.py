"""What kind of place an event's place is (a country, a first-level division, a city, a region),
for the layouts that type places: GDELT's ActionGeo_Type and PLOVER's location resolution.

The store keeps the place's GeoNames id; the kind comes from the same offline gazetteer that
resolved it. A place the gazetteer does not know by id is a country when its name is its
country's name, else unknown (never guessed to be a city).
"""

from __future__ import annotations

from functools import lru_cache

from wirewatch.actors.names import country_name


@lru_cache(maxsize=4096)
def place_kind(geonameid: int | None, name: str | None, country: str | None) -> str | None:
    if geonameid is not None:
        from wirewatch.places.gazetteer import default_gazetteer

        place = default_gazetteer().by_id(int(geonameid))
        if place is not None:
            return place.kind
    if name and country and name == country_name(country):
        return "country"
    return None
