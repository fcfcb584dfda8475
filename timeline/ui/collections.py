"""The current collection (one of the teacher's timelines), chosen in the sidebar and kept in the URL.

The collection is the query parameter ``c=<slug>`` (absent for the default collection, the seed
articles), so a link opens the same timeline; the session remembers it across page switches whose
links do not carry it. Every page shows the current collection's events: ``timeline.ui.state`` opens
the collection's store (``store_location``). An unknown slug in a link opens the default collection
and says so. Reading any collection needs no sign-in; creating one is for editors (``create``).

The sidebar also says when the collection's store could not be opened and was set aside (the store
reports the file it moved away), with the way to restore its edits (the Collection page).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import streamlit as st

from timeline.workspace import DEFAULT_SLUG, Collection, WorkspaceError, get_collection, list_collections

LOG = logging.getLogger(__name__)

COLLECTION_PARAM = "c"
SESSION_KEY = "_collection_slug"
"""Session key of the current collection's slug (what the URL said last, or the sidebar chose)."""
UNKNOWN_KEY = "_collection_unknown"
SELECT_KEY = "collection_select"
COLLECTION_PAGE = "timeline/ui/collections_page.py"

_SET_ASIDE: dict[str, str] = {}
"""Store path -> the set-aside file the store reported when it was opened in this process."""
_SET_ASIDE_GUARD = threading.Lock()


def _url_slug() -> str | None:
    values = st.query_params.get_all(COLLECTION_PARAM)
    return values[-1] if values else None


def current_collection() -> Collection:
    """The collection this run shows: the URL's, else the session's, else the default one."""
    wanted = _url_slug() or st.session_state.get(SESSION_KEY) or DEFAULT_SLUG
    try:
        collection = get_collection(str(wanted))
    except WorkspaceError:
        st.session_state[UNKNOWN_KEY] = str(wanted)
        collection = get_collection(DEFAULT_SLUG)
    st.session_state[SESSION_KEY] = collection.slug
    return collection


def collection_params(slug: str | None = None) -> dict[str, str]:
    """The query parameter naming the collection (none for the default one), for links and the URL."""
    chosen = slug if slug is not None else str(st.session_state.get(SESSION_KEY) or DEFAULT_SLUG)
    return {} if chosen == DEFAULT_SLUG else {COLLECTION_PARAM: chosen}


def keep_in_url() -> None:
    """Name the current collection in the address bar (pages that do not publish a view call this)."""
    wanted = collection_params().get(COLLECTION_PARAM)
    if wanted and _url_slug() != wanted:
        st.query_params[COLLECTION_PARAM] = wanted


def store_location() -> tuple[Path, Path | None, Path]:
    """(store file, read-only source folder or None, own articles folder) of the current collection."""
    collection = current_collection()
    return collection.store_path, collection.sources_dir, collection.articles_dir


def _choose() -> None:
    slug = st.session_state.get(SELECT_KEY)
    if not isinstance(slug, str):
        return
    st.session_state[SESSION_KEY] = slug
    if slug == DEFAULT_SLUG:
        st.query_params.pop(COLLECTION_PARAM, None)
    else:
        st.query_params[COLLECTION_PARAM] = slug
    # Another timeline: its own actors, articles and slides; start from its whole view.
    from timeline.ui.state import set_view
    from timeline.view.filters import FilterState

    set_view(FilterState())


def remember_set_aside(store_path: Path, set_aside: str | None) -> None:
    """Note the file a store was set aside to (called when the store reports it)."""
    if set_aside:
        with _SET_ASIDE_GUARD:
            _SET_ASIDE[str(store_path)] = set_aside


def set_aside_file(collection: Collection) -> str | None:
    """The set-aside file this process's store of ``collection`` reported, if any."""
    with _SET_ASIDE_GUARD:
        return _SET_ASIDE.get(str(collection.store_path))


def forget_set_aside(collection: Collection) -> None:
    with _SET_ASIDE_GUARD:
        _SET_ASIDE.pop(str(collection.store_path), None)


def set_aside_files(collection: Collection) -> list[Path]:
    """Every store file set aside beside the collection's store (``timeline.sqlite3.corrupt*``)."""
    folder = collection.store_path.parent
    if not folder.is_dir():
        return []
    prefix = collection.store_path.name + ".corrupt"
    return sorted(
        path
        for path in folder.iterdir()
        if path.name.startswith(prefix) and not path.name.endswith(("-wal", "-shm")) and path.is_file()
    )


def sidebar() -> None:
    """The collection selector (and any word about the collection) at the top of the sidebar."""
    from timeline.ui.components import md

    try:
        current = current_collection()
        known = list_collections()
    except (OSError, WorkspaceError) as error:
        LOG.exception("Could not list the collections")
        st.sidebar.warning(md(f"The collections could not be listed ({error})."))
        return
    names = {collection.slug: collection.name for collection in known}
    if current.slug not in names:
        names[current.slug] = current.name
    if st.session_state.get(SELECT_KEY) != current.slug:
        st.session_state[SELECT_KEY] = current.slug
    with st.sidebar:
        st.selectbox(
            "Collection",
            options=list(names),
            format_func=lambda slug: names.get(slug, slug),
            key=SELECT_KEY,
            on_change=_choose,
            help="Each collection is its own timeline: its articles, corrections and lessons.",
        )
        unknown = st.session_state.pop(UNKNOWN_KEY, None)
        if unknown:
            st.warning(
                md(f"There is no collection “{unknown}”; showing {current.name}."), icon=":material/warning:"
            )
        st.page_link(
            COLLECTION_PAGE,
            label="Collections, backup and restore",
            icon=":material/folder_open:",
            query_params=collection_params(current.slug),
        )
    _set_aside_notice(current)


def _set_aside_notice(collection: Collection) -> None:
    from timeline.ui.components import md
    from timeline.ui.signin import is_editor

    try:
        from timeline.ui.state import current_store

        current_store()  # opened now (cached), so a store set aside at start is said on the first page
    except Exception:  # the page itself says why the store cannot be opened
        LOG.debug("The store could not be opened yet", exc_info=True)
    found = set_aside_file(collection)
    if not found:
        return
    text = (
        f"The store of “{collection.name}” could not be opened, so it was set aside (kept as "
        f"{Path(found).name}) and a new one started from the articles. Corrections made before are not "
        "shown yet: "
    )
    if is_editor():
        text += "restore them from the set-aside file or from a backup on the Collection page."
    else:
        text += "an editor can restore them from the set-aside file or from a backup."
    st.warning(md(text), icon=":material/warning:")
    if is_editor():
        st.page_link(
            COLLECTION_PAGE,
            label="Restore the corrections",
            icon=":material/restore:",
            query_params=collection_params(collection.slug),
        )
