"""Teachers' edits in the store: saving with a conflict check, reading back, undo, orphans placed or dropped.

The rows are append-only (``timeline.store.schema``): a change is a new row, an undo is a new row naming
the edit it cancels, placing an orphan is an undo of it plus a new edit on the chosen event, dropping an
orphan is an undo. Nothing here ever UPDATEs or DELETEs an edit (triggers refuse it anyway).

Saving is one ``BEGIN IMMEDIATE`` transaction holding SQLite's write lock: the conflict check and the
insert together, so of two editors saving the same event and field at once, exactly one wins and the
other gets a ``Conflict`` to choose from (optimistic concurrency). Once ``save_edit`` returns ``Saved``
the row is committed (WAL, synchronous commit): a ``kill -9`` after that cannot lose it, one before it
leaves no trace of it. A save may carry a client ``uuid`` (an idempotency key): saving the same uuid
again returns the stored edit instead of adding it twice, so a retry after a crash never duplicates.

The shown timeline is ``corrected_events(store)``: ``timeline.corrections.apply_edits`` over the stored
events and edits, cached per store on (events generation, newest edit id).
"""

from __future__ import annotations

import sqlite3
import uuid as uuids
import weakref
from dataclasses import dataclass, replace
from typing import Any

from timeline.corrections import (
    EVENT_FIELDS,
    Anchor,
    Corrected,
    Edit,
    EditError,
    apply_edits,
    clean_value,
)
from timeline.model import Event
from timeline.store.edit_rows import (
    EDIT_COLUMNS,
    Imported,
    UnreadableEdit,
    edit_from_json,
    edit_from_row,
    edit_to_json,
    import_edits,
    insert_edit,
    read_edit_rows,
    write_transaction,
)
from timeline.store.event_store import EventStore


@dataclass(frozen=True, slots=True)
class Saved:
    """The edit as stored: with its ``id``, ``created_at`` and cleaned value."""

    edit: Edit
    uuid: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Nothing was written: ``theirs`` (the newest edit on that event and field, saved after the form was
    drawn) and ``yours`` (the edit as given). Show both; to keep yours, save it again with
    ``seen=theirs.id``. ``theirs`` may be an undo (``field == "undo"``) of the value the form showed."""

    theirs: Edit
    yours: Edit


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One edit in an event's history; ``undone_by`` is the id of the undo that cancelled it."""

    edit: Edit
    undone_by: int | None = None

    @property
    def active(self) -> bool:
        return self.undone_by is None and self.edit.field != "undo"


# -- saving ---------------------------------------------------------------------------------------


def _touching(edit: Edit) -> tuple[str, list[Any]]:
    """SQL condition (and parameters) for the rows on the same event (by id or anchor) and field."""
    anchor = edit.anchor
    if edit.field == "hide_article":
        return "field = 'hide_article' AND anchor_doc = ?", [anchor.doc if anchor else ""]
    parts: list[str] = []
    params: list[Any] = [edit.field]
    if edit.event_id:
        parts.append("event_id = ?")
        params.append(edit.event_id)
    if anchor is not None:
        parts.append("(anchor_doc = ? AND anchor_sentence = ? AND anchor_time = ?)")
        params.extend([anchor.doc, anchor.sentence_key, anchor.time_text])
    if not parts:
        return "0", []
    return f"field = ? AND ({' OR '.join(parts)})", params


def latest_touching(connection: sqlite3.Connection, edit: Edit) -> Edit | None:
    """The newest edit (or undo of one) on the same event and field as ``edit``, or None."""
    condition, params = _touching(edit)
    row = connection.execute(
        f"SELECT {EDIT_COLUMNS} FROM edits WHERE id = (SELECT MAX(id) FROM edits WHERE ({condition}) "
        f"OR (field = 'undo' AND new IN (SELECT CAST(id AS TEXT) FROM edits WHERE {condition})))",
        [*params, *params],
    ).fetchone()
    return edit_from_row(row) if row else None


def _cleaned(edit: Edit) -> Edit:
    if edit.field == "undo":
        try:
            return replace(edit, new=int(edit.new))
        except (TypeError, ValueError):
            raise EditError(f"{edit.new!r} is not the number of a change to undo.") from None
    if edit.field in ("create", "merge", "split") and not isinstance(edit.new, dict):
        raise EditError(f"A {edit.field} edit needs its details as a record.")
    if edit.field != "create" and not edit.event_id and edit.anchor is None:
        raise EditError("The edit does not say which event (or article) it is about.")
    return replace(edit, new=clean_value(edit.field, edit.new))


