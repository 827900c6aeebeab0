"""The dashboard in a real browser (Debian's chromium driven by Playwright) against a real
`wirewatch serve` on 127.0.0.1, over a store built from the seed article, two AEB pages and a
hostile page. Screenshots go to test-artifacts/.

Needs: apt `chromium` (and `chromium-driver` for Selenium users), pip `playwright`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import live_server

from wirewatch.events.confidence import SHOWN_FLOOR
from wirewatch.records import Analysis, Article, stable_id

pytestmark = [pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium chromium-driver)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SEED = REPO.parent / "shared" / "seed" / "000_0fc1f3b002085bc3.txt"
AEB = REPO.parent / "shared" / "data" / "aeb" / "html"
# Short AEB news pages: more articles and actors, fast to analyse. Pages the pipeline refuses
# (not English) are recorded as input problems and the rest still make the store.
AEB_PAGES = ("ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15.html.gz",
             "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz",
             "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

SEED_URL = "https://www.dailystar.co.uk/news/world-news/putin-trump-pincer-movement-south-america"
HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror="alert(1)">'
HOSTILE_TEXT = (
    'Officials said <script>alert("body")</script> the talks in Geneva failed. '
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">read more</a> was the caption.'
)


@pytest.fixture(scope="module")
def dashboard_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    from wirewatch.run import run_corpus
    from wirewatch.settings import Settings
    from wirewatch.store import open_store

    pages = [AEB / name for name in AEB_PAGES]
    missing = [p for p in [SEED, *pages] if not p.exists()]
    if missing:
        pytest.skip(f"needs {missing[0]} (the shared data beside this checkout); not present")
    folder = tmp_path_factory.mktemp("dashboard")
    # The seed as a JSON Lines record with the metadata a feed would give (the .txt has none),
    # so its events get a day on the timeline.
    seed = folder / "seed.jsonl"
    seed.write_text(json.dumps({
        "text": SEED.read_text(encoding="utf-8"), "url": SEED_URL, "publisher": "Daily Star",
        "published_at": "2025-11-03",
    }) + "\n", encoding="utf-8")
    inputs = [seed, *pages]
    db = folder / "dashboard.duckdb"
    settings = Settings.from_env(db_path=db)
    with open_store(db) as store:
        summary = run_corpus(inputs, settings, store)
        assert summary.analysed >= 2, summary.to_json()
        hostile = Article(article_id=stable_id(HOSTILE_TEXT), text=HOSTILE_TEXT, title=HOSTILE_TITLE,
                          url="javascript:alert(4)", publisher="Evil <b>Times</b>", published_at="2025-11-05")
        store.write_batch([Analysis(article=hostile)])
    return db


@pytest.fixture(scope="module")
def server(dashboard_db: Path) -> Iterator[str]:
    with live_server(dashboard_db) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture()
def page(browser) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.problems = problems  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        context.close()
    assert problems == [], problems  # no script error, and no alert() ever ran


def api(server: str, path: str) -> Any:
    response = httpx.get(server + path, timeout=30)
    response.raise_for_status()
    return response.json()


def show(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}.png"), full_page=True)


def card_value(page, label: str) -> int:
    return int(page.locator(f'[data-card="{label}"] .card-value').inner_text().replace(",", ""))


def drawn_total(page, selector: str) -> int:
    return sum(int(v) for v in page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.dataset.events)"))


def test_overview_charts_show_the_stored_counts(server: str, page) -> None:
    show(page, server + "/#/overview")
    count = api(server, "/api/events/count")
    assert count["events"] > 5
    assert card_value(page, "events") == count["events"]
    assert card_value(page, "attributed to a source") == count["attributed"]
    # Every dated event is in exactly one timeline bar segment.
    series = api(server, "/api/series?by=plover_type&interval=day")["series"]
    assert drawn_total(page, "#timeline rect.bar") == sum(r["events"] for r in series) > 0
    edges = api(server, "/api/network")["edges"]
    assert page.locator("#network path.edge").count() == len(edges) > 0
    assert drawn_total(page, "#network path.edge") == sum(e["events"] for e in edges)
    places = api(server, "/api/places")["places"]
    assert page.locator("#map circle.place").count() == len(places) > 0
    assert page.locator("#map path.land").count() > 150  # the shipped world outline drew
    assert "null" not in page.locator("#view").inner_text() and "undefined" not in page.locator("#view").inner_text()
    shot(page, "overview")


def test_a_filter_changes_every_chart(server: str, page) -> None:
    edges = api(server, "/api/network")["edges"]
    actor = edges[0]["source"]  # the busiest dyad's source, whatever the pipeline found
    show(page, server + "/#/overview")
    before = card_value(page, "events")
    page.fill("input[name=source]", actor)
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('source=')")
    page.wait_for_selector("body[data-ready]", state="attached")
    expected = api(server, f"/api/events/count?source={actor}")["events"]
    assert card_value(page, "events") == expected and 0 < expected < before
    series = api(server, f"/api/series?source={actor}")["series"]
    assert drawn_total(page, "#timeline rect.bar") == sum(r["events"] for r in series) > 0
    assert {s for s in page.eval_on_selector_all("#network path.edge", "ns => ns.map(n => n.dataset.source)")} == {actor}
    shot(page, "filtered")


def test_chart_links_lead_to_the_events_behind_them(server: str, page) -> None:
    show(page, server + "/#/overview")
    bar = page.locator("#timeline rect.bar").first
    expected = int(bar.get_attribute("data-events"))
    page.locator("#timeline a.bar-link").first.click()
    page.wait_for_function("() => location.hash.startsWith('#/events')")
    page.wait_for_selector("body[data-ready]", state="attached")
    assert page.locator("#events-count").inner_text().startswith(f"{expected} event")
    assert page.locator("#events-table tbody tr").count() == min(expected, 50)
    show(page, server + "/#/overview")
    edge = page.locator("#network path.edge").last  # drawn last: the heaviest edge
    edge_events = int(edge.get_attribute("data-events"))
    # A curved edge's bounding-box centre is off its stroke, so click the edge itself.
    edge.dispatch_event("click")
    page.wait_for_function("() => location.hash.includes('target=')")
    page.wait_for_selector("body[data-ready]", state="attached")
    assert page.locator("#events-table tbody tr").count() == min(edge_events, 50)
    shot(page, "events")


def test_article_view_highlights_the_seeds_claims(server: str, page) -> None:
    (seed,) = [a for a in api(server, "/api/articles?limit=10")["articles"] if a["url"] == SEED_URL]
    record = api(server, f"/api/articles/{seed['article_id']}")
    show(page, f"{server}/#/article/{seed['article_id']}")
    assert page.locator("#article-claims > li").count() == len(record["claims"]) > 3
    assert page.locator("#article-events > li").count() == len(record["events"]) > 0
    # Each claim's highlighted pieces join up to exactly its content span.
    text = record["article"]["text"]
    for n, claim in enumerate(record["claims"][:8], 1):
        pieces = page.eval_on_selector_all(
            f'#article-text span.claim[data-refs~="C{n}"]', "nodes => nodes.map(n => n.textContent)")
        assert "".join(pieces) == text[claim["char_start"]:claim["char_end"]]
    speakers = page.eval_on_selector_all("#article-text span.speaker", "ns => ns.map(n => n.textContent)")
    assert any("Budanov" in s for s in speakers), speakers
    hedges = page.eval_on_selector_all("#article-text span.hedge", "ns => ns.map(n => n.textContent.toLowerCase())")
    assert hedges, "the seed's hedges (e.g. 'appears to') should be marked"
    chains = page.locator("#article-claims .chain").all_inner_texts()
    assert any(c.startswith("Kyrlo Budanov → The War Zone") and c.endswith("Daily Star") for c in chains), chains
    shot(page, "article-seed")


def test_hostile_article_text_stays_inert(server: str, page) -> None:
    show(page, f"{server}/#/article/{stable_id(HOSTILE_TEXT)}")
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
    assert page.locator("#article-text").inner_text().strip() == HOSTILE_TEXT
    assert page.locator("#view img, #view script, #view a[href^='javascript']").count() == 0
    assert page.title() == "wirewatch"
    shot(page, "article-hostile")


def test_defaults_are_asserted_and_coded_and_the_toggle_widens(server: str, page) -> None:
    show(page, server + "/#/overview")
    assert page.locator("select[name=modality]").input_value() == "asserted"
    assert page.locator("select[name=coding]").input_value() == "coded"
    assert page.locator("select[name=min_confidence]").input_value() == str(SHOWN_FLOOR)
    asserted = card_value(page, "events")
    assert asserted == api(server, "/api/events/count")["events"]
    page.select_option("select[name=modality]", "all")
    page.select_option("select[name=coding]", "uncoded")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('coding=uncoded')")
    page.wait_for_selector("body[data-ready]", state="attached")
    assert card_value(page, "events") == api(server, "/api/events/count?modality=all&coding=uncoded")["events"]
    show(page, server + "/#/events?modality=all&coding=uncoded")
    rows = page.locator("#events-table tbody tr").count()
    assert page.locator("#events-table .badge.uncoded").count() == rows  # each one labelled for review
    shot(page, "events-uncoded")


def test_the_confidence_floor_is_one_visible_choice(server: str, page) -> None:
    show(page, server + "/#/events")
    page.select_option("select[name=min_confidence]", "0")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('min_confidence=0')")
    page.wait_for_selector("body[data-ready]", state="attached")
    every = api(server, "/api/events/count?min_confidence=0")["events"]
    assert every >= api(server, "/api/events/count")["events"]
    assert page.locator("#events-count").inner_text().startswith(f"{every} event")
    shown = page.locator("#events-table tbody tr").first.inner_text()
    assert re.search(r"\bp\s[01]\.\d\d\b", shown), shown  # each row says how likely it is right
    shot(page, "events-every-confidence")


def test_events_view_says_n_of_m_and_downloads_the_whole_set(server: str, page) -> None:
    show(page, server + "/#/events?modality=all&coding=all")
    total = api(server, "/api/events/count?modality=all&coding=all")["events"]
    shown = page.locator("#events-table tbody tr").count()
    assert page.locator(".pager .shown").inner_text().endswith(f"of {total:,}")
    href = page.locator("#download-csv").get_attribute("href")
    assert href.startswith("/api/events/download?") and "limit" not in href
    lines = httpx.get(server + href, timeout=60).text.strip().splitlines()
    assert len(lines) - 1 == total >= shown
    shot(page, "events-all")


def test_claims_view_greys_out_the_filters_it_cannot_apply(server: str, page) -> None:
    show(page, server + "/#/claims?type=aid&certainty=medium")
    assert page.locator("input[name=type]").is_disabled()
    assert page.locator("select[name=modality]").is_disabled()
    assert not page.locator("select[name=certainty]").is_disabled()
    expected = api(server, "/api/claims?certainty=medium&limit=1")["total"]
    assert page.locator("#claims-count").inner_text() == f"{expected:,} claims"
    assert page.locator("#claims-table tbody tr").count() == min(expected, 50)
    href = page.locator("#download-claims").get_attribute("href")
    rows = httpx.get(server + href, timeout=60).text.strip().splitlines()
    assert href.startswith("/api/claims/download?") and len(rows) - 1 == expected
    shot(page, "claims")


def test_actors_view(server: str, page) -> None:
    show(page, server + "/#/actors")
    actors = api(server, "/api/actors?limit=50")["actors"]
    assert page.locator("#actors-table tbody tr").count() == len(actors) > 0
    shot(page, "actors")


def test_the_same_store_gives_the_same_counts_in_dashboard_cli_and_api(server: str, dashboard_db: Path, page) -> None:
    """One filter, three faces: the dashboard's card, `wirewatch events` and the API agree."""
    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    for hash_query, cli_options in (("", []), ("modality=all", ["--all-modalities"]),
                                    ("modality=all&coding=all", ["--all-modalities", "--coding", "all"]),
                                    ("since=2025", ["--since", "2025"])):
        show(page, f"{server}/#/overview?{hash_query}")
        dashboard = card_value(page, "events")
        api_count = api(server, f"/api/events/count?{hash_query}")["events"]
        result = CliRunner().invoke(app, ["events", "--db", str(dashboard_db), "--format", "json", "--limit", "0",
                                          *cli_options])
        assert result.exit_code == 0, result.output
        assert dashboard == api_count == len(json.loads(result.stdout)), hash_query


