"""Nothing in an article or the catalog reaches the browser as markup or a request, on every page.

The suite's articles include one whose text, catalog title and catalog outlet hold Markdown images and
links, ``$$`` math, ``:red[...]`` directives, bare URLs, e-mail addresses, ``:streamlit:`` and
``:material/...:`` shortcodes, arrows and HTML, all pointing at a beacon server on 127.0.0.2. Each page
that shows them is opened (tooltips hovered, dropdowns and expanders opened) while every request the
tab makes is recorded: none may go to any host but the app's, the beacon must see nothing, no image,
link or KaTeX formula may be rendered from the text, and the text must be on the page as its literal
characters. Waits are for states (an element, a text), never for a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from browser_support import CHART_DRAWN_JS, IDLE, MAIN, MARKDOWN_FILE, Beacon, StoredTimeline
from playwright.sync_api import Page, Request, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from timeline.model import Event
from timeline.store import StoredDocument
from timeline.view.filters import MAX_QUERY_CHARS

pytestmark = pytest.mark.browser

WORD_JOINER = "\u2060"

PAGE_CHECK_JS = """() => {
  const origin = location.origin;
  const outside = (value) => {
    if (!value) return false;
    try {
      const url = new URL(value, location.href);
      return !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin;
    } catch (error) { return true; }
  };
  const attr = (selector, name) => [...document.querySelectorAll(selector)].map(e => e.getAttribute(name));
  const text = document.body.innerText.replaceAll('\\u2060', '');
  return {
    images: [...attr('img', 'src'), ...attr('image', 'href'), ...attr('source', 'srcset')].filter(outside),
    links: [...document.querySelectorAll('a')]
      .map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))
      .filter(href => outside(href) || /^(javascript|mailto):/i.test(href || '')),
    logos: document.querySelectorAll('img[alt="Streamlit logo"]').length,
    katex: document.querySelectorAll('.katex, .katex-display, math').length,
    icons: document.querySelectorAll('[aria-label="home icon"]').length,
    coloured: [...document.querySelectorAll('.stMarkdownColoredText, .stMarkdownColoredBackground')]
      .filter(e => e.innerText.includes('alarm')).length,
    bold: [...document.querySelectorAll('strong, b')].filter(e => e.innerText.trim() === 'bold').length,
    favicons: attr('link[rel~="icon"]', 'href').filter(outside),
    pwned: typeof window.__pwned,
    text,
  };
}"""

LITERAL_PIECES = ("![x](", "[met](", "$$x^2$$", ":red[alarm]", ":streamlit:", ":material/home:", "**bold**")
"""Pieces of the payload the page must show as these very characters."""


@dataclass
class Traffic:
    """Every request and websocket the tab opened."""

    app_url: str
    urls: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.urls.append(request.url)

    def on_websocket(self, socket: WebSocket) -> None:
        self.urls.append(socket.url)

    def outside(self) -> list[str]:
        """URLs to any host but the app's (data: and blob: URLs are not requests to anyone)."""
        app = urlsplit(self.app_url).netloc
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != app
        ]


@pytest.fixture
def traffic(page: Page, app_url: str) -> Iterator[Traffic]:
    recorded = Traffic(app_url)
    page.on("request", recorded.on_request)
    page.on("websocket", recorded.on_websocket)
    yield recorded


@pytest.fixture(scope="module")
def markdown_doc(stored: StoredTimeline) -> StoredDocument:
    return stored.document_from_file(MARKDOWN_FILE)


@pytest.fixture(scope="module")
def markdown_events(stored: StoredTimeline, markdown_doc: StoredDocument) -> list[Event]:
    events = [event for event in stored.events if any(m.doc == markdown_doc.doc_id for m in event.mentions)]
    assert events, "the Markdown article's dated sentences should become events"
    return events


def wait_for_text(page: Page, text: str) -> None:
    """Until the page shows ``text`` (word joiners, which the escaping adds, ignored)."""
    page.wait_for_function(
        "(wanted) => document.body.innerText.replaceAll('\\u2060', '').includes(wanted)", arg=text
    )
    page.wait_for_selector(IDLE)


