"""Corrections through the app (AppTest): each kind of edit, made by a signed-in editor in the pages,
shows for every reader on Timeline, Present, Data and in every download, says it was edited by hand,
keeps its history with an Undo, and conflicts with a concurrent save. A reader sees no edit control,
and a forged write (a poked session state, a crafted link) changes nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from app_harness import (
    DATA_PAGE,
    PRESENT_PAGE,
    SOURCES_PAGE,
    all_text,
    chart_ids,
    download,
    figure,
    markdown_text,
    open_app,
)
from app_harness import captured_downloads as captured_downloads  # fixtures, re-exported for pytest
from app_harness import synthetic_store as synthetic_store
from app_support import EVENTS
from streamlit.testing.v1 import AppTest

from timeline.auth import add_editor, remove_editor
from timeline.corrections import Edit, anchor_of
from timeline.events.display import display_date
from timeline.store import DATABASE_NAME, EventStore
from timeline.store.edits_store import corrected_events, edits, save_edit
from timeline.ui.edit_writes import CONFLICT_KEY, KEEP_THEIRS_KEY, SAVE_MINE_KEY, PendingConflict
from timeline.ui.signin import NAME_KEY, PASSWORD_KEY, SUBMIT_KEY
from timeline.ui.state import SHOW_HIDDEN_KEY
from timeline.view.highlight import escape_markdown, shown_text

NAME, PASSWORD = "Ms Smith", "correct horse"
BY_ID = {event.id: event for event in EVENTS}
EDIT_KEY_PREFIXES = ("edit_", "add_", "undo_", "orphan_", "article_", "conflict_", "show_hidden", "dl_edits")


@pytest.fixture
def editors(synthetic_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    (tmp_path / "secrets.toml").write_text('[auth]\ncookie_key = "' + "k" * 40 + '"\n', encoding="utf-8")
    add_editor(NAME, PASSWORD, synthetic_store / "editors.yaml", rounds=4)
    return synthetic_store / "editors.yaml"


def store(data_dir: Path) -> EventStore:
    return EventStore(data_dir / DATABASE_NAME)


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [item.value for item in at.exception]
    return at


def signed_in(params: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    at = open_app(params)
    at.text_input(key=NAME_KEY).input(NAME)
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    ok(at.button(key=SUBMIT_KEY).click().run())
    assert "Signed in as" in all_text(at)
    if page is not None:
        at.query_params.clear()
        for key, value in (params or {}).items():
            at.query_params[key] = value
        ok(at.switch_page(page).run())
    return at


def keyed(at: AppTest, kind: str, prefix: str) -> Any:
    """The one widget of ``kind`` whose key starts with ``prefix`` (keys carry the event and edit ids)."""
    found = [widget for widget in at.get(kind) if str(getattr(widget, "key", "") or "").startswith(prefix)]
    assert len(found) == 1, (prefix, [getattr(w, "key", None) for w in at.get(kind)])
    return found[0]


def successes(at: AppTest) -> str:
    return shown_text("\n".join(str(item.value) for item in at.success))


def widget_keys(at: AppTest) -> set[str]:
    keys: set[str] = set()
    for kind in (
        "button",
        "text_input",
        "date_input",
        "selectbox",
        "multiselect",
        "radio",
        "checkbox",
        "toggle",
    ):
        keys.update(str(widget.key) for widget in at.get(kind) if getattr(widget, "key", None))
    keys.update(str(button.proto.id) for button in at.get("download_button"))
    return keys


def edit_controls(at: AppTest) -> set[str]:
    return {
        key for key in widget_keys(at) if key.startswith(EDIT_KEY_PREFIXES) or "edit" in key.split("-")[-1]
    }


# -- what readers see --------------------------------------------------------------------------------


@dataclass
class Seen:
    """What a fresh reader's session shows, on every page and in every download."""

    timeline_ids: set[str]
    present_text: str
    present_total: int
    data_text: str
    csv_rows: list[dict[str, str]]
    json_rows: list[dict[str, Any]]
    timelinejs: dict[str, Any]
    hover: str
    extra: dict[str, Any] = field(default_factory=dict)

    def csv_row(self, event_id: str) -> dict[str, str]:
        return next(row for row in self.csv_rows if row["id"] == event_id)

    def json_row(self, event_id: str) -> dict[str, Any]:
        return next(row for row in self.json_rows if row["id"] == event_id)

    def slide(self, event_id: str) -> dict[str, Any]:
        return next(slide for slide in self.timelinejs["events"] if slide["unique_id"] == event_id)


