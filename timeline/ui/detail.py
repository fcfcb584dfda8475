"""The detail of one event: title, date, the quoted sentence with its date highlighted, and its sources."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlparse

import streamlit as st

from timeline.corrections.apply import HIDDEN_TAG
from timeline.corrections.shown import edited_text
from timeline.model import Event, Mention, Source
from timeline.ui.components import SOURCES_PAGE, md
from timeline.ui.state import AppData, link_params
from timeline.view.filters import FilterState
from timeline.view.highlight import highlighted_sentence, quotation

PRECISION_NOTE = {
    "day": "exact day",
    "week": "known to the week",
    "month": "known to the month",
    "season": "known to the season",
    "quarter": "known to the quarter",
    "half": "known to the half-year",
    "year": "known only to the year",
    "decade": "known only to the decade",
    "century": "known only to the century",
}


def _published(day: date | None) -> str:
    return day.isoformat() if day else "no publication date"


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in {"http", "https"} and parsed.netloc else None


def _source_for(event: Event, mention: Mention) -> Source | None:
    return next((source for source in event.sources if source.doc == mention.doc), None)


def _citation(source: Source | None, doc_id: str, data: AppData) -> str:
    if source is None:
        return md(data.doc_names.get(doc_id, doc_id))
    outlet = source.outlet or "Unknown outlet"
    title = source.title or data.doc_names.get(doc_id, doc_id)
    return f"**{md(outlet)}**, {md(_published(source.published))} · _{md(title)}_"


def _quote(event: Event, index: int) -> None:
    sentence = highlighted_sentence(event, index).replace("\n", " ").strip()
    st.markdown(quotation(sentence) if sentence else "_No quoted sentence._")


def _source_links(event: Event, mention: Mention, view: FilterState, key: str, data: AppData) -> None:
    source = _source_for(event, mention)
    params = {**link_params(view, selected=event.id), "doc": mention.doc}
    st.page_link(SOURCES_PAGE, label="Read it in the article", icon=":material/article:", query_params=params)
    url = _safe_url(source.url if source else None)
    if url:
        st.link_button("Original page", url, icon=":material/open_in_new:", key=f"{key}_url")


def event_detail(
    event: Event, view: FilterState, data: AppData, *, hidden_by_filters: bool = False, wide: bool = False
) -> None:
    """Everything a reader needs to trust one event."""
    with st.container(border=True):
        main, side = st.columns([3, 2], gap="large") if wide else (st.container(), st.container())
    with main:
        st.markdown(("### " if wide else "#### ") + md(event.title))
        badges = [f"**{md(event.display_date)}**", md(PRECISION_NOTE.get(event.precision, event.precision))]
        if event.planned:
            badges.append(":violet-badge[planned]")
        if len(event.sources) > 1:
            badges.append(f":blue-badge[{len(event.sources)} sources]")
        edited = edited_text(event)
        if edited:
            badges.append(f":orange-badge[edited by hand: {md(edited)}]")
        if HIDDEN_TAG in event.tags:
            badges.append(":gray-badge[hidden from readers]")
        if event.actors:
            badges.append(md(", ".join(event.actors)))
        st.markdown(" · ".join(badges))
        if hidden_by_filters:
            st.caption("This event is hidden by the current filters.")
        mentions = event.mentions or ()
        if not mentions:
            if event.sentence:
                st.markdown(quotation(md(event.sentence)))
            st.markdown("— " + _citation(event.source if event.sources else None, "", data))
            return
        first = mentions[0]
        _quote(event, 0)
        st.markdown("— " + _citation(_source_for(event, first), first.doc, data))
        _source_links(event, first, view, "detail_0", data)
    with side:
        others = mentions[1:]
        if others:
            st.markdown(f"**Also reported ({len(others)})**")
        for index, mention in enumerate(others, start=1):
            _quote(event, index)
            st.markdown("— " + _citation(_source_for(event, mention), mention.doc, data))
            _source_links(event, mention, view, f"detail_{index}", data)
