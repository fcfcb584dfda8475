"""Where events sit in the timeline's lanes: which lanes, in what order, and at what height in a lane."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from timeline.frame import NO_ACTOR

LaneBy = Literal["actor", "category"]


def lane_order(df: pd.DataFrame, lane_by: LaneBy) -> list[str]:
    """Lanes from the busiest down; the catch-all lanes ("No actor", "other") last."""
    column = "primary_actor" if lane_by == "actor" else "category"
    counts = df[column].astype(str).value_counts()
    names = sorted(counts.index, key=lambda name: (-int(counts[name]), name))
    catch_all = [name for name in names if name in (NO_ACTOR, "other")]
    return [name for name in names if name not in catch_all] + catch_all


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