def open_page(page: Page, app_url: str, path: str, query: dict[str, str], shows: str) -> None:
    page.goto(f"{app_url}/{path}?{urlencode(query)}")
    wait_for_text(page, shows)


def check_page(page: Page, traffic: Traffic, beacon: Beacon, where: str) -> dict[str, Any]:
    """Everything the page must not have done, asserted; the page's text returned for more checks."""
    page.wait_for_selector(IDLE)
    found: dict[str, Any] = page.evaluate(PAGE_CHECK_JS)
    assert traffic.outside() == [], f"{where}: requests outside the app"
    assert beacon.hits == [], f"{where}: the beacon was reached"
    assert found["images"] == [], f"{where}: images from article text"
    assert found["links"] == [], f"{where}: links from article text"
    assert found["favicons"] == [], f"{where}: a tab icon from elsewhere"
    counts = {name: found[name] for name in ("logos", "katex", "icons", "coloured", "bold")}
    assert counts == dict.fromkeys(counts, 0), f"{where}: markup rendered from article text"
    assert found["pwned"] == "undefined"
    return found


def shows_literally(found: dict[str, Any], where: str) -> None:
    missing = [piece for piece in LITERAL_PIECES if piece not in found["text"]]
    assert missing == [], f"{where}: the article's text is not shown as its characters"


def test_timeline_shows_the_event_as_text_and_asks_nothing_of_anyone(
    page: Page, app_url: str, traffic: Traffic, beacon: Beacon, markdown_events: list[Event]
) -> None:
    event = markdown_events[0]
    open_page(page, app_url, "", {"sel": event.id}, shows="Read it in the article")
    wait_for_text(page, event.mentions[0].sentence.split("\n")[0][:40])
    shows_literally(check_page(page, traffic, beacon, "timeline detail"), "timeline detail")

    # The chart's hover label of an event whose title holds a link tag (Plotly renders <a href> there).
    anchored = next(e for e in markdown_events if "<a href" in e.title)
    open_page(page, app_url, "", {"sel": anchored.id}, shows="Read it in the article")
    # (The selection ring is the last trace of the main plot; the range slider below repeats them all.)
    ring = page.locator(".js-plotly-plot .cartesianlayer .scatterlayer .trace").last.locator(".point").first
    hover = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    for _attempt in range(5):
        # The chart may still be resized to fit the screen after its first draw, moving the ring: wait for
        # the drawn chart, point at where the ring is now, and point again if the chart moved under us.
        page.wait_for_function(CHART_DRAWN_JS)
        ring.wait_for(state="visible")
        box = ring.bounding_box()
        assert box is not None
        page.mouse.move(0, 0)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            hover.wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeoutError:
            continue
    expect(hover).to_be_visible()
    assert "<a href=" in (hover.text_content() or "")
    check_page(page, traffic, beacon, "chart hover")

    # The sidebar's article list and the event list beside the chart (plain-text options).
    # (Typing into the searchable list opens it even when the sidebar had to scroll it into view.)
    articles = page.locator(".st-key-f_sources").get_by_role("combobox")
    articles.click()
    articles.press_sequentially("Catalog")
    expect(page.get_by_role("option").filter(has_text="Catalog title").first).to_be_visible()
    check_page(page, traffic, beacon, "article options")
    articles.fill("")
    page.keyboard.press("Escape")
    page.locator(".st-key-pick").get_by_role("combobox").click()
    expect(page.get_by_role("option").first).to_be_visible()
    check_page(page, traffic, beacon, "event options")
    page.keyboard.press("Escape")


def test_present_title_and_event_slides(
    page: Page,
    app_url: str,
    traffic: Traffic,
    beacon: Beacon,
    markdown_doc: StoredDocument,
    markdown_events: list[Event],
) -> None:
    open_page(page, app_url, "present", {"sources": markdown_doc.doc_id}, shows="Showing:")
    found = check_page(page, traffic, beacon, "present title slide")
    assert ":red[alarm]" in found["text"], "the catalog title is named as text"
    open_page(page, app_url, "present", {"sources": markdown_doc.doc_id, "slide": "1"}, shows="Source:")
    shows_literally(check_page(page, traffic, beacon, "present event slide"), "present event slide")


