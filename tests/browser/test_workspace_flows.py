"""The teacher's workspace where only a browser shows it:

- a pasted text and a web address (served by a local HTTP server in the test) become articles whose
  events appear on the Timeline;
- a new actor and a new category typed into the real dropdowns (their "Add: …" option) are saved and
  shown to readers, on the chart's lanes and in the Data table;
- a reader's browser shows no edit control on any page, and forged writes change nothing: crafted
  links on every page, and an editor's own save message (recorded off the websocket) replayed over a
  reader's connection. The same bytes sent over the editor's connection do save: the forgery was real;
- a collection's backup downloaded through the real button and restored through the real file chooser
  brings back its article, its correction and its lesson, whose link plays in another browser;
- an event's history lists a change, and its Undo brings the extracted title back, for readers too;
- a 50 MB file chosen with a good one is marked refused in the chooser, with its reason, and the good
  one is read on its own.

The paste, address and typing tests work in collections of their own (made through the workspace API),
so the seed timeline the other browser tests read is never changed; the replayed save is undone.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    MAIN,
    UI_TIMEOUT_MS,
    AppDriver,
    StoredTimeline,
    choose_option,
    editor_account,
    sign_in_as,
)
from intake_fixtures import serve
from playwright.sync_api import Browser, expect

from timeline.corrections import Edit, anchor_of
from timeline.documents.intake import read_pasted
from timeline.store import DATABASE_NAME, EventStore
from timeline.store.edits_store import Saved, edits, save_edit
from timeline.store.lessons_store import add_slide, create_lesson
from timeline.ui.add_page import ADD_KEY, FETCH_KEY, PASTE_KEY, READ_PASTE_KEY, URL_KEY
from timeline.ui.collections_page import DOWNLOAD_KEY, RESTORE_INTO_KEY, RESTORE_KEY
from timeline.workspace import Collection, add_article, create_collection, list_collections

pytestmark = pytest.mark.browser

NAME, PASSWORD = "Ms Flows", "a flows long password"
PASTED = (
    "Border deal signed\n\n"
    "Iraq and Kuwait signed a border agreement in Baghdad on March 2, 2011, officials said. "
    "The two countries first discussed the border in June 1994."
)
PAGE = (
    b"<html><head><title>Dam repaired</title>"
    b'<meta property="article:published_time" content="2016-08-10">'
    b'<meta property="og:site_name" content="River News"></head><body><article><h1>Dam repaired</h1>'
    b"<p>Engineers finished repairs on the Mosul Dam on August 9, 2016, the contractor said. "
    b"Work on the dam had started in March 2016 after warnings of a collapse.</p>"
    b"</article></body></html>"
)
CHART_EVENT_IDS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const ids = [];
  for (const trace of (plot && plot.data) || []) {
    if (trace.name === 'Selected') continue;
    for (const item of trace.customdata || []) ids.push(Array.isArray(item) ? item[0] : item);
  }
  return ids;
}"""

SOCKETS_JS = """(() => {
  // Every websocket of the page, and a switch that holds back (records, never sends) the next message
  // naming the widget key in window.__hold: the click on that button.
  const Base = window.WebSocket;
  const send = Base.prototype.send;
  const text = new TextDecoder('utf-8', { fatal: false });
  window.__sockets = [];
  window.__hold = null;
  window.__held = null;
  Base.prototype.send = function (data) {
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    if (window.__hold && text.decode(bytes).includes(window.__hold)) {
      window.__held = Array.from(bytes);
      window.__hold = null;
      return;
    }
    return send.call(this, data);
  };
  class Kept extends Base {
    constructor(...args) { super(...args); window.__sockets.push(this); }
  }
  window.WebSocket = Kept;
})();"""
"""Installed after the driver's run ledger, so messages sent through it are still counted as reruns."""
SEND_JS = "(bytes) => window.__sockets[window.__sockets.length - 1].send(new Uint8Array(bytes))"

