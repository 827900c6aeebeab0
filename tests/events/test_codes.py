"""The CAMEO table and the CAMEO -> PLOVER 2.0 mapping."""

from __future__ import annotations

import pytest

from wirewatch.events.codes import PLOVER_TYPES, quad_class_of_root, read_cameo_table

TABLE = read_cameo_table()
lookup = TABLE.lookup


@pytest.mark.parametrize(
    "code, name, goldstein, quad, plover",
    [
        ("057", "Sign formal agreement", 8.0, 1, "SUPPORT"),
        ("0332", "Express intent to provide military aid", 5.2, 1, "AGREE"),
        ("072", "Provide military aid", 8.3, 2, "AID"),
        ("150", "Demonstrate military or police power", -7.2, 4, "MOBILIZE"),
        ("154", "Mobilize or increase armed forces", -7.2, 4, "MOBILIZE"),
        ("1041", "Demand change in leadership", -5.0, 3, "REQUEST"),
        ("112", "Accuse", -2.0, 3, "ACCUSE"),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION"),
        ("173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE"),
        ("190", "Use conventional military force", -10.0, 4, "ASSAULT"),
    ],
)
def test_known_codes(code: str, name: str, goldstein: float, quad: int, plover: str) -> None:
    entry = lookup(code)
    assert (entry.name, entry.goldstein, entry.quad_class, entry.plover_type) == (name, goldstein, quad, plover)
    assert entry.root == code[:2]


def test_exhibit_force_posture_is_material_conflict() -> None:
    # 15x: GDELT/ICEWS quad classes 1..4 = verbal coop, material coop, verbal conflict, material conflict
    assert {lookup(c).quad_class for c in TABLE.codes if c.startswith("15")} == {4}
    assert lookup("154").plover_mode == "troops" and "military" in lookup("154").plover_contexts


def test_every_root_is_in_the_table() -> None:
    for n in range(1, 21):
        root = f"{n:02d}"
        assert lookup(root).root == root


def test_every_code_after_public_statements_has_a_plover_2_type() -> None:
    for code, entry in TABLE.codes.items():
        if code.startswith("01"):
            assert entry.plover_type is None
        else:
            assert entry.plover_type in PLOVER_TYPES, code


def test_plover_2_follows_the_manual_where_the_2021_table_differs() -> None:
    assert lookup("163").plover_type == "SANCTION"  # sanctions are SANCTION "discontinue"
    assert lookup("0233").plover_type == "REQUEST"  # appeals are requests


@pytest.mark.parametrize("root, quad", [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)])
def test_quad_class_of_root(root: str, quad: int) -> None:
    assert quad_class_of_root(root) == quad


def test_unknown_code_names_itself() -> None:
    with pytest.raises(KeyError, match="'999' is not a CAMEO code"):
        lookup("999")
