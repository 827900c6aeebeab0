"""A feed item's link never reads a file outside the feed's own folder (issue 18, case 2)."""

from __future__ import annotations

import os
from pathlib import Path

from wirewatch.ingest import load_articles
from wirewatch.records import Article, InputProblem

SECRET = "TOP SECRET private notes that must never be stored or served by the API."
STORY = (
    "The foreign minister said on Tuesday that the government would send a delegation to Geneva "
    "next week to resume talks with the opposition, officials in the capital confirmed."
)


def _feed(links: list[str]) -> str:
    items = "".join(f"<item><title>Item {n}</title><link>{link}</link></item>" for n, link in enumerate(links, 1))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_links_out_of_the_feed_folder_are_never_read(tmp_path: Path, settings) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    secret = outside / "secret.html"
    secret.write_text(f"<html><body><article><p>{SECRET}</p><p>{SECRET}</p></article></body></html>")
    feeds = tmp_path / "feeds"
    (feeds / "wire.example").mkdir(parents=True)
    (feeds / "wire.example" / "story.html").write_text(f"<html><body><article><p>{STORY}</p></article></body></html>")
    os.symlink(secret, feeds / "wire.example" / "link.html")  # a link inside that points out
    links = [
        str(secret),  # an absolute path
        "../private/secret.html",
        "http://../private/secret.html",
        "http://../../private/secret",
        f"file://{secret}",
        "https://wire.example/link.html",
        "https://wire.example/story.html",  # the one page that is the feed's to read
    ]
    feed = feeds / "wire.rss"
    feed.write_text(_feed(links))
    items = list(load_articles([feed], settings))
    assert len(items) == len(links)
    *refused, good = items
    assert isinstance(good, Article) and "foreign minister" in good.text
    for item in refused:
        assert isinstance(item, InputProblem), item
        assert item.reason == "feed item has no text and its linked page is not saved locally"
    assert not any(isinstance(i, Article) and "SECRET" in i.text for i in items)


def test_a_file_url_inside_the_folder_still_reads(tmp_path: Path, settings) -> None:
    page = tmp_path / "saved.html"
    page.write_text(f"<html><body><article><p>{STORY}</p></article></body></html>")
    feed = tmp_path / "wire.rss"
    feed.write_text(_feed([f"file://{page}"]))
    (item,) = load_articles([feed], settings)
    assert isinstance(item, Article) and "foreign minister" in item.text
