"""The CAMEO code table and the CAMEO -> PLOVER 2.0 mapping, read from ``events/data``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import DictionaryError

DATA = Path(__file__).parent / "data"
CODES_FILE = DATA / "cameo_codes.tsv"
PLOVER_FILE = DATA / "cameo_plover.tsv"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Quad classes follow the GDELT/ICEWS convention: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict (01-05, 06-08, 09-13, 14-20).
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def quad_class_of_root(root: str) -> int:
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"CAMEO root {root!r} is not between 01 and 20")
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None  # None for 01x public statements, which PLOVER does not code
    plover_mode: str | None
    plover_contexts: tuple[str, ...]


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise DictionaryError(str(path), f"expected {width} tab-separated cells, got {len(cells)}", line_no)
        rows.append((line_no, cells))
    return rows


@dataclass(frozen=True, slots=True)
class CameoTable:
    """Every CAMEO code, keyed by its code string ("057", "1384", "15"). Read once per process
    (``events.lexicons.EventLexicons.load``) and handed to the coders with the event lexicons."""

    codes: dict[str, CameoCode]

    def lookup(self, code: str) -> CameoCode:
        """The CAMEO entry for ``code``; raises ``KeyError`` naming the code when it is not a CAMEO code."""
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a CAMEO code (see {CODES_FILE.name})") from None

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def read_cameo_table() -> CameoTable:
    """The code table from ``CODES_FILE`` with each code's PLOVER type from ``PLOVER_FILE``."""
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line_no, (code, ptype, mode, contexts) in _rows(PLOVER_FILE, 4):
        if ptype not in PLOVER_TYPES:
            raise DictionaryError(str(PLOVER_FILE), f"unknown PLOVER type {ptype!r} for {code}", line_no)
        plover[code] = (ptype, mode or None, tuple(c for c in contexts.split(";") if c))
    table: dict[str, CameoCode] = {}
    for line_no, (code, name, weight) in _rows(CODES_FILE, 3):
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise DictionaryError(str(CODES_FILE), f"bad CAMEO code {code!r}", line_no)
        plover_type, plover_mode, plover_contexts = plover.get(code, (None, None, ()))
        table[code] = CameoCode(
            code=code, name=name, root=code[:2], quad_class=quad_class_of_root(code[:2]),
            goldstein=float(weight), plover_type=plover_type, plover_mode=plover_mode, plover_contexts=plover_contexts,
        )
    return CameoTable(table)