EDIT_CONTROL_KEYS = (
    "edit_",
    "add_",
    "cite_",
    "article_",
    "undo_",
    "orphan_",
    "conflict_",
    "show_hidden",
    "lesson_",
    "slide_",
    "backup_",
    "restore_",
    "collection_new",
    "undated_",
)
KEYED_CLASSES_JS = """() => Array.from(document.querySelectorAll('[class*="st-key-"]'))
  .flatMap((node) => Array.from(node.classList)).filter((name) => name.startsWith('st-key-'))
  .map((name) => name.slice('st-key-'.length))"""


@pytest.fixture
def editor(data_dir: Path) -> Iterator[None]:
    with editor_account(data_dir, NAME, PASSWORD):
        yield


def reader_in(browser: Browser, app_url: str, artifacts: Path) -> tuple[Any, AppDriver]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    return context, AppDriver(context.new_page(), app_url, artifacts)


def stored_events(collection: Collection) -> list[Any]:
    store = EventStore(collection.store_path)
    try:
        return [event for event in store.events() if event.start is not None]
    finally:
        store.close()


# -- paste and address ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("editor")
def test_a_pasted_text_and_a_web_address_show_their_events_on_the_timeline(
    app: AppDriver, data_dir: Path
) -> None:
    collection = create_collection("Pasted and fetched", data_dir)
    main = app.page.locator(MAIN)
    with serve({"/dam": (200, "text/html; charset=utf-8", PAGE)}) as base:
        app.open("add", {"c": collection.slug})
        sign_in_as(app, NAME, PASSWORD)
        expect(app.page.get_by_role("heading", name="Add articles")).to_be_visible()

        main.get_by_role("tab", name="Paste a text").click()
        app.keyed(PASTE_KEY).locator("textarea").fill(PASTED)
        app.keyed(READ_PASTE_KEY).get_by_role("button").click()
        app.wait_idle()
        expect(main.get_by_label("Title").first).to_have_value("Border deal signed")

        main.get_by_role("tab", name="Web address").click()
        address = app.keyed(URL_KEY).locator("input")
        address.fill(f"{base}/dam")
        address.press("Enter")
        app.wait_idle()
        app.keyed(FETCH_KEY).get_by_role("button").click()
        app.wait_idle()
        expect(main.get_by_label("Title").nth(1)).to_have_value("Dam repaired")
        expect(main).to_contain_text("Found in")  # where the publication date came from

    app.keyed(ADD_KEY).get_by_role("button").click()
    app.wait_idle()
    expect(main).to_contain_text("Added 2 article(s)")
    events = stored_events(collection)
    days = {str(event.start) for event in events}
    assert {"2011-03-02", "2016-08-09"} <= days, days  # one from each article
    app.open("", {"c": collection.slug})
    app.wait_for_chart()
    assert set(app.page.evaluate(CHART_EVENT_IDS_JS)) == {event.id for event in events}
    app.screenshot("add-paste-address-timeline")


# -- a new actor and a new category, typed -----------------------------------------------------------


def type_new_option(app: AppDriver, combobox: Any, text: str) -> None:
    """Type ``text`` into a dropdown that accepts new options and choose its "Add: …" option."""
    combobox.click()
    combobox.press_sequentially(text)
    choose_option(app.page.get_by_role("option", name=f"Add: {text}", exact=True))
    app.page.keyboard.press("Escape")