def reader_view(files: dict[str, bytes], present_event: str | None = None) -> Seen:
    timeline = open_app()
    ids = chart_ids(timeline)
    hover = json.dumps(figure(timeline)["data"], ensure_ascii=False)
    present = open_app(page=PRESENT_PAGE)
    total = int(
        str(next(m.value for m in present.markdown if str(m.value).startswith("**0 / "))).split("/ ")[1][:-2]
    )
    present_text = ""
    if present_event is not None:
        ordered = sorted((event for event in corrected_ids_order()), key=lambda item: item[0])
        number = [event_id for _key, event_id in ordered].index(present_event) + 1
        present_text = shown_text(markdown_text(open_app({"slide": str(number)}, page=PRESENT_PAGE)))
    data = open_app(page=DATA_PAGE)
    table = data.dataframe[0].value
    data_text = table.to_csv(index=False)
    csv_rows = list(csv.DictReader(io.StringIO(download(data, "dl_csv", files).decode("utf-8-sig"))))
    json_rows = json.loads(download(data, "dl_json", files))
    timelinejs = json.loads(download(data, "dl_tljs", files))
    return Seen(ids, present_text, total, data_text, csv_rows, json_rows, timelinejs, hover)


_DATA_DIR: list[Path] = []


def corrected_ids_order() -> list[tuple[tuple[Any, ...], str]]:
    """(sort key, id) of the dated events a reader sees, in Present's order."""
    shown = [e for e in corrected_events(store(_DATA_DIR[0])).events if "hidden" not in e.tags and e.start]
    return [((e.start, e.end, e.title), e.id) for e in shown]


@pytest.fixture(autouse=True)
def _data_dir(synthetic_store: Path) -> Path:
    _DATA_DIR[:] = [synthetic_store]
    return synthetic_store


# -- each kind of edit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    event_id: str
    act: Callable[[AppTest], None]
    check: Callable[[Seen], None]
    confirmation: str
    page: str | None = None
    rows: int = 1
    """How many edit rows the change makes."""


def _title(at: AppTest) -> None:
    keyed(at, "text_input", "edit_title:").input("US-led forces invade Iraq")
    at.button(key="edit_title_save").click().run()


def _check_title(seen: Seen) -> None:
    assert "US-led forces invade Iraq" in seen.present_text and "edited by hand: title" in seen.present_text
    assert "US-led forces invade Iraq" in seen.data_text and "Invasion of Iraq begins" not in seen.data_text
    assert seen.csv_row("ev-invasion")["title"] == "US-led forces invade Iraq"
    assert seen.csv_row("ev-invasion")["edited"] == "title"
    assert seen.json_row("ev-invasion")["edited"] == ["title"]
    slide = seen.slide("ev-invasion")
    assert (
        slide["text"]["headline"] == "US-led forces invade Iraq"
        and "Edited by hand: title" in slide["text"]["text"]
    )
    assert "US-led forces invade Iraq" in seen.hover and "edited by hand" in seen.hover, seen.hover[
        seen.hover.find("ev-invasion") - 20 :
    ][:300]


def _date(at: AppTest) -> None:
    keyed(at, "date_input", "edit_start:").set_value(date(2003, 3, 19))
    at.button(key="edit_date_save").click().run()


