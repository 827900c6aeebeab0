"""Importing the State Media Matrix CSV layout (a small file written here, and the real one
when ../shared is present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.media.matrix_import import country_iso3, import_matrix_csv
from wirewatch.media.registry import load_registry, write_registry_file

pytestmark = [pytest.mark.needs_shared]

HEADER = "Region,Country,Media company,Main assets,URL,Typology,Status,Notes\n"
ROWS = (
    "Europe,Ruritania,Ruritanian State Broadcasting*,Television: Ruritania One (R1),https://www.r1.example/,SC,,\n"
    "Europe,Ruritania,Ruritanian State Broadcasting*,Television: Ruritania One (R1),https://news.r1-tv.example/,SC,,\n"
    "Europe,Germany,Deutsche Welle,DW,https://www.dw.com/,ISF,,\n"
    "Asia,China,China Media Group,China Global Television Network (CGTN),https://www.cgtn.com/,SC,,\n"
    "Asia,Nowhere,Some Group,,https://x.example/,SC,,\n"
    "Asia,China,Other Group,Mystery Channel,https://y.example/,ZZ,,\n"
)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "matrix.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_become_outlets(tmp_path: Path):
    result = import_matrix_csv(_csv(tmp_path, HEADER + ROWS))
    assert result.rows == 6
    by_name = {o.name: o for o in result.outlets}
    r1 = by_name["Ruritania One"]  # the medium before the colon is dropped, the acronym kept
    assert r1.aliases == ("R1",)
    assert r1.domains == ("r1.example", "news.r1-tv.example")  # two rows merged
    assert r1.ownership == "state_controlled" and r1.state_affiliated
    assert r1.country is None  # a country GeoNames does not know stays unknown
    assert r1.parent == "Ruritanian State Broadcasting"
    dw = by_name["DW"]
    assert dw.country == "DEU" and dw.ownership == "independent_state_funded" and not dw.state_affiliated
    assert by_name["China Global Television Network"].country == "CHN"
    assert len(result.skipped) == 2
    assert any("no outlet name" in s for s in result.skipped)
    assert any("unknown typology 'ZZ'" in s for s in result.skipped)


def test_imported_file_feeds_the_registry(tmp_path: Path):
    result = import_matrix_csv(_csv(tmp_path, HEADER + ROWS))
    path = tmp_path / "registry.yaml"
    write_registry_file(result.outlets, path)
    registry = load_registry((path,))
    assert registry.lookup("https://news.r1-tv.example/politics").name == "Ruritania One"
    assert registry.is_state_media("R1")


def test_not_a_matrix_csv_is_named(tmp_path: Path):
    with pytest.raises(DictionaryError, match="missing column"):
        import_matrix_csv(_csv(tmp_path, "name,url\nX,y\n"))
    with pytest.raises(DictionaryError, match="cannot read"):
        import_matrix_csv(tmp_path / "absent.csv")


def test_country_names():
    assert country_iso3("Russia") == "RUS"
    assert country_iso3("Russian Federation") == "RUS"
    assert country_iso3("Venezuela") == "VEN"
    assert country_iso3("Atlantis") is None


def test_the_state_media_matrix(shared_data: Path):
    path = shared_data / "state_media" / "State_Media_Matrix.csv"
    if not path.exists():
        pytest.skip(f"needs {path}")
    result = import_matrix_csv(path)
    assert len(result.outlets) > 500
    names = {o.name for o in result.outlets if o.country == "RUS" and o.state_affiliated}
    assert {"TASS", "RIA Novosti"} <= names
    domains = {d for o in result.outlets for d in o.domains}
    assert "rt.com" in domains and "cgtn.com" in domains
