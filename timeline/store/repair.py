"""Damaged rows: stored event records that no longer parse, and the articles to extract again.

The shown events (``events``) are always rebuildable from the per-article records (``doc_events``),
and those from the article files; the ``edits`` table is never touched here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from timeline.model import Event

PARSE_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError)
"""What ``Event.from_json(json.loads(...))`` raises on a damaged record."""


def parse_event(text: str) -> Event | None:
    """The event stored as ``text``, or None if the record is damaged."""
    try:
        data = json.loads(text)
        return Event.from_json(data) if isinstance(data, dict) else None
    except PARSE_ERRORS:
        return None


def invalid_json_docs(connection: sqlite3.Connection) -> set[str]:
    """Articles with a per-article event record that is not even JSON (cheap: SQLite checks)."""
    return {
        str(row[0])
        for row in connection.execute("SELECT DISTINCT doc_id FROM doc_events WHERE NOT json_valid(json)")
    }


def has_invalid_events(connection: sqlite3.Connection) -> bool:
    """Whether a shown event's record is not JSON."""
    return (
        connection.execute("SELECT 1 FROM events WHERE NOT json_valid(json) LIMIT 1").fetchone() is not None
    )


def read_doc_events(connection: sqlite3.Connection) -> tuple[list[Event], set[str]]:
    """Every per-article event that parses, and the articles holding one that does not."""
    events: list[Event] = []
    damaged: set[str] = set()
    for doc_id, text in connection.execute("SELECT doc_id, json FROM doc_events ORDER BY doc_id, position"):
        event = parse_event(text)
        if event is None:
            damaged.add(str(doc_id))
        else:
            events.append(event)
    return events, damaged


def mark_for_extraction(connection: sqlite3.Connection, doc_ids: Iterable[str]) -> list[str]:
    """Drop these articles' event records and forget their file hash, so the next sync extracts them
    again; returns how a reader names them (file names; titles or ids for imported articles)."""
    ids = sorted(set(doc_ids))
    if not ids:
        return []
    with connection:
        connection.executemany("DELETE FROM doc_events WHERE doc_id = ?", ((doc_id,) for doc_id in ids))
        connection.executemany(
            "UPDATE documents SET sha256 = NULL WHERE doc_id = ?", ((doc_id,) for doc_id in ids)
        )
    names = []
    for doc_id in ids:
        row = connection.execute("SELECT path, title FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        names.append(str(row[0] or row[1] or doc_id) if row else doc_id)
    return names


def repaired_notice(names: Sequence[str]) -> str:
    again = f" ({', '.join(names)} extracted again)" if names else ""
    return (
        "Some stored event records were damaged and could not be read; the events were rebuilt from the "
        f"articles{again}. Teachers' edits are kept."
    )
