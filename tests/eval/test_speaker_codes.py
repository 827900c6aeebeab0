"""Speaker codes against gold codes: how a code is judged, and the gold file's shape."""

from __future__ import annotations

import pytest

from wirewatch.errors import EvalDataError
from wirewatch.eval import speaker_codes as codes
from wirewatch.eval.speakers import Mention, _norm


def test_a_code_is_right_on_its_country_and_first_sector():
    assert codes.judge("IGOUNOWHO", ("IGOUNO",)) is None
    assert codes.judge("RUSGOV", ("RUSGOV",)) is None
    assert codes.judge("RUSMIL", ("RUSGOV",)) == "sector_wrong"
    assert codes.judge("UKRGOV", ("RUSGOV",)) == "country_wrong"
    assert codes.judge(None, ("RUSGOV",)) == "not_coded"
    assert codes.judge("RUS", ("RUSGOV",)) == "sector_wrong"


def test_a_bare_country_is_right_for_the_country_or_its_government():
    assert codes.judge("RUS", ("RUS",)) is None
    assert codes.judge("RUSGOV", ("RUS",)) is None
    assert codes.judge("RUSMIL", ("RUS",)) == "sector_wrong"


def test_none_is_right_only_uncoded_and_alternatives_each_count():
    assert codes.judge(None, ("none",)) is None
    assert codes.judge("", ("none",)) is None
    assert codes.judge("AUS", ("none",)) == "coded_where_none"
    assert codes.judge("GBRLEG", ("GBROPP", "GBRLEG")) is None
    assert codes.judge("GBRGOV", ("GBROPP", "GBRLEG")) == "sector_wrong"  # judged against the first
    assert codes.judge("---MED", ("---MED", "USAMED")) is None


def test_the_gold_code_is_found_by_any_mention_of_the_entity():
    keys = {"Anna Berg": ("NORGOV",), "the members of the committee on roads": ("NORLEG",)}
    berg = [Mention("1", 0, 9, True, "Anna Berg"), Mention("1", 20, 23, False, "she")]
    assert codes.gold_code(keys, berg, _norm) == ("NORGOV",)
    long = [Mention("2", 0, 60, False, "the members of the committee on roads and bridges in Oslo")]
    assert codes.gold_code(keys, long, _norm) == ("NORLEG",)  # a long key may stop short
    assert codes.gold_code(keys, [Mention("3", 0, 4, False, "Oslo")], _norm) is None


def test_the_shipped_gold_file_reads_and_a_bad_code_is_refused(tmp_path):
    table = codes.load_codes()
    assert len(table) >= 40 and all(table.values())
    assert all(c == codes.NONE or c.isupper() for keys in table.values() for cs in keys.values() for c in cs)
    bad = tmp_path / "codes.yaml"
    bad.write_text("GUM_news_toy:\n  Anna Berg: Norway\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="'Norway' is no actor code"):
        codes.load_codes(bad)
