"""The timeline figure: what each kind of event looks like, ids in customdata, escaping, scale switches."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from app_harness import synthetic_store as synthetic_store  # the fixture, for the AppTests below
from app_support import ALL_IDS, EVENTS, SCRIPT_TITLE

from timeline.model import Event
from timeline.view import chart, chart_lanes, chart_traces
from timeline.view.chart import figure_event_ids, timeline_figure
from timeline.view.chart_position import position_figure
from timeline.view.frame import events_frame
from timeline.view.palette import actor_colors, outline

BY_ID = {event.id: event for event in EVENTS}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return events_frame(EVENTS)


def _traces_with(fig: go.Figure, event_id: str) -> list[Any]:
    return [
        trace
        for trace in fig.data
        if trace.customdata is not None
        and trace.name != "Selected"
        and any(row[0] == event_id for row in trace.customdata)
    ]


@pytest.mark.parametrize("lane_by", ["actor", "category"])
@pytest.mark.parametrize("large", [False, True])
def test_every_dated_event_is_on_the_chart_with_its_id(
    frame: pd.DataFrame, lane_by: str, large: bool
) -> None:
    fig = timeline_figure(frame, lane_by=lane_by, large=large)  # type: ignore[arg-type]
    assert figure_event_ids(fig) == set(ALL_IDS)


@pytest.mark.parametrize(
    ("event_id", "trace_type", "symbol"),
    [
        ("ev-invasion", "scatter", "circle"),  # a day: a solid dot
        ("ev-mosul", "bar", None),  # a year: a bar over its span ...
        ("ev-mosul", "scatter", "diamond"),  # ... and a pale diamond at its middle
        ("ev-talks-2015", "bar", None),
        ("ev-rocket", "scatter", "diamond"),
    ],
)
def test_days_are_dots_and_approximate_dates_are_spans(
    frame: pd.DataFrame, event_id: str, trace_type: str, symbol: str | None
) -> None:
    traces = [trace for trace in _traces_with(timeline_figure(frame), event_id) if trace.type == trace_type]
    assert traces, f"{event_id} has no {trace_type} trace"
    if symbol is not None:
        assert any(trace.marker.symbol == symbol for trace in traces)


def test_days_over_several_days_are_spans_one_day_a_dot() -> None:
    """ "Tue 3 Mar 2015 - Thu 5 Mar 2015" (a day range, an anchored duration, an edited end date) is drawn
    over its three days; the same event on one day stays a dot."""
    invasion = BY_ID["ev-invasion"]
    assert invasion.start is not None
    three_days = dataclasses.replace(invasion, id="ev-three-days", end=invasion.start + timedelta(days=2))
    fig = timeline_figure(events_frame([invasion, three_days]))
    (bar,) = [trace for trace in _traces_with(fig, "ev-three-days") if trace.type == "bar"]
    index = [row[0] for row in bar.customdata].index("ev-three-days")
    assert bar.x[index] == 3 * chart_traces.DAY_MS
    assert not [trace for trace in _traces_with(fig, "ev-invasion") if trace.type == "bar"]


@pytest.mark.parametrize("event_id", ["ev-mosul", "ev-talks-2015", "ev-rocket"])
def test_a_span_covers_the_whole_interval(frame: pd.DataFrame, event_id: str) -> None:
    event = BY_ID[event_id]
    assert event.start is not None and event.end is not None
    (bar,) = [trace for trace in _traces_with(timeline_figure(frame), event_id) if trace.type == "bar"]
    index = [row[0] for row in bar.customdata].index(event_id)
    assert pd.Timestamp(bar.base[index]) == pd.Timestamp(event.start)
    assert bar.x[index] == ((event.end - event.start).days + 1) * chart_traces.DAY_MS


def test_planned_events_are_drawn_open(frame: pd.DataFrame) -> None:
    fig = timeline_figure(frame)
    (trace,) = _traces_with(fig, "ev-withdrawal")
    ids = [row[0] for row in trace.customdata]
    scale = {value: color for value, color in trace.marker.colorscale}
    assert scale[trace.marker.color[ids.index("ev-withdrawal")]].upper() == "#FFFFFF", "planned: open"
    assert scale[trace.marker.color[ids.index("ev-dialogue")]] == trace.marker.line.color, "past: filled"


def test_a_merged_event_is_bigger_and_labelled_with_its_source_count(frame: pd.DataFrame) -> None:
    fig = timeline_figure(frame)
    (merged,) = _traces_with(fig, "ev-meeting")
    index = [row[0] for row in merged.customdata].index("ev-meeting")
    single = [row[0] for row in merged.customdata].index("ev-dialogue")
    assert merged.text[index] == "×2"
    assert merged.text[single] == ""
    assert merged.marker.size[index] > merged.marker.size[single]


def test_hover_has_title_date_and_sources_and_is_escaped(frame: pd.DataFrame) -> None:
    fig = timeline_figure(frame)
    (trace,) = _traces_with(fig, "ev-strike")
    hover = {row[0]: row[1] for row in trace.customdata}["ev-strike"]
    assert "&lt;script&gt;" in hover and "<script" not in hover
    assert BY_ID["ev-strike"].display_date in hover
    assert "1 source: A &lt;i&gt;blog&lt;/i&gt;" in hover
    meeting = {row[0]: row[1] for t in _traces_with(fig, "ev-meeting") for row in t.customdata}["ev-meeting"]
    assert "2 sources: Wire Service; Gazette" in meeting
    assert all(
        trace.hovertemplate == "%{customdata[1]}<extra></extra>" for trace in _traces_with(fig, "ev-meeting")
    )


def test_no_raw_article_html_anywhere_in_the_figure(frame: pd.DataFrame) -> None:
    text = timeline_figure(frame, title=SCRIPT_TITLE, selected="ev-strike").to_json()
    assert "<script" not in text and "<img" not in text


@pytest.mark.parametrize("lane_by", ["actor", "category"])
def test_one_colour_per_actor_whatever_the_lanes(frame: pd.DataFrame, lane_by: str) -> None:
    colors = actor_colors(["United States", "Iran", "Iraq", "No actor"])
    fig = timeline_figure(frame, lane_by=lane_by, colors=colors)  # type: ignore[arg-type]
    for trace in fig.data:
        if trace.customdata is None or trace.name == "Selected":
            continue
        line_color = trace.marker.line.color
        assert line_color == outline(colors[trace.name]), trace.name  # the actor's hue, 3:1 on white


def test_lanes_follow_the_switch(frame: pd.DataFrame) -> None:
    by_actor = timeline_figure(frame, lane_by="actor").layout.yaxis.ticktext
    by_category = timeline_figure(frame, lane_by="category").layout.yaxis.ticktext
    assert set(by_actor) == {"United States", "Iran", "Iraq"}
    assert by_actor[0] == "United States", "the busiest lane first"
    assert set(by_category) == {"military", "diplomacy"}


def test_range_slider_and_quick_ranges(frame: pd.DataFrame) -> None:
    xaxis = timeline_figure(frame).layout.xaxis
    assert xaxis.rangeslider.visible
    (menu,) = timeline_figure(frame).layout.updatemenus
    assert [button.label for button in menu.buttons] == ["Overview", "1y", "5y", "all"]


def test_large_type_is_larger(frame: pd.DataFrame) -> None:
    normal, large = timeline_figure(frame), timeline_figure(frame, large=True)
    assert large.layout.font.size > normal.layout.font.size
    assert large.layout.height > normal.layout.height


def test_the_selected_event_is_ringed(frame: pd.DataFrame) -> None:
    fig = timeline_figure(frame, selected="ev-mosul")
    (ring,) = [trace for trace in fig.data if trace.name == "Selected"]
    assert [row[0] for row in ring.customdata] == ["ev-mosul"]
    assert not [trace for trace in timeline_figure(frame).data if trace.name == "Selected"]


def test_same_day_events_in_one_lane_do_not_overlap() -> None:
    twins = [
        dataclasses.replace(EVENTS[0], id=f"twin-{n}", title=f"Twin {n}", actors=("United States",))
        for n in range(3)
    ]
    fig = timeline_figure(events_frame(twins))
    (trace,) = [t for t in fig.data if t.customdata is not None]
    assert len(set(trace.y)) == 3


def test_undated_events_are_left_out(frame: pd.DataFrame) -> None:
    undated = dataclasses.replace(EVENTS[0], id="undated", start=None, end=None, anchored=False)
    fig = timeline_figure(events_frame([*EVENTS, undated]))
    assert figure_event_ids(fig) == set(ALL_IDS)


def test_an_empty_view_still_draws(frame: pd.DataFrame) -> None:
    fig = timeline_figure(frame.iloc[0:0])
    assert figure_event_ids(fig) == set()


def _many(count: int, precision: str) -> list[Event]:
    base = EVENTS[0]
    start = date(2000, 1, 1)
    length = 0 if precision == "day" else 30
    return [
        dataclasses.replace(
            base,
            id=f"many-{n}",
            start=start + timedelta(days=n % 7000),
            end=start + timedelta(days=n % 7000 + length),
            precision=precision,  # type: ignore[arg-type]
            actors=(("United States", "Iran", "Iraq")[n % 3],),
        )
        for n in range(count)
    ]


def test_thousands_of_day_events_use_webgl() -> None:
    fig = timeline_figure(events_frame(_many(chart.WEBGL_THRESHOLD + 10, "day")), key_events=False)
    kinds = {trace.type for trace in fig.data if trace.customdata is not None}
    assert kinds == {"scattergl"}
    assert len(figure_event_ids(fig)) == chart.WEBGL_THRESHOLD + 10


def test_thousands_of_spans_become_webgl_lines() -> None:
    fig = timeline_figure(events_frame(_many(chart.BAR_LIMIT + 10, "month")), key_events=False)
    assert not [trace for trace in fig.data if trace.type == "bar"]
    assert [trace for trace in fig.data if trace.type == "scattergl" and trace.mode == "lines"]
    assert len(figure_event_ids(fig)) == chart.BAR_LIMIT + 10


def test_a_few_events_use_svg() -> None:
    fig = timeline_figure(events_frame(EVENTS))
    assert "scattergl" not in {trace.type for trace in fig.data}


def test_position_strip_marks_the_current_event(frame: pd.DataFrame) -> None:
    fig = position_figure(frame, "ev-mosul")
    assert len(fig.data[0].x) == len(EVENTS)
    assert pd.Timestamp(fig.data[-1].x[0]) == pd.Timestamp(str(BY_ID["ev-mosul"].start))
    assert len(position_figure(frame, None).data) == 1


def test_catch_all_lanes_come_last() -> None:
    from timeline.view.chart_lanes import lane_order

    nobody = [dataclasses.replace(EVENTS[0], id=f"nobody-{n}", actors=()) for n in range(5)]
    lanes = lane_order(events_frame([*EVENTS, *nobody]), "actor")
    assert lanes[-1] == "Other", "even though it is the busiest lane"
    assert "No actor" not in lanes


@pytest.mark.parametrize("count", [20, chart_lanes.PACK_LIMIT + 1])
def test_lane_offsets_are_stable_and_inside_the_lane(count: int) -> None:
    df = events_frame(_many(count, "day"))
    first = chart_lanes.lane_offsets(df, "primary_actor")
    again = chart_lanes.lane_offsets(df.iloc[::-1].iloc[::-1], "primary_actor")
    assert (first == again).all()
    assert abs(first).max() < 0.5, "an event never strays into the next lane"


# --- the Key events switch and its URL parameters, through the app (AppTest) ----------------------


def _key_trace(at: Any) -> list[str]:
    from app_harness import figure

    traces = [trace for trace in figure(at)["data"] if trace.get("name") == "Key events"]
    return [str(row[0]) for trace in traces for row in trace["customdata"]]


def _has_density(at: Any) -> bool:
    from app_harness import figure

    return any(trace.get("type") == "heatmap" for trace in figure(at)["data"])


@pytest.mark.usefixtures("synthetic_store")
def test_app_a_link_turns_key_events_on_with_its_count_and_the_switch_turns_them_off() -> None:
    from app_harness import chart_ids, open_app

    at = open_app({"key": "1", "keyn": "3"})
    assert at.toggle(key="chart_key_events").value is True
    assert _has_density(at) and len(_key_trace(at)) == 3
    assert at.number_input(key="chart_key_count").value == 3
    at.toggle(key="chart_key_events").set_value(False).run()
    assert not at.exception
    assert not _has_density(at) and not _key_trace(at)
    assert dict(at.query_params).get("key") in ("0", ["0"])
    assert chart_ids(at) == set(ALL_IDS), "every event still drawn"


@pytest.mark.usefixtures("synthetic_store")
def test_app_few_events_open_without_key_events_and_the_count_goes_to_the_url() -> None:
    from app_harness import open_app

    at = open_app()
    assert at.toggle(key="chart_key_events").value is False, f"{len(EVENTS)} events: under the threshold"
    assert not _has_density(at)
    at.toggle(key="chart_key_events").set_value(True).run()
    assert _has_density(at) and len(_key_trace(at)) == min(len(EVENTS), 20)
    at.number_input(key="chart_key_count").set_value(2).run()
    assert not at.exception
    assert len(_key_trace(at)) == 2
    params = {
        key: (value[-1] if isinstance(value, list) else value) for key, value in dict(at.query_params).items()
    }
    assert params.get("key") == "1" and params.get("keyn") == "2"
