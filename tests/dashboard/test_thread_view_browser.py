"""The thread view in a real browser: the relay (hand-built, no NLP) drawn as a time-ordered
chain of outlets, the state hop and the dropped attribution marked, each hop's text shown as
text; the article view links each claim to its thread. Screenshot in test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from live_server import live_server
from thread_fixtures import threaded_store

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = threaded_store(tmp_path_factory.mktemp("thread-view") / "store.duckdb")
    with live_server(db) as (url, _):
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        problems: list[str] = []
        tab.on("pageerror", lambda exc: problems.append(str(exc)))
        yield tab
        browser.close()
        assert problems == []


def show(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)


def test_thread_view_draws_the_relay_in_order(server: str, page) -> None:
    show(page, f"{server}/#/threads")
    link = page.locator("#threads-table tbody a").first
    thread_id = link.get_attribute("href").rsplit("/", 1)[1]
    show(page, f"{server}/#/thread/{thread_id}")
    outlets = page.locator("#thread-hops .hop-head b").all_text_contents()
    assert outlets == ["The War Zone", "Daily Mail", "Sputnik"]
    assert page.locator("#thread-hops .hop.state.laundered").count() == 1
    assert "hedge dropped: appears to" in page.locator("#thread-hops li.hop").nth(1).inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-thread.png"), full_page=True)
    # From a hop to its article, and from the article's claim back to the thread.
    page.locator("#thread-hops li.hop").nth(1).get_by_text("article →").click()
    page.wait_for_selector("#article-claims .thread-link", timeout=30_000)
    assert page.locator("#article-claims .thread-link").first.get_attribute("data-thread-id") == thread_id
