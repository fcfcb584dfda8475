"""Rows of the store's tables: writing records in, reading them back. No decisions here, only SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from timeline.model import Document, Event
from timeline.store.records import StoredDocument
from timeline.store.schema import now_iso

IMPORTED_ID = "imported"
"""Placeholder article owning imported events whose own article is not stored."""


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_day(value: object) -> date | None:
    """A stored ISO date, or None for a missing or unreadable one."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def store_failure(
    connection: sqlite3.Connection, name: str, message: str, sha: str, fingerprint: str
) -> None:
    with connection:
        connection.execute("DELETE FROM documents WHERE path = ? OR doc_id = ?", (name, name))
        connection.execute(
            "INSERT INTO documents(doc_id, path, sha256, extractor_version, error, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (name, name, sha, fingerprint, message, now_iso()),
        )


def insert_document(
    connection: sqlite3.Connection,
    document: Document,
    path: str | None,
    sha: str | None,
    fingerprint: str | None,
    catalog_sha: str | None,
    error: str | None,
) -> None:
    connection.execute(
        "INSERT INTO documents(doc_id, path, sha256, extractor_version, catalog_sha256, title, outlet, "
        "url, published, published_from, mode, text, warnings, error, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.doc_id,
            path,
            sha,
            fingerprint,
            catalog_sha,
            document.title,
            document.outlet,
            document.url,
            document.published.isoformat() if document.published else None,
            document.published_from,
            document.mode,
            document.text,
            json.dumps(list(document.warnings), ensure_ascii=False),
            error,
            now_iso(),
        ),
    )


def insert_doc_events(connection: sqlite3.Connection, doc_id: str, events: Iterable[Event]) -> None:
    connection.executemany(
        "INSERT INTO doc_events(doc_id, position, event_id, json) VALUES (?, ?, ?, ?)",
        (
            (doc_id, position, event.id, json.dumps(event.to_json(), ensure_ascii=False))
            for position, event in enumerate(events)
        ),
    )


def write_events(
    connection: sqlite3.Connection, events: Sequence[Event], *, replace_all: bool = True
) -> None:
    """Write merged events and their mentions: all of them, or (``replace_all=False``) just these.

    In the caller's transaction (it commits), so a rebuild reads and writes in one.
    """
    if replace_all:
        connection.execute("DELETE FROM events")
        connection.execute("DELETE FROM mentions")
    else:
        connection.executemany("DELETE FROM events WHERE id = ?", ((event.id,) for event in events))
        connection.executemany("DELETE FROM mentions WHERE event_id = ?", ((event.id,) for event in events))
    connection.executemany(
        "INSERT OR IGNORE INTO events"
        '(id, json, start, "end", precision, category, planned, doc_ids, title) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                event.id,
                json.dumps(event.to_json(), ensure_ascii=False),
                iso(event.start),
                iso(event.end or event.start),
                event.precision,
                event.category,
                int(event.planned),
                json.dumps(list(dict.fromkeys(source.doc for source in event.sources))),
                event.title,
            )
            for event in events
        ),
    )
    connection.executemany(
        "INSERT INTO mentions(event_id, doc_id, span_start, span_end, time_text) VALUES (?, ?, ?, ?, ?)",
        (
            (event.id, mention.doc, mention.span[0], mention.span[1], mention.time_text)
            for event in events
            for mention in event.mentions
        ),
    )
    connection.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'events_generation'")


def import_rows(
    connection: sqlite3.Connection, events: Sequence[Event], documents: Sequence[Document]
) -> None:
    """See ``EventStore.import_events``: one transaction, so a concurrent rebuild sees all or none."""
    with connection:
        for document in documents:
            connection.execute("DELETE FROM documents WHERE doc_id = ?", (document.doc_id,))
            insert_document(connection, document, None, None, None, None, None)
        connection.executemany("DELETE FROM doc_events WHERE event_id = ?", ((event.id,) for event in events))
        stored = {row[0] for row in connection.execute("SELECT doc_id FROM documents")}
        by_doc: dict[str, list[Event]] = {}
        for event in events:
            owner = event.sources[0].doc if event.sources else IMPORTED_ID
            by_doc.setdefault(owner if owner in stored else IMPORTED_ID, []).append(event)
        if IMPORTED_ID in by_doc and IMPORTED_ID not in stored:
            placeholder = Document(doc_id=IMPORTED_ID, text="", title="Imported events")
            insert_document(connection, placeholder, None, None, None, None, None)
        for doc_id, owned in by_doc.items():
            start = connection.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM doc_events WHERE doc_id = ?", (doc_id,)
            ).fetchone()[0]
            connection.executemany(
                "INSERT INTO doc_events(doc_id, position, event_id, json) VALUES (?, ?, ?, ?)",
                (
                    (
                        doc_id,
                        start + offset,
                        event.id,
                        json.dumps(event.to_json(), ensure_ascii=False),
                    )
                    for offset, event in enumerate(owned)
                ),
            )
        write_events(connection, events, replace_all=False)


DOCUMENT_COLUMNS = (
    "d.doc_id, d.title, d.outlet, d.url, d.published, d.published_from, d.text, d.warnings, d.error, "
    "d.path, d.mode, (SELECT COUNT(DISTINCT m.event_id) FROM mentions m WHERE m.doc_id = d.doc_id)"
)


def document_from_row(row: Sequence[Any]) -> StoredDocument:
    try:
        warnings = tuple(str(item) for item in json.loads(row[7] or "[]"))
    except ValueError:
        warnings = ()
    return StoredDocument(
        doc_id=row[0],
        title=row[1],
        outlet=row[2],
        url=row[3],
        published=parse_day(row[4]),
        published_from=row[5],
        text=row[6] or "",
        warnings=warnings,
        error=row[8],
        path=row[9],
        mode=row[10] or "news",
        n_events=int(row[11] or 0),
    )
