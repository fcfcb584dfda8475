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
buttons and not a rerun on zoom).

Text from articles only reaches the figure HTML-escaped: Plotly renders a subset of HTML in hover
labels and tick labels, and the exported HTML must not carry a live ``<script>``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.view.chart_lanes import LaneBy, lane_of_rows, lane_offsets, lane_order
from timeline.view.chart_layers import (
    Layer,
    density_trace,
    initial_visibility,
    key_rows,
    key_trace,
    range_buttons,
    salience_order,
    unlabelled,
)
from timeline.view.chart_range import (
    DAY,
    FINE_PRECISIONS,
    UNIT,
    Range,
    density,
    density_window,
    opening_range,
    quick_ranges,
)
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
from timeline.view.frame import EDITED_HOVER
from timeline.view.palette import NEUTRAL, actor_colors, color_for

WEBGL_THRESHOLD = 3000
"""Past this many day markers the chart switches to WebGL (SVG slows down badly past a few thousand)."""

BAR_LIMIT = 1500
"""Past this many interval events they are drawn as WebGL lines instead of SVG bars."""

LABEL_LIMIT = 300
"""Source-count labels ("×3") are written only while the chart holds at most this many events."""

HOVER_TITLE_CHARS = 110

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


KEY_TEXT = "●  exact day     ◆  week to year (bar = its span)<br>○ ◇  planned     bigger = more sources"
DENSITY_KEY_TEXT = (
    "Shade = how many events (hover for the count)     ● = key event, labelled where there is room<br>"
    "1y, 5y, every event: each event as a dot or a span"
)
DENSITY_KEY_TEXT_LARGE = (
    "Shade = how many events (hover: the count)<br>● = key event, labelled where there is room<br>"
    "1y, 5y, every event: each event as a dot or a span"
)
"""The key above the chart; in large type in three short lines, so it fits a 1024-wide projector."""

LANE_LONG_CHARS = 12
LANE_LONG_FONT = 15
"""In large type a lane name longer than this is written smaller, so the plot keeps its width on a
1024-wide projector (on two lines it would not fit: lanes are about 40 px apart there)."""


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _escape(values: pd.Series) -> pd.Series:
    """HTML-escape a text column, vectorised (Plotly renders <b>, <br>, <a>... in hover labels)."""
    text = values.astype(str)
    escaped: pd.Series = text.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")
    return escaped


def _shorten_column(values: pd.Series, limit: int) -> pd.Series:
    text = values.astype(str)
    long = text.str.len() > limit
    shortened: pd.Series = text.where(~long, text.str.slice(0, limit - 1).str.rstrip() + "…")
    return shortened


def _hover_text(df: pd.DataFrame) -> pd.Series:
    """'<b>title</b><br>date<br>n sources: outlets' per row, every article-derived part escaped."""

    def column(values: Any) -> pd.Series:
        return pd.Series(values, index=df.index, dtype=str)

    titles = _escape(_shorten_column(df["title"], HOVER_TITLE_CHARS))
    outlets = _escape(_shorten_column(df["outlets"], 80))
    counts = df["n_sources"].to_numpy(dtype=np.int64)
    source_text = column(counts.astype(str)) + column(np.where(counts == 1, " source", " sources"))
    with_outlets = source_text.where(outlets.str.len() == 0, source_text + ": " + outlets)
    planned = column(np.where(df["planned"].to_numpy(dtype=bool), " (planned)", ""))
    dates = _escape(df["display_date"])
    edited = column(np.where(df["edited"].to_numpy(dtype=bool), EDITED_HOVER, "")) if "edited" in df else ""
    hover: pd.Series = "<b>" + titles + "</b><br>" + dates + planned + "<br>" + with_outlets + edited
    return hover


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
    columns = [c for c in CHART_COLUMNS if c in df.columns]
    dated = df.loc[df["start"].notna().to_numpy(), columns].copy()
    palette = (
        dict(colors) if colors is not None else actor_colors(dated["primary_actor"].astype(str).unique())
    )
    lanes = lane_order(dated, lane_by)
    dated["lane"] = lane_of_rows(dated, lane_by, lanes)
    lane_index = {name: index for index, name in enumerate(lanes)}
    y = dated["lane"].map(lane_index).to_numpy(dtype=float) + lane_offsets(dated, "lane")
    points = Points.from_frame(dated, y, _hover_text(dated) if len(dated) else pd.Series(dtype=str))
    overview = (key_events if key_events is not None else len(dated) > KEY_EVENTS_AUTO) and len(dated) > 0
    traces, layers = _event_traces(dated, points, palette, large=large, lane_by=lane_by)
    opening = opening_range(dated)
    if overview and opening is not None:
        window = density_window(dated, opening)
        strips = density(dated, lanes, dated["lane"], window, opening.days)
        traces.insert(0, density_trace(strips))
        layers.insert(0, "density")
        chosen = _key_positions(dated, len(lanes), points.middle, opening, key_count)
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
    _layout(fig, lanes=lanes, lane_by=lane_by, large=large, title=title, overview=overview)
    if opening is not None:
        font_size = 17 if large else 14
        quick = quick_ranges(dated)
        fig.update_layout(
            updatemenus=[range_buttons(layers, opening, quick, overview=overview, font_size=font_size)]
        )
        fig.update_xaxes(range=opening.as_list(), autorange=False)
    return fig


