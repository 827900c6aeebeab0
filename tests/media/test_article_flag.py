"""Articles from a state outlet's site are marked at ingest, by their URL or named publisher."""

from __future__ import annotations

from wirewatch.ingest.article import article_from_string
from wirewatch.settings import Settings

TEXT = (
    "Russian and Venezuelan officers met in Caracas on Monday to discuss training programmes for "
    "the coming year, the defence ministry said in a statement."
)


def test_article_from_a_state_outlet_domain_is_marked(tmp_path):
    settings = Settings.from_env(db_path=tmp_path / "x.duckdb")
    on_rt = article_from_string(TEXT, settings=settings, url="https://actualidad.rt.com/actualidad/1")
    assert on_rt.state_media
    elsewhere = article_from_string(TEXT, settings=settings, url="https://www.dailystar.co.uk/news/1")
    assert not elsewhere.state_media
    no_url = article_from_string(TEXT, settings=settings)
    assert not no_url.state_media