def _check_date(seen: Seen) -> None:
    row = seen.csv_row("ev-invasion")
    assert (row["start"], row["end"], row["edited"]) == ("2003-03-19", "2003-03-19", "date")
    shown = display_date(date(2003, 3, 19), date(2003, 3, 19), "day", "2003-03-19")
    assert row["display_date"] == shown
    assert shown in seen.present_text and "edited by hand: date" in seen.present_text
    assert seen.slide("ev-invasion")["start_date"] == {"year": 2003, "month": 3, "day": 19}
    assert shown in seen.data_text


def _actors(at: AppTest) -> None:
    keyed(at, "multiselect", "edit_actors:").set_value(["United States", "United Kingdom"])
    at.button(key="edit_details_save").click().run()


def _check_actors(seen: Seen) -> None:
    assert seen.csv_row("ev-invasion")["actors"] == "United States | United Kingdom"
    assert seen.json_row("ev-invasion")["actors"] == ["United States", "United Kingdom"]
    assert seen.json_row("ev-invasion")["edited"] == ["actors"]
    assert "edited by hand: actors" in seen.present_text
    assert "United Kingdom" in seen.data_text


def _category_planned(at: AppTest) -> None:
    keyed(at, "selectbox", "edit_category:").set_value("diplomacy")
    keyed(at, "radio", "edit_planned:").set_value("planned")
    at.button(key="edit_details_save").click().run()


def _check_category_planned(seen: Seen) -> None:
    row = seen.csv_row("ev-invasion")
    assert (row["category"], row["planned"], row["edited"]) == (
        "diplomacy",
        "yes",
        "category | planned or past",
    )
    assert "planned" in seen.present_text and "edited by hand: category, planned or past" in seen.present_text


def _hide(at: AppTest) -> None:
    at.button(key="edit_hide_event").click().run()


def _check_hidden(seen: Seen) -> None:
    assert "ev-invasion" not in seen.timeline_ids and seen.present_total == len(EVENTS) - 1
    assert "ev-invasion" not in {row["id"] for row in seen.csv_rows} | {row["id"] for row in seen.json_rows}
    assert "ev-invasion" not in {slide["unique_id"] for slide in seen.timelinejs["events"]}
    assert "Invasion of Iraq begins" not in seen.data_text


def _merge(at: AppTest) -> None:
    keyed(at, "selectbox", "edit_merge:").set_value("ev-talks-2015")
    at.button(key="edit_merge_save").click().run()


def _check_merged(seen: Seen) -> None:
    assert "ev-talks-2015" not in seen.timeline_ids and seen.present_total == len(EVENTS) - 1
    row = seen.json_row("ev-meeting")
    assert len(row["mentions"]) == 3 and row["edited"] == ["merged"]
    assert "October 2015" in seen.csv_row("ev-meeting")["time_texts"]
    assert "edited by hand: merged" in seen.present_text


def _split(at: AppTest) -> None:
    keyed(at, "selectbox", "edit_split:").set_value(1)  # the Gazette's report
    at.button(key="edit_split_save").click().run()


def _check_split(seen: Seen) -> None:
    parts = [row for row in seen.json_rows if row["id"].startswith("ev-meeting")]
    assert sorted(len(row["mentions"]) for row in parts) == [1, 1] and seen.present_total == len(EVENTS) + 1
    assert all(row["edited"] == ["split"] for row in parts)
    assert {row["id"] for row in parts} <= seen.timeline_ids


def _add_free(at: AppTest) -> None:
    keyed(at, "text_input", "add_title:").input("Iraq invades Iran")
    keyed(at, "date_input", "add_start:").set_value(date(1980, 9, 22))
    keyed(at, "multiselect", "add_actors:").set_value(["Iraq", "Iran"])
    keyed(at, "text_input", "add_note:").input("History textbook, p. 212")
    at.button(key="add_event_save").click().run()


def _check_added(seen: Seen) -> None:
    row = next(row for row in seen.json_rows if row["title"] == "Iraq invades Iran")
    assert row["start"] == "1980-09-22" and row["edited"] == ["added by hand"]
    assert row["sources"][0]["title"] == "History textbook, p. 212"
    assert row["id"] in seen.timeline_ids and seen.present_total == len(EVENTS) + 1
    assert "edited by hand: added by hand" in seen.present_text