@pytest.mark.usefixtures("editor")
def test_a_new_actor_and_a_new_category_typed_in_the_dropdowns_are_saved_and_shown(
    app: AppDriver, browser: Browser, app_url: str, data_dir: Path, artifacts: Path
) -> None:
    collection = create_collection("Typed corrections", data_dir)
    add_article(collection, read_pasted(PASTED), published=None)
    app.open("", {"c": collection.slug})  # extracts the article
    app.wait_for_chart()
    sign_in_as(app, NAME, PASSWORD)
    event = next(e for e in stored_events(collection) if str(e.start) == "2011-03-02")
    app.open("", {"c": collection.slug, "sel": event.id})
    app.wait_for_chart()
    panel = app.keyed("edit_panel")
    panel.get_by_role("tab", name="Actors").click()
    details = app.keyed("edit_details")
    type_new_option(app, details.get_by_test_id("stMultiSelect").get_by_role("combobox"), "Arab League")
    type_new_option(app, details.get_by_test_id("stSelectbox").get_by_role("combobox"), "Border treaties")
    app.keyed("edit_details_save").get_by_role("button").click()
    app.wait_idle()
    main = app.page.locator(MAIN)
    expect(main.get_by_text("Saved: actors and category changed")).to_be_visible()
    expect(main).to_contain_text("edited by hand: actors, category")
    app.screenshot("edits-typed-actor-category")

    context, reader = reader_in(browser, app_url, artifacts)
    try:
        reader.open("", {"c": collection.slug, "lane": "category"})
        chart = reader.wait_for_chart()
        lanes = {text.strip() for text in chart.locator(".ytick text").all_text_contents()}
        assert "border treaties" in lanes, lanes
        reader.open("data", {"c": collection.slug})
        reader_main = reader.page.locator(MAIN)
        reader_main.get_by_text("Plain table (for screen readers and printing)").click()
        table = reader_main.get_by_role("table")
        expect(table).to_contain_text("border treaties")
        expect(table).to_contain_text("Arab League")
    finally:
        context.close()


# -- readers -------------------------------------------------------------------------------------------

PAGES = ["", "present", "sources", "data", "lessons", "add", "collection"]


def test_a_readers_browser_shows_no_edit_control_and_crafted_links_change_nothing(
    app: AppDriver, stored: StoredTimeline, data_dir: Path
) -> None:
    event = next(e for e in stored.events if e.start is not None and e.sources)
    store = EventStore(data_dir / DATABASE_NAME)
    before = (len(edits(store)), [c.slug for c in list_collections(data_dir)])
    forged = {
        "sel": event.id,
        "doc": event.sources[0].doc,
        "edit": "title",
        "title": "Forged",
        "edit_title_save": "true",
        "add": "1",
        "confirm": "1",
        "restore": "1",
        "new_collection": "Forged",
        "undo": "1",
        "editor": NAME,
        "signed_in": "1",
    }
    for path in PAGES:
        app.open(path, forged)
        expect(app.page.get_by_test_id("stSidebar").get_by_text("Editor sign-in", exact=True)).to_be_visible()
        keys = app.page.evaluate(KEYED_CLASSES_JS)
        assert "collection_select" in keys, keys  # the scan sees keyed elements (the sidebar's)
        controls = [key for key in keys if key.startswith(EDIT_CONTROL_KEYS)]
        assert not controls, (path, controls)
        main = app.page.locator(MAIN)
        expect(main.locator('input[type="file"]')).to_have_count(0)
        expect(main.locator("textarea")).to_have_count(0)
        expect(main.get_by_text("Correct this event")).to_have_count(0)
        expect(main.get_by_text("Changes to place")).to_have_count(0)
    assert (len(edits(store)), [c.slug for c in list_collections(data_dir)]) == before


@pytest.mark.usefixtures("editor")
def test_an_editors_save_replayed_over_a_readers_connection_changes_nothing(
    app: AppDriver, stored: StoredTimeline, browser: Browser, app_url: str, data_dir: Path, artifacts: Path
) -> None:
    event = next(e for e in stored.events if e.start is not None and e.precision == "day" and e.sources)
    store = EventStore(data_dir / DATABASE_NAME)
    app.page.add_init_script(SOCKETS_JS)
    app.open()
    sign_in_as(app, NAME, PASSWORD)
    app.open("", {"sel": event.id})
    app.wait_for_chart()
    keys = app.page.evaluate(KEYED_CLASSES_JS)
    assert [key for key in keys if key.startswith(EDIT_CONTROL_KEYS)], "an editor's page has the controls"
    field = app.keyed("edit_title").locator("input")
    field.fill("Replayed title zqxreplay")
    app.page.evaluate("() => { window.__hold = 'edit_title_save'; }")
    app.keyed("edit_title_save").get_by_role("button").click()
    app.page.wait_for_function("() => window.__held !== null")
    save_message = app.page.evaluate("() => window.__held")
    before = len(edits(store))

    context, reader = reader_in(browser, app_url, artifacts)
    try:
        reader.page.add_init_script(SOCKETS_JS)
        reader.open("", {"sel": event.id})
        reader.wait_for_chart()
        with reader.rerun_after():
            reader.page.evaluate(SEND_JS, save_message)
        assert len(edits(store)) == before, "the replayed save wrote nothing"
        expect(reader.keyed("edit_panel")).to_have_count(0)
        expect(reader.page.get_by_text("Saved: title changed")).to_have_count(0)
        expect(reader.page.locator(MAIN).get_by_role("heading", name=event.title).first).to_be_visible()
    finally:
        context.close()

    # The same bytes over the editor's own connection do save: the replayed message was a real save.
    with app.rerun_after():
        app.page.evaluate(SEND_JS, save_message)
    expect(app.page.locator(MAIN).get_by_text("Saved: title changed")).to_be_visible()
    assert [edit.new for edit in edits(store)[before:]] == ["Replayed title zqxreplay"]


