"""The zoomed-out layers of the timeline: density strips, labelled key events, and the buttons between
the overview and the single events.

Why layers and buttons, not re-binning on zoom: Plotly cannot re-bin in the browser, and Streamlit
1.67's ``st.plotly_chart`` reports only selections (``on_select`` with points, box or lasso), not zoom
or pan (``relayout``) events, so the server never learns the zoom level and a zoom cannot rerun the
script. The figure therefore carries both pictures, computed in pandas once per rerun:

- the overview: one heat strip per lane (a Plotly heatmap, events per period, the count in the hover)
  and the ``key_count`` most salient events (``timeline.events.salience``), labelled;
- the single events (every marker and band, as ``timeline.view.chart`` draws them).

The quick-range buttons ("Overview", "1y", "5y", "all", "every event") are Plotly ``updatemenus``
that set the date range *and* which layer is visible in one client-side step (no rerun, no server
round trip): "Overview" and "all" show the density, "1y", "5y" and "every event" the single events
(bands coarser than a year among them: over the density a "1990s" band would hide ten years of
strips). The key events and the selection ring are visible in every layer. With
the "Key events" switch off, only the single events are drawn and the buttons only set the range.
"""

from __future__ import annotations

import html
from typing import Any, Literal

import numpy as np
import pandas as pd

from timeline.view.chart_range import Density, Range, period_labels
from timeline.view.chart_traces import HOVER, Points, Trace

Layer = Literal["single", "density", "always"]

DENSITY_SCALE = [[0.0, "#E6EDF5"], [1.0, "#6E93BC"]]
"""Light to mid blue: the darker the strip, the more events in that period (the key says so). The
darkest stays light enough for a key event's black label over it (about 5:1)."""

KEY_LABEL_CHARS = 34

EDGE_SHARE = 0.15
"""A key event this close to an edge of the opening range (share of its span) is labelled inwards."""


def density_trace(density: Density) -> Trace:
    """One heatmap: a strip per lane, a cell per period; empty periods are left blank."""
    counts = density.counts.astype(float)
    shown = np.where(counts > 0, counts, np.nan)
    labels = period_labels(density.edges, density.period)
    lanes = [html.escape(name) for name in density.lanes]
    text = [
        [
            f"<b>{lane}</b><br>{label}: {int(n):,} event{'s' if n != 1 else ''}"
            for label, n in zip(labels, row, strict=True)
        ]
        for lane, row in zip(lanes, density.counts.tolist(), strict=True)
    ]
    return {
        "type": "heatmap",
        "x": density.edges,
        "y": np.arange(len(density.lanes) + 1, dtype=float) - 0.5,
        "z": shown,
        "text": np.array(text, dtype=object),  # (an array is taken as is; nested lists are deep-copied)
        "hovertemplate": "%{text}<extra></extra>",
        "colorscale": DENSITY_SCALE,
        "zmin": 1.0,
        "zmax": max(float(np.nanmax(shown)) if np.isfinite(shown).any() else 1.0, 2.0),
        "showscale": False,
        "hoverongaps": False,
        "ygap": 10,
        "xgap": 1,
        "name": f"Events per {density.period}",
        "showlegend": False,
    }


def key_rows(
    df: pd.DataFrame, count: int, groups: np.ndarray[Any, Any] | None = None
) -> np.ndarray[Any, Any]:
    """Positions in ``df`` (dated rows) of its ``count`` most salient events: salience, then sources,
    then the earlier date, then the id, so the choice never depends on row order.

    With ``groups`` (a label per row: lane and period), the most salient event of each group comes
    first, so the labels spread over the lanes and periods instead of piling up on one busy day; the
    rest fill up by salience.
    """
    if count <= 0 or df.empty:
        return np.array([], dtype=np.int64)
    salience = df["salience"].to_numpy(dtype=float) if "salience" in df else np.zeros(len(df))
    order = np.lexsort(
        (
            df["id"].astype(str).to_numpy(),
            df["start"].to_numpy(),
            -df["n_sources"].to_numpy(dtype=np.int64),
            -salience,
        )
    )
    if groups is not None:
        ranked_groups = np.asarray(groups)[order]
        _, first_of_group = np.unique(ranked_groups, return_index=True)
        leaders = np.zeros(len(order), dtype=bool)
        leaders[first_of_group] = True
        order = np.concatenate([order[leaders], order[~leaders]])  # (both parts keep salience order)
    chosen: np.ndarray[Any, Any] = np.sort(order[:count])
    return chosen


