"""The Data page's downloads in a real browser, and each file opened where a teacher opens it.

- Every download clicked in quick succession (no wait between clicks) arrives whole.
- The TimelineJS file, loaded into TimelineJS itself (npm ``@knight-lab/timelinejs``, served from
  ``tests/browser/node`` by file URL, every other request refused): a title slide plus one slide per
  dated event, each at its event's start date, showing its display date, its quote as a block quote.
- The offline chart page, opened with every network request refused: a click on a point shows that
  event's quote and source, and no article text runs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHART_DRAWN_JS, REPO, UI_TIMEOUT_MS, AppDriver, StoredTimeline
from playwright.sync_api import Browser, BrowserContext, Download, Page, Route, expect

pytestmark = pytest.mark.browser

TIMELINEJS = REPO / "tests" / "browser" / "node" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"

BUTTONS = {
    "dl_csv": "timeline.csv",
    "dl_json": "timeline.json",
    "dl_tljs": "timeline-timelinejs.json",
    "dl_html": "timeline.html",
}


def _download_all(app: AppDriver, folder: Path) -> dict[str, bytes]:
    """Clicks every download button back to back, then waits for each file; returns their bytes."""
    app.open("data")
    expect(app.page.get_by_text("Download this view")).to_be_visible()
    buttons = {key: app.keyed(key).get_by_role("button") for key in BUTTONS}
    for button in buttons.values():
        expect(button).to_be_enabled()
    with ExitStack() as stack:
        waits = {
            name: stack.enter_context(
                app.page.expect_download(lambda download, name=name: download.suggested_filename == name)
            )
            for name in BUTTONS.values()
        }
        for button in buttons.values():
            button.click()
    files: dict[str, bytes] = {}
    for name, wait in waits.items():
        download: Download = wait.value
        assert download.failure() is None, (name, download.failure())
        target = folder / name
        download.save_as(target)
        files[name] = target.read_bytes()
    return files


@pytest.fixture(scope="module")
def downloads(
    browser: Browser,
    app_url: str,
    artifacts: Path,
    stored: StoredTimeline,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, bytes]:
    """The four files of the Data page's default view (``stored``: after the app's first start)."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        app = AppDriver(context.new_page(), app_url, artifacts)
        return _download_all(app, tmp_path_factory.mktemp("downloads"))
    finally:
        context.close()


def test_every_download_clicked_in_quick_succession_arrives_whole(downloads: dict[str, bytes]) -> None:
    assert set(downloads) == set(BUTTONS.values())
    rows = list(csv.DictReader(io.StringIO(downloads["timeline.csv"].decode("utf-8-sig"))))
    records = json.loads(downloads["timeline.json"])
    timelinejs = json.loads(downloads["timeline-timelinejs.json"])
    assert len(records) > 20
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert {"source_titles", "urls"} <= set(rows[0])
    assert {slide["unique_id"] for slide in timelinejs["events"]} == {r["id"] for r in records if r["start"]}
    page = downloads["timeline.html"].decode("utf-8")
    assert page.rstrip().endswith("</html>") and "plotly_click" in page
    assert all(record["id"] in page for record in records)