def test_timeline_draws_each_event_at_its_own_precision(server: str, page) -> None:
    show(page, server + "/#/overview?modality=all")
    count = api(server, "/api/events/count?modality=all")
    spans = api(server, "/api/spans?modality=all")["spans"]
    assert drawn_total(page, "#timeline rect.band") == sum(s["events"] for s in spans) == count["spanned"]
    # Bars, bands and the undated note account for every event: nothing silently left out.
    assert drawn_total(page, "#timeline rect.bar") == count["day"]
    assert count["day"] + count["spanned"] + count["undated"] == count["events"]
    assert page.locator("#timeline-note").inner_text().startswith(f"{count['day'] + count['spanned']:,} of {count['events']:,}")
    for band in page.locator("#timeline rect.band").all():
        assert band.get_attribute("data-precision") in ("month", "year", "range")
        width = float(band.get_attribute("width"))
        assert width >= 2
    shot(page, "timeline")
    if spans:
        first = page.locator("#timeline a.band-link").first
        expected = int(first.locator("rect").get_attribute("data-events"))
        first.dispatch_event("click")
        page.wait_for_function("() => location.hash.includes('precision=')")
        page.wait_for_selector("body[data-ready]", state="attached")
        assert page.locator("#events-count").inner_text().startswith(f"{expected} event")


