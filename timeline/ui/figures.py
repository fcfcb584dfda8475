"""The Timeline chart's figure, shared by every run that draws the same events the same way.

A second tab, or a rerun that leaves the chart as it was (a click in the event's panel, the sign-in
form, a collection notice dismissed), draws the figure already built for that bundle and view: with
10,000 events building it takes about as long as the rest of such a run. A figure is read-only once
built: Streamlit serialises it (``to_dict``) without changing it, and no page touches it after.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from timeline.ui.state import AppData
from timeline.view.chart import timeline_figure
from timeline.view.filters import FilterState


def timeline_chart(df: pd.DataFrame, view: FilterState, data: AppData, key_events: bool) -> go.Figure:
    """``timeline_figure`` of ``df`` (``data``'s events under ``view``'s filters) as ``view`` draws it:
    the one already built for this bundle and view when there is one."""
    if not data.version:  # a bundle built outside the app's cache (tests): nothing names it
        return _figure(df, view, data.colors, key_events)
    return _shared(data.version, view, key_events, _df=df, _colors=data.colors)


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared(
    version: tuple[Hashable, ...],
    view: FilterState,
    key_events: bool,
    *,
    _df: pd.DataFrame,
    _colors: Mapping[str, str],
) -> go.Figure:
    # The key: the bundle (``AppData.version``) and the view (its filters chose ``_df`` from the
    # bundle; the rest decides the picture); ``_df`` and ``_colors`` follow from both.
    del version
    return _figure(_df, view, _colors, key_events)


def _figure(df: pd.DataFrame, view: FilterState, colors: Mapping[str, str], key_events: bool) -> go.Figure:
    return timeline_figure(
        df,
        lane_by=view.lane,
        large=view.large,
        selected=view.selected,
        colors=colors,
        key_events=key_events,
        key_count=view.key_count,
    )
