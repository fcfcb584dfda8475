"""Migrating an older store to this schema, inside the caller's ``BEGIN IMMEDIATE`` transaction.

Schema 1 -> 2: the ``edits`` table is rebuilt with anchors, old and new values as JSON, a note and a
stable uuid; every row is kept with its id, so nothing that pointed at an edit moves. A schema-1
``value`` that is JSON is kept as it is for fields whose values are not plain text; a plain-text
value (or any value of a text field: title, category, dates, precision) becomes a JSON string. The
lessons tables are created afterwards by ``prepare_schema`` like on a new store.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from typing import Any

EDITS_WORD = re.compile(r"\bedits\b")
TEXT_FIELDS = frozenset({"title", "category", "start", "end", "precision"})


def migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring the tables from ``version`` to the current schema (the caller commits, or rolls back)."""
    if version < 2:
        _edits_1_to_2(connection)


def legacy_uuid(row_id: Any, event_id: Any, field: Any, value: Any, created_at: Any) -> str:
    """The uuid a schema-1 edit gets: the same whether it is migrated, read from a read-only store or
    recovered from a set-aside one (so a restore never doubles it), and different across stores."""
    text = "|".join(str(part) for part in (row_id, event_id, field, value, created_at))
    return "schema1-" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:24]


def legacy_new_value(field: str, raw: Any) -> str | None:
    """A schema-1 ``value`` as the JSON text schema 2 keeps in ``new``."""
    if raw is None:
        return None
    value = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    if field not in TEXT_FIELDS:
        try:
            json.loads(value)
            return value
        except ValueError:
            pass
    else:
        try:
            if isinstance(json.loads(value), str):
                return value
        except ValueError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _edits_1_to_2(connection: sqlite3.Connection) -> None:
    columns = {str(row[1]) for row in connection.execute("PRAGMA table_info(edits)")}
    if "uuid" in columns:  # a file marked 1 whose edits already have the new columns: nothing to do
        return
    rows = connection.execute(
        "SELECT id, event_id, field, value, author, created_at FROM edits ORDER BY id"
    ).fetchall()
    connection.execute("ALTER TABLE edits RENAME TO edits_v1")
    connection.execute("DROP INDEX IF EXISTS edits_event")
    from timeline.store.schema import STATEMENTS

    for statement in STATEMENTS:
        if EDITS_WORD.search(statement):
            connection.execute(statement)
    connection.executemany(
        "INSERT INTO edits(id, uuid, event_id, field, new, author, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, '', ?)",
        (
            (
                row[0],
                legacy_uuid(row[0], row[1], row[2], row[3], row[5]),
                str(row[1] or ""),
                str(row[2]),
                legacy_new_value(str(row[2]), row[3]),
                str(row[4] or ""),
                str(row[5] or ""),
            )
            for row in rows
        ),
    )
    connection.execute("DROP TABLE edits_v1")
