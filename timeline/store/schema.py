"""The SQLite schema: its tables, and creating or checking them in one transaction.

Tables (``SCHEMA_VERSION`` 2):

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
- ``edits(id, uuid, event_id, anchor_doc, anchor_sentence, anchor_time, field, old, new, author, note,
  created_at)``: teachers' corrections (``timeline.corrections.Edit``), ``old``/``new`` as JSON text.
  Append-only: triggers refuse any UPDATE or DELETE (an undo is one more row). ``uuid`` is stable across
  backup and restore, so a restore never adds an edit twice. See ``timeline.store.edits_store``.
- ``lessons(id, uuid, slug, title, span_from, span_to, created_at, updated_at)`` and
  ``lesson_slides(lesson_id, position, event_id, anchor, note)``: a teacher's ordered lessons
  (``timeline.store.lessons_store``).

Schema 1 (edits as ``(id, event_id, field, value, author, created_at)``, no lessons) is migrated in
place on the first writable opening, in the same transaction that checks it: every row is kept, each
old ``value`` becomes ``new`` (as JSON) and gets a uuid. A read-only schema-1 store is read as it is.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

SCHEMA_VERSION = 2
OLDEST_MIGRATED = 1
"""The oldest schema ``prepare_schema`` migrates; older or unknown versions are not a timeline store."""

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
    uuid TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL DEFAULT '',
    anchor_doc TEXT,
    anchor_sentence TEXT,
    anchor_time TEXT,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    author TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS edits_event_field ON edits(event_id, field);
CREATE INDEX IF NOT EXISTS edits_anchor ON edits(anchor_doc, anchor_sentence);
CREATE TABLE IF NOT EXISTS lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    span_from TEXT,
    span_to TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lesson_slides (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    event_id TEXT NOT NULL DEFAULT '',
    anchor TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (lesson_id, position)
);
"""

TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS edits_never_updated BEFORE UPDATE ON edits "
    "BEGIN SELECT RAISE(ABORT, 'edits are never changed: add an edit instead'); END",
    "CREATE TRIGGER IF NOT EXISTS edits_never_deleted BEFORE DELETE ON edits "
    "BEGIN SELECT RAISE(ABORT, 'edits are never deleted: add an undo instead'); END",
)
"""Kept apart from ``DDL``: a trigger's body has semicolons of its own."""

EXPECTED_TABLES_V1 = frozenset({"meta", "documents", "doc_events", "events", "mentions", "edits"})
EXPECTED_TABLES = EXPECTED_TABLES_V1 | {"lessons", "lesson_slides"}

STATEMENTS = tuple(statement.strip() for statement in DDL.split(";") if statement.strip())
"""The DDL one statement at a time: ``executescript`` would commit the open transaction first."""


class NotThisSchema(Exception):
    """A readable SQLite database that is not a timeline store of this schema (its tables or version)."""


class NewerSchema(Exception):
    """A timeline store written by a newer version of the app: never touched, never set aside."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def prepare_schema(connection: sqlite3.Connection) -> None:
    """Check the tables are this schema, creating (or migrating) them first if needed: one transaction.

    A complete store of this schema is only read. A new one is created, and one of an older schema
    migrated (``timeline.store.migrate``), under ``BEGIN IMMEDIATE``, which takes the write lock first
    (waiting on the busy timeout), so of several processes opening one file at once exactly one creates
    or migrates the tables and the others then find them complete; ``CREATE ... IF NOT EXISTS`` makes a
    repeat harmless. ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    tables = _tables(connection)
    if tables and schema_version(connection, tables) == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        tables = _tables(connection)
        version = schema_version(connection, tables) if tables else SCHEMA_VERSION
        if version < SCHEMA_VERSION:
            from timeline.store.migrate import migrate

            migrate(connection, version)
        for statement in (*STATEMENTS, *TRIGGERS):
            connection.execute(statement)
        connection.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
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


def check_schema(connection: sqlite3.Connection, *, older: bool = False) -> int:
    """The schema version; ``NotThisSchema``/``NewerSchema`` unless it is this one (only reads).

    With ``older``, a schema that ``prepare_schema`` would migrate is accepted too: a read-only store
    is served as it is, since it cannot be migrated there.
    """
    version = schema_version(connection, _tables(connection))
    if version != SCHEMA_VERSION and not older:
        raise NotThisSchema(f"its schema version is {version}, not {SCHEMA_VERSION}")
    return version


def schema_version(connection: sqlite3.Connection, tables: set[str]) -> int:
    """This schema's version or an older one ``prepare_schema`` migrates; else the errors above."""
    row = (
        connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if ("meta" in tables)
        else None
    )
    try:
        version = int(row[0]) if row else None
    except ValueError:
        version = None
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchema(
            f"it was written by a newer version of the app (schema {version}; "
            f"this one reads {SCHEMA_VERSION})"
        )
    expected = EXPECTED_TABLES if version == SCHEMA_VERSION else EXPECTED_TABLES_V1
    if not tables >= expected:
        missing = ", ".join(sorted(expected - tables))
        raise NotThisSchema(f"it is not a timeline database (no table {missing})")
    if version is None or version < OLDEST_MIGRATED:
        raise NotThisSchema(f"its schema version is {row[0] if row else 'missing'}, not {SCHEMA_VERSION}")
    return version
