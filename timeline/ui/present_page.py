"""Present page: the current view as slides, one event each, in date order, for a class.

Slide 0 is the title slide; slide n (1-based) is the n-th dated event. The slide number is in the URL
(``slide``), so a link opens on the same slide.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.chart import position_figure
from timeline.filters import FilterState
from timeline.highlight import highlighted_sentence, quotation
from timeline.ui import components as ui
from timeline.ui.detail import PRECISION_NOTE
from timeline.ui.state import AppData, app_data, filtered_frame, publish_view, set_view

md = ui.md


def _step(delta: int, total: int) -> None:
    view = st.session_state.get("view")
    base = view if isinstance(view, FilterState) else FilterState()
    set_view(base.replace(slide=min(max(base.slide + delta, 0), total)))


def _go_to(slide: int) -> None:
    view = st.session_state.get("view")
    base = view if isinstance(view, FilterState) else FilterState()
    set_view(base.replace(slide=slide))


def _span(df: pd.DataFrame) -> str:
    first, last = df["start"].min(), df["end"].max()
    if pd.isna(first) or pd.isna(last):
        return ""
    return f"{first.year}" if first.year == last.year else f"{first.year} – {last.year}"


def _title_slide(df: pd.DataFrame, view: FilterState, data: AppData) -> None:
    st.markdown(f"# Timeline {_span(df)}")
    actors = sorted({actor for actors in df["actors"] for actor in actors})
    st.markdown(f"## {len(df)} events" + (f" · {md(', '.join(actors[:6]))}" if actors else ""))
    described = _describe_filters(view, data)
    if described:
        st.markdown("Showing: " + md(described))
    st.markdown("Press **Next** (or the → key) to start.")


def _describe_filters(view: FilterState, data: AppData) -> str:
    parts: list[str] = []
    if view.date_from or view.date_to:
        parts.append(f"{view.date_from or '…'} to {view.date_to or '…'}")
    if view.actors:
        parts.append(", ".join(view.actors))
    if view.categories:
        parts.append(", ".join(view.categories))
    if view.sources:
        parts.append(", ".join(data.doc_names.get(doc, doc) for doc in view.sources))
    if view.text:
        parts.append(f'"{view.text}"')
    if view.precisions:
        parts.append("dated to the " + "/".join(view.precisions))
    if not view.include_planned:
        parts.append("no planned events")
    return "; ".join(parts)


def _event_slide(row: pd.Series, df: pd.DataFrame, data: AppData) -> None:
    event = data.by_id.get(str(row["id"]))
    if event is None:
        st.warning("This event is no longer in the timeline.")
        return
    note = PRECISION_NOTE.get(event.precision, event.precision)
    planned = " · :violet-badge[planned]" if event.planned else ""
    st.markdown(f"### {md(event.display_date)} · {md(note)}{planned}")
    st.markdown(f"# {md(event.title)}")
    sentence = highlighted_sentence(event).replace("\n", " ").strip()
    if sentence:
        st.markdown(quotation(sentence))
    sources = "; ".join(
        f"{source.outlet or 'Unknown outlet'}, "
        + (source.published.isoformat() if source.published else "no publication date")
        for source in event.sources
    )
    if sources:
        st.markdown("Source: " + md(sources))
    st.plotly_chart(
        position_figure(df, event.id, colors=data.colors),
        config={"staticPlot": True},
        theme=None,
        key="position",
        width="stretch",
    )


def render() -> None:
    data = app_data()
    if ui.show_fatal(data):
        return
    view = ui.page_view(data)
    ui.page_style(True)
    df = filtered_frame(data, view)
    slides = df.loc[df["start"].notna()]
    total = len(slides)
    slide = min(view.slide, total)
    if slide != view.slide:
        view = view.replace(slide=slide)
        set_view(view)

    top_left, top_right = st.columns([4, 1], vertical_alignment="center")
    with top_left:
        st.page_link(
            ui.TIMELINE_PAGE,
            label="Back to the timeline",
            icon=":material/arrow_back:",
            query_params=view.to_query_params(),
        )
    top_right.markdown(f"**{slide} / {total}**")
    st.progress(slide / total if total else 0.0)
    ui.link_notices(view)

    if total == 0:
        st.info("No event to present with these filters. Change them on the Timeline page, or reset them.")
        st.button("Reset filters", key="reset_present", on_click=ui.reset_filters, type="primary")
        publish_view(view)
        return

    if slide == 0:
        _title_slide(slides, view, data)
    else:
        _event_slide(slides.iloc[slide - 1], slides, data)

    previous_col, spacer, next_col = st.columns([1, 3, 1])
    previous_col.button(
        "Previous",
        key="previous",
        on_click=_step,
        args=(-1, total),
        disabled=slide == 0,
        icon=":material/chevron_left:",
        shortcut="Left",
        width="stretch",
    )
    next_col.button(
        "Next",
        key="next",
        on_click=_step,
        args=(1, total),
        disabled=slide >= total,
        icon=":material/chevron_right:",
        type="primary",
        shortcut="Right",
        width="stretch",
    )
    with spacer:
        if slide >= total:
            st.button("Back to the start", key="restart", on_click=_go_to, args=(0,), width="stretch")
    publish_view(view)


if __name__ == "__main__":
    ui.guarded(render)
