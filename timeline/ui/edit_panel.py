"""Corrections of the selected event, for editors only: title, date, actors, category, planned or past;
hide it or its whole article; merge it with another event; split a report off; its history.

Nothing here is drawn for a reader (``correction_panel`` returns at once), and every save re-checks the
sign-in when it writes (``edit_writes``). Each group is one ``st.form``; its widgets' keys carry the
newest edit id, so after any save the forms show the corrected values afresh. The ``seen`` of each field
(the newest edit on it when the form was drawn) travels as the submit callback's argument, kept on the
server: a save after someone else's is a conflict, shown with both values.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from timeline.corrections import Edit
from timeline.model import PRECISION_ORDER, Event
from timeline.ui import edit_writes, submit
from timeline.ui.components import EARLIEST, LATEST, PRECISION_LABELS
from timeline.ui.edit_structure import structure_forms
from timeline.ui.edit_writes import event_edit, seen_of
from timeline.ui.history import event_history
from timeline.ui.signin import is_editor
from timeline.ui.state import SHOW_HIDDEN_KEY, AppData

SHOW_HIDDEN_WIDGET = "show_hidden_toggle"
PANEL_KEY = "edit_panel"


# -- saving (form callbacks: the values are read from the session, the seen ids from the arguments) ----


def _save_title(event: Event, seen: dict[str, int | None], key: str) -> None:
    title = str(st.session_state.get(key) or "")
    if " ".join(title.split()) == event.title:
        edit_writes.problem("The title is unchanged.")
        return
    edit_writes.save([(event_edit(event, "title", title, event.title), seen["title"])], "title changed")


def _save_date(event: Event, seen: dict[str, int | None], keys: dict[str, str]) -> None:
    start, end = st.session_state.get(keys["start"]), st.session_state.get(keys["end"])
    precision = st.session_state.get(keys["precision"])
    edits: list[tuple[Edit, int | None]] = []
    if start != event.start:
        edits.append((event_edit(event, "start", _iso(start), _iso(event.start)), seen["start"]))
    if end != event.end and not (start != event.start and end == event.end):
        edits.append((event_edit(event, "end", _iso(end), _iso(event.end)), seen["end"]))
    if precision != event.precision:
        edits.append((event_edit(event, "precision", precision, event.precision), seen["precision"]))
    if not edits:
        edit_writes.problem("The date is unchanged.")
        return
    edit_writes.save(edits, "date changed")


def _iso(day: Any) -> str | None:
    return day.isoformat() if isinstance(day, date) else None


def _save_details(event: Event, seen: dict[str, int | None], keys: dict[str, str]) -> None:
    actors = [str(actor) for actor in st.session_state.get(keys["actors"]) or []]
    category = str(st.session_state.get(keys["category"]) or "")
    planned = st.session_state.get(keys["planned"]) == "planned"
    edits: list[tuple[Edit, int | None]] = []
    if actors != list(event.actors):
        edits.append((event_edit(event, "actors", actors, list(event.actors)), seen["actors"]))
    if " ".join(category.split()).lower() != event.category:
        edits.append((event_edit(event, "category", category, event.category), seen["category"]))
    if planned != event.planned:
        edits.append((event_edit(event, "planned", planned, event.planned), seen["planned"]))
    if not edits:
        edit_writes.problem("Nothing was changed.")
        return
    what = " and ".join(dict.fromkeys(_DETAIL_WORDS[edit.field] for edit, _seen in edits))
    edit_writes.save(edits, f"{what} changed")


_DETAIL_WORDS = {"actors": "actors", "category": "category", "planned": "planned or past"}


# -- drawing -----------------------------------------------------------------------------------------


def _title_form(event: Event, suffix: str) -> None:
    key = f"edit_title:{suffix}"
    seen = seen_of(event, "title")
    with st.container(key="edit_title"), st.form("edit_title_form", border=False):
        st.text_input("Title", value=event.title, key=key, max_chars=200)
        submit.form_submit(
            "Save the title",
            key="edit_title_save",
            on_click=_save_title,
            args=(event, seen, key),
            type="primary",
        )


def _date_form(event: Event, suffix: str) -> None:
    keys = {name: f"edit_{name}:{suffix}" for name in ("start", "end", "precision")}
    seen = seen_of(event, "start", "end", "precision")
    with st.container(key="edit_date"), st.form("edit_date_form", border=False):
        left, right = st.columns(2)
        left.date_input(
            "From",
            value=event.start,
            min_value=EARLIEST,
            max_value=LATEST,
            key=keys["start"],
            format="YYYY-MM-DD",
        )
        right.date_input(
            "To", value=event.end, min_value=EARLIEST, max_value=LATEST, key=keys["end"], format="YYYY-MM-DD"
        )
        st.selectbox(
            "Known to the",
            options=list(PRECISION_ORDER),
            index=PRECISION_ORDER.index(event.precision),
            format_func=lambda p: PRECISION_LABELS.get(p, p),
            key=keys["precision"],
        )
        st.caption("A new start moves the end with it (the length kept); the shown date follows.")
        submit.form_submit(
            "Save the date",
            key="edit_date_save",
            on_click=_save_date,
            args=(event, seen, keys),
            type="primary",
        )


def _details_form(event: Event, suffix: str, data: AppData) -> None:
    keys = {name: f"edit_{name}:{suffix}" for name in ("actors", "category", "planned")}
    seen = seen_of(event, "actors", "category", "planned")
    actors = list(dict.fromkeys([*data.actors, *event.actors]))
    categories = list(dict.fromkeys([*data.categories, event.category]))
    with st.container(key="edit_details"), st.form("edit_details_form", border=False):
        st.multiselect(
            "Actors",
            options=actors,
            default=list(event.actors),
            key=keys["actors"],
            accept_new_options=True,
            placeholder="Choose or type a new actor",
        )
        st.selectbox(
            "Category",
            options=categories,
            index=categories.index(event.category),
            key=keys["category"],
            accept_new_options=True,
        )
        st.radio(
            "Planned or past",
            options=["past", "planned"],
            index=1 if event.planned else 0,
            format_func=lambda v: {"past": "Happened (or happening)", "planned": "Planned for later"}[v],
            key=keys["planned"],
            horizontal=True,
        )
        submit.form_submit(
            "Save actors and category",
            key="edit_details_save",
            on_click=_save_details,
            args=(event, seen, keys),
            type="primary",
        )


def correction_panel(event: Event, data: AppData) -> None:
    """The corrections of ``event`` (editors only; nothing at all for a reader)."""
    if not is_editor():
        return
    suffix = f"{event.id}:{data.last_edit}"
    with st.container(border=True, key=PANEL_KEY):
        st.markdown("**Correct this event**")
        edit_writes.show_outcome(event_id=event.id)
        title, when, details, structure, history = st.tabs(
            ["Title", "Date", "Actors", "Hide, merge", "History"]
        )
        with title:
            _title_form(event, suffix)
        with when:
            _date_form(event, suffix)
        with details:
            _details_form(event, suffix, data)
        with structure:
            structure_forms(event, suffix, data)
        with history:
            event_history(event)


def _on_show_hidden() -> None:
    st.session_state[SHOW_HIDDEN_KEY] = bool(st.session_state.get(SHOW_HIDDEN_WIDGET))


def hidden_toggle(data: AppData) -> None:
    """The editors' "Show hidden events" switch in the sidebar (kept across pages)."""
    if not is_editor():
        return
    st.session_state[SHOW_HIDDEN_WIDGET] = bool(st.session_state.get(SHOW_HIDDEN_KEY))
    with st.sidebar:
        st.toggle(
            "Show hidden events",
            key=SHOW_HIDDEN_WIDGET,
            on_change=_on_show_hidden,
            help=f"{data.hidden} event(s) are hidden from readers; editors can show them to correct them.",
        )
