"""Add articles page: a teacher's own articles into the current collection (editors only).

Three ways in: upload files (.txt, .md, .html, .pdf), paste a text, or give a web address. Each is read
into a ``Draft`` (``timeline.documents.intake``: limits checked on names and sizes before any file is
read, so an oversized file is refused without reading it); what cannot be read is named with the
reason and the rest goes on. Every draft then gets a short form prefilled from what was found (title,
outlet, address, publication date with where it came from, news or history text). "Add" writes the
articles (``timeline.workspace.add_article``, crash-safe) and the next data load extracts them under a
progress bar with counts (``timeline.ui.state.app_data``: the folder's fingerprint changed), so the
new events appear at once. An article without a publication date is added and flagged; its date can
be given later (below the forms), and its relative dates are anchored then.

Readers see a note that adding needs an editor's sign-in, and no control. Every write calls
``require_editor`` at the moment of writing, so a forged request (a poked session state) writes nothing.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import PurePath
from typing import Any, NamedTuple

import streamlit as st

from timeline.documents.decode import decode_bytes
from timeline.documents.errors import DocumentError
from timeline.documents.intake import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PASTE_CHARS,
    UPLOAD_SUFFIXES,
    Draft,
    check_batch,
    read_address,
    read_pasted,
    read_upload,
)
from timeline.store.folder_sync import OWN_PREFIX
from timeline.ui import components as ui
from timeline.ui import submit
from timeline.ui.collections import current_collection, keep_in_url
from timeline.ui.signin import NotAnEditor, is_editor, require_editor
from timeline.ui.state import app_data
from timeline.workspace import WorkspaceError, add_article
from timeline.workspace.articles import set_published

LOG = logging.getLogger(__name__)
md = ui.md

PENDING_KEY = "_add_pending"
"""Session key: the drafts read and waiting for their form (a list of ``Pending``)."""
PROBLEMS_KEY = "_add_problems"
WARNINGS_KEY = "_add_warnings"
RESULT_KEY = "_add_result"
CONFIRM_KEY = "_add_confirmed"
UPLOADER_ROUND_KEY = "_add_uploader_round"
PASTE_KEY = "add_paste"
URL_KEY = "add_url"
READ_FILES_KEY = "add_read_files"
READ_PASTE_KEY = "add_read_paste"
FETCH_KEY = "add_fetch"
ADD_KEY = "add_confirm"
MAX_UPLOAD_MB = MAX_FILE_BYTES // 2**20
MODES = {"news": "News report (dates relative to its publication)", "narrative": "History text"}
EARLIEST, LATEST = date(1000, 1, 1), date(2100, 12, 31)


class Pending(NamedTuple):
    """A draft waiting for its form. Kept in the session as a plain tuple: a page is a script run
    afresh each time, so a class of its own would not be the same class on the next run."""

    key: str
    draft: Draft


def uploader_key() -> str:
    """The file chooser's key: a new one after each read, which empties the chooser."""
    return f"add_files_{int(st.session_state.get(UPLOADER_ROUND_KEY, 0))}"


def _pending() -> list[Pending]:
    found = st.session_state.get(PENDING_KEY)
    if not isinstance(found, list):
        return []
    return [
        Pending(str(item[0]), item[1])
        for item in found
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Draft)
    ]


def _queue(drafts: list[Draft], problems: list[str], warnings: list[str] | None = None) -> None:
    pending = _pending()
    counter = int(st.session_state.get("_add_counter", 0))
    for draft in drafts:
        counter += 1
        pending.append(Pending(f"a{counter}", draft))
    st.session_state["_add_counter"] = counter
    st.session_state[PENDING_KEY] = pending
    st.session_state[PROBLEMS_KEY] = problems
    st.session_state[WARNINGS_KEY] = list(warnings or [])
    st.session_state.pop(RESULT_KEY, None)


def _read_files() -> None:
    if not is_editor():
        return
    files = st.session_state.get(uploader_key()) or []
    files = files if isinstance(files, list) else [files]
    drafts: list[Draft] = []
    problems: list[str] = []
    warnings: list[str] = []
    if not files:
        problems.append("Choose one or more files first.")
    if len(files) > MAX_FILES:  # the whole batch: say so and read none
        problems.append(f"{len(files)} files were chosen; at most {MAX_FILES} can be added at once.")
        files = []
    for file in files:
        checked = check_batch([(str(file.name), int(file.size))])
        if checked:  # refused on its name and size alone: the file is never read
            problems.append(checked[0])
            continue
        try:
            data = file.getvalue()
            drafts.append(read_upload(str(file.name), data))
            warnings.extend(_encoding_warnings(str(file.name), data))
        except DocumentError as error:
            problems.append(str(error))
        except Exception as error:  # a reader must never see a traceback; the log has it
            LOG.exception("Reading %s failed", file.name)
            problems.append(f"{file.name} could not be read ({type(error).__name__}).")
    st.session_state[UPLOADER_ROUND_KEY] = int(st.session_state.get(UPLOADER_ROUND_KEY, 0)) + 1
    _queue(drafts, problems, warnings)


