"""The traces of the timeline chart, built from plain numpy arrays (fast for 100k events).

Per actor there are at most: one trace of day markers, one of interval bands (SVG bars, or WebGL lines
when there are many) and one of pale diamonds at the middle of each interval. A planned event is drawn
open (white fill) inside the same trace, so the trace count stays small: Plotly's per-trace cost is
what makes a big figure slow to build, not the number of points.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from timeline.view.palette import outline, text_shade

DAY_MS = 86_400_000
UNIT = "datetime64[s]"
"""Seconds, as in the events frame: any year fits (nanoseconds only hold 1678–2262)."""
HOVER = "%{customdata[1]}<extra></extra>"

NDArray = np.ndarray[Any, Any]


@dataclass(frozen=True)
class Points:
    """Parallel arrays, one entry per event: what every trace needs."""

    ids: NDArray
    hover: NDArray
    start: NDArray
    stop: NDArray
    """Exclusive end (inclusive end + 1 day), so a one-day event is a day wide."""
    y: NDArray
    n_sources: NDArray
    planned: NDArray

    @classmethod
    def from_frame(cls, df: pd.DataFrame, y: NDArray, hover: pd.Series) -> Points:
        start = df["start"].to_numpy(dtype=UNIT)
        return cls(
            ids=df["id"].astype(str).to_numpy(dtype=object),
            hover=hover.to_numpy(dtype=object),
            start=start,
            stop=df["end"].to_numpy(dtype=UNIT) + np.timedelta64(1, "D"),
            y=np.asarray(y, dtype=float),
            n_sources=df["n_sources"].to_numpy(dtype=np.int64),
            planned=df["planned"].to_numpy(dtype=bool),
        )

    def take(self, index: NDArray) -> Points:
        return Points(
            self.ids[index],
            self.hover[index],
            self.start[index],
            self.stop[index],
            self.y[index],
            self.n_sources[index],
            self.planned[index],
        )

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def middle(self) -> NDArray:
        middle: NDArray = self.start + (self.stop - self.start) // 2
        return middle

    @property
    def customdata(self) -> NDArray:
        """Row i is [event id, hover text]: a click reads the id, never a point's position."""
        return np.column_stack([self.ids, self.hover])

    def sizes(self, base: float) -> NDArray:
        """Bigger for events reported by more articles (capped at five)."""
        sizes: NDArray = base + 4.0 * (np.minimum(self.n_sources, 5) - 1)
        return sizes

    def fill(self, color: str) -> dict[str, Any]:
        """Marker colour settings: planned events open (white inside the actor's coloured outline).

        Encoded as numbers on a two-colour scale, not one colour string per point: Plotly checks
        colour strings one by one, which takes seconds for 100k points.
        """
        return {
            "color": self.planned.astype(np.float64),
            "colorscale": [[0.0, color], [1.0, "#FFFFFF"]],
            "cmin": 0.0,
            "cmax": 1.0,
            "showscale": False,
        }


