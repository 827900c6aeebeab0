"""RSS and Atom feeds: item text, or the linked page when it is saved locally."""

from __future__ import annotations

from pathlib import Path

from wirewatch.ingest import load_articles
from wirewatch.records import Article, InputProblem

BODY = (
    "{who} said on Tuesday that the government would send a delegation to Geneva next week to "
    "resume talks with the opposition, officials in the capital confirmed."
)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Talks to resume</title><link>https://wire.example/2024/05/talks.html</link>
<pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate><description>short teaser</description></item>
<item><title>Ceasefire holds</title><link>https://wire.example/2024/05/ceasefire</link>
<pubDate>Wed, 08 May 2024 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{second}</p><p>Diplomats said a new round of talks was overdue after the collapse in March.</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://wire.example/missing</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2024-05-09T00:00:00Z</updated>
<entry><title>Border reopens</title><id>urn:1</id><updated>2024-05-09T08:00:00Z</updated>
<author><name>Jane Reporter</name></author>
<content type="html">&lt;p&gt;Officials said the border crossing with Poland reopened on Monday after a week of protests by farmers who had blocked the road.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_items_use_local_page_else_item_text(tmp_path: Path, settings) -> None:
    page = tmp_path / "wire.example" / "2024" / "05" / "talks.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<html><head><title>Talks to resume</title></head><body><article><h1>Talks to resume</h1>"
        f"<p>{BODY.format(who='The foreign minister')}</p><p>The talks collapsed in March after both "
        "sides accused each other of breaking a ceasefire agreed in the autumn.</p></article></body></html>"
    )
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS.replace("{second}", BODY.format(who="The prime minister")))
    items = list(load_articles([feed], settings))
    assert [i.source for i in items] == [f"{feed}:item 1", f"{feed}:item 2", f"{feed}:item 3"]
    first, second, third = items
    assert isinstance(first, Article) and "foreign minister" in first.text  # the saved page, not the teaser
    assert first.url == "https://wire.example/2024/05/talks.html"
    assert first.published_at.startswith("2024-05-07")
    assert first.publisher == "Example Wire"
    assert isinstance(second, Article) and second.text.startswith("The prime minister said")
    assert "<p>" not in second.text and "overdue" in second.text
    assert second.title == "Ceasefire holds"
    assert isinstance(third, InputProblem) and "no text" in third.reason


def test_atom_entry_with_author(tmp_path: Path, settings) -> None:
    feed = tmp_path / "news.atom"
    feed.write_text(ATOM)
    (article,) = load_articles([feed], settings)
    assert isinstance(article, Article)
    assert article.authors == ["Jane Reporter"]
    assert article.text.startswith("Officials said the border crossing with Poland reopened")


def test_malformed_feed_is_a_problem_and_the_folder_goes_on(tmp_path: Path, settings) -> None:
    (tmp_path / "a_broken.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>Cut off")
    (tmp_path / "b_story.txt").write_text(BODY.format(who="The interior minister"))
    items = list(load_articles([tmp_path], settings))
    assert isinstance(items[0], InputProblem) and "a_broken.xml" in items[0].source
    assert "malformed feed" in items[0].reason
    assert isinstance(items[1], Article) and "interior minister" in items[1].text


def test_feed_sniffed_from_content_without_feed_suffix(tmp_path: Path, settings) -> None:
    feed = tmp_path / "download"
    feed.write_text(ATOM)
    (article,) = load_articles([feed], settings)
    assert isinstance(article, Article) and article.source == f"{feed}:item 1"
