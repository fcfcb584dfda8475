"""Rows of the ``edits`` table: reading them as ``Edit`` records (damaged rows reported), appending
them, the write transaction every change runs in, and the JSON form backups keep. Only SQL here; the
rules (conflicts, undo, orphans) are in ``timeline.store.edits_store``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from timeline.corrections import Anchor, Edit
from timeline.store.database import path_lock
from timeline.store.event_store import EventStore
from timeline.store.migrate import legacy_new_value, legacy_uuid
from timeline.store.schema import now_iso

EDIT_COLUMNS = (
    "id, uuid, event_id, anchor_doc, anchor_sentence, anchor_time, field, old, new, author, note, created_at"
)
LEGACY_COLUMNS = "id, '', event_id, NULL, NULL, NULL, field, NULL, value, author, '', created_at"
"""Schema-1 rows read as schema 2 (a read-only or set-aside store); the uuid is ``legacy_uuid``."""


@dataclass(frozen=True, slots=True)
class UnreadableEdit:
    """A stored edit row that could not be read back (damaged JSON or columns): reported, never hidden."""

    row_id: Any
    reason: str

    def __str__(self) -> str:
        return f"edit #{self.row_id}: {self.reason}"


def _loads(text: Any) -> Any:
    if text is None:
        return None
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return json.loads(text)


def edit_from_row(row: Sequence[Any]) -> Edit:
    """An ``EDIT_COLUMNS`` row as an Edit; ValueError/TypeError/UnicodeError when it is damaged."""
    anchor = Anchor(str(row[3]), str(row[4] or ""), str(row[5] or "")) if row[3] else None
    field = str(row[6])
    if not field:
        raise ValueError("no field")
    return Edit(
        field=field,  # type: ignore[arg-type]
        new=_loads(row[8]),
        event_id=str(row[2] or ""),
        anchor=anchor,
        old=_loads(row[7]),
        author=str(row[9] or ""),
        created_at=str(row[11] or ""),
        id=int(row[0]),
        note=str(row[10] or ""),
    )


def read_edit_rows(
    connection: sqlite3.Connection, *, legacy: bool = False, where: str = "", params: Sequence[Any] = ()
) -> tuple[list[tuple[str, Edit]], list[UnreadableEdit]]:
    """(uuid, edit) of every readable row, oldest first, and the rows that could not be read."""
    columns = LEGACY_COLUMNS if legacy else EDIT_COLUMNS
    query = f"SELECT {columns} FROM edits {where} ORDER BY id"
    found: list[tuple[str, Edit]] = []
    unreadable: list[UnreadableEdit] = []
    for row in connection.execute(query, tuple(params)):
        try:
            if legacy:  # schema 1 kept plain text: read it as the migration converts it
                key = legacy_uuid(row[0], row[2], row[6], row[8], row[11])
                row = (row[0], key, *row[2:8], legacy_new_value(str(row[6]), row[8]), *row[9:])
            found.append((str(row[1]), edit_from_row(row)))
        except (ValueError, TypeError, UnicodeError) as error:
            unreadable.append(UnreadableEdit(row[0], f"{type(error).__name__}: {error}"))
    return found, unreadable


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def insert_edit(connection: sqlite3.Connection, edit: Edit, uuid: str) -> Edit:
    """Append one row (in the caller's transaction); the edit as stored, with its new id."""
    created = edit.created_at or now_iso()
    anchor = edit.anchor
    cursor = connection.execute(
        "INSERT INTO edits(uuid, event_id, anchor_doc, anchor_sentence, anchor_time, field, old, new, "
        "author, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uuid,
            edit.event_id or "",
            anchor.doc if anchor else None,
            anchor.sentence_key if anchor else None,
            anchor.time_text if anchor else None,
            edit.field,
            _dumps(edit.old),
            _dumps(edit.new),
            edit.author or "",
            edit.note or "",
            created,
        ),
    )
    return replace(edit, id=int(cursor.lastrowid or 0), created_at=created)


@contextmanager
def write_transaction(store: EventStore) -> Iterator[sqlite3.Connection]:
    """A ``BEGIN IMMEDIATE`` transaction on ``store``: committed on leaving, rolled back on any error.

    StoreError when the store is read-only or SQLite fails (busy past its timeout, disk full...).
    """
    store.check_writable()
    with path_lock(store.path), store.connection() as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


def edit_to_json(key: str, edit: Edit) -> dict[str, Any]:
    """One edit as a backup keeps it (``edits.json``)."""
    return {
        "uuid": key,
        "id": edit.id,
        "field": edit.field,
        "event_id": edit.event_id,
        "anchor": edit.anchor.to_json() if edit.anchor else None,
        "old": edit.old,
        "new": edit.new,
        "author": edit.author,
        "note": edit.note,
        "created_at": edit.created_at,
    }


def edit_from_json(data: Any) -> tuple[str, Edit]:
    """The inverse of ``edit_to_json``; ValueError naming what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("uuid"), str) or not data["uuid"]:
        raise ValueError("an edit without its uuid")
    field = data.get("field")
    if not isinstance(field, str) or not field:
        raise ValueError(f"edit {data['uuid']} has no field")
    number = data.get("id")
    if number is not None and not isinstance(number, int):
        raise ValueError(f"edit {data['uuid']} has a bad id")
    return data["uuid"], Edit(
        field=field,  # type: ignore[arg-type]
        new=data.get("new"),
        event_id=str(data.get("event_id") or ""),
        anchor=Anchor.from_json(data.get("anchor")),
        old=data.get("old"),
        author=str(data.get("author") or ""),
        created_at=str(data.get("created_at") or ""),
        id=number,
        note=str(data.get("note") or ""),
    )


# -- import (restore, recovery) -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    already_there: int


def import_edits(store: EventStore, items: Sequence[tuple[str, Edit]]) -> Imported:
    """Append edits from a backup or a set-aside store, oldest first, in one transaction.

    An edit whose uuid is already stored is skipped (restoring twice adds nothing); the others get new
    ids, and an undo's target is renamed to its new id (or to the stored edit of the same uuid). An undo
    whose target is in neither is kept as it was (it then cancels nothing).
    """
    added = skipped = 0
    new_ids: dict[int, int] = {}
    with write_transaction(store) as connection:
        for key, edit in sorted(items, key=lambda item: item[1].id or 0):
            row = connection.execute("SELECT id FROM edits WHERE uuid = ?", (key,)).fetchone()
            if row is not None:
                new_ids[edit.id or 0] = int(row[0])
                skipped += 1
                continue
            target = int(edit.new) if edit.field == "undo" and str(edit.new).isdigit() else None
            if target is not None:
                edit = replace(edit, new=new_ids.get(target, target))
            stored = insert_edit(connection, replace(edit, id=None), key)
            new_ids[edit.id or 0] = stored.id or 0
            added += 1
    return Imported(added, skipped)
