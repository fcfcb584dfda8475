"""Where the timeline opens and how dense its periods are (pure pandas/numpy; no Plotly, no Streamlit).

- ``opening_range``: the span holding the bulk of the dated events. Only events dated from the day to
  the year decide it (a "1990s" or "19th century" band is drawn, but would stretch the view over
  decades); of those, the narrowest window holding ``BULK_SHARE`` of them (by their middles), so a
  spurious year 800 or 2270 among thousands of 2003–2021 events moves nothing.
- ``quick_ranges``: the chart's "1y", "5y" and "all" as explicit ranges relative to the events shown
  (the last year, the last five years of the bulk; everything dated), never to today.
- ``density``: events per lane and per period, for the zoomed-out picture: periods sized for the
  opening range, drawn over it and as far again on each side (``density_window``); a far outlier
  (the year 800 among 2003–2021) is left to the single-event layer.
  A period counts every event whose interval overlaps it (what one would see zoomed in on it); bands
  coarser than a year are left out (they would light a whole decade).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from timeline.model import PRECISION_ORDER

NDArray = np.ndarray[Any, Any]

UNIT = "datetime64[s]"
DAY = np.timedelta64(1, "D")

FINE_PRECISIONS: frozenset[str] = frozenset(PRECISION_ORDER[: PRECISION_ORDER.index("year") + 1])
"""Precisions that may decide the opening range (day to year); decades and centuries never do."""

BULK_SHARE = 0.9
"""The opening range holds this share of the day-to-year events (the densest such window)."""

PAD_SHARE = 0.03
"""Room left on each side of the bulk, as a share of its span (at least ``MIN_PAD``)."""

MIN_PAD = np.timedelta64(15, "D")

TARGET_BINS = 90
"""About how many periods the density strip has across the opening range."""

PERIODS: tuple[tuple[str, str, int], ...] = (
    ("day", "D", 1),
    ("week", "W", 7),
    ("month", "MS", 30),
    ("quarter", "QS", 91),
    ("year", "YS", 365),
    ("5 years", "5YS", 5 * 365),
    ("decade", "10YS", 10 * 365),
    ("century", "100YS", 100 * 365),
)
"""(name, pandas frequency, approximate days) of the periods the density may be binned by."""


@dataclass(frozen=True)
class Range:
    start: np.datetime64
    end: np.datetime64

    def as_list(self) -> list[str]:
        """The range as Plotly reads it: ISO strings (they work for any year, unlike epoch numbers)."""
        return [
            str(np.datetime_as_string(self.start, unit="D")),
            str(np.datetime_as_string(self.end, unit="D")),
        ]

    @property
    def days(self) -> int:
        return int((self.end - self.start) // DAY)


def _days(values: pd.Series) -> NDArray:
    as_days: NDArray = values.to_numpy(dtype=UNIT).astype("datetime64[D]")
    return as_days


def _padded(start: np.datetime64, end: np.datetime64) -> Range:
    pad = max((end - start) * PAD_SHARE, MIN_PAD)
    pad_days = np.timedelta64(int(np.ceil(pad / DAY)), "D")
    return Range(start - pad_days, end + pad_days)


def bulk_window(middles: NDArray, share: float = BULK_SHARE) -> tuple[int, int]:
    """Indexes (first, last) into the *sorted* ``middles`` of the narrowest window holding ``share``."""
    n = len(middles)
    size = max(1, math.ceil(share * n))
    if size >= n:
        return 0, n - 1
    widths = middles[size - 1 :] - middles[: n - size + 1]
    first = int(np.argmin(widths))  # the earliest of equally narrow windows: deterministic
    return first, first + size - 1


def opening_range(df: pd.DataFrame) -> Range | None:
    """The range the chart opens on (see the module docstring); None when nothing is dated."""
    dated = df.loc[df["start"].notna().to_numpy()]
    if dated.empty:
        return None
    fine = dated.loc[dated["precision"].astype(str).isin(FINE_PRECISIONS).to_numpy()]
    chosen = fine if len(fine) else dated
    starts, ends = _days(chosen["start"]), _days(chosen["end"])
    middles = starts + (ends - starts) // 2
    order = np.argsort(middles, kind="stable")
    first, last = bulk_window(middles[order])
    inside = order[first : last + 1]
    return _padded(starts[inside].min(), ends[inside].max())


def full_range(df: pd.DataFrame) -> Range | None:
    """Every dated event, bands included, with a little room."""
    dated = df.loc[df["start"].notna().to_numpy()]
    if dated.empty:
        return None
    return _padded(_days(dated["start"]).min(), _days(dated["end"]).max())


def quick_ranges(df: pd.DataFrame) -> dict[str, Range]:
    """ "1y", "5y" (ending where the bulk of the events ends) and "all" (every dated event)."""
    bulk, everything = opening_range(df), full_range(df)
    if bulk is None or everything is None:
        return {}
    end = bulk.end
    year_ago = _years_before(end, 1)
    five_ago = _years_before(end, 5)
    return {
        "1y": Range(year_ago, end),
        "5y": Range(five_ago, end),
        "all": everything,
    }


def _years_before(day: np.datetime64, years: int) -> np.datetime64:
    return day - np.timedelta64(round(365.25 * years), "D")


def density_window(df: pd.DataFrame, opening: Range) -> Range:
    """Where the density strips are drawn: the opening range widened by its own span on each side (so
    a pan or the "all" button still finds them), within the dated events' full range."""
    everything = full_range(df) or opening
    span = opening.end - opening.start
    return Range(max(everything.start, opening.start - span), min(everything.end, opening.end + span))


