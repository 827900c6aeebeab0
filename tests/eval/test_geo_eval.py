from __future__ import annotations

from pathlib import Path

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval.geo import DEFAULT_PATH, evaluate, half_of, haversine_km, read_gold

pytestmark = [pytest.mark.needs_shared]

SMALL = """<articles><article file="2">
<title>t</title><text>Turkey shelled Qamishli. Officials in Damascus and Georgia objected.</text>
<toponyms>
 <toponym><extractedName>Turkey</extractedName><type>Metonymic</type><start>0</start><end>6</end>
  <geonamesID>298795</geonamesID><latitude>39.0</latitude><longitude>35.0</longitude></toponym>
 <toponym><extractedName>Qamishli</extractedName><type>Literal</type><start>15</start><end>23</end>
  <geonamesID>173377</geonamesID><latitude>37.05215</latitude><longitude>41.23142</longitude></toponym>
 <toponym><extractedName>Damascus</extractedName><type>Literal</type><start>38</start><end>46</end>
  <geonamesID>170654</geonamesID><latitude>33.5102</latitude><longitude>36.29128</longitude></toponym>
 <toponym><extractedName>Georgia</extractedName><type>Literal</type><start>51</start><end>58</end>
  <geonamesID>4197000</geonamesID><latitude>32.75042</latitude><longitude>-83.50018</longitude></toponym>
 <toponym><extractedName>Zzyzx Flats</extractedName><type>Literal</type><start>0</start><end>1</end>
  <geonamesID>1</geonamesID><latitude>35.0</latitude><longitude>-116.0</longitude></toponym>
 <toponym><extractedName>officials</extractedName><type>Non_Toponym</type><start>25</start><end>34</end>
  <geonamesID /><latitude /><longitude /></toponym>
</toponyms></article>
<article file="3"><title>t</title><text>Talks in Paris.</text><toponyms>
 <toponym><extractedName>Paris</extractedName><type>Literal</type><start>9</start><end>14</end>
  <geonamesID>2988507</geonamesID><latitude>48.85341</latitude><longitude>2.3488</longitude></toponym>
</toponyms></article></articles>"""


def test_haversine_matches_known_distances() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=3)  # London-Paris


def test_small_set_scores_each_toponym(tmp_path: Path) -> None:
    path = tmp_path / "GWN.small.xml"
    path.write_text(SMALL, encoding="utf-8")
    gold = read_gold(path)
    assert [t.name for t in next(iter(gold.values()))] == ["Turkey", "Qamishli", "Damascus", "Georgia", "Zzyzx Flats"]
    report = evaluate(path)
    # Article 2 (tune half): Georgia among Syrian places is the country, far from the gold US state: wrong, and the
    # unknown name is unresolved; the three others are right.
    assert report.figures["n_tune"] == 5
    assert report.figures["acc161_tune"] == pytest.approx(3 / 5)
    assert report.figures["resolved_acc161_tune"] == pytest.approx(3 / 4)
    assert report.figures["coverage_tune"] == pytest.approx(4 / 5)
    assert {m["name"] for m in report.misses} == {"Georgia", "Zzyzx Flats"}
    # Article 3 (held half) is scored, and the whole is both.
    assert report.figures["n_held"] == 1 and report.figures["acc161_held"] == 1.0
    assert report.figures["n"] == 6 and report.figures["acc161"] == pytest.approx(4 / 6, abs=1e-4)
    assert report.suite == "geo" and report.table


def test_the_halves_are_fixed_by_article_number() -> None:
    assert [half_of(n) for n in ("2", "10", "1", "283")] == ["tune", "tune", "held", "held"]
    assert half_of("article-a") == half_of("article-a") in ("tune", "held")  # not a number: by CRC


def test_the_held_half_is_never_listed_as_misses(tmp_path: Path) -> None:
    path = tmp_path / "GWN.small.xml"
    path.write_text(SMALL.replace('file="2"', 'file="5"'), encoding="utf-8")
    report = evaluate(path)
    assert report.figures["n_held"] == 6 and report.figures["acc161_held"] == pytest.approx(4 / 6, abs=1e-4)
    assert report.figures["n_tune"] == 0 and report.misses == []


def test_missing_or_malformed_sets_are_named(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="not found"):
        evaluate(tmp_path / "absent.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvalDataError, match="not well-formed"):
        evaluate(bad)
    empty = tmp_path / "empty.xml"
    empty.write_text("<root/>", encoding="utf-8")
    with pytest.raises(EvalDataError, match="no <article>"):
        evaluate(empty)


def test_geowebnews_dev_meets_the_floor(shared_data: Path) -> None:
    path = shared_data / "geowebnews" / "GWN.dev.xml"
    if not path.exists():
        pytest.skip(f"needs {path}")
    assert DEFAULT_PATH.name == path.name
    report = assert_meets_baseline("geo")
    assert report.figures["n"] > 1500
