"""Pieces every page shares: the page guard, the filter sidebar, notices, large type, counts.

Widgets hold their values under fixed keys; the view (``FilterState``) is the truth. Before the
widgets render, their keys are seeded from the view whenever the view changed elsewhere (a link, a
reset, another page), so a filter set on Timeline is still set when the reader comes back to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from timeline.ui.links import known_view, link_notices, page_view, precision_options
from timeline.ui.state import AppData, set_view
from timeline.view.filters import FilterState
from timeline.view.highlight import escape_markdown

__all__ = ["link_notices", "page_view", "precision_options"]

LOG = logging.getLogger(__name__)

TIMELINE_PAGE = "timeline/ui/timeline_page.py"
PRESENT_PAGE = "timeline/ui/present_page.py"
SOURCES_PAGE = "timeline/ui/sources_page.py"
DATA_PAGE = "timeline/ui/data_page.py"
"""Page files relative to app.py, for ``st.page_link``."""

EARLIEST = date(1000, 1, 1)
LATEST = date(2200, 12, 31)
"""Bounds of the date inputs: wide, so any link's dates fit; Streamlit's default is ±10 years."""

SEEDED_KEY = "_filters_seeded_from"
"""(page, view) the filter widgets were last filled from. Widgets on another page are other widgets
(Streamlit gives them a fresh identity), so a page switch always refills them from the view."""

KEY_FROM = "f_from"
KEY_TO = "f_to"
KEY_ACTORS = "f_actors"
KEY_CATEGORIES = "f_cats"
KEY_SOURCES = "f_sources"
KEY_TEXT = "f_text"
KEY_PRECISIONS = "f_prec"
KEY_PLANNED = "f_planned"
KEY_LARGE = "f_large"
KEY_LANE = "f_lane"
FILTER_KEYS = (
    KEY_FROM,
    KEY_TO,
    KEY_ACTORS,
    KEY_CATEGORIES,
    KEY_SOURCES,
    KEY_TEXT,
    KEY_PRECISIONS,
    KEY_PLANNED,
    KEY_LARGE,
    KEY_LANE,
)

CHART_BOX_KEY = "chart_box"
CHART_BOX_FALLBACK_PX = 560
"""The Timeline chart's box (``st.container(key=..., height=...)``): the CSS below sizes it to the screen."""

PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; padding-bottom: 2rem; }
/* The chart's box: as tall as the screen below its top (--chart-top, measured by ui.fit; the chart
   stretches to fill it), never shorter than a readable chart. */
