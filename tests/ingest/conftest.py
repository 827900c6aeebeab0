"""Realistic inputs for the ingest tests, written for them (no shared data needed)."""

from __future__ import annotations

import pytest

PARAGRAPHS = [
    "Russia has sent a senior general and about 120 military trainers to Venezuela, a Ukrainian "
    "intelligence official said on Tuesday, as the United States moved warships closer to the region.",
    "The trainers are teaching infantry tactics and drone operations to Venezuelan units, according "
    "to the official, who said the deployment had been extended beyond its usual six months.",
    "Officials in Caracas did not respond to a request for comment. The Kremlin has previously said "
    "its cooperation with Venezuela is a matter for the two governments alone.",
    "Analysts said the move was meant to show that Moscow could still project influence in Latin "
    "America despite the cost of the war in Ukraine and the sanctions on its economy.",
]
ARTICLE_TEXT = "\n\n".join(PARAGRAPHS)
HEADLINE = "Russia sends general and trainers to Venezuela as US warships gather"


def news_page(charset: str = "utf-8", body_extra: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>{HEADLINE} | The Daily Courier</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="The Daily Courier">
<meta property="og:url" content="https://courier.example.com/world/russia-venezuela-trainers">
<meta property="article:published_time" content="2025-11-18T09:30:00Z">
<meta name="author" content="Maria Lopez">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>
<article>
<h1>{HEADLINE}</h1>
<p class="byline">By Maria Lopez</p>
{paragraphs}
{body_extra}
</article>
</main>
<footer><p>Copyright 2025 The Daily Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body>
</html>
"""


@pytest.fixture()
def article_text() -> str:
    return ARTICLE_TEXT


@pytest.fixture()
def paragraphs() -> list[str]:
    return list(PARAGRAPHS)


@pytest.fixture()
def headline() -> str:
    return HEADLINE


@pytest.fixture()
def page_html() -> str:
    return news_page()


@pytest.fixture()
def make_page():
    """news_page(charset=..., body_extra=...) for tests that vary the page."""
    return news_page
