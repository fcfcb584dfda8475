"""Lessons page: a teacher's ordered selections of events, each played in Present from its own link.

Everyone sees the collection's lessons and opens them in Present (``?lesson=<slug>&c=<collection>``).
An editor also creates a lesson (a title), gives it an optional date span, adds events to it as slides
(each with a note), edits the notes, moves slides up and down and removes them. Each change is written
by ``timeline.store.lessons_store`` in one transaction, from a widget callback that checks the sign-in
at that moment (``require_editor``): a reader's session, however it got there, changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from timeline.corrections import EditError
from timeline.store import StoreError
from timeline.store.lessons_store import (
    MAX_LESSON_TITLE,
    MAX_NOTE_CHARS,
    Lesson,
    add_slide,
    create_lesson,
    delete_lesson,
    lesson,
    lesson_events,
    lessons,
    move_slide,
    remove_slide,
    rename_lesson,
    set_slide_note,
    set_span,
)
from timeline.ui import components as ui
from timeline.ui import submit
from timeline.ui.collections import collection_params, current_collection, keep_in_url
from timeline.ui.lesson_play import LESSON_PARAM, span_text
from timeline.ui.signin import NotAnEditor, is_editor, require_editor
from timeline.ui.state import AppData, app_data, current_store

LOG = logging.getLogger(__name__)
md = ui.md

CHOSEN_KEY = "lesson_chosen"
NEW_TITLE_KEY = "lesson_new_title"
CREATE_KEY = "lesson_create"
DONE_KEY = "_lesson_done"
PROBLEM_KEY = "_lesson_problem"
EARLIEST, LATEST = date(1, 1, 1), date(2200, 12, 31)


def lesson_link(slug: str, collection: str) -> dict[str, str]:
    """The query parameters of a lesson's shareable link on Present."""
    return {LESSON_PARAM: slug, **collection_params(collection)}


def _write(change: Callable[[Any], Any], done: str) -> Any:
    """Run ``change(store)`` for a signed-in editor; the outcome is said on the next run."""
    st.session_state.pop(DONE_KEY, None)
    st.session_state.pop(PROBLEM_KEY, None)
    try:
        require_editor()
        result = change(current_store())
    except (NotAnEditor, EditError, StoreError) as error:
        st.session_state[PROBLEM_KEY] = str(error)
        return None
    except Exception as error:  # never a traceback: the log has it
        LOG.exception("A lesson change failed")
        st.session_state[PROBLEM_KEY] = f"The lesson could not be changed ({type(error).__name__})."
        return None
    st.session_state[DONE_KEY] = done
    return True if result is None else result


def _create() -> None:
    title = str(st.session_state.get(NEW_TITLE_KEY) or "")
    made = _write(lambda store: create_lesson(store, title), "Lesson created.")
    if isinstance(made, Lesson):
        st.session_state[CHOSEN_KEY] = made.slug
        st.session_state[NEW_TITLE_KEY] = ""


def _rename(slug: str) -> None:
    title = str(st.session_state.get(f"lesson_title_{slug}") or "")
    _write(lambda store: rename_lesson(store, slug, title), "Title saved.")


def _span(slug: str) -> None:
    start = st.session_state.get(f"lesson_from_{slug}")
    end = st.session_state.get(f"lesson_to_{slug}")
    start = start if isinstance(start, date) else None
    end = end if isinstance(end, date) else None
    _write(lambda store: set_span(store, slug, start, end), "Date span saved.")


def _delete(slug: str) -> None:
    if _write(lambda store: delete_lesson(store, slug), "Lesson deleted.") is not None:
        st.session_state.pop(CHOSEN_KEY, None)


def _add(slug: str, data: AppData) -> None:
    event = data.by_id.get(str(st.session_state.get(f"lesson_pick_{slug}") or ""))
    note = str(st.session_state.get(f"lesson_pick_note_{slug}") or "")
    if event is None:
        st.session_state[PROBLEM_KEY] = "Choose an event to add first."
        return
    if _write(lambda store: add_slide(store, slug, event, note), "Slide added.") is not None:
        st.session_state[f"lesson_pick_note_{slug}"] = ""


def _note(slug: str, position: int) -> None:
    note = str(st.session_state.get(f"lesson_note_{slug}_{position}") or "")
    _write(lambda store: set_slide_note(store, slug, position, note), f"Note of slide {position + 1} saved.")


def _move(slug: str, position: int, to: int) -> None:
    _write(lambda store: move_slide(store, slug, position, to), f"Slide {position + 1} moved.")
    _forget_notes(slug)


def _remove(slug: str, position: int) -> None:
    _write(lambda store: remove_slide(store, slug, position), f"Slide {position + 1} removed.")
    _forget_notes(slug)


def _forget_notes(slug: str) -> None:
    """The note fields follow their slides after a move: drop their remembered values."""
    for key in [key for key in st.session_state if str(key).startswith(f"lesson_note_{slug}_")]:
        del st.session_state[key]


def _outcome() -> None:
    done = st.session_state.pop(DONE_KEY, None)
    if done:
        st.success(md(str(done)), icon=":material/check_circle:")
    problem = st.session_state.pop(PROBLEM_KEY, None)
    if problem:
        st.error(md(str(problem)), icon=":material/error:")


def _event_label(data: AppData, event_id: str) -> str:
    event = data.by_id.get(event_id)
    return f"{event.display_date} · {ui.shorten(event.title, 90)}" if event else event_id


