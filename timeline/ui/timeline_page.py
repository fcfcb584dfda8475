"""Timeline page: the chart, the filters, and the detail of the selected event."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from timeline.ui import components as ui
from timeline.ui.chart_controls import key_controls
from timeline.ui.detail import event_detail
from timeline.ui.edit_add import manual_form
from timeline.ui.edit_panel import correction_panel, hidden_toggle
from timeline.ui.edit_writes import show_outcome
from timeline.ui.figures import timeline_chart
from timeline.ui.fit import fit_to_screen
from timeline.ui.state import AppData, app_data, filtered_frame, publish_view, set_view
from timeline.view.filters import FilterState

CHART_KEY = "chart"
PICK_KEY = "pick"
# The event list beside the chart holds at most this many events (a longer list is no help to read).
# (Comments, not docstrings: Streamlit's "magic" would print a bare string in a page script.)
PICK_LIMIT = 1000

LARGE_TIMELINE_CSS = """
<style>
[data-testid="stMainBlockContainer"]:has(.st-key-chart_box) { padding-left: 1.5rem; padding-right: 1.5rem; }
</style>
"""

CHART_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"filename": "timeline", "scale": 2},
}


def clicked_event(chart_state: Any) -> str | None:
    """The event id of the first clicked point: its customdata[0], never its position in a trace."""
    if not chart_state:
        return None
    selection = chart_state.get("selection") or {}
    for point in selection.get("points") or []:
        custom = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(custom, list | tuple) and custom:
            return str(custom[0])
        if isinstance(custom, str) and custom:
            return custom
    return None


def _on_chart_select() -> None:
    """A click on the chart selects that event (a click on empty space keeps the current one)."""
    event_id = clicked_event(st.session_state.get(CHART_KEY))
    if event_id is not None:
        _select(event_id)


def _on_pick() -> None:
    picked = st.session_state.get(PICK_KEY)
    _select(str(picked) if picked else None)


def _select(event_id: str | None) -> None:
    view = st.session_state.get("view")
    base = view if isinstance(view, FilterState) else FilterState()
    set_view(base.replace(selected=event_id))


def _picker(df: pd.DataFrame, view: FilterState, data: AppData) -> None:
    listed = df.head(PICK_LIMIT)
    options = [str(event_id) for event_id in listed["id"]]
    if view.selected and view.selected in data.by_id and view.selected not in options:
        options.insert(0, view.selected)
    # Vectorised: iterrows over a thousand rows alone costs a noticeable part of a rerun.
    shown = (listed["display_date"] + " · " + listed["title"]).tolist()
    labels = dict(zip(listed["id"].astype(str).tolist(), shown, strict=True))
    st.session_state[PICK_KEY] = view.selected if view.selected in options else None
    st.selectbox(
        "Choose an event (or click one on the chart)",
        options=options,
        index=None,
        format_func=lambda event_id: labels.get(event_id) or _fallback_label(event_id, data),
        key=PICK_KEY,
        on_change=_on_pick,
        placeholder="Type to search the events shown…",
    )
    if len(df) > PICK_LIMIT:
        st.caption(f"The list holds the first {PICK_LIMIT:,} events; narrow the filters to list the others.")


def _fallback_label(event_id: str, data: AppData) -> str:
    event = data.by_id.get(event_id)
    return f"{event.display_date} · {event.title}" if event else event_id


def render() -> None:
    data = app_data()
    if ui.show_fatal(data):
        return
    view = ui.filter_sidebar(ui.page_view(data), data)
    hidden_toggle(data)
    ui.page_style(view.large)
    if view.large:  # on a projector the chart needs the width more than the page needs its margins
        st.html(LARGE_TIMELINE_CSS)
    df = filtered_frame(data, view)
    if view.selected and view.selected not in data.by_id:
        st.info("The event in this link is no longer in the timeline; showing the others.")
        show_outcome()  # an editor who just hid or merged it away is told the change was saved
        view = view.replace(selected=None)
        set_view(view)

    st.title("Timeline", anchor=False)
    ui.show_problems(data)
    ui.link_notices(view)
    head_left, head_right = st.columns([3, 2], vertical_alignment="bottom")
    head_left.markdown(ui.count_line(len(df), len(data.frame), view))
    with head_right:
        st.segmented_control(
            "Lanes by",
            options=["actor", "category"],
            format_func=lambda lane: {"actor": "Actor", "category": "Category"}[lane],
            key=ui.KEY_LANE,
            required=True,
            label_visibility="collapsed",
        )
    lane = st.session_state.get(ui.KEY_LANE)
    if lane in ("actor", "category") and lane != view.lane:
        view = view.replace(lane=lane)
        set_view(view)

    if df.empty:
        ui.empty_state(view)
        manual_form(data)
        publish_view(view)
        return

    undated = int(df["start"].isna().sum())
    # Side by side, so a click shows the quote without scrolling; stacked in large type (projector).
    chart_area, detail_area = (
        (st.container(), st.container()) if view.large else st.columns([5, 2], gap="medium")
    )
    with detail_area:  # the key-events switch first: it decides the figure (not in the header: room)
        show_key_events = key_controls(view, len(df) - undated)
    fig = timeline_chart(df, view, data, show_key_events)
    with chart_area:
        # The box is as tall as the screen below its top (ui.fit measures it, components.PAGE_CSS sizes
        # it): the chart stretches to it, so its date axis is on screen at 1024x768 too.
        fit_to_screen()
        with st.container(key=ui.CHART_BOX_KEY, height=ui.CHART_BOX_FALLBACK_PX, border=False):
            st.plotly_chart(
                fig,
                key=CHART_KEY,
                on_select=_on_chart_select,
                selection_mode="points",
                config=CHART_CONFIG,
                theme=None,
                width="stretch",
                height="stretch",
            )
        if undated:
            st.caption(
                f"{undated} event(s) have no date that can be placed on the chart; they are in the event "
                "list and on the Data page."
            )
    with detail_area:
        _picker(df, view, data)
        event = data.by_id.get(view.selected) if view.selected else None
        if event is not None:
            hidden = not bool((df["id"] == view.selected).any())
            event_detail(event, view, data, hidden_by_filters=hidden, wide=view.large)
            correction_panel(event, data)
        else:
            st.caption("Click an event on the chart, or choose one above, to read its source.")
    manual_form(data)
    publish_view(view)


if __name__ == "__main__":
    ui.guarded(render)
