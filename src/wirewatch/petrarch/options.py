"""PETRARCH's coding options (the ``[Options]`` of ``PETR_config.ini``, or ``<Config>`` records).

- ``require_dyad``: an event needs a source and a target (default on);
- ``new_actor_length``: a noun phrase with no dictionary actor or agent becomes an actor coded by
  its own words ("THE MINISTRY OF MAGIC") when it has at most this many words; 0 turns it off;
- ``comma_*``: comma-delimited clauses whose length in words lies within the bounds are removed
  before coding: ``comma_min``/``comma_max`` for clauses between two commas, ``comma_bmin``/
  ``comma_bmax`` for the clause before the first comma, ``comma_emin``/``comma_emax`` for the one
  after the last; a maximum of 0 turns that check off. PETRARCH's defaults are 2–8 inside, 2–8 at
  the end and off at the beginning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from wirewatch.errors import DictionaryError

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True, slots=True)
class CoderOptions:
    require_dyad: bool = True
    new_actor_length: int = 0
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8

    @classmethod
    def from_config(cls, config: Mapping[str, str], base: CoderOptions | None = None) -> CoderOptions:
        """Options from ``name -> value`` strings; names PETRARCH has but the coder does not use
        (``stop_on_error``, output options) are passed over, a bad value raises."""
        out = base or cls()
        known = {f.name: f.type for f in fields(cls)}
        changes: dict[str, Any] = {}  # each value checked against its field's kind below
        for name, raw in config.items():
            key, value = name.strip().lower(), str(raw).strip()
            if key not in known:
                continue
            if key == "require_dyad":
                if value.lower() not in _TRUE | _FALSE:
                    raise DictionaryError("config", f"option {name}={raw!r} is not true or false")
                changes[key] = value.lower() in _TRUE
            else:
                try:
                    number = int(value)
                except ValueError:
                    raise DictionaryError("config", f"option {name}={raw!r} is not a whole number") from None
                if number < 0:
                    raise DictionaryError("config", f"option {name}={raw!r} is negative")
                changes[key] = number
        return replace(out, **changes) if changes else out