def save_edit(
    store: EventStore, edit: Edit, seen: int | None, *, uuid: str | None = None
) -> Saved | Conflict:
    """Save ``edit`` unless someone changed that event's field since the form was drawn.

    ``seen`` is the id of the newest edit on (event, field) when the form was drawn (``latest_seen``;
    None: there was none); same event means the same event id or the same anchor, so build the edit
    with ``edit_for``. If a newer one exists, nothing is
    written and a Conflict is returned. The value is checked first (EditError with the reason);
    StoreError when the store cannot be written. ``uuid`` makes the save idempotent (see module doc).
    ``create`` edits (a new event) never conflict.
    """
    clean = _cleaned(edit)
    key = uuid or uuids.uuid4().hex
    with write_transaction(store) as connection:
        existing = connection.execute(f"SELECT {EDIT_COLUMNS} FROM edits WHERE uuid = ?", (key,)).fetchone()
        if existing is not None:
            return Saved(edit_from_row(existing), key)
        if clean.field != "create":
            latest = latest_touching(connection, clean)
            if latest is not None and (seen is None or (latest.id or 0) > seen):
                return Conflict(theirs=latest, yours=clean)
        stored = insert_edit(connection, clean, key)
    _forget(store)
    return Saved(stored, key)


_SHOWN: Any = object()
"""``edit_for``'s default ``old``: the value ``event`` shows now."""


def edit_for(event: Event, field: str, new: Any, author: str, note: str = "", *, old: Any = _SHOWN) -> Edit:
    """The edit a form on ``event`` saves: its id and anchor (``anchor_of``: how it re-attaches after
    re-extraction, and what the conflict check matches), the value the editor saw (``old``: by default
    the value shown now, for an event field or ``hidden``) and the new one."""
    from timeline.corrections import anchor_of, current_value

    if old is _SHOWN:
        old = current_value(event, field) if field in EVENT_FIELDS or field == "hidden" else None
    return Edit(
        field=field,  # type: ignore[arg-type]
        new=new,
        event_id=event.id,
        anchor=anchor_of(event),
        old=old,
        author=author,
        note=note,
    )


def _undo_of(target: Edit, author: str, note: str) -> Edit:
    return Edit(
        field="undo",
        new=target.id,
        event_id=target.event_id,
        anchor=target.anchor,
        author=author,
        note=note,
    )


def _active_target(connection: sqlite3.Connection, edit_id: int) -> Edit:
    row = connection.execute(f"SELECT {EDIT_COLUMNS} FROM edits WHERE id = ?", (edit_id,)).fetchone()
    if row is None:
        raise EditError(f"There is no change #{edit_id}.")
    target = edit_from_row(row)
    if target.field == "undo":
        raise EditError(f"Change #{edit_id} is itself an undo: to redo, make the change again.")
    undone = connection.execute(
        "SELECT id FROM edits WHERE field = 'undo' AND new = ? LIMIT 1", (str(edit_id),)
    ).fetchone()
    if undone is not None:
        raise EditError(f"Change #{edit_id} was already undone (by change #{undone[0]}).")
    return target


def undo(store: EventStore, edit_id: int, author: str, note: str = "") -> Saved:
    """Cancel change ``edit_id`` with a new undo row; EditError if it is missing, an undo, or undone."""
    with write_transaction(store) as connection:
        target = _active_target(connection, edit_id)
        key = uuids.uuid4().hex
        stored = insert_edit(connection, _undo_of(target, author, note), key)
    _forget(store)
    return Saved(stored, key)


def place_orphan(store: EventStore, edit_id: int, event: Event, author: str) -> Saved:
    """Attach orphaned change ``edit_id`` to ``event``: an undo of it and a copy naming ``event`` (its
    id and anchor), in one transaction. Returns the copy."""
    from timeline.corrections import anchor_of

    with write_transaction(store) as connection:
        target = _active_target(connection, edit_id)
        if target.field in ("create", "hide_article"):
            raise EditError(f"Change #{edit_id} is not about an event, so it cannot be placed on one.")
        insert_edit(connection, _undo_of(target, author, "placed on another event"), uuids.uuid4().hex)
        note = f"placed from change #{edit_id}" + (f"; {target.note}" if target.note else "")
        copy = replace(
            target,
            id=None,
            created_at="",
            event_id=event.id,
            anchor=anchor_of(event),
            author=author,
            note=note,
        )
        key = uuids.uuid4().hex
        stored = insert_edit(connection, copy, key)
    _forget(store)
    return Saved(stored, key)


