"""The Timeline page through Streamlit's AppTest: filters change the chart, links restore the view,
selecting an event shows its quote, and article text never reaches the page as HTML."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from app_harness import all_text, chart_ids, figure, markdown_text, open_app
from app_harness import synthetic_store as synthetic_store  # the fixture, re-exported for pytest
from app_support import ALL_IDS, EVENTS, SCRIPT_TITLE, Spec, build_store, ids_where, make_event

from timeline.view.filters import MAX_QUERY_CHARS

pytestmark = pytest.mark.usefixtures("synthetic_store")


def test_opens_on_the_timeline_with_every_event() -> None:
    at = open_app()
    assert chart_ids(at) == set(ALL_IDS)
    assert f"{len(EVENTS)} of {len(EVENTS)} events shown" in markdown_text(at)
    assert dict(at.query_params) == {}


FILTER_WIDGETS = [
    pytest.param("Actors", ["Iran"], ids_where(lambda e: "Iran" in e.actors), {"actors": "Iran"}, id="actor"),
    pytest.param(
        "Categories",
        ["diplomacy"],
        ids_where(lambda e: e.category == "diplomacy"),
        {"cats": "diplomacy"},
        id="category",
    ),
    pytest.param(
        "Articles",
        ["gazette"],
        ids_where(lambda e: any(s.doc == "gazette" for s in e.sources)),
        {"sources": "gazette"},
        id="article",
    ),
]


@pytest.mark.parametrize(("label", "value", "expected", "params"), FILTER_WIDGETS)
def test_a_multiselect_filter_changes_the_chart_and_the_url(
    label: str, value: list[str], expected: set[str], params: dict[str, str]
) -> None:
    at = open_app()
    at.multiselect(
        key={"Actors": "f_actors", "Categories": "f_cats", "Articles": "f_sources"}[label]
    ).set_value(value).run()
    assert chart_ids(at) == expected
    assert expected != set(ALL_IDS)
    assert {key: _param(at, key) for key in params} == params
    assert f"{len(expected)} of {len(EVENTS)} events shown" in markdown_text(at)


def test_text_search_dates_and_planned_filter_the_chart() -> None:
    at = open_app()
    at.text_input(key="f_text").input("baghdad").run()
    assert chart_ids(at) == {"ev-meeting"}
    at.text_input(key="f_text").input("").run()
    at.date_input(key="f_from").set_value(date(2019, 1, 1)).run()
    assert chart_ids(at) == ids_where(lambda e: e.end >= date(2019, 1, 1))
    at.toggle(key="f_planned").set_value(False).run()
    assert chart_ids(at) == ids_where(lambda e: e.end >= date(2019, 1, 1) and not e.planned)
    assert _param(at, "planned") == "0"
    assert _param(at, "from") == "2019-01-01"


def test_unticking_year_precision_hides_year_only_events() -> None:
    at = open_app()
    at.pills(key="f_prec").set_value(["day", "week", "month"]).run()
    assert chart_ids(at) == ids_where(lambda e: e.precision != "year")
    assert _param(at, "prec") == "day,week,month"


def _param(at: object, key: str) -> str:
    value = at.query_params[key]  # type: ignore[attr-defined]
    return value[-1] if isinstance(value, list) else str(value)


URL_VIEWS = [
    pytest.param({"actors": "Iran"}, ids_where(lambda e: "Iran" in e.actors), id="actors"),
    pytest.param(
        {"actors": "Iran,Iraq"}, ids_where(lambda e: {"Iran", "Iraq"} & set(e.actors)), id="two-actors"
    ),
    pytest.param({"cats": "diplomacy"}, ids_where(lambda e: e.category == "diplomacy"), id="category"),
    pytest.param(
        {"sources": "blog"}, ids_where(lambda e: any(s.doc == "blog" for s in e.sources)), id="article"
    ),
    pytest.param({"q": "mosul"}, {"ev-mosul"}, id="text"),
    pytest.param(
        {"from": "2015-01-01", "to": "2019-12-31"},
        ids_where(lambda e: e.end >= date(2015, 1, 1) and e.start <= date(2019, 12, 31)),
        id="date-range",
    ),
    pytest.param({"prec": "day"}, ids_where(lambda e: e.precision == "day"), id="precision"),
    pytest.param({"planned": "0"}, ids_where(lambda e: not e.planned), id="no-planned"),
]


@pytest.mark.parametrize(("params", "expected"), URL_VIEWS)
def test_a_link_restores_the_filtered_view(params: dict[str, str], expected: set[str]) -> None:
    at = open_app(params)
    assert chart_ids(at) == expected
    for key, value in params.items():
        assert _param(at, key) == value, "the URL keeps describing the view"


def test_a_link_restores_the_widgets_too() -> None:
    at = open_app({"actors": "Iran", "q": "rocket", "from": "2010-01-01", "lane": "category", "large": "1"})
    assert at.multiselect(key="f_actors").value == ["Iran"]
    assert at.text_input(key="f_text").value == "rocket"
    assert at.date_input(key="f_from").value == date(2010, 1, 1)
    assert at.toggle(key="f_large").value is True
    assert at.segmented_control(key="f_lane").value == "category"
    assert chart_ids(at) == ids_where(
        lambda e: "Iran" in e.actors and "rocket" in (e.title + e.sentence).lower() and e.end.year >= 2010
    )


def test_lanes_switch_to_categories() -> None:
    at = open_app()
    assert set(figure(at)["layout"]["yaxis"]["ticktext"]) == {"United States", "Iran", "Iraq"}
    at.segmented_control(key="f_lane").set_value("category").run()
    assert set(figure(at)["layout"]["yaxis"]["ticktext"]) == {"military", "diplomacy"}
    assert _param(at, "lane") == "category"
    assert chart_ids(at) == set(ALL_IDS)


def test_a_link_with_a_selected_event_shows_its_detail() -> None:
    at = open_app({"sel": "ev-meeting"})
    text = markdown_text(at)
    assert "Leaders meet in Baghdad" in all_text(at)
    assert ":orange-background[**Sunday**]" in text, "the time expression is highlighted in the quote"
    assert ":orange-background[**February 3\\, 2019**]" in text, "the second source's quote is shown too"
    assert "Gazette" in text and "Wire Service" in text
    links = list(at.get("page_link"))
    assert any("doc=wire" in _link_params(link) and "sel=ev-meeting" in _link_params(link) for link in links)
    assert any(trace.get("name") == "Selected" for trace in figure(at)["data"])


def _link_params(link: object) -> str:
    return str(link.proto.query_string)  # type: ignore[attr-defined]


def test_picking_an_event_from_the_list_selects_it_and_puts_it_in_the_url() -> None:
    at = open_app()
    at.selectbox(key="pick").select("ev-dialogue").run()
    assert _param(at, "sel") == "ev-dialogue"
    assert "Strategic dialogue resumes" in all_text(at)
    assert ":orange-background[**Wednesday**]" in markdown_text(at)


def test_a_selection_survives_a_filter_that_hides_it() -> None:
    at = open_app({"sel": "ev-meeting", "actors": "Iran"})
    assert "ev-meeting" not in chart_ids(at)
    assert "hidden by the current filters" in all_text(at)


def test_an_unknown_event_in_a_link_is_explained_not_fatal() -> None:
    at = open_app({"sel": "no-such-event"})
    assert "no longer in the timeline" in all_text(at)
    assert chart_ids(at) == set(ALL_IDS)


def test_no_match_says_so_and_reset_brings_everything_back() -> None:
    at = open_app({"q": "zzz-nothing-matches"})
    assert not at.get("plotly_chart")
    assert "No event matches" in all_text(at)
    at.button(key="reset_empty").click().run()
    assert chart_ids(at) == set(ALL_IDS)
    assert "q" not in at.query_params


def test_html_in_titles_is_shown_as_text() -> None:
    at = open_app({"sel": "ev-strike"})
    text = markdown_text(at)
    assert "\\<script\\>" in text
    assert not re.search(r"(?<!\\)<(script|img|b|i)\b", text), "no raw tag reaches st.markdown"
    hover = " ".join(str(row[1]) for trace in figure(at)["data"] for row in trace.get("customdata") or [])
    assert "&lt;script&gt;" in hover and "<script" not in hover
    assert SCRIPT_TITLE not in text


@pytest.mark.parametrize(
    ("chart_state", "expected"),
    [
        (
            {"selection": {"points": [{"customdata": ["ev-mosul", "<b>hover</b>"], "point_index": 7}]}},
            "ev-mosul",
        ),
        ({"selection": {"points": [{"customdata": "ev-rocket"}]}}, "ev-rocket"),
        ({"selection": {"points": [{"point_index": 3}]}}, None),
        ({"selection": {"points": []}}, None),
        (None, None),
    ],
    ids=["customdata-row", "customdata-scalar", "no-customdata", "empty-click", "no-state"],
)
def test_a_chart_click_selects_by_event_id_not_position(chart_state: object, expected: str | None) -> None:
    from timeline.ui.timeline_page import clicked_event

    assert clicked_event(chart_state) == expected


MANY_ACTORS = tuple(f"Delegation number {number:03d}" for number in range(150))
"""About 4,000 characters as a URL parameter: a view too large for a shareable address."""


def test_a_view_too_large_for_a_link_says_so_and_writes_what_fits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crowded = make_event(
        Spec(
            "ev-crowd",
            date(2014, 1, 1),
            date(2014, 12, 31),
            "year",
            "Many meet",
            MANY_ACTORS,
            "diplomacy",
            (("wire", "2014"),),
        )
    )
    build_store(tmp_path / "data", (*EVENTS, crowded))
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    at = open_app({"actors": ",".join(MANY_ACTORS), "lane": "category", "sel": "ev-crowd"})
    assert chart_ids(at) == {"ev-crowd"}, "the view itself keeps every actor"
    written = {key: at.query_params[key] for key in at.query_params}
    assert "actors" not in written
    assert written["lane"] in ("category", ["category"]) and written["sel"] in ("ev-crowd", ["ev-crowd"])
    assert len(urlencode({key: str(value) for key, value in written.items()})) <= MAX_QUERY_CHARS
    assert any(
        "too large to share as a link" in str(info.value) and "actors" in str(info.value) for info in at.info
    )
    at.multiselect(key="f_actors").set_value(list(MANY_ACTORS[:3])).run()
    assert at.query_params["actors"], "a smaller view fits again"
    assert not any("too large" in str(info.value) for info in at.info)
