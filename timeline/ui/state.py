"""The app's data (loaded once per process) and the reader's view (URL <-> ``FilterState``).

Data: the store is opened and synced once per server process (``st.cache_resource``); the events,
their frame, documents and colours are bundled in one read-only ``AppData`` that is also cached as a
resource, so a rerun after a filter change reuses it without copying 100k rows (``st.cache_data``
would pickle and copy the frame on every rerun). Pages must treat it as read-only.

View: the whole view (filters, lanes, selection, large type, slide) is one ``FilterState`` kept in
the session and mirrored into ``st.query_params`` on every run, so the address bar is always a link
that reproduces the view. A URL that differs from the one the app last wrote (a pasted link, the
browser's back button) wins over the session; an empty URL after a page switch does not.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from timeline.filters import FilterState, apply_filters
from timeline.frame import NO_ACTOR, events_frame
from timeline.model import Event
from timeline.palette import actor_colors

LOG = logging.getLogger(__name__)

VIEW_KEY = "view"
"""Session key of the current ``FilterState``."""

WRITTEN_KEY = "_view_params_written"
"""Session key of the view params the app last wrote to the URL (to tell a pasted link from a page switch)."""

VIEW_PARAM_NAMES = frozenset(
    {"from", "to", "actors", "cats", "sources", "q", "prec", "planned", "lane", "sel", "large", "slide"}
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
) -> AppData:
    """Bundle events and documents for the pages (pure; also used by tests)."""
    frame = events_frame(events)
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


def _load_from_store() -> AppData:
    from timeline import store as store_module

    store: Any = store_module.default_store()
    documents = list(store.documents())
    events = list(store.events())
    problems: list[tuple[str, str]] = []
    for record in documents:
        error = getattr(record, "error", None)
        if error:
            problems.append((_document_info(record).name, str(error)))
    report = getattr(store, "last_report", None)
    for item in getattr(report, "errors", ()) or ():
        name = Path(str(getattr(item, "path", None) or getattr(item, "doc_id", ""))).name
        message = str(getattr(item, "message", item))
        if all(name != known for known, _ in problems):
            problems.append((name, message))
    notices = [str(notice) for notice in getattr(report, "notices", ()) or ()]
    return build_app_data(events, documents, problems, notices)


@st.cache_resource(show_spinner="Reading the articles and building the timeline…")
def _cached_app_data(data_dir: str, seeds_dir: str) -> AppData:
    # The arguments are only the cache key: the store reads the same environment variables.
    # A failure raises and so is not cached: the next run tries again.
    del data_dir, seeds_dir
    return _load_from_store()


def reload_data() -> None:
    """Forget the loaded data: the next run syncs the articles folder again (new or edited files)."""
    _cached_app_data.clear()


def app_data() -> AppData:
    """The cached data for the current data/seeds folders (``TIMELINE_DATA_DIR``, ``TIMELINE_SEEDS_DIR``).

    If nothing can be loaded, an empty ``AppData`` whose ``fatal`` says why (details in the server log).
    """
    try:
        return _cached_app_data(
            os.environ.get("TIMELINE_DATA_DIR", ""), os.environ.get("TIMELINE_SEEDS_DIR", "")
        )
    except Exception as error:
        LOG.exception("Could not open the timeline store")
        empty = build_app_data([], [])
        return AppData(
            events=(),
            frame=empty.frame,
            by_id={},
            documents=(),
            colors=empty.colors,
            actors=(),
            categories=(),
            fatal=f"The timeline data could not be opened ({type(error).__name__}: {error}).",
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
    wanted = {**params, **(extra or {})}
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
    return state.replace(**changes).to_query_params() if changes else state.to_query_params()
