"""Many events, one readable picture: the opening range, quick ranges, density binning, lane folding,
the key-events switch and dates outside pandas' nanosecond years (tables: each rule beside its cases)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pytest

from bench.synthetic import make_event
from timeline.model import Event
from timeline.view import chart_range
from timeline.view.chart import figure_event_ids, timeline_figure
from timeline.view.chart_lanes import OTHER_LANE, lane_of_rows, lane_order
from timeline.view.filters import DEFAULT_KEY_COUNT, KEY_EVENTS_AUTO, MAX_KEY_COUNT, FilterState
from timeline.view.frame import NO_ACTOR, events_frame


def _days(first: date, count: int, step: int = 1, **fields: Any) -> list[Event]:
    prefix = fields.pop("prefix", f"d{first.isoformat()}")
    return [make_event(f"{prefix}-{n}", first + timedelta(days=n * step), **fields) for n in range(count)]


def _band(event_id: str, first: date, last: date, precision: str) -> Event:
    return make_event(event_id, first, last, precision=precision)  # type: ignore[arg-type]


RANGE_CASES = [
    pytest.param(
        [
            *_days(date(2005, 1, 1), 200),
            make_event("ancient", date(800, 5, 1)),
            make_event("far", date(2270, 1, 1)),
        ],
        (date(2004, 12, 1), date(2005, 8, 31)),
        id="a spurious year 800 and 2270 move nothing",
    ),
    pytest.param(
        [
            *_days(date(2003, 1, 1), 300, step=20),
            _band("1990s", date(1990, 1, 1), date(1999, 12, 31), "decade"),
            _band("18th", date(1700, 1, 1), date(1799, 12, 31), "century"),
        ],
        (date(2002, 6, 1), date(2020, 12, 31)),
        id="decade and century bands never stretch the range",
    ),
    pytest.param(
        _days(date(2010, 3, 1), 95) + _days(date(2015, 6, 1), 5),
        (date(2010, 2, 1), date(2010, 6, 30)),
        id="a small later cluster (5%) is outside the bulk",
    ),
    pytest.param(
        [make_event("one", date(2011, 5, 2))],
        (date(2011, 4, 17), date(2011, 5, 17)),
        id="one event: a month around it",
    ),
    pytest.param(
        [_band("only", date(1990, 1, 1), date(1999, 12, 31), "decade")],
        (date(1989, 1, 1), date(2000, 12, 31)),
        id="only coarse bands: then they decide",
    ),
    pytest.param(
        [*_days(date(2005, 1, 1), 50), _band("y2008", date(2008, 1, 1), date(2008, 12, 31), "year")],
        (date(2004, 12, 1), date(2005, 3, 31)),
        id="a year-precision event is one event among the others",
    ),
]


@pytest.mark.parametrize(("events", "inside"), RANGE_CASES)
def test_the_opening_range_holds_the_bulk(events: list[Event], inside: tuple[date, date]) -> None:
    window = chart_range.opening_range(events_frame(events))
    assert window is not None
    low, high = (pd.Timestamp(day) for day in inside)
    assert low <= pd.Timestamp(window.start) and pd.Timestamp(window.end) <= high, window.as_list()


def test_most_events_are_inside_the_opening_range() -> None:
    from bench.synthetic import synthetic_events

    df = events_frame([*synthetic_events(3000), make_event("old", date(800, 1, 1))])
    window = chart_range.opening_range(df)
    assert window is not None
    middle = df["start"] + (df["end"] - df["start"]) / 2
    inside = (middle >= pd.Timestamp(window.start)) & (middle <= pd.Timestamp(window.end))
    assert inside.sum() >= 0.9 * df["start"].notna().sum() * 0.95


def test_no_dated_event_no_range() -> None:
    df = events_frame([make_event("undated", None)])
    assert chart_range.opening_range(df) is None and chart_range.quick_ranges(df) == {}


@pytest.mark.parametrize(
    ("events", "label", "expected_end_year"),
    [
        (_days(date(2005, 1, 1), 100), "1y", 2005),
        (_days(date(2005, 1, 1), 100), "5y", 2005),
        (_days(date(1991, 1, 1), 40, step=3), "1y", 1991),
    ],
)
def test_quick_ranges_follow_the_events_not_today(
    events: list[Event], label: str, expected_end_year: int
) -> None:
    ranges = chart_range.quick_ranges(events_frame(events))
    window = ranges[label]
    assert pd.Timestamp(window.end).year == expected_end_year
    years = {"1y": 1, "5y": 5}[label]
    assert abs(window.days - 365.25 * years) <= 1


def test_all_covers_every_event_bands_and_outliers_included() -> None:
    events = [
        *_days(date(2005, 1, 1), 100),
        make_event("ancient", date(800, 5, 1)),
        _band("2090s", date(2090, 1, 1), date(2099, 12, 31), "decade"),
    ]
    window = chart_range.quick_ranges(events_frame(events))["all"]
    assert pd.Timestamp(window.start) < pd.Timestamp(date(800, 5, 1))
    assert pd.Timestamp(window.end) > pd.Timestamp(date(2099, 12, 31))


def test_the_figure_opens_on_the_bulk_with_buttons_for_the_rest() -> None:
    events = [*_days(date(2005, 1, 1), 200), make_event("ancient", date(800, 5, 1))]
    fig = timeline_figure(events_frame(events))
    start, end = (pd.Timestamp(value) for value in fig.layout.xaxis.range)
    assert start.year >= 2004 and end.year <= 2005
    (menu,) = fig.layout.updatemenus
    ranges = {button.label: button.args[-1].get("xaxis.range") for button in menu.buttons}
    assert pd.Timestamp(ranges["all"][0]).year < 800
    assert pd.Timestamp(ranges["1y"][1]).year == 2005


# --- density ------------------------------------------------------------------------------------

YEAR_2005 = chart_range.Range(np.datetime64("2005-01-01", "s"), np.datetime64("2005-12-31", "s"))


@pytest.mark.parametrize(
    ("event", "bins_counted"),
    [
        (make_event("day", date(2005, 3, 10)), 1),  # a day: one week
        (_band("week", date(2005, 3, 7), date(2005, 3, 13), "week"), (1, 2)),  # a week: one or two weeks
        (_band("month", date(2005, 3, 1), date(2005, 3, 31), "month"), (5, 6)),  # a month: its weeks
        (_band("year", date(2005, 1, 1), date(2005, 12, 31), "year"), (52, 53, 54)),  # the whole strip
        (_band("decade", date(2000, 1, 1), date(2009, 12, 31), "decade"), 0),  # bands are not density
        (make_event("before", date(2003, 3, 10)), 0),  # outside the window
    ],
)
def test_density_counts_each_period_an_event_overlaps(
    event: Event, bins_counted: int | tuple[int, ...]
) -> None:
    df = events_frame([event])
    result = chart_range.density(df, ["A", OTHER_LANE], pd.Series([OTHER_LANE], index=df.index), YEAR_2005)
    assert result.period == "week"
    assert result.counts[0].sum() == 0, "nothing in lane A"
    counted = int((result.counts[1] > 0).sum())
    assert counted in (bins_counted if isinstance(bins_counted, tuple) else (bins_counted,))
    assert result.counts.max() <= 1


def test_density_adds_up_per_lane_and_period() -> None:
    events = _days(date(2005, 3, 1), 10, actors=("A",), prefix="a") + _days(
        date(2005, 3, 1), 4, actors=("B",), prefix="b"
    )
    df = events_frame(events)
    window = chart_range.Range(np.datetime64("2005-01-01", "s"), np.datetime64("2005-04-30", "s"))
    result = chart_range.density(df, ["A", "B"], df["primary_actor"], window)
    assert result.counts.sum(axis=1).tolist() == [10, 4]
    assert len(result.edges) == result.counts.shape[1] + 1
    assert result.edges[0] <= window.start and result.edges[-1] >= window.end


@pytest.mark.parametrize(
    ("span_days", "period"),
    [(30, "day"), (200, "week"), (2000, "month"), (7000, "quarter"), (30_000, "year"), (300_000, "decade")],
)
def test_density_periods_follow_the_span(span_days: int, period: str) -> None:
    assert chart_range.period_for(span_days)[0] == period


def test_the_overview_has_density_with_counts_in_the_hover_and_labelled_key_events() -> None:
    events = _days(date(2005, 1, 1), 400, actors=("US",))
    fig = timeline_figure(events_frame(events), key_events=True, key_count=5)
    (heat,) = [trace for trace in fig.data if trace.type == "heatmap"]
    assert heat.visible is True
    assert np.nansum(np.asarray(heat.z, dtype=float)) == 400, "each day event in one period"
    assert any(" events" in str(text) for row in heat.text for text in row)
    (key,) = [trace for trace in fig.data if trace.name == "Key events"]
    assert len(key.x) == 5 and sum(1 for label in key.text if label) >= 4, "labelled where a label fits"
    singles = [
        trace for trace in fig.data if trace.customdata is not None and trace.name not in ("Key events",)
    ]
    assert singles and not any(trace.visible for trace in singles), "single events wait for a zoom"


def test_the_zoom_buttons_show_the_single_events() -> None:
    fig = timeline_figure(events_frame(_days(date(2005, 1, 1), 400, actors=("US",))), key_events=True)
    (menu,) = fig.layout.updatemenus
    kinds = [trace.type for trace in fig.data]
    for button in menu.buttons:
        visible = button.args[0]["visible"]
        heat_visible = visible[kinds.index("heatmap")]
        assert heat_visible == (button.label in ("Overview", "all")), button.label


# --- lanes ----------------------------------------------------------------------------------------


def _actor_events(counts: dict[str, int]) -> list[Event]:
    events: list[Event] = []
    for actor, count in counts.items():
        actors = () if actor == NO_ACTOR else (actor,)
        events += _days(date(2005, 1, 1), count, actors=actors, prefix=f"x{actor}")
    return events


@pytest.mark.parametrize(
    ("counts", "max_lanes", "expected"),
    [
        ({"US": 5, "Iran": 4, "Iraq": 3, "Syria": 2, "UN": 1}, 3, ["US", "Iran", OTHER_LANE]),
        ({"US": 5, "Iran": 4}, 3, ["US", "Iran"]),  # few actors: no "Other"
        ({NO_ACTOR: 50, "US": 5, "Iran": 4}, 5, ["US", "Iran", OTHER_LANE]),  # no "No actor" lane
        ({"Iran": 3, "Iraq": 3, "US": 9}, 9, ["US", "Iran", "Iraq"]),  # ties by name
    ],
)
def test_lanes_are_the_main_actors_and_the_rest_fold_into_other(
    counts: dict[str, int], max_lanes: int, expected: list[str]
) -> None:
    df = events_frame(_actor_events(counts))
    lanes = lane_order(df, "actor", max_lanes=max_lanes)
    assert lanes == expected
    folded = lane_of_rows(df, "actor", lanes)
    assert set(folded) <= set(lanes)
    assert int((folded == OTHER_LANE).sum()) == sum(n for a, n in counts.items() if a not in lanes)


def test_the_chart_lanes_never_name_no_actor() -> None:
    fig = timeline_figure(events_frame(_actor_events({NO_ACTOR: 30, "US": 3})))
    assert list(fig.layout.yaxis.ticktext) == ["US", OTHER_LANE]
    assert len(figure_event_ids(fig)) == 33


# --- the key-events switch ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("switch", "dated", "on"),
    [
        (None, KEY_EVENTS_AUTO, False),
        (None, KEY_EVENTS_AUTO + 1, True),
        (False, 10_000, False),
        (True, 5, True),
    ],
)
def test_the_switch_is_on_by_default_past_a_few_hundred_events(
    switch: bool | None, dated: int, on: bool
) -> None:
    assert FilterState(key_events=switch).key_events_on(dated) is on


def test_switch_off_draws_only_single_events() -> None:
    df = events_frame(_days(date(2005, 1, 1), 400))
    fig = timeline_figure(df, key_events=False)
    assert not [trace for trace in fig.data if trace.type == "heatmap" or trace.name == "Key events"]
    assert all(trace.visible is not False for trace in fig.data)
    assert len(figure_event_ids(fig)) == 400


@pytest.mark.parametrize(
    ("params", "switch", "count"),
    [
        ({}, None, DEFAULT_KEY_COUNT),
        ({"key": "1", "keyn": "7"}, True, 7),
        ({"key": "0"}, False, DEFAULT_KEY_COUNT),
        ({"key": "maybe", "keyn": "lots"}, None, DEFAULT_KEY_COUNT),
        ({"keyn": "0"}, None, 1),
        ({"keyn": "100000"}, None, MAX_KEY_COUNT),
    ],
)
def test_the_switch_and_its_count_in_the_url(params: dict[str, str], switch: bool | None, count: int) -> None:
    state = FilterState.from_query_params(params)
    assert (state.key_events, state.key_count) == (switch, count)
    assert FilterState.from_query_params(state.to_query_params()) == state


# --- dates outside 1678–2262 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        date(1, 1, 1),
        date(800, 5, 1),
        date(1677, 12, 31),
        date(2005, 3, 10),
        date(2263, 1, 1),
        date(9999, 12, 31),
    ],
)
def test_any_year_keeps_its_date_in_the_frame_and_on_the_chart(day: date) -> None:
    df = events_frame([make_event("e", day)])
    assert df["start"].iloc[0].date() == day
    assert df["end"].iloc[0].date() == day
    fig = timeline_figure(df)
    (trace,) = [trace for trace in fig.data if trace.customdata is not None and trace.name != "Key events"]
    assert str(np.datetime_as_string(np.asarray(trace.x)[0], unit="D")) == day.isoformat()


def test_undated_stays_not_a_time() -> None:
    df = events_frame([make_event("e", None)])
    assert pd.isna(df["start"].iloc[0]) and pd.isna(df["end"].iloc[0])