def _add_cited(at: AppTest) -> None:
    sentence = keyed(at, "selectbox", "cite_gazette_sentence:")
    number = next(i for i, label in enumerate(sentence.options) if "Vienna" in label)
    sentence.set_value(number)
    keyed(at, "text_input", "cite_gazette_title:").input("Negotiators first meet in Vienna")
    keyed(at, "date_input", "cite_gazette_start:").set_value(date(2015, 10, 1))
    keyed(at, "selectbox", "cite_gazette_precision:").set_value("month")
    at.button(key="add_cited_save").click().run()


def _check_cited(seen: Seen) -> None:
    row = next(row for row in seen.json_rows if row["title"] == "Negotiators first meet in Vienna")
    assert row["sentence"] == "Negotiators first met in October 2015 in Vienna."
    assert row["sources"][0]["doc"] == "gazette" and row["sources"][0]["outlet"] == "Gazette"
    assert (row["start"], row["end"], row["precision"]) == ("2015-10-01", "2015-10-31", "month")
    assert row["display_date"] == display_date(date(2015, 10, 1), date(2015, 10, 31), "month", "2015-10")
    assert row["edited"] == ["added by hand"]
    assert "Negotiators first met in October 2015 in Vienna" in seen.present_text


def _hide_article(at: AppTest) -> None:
    at.button(key="article_hide").click().run()


def _check_article_hidden(seen: Seen) -> None:
    blog = {"ev-rocket", "ev-strike"}
    assert not blog & seen.timeline_ids and seen.present_total == len(EVENTS) - 2
    assert not blog & {row["id"] for row in seen.csv_rows}


CASES = [
    Case("title", "ev-invasion", _title, _check_title, "Saved: title changed"),
    Case("date", "ev-invasion", _date, _check_date, "Saved: date changed"),
    Case("actors", "ev-invasion", _actors, _check_actors, "Saved: actors changed"),
    Case(
        "category and planned",
        "ev-invasion",
        _category_planned,
        _check_category_planned,
        "Saved: category and planned or past changed",
        rows=2,
    ),
    Case("hidden", "ev-invasion", _hide, _check_hidden, "Saved: event hidden"),
    Case("merge", "ev-meeting", _merge, _check_merged, "Saved: events merged"),
    Case("split", "ev-meeting", _split, _check_split, "Saved: report split off"),
    Case("added by hand", "ev-invasion", _add_free, _check_added, "Saved: event “Iraq invades Iran” added"),
    Case(
        "added from a sentence",
        "",
        _add_cited,
        _check_cited,
        "Saved: event “Negotiators first meet in Vienna” added",
        page=SOURCES_PAGE,
    ),
    Case(
        "article hidden", "", _hide_article, _check_article_hidden, "Saved: article hidden", page=SOURCES_PAGE
    ),
]


def _present_event(case: Case, data_dir: Path) -> str | None:
    if case.name == "hidden" or case.name == "article hidden":
        return None
    if case.name.startswith("added"):
        return next(e.id for e in corrected_events(store(data_dir)).events if "added by hand" in e.tags)
    return case.event_id


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_kind_of_edit_shows_for_readers_everywhere(
    case: Case, synthetic_store: Path, captured_downloads: dict[str, bytes]
) -> None:
    params = {"sel": case.event_id} if case.event_id else {}
    if case.page == SOURCES_PAGE:
        params = {"doc": "gazette" if "sentence" in case.name else "blog"}
    at = signed_in(params, page=case.page)
    case.act(at)
    ok(at)
    assert case.confirmation in successes(at), (successes(at), [e.value for e in at.error])
    assert len(edits(store(synthetic_store))) == case.rows
    seen = reader_view(captured_downloads, _present_event(case, synthetic_store))
    case.check(seen)


# -- history, undo, conflicts --------------------------------------------------------------------------


