"""`settings.dictionaries`: the pipeline codes with PETRARCH dictionaries first, the built-in coder fills in."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.records import Article
from wirewatch.stages import Knowledge, analyze_doc

pytestmark = [pytest.mark.slow]

TEXT = ("Arnor condemned Gondor on Monday, officials said. "
        "Russian forces shelled the Ukrainian city of Kharkiv overnight.")


def test_dictionaries_setting_adds_the_petrarch_coder(tmp_path: Path, settings, nlp) -> None:
    (tmp_path / "fantasy.actors.txt").write_text("ARNOR [ARN]\nGONDOR [GON]\n", encoding="utf-8")
    (tmp_path / "fantasy.verbs.txt").write_text("--- CONDEMN [111] ---\nCONDEMN\n", encoding="utf-8")
    article = Article(article_id="p1", text=TEXT, published_at="2024-05-01")
    doc = nlp(TEXT)

    plain = Knowledge.load(settings)
    assert plain.petrarch is None
    builtin = analyze_doc(doc, article, replace(plain, nlp=nlp)).events

    with_petrarch = Knowledge.load(replace(settings, dictionaries=(tmp_path,)))
    assert with_petrarch.petrarch is not None and len(with_petrarch.petrarch.files) == 2
    events = analyze_doc(doc, article, replace(with_petrarch, nlp=nlp)).events

    first = [e for e in events if e.sentence_index == 0]
    assert [(e.source_code, e.target_code, e.cameo_code) for e in first] == [("ARN", "GON", "111")]
    assert first[0].rule.startswith("petrarch:") and first[0].plover_type == "ACCUSE"
    # the second sentence is not coded by these dictionaries: the built-in coder's events stay
    second = [e for e in events if e.sentence_index == 1]
    assert second and second == [e for e in builtin if e.sentence_index == 1]
    assert all(not e.rule.startswith("petrarch:") for e in second)