def test_network_is_legible_and_names_its_codes(server: str, page) -> None:
    show(page, server + "/#/overview?modality=all&level=code")
    centres = page.eval_on_selector_all("#network circle.node", "ns => ns.map(n => [+n.getAttribute('cx'), +n.getAttribute('cy')])")
    assert len(centres) > 1
    for i, (x1, y1) in enumerate(centres):
        for x2, y2 in centres[i + 1:]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 > 20  # no two nodes on one spot
    paths = page.eval_on_selector_all("#network path.edge", "ns => ns.map(n => n.getAttribute('d'))")
    assert paths and not any("NaN" in d for d in paths)
    titles = page.eval_on_selector_all("#network circle.node title", "ns => ns.map(n => n.textContent)")
    assert any(" — " in t for t in titles), titles  # "RUSGOV — Russia, government: ..."
    assert " — " in page.locator("#top-actors").inner_text()
    shot(page, "network-codes")


def test_tables_sort_and_actor_words_find_codes(server: str, page) -> None:
    show(page, server + "/#/actors?modality=all")
    page.locator("#actors-table th:nth-child(4)").click()
    column = page.eval_on_selector_all("#actors-table tbody tr td:nth-child(4)", "ns => ns.map(n => +n.textContent)")
    assert column == sorted(column)
    page.locator("#actors-table th:nth-child(4)").click()
    column = page.eval_on_selector_all("#actors-table tbody tr td:nth-child(4)", "ns => ns.map(n => +n.textContent)")
    assert column == sorted(column, reverse=True)
    names = page.eval_on_selector_all("#actors-table tbody tr td:nth-child(2)", "ns => ns.map(n => n.textContent)")
    assert any(names)
    page.fill("input[name=actor]", "Putin")
    page.wait_for_function("() => [...document.querySelectorAll('#actor-codes option')].some(o => o.value === 'RUSGOV')")
    shot(page, "actors-sorted")


def test_dragging_across_the_timeline_picks_a_date_range(server: str, page) -> None:
    show(page, server + "/#/overview?modality=all")
    box = page.locator("#timeline rect.brush-area").bounding_box()
    y = box["y"] + 10  # above the bars' tops is empty chart: the brush, not a bar
    page.mouse.move(box["x"] + box["width"] * 0.05, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => location.hash.includes('since=') && location.hash.includes('until=')")
    page.wait_for_selector("body[data-ready]", state="attached")
    since = page.locator("input[name=since]").input_value()
    until = page.locator("input[name=until]").input_value()
    assert since < until and len(since) == len(until) == 10
    assert card_value(page, "events") == api(server, f"/api/events/count?modality=all&since={since}&until={until}")["events"]
