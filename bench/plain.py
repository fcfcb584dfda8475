"""The baseline the app is measured against: a plain pandas + Plotly script doing the same work.

It reads the same store's event records straight into a DataFrame, filters with plain boolean masks
(a lambda per row where a plain script would need one, as for "any of the event's actors") and draws
one ``plotly.express`` scatter with WebGL markers. No event objects, no interval bars, no lanes.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from timeline.view.filters import FilterState


def load_plain_frame(database: Path) -> pd.DataFrame:
    with closing(sqlite3.connect(database)) as connection:
        records = [json.loads(row[0]) for row in connection.execute("SELECT json FROM events")]
    frame = pd.DataFrame(records)
    if frame.empty:
        return frame
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["primary_actor"] = frame["actors"].map(lambda actors: actors[0] if actors else "No actor")
    frame["search"] = (frame["title"] + " " + frame["sentence"]).str.lower()
    return frame


def plain_filter(frame: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    if state.date_from is not None:
        mask &= frame["end"] >= pd.Timestamp(state.date_from)
    if state.date_to is not None:
        mask &= frame["start"] <= pd.Timestamp(state.date_to)
    if state.actors:
        chosen = set(state.actors)
        mask &= frame["actors"].map(lambda actors: not chosen.isdisjoint(actors))
    if state.categories:
        mask &= frame["category"].isin(state.categories)
    if state.precisions:
        mask &= frame["precision"].isin(state.precisions)
    if not state.include_planned:
        mask &= ~frame["planned"]
    if state.text.strip():
        mask &= frame["search"].str.contains(state.text.strip().lower(), regex=False)
    return frame[mask]


def plain_figure(frame: pd.DataFrame) -> go.Figure:
    return px.scatter(
        frame,
        x="start",
        y="primary_actor",
        color="primary_actor",
        hover_name="title",
        hover_data={"display_date": True, "primary_actor": False},
        render_mode="webgl",
    )
