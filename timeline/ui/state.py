"""The app's data (loaded once per process) and the reader's view (URL <-> ``FilterState``).

Data: the store is opened once per server process (``st.cache_resource``). Every page load takes
the articles folder's fingerprint (names, sizes, times: no file is read) and, when it differs from
the one last synced, syncs the folder (only new and changed articles are extracted) under a progress
bar. The events, their frame, documents and colours are bundled in one read-only ``AppData`` cached
as a resource keyed on that fingerprint and on the edits (events generation, newest edit id), so an
unchanged folder costs one directory listing and two tiny queries, a saved edit shows on the next
run, and a rerun after a filter change reuses the bundle without copying 100k rows (``st.cache_data``
would pickle and copy the frame on every rerun). The events are the corrected ones (the teachers'
edits applied, ``timeline.store.edits_store.corrected_events``); events an editor hid are left out
for everyone but an editor who turned on "Show hidden events". Pages must treat it as read-only.

View: the whole view (filters, lanes, selection, large type, slide) is one ``FilterState`` kept in
the session and mirrored into ``st.query_params`` on every run, so the address bar is always a link
that reproduces the view. A URL that differs from the one the app last wrote (a pasted link, the
browser's back button) wins over the session; an empty URL after a page switch does not.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from timeline.model import Event
from timeline.ui.snapshot import Snapshot, forget_snapshots, load_snapshot, save_snapshot, snapshot_key
from timeline.view.filters import FilterState, apply_filters
from timeline.view.frame import NO_ACTOR, events_frame
from timeline.view.highlight import escape_markdown
from timeline.view.palette import actor_colors

LOG = logging.getLogger(__name__)

VIEW_KEY = "view"
"""Session key of the current ``FilterState``."""

WRITTEN_KEY = "_view_params_written"
"""Session key of the view params the app last wrote to the URL (to tell a pasted link from a page switch)."""

VIEW_PARAM_NAMES = frozenset(
    {"from", "to", "actors", "cats", "sources", "q", "prec", "planned", "lane", "sel", "large", "slide"}
    | {"key", "keyn"}  # the chart's key-events switch and count
)
"""Query parameters that belong to ``FilterState``; others (such as ``doc``) belong to one page."""


@dataclass(frozen=True)
class DocumentInfo:
    """What the pages need of an article (a view of the store's record, whatever its class)."""

    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: Any
    published_from: str | None
    text: str
    warnings: tuple[str, ...] = ()
    error: str | None = None
    path: str | None = None

    @property
    def name(self) -> str:
        """How a reader recognises the article: its title, else its file name."""
        if self.title:
            return self.title
        return Path(self.path).name if self.path else self.doc_id


@dataclass(frozen=True)
class AppData:
    """Everything the pages show, built once; read-only."""

    events: tuple[Event, ...]
    frame: pd.DataFrame
    by_id: Mapping[str, Event]
    documents: tuple[DocumentInfo, ...]
    colors: Mapping[str, str]
    actors: tuple[str, ...]
    categories: tuple[str, ...]
    problems: tuple[tuple[str, str], ...] = ()
    """(article name, message) for each article that failed to load or extract."""
    notices: tuple[str, ...] = ()
    """What the last sync wants the reader to know (a rebuilt database, a missing folder)."""
    fatal: str | None = None
    """Set when nothing could be loaded at all (the database can't be opened, say)."""
    doc_names: Mapping[str, str] = field(default_factory=dict)
    orphans: tuple[Any, ...] = ()
    """The edits in force that attach to no event (``timeline.corrections.Edit``), for editors to place."""
    hidden: int = 0
    """How many events editors hid (left out of ``events`` unless the bundle was built with them)."""
    hidden_articles: frozenset[str] = frozenset()
    """The articles an editor hid whole (their events carry the ``hidden`` tag)."""
    last_edit: int = 0
    """The newest edit's id when the bundle was built (0: none)."""
    version: tuple[Any, ...] = ()
    """What the bundle was built from (``_bundle``'s arguments): equal versions, equal data. Empty for a
    bundle built outside that cache."""

    def document(self, doc_id: str) -> DocumentInfo | None:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        return None


def _document_info(record: Any) -> DocumentInfo:
    return DocumentInfo(
        doc_id=str(record.doc_id),
        title=getattr(record, "title", None),
        outlet=getattr(record, "outlet", None),
        url=getattr(record, "url", None),
        published=getattr(record, "published", None),
        published_from=getattr(record, "published_from", None),
        text=getattr(record, "text", "") or "",
        warnings=tuple(getattr(record, "warnings", ()) or ()),
        error=getattr(record, "error", None),
        path=getattr(record, "path", None),
    )


def build_app_data(
    events: Sequence[Event],
    documents: Sequence[Any],
    problems: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    frame: pd.DataFrame | None = None,
) -> AppData:
    """Bundle events and documents for the pages (pure; also used by tests). ``frame``: the events'
    ``events_frame`` when it is already built (a snapshot's)."""
    frame = events_frame(events) if frame is None else frame
    actors = sorted({actor for event in events for actor in event.actors})
    categories = sorted({event.category for event in events})
    infos = tuple(_document_info(record) for record in documents)
    colors = actor_colors([*actors, NO_ACTOR])
    return AppData(
        events=tuple(events),
        frame=frame,
        by_id={event.id: event for event in events},
        documents=infos,
        colors=colors,
        actors=tuple(actors),
        categories=tuple(categories),
        problems=tuple(problems),
        notices=tuple(notices),
        doc_names={doc.doc_id: doc.name for doc in infos},
    )


def failed_articles(documents: Sequence[Any], errors: Sequence[Any] = ()) -> list[tuple[str, str]]:
    """(name, message) once per failed article: the stored articles with an error, then any other
    failure a sync reported (the catalog). An article is named by its file (with its title, if it
    has one), as the reader finds it in the folder."""
    problems: dict[str, tuple[str, str]] = {}
    for record in documents:
        error = getattr(record, "error", None)
        if error:
            problems.setdefault(str(record.doc_id), (_failed_name(record), str(error)))
    for item in errors:
        key = str(getattr(item, "doc_id", "") or getattr(item, "path", ""))
        if key not in problems:
            problems[key] = (_failed_name(item), str(getattr(item, "message", item)))
    return list(problems.values())


def _failed_name(record: Any) -> str:
    path = getattr(record, "path", None)
    file_name = Path(str(path)).name if path else None
    title = getattr(record, "title", None)
    if file_name and title and title != file_name:
        return f"{title} ({file_name})"
    return file_name or title or str(getattr(record, "doc_id", ""))


@dataclass
class _LiveStore:
    """The process's open store and the folder state it was last synced with (all sessions share it)."""

    store: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    fingerprint: str | None = None
    syncs: int = 0
    report: Any = None


@st.cache_resource(show_spinner=False)
def _live_store(database: str) -> _LiveStore:
    # A failure raises and so is not cached: the next run tries again.
    from timeline.store import EventStore
    from timeline.ui.collections import remember_set_aside

    store = EventStore(Path(database))
    remember_set_aside(Path(database), store.recovered_from)  # said on every page until restored
    return _LiveStore(store)


def _sync(live: _LiveStore, sources: Path | None, fingerprint: str, articles: Path | None = None) -> None:
    """Sync the folders into the store, with a progress bar while articles are extracted."""
    bar: Any = None

    def progress(done: int, total: int, name: str) -> None:
        nonlocal bar
        if total == 0:
            return
        if bar is None:
            from timeline.events.nlp import load_parser

            # Before the first article, not on every start: a missing model is one clear message, and
            # a start with nothing new to read skips loading the parser (seconds).
            load_parser()
        text = f"Reading new and changed articles: {done} of {total} articles"
        if name:
            text += f" (now {escape_markdown(name)})"
        if bar is None:
            bar = st.progress(0.0, text=text)
        bar.progress(done / total, text=text)

    report = live.store.sync(sources, progress=progress, articles_dir=articles)
    if bar is not None:
        bar.empty()
    live.report = report
    live.fingerprint = fingerprint
    live.syncs += 1


_PAUSES = {"count": 0}
_PAUSE_GUARD = threading.Lock()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bundle is built. Reading 10,000 events allocates millions
    of small objects that all live on (records, frame, indexes); each allocation burst would start a
    collection that walks every object already alive, so the passes, not the reading, took most of a
    first start. Reference counting still frees everything short-lived; the collector resumes (when it
    was on) once the last build running in the process is done."""
    with _PAUSE_GUARD:
        if _PAUSES["count"] == 0:
            _PAUSES["enabled"] = int(gc.isenabled())
            gc.disable()
        _PAUSES["count"] += 1
    try:
        yield
    finally:
        with _PAUSE_GUARD:
            _PAUSES["count"] -= 1
            if _PAUSES["count"] == 0 and _PAUSES.get("enabled"):
                gc.enable()


SHOW_HIDDEN_KEY = "_show_hidden_events"
"""Session key of the editors' "Show hidden events" toggle (honoured only for a signed-in editor)."""


@st.cache_resource(show_spinner=False, max_entries=6)
def _bundle(
    database: str,
    sources: str,
    fingerprint: str,
    syncs: int,
    edits_key: tuple[int, int],
    with_hidden: bool,
    _live: _LiveStore,
) -> AppData:
    """The pages' data for one synced state of the folder and of the edits (the arguments are the cache
    key): the events as corrected by the teachers' edits, hidden ones left out unless ``with_hidden``.
    The corrected events and their frame come from the store's snapshot when it is current
    (``timeline.ui.snapshot``: a restarted server), else are built and the snapshot rewritten."""
    store = _live.store
    with _collector_paused():
        shown = _snapshot(Path(database), store, edits_key, with_hidden)
        documents = list(store.documents())
        report = _live.report
        problems = failed_articles(documents, getattr(report, "errors", ()) or ())
        notices = [str(notice) for notice in getattr(report, "notices", ()) or ()]
        notices += [str(notice) for notice in getattr(store, "notices", ()) if notice not in notices]
        data = build_app_data(shown.events, documents, problems, notices, frame=shown.frame)
    return replace(
        data,
        orphans=shown.orphans,
        hidden=shown.hidden,
        hidden_articles=shown.hidden_articles,
        last_edit=edits_key[1],
        version=(database, sources, fingerprint, syncs, edits_key, with_hidden),
    )


def _snapshot(database: Path, store: Any, edits_key: tuple[int, int], with_hidden: bool) -> Snapshot:
    """The corrected events shown and their frame: the snapshot beside the store if it was written for
    this state, else built from the store (and written for the next start)."""
    try:
        key: str | None = snapshot_key(database, edits_key, with_hidden)
    except OSError:  # no file to name it by (an in-memory or vanished store): no snapshot
        key = None
    loaded = load_snapshot(database, key, with_hidden) if key is not None else None
    if loaded is not None:
        return loaded
    from timeline.corrections.apply import HIDDEN_TAG
    from timeline.store.edits_store import corrected_events

    corrected = corrected_events(store)
    hidden = sum(HIDDEN_TAG in event.tags for event in corrected.events)
    events = tuple(event for event in corrected.events if with_hidden or HIDDEN_TAG not in event.tags)
    built = Snapshot(
        events=events,
        frame=events_frame(events),
        orphans=tuple(corrected.orphans),
        hidden=hidden,
        hidden_articles=frozenset(corrected.hidden_articles),
    )
    if key is not None and not getattr(store, "read_only", False):
        save_snapshot(database, key, with_hidden, built)
    return built


def _edits_key(store: Any) -> tuple[int, int]:
    """(events generation, newest edit id): changes with every sync and every saved edit."""
    from timeline.store.edits_store import last_edit_id

    return (int(store.generation()), last_edit_id(store))


def _with_hidden() -> bool:
    if not st.session_state.get(SHOW_HIDDEN_KEY):
        return False
    from timeline.ui.signin import is_editor  # here: signin imports the page components, which import us

    return is_editor()


def current_store() -> Any:
    """The open store of the current collection (the one ``app_data`` reads), for saving edits."""
    database, _sources, _articles = _locations()
    return _live_store(str(database)).store


def _locations() -> tuple[Path, Path | None, Path]:
    """(store, read-only source folder, own articles folder) of the current collection (``c=``)."""
    from timeline.ui.collections import store_location

    return store_location()


def reload_data() -> None:
    """Sync the articles folder again on the next run, even if its fingerprint looks unchanged."""
    try:
        database, _sources, _articles = _locations()
        _live_store(str(database)).fingerprint = None
        forget_snapshots(Path(database))
    except Exception:  # the next run reports it
        LOG.exception("Could not open the timeline store")
    _bundle.clear()


@contextmanager
def _sync_turn(lock: threading.Lock, waiting: Callable[[], AbstractContextManager[Any]]) -> Iterator[None]:
    """Hold ``lock`` (the store's sync turn) for the block; while another session holds it, wait
    inside ``waiting()`` (a spinner). Released whatever is raised, also by ``waiting``'s exit:
    Streamlit stops or reruns a script at its next message, and the spinner's exit sends one, so a
    session asked to rerun just as its turn came would otherwise keep the lock and hang every later
    run of the server."""
    acquired = lock.acquire(blocking=False)
    try:
        if not acquired:
            with waiting():
                acquired = lock.acquire()
        yield
    finally:
        if acquired:
            lock.release()


def app_data() -> AppData:
    """The data of the current collection (``timeline.ui.collections``; by default the seed articles of
    ``TIMELINE_SEEDS_DIR`` and its store in ``TIMELINE_DATA_DIR``), synced first when its folders changed
    since the last sync.

    If nothing can be loaded, an empty ``AppData`` whose ``fatal`` says why (details in the server log).
    """
    try:
        from timeline.store import folder_fingerprint

        database, sources, articles = _locations()
        live = _live_store(str(database))
        own = folder_fingerprint(articles) if articles.is_dir() else "none"
        fingerprint = f"{folder_fingerprint(sources) if sources else 'none'}:{own}"
        if live.fingerprint != fingerprint:
            with _sync_turn(live.lock, lambda: st.spinner("Another reader is loading the new articles…")):
                if live.fingerprint != fingerprint:
                    _sync(live, sources, fingerprint, articles)
        return _bundle(
            str(database), str(sources), fingerprint, live.syncs, _edits_key(live.store), _with_hidden(), live
        )
    except Exception as error:
        from timeline.events.nlp import ParserUnavailableError

        missing_parser = isinstance(error, ParserUnavailableError)
        if not missing_parser:
            LOG.exception("Could not open the timeline store")
        _live_store.clear()  # open it afresh next time (a data folder fixed or a file replaced)
        empty = build_app_data([], [])
        return AppData(
            events=(),
            frame=empty.frame,
            by_id={},
            documents=(),
            colors=empty.colors,
            actors=(),
            categories=(),
            fatal=str(error)
            if missing_parser
            else f"The timeline data could not be opened ({type(error).__name__}: {error}).",
        )


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _view_params(params: Mapping[str, list[str]]) -> dict[str, str]:
    return {key: values[-1] for key, values in params.items() if key in VIEW_PARAM_NAMES and values}


def current_view() -> FilterState:
    """The view for this run: from a new or changed URL, else the session's."""
    stored = st.session_state.get(VIEW_KEY)
    url_view = _view_params(_url_params())
    if not isinstance(stored, FilterState) or (url_view and url_view != st.session_state.get(WRITTEN_KEY)):
        state = FilterState.from_query_params(_url_params())
    else:
        state = stored
    st.session_state[VIEW_KEY] = state
    return state


def set_view(state: FilterState) -> None:
    """Replace the view (from a callback or before widgets render); the URL follows on ``publish_view``."""
    st.session_state[VIEW_KEY] = state


def publish_view(state: FilterState, extra: Mapping[str, str] | None = None) -> None:
    """Store the view and write it (plus page params such as ``doc``) to the URL."""
    st.session_state[VIEW_KEY] = state
    params = state.to_query_params()
    from timeline.ui.collections import collection_params

    wanted = {**params, **collection_params(), **(extra or {})}
    current = {key: values[-1] for key, values in _url_params().items() if values}
    if current != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[WRITTEN_KEY] = params


def page_param(name: str) -> str | None:
    """A page-specific query parameter (not part of the view), e.g. ``doc`` on Sources."""
    values = st.query_params.get_all(name)
    return values[-1] if values else None


def filtered_frame(data: AppData, state: FilterState) -> pd.DataFrame:
    """The events the view shows, in chronological order (undated ones last)."""
    view = apply_filters(data.frame, state)
    return view.sort_values(["start", "end", "title"], na_position="last", kind="stable")


def link_params(state: FilterState, **changes: Any) -> dict[str, str]:
    """Query params for a link to another page that keeps this view (with some fields changed)."""
    from timeline.ui.collections import collection_params

    params = state.replace(**changes).to_query_params() if changes else state.to_query_params()
    return {**params, **collection_params()}
