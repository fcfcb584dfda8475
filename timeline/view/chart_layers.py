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
strips). The key events and the selection ring are visible in every layer (the key events without
their labels in the "all" range: see ``Layer``). With
the "Key events" switch off, only the single events are drawn and the buttons only set the range.
"""

from __future__ import annotations

import html
from typing import Any, Literal

import numpy as np
import pandas as pd

from timeline.view.chart_range import Density, Range, period_labels
from timeline.view.chart_traces import HOVER, Points, Trace

Layer = Literal["single", "density", "always", "labelled", "wide"]
"""Which view shows a trace: "single" (the single events), "density" (the overview), "always" (both);
the key events' labels are laid out for the opening range, so they are "labelled" in every view but the
"all" range (which can be centuries wide: labels laid out for decades would pile up there), and an
unlabelled copy of the key events is "wide" (only there)."""

DENSITY_SCALE = [[0.0, "#E6EDF5"], [1.0, "#6E93BC"]]
"""Light to mid blue: the darker the strip, the more events in that period (the key says so). The
darkest stays light enough for a key event's black label over it (about 5:1)."""

KEY_LABEL_CHARS = 34
KEY_LABEL_CHARS_LARGE = 26
KEY_LABEL_CHARS_SHORT = 16
"""A key event's label is its title cut to this many characters, or, where that does not fit, to the
short length (the whole title is in the hover)."""
KEY_FONT = 12
KEY_FONT_LARGE = 15

LABEL_PLOT_PX = 420
LABEL_PLOT_PX_LARGE = 440
"""The narrowest plot (pixels between the lane names and the right edge) the key labels are laid out
for: the chart beside the event list on a 1280-wide screen, and in large type alone on a 1024x768
projector with the sidebar open. Wider, or zoomed in, the labels only move apart."""
LABEL_GAP_PX = 6


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
    order = salience_order(df)
    if groups is not None:
        ranked_groups = np.asarray(groups)[order]
        _, first_of_group = np.unique(ranked_groups, return_index=True)
        leaders = np.zeros(len(order), dtype=bool)
        leaders[first_of_group] = True
        order = np.concatenate([order[leaders], order[~leaders]])  # (both parts keep salience order)
    chosen: np.ndarray[Any, Any] = np.sort(order[:count])
    return chosen


def salience_order(df: pd.DataFrame) -> np.ndarray[Any, Any]:
    """Positions in ``df``, the most salient first: salience, then sources, then the earlier date, then
    the id (never the row order)."""
    salience = df["salience"].to_numpy(dtype=float) if "salience" in df else np.zeros(len(df))
    order: np.ndarray[Any, Any] = np.lexsort(
        (
            df["id"].astype(str).to_numpy(),
            df["start"].to_numpy(),
            -df["n_sources"].to_numpy(dtype=np.int64),
            -salience,
        )
    )
    return order