def _key_positions(
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
    chosen = _key_positions(dated, len(lanes), middle, opening, key_count)
    return set(dated["id"].astype(str).to_numpy()[chosen].tolist())


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


def _layout(
    fig: go.Figure, *, lanes: list[str], lane_by: LaneBy, large: bool, title: str | None, overview: bool
) -> None:
    font_size = 20 if large else 14
    # Tall enough to read from the back of a classroom: lanes get room, a short chart still fills the view.
    lane_height = 80 if large else 64
    height = max(600 if large else 520, 190 + lane_height * max(len(lanes), 1))
    header = 125 if large else 95
    fig.update_layout(
        height=height,
        font={"size": font_size, "family": "Source Sans Pro, Arial, sans-serif"},
        barmode="overlay",
        hovermode="closest",
        dragmode="pan",
        clickmode="event+select",
        plot_bgcolor="white",
        paper_bgcolor="white",
        # Two rows above the plot: the key, then the quick-range buttons (pixels, so they never overlap).
        margin={"l": 10, "r": 20, "t": header + (50 if title else 0), "b": 10},
        hoverlabel={"font": {"size": font_size}, "align": "left", "namelength": -1},
        showlegend=lane_by == "category",
        legend={
            "orientation": "v",
            "yanchor": "top",
            "y": 1.0,
            "x": 1.01,
            "title": {"text": "Colour = actor"},
        },
        title={"text": html.escape(title), "x": 0.0, "xanchor": "left"} if title else None,
    )
    fig.update_xaxes(
        type="date",
        showgrid=True,
        gridcolor="#E5E5E5",
        # Not over the density: the slider redraws every trace, and twenty labels in 50 px are a smudge.
        rangeslider={"visible": not overview, "thickness": 0.07},
        tickfont={"size": font_size},
        automargin=True,  # room for the date labels below the plot (the figure's bottom margin is thin)
    )
    fig.update_yaxes(
        tickmode="array",
        tickvals=list(range(len(lanes))),
        ticktext=[_lane_label(name, large) for name in lanes],
        range=[len(lanes) - 0.5, -0.5],
        showgrid=True,
        gridcolor="#EFEFEF",
        zeroline=False,
        fixedrange=True,
        tickfont={"size": font_size + 1},
        automargin=True,
    )
    # Both the key and the buttons are right-aligned to the plot: what is wider than the plot then runs
    # over the lane names' margin, inside the figure, instead of past its right edge (cut off).
    fig.add_annotation(
        text=(DENSITY_KEY_TEXT_LARGE if large else DENSITY_KEY_TEXT) if overview else KEY_TEXT,
        xref="paper",
        yref="paper",
        x=1.0,
        y=1.0,
        yshift=44 if large else 34,
        xanchor="right",
        yanchor="bottom",
        align="left",
        showarrow=False,
        font={"size": 16 if large else 13, "color": "#333333"},
    )


def _lane_label(name: str, large: bool) -> str:
    """A lane's tick label, escaped: cut past 28 characters; in large type a long name smaller."""
    text = html.escape(_shorten(name, 28))
    if large and len(name) > LANE_LONG_CHARS:
        return f'<span style="font-size:{LANE_LONG_FONT}px">{text}</span>'
    return text


def figure_event_ids(fig: go.Figure) -> set[str]:
    """Every event id a figure's data traces carry (the 'Selected' ring excluded); for tests and exports."""
    ids: set[str] = set()
    for trace in fig.data:
        if trace.name == "Selected" or trace.customdata is None:
            continue
        ids.update(str(row[0]) for row in trace.customdata)
    return ids


def position_figure(
    df: pd.DataFrame, current: str | None, *, colors: Mapping[str, str] | None = None
) -> go.Figure:
    """A thin strip for Present: every event as a grey tick, the current one large and coloured."""
    dated = df.loc[df["start"].notna()]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=dated["start"].to_numpy(),
            y=np.zeros(len(dated)),
            mode="markers",
            marker={
                "size": 10,
                "color": "#BBBBBB",
                "symbol": "line-ns",
                "line": {"width": 2, "color": "#767676"},
            },
            hoverinfo="skip",
            showlegend=False,
        )
    )
    chosen = dated.loc[(dated["id"].astype(str) == current).to_numpy()] if current else dated.iloc[0:0]
    if len(chosen):
        actor = str(chosen["primary_actor"].iloc[0])
        color = color_for(actor, dict(colors)) if colors is not None else NEUTRAL
        fig.add_trace(
            go.Scatter(
                x=chosen["start"].to_numpy(),
                y=[0.0],
                mode="markers",
                marker={"size": 22, "color": color, "line": {"width": 2, "color": "#000000"}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    fig.update_layout(
        height=140,
        margin={"l": 20, "r": 20, "t": 10, "b": 40},
        plot_bgcolor="white",
        paper_bgcolor="white",
        font={"size": 16},
    )
    fig.update_xaxes(type="date", showgrid=False, fixedrange=True, tickfont={"size": 16})
    fig.update_yaxes(visible=False, fixedrange=True, range=[-1, 1])
    return fig
