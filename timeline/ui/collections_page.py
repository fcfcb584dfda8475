"""Collection page: the teacher's timelines, a new one, and the current one's backup and restore.

Everyone sees the collections and opens any of them. An editor also creates a collection, downloads
the current one as one file (a zip of its own articles, corrections and lessons:
``timeline.workspace.backup``), restores a backup into this collection or into a new one (a file that
is not a timeline backup is refused whole, with the reason, and nothing is written), and restores the
corrections of a store that was set aside because it could not be opened
(``timeline.workspace.recover``). Every write calls ``require_editor`` at that moment.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path, PurePath

import streamlit as st

from timeline.store import StoreError
from timeline.ui import components as ui
from timeline.ui import submit
from timeline.ui.collections import (
    COLLECTION_PARAM,
    SESSION_KEY,
    collection_params,
    current_collection,
    forget_set_aside,
    keep_in_url,
    set_aside_file,
    set_aside_files,
)
from timeline.ui.signin import NotAnEditor, is_editor, require_editor
from timeline.ui.state import app_data, current_store, reload_data
from timeline.workspace import Collection, WorkspaceError, create_collection, list_collections
from timeline.workspace.backup import backup_collection, restore_backup
from timeline.workspace.recover import recover_edits, restore_recovered

LOG = logging.getLogger(__name__)
md = ui.md

NEW_NAME_KEY = "collection_new_name"
CREATE_KEY = "collection_create"
RESTORE_ROUND_KEY = "_restore_round"
RESTORE_INTO_KEY = "restore_into"
RESTORE_KEY = "restore_run"
DOWNLOAD_KEY = "backup_download"
DONE_KEY = "_collection_done"
PROBLEM_KEY = "_collection_problem"
MAX_BACKUP_MB = 100
INTO = {
    "this": "Into this collection (what it already has is kept, nothing doubled)",
    "new": "Into a new collection",
}


def restore_uploader_key() -> str:
    return f"restore_file_{int(st.session_state.get(RESTORE_ROUND_KEY, 0))}"


def _switch_to(collection: Collection) -> None:
    st.session_state[SESSION_KEY] = collection.slug
    st.query_params.from_dict(collection_params(collection.slug))
    from timeline.ui.state import set_view
    from timeline.view.filters import FilterState

    set_view(FilterState())


def _said(done: str | None = None, problem: str | None = None) -> None:
    st.session_state[DONE_KEY] = done
    st.session_state[PROBLEM_KEY] = problem


def _create() -> None:
    name = str(st.session_state.get(NEW_NAME_KEY) or "")
    try:
        require_editor()
        made = create_collection(name)
    except (NotAnEditor, WorkspaceError, OSError) as error:
        _said(problem=str(error))
        return
    st.session_state[NEW_NAME_KEY] = ""
    _switch_to(made)
    _said(done=f"Collection “{made.name}” created; it is the current one. Add its articles on Add articles.")


def _restore() -> None:
    uploaded = st.session_state.get(restore_uploader_key())
    into_this = st.session_state.get(RESTORE_INTO_KEY, "this") == "this"
    try:
        require_editor()
    except NotAnEditor as error:
        _said(problem=str(error))
        return
    if uploaded is None:
        _said(problem="Choose a backup file (.zip) first.")
        return
    collection = current_collection()
    name = PurePath(str(uploaded.name)).name or "backup.zip"
    try:
        with tempfile.TemporaryDirectory(prefix="timeline-restore-") as folder:
            path = Path(folder) / name
            path.write_bytes(uploaded.getvalue())
            report = restore_backup(path, into=collection.slug if into_this else None)
    except (WorkspaceError, StoreError, OSError) as error:
        _said(problem=str(error))
        return
    except Exception as error:  # never a traceback: the log has it
        LOG.exception("Restoring %s failed", name)
        _said(problem=f"{name} could not be restored ({type(error).__name__}). Nothing else was changed.")
        return
    st.session_state[RESTORE_ROUND_KEY] = int(st.session_state.get(RESTORE_ROUND_KEY, 0)) + 1
    if into_this:
        forget_set_aside(collection)  # its corrections are back (the backup's, by uuid)
    else:
        _switch_to(report.collection)
    reload_data()
    _said(done=report.summary())


def _recover(path: str) -> None:
    try:
        require_editor()
        recovered = recover_edits(Path(path))
        imported = restore_recovered(current_store(), recovered)
    except (NotAnEditor, StoreError, OSError) as error:
        _said(problem=str(error))
        return
    collection = current_collection()
    forget_set_aside(collection)
    reload_data()
    text = f"Restored {imported.added} correction(s) from {Path(path).name}"
    if imported.already_there:
        text += f" ({imported.already_there} were already there)"
    text += "."
    if recovered.problems:
        text += f" {len(recovered.problems)} could not be read: " + "; ".join(recovered.problems[:5])
    _said(done=text)


def _outcome() -> None:
    done = st.session_state.pop(DONE_KEY, None)
    if done:
        st.success(md(str(done)), icon=":material/check_circle:")
    problem = st.session_state.pop(PROBLEM_KEY, None)
    if problem:
        st.error(md(str(problem)), icon=":material/error:")


def _collections(current: Collection) -> None:
    st.subheader("Collections")
    for collection in list_collections():
        mark = " (shown now)" if collection.slug == current.slug else ""
        st.page_link(
            ui.TIMELINE_PAGE,
            label=md(collection.name) + mark,
            icon=":material/timeline:",
            query_params={COLLECTION_PARAM: collection.slug},
        )
        if collection.problem:
            st.caption(md(collection.problem))


def _backup(collection: Collection) -> None:
    st.subheader("Backup")
    st.caption(
        "One file with this collection's own articles, every correction (with its history) and its lessons. "
        "The seed articles come with the app and are not copied."
    )
    try:
        with tempfile.TemporaryDirectory(prefix="timeline-backup-") as folder:
            path = Path(folder) / f"{collection.slug}.zip"
            report = backup_collection(collection, path, store=current_store())
            data = path.read_bytes()
    except (WorkspaceError, StoreError, OSError) as error:
        st.error(md(f"The backup could not be made: {error}"))
        return
    st.download_button(
        f"Download the backup ({report.articles} article(s), {report.edits} correction(s), "
        f"{report.lessons} lesson(s))",
        data=data,
        file_name=f"timeline-{collection.slug}.zip",
        mime="application/zip",
        key=DOWNLOAD_KEY,
        icon=":material/download:",
    )
    if report.problems:
        st.warning(f"{len(report.problems)} stored correction(s) could not be read and are not in the file.")


def _restore_form() -> None:
    st.subheader("Restore")
    st.file_uploader(
        f"A backup file (.zip, up to {MAX_BACKUP_MB} MB)",
        key=restore_uploader_key(),
        max_upload_size=MAX_BACKUP_MB,
    )
    st.radio("Restore", options=list(INTO), format_func=INTO.__getitem__, key=RESTORE_INTO_KEY)
    submit.button("Restore the backup", key=RESTORE_KEY, on_click=_restore, icon=":material/restore:")


def _set_aside(collection: Collection) -> None:
    files = set_aside_files(collection)
    reported = set_aside_file(collection)
    if not files:
        return
    st.subheader("Set-aside stores")
    st.caption(
        "A store that could not be opened was moved aside (never deleted) and a new one started. "
        "Restore its corrections from it here, or from a backup above; nothing is ever doubled."
    )
    for path in files:
        note = " (set aside when the app started)" if reported and Path(reported).name == path.name else ""
        with st.container(border=True, key=f"set_aside_{path.name}"):
            st.markdown(md(path.name + note))
            submit.button("Restore its corrections", key=f"recover_{path.name}", on_click=_recover,
                          args=(str(path),), icon=":material/settings_backup_restore:")  # fmt: skip


def render() -> None:
    st.title("Collection")
    collection = current_collection()
    keep_in_url()
    data = app_data()
    if not ui.show_fatal(data):
        st.markdown(
            f"**{md(collection.name)}**: {len(data.documents)} article(s), {len(data.events)} event(s) shown."
        )
    _outcome()
    _collections(collection)
    if not is_editor():
        st.caption(
            "Creating a collection, backups and restores need an editor's sign-in (under Editor sign-in)."
        )
        return
    with st.container(key="collection_new"):
        name_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
        name_col.text_input("New collection's name", key=NEW_NAME_KEY, max_chars=80,
                            placeholder="Iran–Iraq War 1980–88")  # fmt: skip
        submit.button(
            "Create", key=CREATE_KEY, on_click=_create, icon=":material/create_new_folder:", where=button_col
        )
    st.divider()
    _backup(collection)
    _restore_form()
    _set_aside(collection)


if __name__ == "__main__":
    ui.guarded(render)