def pale(color: str, amount: float = 0.55) -> str:
    """``color`` mixed with white (an opaque tint, so overlapping markers don't add up)."""
    red, green, blue = (int(color[index : index + 2], 16) for index in (1, 3, 5))
    mixed = (round(channel + (255 - channel) * amount) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


Trace = dict[str, Any]
"""A trace as a plain dict: the figure validates all of them once (trace objects would be validated,
then deep-copied and validated again by ``go.Figure``)."""


def _trace(kind: str, **spec: Any) -> Trace:
    return {"type": kind, **spec}


def day_markers(points: Points, *, name: str, color: str, large: bool, gl: bool, labels: bool) -> Trace:
    """Solid dots for day-precision events; "×3" beside an event reported by three articles."""
    return _trace(
        "scattergl" if gl else "scatter",
        x=points.start,
        y=points.y,
        mode="markers+text" if labels else "markers",
        text=[f"×{n}" if n > 1 else "" for n in points.n_sources.tolist()] if labels else None,
        textposition="middle right",
        textfont={"size": 15 if large else 12, "color": text_shade(color)},
        marker={
            "size": points.sizes(14.0 if large else 10.0),
            "symbol": "circle",
            **points.fill(color),
            "line": {"color": outline(color), "width": 2},
            "opacity": 1.0,
        },
        name=name,
        legendgroup=name,
        showlegend=False,
        customdata=points.customdata,
        hovertemplate=HOVER,
    )


def interval_bars(points: Points, *, name: str, color: str) -> Trace:
    """Translucent bars over each interval; planned ones hatched."""
    duration_ms = (points.stop - points.start).astype("timedelta64[ms]").astype(np.int64)
    return _trace(
        "bar",
        x=duration_ms,
        base=points.start,
        y=points.y,
        orientation="h",
        width=0.13,
        marker={
            "color": color,
            "opacity": 0.38,
            "line": {"color": outline(color), "width": 1.5},
            "pattern": {
                "shape": np.where(points.planned, "/", "").astype(object),
                "fgcolor": color,
                "solidity": 0.3,
            },
        },
        name=name,
        legendgroup=name,
        showlegend=False,
        customdata=points.customdata,
        hovertemplate=HOVER,
    )


def interval_lines(points: Points, *, name: str, color: str, large: bool) -> list[Trace]:
    """Many intervals: WebGL line segments split by gaps (planned ones dashed); the diamonds carry hover."""
    traces = []
    for planned in (False, True):
        chosen = points.take(np.flatnonzero(points.planned == planned))
        if not len(chosen):
            continue
        gaps = np.full(len(chosen), np.datetime64("NaT"), dtype=UNIT)
        xs = np.column_stack([chosen.start, chosen.stop, gaps]).ravel()
        ys = np.column_stack([chosen.y, chosen.y, np.full(len(chosen), np.nan)]).ravel()
        traces.append(
            _trace(
                "scattergl",
                x=xs,
                y=ys,
                mode="lines",
                line={"color": color, "width": 9 if large else 7, "dash": "dash" if planned else "solid"},
                opacity=0.38,
                hoverinfo="skip",
                name=name,
                legendgroup=name,
                showlegend=False,
            )
        )
    return traces


def interval_markers(points: Points, *, name: str, color: str, large: bool, gl: bool) -> Trace:
    """A pale diamond at the middle of each interval: visible at any zoom, softer than a day's dot."""
    return _trace(
        "scattergl" if gl else "scatter",
        x=points.middle,
        y=points.y,
        mode="markers",
        marker={
            "size": points.sizes(15.0 if large else 11.0),
            "symbol": "diamond",
            **points.fill(pale(color)),
            "line": {"color": outline(color), "width": 1.5},
        },
        name=name,
        legendgroup=name,
        showlegend=False,
        customdata=points.customdata,
        hovertemplate=HOVER,
    )


def legend_entry(name: str, color: str) -> Trace:
    """A legend line for an actor (when colour is the only thing naming it: lanes by category)."""
    return _trace(
        "scatter",
        x=[None],
        y=[None],
        mode="markers",
        marker={"size": 12, "color": color},
        name=html.escape(name),
        legendgroup=name,
        showlegend=True,
        hoverinfo="skip",
    )


def selection_ring(points: Points, large: bool) -> Trace:
    """A black ring around the selected event (at the dot of a day, the diamond of an interval)."""
    one_day = (points.stop - points.start) == np.timedelta64(1, "D")
    return _trace(
        "scatter",
        x=np.where(one_day, points.start, points.middle),
        y=points.y,
        mode="markers",
        marker={
            "size": 30 if large else 24,
            "symbol": "circle-open",
            "color": "#000000",
            "line": {"width": 3},
        },
        name="Selected",
        showlegend=False,
        customdata=points.customdata,
        hovertemplate="%{customdata[1]}<extra>selected</extra>",
    )
