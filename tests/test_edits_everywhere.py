"""Every kind of correction, made in the pages by a signed-in editor, reaches every surface a reader has,
and each says it was edited by hand: the Timeline (the marker's place and length, its lane by actor and
by category, its hover, the event's detail, the filter choices), Present (its slide), Data (the table)
and every download (CSV, JSON, TimelineJS and the offline chart HTML).

One table: each row is one edit made through the UI (the widgets an editor uses) and the records a
reader must then see (``Shown``), or no longer see (``gone``). Every surface is read on its own terms
(the chart's traces, the slide's markdown, the table's cells, each file parsed) and held to the same
expected record, so no surface can lag behind the others.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from app_harness import DATA_PAGE, PRESENT_PAGE, SOURCES_PAGE, all_text, download, figure, open_app
from app_harness import captured_downloads as captured_downloads  # fixtures, re-exported for pytest
from app_harness import synthetic_store as synthetic_store
from app_support import EVENTS
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Selectbox
from workspace_app import EDITOR, PASSWORD, ok, plain
from workspace_app import editors as editors  # fixture, re-exported for pytest

from timeline.events.display import display_date as said
from timeline.store import DATABASE_NAME, EventStore
from timeline.store.edits_store import edits
from timeline.ui.detail import PRECISION_NOTE
from timeline.ui.signin import NAME_KEY, PASSWORD_KEY, SUBMIT_KEY
from timeline.view.offline_html import DATA_ID
from timeline.view.timelinejs import timelinejs_date

BY_ID = {event.id: event for event in EVENTS}
EDITED_HOVER = "<br><i>edited by hand</i>"
MANUAL_OUTLET = "Added by hand"


# -- what a reader must see --------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """One event as a reader must see it, on every surface. ``find`` is its id, or (for an event added
    by hand, whose id is made when it is saved) its title."""

    find: str
    title: str
    display_date: str
    start: date
    end: date
    precision: str
    actors: tuple[str, ...]
    category: str
    planned: bool
    edited: tuple[str, ...]
    """What was changed by hand, in the words every surface uses ("title", "date", "added by hand")."""
    mentions: int
    source: tuple[str, str] | None = None
    """(title, outlet) of its first source, when the edit set them (an event added by hand)."""


def as_extracted(event_id: str, edited: tuple[str, ...], **changes: Any) -> Shown:
    """The synthetic event ``event_id`` as extracted, with ``changes`` and ``edited`` by hand."""
    event = BY_ID[event_id]
    base = Shown(
        find=event_id,
        title=event.title,
        display_date=event.display_date,
        start=event.start or date.min,
        end=event.end or date.min,
        precision=event.precision,
        actors=event.actors,
        category=event.category,
        planned=event.planned,
        edited=edited,
        mentions=len(event.mentions),
    )
    return replace(base, **changes)


# -- the edits, as an editor makes them --------------------------------------------------------------

Step = tuple[str, str, Any]
"""(what to do, the start of the widget's key, the value): keys carry the event and the newest edit id."""


@dataclass(frozen=True)
class Case:
    name: str
    params: dict[str, str]
    steps: tuple[Step, ...]
    button: str
    confirmation: str
    shown: tuple[Shown, ...] = ()
    gone: frozenset[str] = frozenset()
    """Ids no reader sees any more, on any surface."""
    page: str | None = None
    rows: int = 1
    """How many edit rows the change makes."""

    @property
    def count(self) -> int:
        return len(EVENTS) - len(self.gone) + sum(1 for s in self.shown if s.find not in BY_ID)


INVASION = {"sel": "ev-invasion"}
CASES = [
    Case(
        "title",
        INVASION,
        (("text", "edit_title:", "US-led forces invade Iraq"),),
        "edit_title_save",
        "Saved: title changed",
        (as_extracted("ev-invasion", ("title",), title="US-led forces invade Iraq"),),
    ),
    Case(
        "start date (the end moves with it)",
        INVASION,
        (("date", "edit_start:", date(2003, 3, 19)),),
        "edit_date_save",
        "Saved: date changed",
        (
            as_extracted(
                "ev-invasion",
                ("date",),
                start=date(2003, 3, 19),
                end=date(2003, 3, 19),
                display_date=said(date(2003, 3, 19), date(2003, 3, 19), "day", "2003-03-19"),
            ),
        ),
    ),
    Case(
        "end date",
        INVASION,
        (("date", "edit_end:", date(2003, 4, 9)),),
        "edit_date_save",
        "Saved: date changed",
        (
            as_extracted(
                "ev-invasion",
                ("date",),
                end=date(2003, 4, 9),
                display_date=said(date(2003, 3, 20), date(2003, 4, 9), "day", "2003-03-20"),
            ),
        ),
    ),
    Case(
        "precision",
        {"sel": "ev-talks-2015"},
        (("select", "edit_precision:", "quarter"),),
        "edit_date_save",
        "Saved: date changed",
        (
            as_extracted(
                "ev-talks-2015",
                ("date",),
                precision="quarter",
                display_date=said(date(2015, 10, 1), date(2015, 10, 31), "quarter", "2015-10"),
            ),
        ),
    ),
    Case(
        "an actor removed",
        INVASION,
        (("multi", "edit_actors:", ["United States"]),),
        "edit_details_save",
        "Saved: actors changed",
        (as_extracted("ev-invasion", ("actors",), actors=("United States",)),),
    ),
    Case(
        "a known actor added",
        INVASION,
        (("multi", "edit_actors:", ["United States", "Iraq", "Iran"]),),
        "edit_details_save",
        "Saved: actors changed",
        (as_extracted("ev-invasion", ("actors",), actors=("United States", "Iraq", "Iran")),),
    ),
    Case(
        "a new actor, first",
        INVASION,
        (("multi", "edit_actors:", ["United Kingdom", "United States", "Iraq"]),),
        "edit_details_save",
        "Saved: actors changed",
        (as_extracted("ev-invasion", ("actors",), actors=("United Kingdom", "United States", "Iraq")),),
    ),
    Case(
        "a known category",
        INVASION,
        (("select", "edit_category:", "diplomacy"),),
        "edit_details_save",
        "Saved: category changed",
        (as_extracted("ev-invasion", ("category",), category="diplomacy"),),
    ),
    Case(
        "a new category",
        INVASION,
        (("typed", "edit_category:", "  Ground  Invasion "),),
        "edit_details_save",
        "Saved: category changed",
        (as_extracted("ev-invasion", ("category",), category="ground invasion"),),
    ),
    Case(
        "past to planned",
        INVASION,
        (("radio", "edit_planned:", "planned"),),
        "edit_details_save",
        "Saved: planned or past changed",
        (as_extracted("ev-invasion", ("planned or past",), planned=True),),
    ),
    Case(
        "planned to past",
        {"sel": "ev-withdrawal"},
        (("radio", "edit_planned:", "past"),),
        "edit_details_save",
        "Saved: planned or past changed",
        (as_extracted("ev-withdrawal", ("planned or past",), planned=False),),
    ),
    Case(
        "event hidden",
        INVASION,
        (),
        "edit_hide_event",
        "Saved: event hidden",
        gone=frozenset({"ev-invasion"}),
    ),
    Case(
        "article hidden",
        {"doc": "blog"},
        (),
        "article_hide",
        "Saved: article hidden",
        gone=frozenset({"ev-rocket", "ev-strike"}),
        page=SOURCES_PAGE,
    ),
    Case(
        "added from a sentence in Sources",
        {"doc": "gazette"},
        (
            ("sentence", "cite_gazette_sentence:", "Vienna"),
            ("text", "cite_gazette_title:", "Negotiators first meet in Vienna"),
            ("date", "cite_gazette_start:", date(2015, 10, 1)),
            ("select", "cite_gazette_precision:", "month"),
        ),
        "add_cited_save",
        "Saved: event “Negotiators first meet in Vienna” added",
        (
            Shown(
                "Negotiators first meet in Vienna",
                "Negotiators first meet in Vienna",
                said(date(2015, 10, 1), date(2015, 10, 31), "month", "2015-10"),
                date(2015, 10, 1),
                date(2015, 10, 31),
                "month",
                (),
                "other",
                False,
                ("added by hand",),
                mentions=1,
                source=("Talks resume", "Gazette"),
            ),
        ),
        page=SOURCES_PAGE,
    ),
    Case(
        "added free, with a source note, a new actor and a new category",
        INVASION,
        (
            ("text", "add_title:", "Iraq invades Iran"),
            ("date", "add_start:", date(1980, 9, 22)),
            ("multi", "add_actors:", ["Iraq", "Iran", "Gulf states"]),
            ("typed", "add_category:", "war"),
            ("text", "add_note:", "History textbook, p. 212"),
        ),
        "add_event_save",
        "Saved: event “Iraq invades Iran” added",
        (
            Shown(
                "Iraq invades Iran",
                "Iraq invades Iran",
                said(date(1980, 9, 22), date(1980, 9, 22), "day", "1980-09-22"),
                date(1980, 9, 22),
                date(1980, 9, 22),
                "day",
                ("Iraq", "Iran", "Gulf states"),
                "war",
                False,
                ("added by hand",),
                mentions=0,
                source=("History textbook, p. 212", MANUAL_OUTLET),
            ),
        ),
    ),
    Case(
        "merge",
        {"sel": "ev-meeting"},
        (("select", "edit_merge:", "ev-talks-2015"),),
        "edit_merge_save",
        "Saved: events merged",
        (as_extracted("ev-meeting", ("merged",), actors=("United States", "Iraq", "Iran"), mentions=3),),
        gone=frozenset({"ev-talks-2015"}),
    ),
    Case(
        "split",
        {"sel": "ev-meeting"},
        (("select", "edit_split:", 1),),  # the Gazette's report
        "edit_split_save",
        "Saved: report split off",
        (
            as_extracted("ev-meeting", ("split",), mentions=1),
            as_extracted("ev-meeting", ("split",), mentions=1, find="ev-meeting~gazette:"),
        ),
    ),
]


def type_new_option(box: Selectbox[Any], text: str) -> None:
    """Type a new option into a selectbox that accepts them, as the browser sends it (the typed text
    itself as the widget's value; AppTest's ``set_value`` only knows the listed options)."""

    class Typed(Selectbox):  # type: ignore[type-arg]
        @property
        def _widget_state(self) -> WidgetState:
            state = WidgetState()
            state.id = self.id
            state.string_value = text
            return state

    assert text not in box.options, "a new option, not one listed"
    box.__class__ = Typed


def _keyed(at: AppTest, kind: str, prefix: str) -> Any:
    found = [w for w in at.get(kind) if str(getattr(w, "key", "") or "").startswith(prefix)]
    assert len(found) == 1, (prefix, [getattr(w, "key", None) for w in at.get(kind)])
    return found[0]


def _act(at: AppTest, case: Case) -> None:
    kinds = {"text": "text_input", "date": "date_input", "select": "selectbox", "multi": "multiselect"}
    for what, prefix, value in case.steps:
        if what in kinds:
            widget = _keyed(at, kinds[what], prefix)
            if what == "text":
                widget.input(value)
            else:
                widget.set_value(value)
        elif what == "radio":
            _keyed(at, "radio", prefix).set_value(value)
        elif what == "typed":
            type_new_option(_keyed(at, "selectbox", prefix), value)
        elif what == "sentence":
            box = _keyed(at, "selectbox", prefix)
            box.set_value(next(i for i, label in enumerate(box.options) if value in label))
        else:
            raise AssertionError(what)
    ok(at.button(key=case.button).click().run())


def signed_in(params: dict[str, str], page: str | None) -> AppTest:
    at = open_app(params)
    at.text_input(key=NAME_KEY).input(EDITOR)
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    ok(at.button(key=SUBMIT_KEY).click().run())
    assert "Signed in as" in all_text(at)
    if page is not None:
        at.query_params.clear()
        for key, value in params.items():
            at.query_params[key] = value
        ok(at.switch_page(page).run())
    return at


# -- reading every surface as a reader ---------------------------------------------------------------


@pytest.fixture
def deferred_files(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Callable[[], Any]]]:
    """The builders of the files made on click (the offline chart), by their deferred file id."""
    builders: dict[str, Callable[[], Any]] = {}
    original = MediaFileManager.add_deferred

    def recording(self: MediaFileManager, data_callable: Callable[[], Any], *args: Any, **kwargs: Any) -> str:
        file_id: str = original(self, data_callable, *args, **kwargs)
        builders[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    yield builders


@dataclass
class Reader:
    """What a fresh reader's session shows: the Data page's table and its four downloads."""

    table: list[dict[str, Any]]
    csv_rows: list[dict[str, str]]
    json_rows: list[dict[str, Any]]
    timelinejs: dict[str, Any]
    chart_page: str
    citations: dict[str, dict[str, Any]]
    ids: dict[str, str] = field(default_factory=dict)
    """``Shown.find`` -> the id the reader's files give that event."""


def read_data_page(files: dict[str, bytes], builders: dict[str, Callable[[], Any]]) -> Reader:
    data = open_app(page=DATA_PAGE)
    table = [
        {str(key): value for key, value in row.items()} for row in data.dataframe[0].value.to_dict("records")
    ]
    csv_rows = list(csv.DictReader(io.StringIO(download(data, "dl_csv", files).decode("utf-8-sig"))))
    json_rows = json.loads(download(data, "dl_json", files))
    timelinejs = json.loads(download(data, "dl_tljs", files))
    (chart_button,) = [b for b in data.get("download_button") if b.proto.id.endswith("dl_html")]
    built = builders[chart_button.proto.deferred_file_id]()
    page = built.decode("utf-8") if isinstance(built, bytes) else str(built)
    found = re.search(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, re.S)
    assert found, "the offline chart carries its events' citations"
    return Reader(table, csv_rows, json_rows, timelinejs, page, json.loads(found.group(1)))


def resolve(reader: Reader, shown: tuple[Shown, ...]) -> None:
    """The id of every expected event, from the reader's JSON download (each used once)."""
    taken: set[str] = set()
    for item in shown:
        matches = [
            row["id"]
            for row in reader.json_rows
            if row["id"] not in taken
            and (
                row["id"] == item.find
                or (item.find not in BY_ID and (row["title"] == item.find or row["id"].startswith(item.find)))
            )
        ]
        assert matches, (item.find, [row["id"] for row in reader.json_rows])
        reader.ids[item.find] = matches[0]
        taken.add(matches[0])


def check_files(reader: Reader, item: Shown) -> None:
    """CSV, JSON, TimelineJS and the offline chart hold the corrected record and say it was edited."""
    event_id = reader.ids[item.find]
    row = next(row for row in reader.csv_rows if row["id"] == event_id)
    assert {key: row[key] for key in ("title", "display_date", "start", "end", "precision")} == {
        "title": item.title,
        "display_date": item.display_date,
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
        "precision": item.precision,
    }, "CSV"
    assert (row["actors"], row["category"], row["planned"]) == (
        " | ".join(item.actors),
        item.category,
        "yes" if item.planned else "no",
    ), "CSV"
    assert row["edited"] == " | ".join(item.edited), "CSV says what was edited by hand"

    record = next(record for record in reader.json_rows if record["id"] == event_id)
    assert (record["title"], record["display_date"], record["start"], record["end"], record["precision"]) == (
        item.title,
        item.display_date,
        item.start.isoformat(),
        item.end.isoformat(),
        item.precision,
    ), "JSON"
    assert (record["actors"], record["category"], record["planned"]) == (
        list(item.actors),
        item.category,
        item.planned,
    ), "JSON"
    assert record["edited"] == list(item.edited), "JSON says what was edited by hand"
    assert len(record["mentions"]) == item.mentions, "JSON"
    if item.source is not None:
        assert (record["sources"][0]["title"], record["sources"][0]["outlet"]) == item.source

    slide = next(slide for slide in reader.timelinejs["events"] if slide["unique_id"] == event_id)
    start_date, end_date = timelinejs_date(item.start, item.end)
    assert (slide["start_date"], slide.get("end_date")) == (start_date, end_date), "TimelineJS"
    assert slide["text"]["headline"] == html.escape(item.title), "TimelineJS"
    assert slide["display_date"] == html.escape(item.display_date), "TimelineJS"
    assert f"Edited by hand: {html.escape(', '.join(item.edited))}" in slide["text"]["text"], "TimelineJS"
    assert slide["group"] == lane(item, "actor"), "TimelineJS groups are the chart's lanes"

    citation = reader.citations[event_id]
    assert (citation["title"], citation["date"], citation["edited"]) == (
        item.title,
        item.display_date,
        ", ".join(item.edited),
    ), "offline chart"
    assert f'"{event_id}"' in reader.chart_page.split(f'id="{DATA_ID}"')[1], "a point of the offline chart"


def check_table(reader: Reader, shown: tuple[Shown, ...]) -> None:
    """Data's table has one row per expected event, with its corrected cells and what was edited."""
    for title in {item.title for item in shown}:
        rows = [row for row in reader.table if row["title"] == title]
        wanted = [item for item in shown if item.title == title]
        assert len(rows) == len(wanted), title
        for row, item in zip(rows, wanted, strict=True):
            cells = (row["display_date"], row["precision"], row["actors_text"], row["category"])
            assert cells == (item.display_date, item.precision, ", ".join(item.actors), item.category)
            assert (row["start"].date(), row["end"].date(), bool(row["planned"])) == (
                item.start,
                item.end,
                item.planned,
            )
            assert row["edited"] == ", ".join(item.edited), "the table's 'Edited by hand' column"


def lane(item: Shown, lane_by: str) -> str:
    """The chart's lane for the event: its first actor (or its category), "Other" when it has none."""
    if lane_by == "actor":
        return item.actors[0] if item.actors else "Other"
    return item.category if item.category != "other" else "Other"


def _array(value: Any) -> list[Any]:
    """A Plotly figure array as a list (the JSON gives numbers as base64 ``bdata``)."""
    if isinstance(value, dict) and "bdata" in value:
        return list(np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])))
    return list(value or [])


