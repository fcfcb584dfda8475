"""The teacher's workspace in a real browser: an article uploaded through the real file chooser shows
its events on the Timeline, and a lesson's link opened in another browser plays it in Present.

Each test works in a collection of its own (made through the workspace API), so the seed timeline the
other browser tests read is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import MAIN, UI_TIMEOUT_MS, AppDriver, sign_in_as
from playwright.sync_api import Browser, expect

from timeline.auth import add_editor, ensure_cookie_key, remove_editor
from timeline.documents.intake import read_pasted
from timeline.store import EventStore
from timeline.store.lessons_store import add_slide, create_lesson
from timeline.workspace import Collection, add_article, create_collection

pytestmark = pytest.mark.browser

NAME, PASSWORD = "Ms Workspace", "a workspace long password"
ARTICLE = (
    "Tanker war\n\n"
    "Iraqi aircraft struck tankers near Kharg Island on March 27, 1984, shipping agents said. "
    "The war between Iran and Iraq had begun in September 1980."
)
CHART_EVENT_IDS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const ids = [];
  for (const trace of (plot && plot.data) || []) {
    for (const item of trace.customdata || []) ids.push(Array.isArray(item) ? item[0] : item);
  }
  return ids;
}"""


@pytest.fixture
def editor(data_dir: Path) -> Iterator[None]:
    ensure_cookie_key(data_dir / "secrets.toml")
    add_editor(NAME, PASSWORD, data_dir / "editors.yaml", replace=True, rounds=4)
    yield
    remove_editor(NAME, data_dir / "editors.yaml")


def own_events(collection: Collection) -> list[str]:
    store = EventStore(collection.store_path)
    try:
        return [event.id for event in store.events() if event.start is not None]
    finally:
        store.close()


@pytest.mark.usefixtures("editor")
def test_a_file_uploaded_through_the_file_chooser_shows_its_events_on_the_timeline(
    app: AppDriver, data_dir: Path, tmp_path: Path
) -> None:
    collection = create_collection("The tanker war (upload)", data_dir)
    article = tmp_path / "tanker-war.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    app.open("add", {"c": collection.slug})
    sign_in_as(app, NAME, PASSWORD)
    expect(app.page.get_by_role("heading", name="Add articles")).to_be_visible()
    with app.page.expect_file_chooser() as chooser:
        app.page.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary").click()
    chooser.value.set_files(str(article))
    # The chip shows once the browser has sent the file (not an idle page: no rerun is asked): it may take
    # a step's time on a busy machine, not an expect's.
    expect(app.page.locator(MAIN).get_by_text("tanker-war.txt")).to_be_visible(timeout=UI_TIMEOUT_MS)
    app.wait_idle()
    app.keyed("add_read_files").get_by_role("button").click()
    app.wait_idle()
    expect(app.page.get_by_label("Title").first).to_have_value("Tanker war")
    app.keyed("add_confirm").get_by_role("button").click()
    app.wait_idle()
    expect(app.page.locator(MAIN)).to_contain_text("Added 1 article(s)")
    events = own_events(collection)
    assert events, "the uploaded article's events are stored"
    app.open("", {"c": collection.slug})
    app.wait_for_chart()
    assert set(app.page.evaluate(CHART_EVENT_IDS_JS)) == set(events)
    expect(app.page.get_by_text(f"{len(events)} of {len(events)} events shown")).to_be_visible()
    app.screenshot("add-upload-timeline")


def test_a_lesson_link_opened_in_another_browser_plays_in_present(
    app: AppDriver, browser: Browser, app_url: str, data_dir: Path, artifacts: Path
) -> None:
    collection = create_collection("The tanker war (lesson)", data_dir)
    add_article(collection, read_pasted(ARTICLE), published=None)
    app.open("", {"c": collection.slug})  # the app extracts the new article on this first view
    app.wait_for_chart()
    store = EventStore(collection.store_path)
    try:
        events = sorted((e for e in store.events() if e.start is not None), key=lambda e: e.start or 0)
        assert events
        lesson = create_lesson(store, "Tankers in the Gulf")
        for event in reversed(events):  # the teacher's order: latest first
            add_slide(store, lesson.slug, event, note=f"Note on {event.display_date}")
    finally:
        store.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        reader = AppDriver(context.new_page(), app_url, artifacts)
        reader.open("present", {"lesson": lesson.slug, "c": collection.slug})
        main = reader.page.locator(MAIN)
        expect(main.get_by_role("heading", name="Tankers in the Gulf")).to_be_visible()
        expect(main).to_contain_text(f"0 / {len(events)}")
        reader.keyed("next").get_by_role("button").click()
        reader.wait_idle()
        first = events[-1]
        expect(main.get_by_role("heading", name=first.title).first).to_be_visible()
        expect(main).to_contain_text(f"Note on {first.display_date}")
        reader.wait_for_query("lesson", lesson.slug)
        reader.screenshot("lesson-present")
    finally:
        context.close()