def _list(items: list[Lesson], collection: str) -> None:
    if not items:
        st.info("No lesson yet in this collection." + (" Create one below." if is_editor() else ""))
        return
    for item in items:
        with st.container(border=True, key=f"lesson_card_{item.slug}"):
            left, right = st.columns([3, 1], vertical_alignment="center")
            span = span_text(item)
            left.markdown(
                f"**{md(item.title)}** · {len(item.slides)} slide(s)" + (f" · {md(span)}" if span else "")
            )
            right.page_link(
                ui.PRESENT_PAGE,
                label="Present",
                icon=":material/slideshow:",
                query_params=lesson_link(item.slug, collection),
            )
            query = "&".join(f"{key}={value}" for key, value in lesson_link(item.slug, collection).items())
            left.caption("Link: " + md(f"/present?{query}"))


def _editor(item: Lesson, data: AppData) -> None:
    slug = item.slug
    st.subheader(md(item.title))
    title_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
    title_col.text_input("Title", value=item.title, key=f"lesson_title_{slug}", max_chars=MAX_LESSON_TITLE)
    submit.button("Save title", key=f"lesson_rename_{slug}", on_click=_rename, args=(slug,), where=button_col)
    start_col, end_col, span_col = st.columns([2, 2, 1], vertical_alignment="bottom")
    start_col.date_input("Span from (optional)", value=item.span_from, min_value=EARLIEST,
                         max_value=LATEST, format="YYYY-MM-DD", key=f"lesson_from_{slug}")  # fmt: skip
    end_col.date_input("Span to (optional)", value=item.span_to, min_value=EARLIEST,
                       max_value=LATEST, format="YYYY-MM-DD", key=f"lesson_to_{slug}")  # fmt: skip
    submit.button("Save span", key=f"lesson_span_{slug}", on_click=_span, args=(slug,), where=span_col)

    found = lesson_events(item, data.events)
    st.markdown(f"**Slides** ({len(found)})")
    for position, (slide, event) in enumerate(found):
        with st.container(border=True, key=f"lesson_slide_{slug}_{position}"):
            if event is None:
                st.warning(f"Slide {position + 1}: its event is no longer in the timeline.")
            else:
                st.markdown(f"{position + 1}. {md(event.display_date)} · **{md(event.title)}**")
            st.text_area("Note", value=slide.note, key=f"lesson_note_{slug}_{position}",
                         max_chars=MAX_NOTE_CHARS, height=68)  # fmt: skip
            note, up, down, remove = st.columns(4)
            submit.button("Save note", key=f"lesson_save_note_{slug}_{position}", on_click=_note,
                          args=(slug, position), where=note)  # fmt: skip
            submit.button("Up", key=f"lesson_up_{slug}_{position}", on_click=_move,
                          args=(slug, position, position - 1), disabled=position == 0,
                          icon=":material/arrow_upward:", where=up)  # fmt: skip
            submit.button("Down", key=f"lesson_down_{slug}_{position}", on_click=_move,
                          args=(slug, position, position + 1), disabled=position == len(found) - 1,
                          icon=":material/arrow_downward:", where=down)  # fmt: skip
            submit.button("Remove", key=f"lesson_remove_{slug}_{position}", on_click=_remove,
                          args=(slug, position), icon=":material/delete:", where=remove)  # fmt: skip

    dated = sorted(
        (event for event in data.events if event.start is not None),
        key=lambda event: (event.start, event.title),
    )
    with st.container(border=True, key=f"lesson_add_{slug}"):
        st.selectbox(
            "Add an event",
            options=[event.id for event in dated],
            format_func=lambda event_id: _event_label(data, event_id),
            index=None,
            placeholder="Choose an event (type to search)",
            key=f"lesson_pick_{slug}",
        )
        st.text_area(
            "Its note (optional)", key=f"lesson_pick_note_{slug}", max_chars=MAX_NOTE_CHARS, height=68
        )
        submit.button("Add slide", key=f"lesson_add_slide_{slug}", on_click=_add, args=(slug, data),
                      type="primary", icon=":material/add:")  # fmt: skip
    submit.button("Delete this lesson", key=f"lesson_delete_{slug}", on_click=_delete, args=(slug,),
                  icon=":material/delete_forever:")  # fmt: skip


def render() -> None:
    st.title("Lessons")
    data = app_data()
    if ui.show_fatal(data):
        return
    collection = current_collection()
    keep_in_url()
    st.caption(md(f"In the collection “{collection.name}”. A lesson plays in Present from its own link."))
    _outcome()
    items = lessons(current_store())
    _list(items, collection.slug)
    if not is_editor():
        st.caption("Creating and changing lessons needs an editor's sign-in (under Editor sign-in).")
        return
    st.divider()
    with st.container(key="lesson_new"):
        title_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
        title_col.text_input("New lesson's title", key=NEW_TITLE_KEY, max_chars=MAX_LESSON_TITLE)
        submit.button(
            "Create lesson", key=CREATE_KEY, on_click=_create, icon=":material/add:", where=button_col
        )
    if not items:
        return
    slugs = [item.slug for item in items]
    if st.session_state.get(CHOSEN_KEY) not in slugs:
        st.session_state[CHOSEN_KEY] = slugs[-1]
    titles = {item.slug: item.title for item in items}
    st.selectbox("Lesson to edit", options=slugs, format_func=lambda slug: titles[slug], key=CHOSEN_KEY)
    chosen = lesson(current_store(), str(st.session_state[CHOSEN_KEY]))
    if chosen is not None:
        _editor(chosen, data)


if __name__ == "__main__":
    ui.guarded(render)
