"""Timeline page in a real browser: the chart is drawn, an event can be picked and read, a link shares it."""

from __future__ import annotations

import re

import pytest
from browser_support import CHART, MAIN, AppDriver, StoredTimeline, choose_option
from playwright.sync_api import Page, expect

from timeline.model import Event

pytestmark = pytest.mark.browser

CHART_EVENT_IDS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const ids = [];
  for (const trace of (plot && plot.data) || []) {
    for (const item of trace.customdata || []) ids.push(Array.isArray(item) ? item[0] : item);
  }
  return ids;
}"""


CLICKABLE_MARKER_JS = """() => {
  for (const point of document.querySelectorAll('.js-plotly-plot .cartesianlayer .subplot.xy .scatterlayer .point')) {
    const r = point.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const under = document.elementFromPoint(x, y);
    if (r.width > 0 && under && under.classList.contains('nsewdrag')) {
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }
  }
  return null;
}"""


def words(text: str) -> str:
    """Text as the browser shows it, for comparison: one space between words, no Markdown marks."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def pick_event(page: Page, app: AppDriver, label_part: str) -> None:
    """Choose an event in the list beside the chart by (part of) its label."""
    picker = app.keyed("pick").get_by_role("combobox")
    picker.click()
    picker.fill(label_part)  # the list is virtualised: type to bring the wanted option into it
    with app.rerun_after():
        choose_option(page.get_by_role("option").filter(has_text=label_part).first)


def expect_detail(page: Page, event: Event) -> None:
    """The event's detail is shown: its title and, word for word, the sentence it was quoted from."""
    main = page.locator(MAIN)
    expect(main.get_by_role("heading", name=event.title).first).to_be_visible()
    expect(main).to_contain_text(words(event.mentions[0].sentence))


def test_opens_on_the_chart_with_every_event(app: AppDriver, stored: StoredTimeline) -> None:
    app.open()
    app.wait_for_chart()
    dated = [event for event in stored.events if event.start is not None]
    assert dated, "the seeds gave no dated event"
    drawn_ids = set(app.page.evaluate(CHART_EVENT_IDS_JS))
    assert {event.id for event in dated} <= drawn_ids
    expect(
        app.page.get_by_text(re.compile(rf"{len(stored.events)} of {len(stored.events)} events shown"))
    ).to_be_visible()
    app.screenshot("timeline")


def test_picking_an_event_shows_its_quote_and_source(app: AppDriver, stored: StoredTimeline) -> None:
    event = next(e for e in stored.events if e.start is not None and e.precision == "day")
    app.open()
    app.wait_for_chart()
    pick_event(app.page, app, event.title)
    app.wait_for_query("sel", event.id)
    expect_detail(app.page, event)
    expect(app.page.locator(MAIN)).to_contain_text(event.sources[0].outlet or "Unknown outlet")
    app.screenshot("timeline-event-selected")


def test_a_click_on_a_marker_selects_its_event(app: AppDriver, stored: StoredTimeline) -> None:
    app.open()
    app.wait_for_chart()
    # A marker of the main plot (not the range slider's copy) that is inside the shown range and not
    # under the key or the buttons: where the click lands on Plotly's drag layer.
    box = app.page.evaluate(CLICKABLE_MARKER_JS)
    assert box is not None, "no marker of the chart can be clicked"
    # Plotly listens on its drag layer above the markers, so click where the marker is drawn; the
    # selection reaches the app a moment later (Plotly's event), so wait for that rerun, then the URL.
    with app.rerun_after():
        app.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    app.page.wait_for_function("() => new URLSearchParams(location.search).has('sel')")
    selected = app.query().get("sel")
    assert selected in {event.id for event in stored.events}
    chosen = next(event for event in stored.events if event.id == selected)
    expect_detail(app.page, chosen)


def test_a_shared_link_reopens_the_same_filters_and_event(
    app: AppDriver, stored: StoredTimeline, page: Page
) -> None:
    """Filter and select in one tab, then open its address in a fresh browser context."""
    event = next(e for e in stored.events if e.start is not None and e.actors)
    actor = event.actors[0]
    shown = sum(1 for e in stored.events if actor in e.actors)
    app.open()
    app.wait_for_chart()
    app.keyed("f_actors").get_by_role("combobox").click()
    with app.rerun_after():
        choose_option(app.page.get_by_role("option", name=actor, exact=True))
    app.wait_for_query("actors", actor, contains=True)  # the filter is in the address before going on
    app.page.keyboard.press("Escape")
    pick_event(app.page, app, event.title)
    app.wait_for_query("sel", event.id)
    app.wait_for_query("actors", actor, contains=True)
    link = app.page.url
    assert app.query().get("sel") == event.id
    assert actor in app.query().get("actors", "").split(",")

    browser = page.context.browser
    assert browser is not None
    fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        other = AppDriver(fresh.new_page(), app.base_url, app.artifacts)
        other.page.goto(link)
        other.wait_for_chart()
        expect(other.keyed("f_actors")).to_contain_text(actor)
        expect(
            other.page.get_by_text(re.compile(rf"{shown} of {len(stored.events)} events shown"))
        ).to_be_visible()
        expect_detail(other.page, event)
        assert set(other.page.evaluate(CHART_EVENT_IDS_JS)) <= {
            e.id for e in stored.events if actor in e.actors
        }
        other.screenshot("timeline-shared-link")
    finally:
        fresh.close()


