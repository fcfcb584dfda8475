"""Present's position strip: where the current event lies among all the shown events."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.view.palette import NEUTRAL, color_for


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
