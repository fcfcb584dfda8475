"""Hide, merge and split, for editors: hide the selected event or its whole article (and show them
again), merge another event into it, split one of its reports off as an event of its own.

Part of the correction panel (``edit_panel``); every save goes through ``edit_writes`` (the sign-in
checked when writing, the conflict check on the event and field).
"""

from __future__ import annotations

import streamlit as st

from timeline.corrections import Anchor, Edit, anchor_of, mention_anchor
from timeline.corrections.apply import HIDDEN_TAG
from timeline.model import Event
from timeline.ui import edit_writes, submit
from timeline.ui.components import md, shorten
from timeline.ui.edit_writes import article_seen, event_edit, seen_of
from timeline.ui.state import AppData


def _save_hidden(event: Event, seen: int | None, hide: bool) -> None:
    edit_writes.save(
        [(event_edit(event, "hidden", hide, not hide), seen)], "event hidden" if hide else "event shown again"
    )


def save_article_hidden(doc_id: str, seen: int | None, hide: bool, where: str = edit_writes.PANEL) -> None:
    """Hide (or show again) every event of one article: a ``hide_article`` edit on it."""
    edit = Edit(field="hide_article", new=hide, old=not hide, anchor=Anchor(doc_id, "", ""))
    edit_writes.save([(edit, seen)], "article hidden" if hide else "article shown again", where)


def _save_merge(event: Event, seen: int | None, key: str, data: AppData) -> None:
    other = data.by_id.get(str(st.session_state.get(key) or ""))
    if other is None or other.id == event.id:
        edit_writes.problem("Choose the event to merge into this one.")
        return
    anchor = anchor_of(other)
    new = {"event_id": other.id, "anchor": anchor.to_json() if anchor else None}
    edit_writes.save([(event_edit(event, "merge", new, None), seen)], "events merged")


def _save_split(event: Event, seen: int | None, key: str) -> None:
    index = st.session_state.get(key)
    if not isinstance(index, int) or not 0 <= index < len(event.mentions):
        edit_writes.problem("Choose the report to split off.")
        return
    new = {"anchor": mention_anchor(event.mentions[index]).to_json()}
    edit_writes.save([(event_edit(event, "split", new, None), seen)], "report split off")


def _mention_label(event: Event, index: int, data: AppData) -> str:
    mention = event.mentions[index]
    source = next((s for s in event.sources if s.doc == mention.doc), None)
    outlet = (source.outlet if source else None) or data.doc_names.get(mention.doc, mention.doc)
    return f"{shorten(outlet, 30)} · {shorten(mention.sentence.strip(), 70)}"


def structure_forms(event: Event, suffix: str, data: AppData) -> None:
    hidden = HIDDEN_TAG in event.tags
    seen = seen_of(event, "hidden", "merge", "split")
    with st.container(key="edit_hide"):
        if hidden:
            st.caption("Hidden: readers do not see this event.")
        submit.button(
            "Show it to readers again" if hidden else "Hide this event from readers",
            key="edit_hide_event",
            on_click=_save_hidden,
            args=(event, seen["hidden"], not hidden),
            icon=":material/visibility:" if hidden else ":material/visibility_off:",
        )
        for number, source in enumerate(event.sources):
            if source.doc not in data.doc_names:
                continue
            article_hidden = source.doc in data.hidden_articles
            submit.button(
                ("Show again the whole article: " if article_hidden else "Hide the whole article: ")
                + md(shorten(data.doc_names[source.doc], 50)),
                key=f"edit_hide_article_{number}",
                on_click=save_article_hidden,
                args=(source.doc, article_seen(source.doc), not article_hidden),
            )
    others = [other.id for other in data.events if other.id != event.id]
    with st.container(key="edit_merge"), st.form("edit_merge_form", border=False):
        merge_key = f"edit_merge:{suffix}"
        st.selectbox(
            "Merge with another event (its reports join this one; it leaves the timeline)",
            options=others,
            index=None,
            format_func=lambda event_id: _event_label(data, event_id),
            key=merge_key,
            placeholder="Type to find the other event…",
        )
        submit.form_submit(
            "Merge", key="edit_merge_save", on_click=_save_merge, args=(event, seen["merge"], merge_key, data)
        )
    if len(event.mentions) > 1:
        with st.container(key="edit_split"), st.form("edit_split_form", border=False):
            split_key = f"edit_split:{suffix}"
            st.selectbox(
                "Split off a report (it becomes an event of its own)",
                options=list(range(len(event.mentions))),
                index=None,
                format_func=lambda index: _mention_label(event, index, data),
                key=split_key,
                placeholder="Choose the report…",
            )
            submit.form_submit(
                "Split", key="edit_split_save", on_click=_save_split, args=(event, seen["split"], split_key)
            )


def _event_label(data: AppData, event_id: str) -> str:
    event = data.by_id.get(event_id)
    return f"{event.display_date} · {shorten(event.title, 80)}" if event else event_id
