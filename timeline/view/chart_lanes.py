"""Where events sit in the timeline's lanes: which lanes, in what order, and at what height in a lane."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from timeline.view.frame import NO_ACTOR

LaneBy = Literal["actor", "category"]


OTHER_LANE = "Other"
"""The lane of every event whose actor (or category) has no lane of its own, and of those without one."""

MAX_LANES = 9
"""At most this many lanes, "Other" included: past about nine a lane is too thin to read on a projector."""

CATCH_ALL = frozenset({NO_ACTOR, "other", OTHER_LANE})
"""Values that never get a lane of their own (no actor named, the "other" category)."""


def lane_column(lane_by: LaneBy) -> str:
    return "primary_actor" if lane_by == "actor" else "category"


def lane_order(df: pd.DataFrame, lane_by: LaneBy, max_lanes: int = MAX_LANES) -> list[str]:
    """The lanes: the main actors (or categories) by how many of the shown events they lead, the busiest
    first, then "Other" for the rest, for events naming no actor and for the "other" category."""
    counts = df[lane_column(lane_by)].astype(str).value_counts()
    names = sorted(
        (name for name in counts.index if name not in CATCH_ALL), key=lambda name: (-int(counts[name]), name)
    )
    folded = len(names) > max_lanes or any(name in CATCH_ALL for name in counts.index)
    if not folded:
        return names
    return [*names[: max_lanes - 1], OTHER_LANE]


def lane_of_rows(df: pd.DataFrame, lane_by: LaneBy, lanes: list[str]) -> pd.Series:
    """Each row's lane name: its own actor (or category) if that has a lane, else "Other"."""
    values = df[lane_column(lane_by)].astype(str)
    own = values.isin([name for name in lanes if name != OTHER_LANE])
    lanes_of_rows: pd.Series = values.where(own, OTHER_LANE)
    return lanes_of_rows


def _jitter(ids: pd.Series) -> np.ndarray:
    """A stable small vertical offset per event (for very many events, where packing is too slow)."""
    hashed = pd.util.hash_pandas_object(ids.astype(str), index=False).to_numpy()
    offsets: np.ndarray = ((hashed % np.uint64(5)).astype(np.int64) - 2) * 0.15
    return offsets


SUB_ROW_OFFSETS = (0.0, -0.25, 0.25, -0.125, 0.125, -0.375, 0.375)
"""Where the sub-rows of a lane sit, the first ones nearest the lane's centre line."""

PACK_LIMIT = 5000


def lane_offsets(df: pd.DataFrame, lane_column: str) -> np.ndarray:
    """Vertical offsets that keep events of one lane from sitting on each other.

    Each event takes the first sub-row in which it starts clear of the previous one (by ~1/70 of the
    whole time range, about a marker's width at full zoom-out); past the sub-rows they cycle.
    Deterministic, so a rerun draws the same picture.
    """
    if len(df) > PACK_LIMIT:
        return _jitter(df["id"])
    offsets = np.zeros(len(df))
    if not len(df):
        return offsets
    # Whole days as plain ints: the loop below stays fast in pure Python.
    starts = df["start"].to_numpy().astype("datetime64[D]").astype(np.int64)
    ends = df["end"].to_numpy().astype("datetime64[D]").astype(np.int64)
    gap = max(int((ends.max() - starts.min()) / 70), 1)
    lanes = df[lane_column].astype(str).to_numpy()
    order = np.lexsort((df["id"].astype(str).to_numpy(), starts, lanes))
    row_ends: dict[str, list[int]] = {}
    for position in order.tolist():
        rows = row_ends.setdefault(lanes[position], [])
        start = int(starts[position])
        chosen = next((index for index, last in enumerate(rows) if start > last + gap), None)
        if chosen is None:
            chosen = len(rows)
            rows.append(0)
        rows[chosen] = int(ends[position])
        offsets[position] = SUB_ROW_OFFSETS[chosen % len(SUB_ROW_OFFSETS)]
    return offsets
