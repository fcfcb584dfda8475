"""The SQLite schema: its tables, and creating or checking them in one transaction.

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

import sqlite3
from datetime import UTC, datetime

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

STATEMENTS = tuple(statement.strip() for statement in DDL.split(";") if statement.strip())
"""The DDL one statement at a time: ``executescript`` would commit the open transaction first."""


class NotThisSchema(Exception):
    """A readable SQLite database that is not a timeline store of this schema (its tables or version)."""


class NewerSchema(Exception):
    """A timeline store written by a newer version of the app: never touched, never set aside."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def prepare_schema(connection: sqlite3.Connection) -> None:
    """Check the tables are this schema, creating them first if the database is new: one transaction.

    A complete store is only read. A new one is created under ``BEGIN IMMEDIATE``, which takes the
    write lock first (waiting on the busy timeout), so of several processes opening one new file at
    once exactly one creates the tables and the others then find them complete; ``CREATE ... IF NOT
    EXISTS`` makes a repeat harmless. ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    if _tables(connection):
        check_schema(connection)
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        tables = _tables(connection)
        if tables:
            _check_version(connection, tables)
        for statement in STATEMENTS:
            connection.execute(statement)
        connection.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        connection.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('events_generation', '0')")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {
        str(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    }


def check_schema(connection: sqlite3.Connection) -> None:
    """Raise ``NotThisSchema``/``NewerSchema`` unless the database holds this schema (only reads)."""
    _check_version(connection, _tables(connection))


def _check_version(connection: sqlite3.Connection, tables: set[str]) -> None:
    if not tables >= EXPECTED_TABLES:
        missing = ", ".join(sorted(EXPECTED_TABLES - tables))
        raise NotThisSchema(f"it is not a timeline database (no table {missing})")
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        version = int(row[0]) if row else None
    except ValueError:
        version = None
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchema(
            f"it was written by a newer version of the app (schema {version}; "
            f"this one reads {SCHEMA_VERSION})"
        )
    if version != SCHEMA_VERSION:
        raise NotThisSchema(f"its schema version is {row[0] if row else 'missing'}, not {SCHEMA_VERSION}")