[data-testid="stLayoutWrapper"]:has(> .st-key-chart_box) {
  flex: 0 0 auto !important; height: max(20rem, calc(100dvh - var(--chart-top, 16rem))) !important;
}
.st-key-fit_to_screen { display: none; }
.st-key-chart_box { height: 100% !important; max-height: none !important; overflow: visible !important; }
</style>
"""
"""Our own static CSS: less empty space above the title, and a chart that fits the screen."""

LARGE_TYPE_CSS = """
<style>
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] li,
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] {
  font-size: 1.45rem; line-height: 1.5;
}
[data-testid="stMainBlockContainer"] h1 { font-size: 3.2rem; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.5rem; }
[data-testid="stMainBlockContainer"] h3 { font-size: 2.0rem; }
[data-testid="stMainBlockContainer"] button p { font-size: 1.3rem; }
.st-key-f_lane button { padding-left: 0.55rem; padding-right: 0.55rem; }
.st-key-f_lane button p { font-size: 1.15rem; }
</style>
"""
"""Our own static CSS (no article text) for the projector option."""

PRECISION_LABELS = {
    "day": "Day",
    "week": "Week",
    "month": "Month",
    "season": "Season",
    "quarter": "Quarter",
    "half": "Half-year",
    "year": "Year",
    "decade": "Decade",
    "century": "Century",
}


def guarded(render: Callable[[], None]) -> None:
    """Run a page; any error becomes a clear message (details go to the server log, never a traceback)."""
    try:
        render()
    except Exception as error:
        LOG.exception("Page failed")
        st.error(
            "Sorry, this page hit a problem and could not be shown completely "
            f"({type(error).__name__}). The other pages still work. Try resetting the filters; "
            "if it happens again, the server log has the details."
        )
        st.button("Reset filters", key="reset_after_error", on_click=reset_filters)


def md(text: str) -> str:
    """Article or user text as Markdown that shows exactly these characters.

    Every page passes text that is not its own (articles, the catalog, a link's values) through this
    before any Markdown-rendering element: st.markdown, captions, headers, notices, table cells, and
    the labels and help tooltips of widgets and links (Streamlit renders those as Markdown too).
    Selectbox and multiselect options and dataframe cells are plain text: pass them unescaped.
    """
    return escape_markdown(text)


def reset_filters() -> None:
    view = st.session_state.get("view")
    set_view(view.cleared() if isinstance(view, FilterState) else FilterState())


def _clamp(day: date | None) -> date | None:
    if day is None:
        return None
    return min(max(day, EARLIEST), LATEST)


def _current_page() -> str:
    context = get_script_run_ctx()
    return context.page_script_hash if context is not None else ""


def _seed_widgets(view: FilterState, data: AppData) -> None:
    """Put the view's values into the widget keys, unless the widgets already show this view."""
    ss = st.session_state
    if ss.get(SEEDED_KEY) == (_current_page(), view) and all(key in ss for key in FILTER_KEYS):
        return
    known = known_view(view, data)
    ss[KEY_FROM] = _clamp(view.date_from)
    ss[KEY_TO] = _clamp(view.date_to)
    ss[KEY_ACTORS] = list(known.actors)
    ss[KEY_CATEGORIES] = list(known.categories)
    ss[KEY_SOURCES] = list(known.sources)
    ss[KEY_TEXT] = view.text
    ss[KEY_PRECISIONS] = list(known.precisions) or precision_options(data)
    ss[KEY_PLANNED] = view.include_planned
    ss[KEY_LARGE] = view.large
    ss[KEY_LANE] = view.lane
    ss[SEEDED_KEY] = (_current_page(), view)


def filter_sidebar(view: FilterState, data: AppData) -> FilterState:
    """The filter widgets in the sidebar; returns the view they describe (slide reset if filters changed)."""
    _seed_widgets(view, data)
    precisions = precision_options(data)
    ss = st.session_state
    with st.sidebar:
        st.header("Filters")
        # One above the other, so each shows its whole date (side by side they showed "2015…").
        st.date_input(
            "From", min_value=EARLIEST, max_value=LATEST, key=KEY_FROM, format="YYYY-MM-DD", value=None
        )
        st.date_input("To", min_value=EARLIEST, max_value=LATEST, key=KEY_TO, format="YYYY-MM-DD", value=None)
        st.text_input("Search titles and quotes", key=KEY_TEXT, placeholder="e.g. embassy, sanctions")
        st.multiselect("Actors", options=list(data.actors), key=KEY_ACTORS, placeholder="All actors")
        st.multiselect(
            "Categories", options=list(data.categories), key=KEY_CATEGORIES, placeholder="All categories"
        )
        st.multiselect(
            "Articles",
            options=[doc.doc_id for doc in data.documents],
            format_func=lambda doc_id: shorten(data.doc_names.get(doc_id, doc_id), 60),
            key=KEY_SOURCES,
            placeholder="All articles",
        )
        if precisions:
            st.pills(
                "Dated to the",
                options=precisions,
                selection_mode="multi",
                format_func=lambda p: PRECISION_LABELS.get(p, p),
                key=KEY_PRECISIONS,
                help="Untick a precision to hide it: untick Year to hide events known only to the year.",
            )
        st.toggle("Include planned events", key=KEY_PLANNED, help="Events announced for a later date.")
        st.button("Reset filters", key="reset_sidebar", on_click=reset_filters, width="stretch")
        st.divider()
        st.toggle("Large type (projector)", key=KEY_LARGE)
    chosen_precisions = [p for p in ss.get(KEY_PRECISIONS) or [] if p in precisions]
    date_from, date_to = ss.get(KEY_FROM), ss.get(KEY_TO)
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    new = view.replace(
        date_from=date_from,
        date_to=date_to,
        actors=tuple(ss.get(KEY_ACTORS) or ()),
        categories=tuple(ss.get(KEY_CATEGORIES) or ()),
        sources=tuple(ss.get(KEY_SOURCES) or ()),
        text=str(ss.get(KEY_TEXT) or "").strip(),
        precisions=() if len(chosen_precisions) in (0, len(precisions)) else tuple(chosen_precisions),
        include_planned=bool(ss.get(KEY_PLANNED, True)),
        large=bool(ss.get(KEY_LARGE, False)),
        lane=ss.get(KEY_LANE) if ss.get(KEY_LANE) in ("actor", "category") else view.lane,
    )
    if filters_of(new) != filters_of(view):
        new = new.replace(slide=0)
    ss[SEEDED_KEY] = (_current_page(), new)
    set_view(new)
    return new


def filters_of(view: FilterState) -> tuple[Any, ...]:
    """The parts of the view that decide which events are shown."""
    return (
        view.date_from,
        view.date_to,
        view.actors,
        view.categories,
        view.sources,
        view.text,
        view.precisions,
        view.include_planned,
    )


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_style(large: bool) -> None:
    """The app's static CSS, plus the large-type rules for a projector."""
    st.html(PAGE_CSS + (LARGE_TYPE_CSS if large else ""))


def show_problems(data: AppData) -> None:
    """A notice naming every article that failed to load or extract (the rest is shown as usual)."""
    for notice in data.notices:
        st.info(md(notice), icon=":material/info:")
    if not data.problems:
        return
    lines = [f"- **{md(name)}**: {md(message)}" for name, message in data.problems]
    st.warning(
        f"{len(data.problems)} article(s) could not be read; the timeline shows the others.\n\n"
        + "\n".join(lines),
        icon=":material/warning:",
    )


def show_fatal(data: AppData) -> bool:
    """If nothing could be loaded, say so and return True (the page then stops)."""
    if data.fatal is None:
        return False
    st.error(md(data.fatal) + "\n\nCheck the data folder (`TIMELINE_DATA_DIR`) and reload the page.")
    return True


def count_line(shown: int, total: int, view: FilterState) -> str:
    active = view.active_filters
    suffix = f" · {active} filter{'s' if active != 1 else ''} on" if active else ""
    return f"**{shown:,} of {total:,} events shown**{suffix}"


def empty_state(view: FilterState) -> None:
    """No event matches: say so and offer the way back."""
    st.info("No event matches these filters. Widen the date range, clear the search, or reset the filters.")
    st.button("Reset filters", key="reset_empty", on_click=reset_filters, type="primary")
