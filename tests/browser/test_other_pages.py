"""Present, Sources and Data in a real browser, and an article that tries to run code."""

from __future__ import annotations

import csv
import io
import json

import pytest
from browser_support import (
    HOSTILE_FILE,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    MAIN,
    AppDriver,
    PageWatch,
    StoredTimeline,
)
from playwright.sync_api import expect

from timeline.model import Event

pytestmark = pytest.mark.browser

PWNED_JS = "() => typeof window.__pwned"


def slide_order(events: tuple[Event, ...]) -> list[Event]:
    """The order Present steps through: dated events by start, end, then title."""
    dated = [event for event in events if event.start is not None and event.end is not None]
    return sorted(dated, key=lambda event: (event.start, event.end, event.title))


def test_present_steps_forward_and_back(app: AppDriver, stored: StoredTimeline) -> None:
    slides = slide_order(stored.events)
    total = len(slides)
    assert total >= 2
    app.open("present")
    expect(app.page.get_by_text(f"0 / {total}", exact=True)).to_be_visible()
    expect(app.keyed("previous").get_by_role("button")).to_be_disabled()
    app.screenshot("present-title-slide")

    with app.rerun_after():
        app.keyed("next").get_by_role("button").click()
    expect(app.page.get_by_text(f"1 / {total}", exact=True)).to_be_visible()
    expect(app.page.get_by_role("heading", name=slides[0].title)).to_be_visible()
    app.wait_for_query("slide", "1")
    app.screenshot("present-slide-1")

    with app.rerun_after():
        app.keyed("next").get_by_role("button").click()
    expect(app.page.get_by_text(f"2 / {total}", exact=True)).to_be_visible()
    expect(app.page.get_by_role("heading", name=slides[1].title)).to_be_visible()
    app.wait_for_query("slide", "2")

    with app.rerun_after():
        app.keyed("previous").get_by_role("button").click()
    expect(app.page.get_by_text(f"1 / {total}", exact=True)).to_be_visible()
    app.wait_for_query("slide", "1")


def test_present_link_opens_on_its_slide(app: AppDriver, stored: StoredTimeline) -> None:
    slides = slide_order(stored.events)
    last = len(slides)
    app.open("present", {"slide": str(last)})
    expect(app.page.get_by_text(f"{last} / {last}", exact=True)).to_be_visible()
    expect(app.page.get_by_role("heading", name=slides[-1].title)).to_be_visible()
    expect(app.keyed("next").get_by_role("button")).to_be_disabled()
    app.screenshot("present-last-slide")


def test_hostile_article_runs_nothing_and_its_text_is_shown_as_text(
    app: AppDriver, stored: StoredTimeline, watch: PageWatch
) -> None:
    hostile = stored.document_from_file(HOSTILE_FILE)
    app.open("sources", {"doc": hostile.doc_id})
    article = app.page.locator(MAIN)
    expect(article).to_contain_text(HOSTILE_SCRIPT)
    expect(article).to_contain_text(HOSTILE_IMG)
    # No <img src=x> exists once the text is shown, so no onerror can fire, now or later.
    expect(app.page.locator('img[src="x"]')).to_have_count(0)
    assert app.page.evaluate(PWNED_JS) == "undefined"
    assert watch.dialogs == []
    app.screenshot("sources-hostile-article")

    quoted = [event for event in stored.events if any(m.doc == hostile.doc_id for m in event.mentions)]
    assert quoted, "the hostile article's dated sentences should still become events"
    for event in quoted:
        app.open("", {"sel": event.id})
        expect(app.page.locator(MAIN).get_by_role("heading", name=event.title).first).to_be_visible()
        expect(app.page.locator('img[src="x"]')).to_have_count(0)
        assert app.page.evaluate(PWNED_JS) == "undefined"
    expect(app.page.locator(MAIN)).to_contain_text("window.__pwned=1")
    app.screenshot("timeline-hostile-event")
    assert watch.dialogs == []


def test_sources_lists_every_article_and_marks_its_dates(app: AppDriver, stored: StoredTimeline) -> None:
    document = next(doc for doc in stored.documents if doc.n_events > 0 and doc.path != HOSTILE_FILE)
    app.open("sources", {"doc": document.doc_id})
    expect(app.page.get_by_role("heading", name=document.title or document.doc_id)).to_be_visible()
    expect(app.page.get_by_text("Dates found", exact=False).first).to_be_visible()
    app.screenshot("sources")


def test_data_page_downloads_exactly_the_filtered_events(app: AppDriver, stored: StoredTimeline) -> None:
    actor = next(actor for event in stored.events for actor in event.actors)
    expected = {event.id for event in stored.events if actor in event.actors}
    app.open("data", {"actors": actor})
    expect(app.page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    app.screenshot("data")

    with app.page.expect_download() as csv_download:
        app.keyed("dl_csv").get_by_role("button").click()
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig"))))
    assert {row["id"] for row in rows} == expected

    with app.page.expect_download() as json_download:
        app.keyed("dl_json").get_by_role("button").click()
    records = json.loads(json_download.value.path().read_text(encoding="utf-8"))
    assert {record["id"] for record in records} == expected