# -- backup and restore --------------------------------------------------------------------------------


@pytest.mark.usefixtures("editor")
def test_a_backup_downloaded_and_restored_in_the_browser_brings_back_articles_edits_and_lessons(
    app: AppDriver, browser: Browser, app_url: str, data_dir: Path, artifacts: Path, tmp_path: Path
) -> None:
    collection = create_collection("Backed up", data_dir)
    add_article(collection, read_pasted(PASTED), published=None)
    app.open("", {"c": collection.slug})  # extracts the article
    app.wait_for_chart()
    store = EventStore(collection.store_path)
    try:
        event = next(e for e in store.events() if str(e.start) == "2011-03-02")
        edit = Edit("title", "Border treaty signed zqxbackup", event.id, anchor_of(event), author=NAME)
        assert isinstance(save_edit(store, edit, None), Saved)
        lesson = create_lesson(store, "Borders of the Gulf")
        add_slide(store, lesson.slug, event, note="Read the treaty's first line")
    finally:
        store.close()

    sign_in_as(app, NAME, PASSWORD)
    app.open("collection", {"c": collection.slug})
    with app.page.expect_download() as arrived:
        app.keyed(DOWNLOAD_KEY).get_by_role("button").click()
    backup = tmp_path / arrived.value.suggested_filename
    arrived.value.save_as(backup)
    app.wait_idle()
    with zipfile.ZipFile(backup) as archive:
        assert {"collection.json", "edits.json", "lessons.json"} <= set(archive.namelist())

    before = {c.slug for c in list_collections(data_dir)}
    with app.page.expect_file_chooser() as chooser:
        app.keyed("restore_file_0").get_by_test_id("stBaseButton-secondary").click()
    chooser.value.set_files(str(backup))
    chosen = app.page.get_by_role("button", name=f"Remove {backup.name}")
    expect(chosen).to_be_visible(timeout=UI_TIMEOUT_MS)  # sent: a step's time on a busy machine
    app.wait_idle()
    app.keyed(RESTORE_INTO_KEY).get_by_text("Into a new collection").click()
    app.wait_idle()
    app.keyed(RESTORE_KEY).get_by_role("button").click()
    app.wait_idle()
    expect(app.page.locator(MAIN)).to_contain_text("1 article(s) added; 1 edit(s) added; 1 lesson(s) added")
    (restored,) = [c for c in list_collections(data_dir) if c.slug not in before]
    app.wait_for_query("c", restored.slug)

    context, reader = reader_in(browser, app_url, artifacts)
    try:
        reader.open("present", {"c": restored.slug, "lesson": lesson.slug})
        main = reader.page.locator(MAIN)
        expect(main.get_by_role("heading", name="Borders of the Gulf")).to_be_visible()
        reader.keyed("next").get_by_role("button").click()
        reader.wait_idle()
        expect(main.get_by_role("heading", name="Border treaty signed zqxbackup").first).to_be_visible()
        expect(main).to_contain_text("Read the treaty's first line")
        expect(main).to_contain_text("edited by hand: title")
    finally:
        context.close()