@pytest.mark.usefixtures("editors")
def test_history_lists_each_change_and_undo_brings_the_extracted_value_back(
    synthetic_store: Path, captured_downloads: dict[str, bytes]
) -> None:
    at = signed_in({"sel": "ev-invasion"})
    _title(at)
    keyed(at, "text_input", "edit_title:").input("Second title")
    ok(at.button(key="edit_title_save").click().run())
    history = markdown_text(at)
    assert "#1** · " in history and "Ms Smith" in history
    assert escape_markdown("title: Invasion of Iraq begins → US-led forces invade Iraq") in history
    assert escape_markdown("title: US-led forces invade Iraq → Second title") in history
    ok(at.button(key="undo_2").click().run())
    assert "Undone: change #2" in successes(at)
    assert "undone by #3" in markdown_text(at)
    assert {button.key for button in at.button if str(button.key).startswith("undo_")} == {"undo_1"}
    seen = reader_view(captured_downloads, "ev-invasion")
    assert seen.csv_row("ev-invasion")["title"] == "US-led forces invade Iraq"
    ok(at.button(key="undo_1").click().run())
    seen = reader_view(captured_downloads, "ev-invasion")
    assert seen.csv_row("ev-invasion")["title"] == "Invasion of Iraq begins"
    assert seen.csv_row("ev-invasion")["edited"] == ""
    log = signed_in(page=DATA_PAGE)
    assert "Edit log (4 changes)" in [expander.label for expander in log.expander]


@pytest.mark.usefixtures("editors")
def test_a_concurrent_save_is_a_conflict_showing_both_values(synthetic_store: Path) -> None:
    mine = signed_in({"sel": "ev-invasion"})
    # another editor saves the same title after my form was drawn
    event = BY_ID["ev-invasion"]
    theirs = Edit(
        field="title", new="Their title", event_id=event.id, anchor=anchor_of(event), author="Mr Jones"
    )
    save_edit(store(synthetic_store), theirs, seen=None)
    keyed(mine, "text_input", "edit_title:").input("My title")
    ok(mine.button(key="edit_title_save").click().run())
    text = all_text(mine)
    assert "Someone else changed the title" in text
    assert "Mr Jones" in text and "Their title" in text and "My title" in text
    assert not successes(mine)
    assert [edit.new for edit in edits(store(synthetic_store))] == ["Their title"]
    ok(mine.selectbox(key="pick").set_value("ev-mosul").run())  # another event: not its conflict
    assert SAVE_MINE_KEY not in widget_keys(mine)
    ok(mine.selectbox(key="pick").set_value("ev-invasion").run())
    ok(mine.button(key=SAVE_MINE_KEY).click().run())
    assert "Saved: title changed (over their change)" in successes(mine)
    assert [edit.new for edit in edits(store(synthetic_store))] == ["Their title", "My title"]
    assert CONFLICT_KEY not in mine.session_state


@pytest.mark.usefixtures("editors")
def test_keep_theirs_writes_nothing(synthetic_store: Path) -> None:
    mine = signed_in({"sel": "ev-invasion"})
    theirs = Edit(
        field="title",
        new="Their title",
        event_id="ev-invasion",
        anchor=anchor_of(BY_ID["ev-invasion"]),
        author="B",
    )
    save_edit(store(synthetic_store), theirs, seen=None)
    keyed(mine, "text_input", "edit_title:").input("My title")
    ok(mine.button(key="edit_title_save").click().run())
    ok(mine.button(key=KEEP_THEIRS_KEY).click().run())
    assert [edit.new for edit in edits(store(synthetic_store))] == ["Their title"]
    assert "Their title" in markdown_text(mine)  # the form now shows theirs