def key_trace(
    points: Points,
    titles: pd.Series,
    colors: list[str],
    large: bool,
    window: Range | None = None,
    priority: np.ndarray[Any, Any] | None = None,
) -> Trace:
    """The key events, each on its lane's centre line, labelled beside its marker with its (escaped,
    shortened) title where the label fits: see ``place_labels``. Unlabelled ones keep their marker and
    their whole title in the hover. ``priority`` (higher first; default: the order given) says whose
    label wins a place."""
    one_day = (points.stop - points.start) == np.timedelta64(1, "D")
    x = np.where(one_day, points.start, points.middle)
    lanes = np.rint(points.y) + 0.0  # (the lane's centre line; + 0.0: no "-0")
    font = KEY_FONT_LARGE if large else KEY_FONT
    limits = (KEY_LABEL_CHARS_LARGE if large else KEY_LABEL_CHARS, KEY_LABEL_CHARS_SHORT)
    options = [[_shorten(str(title), limit) for limit in limits] for title in titles]
    if window is not None and window.days > 0:
        share = (x.astype(window.start.dtype) - window.start) / (window.end - window.start)
    else:  # (one day, or no window: spread the events over the width as they come)
        share = np.linspace(0.0, 1.0, len(x)) if len(x) > 1 else np.full(len(x), 0.5)
    placed = place_labels(
        np.asarray(share, dtype=float),
        lanes,
        [[text_em(text) for text in texts] for texts in options],
        priority=priority,
        font_px=font,
        marker_px=font,
        plot_px=LABEL_PLOT_PX_LARGE if large else LABEL_PLOT_PX,
    )
    labels = [
        html.escape(texts[choice]) if side else ""
        for texts, (side, choice) in zip(options, placed, strict=True)
    ]
    return {
        "type": "scatter",
        "x": x,
        "y": lanes,
        "mode": "markers+text",
        "text": labels,
        "textposition": [f"middle {side or 'right'}" for side, _ in placed],
        "textfont": {"size": font, "color": "#1A1A1A"},
        "marker": {
            "size": font,
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


def text_em(text: str) -> float:
    """How wide ``text`` is in the chart's sans-serif font, in ems, estimated a little generously."""
    return sum(_GLYPH_EM.get(char, _WIDE_EM if char.isupper() else _GLYPH_EM_DEFAULT) for char in text)


_GLYPH_EM = {
    **dict.fromkeys("ijl|!.,:;'`", 0.3),
    **dict.fromkeys("frt -()[]/", 0.38),
    **dict.fromkeys("mwMW", 0.9),
    **dict.fromkeys("…", 1.0),
}
_GLYPH_EM_DEFAULT = 0.58
_WIDE_EM = 0.72


def place_labels(
    share: np.ndarray[Any, Any],
    lanes: np.ndarray[Any, Any],
    widths_em: list[list[float]],
    *,
    priority: np.ndarray[Any, Any] | None,
    font_px: float,
    marker_px: float,
    plot_px: float,
) -> list[tuple[str, int]]:
    """Where each key event's label goes: ("right" or "left" of its marker, which of its texts), or
    ("", 0) for no label. ``widths_em`` lists each event's candidate texts' widths, the preferred first.

    Labels sit on their lane's centre line (one row per lane: a label is shorter than the narrowest
    lane is tall), so two labels can only meet within a lane. Laid out on a plot ``plot_px`` wide (the
    narrowest the chart is drawn at: wider screens and zooming in only spread them), in ``priority``
    order, each takes the first text and side where it stays inside the plot and clear of every key
    marker and every label already placed in its lane; one that fits nowhere is left out."""
    count = len(share)
    order = np.arange(count) if priority is None else np.lexsort((np.arange(count), -np.asarray(priority)))
    centre = np.asarray(share, dtype=float) * plot_px
    radius = marker_px / 2 + 2  # (its black outline)
    markers: dict[float, list[tuple[float, float]]] = {}
    for index in range(count):
        markers.setdefault(float(lanes[index]), []).append((centre[index] - radius, centre[index] + radius))
    labels: dict[float, list[tuple[float, float]]] = {}
    placed = [("", 0)] * count
    for index in order.tolist():
        here, lane = centre[index], float(lanes[index])
        own = (here - radius, here + radius)
        blocked = [box for box in markers[lane] if box != own] + labels.setdefault(lane, [])
        spots = [
            (side, choice, box)
            for choice, em in enumerate(widths_em[index])
            for side, box in (
                ("right", (here + radius, here + radius + em * font_px + LABEL_GAP_PX)),
                ("left", (here - radius - em * font_px - LABEL_GAP_PX, here - radius)),
            )
        ]
        for side, choice, (left, right) in spots:
            if left >= 0 and right <= plot_px and not any(a < right and left < b for a, b in blocked):
                labels[lane].append((left, right))
                placed[index] = (side, choice)
                break
    return placed


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, "…" included; at a word's end when one is past a third of it."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def unlabelled(key: Trace) -> Trace:
    """The key events' trace without its labels (for the "all" range: see ``Layer``)."""
    return {**key, "mode": "markers", "text": None, "textposition": None, "name": "Key events, unlabelled"}


def _visible(layers: list[Layer], showing: Layer, *, wide: bool = False) -> list[bool]:
    keys: Layer = "wide" if wide else "labelled"
    return [layer in ("always", showing, keys) for layer in layers]


def initial_visibility(layers: list[Layer], overview: bool) -> list[bool]:
    return _visible(layers, "density" if overview else "single")


def range_buttons(
    layers: list[Layer], opening: Range, quick: dict[str, Range], *, overview: bool, font_size: int
) -> dict[str, Any]:
    """The quick-range buttons as one Plotly ``updatemenus`` entry (see the module docstring)."""

    def button(label: str, window: Range | None, showing: Layer, *, wide: bool = False) -> dict[str, Any]:
        relayout: dict[str, Any] = {"xaxis.range": window.as_list()} if window is not None else {}
        if not overview:
            return {"label": label, "method": "relayout", "args": [relayout or {"xaxis.autorange": False}]}
        return {
            "label": label,
            "method": "update",
            "args": [{"visible": _visible(layers, showing, wide=wide)}, relayout],
        }

    buttons = [button("Overview", opening, "density")]
    for label in ("1y", "5y"):
        if label in quick:
            buttons.append(button(label, quick[label], "single"))
    if "all" in quick:
        buttons.append(button("all", quick["all"], "density", wide=True))
    if overview:
        buttons.append(button("every event", None, "single"))
    return {
        "type": "buttons",
        "direction": "right",
        "active": 0,
        "showactive": True,
        "buttons": buttons,
        "x": 1.0,
        "xanchor": "right",  # (as the key: see timeline.view.chart_layout.layout)
        "y": 1.0,
        "yanchor": "bottom",
        "pad": {"t": 2, "b": 2},
        "font": {"size": font_size, "color": "#1A1A1A"},
        "bgcolor": "#F0F0F0",
        "bordercolor": "#767676",
    }