def _offline(context: BrowserContext) -> list[str]:
    """Refuses every request that is not a local file; returns the list of those refused."""
    refused: list[str] = []

    def handle(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return refused


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    refused = _offline(context)
    page = context.new_page()
    yield page, refused
    context.close()


TIMELINEJS_HOST = """<!doctype html>
<html><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 100%; height: 640px"></div></body></html>
"""

READ_SLIDES_JS = """() => {
  const slides = window.__timeline._storyslider._slides;
  return slides.map((slide) => ({
    id: slide.data.unique_id,
    title_slide: slide === slides[0] && !!window.__timeline.config.title,
    start: slide.data.start_date ? slide.data.start_date.getTime() : null,
    end: slide.data.end_date ? slide.data.end_date.getTime() : null,
    shown: (slide._el.container.querySelector('.tl-headline-date') || {}).textContent || '',
    headline: (slide._el.container.querySelector('.tl-headline') || {}).textContent || '',
    media: slide.options.media_type || null,
    group: slide.data.group || null,
  }));
}"""


def _local_ms(page: Page, day: str) -> int:
    """The time TimelineJS gives midnight of ``day`` (a local date, as TimelineJS makes them)."""
    parts = date.fromisoformat(day)
    return int(
        page.evaluate("([y, m, d]) => new Date(y, m - 1, d).getTime()", [parts.year, parts.month, parts.day])
    )


def test_timelinejs_shows_every_event_on_its_own_slide_at_its_date(
    downloads: dict[str, bytes], offline_page: tuple[Page, list[str]], tmp_path: Path, artifacts: Path
) -> None:
    page, refused = offline_page
    if not (TIMELINEJS / "js" / "timeline.js").is_file():
        pytest.fail(f"{TIMELINEJS} is missing: `make npm-deps` installs it (npm ci in tests/browser/node)")
    host = tmp_path / "timelinejs.html"
    host.write_text(TIMELINEJS_HOST.format(dist=TIMELINEJS.as_uri()), encoding="utf-8")
    page.goto(host.as_uri())
    document = json.loads(downloads["timeline-timelinejs.json"])
    page.evaluate(
        """([doc, scriptPath]) => {
          // font: null: no web-font stylesheet (TimelineJS's typefaces come from a font host).
          window.__timeline = new TL.Timeline('timeline-embed', doc, { script_path: scriptPath, font: null });
        }""",
        [document, f"{TIMELINEJS.as_uri()}/js/"],
    )
    page.wait_for_function("() => window.__timeline.ready === true")
    slides: list[dict[str, Any]] = page.evaluate(READ_SLIDES_JS)
    page.screenshot(path=str(artifacts / "export-timelinejs.png"))

    records = {r["id"]: r for r in json.loads(downloads["timeline.json"]) if r["start"]}
    title, events = slides[0], slides[1:]
    assert title["title_slide"] and title["start"] is None
    assert "events" in page.locator(".tl-slide-titleslide").inner_text()
    assert len(events) == len(records)
    assert sorted(slide["id"] for slide in events) == sorted(records)
    for slide in events:
        record = records[slide["id"]]
        assert slide["start"] == _local_ms(page, record["start"]), (record["display_date"], record["start"])
        if slide["end"] is not None:
            assert _local_ms(page, record["start"]) < slide["end"] <= _local_ms(page, record["end"])
        assert slide["shown"] == record["display_date"]
        assert slide["headline"] == record["title"]
        if record["sentence"]:
            assert slide["media"] == "blockquote", record["sentence"]
        assert slide["group"]
    assert page.evaluate("() => window.__pwned") is None
    assert refused == []


def _point_ids(page: Page) -> list[dict[str, Any]]:
    """Where each clickable point of the chart is on screen (inside the plot area: the opening range
    leaves some outside), with its event id."""
    found: list[dict[str, Any]] = page.evaluate(
        """() => {
          const points = [];
          const area = document.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
          const inside = (box) => box.x >= area.left && box.right <= area.right
            && box.y >= area.top && box.bottom <= area.bottom;
          document.querySelectorAll('.scatterlayer .trace').forEach((node) => {
            const trace = node.__data__ && node.__data__[0] && node.__data__[0].trace;
            if (!trace || !trace.customdata || trace.visible !== true) return;
            if (node.closest('.rangeslider-container')) return;  // the slider's miniature takes no clicks
            node.querySelectorAll('path.point').forEach((point) => {
              const datum = point.__data__;
              const custom = datum ? trace.customdata[datum.i] : undefined;
              const box = point.getBoundingClientRect();
              if (custom === undefined || custom === null || box.width === 0 || !inside(box)) return;
              points.push({ id: String(Array.isArray(custom) ? custom[0] : custom),
                            x: box.x + box.width / 2, y: box.y + box.height / 2 });
            });
          });
          return points;
        }"""
    )
    return found


HOVERED_JS = """(id) => {
  const gd = document.querySelector('.js-plotly-plot');
  return (gd._hoverdata || []).some((p) => Array.isArray(p.customdata) && String(p.customdata[0]) === id);
}"""
"""Plotly's hover has found the point: a click now is a click on it (Plotly clicks what it hovers)."""

CLICK_SETTLED_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  return !gd._mouseDownTime || Date.now() - gd._mouseDownTime > gd._context.doubleClickDelay;
}"""
"""The last press is past Plotly's double-click window, so a new click is a click, not a double click."""


def _click_point(page: Page, point: dict[str, Any]) -> None:
    page.wait_for_function(CLICK_SETTLED_JS)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(HOVERED_JS, arg=point["id"])
    page.mouse.down()
    page.mouse.up()


def test_the_offline_chart_shows_the_quote_and_source_of_a_clicked_event(
    downloads: dict[str, bytes], offline_page: tuple[Page, list[str]], artifacts: Path
) -> None:
    page, refused = offline_page
    chart = artifacts / "export-timeline.html"
    chart.write_bytes(downloads["timeline.html"])
    page.goto(chart.as_uri())
    page.wait_for_function(CHART_DRAWN_JS)
    records = {r["id"]: r for r in json.loads(downloads["timeline.json"])}
    points = [point for point in _point_ids(page) if point["id"] in records]
    assert points, "no event point to click"
    panel = page.locator("#event-panel")
    expect(panel).to_be_hidden()
    for point in points[:3]:
        _click_point(page, point)
        expect(panel).to_be_visible()
        shown = panel.inner_text()
        clicked = next((records[p["id"]] for p in points if records[p["id"]]["title"] in shown), None)
        assert clicked is not None, shown
        assert clicked["sentence"].split("\n")[0][:40] in shown
        source = clicked["sources"][0]
        assert (source["title"] or source["doc"]) in shown
        panel.get_by_role("button", name="Close").click()
        expect(panel).to_be_hidden()
    assert page.evaluate("() => window.__pwned") is None
    assert refused == []