def _points(at: AppTest, event_id: str) -> list[dict[str, Any]]:
    """The event's marks on the Timeline chart: its lane (the y axis label it sits at), the mark's type,
    x (and a bar's base) and hover."""
    spec = figure(at)
    axis = spec["layout"]["yaxis"]
    lanes = dict(zip(_array(axis["tickvals"]), axis["ticktext"], strict=True))
    points = []
    for trace in spec["data"]:
        if trace.get("name") == "Selected":
            continue
        ys, xs, bases = _array(trace.get("y")), _array(trace.get("x")), _array(trace.get("base"))
        for index, row in enumerate(trace.get("customdata") or []):
            if str(row[0]) == event_id:
                points.append(
                    {
                        "lane": lanes[round(float(ys[index]))],
                        "type": trace.get("type"),
                        "x": xs[index],
                        "base": bases[index] if bases else None,
                        "hover": row[1],
                    }
                )
    return points


def check_timeline(item: Shown, event_id: str) -> None:
    """Timeline: the marker at its corrected date (a bar as long as its span), in its lane by actor and
    by category, its hover and detail saying it was edited by hand, the filters offering its values and
    a link filtering on them showing it."""
    for lane_by in ("actor", "category"):
        params = {"sel": event_id, "lane": lane_by}
        if lane_by == "category":  # and a link filtering on its corrected values finds it
            params |= {"cats": item.category} | ({"actors": item.actors[-1]} if item.actors else {})
        at = open_app(params)
        points = _points(at, event_id)
        assert points, f"{event_id} is on the chart ({params})"
        assert {point["lane"] for point in points} == {lane(item, lane_by)}, lane_by
        if lane_by == "category":
            continue
        if item.precision == "day" and item.end == item.start:  # one day: a dot on it (else its span)
            assert [p["x"] for p in points if p["type"] == "scatter"] == [
                f"{item.start.isoformat()}T00:00:00"
            ]
        else:
            (bar,) = [p for p in points if p["type"] == "bar"]
            length = (item.end - item.start + timedelta(days=1)) / timedelta(milliseconds=1)
            assert (bar["base"], bar["x"]) == (f"{item.start.isoformat()}T00:00:00", length)
        planned = " (planned)" if item.planned else ""
        for point in points:
            hover = point["hover"]
            assert hover.startswith(
                f"<b>{html.escape(item.title)}</b><br>{html.escape(item.display_date)}{planned}<br>"
            )
            assert hover.endswith(EDITED_HOVER), hover
        detail = plain("\n".join(str(m.value) for m in at.markdown))
        assert f"#### {item.title}" in detail and f"**{item.display_date}**" in detail
        assert f"edited by hand: {', '.join(item.edited)}" in detail
        assert (":violet-badge[planned]" in detail) == item.planned
        if item.actors:
            assert ", ".join(item.actors) in detail
        assert set(item.actors) <= set(at.multiselect(key="f_actors").options), "new actors can be filtered"
        assert item.category in at.multiselect(key="f_cats").options, "a new category can be filtered"


