"""Is a claim's speaker coded right? Gold actor codes for GUM's speakers, and how a code is judged.

The gold codes are our own annotation (``eval/data/gum_speaker_codes.yaml``, its header gives the
convention): per document, one of a gold entity's mentions as the key and the code an expert
event coder would give it, "none" where no actor code applies, "A or B" where coders could
disagree. The speakers suite scores, for every claim whose gold speaker entity has a code, the
claim's ``speaker_code`` against it; a claim whose gold entity is "none" is right when it is
uncoded. Codes compare on their country (three characters) and first sector (the next three):
"IGOUNOWHO" is right for "IGOUNO"; a bare country ("RUS") is right for the country or its
government, since a state speaks through its government.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Protocol

import yaml

from wirewatch.errors import EvalDataError

NONE = "none"
# Error classes, in the order the report lists them.
ERRORS = ("country_wrong", "sector_wrong", "not_coded", "coded_where_none")


class _Mention(Protocol):
    text: str


def load_codes(path: Path | None = None) -> dict[str, dict[str, tuple[str, ...]]]:
    """document -> key -> accepted codes (``("none",)`` where none applies)."""
    if path is None:
        text = resources.files("wirewatch.eval").joinpath("data/gum_speaker_codes.yaml").read_text(encoding="utf-8")
        where = "gum_speaker_codes.yaml"
    else:
        text, where = path.read_text(encoding="utf-8"), str(path)
    raw = yaml.safe_load(text) or {}
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for document, keys in raw.items():
        if not isinstance(keys, dict):
            raise EvalDataError(f"{where}: {document}: expected a mapping of mention -> code, got {keys!r}")
        table[document] = {str(k): _alternatives(where, document, str(k), v) for k, v in keys.items()}
    return table


def _alternatives(where: str, document: str, key: str, value: object) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in str(value).split(" or "))
    for code in codes:
        if code != NONE and (len(code) < 3 or not code.replace("-", "").isalpha() or not code.isupper()):
            raise EvalDataError(f"{where}: {document}: {key!r}: {code!r} is no actor code (ISO3 + sector, ---SEC or none)")
    return codes


def gold_code(keys: dict[str, tuple[str, ...]], mentions: Iterable[_Mention], norm) -> tuple[str, ...] | None:
    """The accepted codes of the entity with these mentions: the first key that is one of them
    (``norm`` as the speakers suite normalises text), or that a long mention starts with (keys
    of four words or more may stop short of a long description). None when no key names it."""
    texts = [norm(m.text) for m in mentions]
    for key, codes in keys.items():
        k = norm(key)
        if not k:
            continue
        if k in texts or (len(k.split()) >= 4 and any(t.startswith(k) for t in texts)):
            return codes
    return None


def judge(predicted: str | None, accepted: tuple[str, ...]) -> str | None:
    """None when ``predicted`` is right for one of the accepted codes, else the error class
    against the first of them (one of ERRORS)."""
    predicted = predicted or None
    errors = [_judge_one(predicted, code) for code in accepted]
    return None if None in errors else errors[0]


def _judge_one(predicted: str | None, gold: str) -> str | None:
    if gold == NONE:
        return None if predicted is None else "coded_where_none"
    if predicted is None:
        return "not_coded"
    if predicted[:3] != gold[:3]:
        return "country_wrong"
    sector, said = gold[3:6], predicted[3:6]
    if sector == said or (not sector and said == "GOV"):
        return None
    return "sector_wrong"