# -- history and undo ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("editor")
def test_the_history_lists_a_change_and_its_undo_brings_the_extracted_title_back_for_readers(
    app: AppDriver, browser: Browser, app_url: str, data_dir: Path, artifacts: Path
) -> None:
    collection = create_collection("Undone", data_dir)
    add_article(collection, read_pasted(PASTED), published=None)
    app.open("", {"c": collection.slug})  # extracts the article
    app.wait_for_chart()
    sign_in_as(app, NAME, PASSWORD)
    event = next(e for e in stored_events(collection) if str(e.start) == "2011-03-02")
    app.open("", {"c": collection.slug, "sel": event.id})
    app.wait_for_chart()
    app.keyed("edit_title").locator("input").fill("A title to take back zqxundo")
    app.keyed("edit_title_save").get_by_role("button").click()
    app.wait_idle()
    main = app.page.locator(MAIN)
    expect(main.get_by_text("Saved: title changed")).to_be_visible()

    app.keyed("edit_panel").get_by_role("tab", name="History").click()
    history = app.keyed("edit_history")
    expect(history).to_contain_text("#1 · ")
    expect(history).to_contain_text(NAME)
    expect(history).to_contain_text(f"title: {event.title} → A title to take back zqxundo")
    app.keyed("undo_1").get_by_role("button").click()
    app.wait_idle()
    expect(main.get_by_text("Undone: change #1")).to_be_visible()
    expect(main.get_by_role("heading", name=event.title).first).to_be_visible()
    app.keyed("edit_panel").get_by_role("tab", name="History").click()
    expect(app.keyed("edit_history")).to_contain_text("undone by #2")
    expect(app.keyed("undo_1")).to_have_count(0)

    context, reader = reader_in(browser, app_url, artifacts)
    try:
        reader.open("", {"c": collection.slug, "sel": event.id})
        expect(reader.page.locator(MAIN).get_by_role("heading", name=event.title).first).to_be_visible()
        expect(reader.page.locator(MAIN)).not_to_contain_text("edited by hand")
    finally:
        context.close()


# -- bad files through the real file chooser -----------------------------------------------------------


@pytest.mark.usefixtures("editor")
def test_a_50_mb_file_is_marked_refused_in_the_chooser_and_the_good_one_beside_it_goes_on(
    app: AppDriver, data_dir: Path, tmp_path: Path
) -> None:
    collection = create_collection("Too big", data_dir)
    huge, good = tmp_path / "huge.txt", tmp_path / "border.txt"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # 50 MB (of NUL bytes: its size is refused before its content)
    good.write_text(PASTED, encoding="utf-8")
    app.open("add", {"c": collection.slug})
    sign_in_as(app, NAME, PASSWORD)
    with app.page.expect_file_chooser() as chooser:
        app.page.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary").click()
    chooser.value.set_files([str(huge), str(good)])
    main = app.page.locator(MAIN)
    expect(main.get_by_text("border.txt")).to_be_visible(timeout=UI_TIMEOUT_MS)  # sent (a step's time)
    app.wait_idle()
    app.screenshot("add-too-big-chosen")
    # Refused in the browser before a byte is sent: the file's chip is marked invalid, with the reason
    # (a tooltip on the chip, read out by a screen reader); the good file beside it is not.
    huge_chip = app.page.get_by_test_id("stFileChip").filter(has_text="huge.txt")
    expect(huge_chip).to_have_attribute("aria-invalid", "true")
    expect(app.page.get_by_role("alert").filter(has_text="File must be 10.0MB or smaller.")).to_have_count(1)
    good_chip = app.page.get_by_test_id("stFileChip").filter(has_text="border.txt")
    expect(good_chip).not_to_have_attribute("aria-invalid", "true")
    app.keyed("add_read_files").get_by_role("button").click()
    app.wait_idle()
    expect(main.get_by_label("Title").first).to_have_value("Border deal signed")
    expect(main.get_by_label("Title")).to_have_count(1)
    app.screenshot("add-too-big-read")
    assert stored_events(collection) == [], "nothing is added before the editor confirms"