def check_present(item: Shown, number: int, total: int) -> None:
    """Present: the event's slide shows its corrected title, date and precision, whether it is planned,
    its source, and says it was edited by hand."""
    at = open_app({"slide": str(number)}, page=PRESENT_PAGE)
    lines = plain("\n".join(str(m.value) for m in at.markdown)).splitlines()
    assert f"**{number} / {total}**" in lines
    assert f"# {item.title}" in lines
    (heading,) = [line for line in lines if line.startswith("### ")]
    assert heading.startswith(f"### {item.display_date} · {PRECISION_NOTE[item.precision]}"), heading
    assert f":orange-badge[edited by hand: {', '.join(item.edited)}]" in heading
    assert (":violet-badge[planned]" in heading) == item.planned
    if item.source is not None:
        assert f"Source: {item.source[1]}" in plain(" ".join(str(c.value) for c in at.caption))


def check_gone(reader: Reader, gone: frozenset[str]) -> None:
    """The ids are on no surface: the chart, the table, any download."""
    timeline = open_app()
    assert not [event_id for event_id in gone if _points(timeline, event_id)]
    assert not gone & {row["id"] for row in reader.csv_rows}
    assert not gone & {row["id"] for row in reader.json_rows}
    assert not gone & {slide["unique_id"] for slide in reader.timelinejs["events"]}
    assert not gone & set(reader.citations)
    assert not {BY_ID[event_id].title for event_id in gone} & {row["title"] for row in reader.table}