# -- orphans -----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("editors")
def test_an_orphaned_edit_is_listed_on_data_and_can_be_placed(synthetic_store: Path) -> None:
    lost = Edit(field="title", new="A title for a lost event", event_id="ev-gone", author="Ms Smith")
    save_edit(store(synthetic_store), lost, seen=None)
    at = signed_in(page=DATA_PAGE)
    text = all_text(at)
    assert "Changes to place (1)" in text and escape_markdown("A title for a lost event") in text
    at.selectbox(key="orphan_target_1").set_value("ev-mosul")
    ok(at.button(key="orphan_place_1").click().run())
    assert "Placed: change #1" in successes(at)
    assert "Changes to place" not in all_text(at)
    titles = {e.id: e.title for e in corrected_events(store(synthetic_store)).events}
    assert titles["ev-mosul"] == "A title for a lost event"


# -- readers -----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    ("page", "params"),
    [
        (None, {"sel": "ev-meeting"}),
        (DATA_PAGE, {}),
        (SOURCES_PAGE, {"doc": "gazette"}),
        (PRESENT_PAGE, {"slide": "1"}),
    ],
)
def test_a_reader_sees_no_edit_control(
    page: str | None, params: dict[str, str], synthetic_store: Path
) -> None:
    lost = Edit(field="title", new="Lost", event_id="ev-gone", author="Ms Smith")
    save_edit(store(synthetic_store), lost, seen=None)  # an orphan exists: still nothing for a reader
    reader = open_app(params, page=page)
    assert not edit_controls(reader), edit_controls(reader)
    assert "Correct this event" not in all_text(reader) and "Changes to place" not in all_text(reader)
    editor = signed_in(params, page=page)
    if page in (None, DATA_PAGE, SOURCES_PAGE):
        assert edit_controls(editor)  # the same page does have them for an editor


@pytest.mark.usefixtures("editors")
def test_forged_writes_from_a_reader_change_nothing(synthetic_store: Path) -> None:
    before = corrected_events(store(synthetic_store)).events
    event = BY_ID["ev-invasion"]
    forged = Edit(field="title", new="Forged", event_id=event.id, anchor=anchor_of(event))
    # a crafted link, and session state poked with every key the edit forms and callbacks use
    reader = open_app({"sel": "ev-invasion", "edit": "title", "title": "Forged", "author": NAME})
    for key, value in {
        "edit_title:ev-invasion:0": "Forged",
        "edit_title_save": True,
        SHOW_HIDDEN_KEY: True,
        "edit_hide_event": True,
        "add_title:0": "Forged",
        "add_event_save": True,
        CONFLICT_KEY: PendingConflict(save_conflict(forged), "title"),
    }.items():
        reader.session_state[key] = value
    ok(reader.run())
    ok(reader.switch_page(DATA_PAGE).run())
    assert SAVE_MINE_KEY not in widget_keys(reader)  # a conflict it did not get is not drawn for it
    assert edits(store(synthetic_store)) == []
    assert corrected_events(store(synthetic_store)).events == before

    # an editor's form drawn, then the account removed before the save: refused when writing
    editor = signed_in({"sel": "ev-invasion"})
    keyed(editor, "text_input", "edit_title:").input("Too late")
    remove_editor(NAME, synthetic_store / "editors.yaml")
    ok(editor.button(key="edit_title_save").click().run())
    assert edits(store(synthetic_store)) == []
    assert "Only a signed-in editor can change this" in all_text(editor) or not edit_controls(editor)


def save_conflict(edit: Edit) -> Any:
    from timeline.store.edits_store import Conflict

    return Conflict(theirs=edit, yours=edit)


@pytest.mark.usefixtures("editors")
def test_hidden_events_come_back_for_an_editor_who_shows_them(synthetic_store: Path) -> None:
    at = signed_in({"sel": "ev-invasion"})
    _hide(at)
    assert "ev-invasion" not in chart_ids(ok(at.run()))
    ok(at.toggle(key="show_hidden_toggle").set_value(True).run())
    assert "ev-invasion" in chart_ids(at)
    ok(at.selectbox(key="pick").set_value("ev-invasion").run())
    assert "hidden from readers" in markdown_text(at)
    ok(at.button(key="edit_hide_event").click().run())  # "Show it to readers again"
    assert "Saved: event shown again" in successes(at)
    assert "ev-invasion" in chart_ids(open_app())


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    ("prefix", "value", "button", "reason"),
    [
        ("edit_title:", "   ", "edit_title_save", "A title cannot be empty."),
        ("edit_title:", "Invasion of Iraq begins", "edit_title_save", "The title is unchanged."),
        ("add_title:", "No date given", "add_event_save", "An event added by hand needs a start date."),
    ],
)
def test_a_refused_change_says_why_and_writes_nothing(
    prefix: str, value: str, button: str, reason: str, synthetic_store: Path
) -> None:
    at = signed_in({"sel": "ev-invasion"})
    keyed(at, "text_input", prefix).input(value)
    ok(at.button(key=button).click().run())
    assert reason in shown_text("\n".join(str(item.value) for item in at.error))
    assert not successes(at) and edits(store(synthetic_store)) == []


