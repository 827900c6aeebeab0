"""Read a GeoNames dump in the ``allCountries.txt`` layout (or one country's file, ``RU.txt``).

The layout is tab-separated, one place a line, 19 columns (https://download.geonames.org/export/dump/):
geonameid, name, asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
feature code, country code (ISO2), cc2, admin1, admin2, admin3, admin4, population, elevation, dem,
timezone, modification date.

Only the feature classes news writes about are kept (administrative areas, populated places,
regions, water bodies and landforms); a full dump has 12 million lines, so alternate names are kept
only for places of some size (``ALT_NAMES_MIN_POPULATION``) or any administrative area or region,
which keeps memory to a few hundred megabytes. Nothing is downloaded: the user supplies the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import DictionaryError

COLUMNS = 19
# Feature class -> our place kind (see gazetteer.Place.kind).
KIND_OF_CLASS = {"P": "city", "A": "state", "L": "region", "H": "region", "T": "region"}
# Country-level administrative codes: these are countries, which the built-in gazetteer already has.
COUNTRY_CODES = {"PCL", "PCLI", "PCLD", "PCLF", "PCLIX", "PCLS"}
ALT_NAMES_MIN_POPULATION = 1000


@dataclass(frozen=True, slots=True)
class DumpEntry:
    geonameid: int
    name: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_iso2: str
    admin1: str | None
    population: int

    @property
    def kind(self) -> str:
        if self.feature_class == "A" and self.feature_code in COUNTRY_CODES:
            return "country"
        return KIND_OF_CLASS[self.feature_class]


def read_dump(path: Path) -> Iterator[DumpEntry]:
    """The kept places of a GeoNames dump; a malformed line raises ``DictionaryError`` naming it."""
    if not path.is_file():
        raise DictionaryError(str(path), "GeoNames dump not found (expected a file in the allCountries.txt layout)")
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != COLUMNS:
                raise DictionaryError(str(path), f"expected {COLUMNS} tab-separated columns (allCountries.txt layout), "
                                      f"got {len(cells)}", number)
            if cells[6] not in KIND_OF_CLASS:
                continue
            try:
                population = int(cells[14] or 0)
                entry = DumpEntry(
                    geonameid=int(cells[0]), name=cells[1].strip(),
                    alternate_names=tuple(a.strip() for a in cells[3].split(",") if a.strip())
                    if population >= ALT_NAMES_MIN_POPULATION or cells[6] in ("A", "L") else (),
                    lat=float(cells[4]), lon=float(cells[5]), feature_class=cells[6], feature_code=cells[7],
                    country_iso2=cells[8].strip(), admin1=cells[10].strip() or None, population=population,
                )
            except ValueError as exc:
                raise DictionaryError(str(path), f"bad number in a GeoNames line ({exc})", number) from exc
            if entry.name:
                yield entry
