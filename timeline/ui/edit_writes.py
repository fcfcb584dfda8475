"""Every write an editor makes from the pages goes through here: the sign-in checked at the moment of
writing, the store's answer turned into what the editor sees.

A confirmation ("Saved: title changed") is left only after the store returned ``Saved`` (the row is
committed); a refused value shows its reason; a ``Conflict`` (someone saved that event's field after the
form was drawn) is kept in the session and drawn by ``show_outcome`` with both values and a choice: keep
theirs, or save yours over it (a new edit that has seen theirs). A reader's session, however it got
here (a poked session state, a forged request), writes nothing: ``require_editor`` refuses it first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from timeline.corrections import Anchor, Edit, EditError
from timeline.corrections.edits import FIELD_LABELS, clean_value
from timeline.model import Event
from timeline.store import StoreError
from timeline.store.edits_store import Conflict, Saved, edit_for, latest_seen, latest_touching, save_edit
from timeline.ui import submit
from timeline.ui.components import md
from timeline.ui.signin import NotAnEditor, require_editor
from timeline.ui.state import current_store

LOG = logging.getLogger(__name__)

DONE_KEY = "_edit_done"
PROBLEM_KEY = "_edit_problem"
CONFLICT_KEY = "_edit_conflict"
LATER_CONFLICTS_KEY = "_edit_conflicts_later"
KEEP_THEIRS_KEY = "conflict_keep_theirs"
SAVE_MINE_KEY = "conflict_save_mine"


@dataclass(frozen=True)
class PendingConflict:
    conflict: Conflict
    what: str
    """What the editor changed, in words ("title"), for the confirmation after "save mine"."""


PANEL = "panel"
"""Where an outcome is shown: the place whose form made the write ("panel", "add", "cite", "orphans")."""


def _done(text: str, where: str = PANEL) -> None:
    done = st.session_state.get(DONE_KEY)
    lines = list(done) if isinstance(done, list) else []
    lines.append((where, text))
    st.session_state[DONE_KEY] = lines


def problem(text: str, where: str = PANEL) -> None:
    st.session_state[PROBLEM_KEY] = (where, text)


def clear_outcome() -> None:
    for key in (DONE_KEY, PROBLEM_KEY):
        st.session_state.pop(key, None)


def author(where: str = PANEL) -> str | None:
    """The editor's name now, or None (with the refusal left as the outcome) for a reader."""
    try:
        return require_editor()
    except NotAnEditor as refusal:
        problem(str(refusal), where)
        return None


def write(action: Callable[[str], Any], done: str, where: str = PANEL) -> Any:
    """Run ``action(author)`` (a store write) for a signed-in editor; the outcome is left to show."""
    name = author(where)
    if name is None:
        return None
    try:
        result = action(name)
    except EditError as error:
        problem(str(error), where)
        return None
    except StoreError as error:
        LOG.exception("An edit could not be saved")
        problem(f"The change could not be saved ({error}); nothing was changed.", where)
        return None
    _done(done, where)
    return result


def save(edits: list[tuple[Edit, int | None]], what: str, where: str = PANEL) -> bool:
    """Save each (edit, seen) in order for a signed-in editor; True when all were saved.

    Every value is checked first: one refused value saves none of the form's fields (its reason is
    shown, the form keeps them). A conflict on one field holds none of the others back: they are saved
    (and confirmed), and each conflict is then shown in turn, to keep theirs or save yours over it.
    """
    name = author(where)
    if name is None:
        return False
    try:
        for edit, _seen in edits:
            clean_value(edit.field, edit.new)
    except EditError as error:
        problem(str(error), where)
        return False
    store = current_store()
    saved: list[str] = []
    conflicts: list[PendingConflict] = []
    try:
        for edit, seen in edits:
            result = save_edit(store, replace(edit, author=name), seen)
            if isinstance(result, Conflict):
                conflicts.append(PendingConflict(result, _label(edit.field)))
                continue
            saved.append(_label(result.edit.field))
    except EditError as error:
        problem(str(error), where)
    except StoreError as error:
        LOG.exception("An edit could not be saved")
        problem(f"The change could not be saved ({error}); nothing more was changed.", where)
    if conflicts:
        st.session_state[CONFLICT_KEY] = conflicts[0]
        st.session_state[LATER_CONFLICTS_KEY] = conflicts[1:]
    if saved:
        _done(f"Saved: {what}" + (f" ({', '.join(saved)})" if len(edits) > 1 else ""), where)
    return len(saved) == len(edits)