def _encoding_warnings(name: str, data: bytes) -> list[str]:
    """What decoding a text or HTML file had to guess (a mis-encoded file is read, and said so)."""
    kind = UPLOAD_SUFFIXES.get(PurePath(name).suffix.lower())
    if kind not in ("text", "markdown", "html"):
        return []
    try:
        found = decode_bytes(data, name, html=kind == "html").warnings
    except DocumentError:
        return []
    return [f"{name}: {warning}" for warning in found]


def _read_paste() -> None:
    if not is_editor():
        return
    text = st.session_state.get(PASTE_KEY)
    try:
        draft = read_pasted(str(text or ""))
    except DocumentError as error:
        _queue([], [str(error)])
        return
    st.session_state[PASTE_KEY] = ""
    _queue([draft], [])


def _fetch() -> None:
    if not is_editor():
        return
    url = str(st.session_state.get(URL_KEY) or "").strip()
    if not url:
        _queue([], ["Type a web address first (it starts with http:// or https://)."])
        return
    try:
        draft = read_address(url)
    except DocumentError as error:
        _queue([], [str(error)])
        return
    except Exception as error:
        LOG.exception("Fetching %s failed", url)
        _queue([], [f"{url} could not be read ({type(error).__name__})."])
        return
    st.session_state[URL_KEY] = ""
    _queue([draft], [])


def _drop(key: str) -> None:
    st.session_state[PENDING_KEY] = [item for item in _pending() if item.key != key]


def _confirm() -> None:
    st.session_state[CONFIRM_KEY] = True


def date_origin(draft: Draft) -> str:
    """Where the prefilled publication date came from, or what it means to have none."""
    if draft.published and draft.published_source:
        return f"Found in {draft.published_source}."
    if draft.published:
        return "Found in the article."
    return (
        "No publication date was found. The article can be added without one: it is flagged, and its "
        "relative dates (“on Sunday”, “last year”) stay unanchored until a date is given."
    )


def _form(item: Pending) -> None:
    draft = item.draft
    key = item.key
    with st.container(border=True, key=f"add_item_{key}"):
        st.markdown(f"**{md(draft.title or draft.name)}** · {len(draft.text):,} characters")
        left, right = st.columns(2)
        left.text_input("Title", value=draft.title or "", key=f"add_title_{key}", max_chars=300)
        right.text_input("Outlet", value=draft.outlet or "", key=f"add_outlet_{key}", max_chars=200)
        left.text_input("Address (URL)", value=draft.url or "", key=f"add_address_{key}", max_chars=2000)
        right.date_input(
            "Publication date",
            value=draft.published,
            min_value=EARLIEST,
            max_value=LATEST,
            format="YYYY-MM-DD",
            key=f"add_published_{key}",
        )
        right.caption(md(date_origin(draft)))
        left.radio(
            "Kind of text",
            options=list(MODES),
            format_func=MODES.__getitem__,
            index=list(MODES).index(draft.mode),
            key=f"add_mode_{key}",
            horizontal=True,
        )
        with st.expander("The text as read"):
            st.text(ui.shorten(draft.text, 1500))  # plain text: never Markdown nor HTML
        submit.button(
            "Leave out", key=f"add_drop_{key}", on_click=_drop, args=(key,), icon=":material/close:"
        )


def _values(item: Pending) -> dict[str, Any]:
    state = st.session_state
    key = item.key
    published = state.get(f"add_published_{key}", item.draft.published)
    mode = state.get(f"add_mode_{key}", item.draft.mode)
    return {
        "title": str(state.get(f"add_title_{key}", item.draft.title or "") or "").strip() or None,
        "outlet": str(state.get(f"add_outlet_{key}", item.draft.outlet or "") or "").strip() or None,
        "url": str(state.get(f"add_address_{key}", item.draft.url or "") or "").strip() or None,
        "published": published if isinstance(published, date) else None,
        "mode": mode if mode in MODES else item.draft.mode,
    }


def _add_confirmed() -> None:
    """Write the pending articles (an editor's only), then extract them under the progress bar."""
    st.session_state.pop(CONFIRM_KEY, None)
    pending = _pending()
    if not pending:
        return
    try:
        require_editor()
    except NotAnEditor as error:
        st.session_state[PROBLEMS_KEY] = [str(error)]
        return
    collection = current_collection()
    added: list[tuple[str, str, bool]] = []  # (doc id, name, has a date)
    problems: list[str] = []
    kept: list[Pending] = []
    for item in pending:
        values = _values(item)
        name = values["title"] or item.draft.title or item.draft.name
        try:
            result = add_article(collection, item.draft, **values)
        except (DocumentError, WorkspaceError) as error:
            problems.append(f"{name}: {error}")
            kept.append(item)
            continue
        if result.already_there:
            problems.append(f"{name} is already in {collection.name}; it was not added twice.")
        else:
            added.append((result.doc_id, name, bool(values["published"] or item.draft.published)))
    st.session_state[PENDING_KEY] = kept
    data = app_data()  # the folder changed: the new articles are extracted here, under a progress bar
    new_ids = {doc_id for doc_id, _name, _dated in added}
    counts = {doc_id: 0 for doc_id in new_ids}
    for event in data.events:
        for doc in {source.doc for source in event.sources} & new_ids:
            counts[doc] += 1
    lines = []
    for doc_id, name, dated in added:
        line = f"{name}: {counts[doc_id]} event(s)"
        if not dated:
            line += " · no publication date yet (give it below to anchor its relative dates)"
        lines.append(line)
    st.session_state[RESULT_KEY] = lines
    st.session_state[PROBLEMS_KEY] = problems
    st.session_state[WARNINGS_KEY] = []


