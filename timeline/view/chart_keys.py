"""The key events of a chart's overview: the salient events, spread over its lanes and opening range.

``timeline_figure`` labels them over the density strips; Present plays them when the key-events switch
is on (``key_event_ids``), so both must choose the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from timeline.view.chart_lanes import LaneBy, lane_of_rows, lane_order
from timeline.view.chart_layers import key_rows
from timeline.view.chart_range import DAY, UNIT, Range, opening_range
from timeline.view.filters import DEFAULT_KEY_COUNT

NDArray = np.ndarray[Any, Any]

CHART_COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "display_date",
    "title",
    "primary_actor",
    "category",
    "planned",
    "n_sources",
    "outlets",
    "salience",
    "edited",
)
"""The frame columns the chart reads (taking only these keeps 100k-row copies cheap)."""


@dataclass(frozen=True)
class ChartFrame:
    """What the chart and its key events are chosen from, computed once: the dated rows (the chart's
    columns, plus each row's ``lane``), the lanes in order, and the range the chart opens on."""

    dated: pd.DataFrame
    lanes: list[str]
    opening: Range | None


def chart_frame(df: pd.DataFrame, lane_by: LaneBy) -> ChartFrame:
    """The chart's frame for ``df`` (an ``events_frame``): events without a date cannot be placed."""
    dated = df.loc[df["start"].notna().to_numpy(), [c for c in CHART_COLUMNS if c in df.columns]].copy()
    lanes = lane_order(dated, lane_by)
    dated["lane"] = lane_of_rows(dated, lane_by, lanes)
    return ChartFrame(dated, lanes, opening_range(dated))


def key_positions(chart: ChartFrame, middle: NDArray, key_count: int) -> NDArray:
    """Positions in ``chart.dated`` of the key events (``middle``: each row's middle day): spread over
    the lanes and the opening range, about as many stretches per lane as key events per lane, one
    event each; none without an opening range (nothing dated)."""
    dated, opening = chart.dated, chart.opening
    if opening is None:
        return np.empty(0, dtype=np.int64)
    stretch = (opening.end - opening.start) / max(1, -(-key_count // len(chart.lanes)))
    periods = (middle.astype(opening.start.dtype) - opening.start) // max(stretch, DAY)
    return key_rows(dated, key_count, groups=dated["lane"].to_numpy(dtype=str) + "\x00" + periods.astype(str))


def key_event_ids(
    df: pd.DataFrame, *, lane_by: LaneBy = "actor", key_count: int = DEFAULT_KEY_COUNT
) -> set[str]:
    """The ids of the key events ``timeline_figure`` labels for ``df`` (an ``events_frame``) in its
    overview: what Present plays when the key-events switch is on."""
    chart = chart_frame(df, lane_by)
    dated = chart.dated
    start = dated["start"].to_numpy(dtype=UNIT)
    middle = start + (dated["end"].to_numpy(dtype=UNIT) + DAY - start) // 2  # (as ``Points.middle``)
    chosen = key_positions(chart, middle, key_count)
    return set(dated["id"].astype(str).to_numpy()[chosen].tolist())
