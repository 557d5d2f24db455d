"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): RTL layout, a search
written with other alef/ya forms than the text, story and entity pages, highlights at the stored offsets, and
hostile text shown as text. A failing step leaves a screenshot in test-output/screenshots/ (set
MARSAD_SCREENSHOTS=1 to keep one of every page)."""
import os
import socket
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no /usr/bin/chromium: install Debian's chromium package to run browser tests")

sys.path.insert(0, str(Path(__file__).parent))      # web_fixtures sits beside the tests
from web_fixtures import XSS_IMG, XSS_SCRIPT, build_store  # noqa: E402

from marsad.store import Store  # noqa: E402

SHOTS = Path(__file__).parent.parent / "test-output" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("browser") / "s.sqlite")


@pytest.fixture(scope="module")
def server(store_path):
    """uvicorn on 127.0.0.1 on a free port, in a thread stopped at the end of the module."""
    import uvicorn

    from marsad.web.app import create_app
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ar")
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


@contextmanager
def shot(page, name: str):
    """Screenshot the page when the step fails (and always with MARSAD_SCREENSHOTS=1)."""
    try:
        yield
    except BaseException:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        raise
    if os.environ.get("MARSAD_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_rtl(page):
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_home_search_story_entity(page, server):
    page.goto(server + "/")
    with shot(page, "home"):
        assert_rtl(page)
        assert page.locator(".counts").inner_text().startswith("5")
        assert page.locator(".latest-stories a").first.inner_text() == "الناتو يعزز شراكته مع العراق"

    with shot(page, "search"):
        page.fill("header input[name=q]", "الاطلسي")          # the text has الأطلسى (hamza, alef maksura)
        page.press("header input[name=q]", "Enter")
        page.wait_for_url("**/search?**")
        assert_rtl(page)
        marks = page.locator(".hit .snippet mark")
        assert marks.count() == 1 and marks.first.inner_text() == "الأطلسى"
        assert page.locator(".result-count").inner_text().startswith("1")

    page.goto(server + "/")
    with shot(page, "story"):
        page.click("text=الناتو يعزز شراكته مع العراق")
        page.wait_for_url("**/stories/s-natoiraq001")
        assert_rtl(page)
        assert page.locator(".outlet-column").count() == 3
        assert page.locator(".timeline .event").count() == 2
        assert page.locator("figure.chart svg rect").count() == 2
        columns = page.locator(".outlet-column")
        first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
        assert first["x"] > second["x"]                          # side by side, first column on the right

    with shot(page, "entity"):
        page.click(".chips >> text=ينس ستولتينبرغ")
        page.wait_for_url("**/entities/e-stolt")
        assert_rtl(page)
        assert "يانس ستولينبيرج" in page.locator(".aliases").inner_text()
        assert page.locator(".quote-item").count() == 2


def test_article_highlights_match_the_stored_offsets(page, server, store_path):
    with Store(store_path, readonly=True) as s:
        article = s.get_article("a-eg0000000001")
    page.goto(server + "/articles/a-eg0000000001")
    with shot(page, "article"):
        assert_rtl(page)
        found = page.evaluate("""() => [...document.querySelectorAll('#text [data-start]')].map(e => ({
            cls: e.className, start: +e.dataset.start, end: +e.dataset.end, text: e.textContent}))""")
        mentions = [f for f in found if f["cls"].startswith("mention")]
        assert sorted((f["start"], f["end"]) for f in mentions) == sorted((m.start, m.end) for m in article.mentions)
        for f in found:
            assert article.text[f["start"]:f["end"]] == f["text"]
        assert page.evaluate("document.getElementById('text').textContent") == article.text
        assert not page.locator("details.removed").evaluate("d => d.open")     # folded
        page.click("details.removed summary")
        assert page.locator("details.removed li").count() == 2


def test_hostile_text_is_shown_as_text(page, server):
    for url in ("/articles/a-xss00000005", "/entities/e-xss", "/search?q=عنوان", "/outlets/hespress",
                "/articles/a-eg0000000001"):
        page.goto(server + url)
        with shot(page, "xss-" + url.strip("/").replace("/", "-").replace("?", "-")):
            page.wait_for_load_state("load")
            assert page.dialogs == []
            assert page.locator("main img").count() == 0
            assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    page.goto(server + "/articles/a-xss00000005")
    with shot(page, "xss-text"):
        text = page.locator("#text").inner_text()
        assert XSS_SCRIPT in text and XSS_IMG in text
        assert XSS_SCRIPT in page.locator("h1").inner_text()


def test_summary_link_scrolls_to_the_marked_sentence(page, server):
    page.goto(server + "/stories/s-natoiraq001")
    with shot(page, "summary-link"):
        page.click(".summary li >> nth=1 >> a")
        page.wait_for_url("**/articles/a-gulf00000002?mark=*")
        mark = page.locator("mark#mark")
        assert mark.count() == 1
        assert mark.inner_text().startswith("أكد يانس ستولينبيرج")