def test_sources_page_with_its_link_tooltips(
    page: Page, app_url: str, traffic: Traffic, beacon: Beacon, markdown_doc: StoredDocument
) -> None:
    open_page(page, app_url, "sources", {"doc": markdown_doc.doc_id}, shows="Dates found")
    shows_literally(check_page(page, traffic, beacon, "sources"), "sources")
    links = page.locator(MAIN).locator('[data-testid="stPageLink"]').filter(has_text="Officials")
    if links.count() == 0:
        links = page.locator(MAIN).locator('[data-testid="stPageLink"]')
    link = links.first
    tooltip = page.locator('[data-testid="stTooltipContent"]').first
    for _attempt in range(5):
        # A rerun finishing under the mouse can move the link and drop the tooltip: point at it again.
        page.mouse.move(0, 0)
        link.hover()
        try:
            tooltip.wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeoutError:
            continue
    expect(tooltip).to_be_visible()
    check_page(page, traffic, beacon, "sources link tooltip")
    page.locator(MAIN).get_by_text(re.compile(r"^All articles")).click()
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    check_page(page, traffic, beacon, "sources article table")


def test_data_page_tables(
    page: Page, app_url: str, traffic: Traffic, beacon: Beacon, markdown_doc: StoredDocument
) -> None:
    open_page(page, app_url, "data", {"sources": markdown_doc.doc_id}, shows="Download this view")
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    check_page(page, traffic, beacon, "data")
    page.get_by_text("Plain table (for screen readers and printing)").click()
    expect(page.locator('[data-testid="stTable"]').first).to_be_visible()
    found = check_page(page, traffic, beacon, "data plain table")
    assert ":red[alarm]" in found["text"] and "![x](" in found["text"]


def test_every_page_opens_with_no_outside_request(
    page: Page, app_url: str, traffic: Traffic, beacon: Beacon
) -> None:
    """The plain pages too: no font, icon or telemetry fetched from anywhere (the tab icon is the app's)."""
    for path, shows in (
        ("", "events shown"),
        ("present", "Press"),
        ("sources", "Dates found"),
        ("data", "Download"),
    ):
        open_page(page, app_url, path, {}, shows=shows)
        check_page(page, traffic, beacon, path or "timeline")
    icon = page.evaluate("() => document.querySelector('link[rel~=\"icon\"]')?.getAttribute('href')")
    assert icon and icon.startswith("data:image/svg+xml"), icon


LINK_KB = 60
"""Hand-made links this long (30 times what the app ever writes) still reach the app. Longer ones may not:
Streamlit's HTTP server (uvicorn on h11) refuses a request head over 16 KB that arrives in more than
one piece, which for 100 KB links happens about every other time, before the app can run."""


def test_two_huge_links_in_a_row_both_open(
    page: Page, app_url: str, traffic: Traffic, beacon: Beacon
) -> None:
    """Two huge links, the second opened from the first page (whose address is then the referrer): both
    open, unknown and oversized values are left out, and the address the app writes back stays short."""
    first = {"actors": ",".join(f"Nobody{n:05d}" for n in range(LINK_KB * 1000 // 14)), "lane": "category"}
    second = {"actors": ",".join(f"Nobody{n:03d}" for n in range(300)), "q": "x" * (LINK_KB * 1000)}
    for query, opened_from_the_page in ((first, False), (second, True)):
        url = f"{app_url}/present?{urlencode(query)}"
        assert len(url) > LINK_KB * 1000
        if opened_from_the_page:
            with page.expect_navigation() as navigation:
                page.evaluate("(url) => { window.location.href = url; }", url)
            response = navigation.value
        else:
            response = page.goto(url)
        assert response is not None and response.status == 200
        wait_for_text(page, "Press")  # the title slide: every event, none filtered out by the link
        page.wait_for_function("(limit) => location.search.length <= limit", arg=MAX_QUERY_CHARS)
        assert "actors" not in urlsplit(page.url).query, "no actor of these links is in the timeline"
    wait_for_text(page, "Left out of the filters")
    check_page(page, traffic, beacon, "huge links")
