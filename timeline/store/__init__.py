"""The SQLite event store: articles in, extracted and merged events out, re-extracting only changes.

Where it lives: ``$TIMELINE_DATA_DIR/timeline.sqlite3`` (default ``./data/timeline.sqlite3``,
relative to the working directory); the articles come from ``$TIMELINE_SEEDS_DIR`` (default the
repository's ``seeds/`` folder). The schema is described in ``timeline.store.schema``; how the file
is opened (several processes at once, a read-only folder, a damaged file set aside only when no
store holds it, via ``timeline.sqlite3.lock``) in ``timeline.store.database``; how damaged rows are
rebuilt in ``timeline.store.repair``.

Teachers' edits (saving with a conflict check, undo, orphans, the corrected events) are in
``timeline.store.edits_store``; lessons in ``timeline.store.lessons_store``; collections, backups and
restores in ``timeline.workspace``.
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline.store.event_store import EventStore
from timeline.store.pipeline import Pipeline, default_pipeline, folder_fingerprint
from timeline.store.records import StoredDocument, StoredMention, StoreError, SyncError, SyncReport

DATABASE_NAME = "timeline.sqlite3"

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    return Path(os.environ.get("TIMELINE_DATA_DIR") or "data")


def default_sources_dir() -> Path:
    return Path(os.environ.get("TIMELINE_SEEDS_DIR") or REPOSITORY_ROOT / "seeds")


def default_articles_dir() -> Path:
    """Where articles a teacher adds to the default collection go (``timeline.workspace.collections``)."""
    return default_data_dir() / "collections" / "default" / "articles"


def default_store() -> EventStore:
    """The store the app uses, synced with the seed folder and the default collection's own articles
    (``store.last_report`` says how it went)."""
    store = EventStore(default_data_dir() / DATABASE_NAME)
    store.sync(default_sources_dir(), articles_dir=default_articles_dir())
    return store


__all__ = [
    "DATABASE_NAME",
    "EventStore",
    "Pipeline",
    "StoreError",
    "StoredDocument",
    "StoredMention",
    "SyncError",
    "SyncReport",
    "default_articles_dir",
    "default_data_dir",
    "default_pipeline",
    "default_sources_dir",
    "default_store",
    "folder_fingerprint",
]