def drop_orphan(store: EventStore, edit_id: int, author: str) -> Saved:
    """Give up orphaned change ``edit_id``: an undo row (it stays in the history, never deleted)."""
    return undo(store, edit_id, author, note="dropped: it no longer matched any event")


# -- reading --------------------------------------------------------------------------------------


def stored_edits(store: EventStore) -> tuple[list[tuple[str, Edit]], list[UnreadableEdit]]:
    """(uuid, edit) of every readable edit row, oldest first, and the unreadable rows."""
    with store.connection() as connection:
        return read_edit_rows(connection, legacy=store.schema < 2)


def edits(store: EventStore) -> list[Edit]:
    """Every edit, undos included, oldest first. Damaged rows are left out and told in ``store.notices``."""
    found, unreadable = stored_edits(store)
    if unreadable:
        store.notice(
            f"{len(unreadable)} stored edit(s) could not be read and are not applied: "
            + "; ".join(str(item) for item in unreadable[:5])
        )
    return [edit for _uuid, edit in found]


def last_edit_id(store: EventStore) -> int:
    """The newest edit's id (0 when none): with ``store.generation()``, the corrected view's cache key."""
    with store.connection() as connection:
        row = connection.execute("SELECT MAX(id) FROM edits").fetchone()
    return int(row[0] or 0)


_CACHE: weakref.WeakKeyDictionary[EventStore, tuple[tuple[int, int], Corrected]] = weakref.WeakKeyDictionary()


def _forget(store: EventStore) -> None:
    _CACHE.pop(store, None)


def cache_key(store: EventStore) -> tuple[int, int]:
    """(events generation, newest edit id): changes whenever the corrected events may change (two
    cheap reads; for ``st.cache_data`` keys)."""
    return store.generation(), last_edit_id(store)


def corrected_events(store: EventStore) -> Corrected:
    """The timeline as shown: the stored events with every edit applied, orphans listed.

    Cached per store object on (events generation, newest edit id): a change by another process or
    session shows on the next call.
    """
    key = cache_key(store)
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == key:
        return cached[1]
    corrected = apply_edits(store.events(), edits(store))
    _CACHE[store] = (key, corrected)
    return corrected


def orphans(store: EventStore) -> list[Edit]:
    """The edits in force that attach to no event (to place or drop)."""
    return corrected_events(store).orphans


def history(store: EventStore, event_id: str, anchor: Anchor | None = None) -> list[HistoryEntry]:
    """Every change made to the event shown as ``event_id`` (or reported at ``anchor``), oldest first,
    undone ones included (``undone_by``), with the undos themselves."""
    corrected = corrected_events(store)
    all_edits = edits(store)
    applied = {edit.id for edit in corrected.history.get(event_id, [])}
    undone_by = {
        int(edit.new): edit.id or 0 for edit in all_edits if edit.field == "undo" and str(edit.new).isdigit()
    }

    def about(edit: Edit) -> bool:
        if edit.id in applied or (event_id and edit.event_id == event_id):
            return True
        return anchor is not None and edit.anchor == anchor

    mine = {edit.id for edit in all_edits if edit.field != "undo" and about(edit)}
    entries = [
        HistoryEntry(edit, undone_by.get(edit.id or 0))
        for edit in all_edits
        if edit.id in mine or (edit.field == "undo" and str(edit.new).isdigit() and int(edit.new) in mine)
    ]
    return entries


def latest_seen(store: EventStore, event: Event, field: str) -> int | None:
    """The ``seen`` a form drawn now for ``event``'s ``field`` passes to ``save_edit``."""
    from timeline.corrections import anchor_of

    probe = Edit(field=field, new=None, event_id=event.id, anchor=anchor_of(event))  # type: ignore[arg-type]
    with store.connection() as connection:
        latest = latest_touching(connection, probe)
    return latest.id if latest else None


__all__ = [
    "Conflict",
    "HistoryEntry",
    "Imported",
    "Saved",
    "UnreadableEdit",
    "cache_key",
    "corrected_events",
    "drop_orphan",
    "edit_for",
    "edit_from_json",
    "edit_to_json",
    "edits",
    "history",
    "import_edits",
    "last_edit_id",
    "latest_seen",
    "orphans",
    "place_orphan",
    "read_edit_rows",
    "save_edit",
    "stored_edits",
    "undo",
    "write_transaction",
]
