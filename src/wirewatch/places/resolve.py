"""Toponym resolution: choose, for each place name of one article, the place it means.

1. Candidates: the gazetteer's exact matches; failing that, the name without designators
   ("Benue State" -> "Benue", "Orange County" -> "Orange", towns only after a local designator:
   "Ohio County" is not Ohio); failing that, the longest run of words inside it that names a
   place ("University of Alberta" -> "Alberta"; one word only if a region, state, country or a
   city of 100,000 people: "Rogers Centre" is not the town of Rogers).
2. A first choice for every name on its own: kind (country > region > state > city), population
   (cities of a million or more a little more), how the name matched (own name or alias >
   demonym > alternate name), and our aliases first.
3. The final choice adds the article's context: the countries and US states that the article's
   *other* names chose in step 2, so "Georgia" among Atlanta and Savannah is the state, and
   "Birmingham" beside Alabama is not the English city; and the towns they chose, so that of
   namesake towns the one near the article's others wins. A trimmed name that found a small town
   outside the article's countries (and states) stays unresolved: better no point than a namesake.
4. A name that is not a place of its own but is or holds a US county ("Daviess County", "the
   Walker County Sheriff's Office") is that county, placed by the article's states and towns
   (``places.counties``), before any trimmed namesake.
5. A name still unresolved may hold, as one of its words, a town of a state or province where
   the article names another place ("the Smithers Community Centre" among British Columbia towns).
6. A building, site or street left unresolved ("the Hillcrest Medical Center", "Elm Street") is
   in the town the article is about, when it has one: the town with most of its mentions of
   towns. A street's name is never searched for a place inside it ("Bedford Drive").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from wirewatch.places.counties import county_in, place_county
from wirewatch.places.distance import haversine_km
from wirewatch.places.gazetteer import (
    DATA,
    MATCH_ALT,
    MATCH_DEMONYM,
    MATCH_NAME,
    Candidate,
    Gazetteer,
    Place,
    name_key,
)

# Prior by kind, on the same scale as log10(population) for cities: a country outranks any city of
# the same name, a state outranks all but the largest cities.
_KIND_PRIOR = {"country": 9.0, "region": 8.6, "state": 7.3}
_MATCH_PENALTY = {MATCH_NAME: 0.0, MATCH_DEMONYM: 0.0, MATCH_ALT: 1.0}
_ALIAS_BONUS = 3.0
_CONTEXT_COUNTRY = 1.5  # another name in the article chose this country
_CONTEXT_COUNTRY_PER = 0.3  # ... and a little more for each further such name (up to 3)
_CONTEXT_STATE = 2.0  # another name chose this very US state ("Wash." beside "Washington")
_CONTEXT_IN_STATE = 1.0  # another name chose this city's state, or a place in it
_NEAR = 0.5  # ... or a town within _NEAR_KM of this one: an article's towns lie close together
_NEAR_KM = 161.0
_FALLBACK_PENALTY = 0.5  # the name had to be trimmed to find it
_WORLD_CITY = 1_000_000  # cities this large are known beyond their country: context sways them less
_WORLD_CITY_BONUS = 0.7
_INNER_CITY_MIN_POPULATION = 100_000
_WORD = re.compile(r"[\w.'-]+")


@dataclass(slots=True)
class Resolution:
    text: str
    place: Place | None
    match: str | None = None  # how the chosen place matched (see gazetteer MATCH_*)
    score: float = 0.0
    trimmed: bool = False  # found only after trimming the name


@dataclass(frozen=True, slots=True)
class ToponymWords:
    """The words of ``data/toponym_words.yaml``: what a name may be trimmed of before lookup."""

    designators: tuple[str, ...]
    local: frozenset[str]
    leading: tuple[str, ...]
    not_places: frozenset[str]
    facilities: frozenset[str] = frozenset()  # last words of buildings and sites ...
    streets: frozenset[str] = frozenset()  # ... and of streets, never searched inside


def read_toponym_words() -> ToponymWords:
    """The toponym words (``stages.Knowledge.load`` reads them once, in ``PlaceLexicons``)."""
    raw = yaml.safe_load((DATA / "toponym_words.yaml").read_text(encoding="utf-8")) or {}
    # Longest first, so "local government area" is stripped before "area".
    designators = tuple(sorted((d.casefold() for d in raw.get("designators", ())), key=len, reverse=True))
    leading = tuple(sorted((d.casefold() for d in raw.get("leading", ())), key=len, reverse=True))
    local = frozenset(d.casefold() for d in raw.get("local_designators", ()))
    return ToponymWords(designators, local, leading, frozenset(w.casefold() for w in raw.get("not_places", ())),
                        frozenset(w.casefold() for w in raw.get("facilities", ())),
                        frozenset(w.casefold() for w in raw.get("streets", ())))


def _trimmed_forms(name: str, words: ToponymWords) -> list[tuple[str, bool]]:
    """The name without possessive, designators and compass/leading words, most faithful first,
    each with whether a local designator ("County", "District") was cut off."""
    forms: list[tuple[str, bool]] = []
    base = re.sub(r"['\u2019]s?$", "", name.strip())
    queue = [(base, False)]
    while queue:
        current, local = queue.pop(0)
        key = current.casefold()
        for d in words.designators:
            if key.endswith(" " + d):
                queue.append((current[: -len(d) - 1].strip(), local or d in words.local))
        for lead in words.leading:
            if key.startswith(lead + " "):
                queue.append((current[len(lead) + 1 :].strip(), local))
        if current != name and current and all(current != f for f, _ in forms):
            forms.append((current, local))
    return forms


def candidates_for(name: str, gazetteer: Gazetteer, words: ToponymWords) -> tuple[list[Candidate], bool]:
    """Candidates for ``name`` and whether the name had to be trimmed or searched inside to find them."""
    found = gazetteer.lookup(name)
    if found:
        return found, False
    for form, local in _trimmed_forms(name, words):
        found = gazetteer.lookup(form)
        if local:  # "Ohio County" is a county in Kentucky, not the state of Ohio
            found = [c for c in found if c.place.kind == "city"]
        if found:
            return found, True
    if _last_word(name) in words.streets:
        return [], True
    return _inner_candidates(name, gazetteer, words.not_places), True


def _inner_candidates(name: str, gazetteer: Gazetteer, stop: frozenset[str]) -> list[Candidate]:
    # Longest run of capitalised words, not generic ones, that the gazetteer knows by a real name.
    words = _WORD.findall(name)
    for size in range(min(len(words) - 1, 4), 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if not run[0][:1].isupper() or run[0].casefold() in stop or run[-1].casefold() in stop:
                continue
            text = " ".join(run)
            found = [c for c in gazetteer.lookup(text) if size > 1 or _stands_alone(c)]
            if found:
                return found
    return []


def _town_inside(name: str, gazetteer: Gazetteer, words: ToponymWords,
                 states: Counter[tuple[str, str]]) -> Place | None:
    """A town that one word of a longer name names, in a state or province where the article names
    another place: "the Smithers Community Centre" among British Columbia towns. Small towns of
    one word are too many to trust inside a name anywhere else ("Rogers Centre" is no town Rogers)."""
    found = _WORD.findall(name)
    if len(found) < 2 or _last_word(name) in words.streets:
        return None
    for word in found:
        if not word[:1].isupper() or word.casefold() in words.not_places:
            continue
        towns = [c.place for c in gazetteer.lookup(word) if c.match == MATCH_NAME and c.place.kind == "city"
                 and states[(c.place.country or "", c.place.admin1 or "")]]
        if towns:
            return max(towns, key=lambda town: town.population)
    return None


def _stands_alone(cand: Candidate) -> bool:
    # One word inside a longer name ("Rogers Centre", "Marks Tey") is a place only when it is a
    # country, a region or a large city known by that very name ("Delhi High Court").
    if cand.place.kind != "city":
        return True
    return cand.match == MATCH_NAME and cand.place.population >= _INNER_CITY_MIN_POPULATION


def _base_score(cand: Candidate, aliased: bool) -> float:
    place = cand.place
    prior = _KIND_PRIOR.get(place.kind)
    if prior is None:
        prior = math.log10(place.population + 10)
        if place.population >= _WORLD_CITY:
            prior += _WORLD_CITY_BONUS
    score = prior - _MATCH_PENALTY[cand.match]
    if aliased and cand.match == MATCH_NAME:
        score += _ALIAS_BONUS
    return score


def _choose(
    cands: list[Candidate],
    aliased: bool,
    countries: Counter[str] | None = None,
    states: Counter[tuple[str, str]] | None = None,
    towns: Sequence[Place] = (),
) -> tuple[Candidate, float]:
    best: tuple[Candidate, float] | None = None
    for i, cand in enumerate(cands):
        # An alias is the first candidate by construction; only it gets the alias bonus.
        score = _base_score(cand, aliased and i == 0)
        place = cand.place
        if place.kind == "city" and _near_any(place, towns):
            score += _NEAR
        if countries and place.country and countries[place.country]:
            score += _CONTEXT_COUNTRY + _CONTEXT_COUNTRY_PER * min(countries[place.country] - 1, 3)
        if states and place.country and place.admin1 and states[(place.country, place.admin1)]:
            score += _CONTEXT_STATE if place.kind == "state" else _CONTEXT_IN_STATE
        if best is None or score > best[1]:
            best = (cand, score)
    assert best is not None
    return best


def _near_any(place: Place, towns: Sequence[Place]) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return any(town is not place and town.lat is not None and town.lon is not None
               and haversine_km(place.lat, place.lon, town.lat, town.lon) <= _NEAR_KM for town in towns)


def _in_context(place: Place, countries: Counter[str], states: Counter[tuple[str, str]]) -> bool:
    # Within the article's states when it names any of that country, else within its countries.
    if not place.country or not countries[place.country]:
        return False
    named_states = [s for (country, s) in states if country == place.country]
    return not named_states or place.admin1 in named_states


def _county(name: str, gazetteer: Gazetteer, first: dict[str, Candidate], mentions: Counter[str],
            countries: Counter[str], states: Counter[tuple[str, str]], found: Place | None) -> Place | None:
    """The US county the name holds, unless the trimmed name already found a town in the county's
    state (often the county's own seat or namesake)."""
    county = county_in(name, gazetteer)
    if county is None:
        return None
    key = name_key(name)
    us_states = Counter({code: n for (country, code), n in states.items() if country == "USA"})
    towns: Counter[Place] = Counter()
    for other, cand in first.items():
        if other != key and cand.place.kind == "city" and cand.place.country == "USA":
            towns[cand.place] += mentions[other]
    place = place_county(county, gazetteer, us_states, towns, countries["USA"] > 0)
    if place is None or (found is not None and found.kind == "city" and found.country == "USA"
                         and found.admin1 == place.admin1):
        return None
    return place


def _resolution(key: str, cands: list[Candidate], trimmed: bool, aliased: bool, countries: Counter[str],
                states: Counter[tuple[str, str]], towns: Sequence[Place]) -> Resolution:
    if not cands:
        return Resolution(key, None)
    cand, score = _choose(cands, aliased, countries, states, towns)
    if trimmed:
        score -= _FALLBACK_PENALTY
        # A trimmed name ("Walker County" -> "Walker") may have found a small namesake, not the
        # place itself; believe it only when the article is about that country anyway.
        if not _stands_alone(cand) and not _in_context(cand.place, countries, states):
            return Resolution(key, None)
    return Resolution(key, cand.place, cand.match, score, trimmed)


def _last_word(name: str) -> str:
    found = _WORD.findall(name)
    return found[-1].strip(".").casefold() if len(found) > 1 else ""


def _is_facility(name: str, words: ToponymWords) -> bool:
    last = _last_word(name)
    return last in words.facilities or last in words.streets


def _focus_town(key: str, first: dict[str, Candidate], mentions: Counter[str]) -> Place | None:
    """The town that has more than half of the article's mentions of towns (the other names'
    first choices), or None."""
    towns: Counter[Place] = Counter()
    for other, cand in first.items():
        if other != key and cand.place.kind == "city":
            towns[cand.place] += mentions[other]
    if not towns:
        return None
    top = max(towns, key=lambda town: towns[town])
    # Only a town the article is plainly about: with most mentions of towns split, the guess is
    # a coin toss (it was right about half the time on the held-back GeoWebNews half even so).
    return top if towns[top] * 2 > sum(towns.values()) else None


def resolve_toponyms(names: Sequence[str], gazetteer: Gazetteer, words: ToponymWords) -> list[Resolution]:
    """Resolve every name of one article together; the result is aligned with ``names``."""
    distinct: dict[str, tuple[list[Candidate], bool, bool]] = {}
    spelled: dict[str, str] = {}  # key -> the name as first written (a county is found by its capitals)
    for name in names:
        key = name_key(name)
        if key not in distinct:
            spelled[key] = name
            cands, trimmed = candidates_for(name, gazetteer, words)
            distinct[key] = (cands, trimmed, gazetteer.is_alias(name))

    first: dict[str, Candidate] = {}
    for key, (cands, _trimmed, aliased) in distinct.items():
        if cands:
            first[key] = _choose(cands, aliased)[0]

    mentions = Counter(name_key(name) for name in names)
    chosen: dict[str, Resolution] = {}
    for key, (cands, trimmed, aliased) in distinct.items():
        countries: Counter[str] = Counter()
        states: Counter[tuple[str, str]] = Counter()
        for other, cand in first.items():
            if other == key or cand.place.country is None:
                continue
            countries[cand.place.country] += 1
            if cand.place.admin1:
                states[(cand.place.country, cand.place.admin1)] += 1
        towns = [cand.place for other, cand in first.items() if other != key and cand.place.kind == "city"]
        resolution = _resolution(key, cands, trimmed, aliased, countries, states, towns)
        if trimmed or not cands:
            county = _county(spelled[key], gazetteer, first, mentions, countries, states, resolution.place)
            if county is not None:
                resolution = Resolution(key, county, MATCH_NAME, 0.0, True)
        if resolution.place is None:
            town = _town_inside(spelled[key], gazetteer, words, states)
            if town is not None:
                resolution = Resolution(key, town, MATCH_NAME, 0.0, True)
        if resolution.place is None and _is_facility(spelled[key], words):
            town = _focus_town(key, first, mentions)
            if town is not None:
                resolution = Resolution(key, town, MATCH_NAME, 0.0, True)
        chosen[key] = resolution

    out = []
    for name in names:
        r = chosen[name_key(name)]
        out.append(Resolution(name, r.place, r.match, r.score, r.trimmed))
    return out
