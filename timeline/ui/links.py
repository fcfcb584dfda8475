"""The view a page starts from, and what the reader is told about links: filter values a link names
that this timeline does not have are left out by one rule on every page (so a link shows the same
events on Timeline, Present and Data), and a view too large for a shareable address says so."""

from __future__ import annotations

import streamlit as st

from timeline.model import PRECISION_ORDER
from timeline.ui.state import AppData, current_view, set_view
from timeline.view.filters import PARAM_NAMES, FilterState
from timeline.view.highlight import escape_markdown

DROPPED_KEY = "_link_values_dropped"
"""Filter values of the last link that this timeline does not have, until the page has said so."""


def precision_options(data: AppData) -> list[str]:
    present = set(data.frame["precision"].astype(str))
    return [precision for precision in PRECISION_ORDER if precision in present]


def known_view(view: FilterState, data: AppData) -> FilterState:
    """``view`` without the filter values ``data`` does not have (``FilterState.known_only``)."""
    return view.known_only(
        actors=frozenset(data.actors),
        categories=frozenset(data.categories),
        sources=data.doc_names.keys(),
        precisions=frozenset(precision_options(data)),
    )


def page_view(data: AppData) -> FilterState:
    """The view every page starts from: the URL's or the session's, values ``data`` lacks left out
    (and remembered, for ``link_notices`` to say so)."""
    view = current_view()
    known = known_view(view, data)
    if known != view:
        dropped = [
            value
            for values, kept in (
                (view.actors, known.actors),
                (view.categories, known.categories),
                (view.sources, known.sources),
                (view.precisions, known.precisions),
            )
            for value in values
            if value not in kept
        ]
        st.session_state[DROPPED_KEY] = tuple(dropped)
        set_view(known)
    return known


def link_notices(view: FilterState) -> None:
    """Say what a link asked for that is not shown, and what this view's own address leaves out."""
    dropped = st.session_state.pop(DROPPED_KEY, None)
    if dropped:
        named = ", ".join(f"“{value[:40]}”" for value in dropped[:5])
        more = f" and {len(dropped) - 5} more" if len(dropped) > 5 else ""
        st.info(
            "Left out of the filters: "
            + escape_markdown(named + more)
            + ". This timeline has no such actor, category, article or precision.",
            icon=":material/filter_alt_off:",
        )
    left_out = view.unshared()
    if left_out:
        names = ", ".join(PARAM_NAMES.get(key, key) for key in left_out)
        st.info(
            "This view is too large to share as a link: its address leaves out "
            + escape_markdown(names)
            + ". A copied link opens without them; narrow the filters to share the whole view.",
            icon=":material/link_off:",
        )