def _show_outcome() -> None:
    lines = st.session_state.get(RESULT_KEY)
    if isinstance(lines, list) and lines:
        st.success(
            f"Added {len(lines)} article(s); their events are on the Timeline now.\n\n"
            + "\n".join(f"- {md(line)}" for line in lines),
            icon=":material/check_circle:",
        )
    warnings = st.session_state.get(WARNINGS_KEY)
    if isinstance(warnings, list) and warnings:
        st.warning("\n".join(f"- {md(str(warning))}" for warning in warnings), icon=":material/warning:")
    problems = st.session_state.get(PROBLEMS_KEY)
    if isinstance(problems, list) and problems:
        st.error("\n".join(f"- {md(str(problem))}" for problem in problems), icon=":material/error:")


def _undated_articles(collection_name: str) -> None:
    """The collection's own articles with no publication date, each with a field to give it."""
    data = app_data()
    undated = [doc for doc in data.documents if doc.doc_id.startswith(OWN_PREFIX) and not doc.published]
    if not undated:
        return
    st.subheader("Articles without a publication date")
    st.caption(
        f"In {md(collection_name)}. Their relative dates stay unanchored until a date is given; "
        "giving one extracts the article again."
    )
    for doc in undated:
        with st.container(border=True, key=f"undated_{doc.doc_id}"):
            left, right = st.columns([3, 2], vertical_alignment="bottom")
            left.markdown(md(doc.name))
            right.date_input(
                "Publication date",
                value=None,
                min_value=EARLIEST,
                max_value=LATEST,
                format="YYYY-MM-DD",
                key=f"undated_date_{doc.doc_id}",
            )
            if right.button("Set the date", key=f"undated_set_{doc.doc_id}"):
                _set_date(doc.doc_id, st.session_state.get(f"undated_date_{doc.doc_id}"))


def _set_date(doc_id: str, day: Any) -> None:
    if not isinstance(day, date):
        st.error("Choose the publication date first.")
        return
    try:
        require_editor()
        set_published(current_collection(), doc_id, day)
    except (NotAnEditor, WorkspaceError) as error:
        st.error(md(str(error)))
        return
    st.session_state[RESULT_KEY] = []
    st.session_state[PROBLEMS_KEY] = []
    st.rerun()  # the catalog changed: the next load extracts the article again with its date


def render() -> None:
    st.title("Add articles")
    collection = current_collection()
    keep_in_url()
    if not is_editor():
        st.info(
            "Adding articles needs an editor's sign-in (under **Editor sign-in** in the sidebar). "
            "Reading needs none.",
            icon=":material/lock:",
        )
        return
    if st.session_state.get(CONFIRM_KEY):
        _add_confirmed()
    st.caption(md(f"Into the collection “{collection.name}”."))
    _show_outcome()
    kinds = ", ".join(sorted(UPLOAD_SUFFIXES))
    upload, paste, address = st.tabs(["Upload files", "Paste a text", "Web address"])
    with upload:
        # No ``type=`` filter: Streamlit would refuse another type with a bare error; ``check_batch``
        # names the file and the types it takes instead.
        st.file_uploader(
            f"Article files ({kinds}; up to {MAX_UPLOAD_MB} MB each)",
            accept_multiple_files=True,
            key=uploader_key(),
            max_upload_size=MAX_UPLOAD_MB,
        )
        submit.button(
            "Read the files", key=READ_FILES_KEY, on_click=_read_files, icon=":material/upload_file:"
        )
    with paste:
        st.text_area("The article's text", key=PASTE_KEY, height=220, max_chars=MAX_PASTE_CHARS)
        submit.button(
            "Read the text", key=READ_PASTE_KEY, on_click=_read_paste, icon=":material/content_paste:"
        )
    with address:
        st.text_input("Web address", key=URL_KEY, placeholder="https://…")
        submit.button("Fetch the page", key=FETCH_KEY, on_click=_fetch, icon=":material/language:")
    pending = _pending()
    if pending:
        st.subheader(f"Check {len(pending)} article(s) before adding")
        for item in pending:
            _form(item)
        submit.button(
            f"Add {len(pending)} article(s) to {md(collection.name)}",
            key=ADD_KEY,
            on_click=_confirm,
            type="primary",
            icon=":material/add:",
        )
    _undated_articles(collection.name)


if __name__ == "__main__":
    ui.guarded(render)