@pytest.mark.usefixtures("editors")
def test_a_conflict_on_one_field_of_a_form_saves_the_others_and_then_yours(synthetic_store: Path) -> None:
    mine = signed_in({"sel": "ev-invasion"})
    event = BY_ID["ev-invasion"]
    theirs = Edit(field="category", new="terrorism", event_id=event.id, anchor=anchor_of(event), author="B")
    save_edit(store(synthetic_store), theirs, seen=None)  # after my form was drawn
    keyed(mine, "multiselect", "edit_actors:").set_value(["United States"])
    keyed(mine, "selectbox", "edit_category:").set_value("diplomacy")
    keyed(mine, "radio", "edit_planned:").set_value("planned")
    ok(mine.button(key="edit_details_save").click().run())
    assert "Someone else changed the category" in all_text(mine)
    assert [(e.field, e.new) for e in edits(store(synthetic_store))] == [
        ("category", "terrorism"),
        ("actors", ["United States"]),
        ("planned", True),
    ], "the fields nobody else touched are saved at once"
    assert "(actors, planned or past)" in successes(mine)
    ok(mine.button(key=SAVE_MINE_KEY).click().run())
    shown = next(e for e in corrected_events(store(synthetic_store)).events if e.id == event.id)
    assert (shown.actors, shown.category, shown.planned) == (("United States",), "diplomacy", True)


@pytest.mark.usefixtures("editors")
def test_a_refused_value_in_a_form_saves_none_of_its_fields(synthetic_store: Path) -> None:
    from test_edits_everywhere import type_new_option

    at = signed_in({"sel": "ev-invasion"})
    keyed(at, "multiselect", "edit_actors:").set_value(["United States"])
    type_new_option(keyed(at, "selectbox", "edit_category:"), "a category name far too long " * 3)
    ok(at.button(key="edit_details_save").click().run())
    assert "A category needs a short name." in shown_text("\n".join(str(item.value) for item in at.error))
    assert edits(store(synthetic_store)) == [] and not successes(at)


@pytest.mark.usefixtures("editors")
def test_two_conflicts_of_one_form_are_settled_in_turn(synthetic_store: Path) -> None:
    mine = signed_in({"sel": "ev-invasion"})
    event = BY_ID["ev-invasion"]
    for field_name, value in (("category", "terrorism"), ("planned", False)):
        theirs = Edit(field=field_name, new=value, event_id=event.id, anchor=anchor_of(event), author="B")  # type: ignore[arg-type]
        save_edit(store(synthetic_store), theirs, seen=None)
    keyed(mine, "selectbox", "edit_category:").set_value("diplomacy")
    keyed(mine, "radio", "edit_planned:").set_value("planned")
    ok(mine.button(key="edit_details_save").click().run())
    assert "Someone else changed the category" in all_text(mine)
    ok(mine.button(key=KEEP_THEIRS_KEY).click().run())
    assert "Someone else changed the planned or past" in all_text(mine), "the second conflict, next"
    ok(mine.button(key=SAVE_MINE_KEY).click().run())
    assert CONFLICT_KEY not in mine.session_state
    shown = next(e for e in corrected_events(store(synthetic_store)).events if e.id == event.id)
    assert (shown.category, shown.planned) == ("terrorism", True)