def period_for(span_days: int, target: int = TARGET_BINS) -> tuple[str, str]:
    """(name, pandas frequency) of the finest period giving at most about ``target`` bins over a span."""
    for name, frequency, days in PERIODS:
        if span_days / days <= target:
            return name, frequency
    return PERIODS[-1][0], PERIODS[-1][1]


def period_edges(window: Range, frequency: str) -> NDArray:
    """Calendar period boundaries covering ``window`` (from the period holding its start)."""
    start = pd.Timestamp(window.start).to_period(_period_code(frequency)).start_time
    edges = pd.date_range(start=start, end=pd.Timestamp(window.end), freq=frequency, unit="s")
    values: NDArray = edges.to_numpy(dtype=UNIT)
    if not len(values) or values[0] > window.start:
        values = np.concatenate([[np.datetime64(start, "s")], values])
    following = pd.date_range(start=pd.Timestamp(values[-1]), periods=2, freq=frequency, unit="s")
    return np.concatenate([values, following.to_numpy(dtype=UNIT)[1:]])


def _period_code(frequency: str) -> str:
    """The period whose start a bin's first edge is rounded down to."""
    base = frequency.lstrip("0123456789")
    return {"D": "D", "W": "W", "MS": "M", "QS": "Q", "YS": "Y"}[base]


@dataclass(frozen=True)
class Density:
    """Event counts per lane (rows, in lane order) and period (columns between ``edges``)."""

    counts: NDArray
    edges: NDArray
    period: str
    lanes: tuple[str, ...]


def density(
    df: pd.DataFrame, lanes: list[str], lane_of_row: pd.Series, window: Range, span_days: int | None = None
) -> Density:
    """Per lane and period over ``window``: how many events of ``df`` overlap it (fine precisions only).
    Periods are sized for ``span_days`` (the opening range's span; default the window's).

    ``lane_of_row`` gives each row of ``df`` its lane name (after folding). Vectorised: each event adds
    1 at its first period and -1 after its last, then a cumulative sum per lane.
    """
    period, frequency = period_for(span_days if span_days is not None else window.days)
    edges = period_edges(window, frequency)
    n_bins = len(edges) - 1
    counts = np.zeros((len(lanes), n_bins), dtype=np.int64)
    keep = (df["start"].notna() & df["precision"].astype(str).isin(FINE_PRECISIONS)).to_numpy()
    if keep.any() and n_bins > 0:
        starts = df["start"].to_numpy(dtype=UNIT)[keep]
        ends = df["end"].to_numpy(dtype=UNIT)[keep]
        first = np.searchsorted(edges, starts, side="right") - 1
        last = np.searchsorted(edges, ends, side="right") - 1
        inside = (last >= 0) & (first < n_bins)
        lane_index = {name: index for index, name in enumerate(lanes)}
        rows = lane_of_row.to_numpy()[keep].astype(str)
        row = np.fromiter((lane_index.get(name, -1) for name in rows), dtype=np.int64, count=len(rows))
        inside &= row >= 0
        first, last, row = (
            np.clip(first[inside], 0, n_bins - 1),
            np.clip(last[inside], 0, n_bins - 1),
            row[inside],
        )
        steps = np.zeros((len(lanes), n_bins + 1), dtype=np.int64)
        np.add.at(steps, (row, first), 1)
        np.add.at(steps, (row, last + 1), -1)
        counts = np.cumsum(steps, axis=1)[:, :n_bins]
    return Density(counts=counts, edges=edges, period=period, lanes=tuple(lanes))


def period_labels(edges: NDArray, period: str) -> list[str]:
    """How a reader names each period (hover text): "March 2005", "2005", "2000–2004", ..."""
    starts = pd.DatetimeIndex(edges[:-1])
    if period == "day":
        return [f"{day:%d %B} {day.year}" for day in starts]
    if period == "week":
        return [f"week of {day:%d %B} {day.year}" for day in starts]
    if period == "month":
        return [f"{day:%B} {day.year}" for day in starts]
    if period == "quarter":
        return [f"Q{(day.month - 1) // 3 + 1} {day.year}" for day in starts]
    if period == "year":
        return [str(day.year) for day in starts]
    ends = pd.DatetimeIndex(edges[1:]) - pd.Timedelta(days=1)
    return [f"{start.year}–{end.year}" for start, end in zip(starts, ends, strict=True)]
