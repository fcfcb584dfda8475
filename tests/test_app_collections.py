"""Collections through AppTest: create one, switch in the sidebar (kept in the URL as c=<slug>), each
page showing that collection's events; backup and restore round-trip from the Collection page; a bad
backup file refused with its reason; a store set aside at start said, and its edits restored; readers
see no control and forged writes change nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from app_harness import TIMELINE_PAGE, captured_downloads, chart_ids, download, open_app
from app_harness import synthetic_store as synthetic_store  # fixture, re-exported for pytest
from streamlit.testing.v1 import AppTest
from workspace_app import (
    ADD_PAGE,
    COLLECTION_PAGE,
    button_keys,
    errors,
    ok,
    signed_in,
    successes,
    text,
    warnings,
)
from workspace_app import editors as editors  # fixture, re-exported for pytest

from timeline.corrections import Edit, anchor_of
from timeline.store import EventStore
from timeline.store.edits_store import edits, save_edit
from timeline.store.lessons_store import lessons
from timeline.ui.add_page import ADD_KEY, PASTE_KEY, READ_PASTE_KEY
from timeline.ui.collections import SELECT_KEY
from timeline.ui.collections_page import (
    CREATE_KEY,
    DOWNLOAD_KEY,
    NEW_NAME_KEY,
    RESTORE_INTO_KEY,
    RESTORE_KEY,
)
from timeline.ui.lessons_page import CREATE_KEY as LESSON_CREATE_KEY
from timeline.ui.lessons_page import NEW_TITLE_KEY as LESSON_TITLE_KEY
from timeline.workspace import list_collections

pytestmark = pytest.mark.usefixtures("editors")
WAR = "Iran–Iraq War 1980–88"
WAR_SLUG = "iran-iraq-war-1980-88"
ARTICLE = (
    "Tanker war\n\n"
    "Iraqi aircraft struck tankers near Kharg Island on March 27, 1984, shipping agents said. "
    "The war had begun in September 1980."
)
_ = captured_downloads  # fixture, used by name


def _create(at: AppTest, name: str) -> AppTest:
    ok(at.switch_page(COLLECTION_PAGE).run())
    at.text_input(key=NEW_NAME_KEY).input(name)
    ok(at.button(key=CREATE_KEY).click().run())
    assert "created" in successes(at), errors(at)
    return at


def _paste(at: AppTest, article: str) -> AppTest:
    ok(at.switch_page(ADD_PAGE).run())
    at.text_area(key=PASTE_KEY).input(article)
    ok(at.button(key=READ_PASTE_KEY).click().run())
    ok(at.button(key=ADD_KEY).click().run())
    assert "Added 1 article(s)" in successes(at), errors(at)
    return at


def _store(data_dir: Path, slug: str) -> EventStore:
    if slug == "default":
        return EventStore(data_dir / "timeline.sqlite3")
    return EventStore(data_dir / "collections" / slug / "timeline.sqlite3")


def _event_ids(data_dir: Path, slug: str) -> set[str]:
    store = _store(data_dir, slug)
    try:
        return {event.id for event in store.events()}
    finally:
        store.close()


def test_collections_switch_in_the_sidebar_and_the_url_and_every_page_follows(synthetic_store: Path) -> None:
    at = _create(signed_in(), WAR)
    assert at.query_params.get("c") == WAR_SLUG and at.selectbox(key=SELECT_KEY).value == WAR_SLUG
    _paste(at, ARTICLE)
    war_events = _event_ids(synthetic_store, WAR_SLUG)
    assert war_events and not war_events & _event_ids(synthetic_store, "default")
    ok(at.switch_page(TIMELINE_PAGE).run())
    assert chart_ids(at) == war_events
    assert at.query_params.get("c") == WAR_SLUG, "the address names the collection"
    at.selectbox(key=SELECT_KEY).set_value("default")
    ok(at.run())
    assert "ev-invasion" in chart_ids(at) and not chart_ids(at) & war_events
    assert "c" not in at.query_params
    reader = open_app({"c": WAR_SLUG})  # a link, opened in another browser
    assert chart_ids(reader) == war_events
    assert reader.selectbox(key=SELECT_KEY).value == WAR_SLUG


def test_an_unknown_collection_in_a_link_opens_the_default_one_and_says_so() -> None:
    at = open_app({"c": "no-such-thing"})
    assert "There is no collection “no-such-thing”" in warnings(at)
    assert "ev-invasion" in chart_ids(at)


def test_backup_and_restore_round_trip(synthetic_store: Path, captured_downloads: dict[str, bytes]) -> None:
    at = _create(signed_in(), WAR)
    _paste(at, ARTICLE)
    store = _store(synthetic_store, WAR_SLUG)
    try:
        event = store.events()[0]
        save_edit(
            store, Edit("title", "Tankers hit at Kharg", event.id, anchor_of(event), author="Ms Smith"), None
        )
    finally:
        store.close()
    ok(at.switch_page("timeline/ui/lessons_page.py").run())
    at.text_input(key=LESSON_TITLE_KEY).input("The tanker war")
    ok(at.button(key=LESSON_CREATE_KEY).click().run())
    ok(at.switch_page(COLLECTION_PAGE).run())
    backup = download(at, DOWNLOAD_KEY, captured_downloads)
    assert backup.startswith(b"PK")

    at.file_uploader[0].set_value(("timeline-war.zip", backup, "application/zip"))
    at.radio(key=RESTORE_INTO_KEY).set_value("new")
    ok(at.button(key=RESTORE_KEY).click().run())
    assert "1 article(s) added; 1 edit(s) added; 1 lesson(s) added" in successes(at), errors(at)
    restored = [c for c in list_collections(synthetic_store) if c.slug not in ("default", WAR_SLUG)]
    assert len(restored) == 1 and restored[0].name == WAR
    assert at.query_params.get("c") == restored[0].slug, "the restored collection is the current one"
    copy = _store(synthetic_store, restored[0].slug)
    try:
        assert [e.new for e in edits(copy)] == ["Tankers hit at Kharg"]
        assert [item.title for item in lessons(copy)] == ["The tanker war"]
    finally:
        copy.close()
    ok(at.switch_page(TIMELINE_PAGE).run())
    assert chart_ids(at) == _event_ids(synthetic_store, restored[0].slug) != set()

    ok(at.switch_page(COLLECTION_PAGE).run())  # the same file again, into this one: nothing doubled
    at.file_uploader[0].set_value(("timeline-war.zip", backup, "application/zip"))
    at.radio(key=RESTORE_INTO_KEY).set_value("this")
    ok(at.button(key=RESTORE_KEY).click().run())
    assert "0 edit(s) added" in successes(
        at
    ) and "already there: 1 article(s), 1 edit(s), 1 lesson(s)" in successes(at)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("notes.zip", b"just some text", "is not a timeline backup"),
        ("empty.zip", b"PK\x05\x06" + b"\0" * 18, "has no collection.json"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "is not a timeline backup"),
    ],
)
def test_a_bad_backup_file_is_refused_with_its_reason_and_nothing_changes(
    name: str, data: bytes, says: str, synthetic_store: Path
) -> None:
    at = signed_in(COLLECTION_PAGE)
    before = [c.slug for c in list_collections(synthetic_store)]
    at.file_uploader[0].set_value((name, data, "application/zip"))
    at.radio(key=RESTORE_INTO_KEY).set_value("new")
    ok(at.button(key=RESTORE_KEY).click().run())
    assert name in errors(at) and says in errors(at), errors(at)
    assert "Nothing was restored" in errors(at)
    assert [c.slug for c in list_collections(synthetic_store)] == before


def test_a_store_set_aside_at_start_is_said_and_its_edits_restored(synthetic_store: Path) -> None:
    store = EventStore(synthetic_store / "timeline.sqlite3")
    event = next(e for e in store.events() if e.id == "ev-invasion")
    save_edit(store, Edit("title", "The invasion", event.id, anchor_of(event), author="Ms Smith"), None)
    store.close()
    with closing(sqlite3.connect(synthetic_store / "timeline.sqlite3")) as connection:
        connection.execute("DROP TABLE documents")  # no longer a timeline store: it will be set aside
        connection.commit()
    reader = open_app()
    assert "could not be opened, so it was set aside" in warnings(reader)
    assert "an editor can restore them" in warnings(reader)
    at = signed_in(COLLECTION_PAGE)
    assert "Set-aside stores" in text(at)
    (recover,) = [key for key in button_keys(at) if key.startswith("recover_")]
    ok(at.button(key=recover).click().run())
    assert "Restored 1 correction(s)" in successes(at), errors(at)
    assert "was set aside" not in warnings(at)
    fresh = EventStore(synthetic_store / "timeline.sqlite3")
    try:
        assert [e.new for e in edits(fresh)] == ["The invasion"]
    finally:
        fresh.close()
    ok(at.button(key=recover).click().run())
    assert "Restored 0 correction(s)" in successes(at) and "1 were already there" in successes(at)


def test_a_reader_sees_no_control_and_forged_writes_change_nothing(synthetic_store: Path) -> None:
    at = open_app(page=COLLECTION_PAGE)
    assert "need an editor's sign-in" in text(at)
    assert not at.file_uploader and not at.get("download_button")
    assert not {key for key in button_keys(at) if key.startswith(("collection", "restore", "recover"))}
    at.session_state[NEW_NAME_KEY] = "Forged"
    at.session_state[RESTORE_INTO_KEY] = "new"
    ok(at.run())
    at.query_params["c"] = "forged"
    ok(at.run())
    assert [c.slug for c in list_collections(synthetic_store)] == ["default"]
