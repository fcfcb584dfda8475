"""Reading the edits back from a store that was set aside as damaged (``timeline.sqlite3.corrupt*``).

``recover_edits`` never touches the set-aside file: it copies it (with its ``-wal`` journal, where the
latest commits may still be) to a temporary folder and reads the copy. Rows are read all at once when
the file allows it, else one by one, so a damaged page costs only the rows on it: each row that cannot
be read is named in ``problems``, the rest are recovered. ``restore_recovered`` appends them to a store
by uuid (never twice), so recovering from the same file again adds nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from timeline.corrections import Edit
from timeline.store import EventStore
from timeline.store.database import SQLITE_HEADER
from timeline.store.edits_store import Imported, import_edits, read_edit_rows

MAX_PROBED_IDS = 1_000_000
"""Row ids tried one by one when the table cannot be read in one go (beyond the highest id seen)."""


@dataclass(slots=True)
class Recovered:
    """The edits read back from a damaged store (with their uuids), and what could not be read."""

    source: Path
    items: list[tuple[str, Edit]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def edits(self) -> list[Edit]:
        return [edit for _uuid, edit in self.items]


def recover_edits(set_aside: Path) -> Recovered:
    """Every edit that can still be read from ``set_aside`` (see the module docstring)."""
    set_aside = Path(set_aside)
    result = Recovered(set_aside)
    try:
        with set_aside.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        result.problems.append(f"{set_aside} cannot be read ({error}).")
        return result
    if header != SQLITE_HEADER:
        result.problems.append(f"{set_aside} is not a SQLite database: no edit can be read from it.")
        return result
    with tempfile.TemporaryDirectory(prefix="timeline-recover-") as folder:
        copy = Path(folder) / "copy.sqlite3"
        shutil.copyfile(set_aside, copy)
        wal = set_aside.with_name(set_aside.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        try:
            with closing(sqlite3.connect(copy)) as connection:
                _read(connection, result)
        except sqlite3.DatabaseError as error:
            result.problems.append(f"{set_aside} cannot be opened as a database ({error}).")
    return result


def _read(connection: sqlite3.Connection, result: Recovered) -> None:
    try:
        columns = {str(row[1]) for row in connection.execute("PRAGMA table_info(edits)")}
    except sqlite3.DatabaseError as error:
        result.problems.append(f"The edits table cannot be read ({error}).")
        return
    if not columns:
        result.problems.append("The file has no edits table.")
        return
    legacy = "uuid" not in columns
    try:
        found, unreadable = read_edit_rows(connection, legacy=legacy)
    except sqlite3.DatabaseError:
        found, unreadable = [], []
        ids = _row_ids(connection)
        for row_id in ids:
            try:
                rows, bad = read_edit_rows(connection, legacy=legacy, where="WHERE id = ?", params=(row_id,))
            except sqlite3.DatabaseError as error:
                result.problems.append(f"edit #{row_id}: {error}")
                continue
            if not rows and not bad:  # ids are never reused nor deleted: a gap is a lost row
                result.problems.append(f"edit #{row_id}: not found (on a damaged part of the file)")
            found.extend(rows)
            unreadable.extend(bad)
    result.problems.extend(str(item) for item in unreadable)
    for key, edit in found:
        result.items.append((key, edit))


def _row_ids(connection: sqlite3.Connection) -> list[int]:
    """The ids to try one by one: those the table yields before failing, up to the highest known."""
    seen: list[int] = []
    try:
        for row in connection.execute("SELECT id FROM edits ORDER BY id"):
            seen.append(int(row[0]))
    except sqlite3.DatabaseError:
        pass
    highest = max(seen, default=0)
    try:
        row = connection.execute("SELECT seq FROM sqlite_sequence WHERE name = 'edits'").fetchone()
        highest = max(highest, int(row[0]) if row else 0)
    except sqlite3.DatabaseError:
        pass
    return list(range(1, min(highest, MAX_PROBED_IDS) + 1))


def set_aside_stores(store_path: Path) -> list[Path]:
    """The stores set aside beside ``store_path`` (``<name>.corrupt``, ``<name>.corrupt1``, ...), oldest
    first: what the app offers to recover edits from."""
    store_path = Path(store_path)
    found = [
        path
        for path in store_path.parent.glob(store_path.name + ".corrupt*")
        if not path.name.endswith(("-wal", "-shm"))
    ]
    return sorted(found, key=lambda path: (path.stat().st_mtime, path.name))


def restore_recovered(store: EventStore, recovered: Recovered) -> Imported:
    """Append the recovered edits to ``store`` (by uuid: never twice)."""
    return import_edits(store, recovered.items)


__all__ = ["Recovered", "recover_edits", "restore_recovered", "set_aside_stores"]