def test_chart_is_a_plotly_chart(app: AppDriver) -> None:
    """The chart is the real Plotly widget (so hover, zoom and the range slider work)."""
    app.open()
    app.wait_for_chart()
    expect(app.page.locator(f"{CHART} .rangeslider-container").first).to_be_attached()


def test_category_lanes_in_large_type_from_a_link(app: AppDriver, stored: StoredTimeline) -> None:
    """The projector view: lanes by category, large type, both carried by the link."""
    app.open("", {"lane": "category", "large": "1"})
    chart = app.wait_for_chart()
    lanes = {text.strip().lower() for text in chart.locator(".ytick text").all_text_contents()}
    categories = {event.category.lower() for event in stored.events if event.start is not None}
    assert lanes & categories, f"lanes {lanes} show none of the categories {categories}"
    expect(app.page.get_by_role("switch", name="Large type (projector)")).to_be_checked()
    app.screenshot("timeline-categories-large-type")


def test_the_detail_links_to_its_article_in_sources(app: AppDriver, stored: StoredTimeline) -> None:
    event = next(e for e in stored.events if e.start is not None and e.mentions)
    document = next(doc for doc in stored.documents if doc.doc_id == event.mentions[0].doc)
    app.open("", {"sel": event.id})
    expect_detail(app.page, event)
    with app.rerun_after():
        app.page.locator(MAIN).get_by_role("link", name="Read it in the article").first.click()
    app.page.wait_for_url(re.compile(r"/sources\?"))
    app.wait_for_query("doc", document.doc_id)
    expect(
        app.page.locator(MAIN).get_by_role("heading", name=document.title or document.doc_id)
    ).to_be_visible()
    expect(app.page.locator(MAIN)).to_contain_text(event.mentions[0].time_text)


OVERVIEW_LAYOUT_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: element.textContent };
  };
  const drag = plot.querySelector('.draglayer .xy .nsewdrag');
  const labels = [...plot.querySelectorAll('.cartesianlayer .subplot.xy .scatterlayer .textpoint text')]
    .filter((text) => text.textContent.trim() && getComputedStyle(text).opacity !== '0').map(box);
  return {
    figure: box(plot.querySelector('.main-svg')),
    plot: box(drag),
    labels,
    lanes: [...plot.querySelectorAll('.ytick text')].map(box),
    controls: [...plot.querySelectorAll('.infolayer .annotation, .updatemenu-container .updatemenu-button')]
      .map(box),
  };
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and (a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5)
    )


def _inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1280, 720), (1440, 900)])
def test_the_overview_on_a_projector_has_labels_that_never_overlap_and_controls_that_fit(
    app: AppDriver, page: Page, width: int, height: int
) -> None:
    """Large type, key events on: each key label inside the plot and clear of every other label; the
    lane names clear of each other; the key and the range buttons inside the figure (not cut off)."""
    page.set_viewport_size({"width": width, "height": height})
    app.open("", {"large": "1", "key": "1"})
    app.wait_for_chart()
    layout = app.page.evaluate(OVERVIEW_LAYOUT_JS)
    labels, lanes = layout["labels"], layout["lanes"]
    assert labels, "no key event is labelled"
    for index, label in enumerate(labels):
        assert _inside(label, layout["plot"]), f"{label['text']!r} runs past the plot {layout['plot']}"
        for other in labels[index + 1 :]:
            assert not _overlap(label, other), f"{label['text']!r} overlaps {other['text']!r}"
    for index, lane in enumerate(lanes):
        assert not any(_overlap(lane, other) for other in lanes[index + 1 :]), f"lane {lane['text']!r}"
    for control in layout["controls"]:
        assert _inside(control, layout["figure"]), f"{control['text']!r} is cut off: {control}"
    app.screenshot(f"timeline-overview-large-{width}x{height}")
