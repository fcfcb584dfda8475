"""The edits' side of the pages, for editors: an event's history with an Undo per change, the edits that
no longer attach to any event (to place on one or drop), and the whole edit log.

Undo, place and drop are new rows (``timeline.store.edits_store``): nothing is ever overwritten, so the
history keeps every step, undone ones marked.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.corrections import Edit, anchor_of
from timeline.model import Event
from timeline.store.edits_store import drop_orphan, edits, history, place_orphan, undo
from timeline.ui import edit_writes, submit
from timeline.ui.components import md, shorten
from timeline.ui.signin import is_editor
from timeline.ui.state import AppData, current_store

ORPHANS = "orphans"


def _when(edit: Edit) -> str:
    return edit.created_at.replace("T", " ")[:19] if edit.created_at else "—"


def _undo(edit_id: int) -> None:
    edit_writes.write(lambda name: undo(current_store(), edit_id, name), f"Undone: change #{edit_id}")


def event_history(event: Event) -> None:
    """Every change made to ``event``, oldest first: who, when, old → new, and an Undo for each in force."""
    entries = history(current_store(), event.id, anchor_of(event))
    with st.container(key="edit_history"):
        if not entries:
            st.caption("No change was made to this event by hand: it is as extracted.")
            return
        for entry in entries:
            edit = entry.edit
            who = md(edit.author or "someone")
            line = f"**#{edit.id}** · {md(_when(edit))} · {who} · {md(edit.describe())}"
            if edit.note:
                line += f" · _{md(shorten(edit.note, 80))}_"
            if entry.undone_by is not None:
                line += f" · :gray-badge[undone by #{entry.undone_by}]"
            text, action = st.columns([5, 1], vertical_alignment="center")
            text.markdown(line)
            if entry.active:
                submit.button(
                    "Undo", key=f"undo_{edit.id}", on_click=_undo, args=(int(edit.id or 0),), where=action
                )


def _place(edit_id: int, key: str, data: AppData) -> None:
    target = data.by_id.get(str(st.session_state.get(key) or ""))
    if target is None:
        edit_writes.problem("Choose the event to place this change on.", ORPHANS)
        return
    edit_writes.write(
        lambda name: place_orphan(current_store(), edit_id, target, name),
        f"Placed: change #{edit_id} is now on “{shorten(target.title, 60)}”",
        ORPHANS,
    )


def _drop(edit_id: int) -> None:
    edit_writes.write(
        lambda name: drop_orphan(current_store(), edit_id, name), f"Dropped: change #{edit_id}", ORPHANS
    )


def _orphan_words(edit: Edit) -> str:
    where = ""
    if edit.anchor is not None:
        where = f" (it was on a report in {edit.anchor.doc}" + (
            f", at “{edit.anchor.time_text}”)" if edit.anchor.time_text else ")"
        )
    return edit.describe() + where


def orphans_section(data: AppData) -> None:
    """Edits that no longer attach to any event (the article or the extractor changed), for editors."""
    if not is_editor():
        return
    if not data.orphans:
        edit_writes.show_outcome(ORPHANS)  # the last one was just placed or dropped
        return
    with st.container(border=True, key="edit_orphans"):
        st.subheader(f"Changes to place ({len(data.orphans)})", anchor=False)
        st.caption(
            "These changes were made on events that are no longer found (their article or the extractor "
            "changed). Place each on the event it belongs to, or drop it; nothing is lost either way."
        )
        edit_writes.show_outcome(ORPHANS)
        options = [event.id for event in data.events]
        for orphan in data.orphans:
            number = int(orphan.id or 0)
            st.markdown(
                f"**#{number}** · {md(_when(orphan))} · {md(orphan.author or 'someone')} · "
                + md(_orphan_words(orphan))
            )
            key = f"orphan_target_{number}"
            if orphan.field not in ("create", "hide_article"):
                pick, place = st.columns([4, 1], vertical_alignment="bottom")
                pick.selectbox(
                    "Place it on",
                    options=options,
                    index=None,
                    format_func=lambda event_id: _label(data, event_id),
                    key=key,
                    placeholder="Choose the event…",
                )
                submit.button(
                    "Place",
                    key=f"orphan_place_{number}",
                    on_click=_place,
                    args=(number, key, data),
                    where=place,
                )
            submit.button("Drop it", key=f"orphan_drop_{number}", on_click=_drop, args=(number,))


def _label(data: AppData, event_id: str) -> str:
    event = data.by_id.get(event_id)
    return f"{event.display_date} · {shorten(event.title, 80)}" if event else event_id


def edit_log_frame(all_edits: list[Edit]) -> pd.DataFrame:
    """Every edit, newest first: number, when, who, what (a plain-text table: cells are not Markdown)."""
    rows = sorted(all_edits, key=lambda edit: edit.id or 0, reverse=True)
    return pd.DataFrame(
        {
            "Change": [int(edit.id or 0) for edit in rows],
            "When": [_when(edit) for edit in rows],
            "Who": [edit.author for edit in rows],
            "What": [edit.describe() for edit in rows],
            "Event": [edit.event_id for edit in rows],
            "Article": [edit.anchor.doc if edit.anchor else "" for edit in rows],
            "Note": [edit.note for edit in rows],
        }
    )


def edit_log() -> None:
    """The edit log (editors): every change with who and when, and a CSV of it."""
    if not is_editor():
        return
    all_edits = edits(current_store())
    with st.expander(f"Edit log ({len(all_edits)} changes)", key="edit_log"):
        if not all_edits:
            st.caption("No change has been made by hand yet.")
            return
        frame = edit_log_frame(all_edits)
        st.dataframe(frame, hide_index=True, width="stretch")
        from timeline.events.export import defused

        safe = frame.astype(str).map(defused)
        st.download_button(
            "Edit log (CSV)",
            ("\ufeff" + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8"),
            file_name="timeline-edits.csv",
            mime="text/csv",
            key="dl_edits",
            icon=":material/history:",
        )