def _next_conflict() -> None:
    """The settled conflict gone; the next one of the same save (if any) shown."""
    later = st.session_state.pop(LATER_CONFLICTS_KEY, None) or []
    if later:
        st.session_state[CONFLICT_KEY] = later[0]
        st.session_state[LATER_CONFLICTS_KEY] = later[1:]
    else:
        st.session_state.pop(CONFLICT_KEY, None)


def event_edit(event: Event, field: str, new: Any, old: Any) -> Edit:
    """The edit of ``field`` on ``event`` (``edit_for``), the author left to ``save`` (the editor signed
    in at the moment of writing)."""
    return edit_for(event, field, new, author="", old=old)


def seen_of(event: Event, *fields: str) -> dict[str, int | None]:
    """The ``seen`` of each field: the newest edit on it now (what a form drawn now passes to the save)."""
    store = current_store()
    return {field: latest_seen(store, event, field) for field in fields}


def article_seen(doc_id: str) -> int | None:
    """The ``seen`` of hiding an article: the newest ``hide_article`` edit on it."""
    probe = Edit(field="hide_article", new=True, anchor=Anchor(doc_id, "", ""))
    with current_store().connection() as connection:
        latest = latest_touching(connection, probe)
    return latest.id if latest else None


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _keep_theirs() -> None:
    _next_conflict()
    _done("Kept their change; yours was not saved.")


def _save_mine() -> None:
    pending = st.session_state.get(CONFLICT_KEY)
    if not isinstance(pending, PendingConflict):
        return
    name = author()
    if name is None:
        return
    theirs, yours = pending.conflict.theirs, pending.conflict.yours
    try:
        result = save_edit(current_store(), replace(yours, author=name, id=None, created_at=""), theirs.id)
    except (EditError, StoreError) as error:
        LOG.exception("An edit could not be saved over a conflict")
        problem(f"The change could not be saved ({error}).")
        return
    if isinstance(result, Saved):
        _next_conflict()
        _done(f"Saved: {pending.what} changed (over their change)")
    else:
        st.session_state[CONFLICT_KEY] = PendingConflict(result, pending.what)


def _their_words(theirs: Edit) -> str:
    if theirs.field == "undo":
        return f"undid change #{theirs.new}"
    return theirs.describe()


def show_outcome(where: str = PANEL, event_id: str | None = None) -> None:
    """The outcome of the last write made from ``where``: confirmations, a refusal, or (in the panel of
    the event ``event_id``) a conflict on that event to settle."""
    done = st.session_state.get(DONE_KEY) or []
    for _place, line in [item for item in done if item[0] == where]:
        st.success(md(str(line)), icon=":material/check_circle:")
    st.session_state[DONE_KEY] = [item for item in done if item[0] != where]
    problem = st.session_state.get(PROBLEM_KEY)
    if isinstance(problem, tuple) and problem[0] == where:
        st.session_state.pop(PROBLEM_KEY, None)
        st.error(md(str(problem[1])), icon=":material/error:")
    pending = st.session_state.get(CONFLICT_KEY)
    if (
        where != PANEL
        or not isinstance(pending, PendingConflict)
        or pending.conflict.yours.event_id != event_id
    ):
        return
    theirs, yours = pending.conflict.theirs, pending.conflict.yours
    with st.container(border=True, key="edit_conflict"):
        st.warning(
            f"Someone else changed the {md(pending.what)} of this event while you were editing it; "
            "yours is not saved yet.",
            icon=":material/sync_problem:",
        )
        who = md(theirs.author or "someone")
        when = theirs.created_at.replace("T", " ")[:16]
        st.markdown(f"**Theirs** ({who}, {md(when)}): {md(_their_words(theirs))}")
        st.markdown(f"**Yours**: {md(_label(yours.field))} → {md(_value(yours.new))}")
        keep, mine = st.columns(2)
        submit.button("Keep theirs", key=KEEP_THEIRS_KEY, on_click=_keep_theirs, where=keep, width="stretch")
        submit.button("Save mine over theirs", key=SAVE_MINE_KEY, on_click=_save_mine, where=mine,
                      type="primary", width="stretch")  # fmt: skip


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "planned" if value else "past"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(value, dict):
        return "another event" if "event_id" in value else "a report"
    return "—" if value in (None, "") else str(value)
