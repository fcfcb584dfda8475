"""Sources page: every article with its metadata and text, each extracted date expression highlighted and
numbered, with a link per number that opens its event on the Timeline.

The article is chosen with ``?doc=<doc id>`` (links from an event's detail land here).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.ui import components as ui
from timeline.ui.edit_add import article_tools
from timeline.ui.state import (
    AppData,
    DocumentInfo,
    app_data,
    link_params,
    page_param,
    publish_view,
    reload_data,
)
from timeline.view.filters import FilterState
from timeline.view.highlight import document_marks, render_markdown, segments

DOC_KEY = "doc_pick"
DOC_PARAM = "doc"

md = ui.md


def _published(doc: DocumentInfo) -> str:
    if doc.published is None:
        return "no publication date"
    origin = {"catalog": "from the catalog", "text": "from the article", "user": "entered by a user"}
    return f"{doc.published.isoformat()} ({origin.get(doc.published_from or '', 'source unknown')})"


def _overview(data: AppData) -> None:
    counts: dict[str, int] = {}
    for event in data.events:
        for doc_id in {mention.doc for mention in event.mentions} or {source.doc for source in event.sources}:
            counts[doc_id] = counts.get(doc_id, 0) + 1
    table = pd.DataFrame(
        {
            "Article": [doc.name for doc in data.documents],
            "Outlet": [doc.outlet or "" for doc in data.documents],
            "Published": [doc.published.isoformat() if doc.published else "none" for doc in data.documents],
            "Events": [counts.get(doc.doc_id, 0) for doc in data.documents],
            "Status": [
                "failed: " + doc.error
                if doc.error
                else ("no publication date" if doc.published is None else "ok")
                for doc in data.documents
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")


def _on_doc_pick() -> None:
    # The URL follows at the end of the run (publish_view with the page's ``doc`` param).
    st.session_state["_doc_chosen"] = st.session_state.get(DOC_KEY)


def _chosen_doc(data: AppData) -> str | None:
    ids = [doc.doc_id for doc in data.documents]
    chosen = st.session_state.pop("_doc_chosen", None) or page_param(DOC_PARAM)
    if chosen not in ids:
        chosen = ids[0] if ids else None
    return chosen


def _article(doc: DocumentInfo, view: FilterState, data: AppData) -> None:
    st.header(md(doc.name), anchor=False)
    facts = [f"**Outlet:** {md(doc.outlet or 'unknown')}", f"**Published:** {md(_published(doc))}"]
    st.markdown("  \n".join(facts))
    if doc.url:
        st.caption("Address: " + md(doc.url))
    if doc.error:
        st.error("This article could not be read: " + md(doc.error), icon=":material/error:")
    elif doc.published is None:
        st.warning(
            "This article has no publication date, so dates like “last year” or “on Monday” in it could "
            "not be placed; they are kept but not put on the timeline.",
            icon=":material/warning:",
        )
    for warning in doc.warnings:
        st.caption("Note: " + md(warning))
    marks = document_marks(doc.doc_id, data.events)
    parts = segments(doc.text, marks)
    numbered = [part for part in parts if part.marked]
    text_col, links_col = st.columns([3, 2], gap="large")
    with text_col:
        st.subheader("Text", anchor=False)
        if doc.text.strip():
            with st.container(border=True):
                st.markdown(render_markdown(parts, numbered=True, focus=view.selected))
        else:
            st.caption("No text was loaded for this article.")
    with links_col:
        st.subheader(f"Dates found ({len(numbered)})", anchor=False)
        if not numbered:
            st.caption("No date expression from this article is on the timeline.")
        for part in numbered:
            event = data.by_id.get(part.key or "")
            if event is None:
                continue
            selected = " ◀ :blue-badge[selected event]" if event.id == view.selected else ""
            st.markdown(f"**\\[{part.number}\\]** “{md(part.text)}” → {md(event.display_date)}{selected}")
            # A link's label and tooltip are Markdown too.
            st.page_link(
                ui.TIMELINE_PAGE,
                label=md(ui.shorten(event.title, 45)),
                help=md(event.title),
                icon=":material/location_on:",
                query_params=link_params(view, selected=event.id),
            )


def render() -> None:
    data = app_data()
    if ui.show_fatal(data):
        return
    view = ui.page_view(data)
    ui.page_style(view.large)
    st.title("Sources", anchor=False)
    ui.show_problems(data)
    ui.link_notices(view)
    if not data.documents:
        st.info("No article is loaded yet. Put article files in the sources folder and reload.")
        publish_view(view)
        return
    with st.expander(f"All articles ({len(data.documents)})", expanded=False):
        _overview(data)
        st.button(
            "Check the articles folder again",
            key="reload_articles",
            on_click=reload_data,
            icon=":material/refresh:",
            help="Reads new or changed article files; unchanged ones are not extracted again.",
        )
    chosen = _chosen_doc(data)
    ids = [doc.doc_id for doc in data.documents]
    st.session_state[DOC_KEY] = chosen
    st.selectbox(
        "Article",
        options=ids,
        format_func=lambda doc_id: _doc_label(data, doc_id),
        key=DOC_KEY,
        on_change=_on_doc_pick,
    )
    doc = data.document(chosen) if chosen else None
    if doc is not None:
        article_tools(doc, data)
        _article(doc, view, data)
    publish_view(view, {DOC_PARAM: chosen} if chosen else None)


def _doc_label(data: AppData, doc_id: str) -> str:
    doc = data.document(doc_id)
    if doc is None:
        return doc_id
    flag = " (no publication date)" if doc.published is None else f" ({doc.published.isoformat()})"
    return ui.shorten(doc.name, 70) + (f" — {doc.outlet}" if doc.outlet else "") + flag


if __name__ == "__main__":
    ui.guarded(render)
