"""The timeline chart's layout: size, fonts, axes, lane labels and the key above the plot."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from timeline.view.chart_lanes import LaneBy
from timeline.view.chart_text import shorten

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


def layout(
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
    text = html.escape(shorten(name, 28))
    if large and len(name) > LANE_LONG_CHARS:
        return f'<span style="font-size:{LANE_LONG_FONT}px">{text}</span>'
    return text
