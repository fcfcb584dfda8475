"""The timeline chart as a Plotly figure (no Streamlit here: the UI decides where to draw it).

Encoding, chosen so a class can read it from the back of the room:

- lanes (rows) by actor or by category; colour always by the event's first actor, so one actor has one
  colour everywhere in the app;
- a day-precision event is a solid marker; a week/month/season/year... event is a pale band over its whole
  interval (less precise, so visibly less sharp);
- a planned event is drawn open (hollow marker, hatched band);
- a merged event (several articles) is a bigger marker, labelled "×3" while few points are shown;
- every point carries its event id in ``customdata[0]`` so a click selects the event itself, never a
  position that moves when the filters change.

Many events: the chart opens on the bulk of the dated events (``timeline.view.chart_range``), lanes are
the main actors with the rest folded into "Other" (``timeline.view.chart_lanes``), and past
``KEY_EVENTS_AUTO`` events (or with the "Key events" switch on) it opens on density strips with the
most salient events labelled, the single events one button away (``timeline.view.chart_layers`` says why
buttons and not a rerun on zoom); ``timeline.view.chart_keys`` chooses the key events.

Text from articles only reaches the figure HTML-escaped (``timeline.view.chart_text``); the layout is
``timeline.view.chart_layout``, Present's position strip ``timeline.view.chart_position``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.view.chart_keys import chart_frame, key_positions
from timeline.view.chart_lanes import LaneBy, lane_offsets
from timeline.view.chart_layers import (
    Layer,
    density_trace,
    initial_visibility,
    key_trace,
    range_buttons,
    salience_order,
    unlabelled,
)
from timeline.view.chart_layout import layout
from timeline.view.chart_range import FINE_PRECISIONS, density, density_window, quick_ranges
from timeline.view.chart_text import hover_text
from timeline.view.chart_traces import (
    Points,
    day_markers,
    interval_bars,
    interval_lines,
    interval_markers,
    legend_entry,
    selection_ring,
)
from timeline.view.filters import DEFAULT_KEY_COUNT, KEY_EVENTS_AUTO
from timeline.view.palette import actor_colors, color_for

WEBGL_THRESHOLD = 3000
"""Past this many day markers the chart switches to WebGL (SVG slows down badly past a few thousand)."""

BAR_LIMIT = 1500
"""Past this many interval events they are drawn as WebGL lines instead of SVG bars."""

LABEL_LIMIT = 300
"""Source-count labels ("×3") are written only while the chart holds at most this many events."""


def timeline_figure(
    df: pd.DataFrame,
    *,
    lane_by: LaneBy = "actor",
    large: bool = False,
    selected: str | None = None,
    colors: Mapping[str, str] | None = None,
    title: str | None = None,
    key_events: bool | None = None,
    key_count: int = DEFAULT_KEY_COUNT,
) -> go.Figure:
    """The timeline of the events in ``df`` (an ``events_frame``, usually filtered).

    ``colors`` maps actor -> colour (pass the colours of *all* actors so filtering never recolours one);
    events without a date (unanchored) cannot be placed and are left out. ``selected`` (an event id) is
    ringed. Every data trace has the event id in ``customdata[0]``. ``key_events`` (None: on past
    ``KEY_EVENTS_AUTO`` dated events) opens on density strips and the ``key_count`` most salient events.
    """
    chart = chart_frame(df, lane_by)
    dated, lanes, opening = chart.dated, chart.lanes, chart.opening
    palette = (
        dict(colors) if colors is not None else actor_colors(dated["primary_actor"].astype(str).unique())
    )
    lane_index = {name: index for index, name in enumerate(lanes)}
    y = dated["lane"].map(lane_index).to_numpy(dtype=float) + lane_offsets(dated, "lane")
    points = Points.from_frame(dated, y, hover_text(dated) if len(dated) else pd.Series(dtype=str))
    overview = (key_events if key_events is not None else len(dated) > KEY_EVENTS_AUTO) and len(dated) > 0
    traces, layers = _event_traces(dated, points, palette, large=large, lane_by=lane_by)
    if overview and opening is not None:
        window = density_window(dated, opening)
        strips = density(dated, lanes, dated["lane"], window, opening.days)
        traces.insert(0, density_trace(strips))
        layers.insert(0, "density")
        chosen = key_positions(chart, points.middle, key_count)
        key_colors = [
            color_for(name, palette) for name in dated["primary_actor"].astype(str).to_numpy()[chosen]
        ]
        rank = np.empty(len(chosen), dtype=np.int64)
        rank[salience_order(dated.iloc[chosen])] = np.arange(len(chosen))
        key = key_trace(
            points.take(chosen), dated["title"].iloc[chosen], key_colors, large, opening, priority=-rank
        )
        traces.extend([key, unlabelled(key)])
        layers.extend(["labelled", "wide"])
    if selected is not None:
        ring = points.take(np.flatnonzero(points.ids == selected))
        if len(ring):
            traces.append(selection_ring(ring, large))
            layers.append("always")
    for trace, visible in zip(traces, initial_visibility(layers, overview), strict=True):
        trace["visible"] = visible
    fig = go.Figure()
    fig.add_traces(traces)  # (faster than go.Figure(data=...), which deep-copies every array)
    layout(fig, lanes=lanes, lane_by=lane_by, large=large, title=title, overview=overview)
    if opening is not None:
        font_size = 17 if large else 14
        quick = quick_ranges(dated)
        fig.update_layout(
            updatemenus=[range_buttons(layers, opening, quick, overview=overview, font_size=font_size)]
        )
        fig.update_xaxes(range=opening.as_list(), autorange=False)
    return fig


def _event_traces(
    dated: pd.DataFrame, points: Points, palette: dict[str, str], *, large: bool, lane_by: LaneBy
) -> tuple[list[Any], list[Layer]]:
    """Every event's marker or band, one set of traces per colour (actors sharing a palette colour share
    traces: Plotly's cost is per trace), each in the "single" layer (legend entries "always"). Bands
    coarser than a year are drawn with their own bars (their count, not the others', decides SVG or
    WebGL), so a few decade bands keep their hover among thousands of events."""
    precision = dated["precision"].astype(str)
    # A day-precision event over several days ("3-5 March", an edited end date) is drawn as its span.
    is_day = ((precision == "day") & (dated["end"] <= dated["start"])).to_numpy()
    coarse = (~precision.isin(FINE_PRECISIONS)).to_numpy()
    actors = dated["primary_actor"].astype(str).to_numpy()
    gl = len(dated) > WEBGL_THRESHOLD
    bars = int((~is_day).sum()) <= BAR_LIMIT
    coarse_bars = int(coarse.sum()) <= BAR_LIMIT  # (SVG bars carry their hover; WebGL lines do not)
    labels = len(dated) <= LABEL_LIMIT
    traces: list[Any] = []
    layers: list[Layer] = []
    names = sorted(set(actors.tolist()))
    color_of = {name: color_for(name, palette) for name in names}
    colors = np.array([color_of[name] for name in actors.tolist()], dtype=object)
    for color in sorted(set(color_of.values())):
        name = next(name for name in names if color_of[name] == color)  # the trace's name: its first actor
        of_actor = colors == color
        for group, band_layer, as_bars in (
            (of_actor & ~is_day & coarse, "single", coarse_bars),
            (of_actor & ~is_day & ~coarse, "single", bars),
        ):
            spans = points.take(np.flatnonzero(group))
            if not len(spans):
                continue
            drawn = (
                [interval_bars(spans, name=name, color=color)]
                if as_bars
                else interval_lines(spans, name=name, color=color, large=large)
            )
            traces.extend(drawn)
            layers.extend([band_layer] * len(drawn))  # type: ignore[list-item]
            # The diamond marks a span's middle: over the density a decade's middle would be a false date.
            traces.append(interval_markers(spans, name=name, color=color, large=large, gl=gl))
            layers.append("single")
        days = points.take(np.flatnonzero(of_actor & is_day))
        if len(days):
            traces.append(day_markers(days, name=name, color=color, large=large, gl=gl, labels=labels))
            layers.append("single")
    if lane_by == "category":
        for name in names:
            traces.append(legend_entry(name, color_of[name]))
            layers.append("always")
    return traces, layers


def figure_event_ids(fig: go.Figure) -> set[str]:
    """Every event id a figure's data traces carry (the 'Selected' ring excluded); for tests and exports."""
    ids: set[str] = set()
    for trace in fig.data:
        if trace.name == "Selected" or trace.customdata is None:
            continue
        ids.update(str(row[0]) for row in trace.customdata)
    return ids
