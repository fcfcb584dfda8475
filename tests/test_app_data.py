"""The Data page through AppTest: a table of the current view and downloads holding exactly its events."""

from __future__ import annotations

import csv
import io
import json

import pytest
from app_harness import DATA_PAGE, all_text, download, open_app
from app_harness import captured_downloads as captured_downloads  # fixtures, re-exported for pytest
from app_harness import synthetic_store as synthetic_store
from app_support import ALL_IDS, EVENTS, ids_where

from timeline.ui.data_page import chart_html
from timeline.ui.state import build_app_data, filtered_frame
from timeline.view.filters import FilterState

pytestmark = pytest.mark.usefixtures("synthetic_store")

VIEWS = [
    pytest.param({}, set(ALL_IDS), id="everything"),
    pytest.param({"actors": "Iran"}, ids_where(lambda e: "Iran" in e.actors), id="actor"),
    pytest.param(
        {"cats": "diplomacy", "planned": "0"}, ids_where(lambda e: e.category == "diplomacy"), id="cat"
    ),
    pytest.param(
        {"prec": "day", "planned": "0"}, ids_where(lambda e: e.precision == "day" and not e.planned), id="day"
    ),
]


def _table_ids(at: object, expected: set[str]) -> set[str]:
    table = at.dataframe[0].value  # type: ignore[attr-defined]
    by_title = {event.title: event.id for event in EVENTS}
    return {by_title[title] for title in table["title"]}


@pytest.mark.parametrize(("params", "expected"), VIEWS)
def test_table_and_downloads_hold_exactly_the_filtered_events(
    params: dict[str, str], expected: set[str], captured_downloads: dict[str, bytes]
) -> None:
    at = open_app(params, page=DATA_PAGE)
    assert _table_ids(at, expected) == expected
    assert f"{len(expected)} of {len(EVENTS)} events shown" in all_text(at)

    rows = list(csv.DictReader(io.StringIO(download(at, "dl_csv", captured_downloads).decode("utf-8-sig"))))
    assert {row["id"] for row in rows} == expected
    assert len(rows) == len(expected)

    records = json.loads(download(at, "dl_json", captured_downloads))
    assert [record["id"] for record in records] == sorted(
        (record["id"] for record in records), key=lambda i: [r["id"] for r in records].index(i)
    )
    assert {record["id"] for record in records} == expected and len(records) == len(expected)

    timelinejs = json.loads(download(at, "dl_tljs", captured_downloads))
    assert {slide["unique_id"] for slide in timelinejs["events"]} == expected


@pytest.mark.parametrize(("params", "expected"), VIEWS)
def test_the_chart_download_holds_exactly_the_filtered_events(
    params: dict[str, str], expected: set[str]
) -> None:
    data = build_app_data(EVENTS, [])
    view = FilterState.from_query_params(params)
    page = chart_html(filtered_frame(data, view), view, data)
    assert "<html" in page and "plotly" in page.lower()
    for event_id in ALL_IDS:
        assert (f'"{event_id}"' in page) == (event_id in expected), event_id


def test_downloads_follow_a_filter_change(captured_downloads: dict[str, bytes]) -> None:
    at = open_app(page=DATA_PAGE)
    at.multiselect(key="f_actors").set_value(["Iraq"]).run()
    rows = list(csv.DictReader(io.StringIO(download(at, "dl_csv", captured_downloads).decode("utf-8-sig"))))
    assert {row["id"] for row in rows} == ids_where(lambda e: "Iraq" in e.actors)


def test_no_match_offers_a_reset_instead_of_empty_files() -> None:
    at = open_app({"q": "zzz-nothing"}, page=DATA_PAGE)
    assert not at.get("download_button")
    assert "No event matches" in all_text(at)


def test_big_views_build_their_files_on_click_with_the_same_events(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.ui import data_page

    data = build_app_data(EVENTS, [])
    view = FilterState(actors=("Iran",))
    df = filtered_frame(data, view)
    events = data_page.view_events(df, data)
    monkeypatch.setattr(data_page, "EAGER_LIMIT", 1)
    files = data_page.build_downloads(df, events, "t")
    assert callable(files.csv) and callable(files.json) and callable(files.timelinejs)
    expected = ids_where(lambda e: "Iran" in e.actors)
    rows = csv.DictReader(io.StringIO(files.csv().decode("utf-8-sig")))
    assert {row["id"] for row in rows} == expected
    assert {record["id"] for record in json.loads(files.json())} == expected
    assert {slide["unique_id"] for slide in json.loads(files.timelinejs())["events"]} == expected


def test_the_plain_table_is_escaped_text() -> None:
    at = open_app({"actors": "Iran"}, page=DATA_PAGE)
    (table,) = at.table
    titles = list(table.value["Event"])
    assert len(titles) == len(ids_where(lambda e: "Iran" in e.actors))
    assert any(title.startswith("\\<script\\>") for title in titles)