def data_dir_store(data_dir: Path) -> EventStore:
    return EventStore(data_dir / DATABASE_NAME)


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_kind_of_edit_reaches_every_surface_and_says_it_was_edited_by_hand(
    case: Case,
    synthetic_store: Path,
    captured_downloads: dict[str, bytes],
    deferred_files: dict[str, Callable[[], Any]],
) -> None:
    at = signed_in(case.params, case.page)
    _act(at, case)
    shown_ok = plain("\n".join(str(item.value) for item in at.success))
    assert case.confirmation in shown_ok, (shown_ok, [e.value for e in at.error])
    assert len(edits(data_dir_store(synthetic_store))) == case.rows

    reader = read_data_page(captured_downloads, deferred_files)
    assert len(reader.csv_rows) == len(reader.json_rows) == len(reader.table) == case.count
    assert len(reader.timelinejs["events"]) == len(reader.citations) == case.count
    resolve(reader, case.shown)
    check_table(reader, case.shown)
    order = [row["id"] for row in reader.csv_rows]  # the view's order: Present's slides
    for item in case.shown:
        if "date" in item.edited:  # the table's own check: the shown date follows the edit
            assert item.display_date != BY_ID[item.find].display_date
        check_files(reader, item)
        event_id = reader.ids[item.find]
        check_timeline(item, event_id)
        check_present(item, order.index(event_id) + 1, case.count)
    if case.gone:
        check_gone(reader, case.gone)
    present = open_app(page=PRESENT_PAGE)
    assert f"**0 / {case.count}**" in "\n".join(str(m.value) for m in present.markdown)
    # the events nobody edited are as extracted on every file
    untouched = set(BY_ID) - case.gone - {item.find for item in case.shown}
    for row in reader.csv_rows:
        if row["id"] in untouched:
            assert row["edited"] == "" and row["title"] == BY_ID[row["id"]].title
