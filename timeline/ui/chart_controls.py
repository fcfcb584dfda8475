"""The chart's own controls on the Timeline page: the "Key events" switch and how many key events.

Both live in the view (``FilterState.key_events``, ``key_count``; ``key`` and ``keyn`` in the URL), so a
shared link opens on the same picture. Left alone, the switch is on past ``KEY_EVENTS_AUTO`` dated
events; once flipped, the reader's choice is kept (and written to the link).
"""

from __future__ import annotations

import streamlit as st

from timeline.ui.state import set_view
from timeline.view.filters import MAX_KEY_COUNT, FilterState

KEY_SWITCH = "chart_key_events"
KEY_COUNT = "chart_key_count"
SEEDED_KEY = "_chart_key_seeded"
"""The (switch, count) the widgets were last given from the view: reseeded when the view changes
(a pasted link, the browser's back button), left alone while the reader is using them."""


def _view() -> FilterState:
    view = st.session_state.get("view")
    return view if isinstance(view, FilterState) else FilterState()


def _switched() -> None:
    set_view(_view().replace(key_events=bool(st.session_state.get(KEY_SWITCH))))


def _counted() -> None:
    value = st.session_state.get(KEY_COUNT)
    count = int(value) if isinstance(value, int | float) else _view().key_count
    set_view(_view().replace(key_count=min(max(count, 1), MAX_KEY_COUNT)))


def key_controls(view: FilterState, dated: int) -> bool:
    """Draw the switch (and the count while it is on); whether the chart shows key events."""
    ss = st.session_state
    on = view.key_events_on(dated)
    seen = (on, view.key_count)
    if ss.get(SEEDED_KEY) != seen or KEY_SWITCH not in ss or KEY_COUNT not in ss:
        ss[KEY_SWITCH] = on
        ss[KEY_COUNT] = view.key_count
        ss[SEEDED_KEY] = seen
    st.toggle(
        "Key events",
        key=KEY_SWITCH,
        on_change=_switched,
        help="Show how dense each period is and label the most salient events (reported by the most "
        "articles, and the most prominently). The buttons above the chart show every event.",
    )
    if on:  # (one above the other: side by side in the narrow column the switch's label was cut)
        st.number_input(
            "How many key events",
            min_value=1,
            max_value=MAX_KEY_COUNT,
            step=5,
            key=KEY_COUNT,
            on_change=_counted,
        )
    return on
