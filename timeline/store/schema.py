"""The SQLite schema and connection handling: WAL, one connection per call, corrupt files set aside.

Tables (``SCHEMA_VERSION`` 1):

- ``meta(key, value)``: ``schema_version``, ``events_generation`` (bumped whenever ``events``
  is rebuilt, so readers can cache).
- ``documents``: one row per article file: ``doc_id`` (PK), ``path`` (file name relative to the
  sources folder; NULL for imported documents), ``sha256`` of the file bytes, ``extractor_version``
  (``timeline.version.extractor_fingerprint()``), ``catalog_sha256``, metadata, ``text``,
  ``warnings`` (JSON array), ``error`` (NULL when fine), ``mode``, ``updated_at``.
- ``doc_events(doc_id, position, event_id, json)``: the events extracted from one article, before
  merging; kept so merging can be redone without extracting again.
- ``events(id PK, json, start, end, precision, category, planned, doc_ids, title)``: the merged
  events the app shows; ``json`` is ``Event.to_json()``, the other columns are for querying.
- ``mentions(event_id, doc_id, span_start, span_end, time_text)``: where each merged event is
  reported, for highlighting and linking in an article's text.
- ``edits(id, event_id, field, value, author, created_at)``: teachers' corrections, applied over the
  extracted records by event id (empty for now; event ids are stable, so edits survive re-extraction).
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from timeline.store.records import StoreError

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT UNIQUE,
    sha256 TEXT,
    extractor_version TEXT,
    catalog_sha256 TEXT,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    published_from TEXT,
    mode TEXT NOT NULL DEFAULT 'news',
    text TEXT NOT NULL DEFAULT '',
    warnings TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_events (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX IF NOT EXISTS doc_events_event ON doc_events(event_id);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    precision TEXT NOT NULL,
    category TEXT NOT NULL,
    planned INTEGER NOT NULL DEFAULT 0,
    doc_ids TEXT NOT NULL DEFAULT '[]',
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_start ON events(start);
CREATE TABLE IF NOT EXISTS mentions (
    event_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    time_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE TABLE IF NOT EXISTS edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    author TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS edits_event ON edits(event_id);
"""

EXPECTED_TABLES = frozenset({"meta", "documents", "doc_events", "events", "mentions", "edits"})

_PATH_LOCKS: dict[str, threading.RLock] = {}
_PATH_LOCKS_GUARD = threading.Lock()


def path_lock(path: Path) -> threading.RLock:
    """One lock per database file in this process: Streamlit sessions run in threads of one process."""
    key = str(path.resolve())
    with _PATH_LOCKS_GUARD:
        return _PATH_LOCKS.setdefault(key, threading.RLock())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    """A fresh connection (callers close it): WAL so readers never wait for a sync writing."""
    try:
        connection = sqlite3.connect(path, timeout=30.0)
    except sqlite3.Error as error:
        raise StoreError(_cannot_open(path, error)) from error
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 30000")
    return connection


def _cannot_open(path: Path, error: BaseException) -> str:
    return (
        f"Cannot open the timeline database {path}: {error}. "
        "Check that the folder exists and is writable, or set TIMELINE_DATA_DIR to another folder."
    )


def _validate(path: Path) -> None:
    """Raise ``sqlite3.DatabaseError`` if the file is not a usable database of this schema."""
    connection = sqlite3.connect(path, timeout=30.0)
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {result[0] if result else 'no answer'}")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return  # a new, empty database
        if not tables >= EXPECTED_TABLES:
            raise sqlite3.DatabaseError(f"missing tables: {', '.join(sorted(EXPECTED_TABLES - tables))}")
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"schema version {row[0] if row else 'unknown'}, expected {SCHEMA_VERSION}"
            )
    finally:
        connection.close()


def _set_aside(path: Path) -> Path:
    """Move a bad database (and its WAL files) to ``<name>.corrupt`` (numbered if taken); never delete."""
    target = path.with_name(path.name + ".corrupt")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt{counter}")
        counter += 1
    shutil.move(str(path), str(target))
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            shutil.move(str(companion), str(target) + suffix)
    return target


def open_database(path: Path) -> Path | None:
    """Make ``path`` a ready database; return where a corrupt file was moved, if one was.

    A file that is not a database, fails its integrity check or has another schema is moved aside
    (kept for inspection, nothing deleted) and a fresh database is created in its place: the store
    only holds what it can rebuild from the article files, plus edits, which the moved file keeps.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(_cannot_open(path, error)) from error
    recovered: Path | None = None
    if path.exists():
        try:
            _validate(path)
        except (sqlite3.DatabaseError, ValueError) as error:
            if isinstance(error, sqlite3.OperationalError) and "unable to open" in str(error):
                raise StoreError(_cannot_open(path, error)) from error
            try:
                recovered = _set_aside(path)
            except OSError as move_error:
                raise StoreError(
                    f"The timeline database {path} is unreadable ({error}) and could not be moved aside "
                    f"({move_error}). Move or delete it by hand, or set TIMELINE_DATA_DIR to another folder."
                ) from move_error
    connection = connect(path)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        with connection:
            connection.executescript(DDL)
            connection.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            connection.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('events_generation', '0')")
    except sqlite3.Error as error:
        raise StoreError(_cannot_open(path, error)) from error
    finally:
        connection.close()
    return recovered
