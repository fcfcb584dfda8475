"""The key events of the overview: the most salient, spread over lanes and stretches of the opening
range, and the same ones in the chart and in Present (tables: each rule beside its cases)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from bench.synthetic import make_event
from timeline.model import Event
from timeline.view.chart import timeline_figure
from timeline.view.chart_keys import key_event_ids
from timeline.view.chart_lanes import LaneBy
from timeline.view.chart_layers import key_rows
from timeline.view.frame import events_frame


def _daily(count: int) -> list[Event]:
    """One event a day from 1 January 2005, all of one actor (one lane)."""
    return [make_event(f"d-{n}", date(2005, 1, 1) + timedelta(days=n), actors=("US",)) for n in range(count)]


def test_key_events_are_the_most_salient() -> None:
    df = events_frame(_daily(30))
    df["salience"] = np.arange(len(df), dtype=float)  # the later, the more salient
    assert sorted(key_rows(df, 3).tolist()) == [27, 28, 29]


def test_key_events_spread_over_lanes_and_periods_before_filling_up() -> None:
    df = events_frame(_daily(30))
    df["salience"] = np.arange(len(df), dtype=float)
    groups = np.array(["early"] * 10 + ["middle"] * 10 + ["late"] * 10)
    assert key_rows(df, 3, groups).tolist() == [9, 19, 29], "the best of each group first"
    assert key_rows(df, 4, groups).tolist() == [9, 19, 28, 29], "then by salience"


def test_the_chart_labels_the_most_salient_event_of_each_stretch() -> None:
    df = events_frame(_daily(300))
    salience = np.zeros(len(df))
    salience[[5, 150, 290]] = [3.0, 2.0, 1.0]  # one salient event early, one midway, one late
    df["salience"] = salience
    fig = timeline_figure(df, key_events=True, key_count=3)
    (key,) = [trace for trace in fig.data if trace.name == "Key events"]
    assert sorted(str(row[0]) for row in key.customdata) == sorted(
        str(df["id"].iloc[i]) for i in (5, 150, 290)
    )


def _mixed(count: int) -> list[Event]:
    """Events over three actors and two categories, some undated, some bands, one far outlier."""
    actors, categories = ("US", "Iran", "Iraq"), ("military", "diplomacy")
    events = [
        make_event(
            f"m-{n}",
            date(2005, 1, 1) + timedelta(days=n * 3),
            actors=(actors[n % 3],),
            category=categories[n % 2],
            title=f"Event {n}",
        )
        for n in range(count)
    ]
    return [
        *events,
        make_event("m-1990s", date(1990, 1, 1), date(1999, 12, 31), precision="decade"),
        make_event("m-far", date(2270, 1, 1), actors=("US",)),
        make_event("m-undated", None, actors=("Iran",)),
    ]


@pytest.mark.parametrize(
    ("count", "lane_by", "key_count"),
    [
        pytest.param(400, "actor", 5, id="actor lanes, a few key events"),
        pytest.param(400, "category", 12, id="category lanes, more key events than lanes"),
        pytest.param(40, "actor", 60, id="more key events asked than events"),
        pytest.param(1, "actor", 3, id="one dated event"),
    ],
)
def test_present_plays_the_key_events_the_chart_labels(count: int, lane_by: LaneBy, key_count: int) -> None:
    df = events_frame(_mixed(count))
    df["salience"] = np.arange(len(df), dtype=float) % 7  # ties, so the spread decides between them
    fig = timeline_figure(df, lane_by=lane_by, key_events=True, key_count=key_count)
    (key,) = [trace for trace in fig.data if trace.name == "Key events"]
    labelled = {str(row[0]) for row in key.customdata}
    assert labelled and key_event_ids(df, lane_by=lane_by, key_count=key_count) == labelled


def test_no_dated_event_no_key_events() -> None:
    assert key_event_ids(events_frame([make_event("undated", None)])) == set()
