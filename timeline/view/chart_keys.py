"""The key events of a chart's overview: the salient events, spread over its lanes and opening range.

``timeline_figure`` labels them over the density strips; Present plays them when the key-events switch
is on (``key_event_ids``), so both must choose the same events.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from timeline.view.chart_lanes import LaneBy, lane_of_rows, lane_order
from timeline.view.chart_layers import key_rows
from timeline.view.chart_range import DAY, UNIT, Range, opening_range
from timeline.view.filters import DEFAULT_KEY_COUNT

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


def key_positions(
    dated: pd.DataFrame, lane_count: int, middle: Any, opening: Range, key_count: int
) -> np.ndarray[Any, Any]:
    """Positions in ``dated`` (with its ``lane`` column) of the key events: spread over the lanes and
    the opening range, about as many stretches per lane as key events per lane, one event each."""
    stretch = (opening.end - opening.start) / max(1, -(-key_count // lane_count))
    periods = (middle.astype(opening.start.dtype) - opening.start) // max(stretch, DAY)
    return key_rows(dated, key_count, groups=dated["lane"].to_numpy(dtype=str) + "\x00" + periods.astype(str))


def key_event_ids(
    df: pd.DataFrame, *, lane_by: LaneBy = "actor", key_count: int = DEFAULT_KEY_COUNT
) -> set[str]:
    """The ids of the key events ``timeline_figure`` labels for ``df`` (an ``events_frame``) in its
    overview: what Present plays when the key-events switch is on."""
    dated = df.loc[df["start"].notna().to_numpy(), [c for c in CHART_COLUMNS if c in df.columns]].copy()
    opening = opening_range(dated)
    if opening is None:
        return set()
    lanes = lane_order(dated, lane_by)
    dated["lane"] = lane_of_rows(dated, lane_by, lanes)
    start = dated["start"].to_numpy(dtype=UNIT)
    middle = start + (dated["end"].to_numpy(dtype=UNIT) + np.timedelta64(1, "D") - start) // 2
    chosen = key_positions(dated, len(lanes), middle, opening, key_count)
    return set(dated["id"].astype(str).to_numpy()[chosen].tolist())
