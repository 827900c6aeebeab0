"""Every key of the gold speaker codes names an entity GUM marks in its document."""

from __future__ import annotations

import pytest
from shared_paths import SHARED_DATA, need_shared

from wirewatch.eval import speaker_codes as codes
from wirewatch.eval.speakers import _norm, read_gum

pytestmark = [pytest.mark.needs_shared]


def test_every_gold_key_names_an_entity_of_its_document():
    docs = {d.name: d for d in read_gum(need_shared(SHARED_DATA / "gum"))}
    missing = []
    for name, keys in codes.load_codes().items():
        entities: dict[str, list] = {}
        for m in docs[name].mentions:
            entities.setdefault(m.entity, []).append(m)
        for key in keys:
            if not any(codes.gold_code({key: ("x",)}, ms, _norm) for ms in entities.values()):
                missing.append(f"{name}: {key}")
    assert not missing, missing
