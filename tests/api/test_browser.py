"""The pages in a real Chromium (Debian's, driven by Playwright): what an analyst sees, and
that no stored string ever runs as code."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

from tests.api.conftest import HOSTILE, build_database
from tests.shared_data import shared_path
from tidings.api import create_app
from tidings.examples import reference_article
from tidings.records import Article

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

playwright_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
POLNEAR = "data/quotes/polnear_dev.jsonl"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (Debian: apt-get install chromium)"
)


def polnear_articles() -> list[Article]:
    """Every PolNeAR development article, once (the primary annotator's copy)."""
    articles = []
    for line in shared_path(POLNEAR).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["primary"]:
            articles.append(
                Article(
                    text=record["text"],
                    title=record["title"],
                    source=record["publisher"],
                    published=date.fromisoformat(record["date"]),
                )
            )
    return articles


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[str]:
    """The app over the reference article, a hostile one and PolNeAR's development articles,
    served on loopback by uvicorn; its base URL."""
    articles = [reference_article(), HOSTILE, *polnear_articles()]
    url = build_database(tmp_path_factory.mktemp("site") / "tidings.db", nlp, articles)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; never a downloaded browser."""
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails the test on any script error, CSP refusal or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    opened.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    yield opened
    context.close()
    assert problems == []


def _chart_ready(page: Page) -> None:
    page.wait_for_selector("#chart[data-ready='true'] svg", timeout=20_000)


def test_the_dyad_page_shows_blinken_appealing_to_hamas(
    page: Page, site: str, tmp_path: Path
) -> None:
    page.goto(f"{site}/dyad?a=USA&b=PSE")
    _chart_ready(page)
    row = page.locator("table.events tr", has_text="Appeal to yield")
    assert row.count() == 1
    assert "Antony Blinken" in row.inner_text() and "Hamas" in row.inner_text()
    # A point of the timeline opens its sentence.
    x, y = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('chart'));
            const point = chart.getOption().series[0].data[0].value;
            const [x, y] = chart.convertToPixel({seriesIndex: 0}, point);
            const box = document.getElementById('chart').getBoundingClientRect();
            return [box.left + x, box.top + y];
        }"""
    )
    page.mouse.click(x, y)
    picked = page.locator("#picked")
    picked.wait_for(state="visible")
    assert "Hamas" in picked.locator(".sentence").inner_text()
    assert "#s0" in (picked.locator("a.open").get_attribute("href") or "")
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)


def test_the_quotes_page_finds_netanyahu(page: Page, site: str, tmp_path: Path) -> None:
    page.goto(f"{site}/quotes?speaker=Netanyahu")
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() >= 1
    assert "good and important meeting" in rows.first.inner_text()
    assert "Benjamin Netanyahu" in rows.first.inner_text()
    page.screenshot(path=str(tmp_path / "quotes.png"), full_page=True)


def test_the_article_page_highlights_triggers_with_their_coding(
    page: Page, site: str, tmp_path: Path
) -> None:
    page.goto(f"{site}/article/{reference_article().id}")
    trigger = page.locator("article.text span.trigger").first
    assert trigger.inner_text() == "called"
    assert "025" in (trigger.get_attribute("title") or "")
    assert "rule " in (trigger.get_attribute("title") or "")
    trigger.hover()
    colour = trigger.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    trigger.locator("a").click()
    assert page.url.endswith("#e0")
    assert "Appeal to yield" in page.locator("#e0").inner_text()
    assert page.locator("article.text span.actor").count() > 5
    assert page.locator("article.text span.quote").count() > 5
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)


def test_overview_and_actor_pages_draw_their_charts(page: Page, site: str, tmp_path: Path) -> None:
    page.goto(f"{site}/?by=week")
    _chart_ready(page)
    assert page.locator("section table tbody tr").count() >= 10
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    page.goto(f"{site}/actor?actor=Blinken")
    _chart_ready(page)
    assert "Hamas" in page.locator("table").first.inner_text()
    assert "say yes" in page.locator("table.quotes").inner_text()
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)


def test_the_polnear_articles_are_there_to_read(page: Page, site: str) -> None:
    page.goto(f"{site}/articles?q=Trump")
    links = page.locator("table tbody tr a")
    assert links.count() >= 5
    links.first.click()
    assert page.locator("article.text span.actor").count() > 0


def test_stored_markup_shows_as_text_and_never_runs(page: Page, site: str, tmp_path: Path) -> None:
    for path in (
        f"/article/{HOSTILE.id}",
        "/articles",
        "/quotes?q=onmouseover",
        "/dyad?a=ISR&b=PSE&factuality=all",
        "/?factuality=all",
    ):
        page.goto(site + path)
        for element in page.locator("main span, main td").all()[:200]:
            if element.is_visible():
                element.hover()
        assert page.evaluate("() => window.hacked") is None
        assert page.locator("main img").count() == 0
    page.goto(f"{site}/article/{HOSTILE.id}")
    shown = page.locator("article.text").inner_text()
    assert "<script>window.hacked = 1</script>" in shown
    assert '" onmouseover="window.hacked = 2"' in shown
    assert "<script>window.hacked = 4</script> talks" in page.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
