"""Corrections in a real browser: an editor signs in, changes an event's title, and the new title is what
Timeline, Present and Data show; two browsers editing one event at once get the conflict, with both
values, and the second can keep theirs or save over it.

The suite shares one server and data folder, so each test undoes its edits when it ends (undo rows:
the events are then as extracted again for the tests that follow).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import MAIN, UI_TIMEOUT_MS, AppDriver, StoredTimeline, editor_account, sign_in_as
from playwright.sync_api import Browser, expect

from timeline.model import Event

pytestmark = pytest.mark.browser

NAME, PASSWORD = "Ms Editor", "an editor's long password"
MARK = "zqxedit"
"""A word no article holds: the search filter then shows exactly the edited event."""


@pytest.fixture
def editor(data_dir: Path) -> Iterator[None]:
    with editor_account(data_dir, NAME, PASSWORD):
        yield


def open_event(app: AppDriver, event: Event) -> None:
    app.open("", {"sel": event.id})
    app.wait_for_chart()
    expect(app.keyed("edit_panel")).to_be_visible()


def save_title(app: AppDriver, title: str) -> None:
    field = app.keyed("edit_title").locator("input")
    field.fill(title)
    app.keyed("edit_title_save").get_by_role("button").click()
    app.wait_idle()


def some_event(stored: StoredTimeline) -> Event:
    return next(e for e in stored.events if e.start is not None and e.precision == "day" and e.sources)


@pytest.mark.usefixtures("editor")
def test_an_editor_changes_a_title_and_every_page_shows_it(
    app: AppDriver, stored: StoredTimeline, browser: Browser, app_url: str, artifacts: Path
) -> None:
    event = some_event(stored)
    app.open()
    sign_in_as(app, NAME, PASSWORD)
    open_event(app, event)
    new_title = f"Corrected by a teacher {MARK}"
    save_title(app, new_title)
    main = app.page.locator(MAIN)
    expect(main.get_by_text("Saved: title changed")).to_be_visible()
    expect(main.get_by_role("heading", name=new_title).first).to_be_visible()
    expect(main).to_contain_text("edited by hand: title")
    app.screenshot("edits-title-saved")

    # a reader (another browser, not signed in) sees the new title on every page, and no edit control
    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    other.set_default_timeout(UI_TIMEOUT_MS)
    try:
        reader = AppDriver(other.new_page(), app_url, artifacts)
        reader.open("", {"sel": event.id})
        reader_main = reader.page.locator(MAIN)
        expect(reader_main.get_by_role("heading", name=new_title).first).to_be_visible()
        expect(reader.keyed("edit_panel")).to_have_count(0)
        expect(reader.page.get_by_text("Correct this event")).to_have_count(0)

        reader.open("present", {"q": MARK, "slide": "1"})
        expect(reader_main.get_by_role("heading", name=new_title).first).to_be_visible()
        expect(reader_main).to_contain_text("edited by hand: title")

        reader.open("data", {"q": MARK})
        expect(reader_main).to_contain_text("1 of")
        reader_main.get_by_text("Plain table (for screen readers and printing)").click()
        expect(reader_main.get_by_role("table")).to_contain_text(new_title)
    finally:
        other.close()


@pytest.mark.usefixtures("editor")
def test_two_browsers_editing_one_event_get_the_conflict(
    app: AppDriver, stored: StoredTimeline, browser: Browser, app_url: str, artifacts: Path
) -> None:
    event = some_event(stored)
    second = browser.new_context(viewport={"width": 1440, "height": 1000})
    second.set_default_timeout(UI_TIMEOUT_MS)
    try:
        other = AppDriver(second.new_page(), app_url, artifacts)
        for driver in (app, other):  # both open the event's form before either saves
            driver.open()
            sign_in_as(driver, NAME, PASSWORD)
            open_event(driver, event)
        save_title(app, f"First editor's title {MARK}")
        expect(app.page.locator(MAIN).get_by_text("Saved: title changed")).to_be_visible()

        save_title(other, f"Second editor's title {MARK}")
        conflict = other.keyed("edit_conflict")
        expect(conflict).to_contain_text("Someone else changed the title")
        expect(conflict).to_contain_text("First editor's title")
        expect(conflict).to_contain_text("Second editor's title")
        expect(other.page.get_by_text("Saved: title changed")).to_have_count(0)
        other.screenshot("edits-conflict")

        other.keyed("conflict_save_mine").get_by_role("button").click()
        other.wait_idle()
        other_main = other.page.locator(MAIN)
        expect(other_main.get_by_text("Saved: title changed (over their change)")).to_be_visible()
        expect(other_main.get_by_role("heading", name=f"Second editor's title {MARK}").first).to_be_visible()
    finally:
        second.close()
