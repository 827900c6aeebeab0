"""Names for actor codes, and codes for the words an analyst types.

A code such as ``RUSGOV`` or ``IGONATO`` means nothing to most readers; the dashboard, the API
and the PLOVER export show it beside its name ("RUSGOV — Russia, government"), taken from the
actor dictionary (countries, organisations) and the sector names in ``data/sector_names.tsv``.
The other way round, ``find_codes("the Kremlin")`` gives the codes the coder would assign to
those words (``RUSGOV``), so a search by name reaches events stored by code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from wirewatch.actors.dictionary import ActorDictionary, load_actor_dictionary

DATA = resources.files("wirewatch.actors") / "data"


@lru_cache(maxsize=1)
def sector_names() -> dict[str, str]:
    text = (DATA / "sector_names.tsv").read_text(encoding="utf-8")  # one short table, no quoted newlines
    return {row["code"]: row["name"] for row in csv.DictReader(text.splitlines(), delimiter="\t")}


@lru_cache(maxsize=1)
def _dictionary() -> ActorDictionary:
    return load_actor_dictionary()


@lru_cache(maxsize=1)
def _organisation_codes() -> dict[str, str]:
    return {o.code: o.name for o in _dictionary().organisations.values() if o.code}


def country_name(iso3: str | None) -> str | None:
    """The English short name of an ISO3 country (``RUS`` -> ``Russia``), or None."""
    country = _dictionary().country(iso3.upper()) if iso3 else None
    return country.names[0] if country and country.names else None


def _sectors(rest: str) -> list[str] | None:
    names = sector_names()
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    if any(len(p) != 3 or p not in names for p in parts):
        return None
    return [names[p] for p in parts]


def actor_name(code: str | None) -> str | None:
    """"Russia, government" for ``RUSGOV``; "European Union" for ``IGOEUREU``; None when unknown."""
    if not code:
        return None
    code = code.upper()
    # A country and its sectors first: RUSMED is "Russia, media", whichever outlet also has that code.
    country = country_name(code[:3])
    sectors = _sectors(code[3:])
    if country and sectors is not None:
        return ", ".join([country, *sectors])
    organisations = _organisation_codes()
    if code in organisations:
        return organisations[code]
    # The longest organisation code the code extends (IGOUNO + HCR is not listed, IGOUNO is).
    for length in range(len(code) - 3, 2, -3):
        base = organisations.get(code[:length])
        if base:
            sectors = _sectors(code[length:])
            return ", ".join([base, *sectors]) if sectors else base
    head = country or sector_names().get(code[:3])
    if head is None:
        return None
    sectors = _sectors(code[3:])
    return ", ".join([head, *sectors]) if sectors else head


def labelled(code: str | None) -> str | None:
    """``RUSGOV — Russia, government`` (the code alone when it has no name)."""
    if not code:
        return None
    name = actor_name(code)
    return f"{code} — {name}" if name else code


@dataclass(frozen=True, slots=True)
class CodeMatch:
    code: str
    name: str
    matched: str  # the dictionary entry the words matched ("Vladimir Putin", "Kremlin")

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "matched": self.matched}


def find_codes(words: str, limit: int = 20, today: date | None = None) -> list[CodeMatch]:
    """Codes the dictionary gives to entries whose names contain ``words`` (case-insensitive):
    countries by name or adjective, seats of power and capitals as the government (metonyms),
    people as their country and sector today, organisations by name or alias."""
    needle = " ".join(words.lower().replace("the ", " ").split())
    if len(needle) < 2:
        return []
    d = _dictionary()
    when = today or date.today()
    found: dict[str, CodeMatch] = {}

    def add(code: str | None, matched: str) -> None:
        if code and code not in found:
            found[code] = CodeMatch(code, actor_name(code) or code, matched)

    # Words match at the start of a word: "Russia" is not found inside "Belarussian".
    pattern = re.compile(r"(?<!\w)" + re.escape(needle))

    def hit(*names: str) -> str | None:
        return next((n for n in names if pattern.search(n.lower())), None)

    for country in d.countries.values():
        if (name := hit(*country.names, *country.adjectives)):
            add(country.iso3, name)
        if (name := hit(*country.seats, *country.capitals)):
            add(f"{country.iso3}GOV", name)
    for person in d.people.values():
        if (name := hit(person.name, *person.aliases)):
            add(person.code or (f"{person.country}{person.sector_on(when)}" if person.country else None), person.name)
    for organisation in d.organisations.values():
        if (name := hit(organisation.name, *organisation.aliases)):
            add(organisation.code, organisation.name)
    # Exact and prefix matches of the code itself first, then shorter codes (countries before sectors).
    ranked = sorted(found.values(), key=lambda m: (not m.code.startswith(needle.upper()), len(m.code), m.code))
    return ranked[:limit]
