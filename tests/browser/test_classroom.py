"""The classroom in a real browser: on a projector's screen (1024x768, 1280x720) in large type, and on a
laptop's (1440x900), the Timeline's chart with its date axis, its key and the lane switch, and a Present
slide with Previous and Next, are all on the screen without scrolling; the sidebar's date fields show
whole dates; a presenter's clicker (PageDown/PageUp, the arrows, Space) steps the slides; the title slide
names the view and its most frequent actors; every page has its own tab title.

Boxes are measured with ``getBoundingClientRect`` once the page's run has ended and the chart is drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_support import UI_TIMEOUT_MS, AppDriver, StoredTimeline
from playwright.sync_api import Browser, expect

from timeline.model import Event

pytestmark = pytest.mark.browser

SCREENS = [(1024, 768, True), (1280, 720, True), (1440, 900, True), (1440, 900, False)]
"""(width, height, large type): two projectors, a laptop in large type and as usual."""

BOXES_JS = """(selectors) => {
  const out = {};
  for (const [name, selector] of Object.entries(selectors)) {
    out[name] = [...document.querySelectorAll(selector)]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const r = element.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                 clipped: element.scrollWidth > element.clientWidth + 1, text: element.textContent.trim() };
      });
  }
  return out;
}"""

TIMELINE_PARTS = {
    "chart": '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg',
    "date axis labels": ".js-plotly-plot .xaxislayer-above .xtick text",
    "range slider": ".js-plotly-plot .rangeslider-container",
    "chart key": ".js-plotly-plot .infolayer .annotation",
    "lane switch": ".st-key-f_lane",
    "lane buttons": ".st-key-f_lane button",
}
PRESENT_PARTS = {
    "previous": ".st-key-previous button",
    "next": ".st-key-next button",
    "slide": ".st-key-slide",
}


def slide_order(events: tuple[Event, ...]) -> list[Event]:
    dated = [event for event in events if event.start is not None and event.end is not None]
    return sorted(dated, key=lambda event: (event.start, event.end, event.title))


@dataclass
class Screen:
    app: AppDriver
    width: int
    height: int
    large: bool

    def shot(self, name: str) -> None:
        suffix = "-large" if self.large else ""
        self.app.page.screenshot(
            path=str(self.app.artifacts / f"{name}-{self.width}x{self.height}{suffix}.png")
        )


@pytest.fixture
def screen(
    browser: Browser, app_url: str, artifacts: Path, request: pytest.FixtureRequest
) -> Iterator[Screen]:
    """A fresh tab at the screen size ``request.param`` names: (width, height, large type)."""
    width, height, large = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        yield Screen(AppDriver(context.new_page(), app_url, artifacts), width, height, large)
    finally:
        context.close()


def off_screen(app: AppDriver, parts: dict[str, str]) -> list[str]:
    """Every part (each element of it) not wholly inside the viewport, or with its text cut off."""
    viewport = app.page.viewport_size
    assert viewport is not None
    found: dict[str, list[dict[str, Any]]] = app.page.evaluate(BOXES_JS, parts)
    problems = [f"{name}: not on the page" for name, boxes in found.items() if not boxes]
    for name, boxes in found.items():
        for box in boxes:
            inside = (
                box["left"] >= -0.5
                and box["top"] >= -0.5
                and box["right"] <= viewport["width"] + 0.5
                and box["bottom"] <= viewport["height"] + 0.5
            )
            if not inside:
                problems.append(f"{name} {box['text'][:30]!r} at {box} outside {viewport}")
            elif box["clipped"] and name.endswith("buttons"):
                problems.append(f"{name} {box['text'][:30]!r}: its label is cut off")
    return problems


def screen_id(screen: tuple[int, int, bool]) -> str:
    width, height, large = screen
    return f"{width}x{height}{'-large' if large else ''}"


@pytest.mark.parametrize("screen", SCREENS, ids=screen_id, indirect=True)
def test_the_timeline_fits_the_screen(screen: Screen) -> None:
    app = screen.app
    dates = {"from": "2003-01-01", "to": "2021-12-31"}
    app.open("", {**dates, "large": "1"} if screen.large else dates)
    app.wait_for_chart()
    assert off_screen(app, TIMELINE_PARTS) == []
    # The sidebar's date fields show their whole dates.
    for key, value in (("f_from", dates["from"]), ("f_to", dates["to"])):
        field = app.keyed(key).locator("input")
        expect(field).to_have_value(value)
        assert field.evaluate("(input) => input.scrollWidth <= input.clientWidth"), f"{key} cut off"
    screen.shot("classroom-timeline")


@pytest.mark.parametrize("screen", SCREENS[:3], ids=screen_id, indirect=True)
def test_present_slides_and_their_controls_fit_the_screen(screen: Screen, stored: StoredTimeline) -> None:
    """The title slide, the first and last events, and the slide with the most text."""
    app = screen.app
    slides = slide_order(stored.events)
    wordiest = max(range(len(slides)), key=lambda n: len(slides[n].title) + len(slides[n].sentence))
    for number in sorted({0, 1, wordiest + 1, len(slides)}):
        app.open("present", {"slide": str(number)})
        if number:
            app.wait_for_chart()
        expect(app.page.get_by_text(f"{number} / {len(slides)}", exact=True)).to_be_visible()
        assert off_screen(app, PRESENT_PARTS) == [], f"slide {number}"
    screen.shot("classroom-present")


@pytest.mark.parametrize(
    ("keys", "slide"),
    [
        (["PageDown"], 1),
        (["PageDown", "PageDown", "PageUp"], 1),
        (["ArrowRight", "ArrowRight"], 2),
        (["ArrowRight", "ArrowRight", "ArrowLeft"], 1),
        (["Space", "Space"], 2),
        (["Space", "Space", "Shift+Space"], 1),
    ],
)
def test_a_presenters_clicker_steps_the_slides(app: AppDriver, keys: list[str], slide: int) -> None:
    app.open("present")
    keys_ready(app)
    expect(app.keyed("previous").get_by_role("button")).to_be_disabled()
    for key in keys:
        with app.rerun_after():
            app.page.keyboard.press(key)
    app.wait_for_query("slide", str(slide))
    expect(app.page.get_by_text(f"{slide} / ", exact=False).first).to_be_visible()


def test_space_on_the_focused_next_button_steps_once(app: AppDriver) -> None:
    """Space both clicks a focused button and steps the slides: it must do one of them only."""
    app.open("present")
    keys_ready(app)
    with app.rerun_after():
        app.keyed("next").get_by_role("button").click()
    app.wait_for_query("slide", "1")
    asked = app.reruns()
    with app.rerun_after():
        app.page.keyboard.press("Space")
    app.wait_for_query("slide", "2")
    assert app.reruns() == asked + 1, "one rerun for one key press"


def test_the_clicker_cannot_step_past_either_end(app: AppDriver, stored: StoredTimeline) -> None:
    last = len(slide_order(stored.events))
    app.open("present", {"slide": str(last)})
    keys_ready(app)
    with app.rerun_after():
        app.page.keyboard.press("PageDown")
    app.wait_for_query("slide", str(last))
    expect(app.page.get_by_text(f"{last} / {last}", exact=True)).to_be_visible()
    app.open("present")
    keys_ready(app)
    with app.rerun_after():
        app.page.keyboard.press("PageUp")
    expect(app.page.get_by_text(f"0 / {last}", exact=True)).to_be_visible()


def keys_ready(app: AppDriver) -> None:
    """Until the page listens for the clicker's keys (the listener's script loads after the run)."""
    app.page.wait_for_selector("html[data-presenter-keys='ready']", state="attached")


def main_actors(events: list[Event], limit: int = 6) -> list[str]:
    counts = Counter(actor for event in events for actor in event.actors)
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def test_the_title_slide_names_the_most_frequent_actors(app: AppDriver, stored: StoredTimeline) -> None:
    slides = slide_order(stored.events)
    expected = main_actors(slides)
    app.open("present")
    keys_ready(app)
    line = app.page.get_by_text("Main actors:", exact=False)
    expect(line).to_have_text("Main actors: " + ", ".join(expected))
    busiest = expected[0]
    expect(app.page.locator(".st-key-slide h1")).to_have_text("Timeline")

    app.open("present", {"actors": busiest})
    expect(app.page.locator(".st-key-slide h1")).to_have_text(busiest)
    expect(app.page.get_by_text("Main actors:", exact=False)).to_contain_text(busiest)


def test_every_page_has_its_own_tab_title(app: AppDriver) -> None:
    app.open()
    links = app.page.locator('[data-testid="stSidebarNav"] a')
    pages = [
        (urlsplit(link.get_attribute("href") or "").path.strip("/"), link.locator("p").inner_text().strip())
        for link in links.all()
    ]
    assert len(pages) >= 4
    titles = []
    for path, label in pages:
        app.open(path)
        expect(app.page).to_have_title(label)
        titles.append(app.page.title())
    assert len(set(titles)) == len(titles), titles