def key_trace(
    points: Points, titles: pd.Series, colors: list[str], large: bool, window: Range | None = None
) -> Trace:
    """The key events, labelled with their (escaped, shortened) titles, above and below by turns; near
    an edge of ``window`` (the opening range) a label reads inwards, so the plot's edge never cuts it."""
    one_day = (points.stop - points.start) == np.timedelta64(1, "D")
    x = np.where(one_day, points.start, points.middle)
    order = np.argsort(x, kind="stable")
    vertical = np.empty(len(x), dtype=object)
    vertical[order] = ["top" if index % 2 == 0 else "bottom" for index in range(len(x))]
    horizontal = np.full(len(x), "center", dtype=object)
    if window is not None and window.days > 0:
        share = (x.astype(window.start.dtype) - window.start) / (window.end - window.start)
        horizontal[share < EDGE_SHARE] = "right"
        horizontal[share > 1 - EDGE_SHARE] = "left"
    positions = vertical + " " + horizontal
    labels = [html.escape(_shorten(str(title), KEY_LABEL_CHARS)) for title in titles.tolist()]
    return {
        "type": "scatter",
        "x": x,
        "y": points.y,
        "mode": "markers+text",
        "text": labels,
        "textposition": positions.tolist(),
        "textfont": {"size": 15 if large else 12, "color": "#1A1A1A"},
        "marker": {
            "size": 15 if large else 12,
            "symbol": "circle",
            "color": colors,
            "line": {"color": "#000000", "width": 2},
        },
        "name": "Key events",
        "showlegend": False,
        "customdata": points.customdata,
        "hovertemplate": HOVER,
        "cliponaxis": True,
    }


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _visible(layers: list[Layer], showing: Layer) -> list[bool]:
    return [layer in ("always", showing) for layer in layers]


def initial_visibility(layers: list[Layer], overview: bool) -> list[bool]:
    return _visible(layers, "density" if overview else "single")


def range_buttons(
    layers: list[Layer], opening: Range, quick: dict[str, Range], *, overview: bool, font_size: int
) -> dict[str, Any]:
    """The quick-range buttons as one Plotly ``updatemenus`` entry (see the module docstring)."""

    def button(label: str, window: Range | None, showing: Layer) -> dict[str, Any]:
        relayout: dict[str, Any] = {"xaxis.range": window.as_list()} if window is not None else {}
        if not overview:
            return {"label": label, "method": "relayout", "args": [relayout or {"xaxis.autorange": False}]}
        return {
            "label": label,
            "method": "update",
            "args": [{"visible": _visible(layers, showing)}, relayout],
        }

    buttons = [button("Overview", opening, "density")]
    for label in ("1y", "5y"):
        if label in quick:
            buttons.append(button(label, quick[label], "single"))
    if "all" in quick:
        buttons.append(button("all", quick["all"], "density"))
    if overview:
        buttons.append(button("every event", None, "single"))
    return {
        "type": "buttons",
        "direction": "right",
        "active": 0,
        "showactive": True,
        "buttons": buttons,
        "x": 0.0,
        "xanchor": "left",
        "y": 1.0,
        "yanchor": "bottom",
        "pad": {"t": 2, "b": 2},
        "font": {"size": font_size, "color": "#1A1A1A"},
        "bgcolor": "#F0F0F0",
        "bordercolor": "#767676",
    }
