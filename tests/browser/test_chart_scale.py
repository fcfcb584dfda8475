"""The chart with 10,000 stored events in a real browser: the overview (density strips, labelled key
events) is drawn, every event is drawn in WebGL with the switch off, and the chart's "every event"
button shows the single events. Every wait is for a state of the Plotly graph div, never a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import UI_TIMEOUT_MS, AppDriver
from playwright.sync_api import Browser

from bench.bench_coldstart import CHART_DRAWN_JS

SYNTHETIC_EVENTS = 10_000
"""The store's size (``synthetic_url``)."""

VISIBLE_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const shown = gd._fullData.filter(t => t.visible === true);
  const ids = new Set();
  for (const t of shown) {
    if (t.name === 'Selected' || t.name === 'Key events' || !t.customdata) continue;
    for (let i = 0; i < t._length; i++) ids.add(t.customdata[i][0]);
  }
  return {
    kinds: [...new Set(shown.map(t => t.type))].sort(),
    webglPoints: shown.filter(t => t.type === 'scattergl').reduce((n, t) => n + t._length, 0),
    ids: ids.size,
    keyEvents: shown.filter(t => t.name === 'Key events').reduce((n, t) => n + t._length, 0),
    range: gd._fullLayout.xaxis.range.map(String),
  };
}"""


@pytest.fixture
def scale_app(browser: Browser, synthetic_url: str, artifacts: Path) -> Iterator[AppDriver]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS * 4)  # 10,000 events on a shared machine: a generous bound
    yield AppDriver(context.new_page(), synthetic_url, artifacts)
    context.close()


def _drawn(app: AppDriver) -> dict[str, Any]:
    app.wait_idle()
    app.page.wait_for_function(CHART_DRAWN_JS, polling="raf")
    state: dict[str, Any] = app.page.evaluate(VISIBLE_JS)
    return state


def _dated() -> int:
    from bench.synthetic import synthetic_events

    return sum(1 for event in synthetic_events(SYNTHETIC_EVENTS) if event.start is not None)


def test_ten_thousand_events_open_on_density_and_key_events(scale_app: AppDriver) -> None:
    scale_app.open()
    state = _drawn(scale_app)
    assert "heatmap" in state["kinds"], state
    assert state["keyEvents"] == 20, "the default number of key events"
    assert str(state["range"][0])[:4] >= "2002", "the opening range is the bulk of the events"


def test_ten_thousand_events_all_drawn_in_webgl_with_the_switch_off(scale_app: AppDriver) -> None:
    scale_app.open(query={"key": "0"})
    state = _drawn(scale_app)
    assert "scattergl" in state["kinds"] and "heatmap" not in state["kinds"], state
    assert state["ids"] == _dated(), "every dated event is drawn"
    assert int(str(state["webglPoints"])) >= SYNTHETIC_EVENTS // 2


def test_the_every_event_button_shows_the_single_events_in_webgl(scale_app: AppDriver) -> None:
    scale_app.open()
    _drawn(scale_app)
    scale_app.page.locator(".updatemenu-button", has_text="every event").first.click()
    scale_app.page.wait_for_function(
        """() => {
          const gd = document.querySelector('.js-plotly-plot');
          return gd._fullData.some(t => t.type === 'scattergl' && t.visible === true)
            && !gd._fullData.some(t => t.type === 'heatmap' && t.visible === true);
        }"""
    )
    state = _drawn(scale_app)
    assert state["ids"] == _dated()
