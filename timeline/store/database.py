"""Opening the store's database file: several processes at once, read-only folders, damaged files.

- Busy is never damage. A file that another process is creating or writing is waited for (SQLite's
  busy timeout); after ``BUSY_TIMEOUT_S`` the error says another program is using it.
- Damaged means: not a SQLite file, failing ``PRAGMA integrity_check``, or a SQLite database that is
  not a timeline store (other tables, an unknown older version). Such a file is set aside (renamed
  ``*.corrupt``, never deleted) and a new store created, but only when no store has it open: every
  open store holds a shared ``flock`` on ``<database>.lock`` for its lifetime, and setting aside
  needs the exclusive lock, taken without waiting. A store written by a newer app is never touched.
- A folder or file that cannot be written is opened read-only (``mode=ro``, or ``immutable=1`` when
  SQLite cannot even read the WAL index there) and served as stored.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from timeline.store.records import StoreError
from timeline.store.schema import (
    SCHEMA_VERSION,
    NewerSchema,
    NotThisSchema,
    check_schema,
    prepare_schema,
)

BUSY_TIMEOUT_S = 30.0
SQLITE_HEADER = b"SQLite format 3\x00"

_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("busy", ("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked", "database table is locked", "busy")),
    ("damaged", ("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "not a database")),
    (
        "read-only",
        ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"),
        ("readonly", "read-only", "unable to open"),
    ),
)
"""(kind, SQLite error names, message words) for sorting what went wrong; names win over words."""

T = TypeVar("T")

_PATH_LOCKS: dict[str, threading.RLock] = {}
_PATH_LOCKS_GUARD = threading.Lock()


def path_lock(path: Path) -> threading.RLock:
    """One lock per database file in this process: Streamlit sessions run in threads of one process."""
    key = str(path.resolve())
    with _PATH_LOCKS_GUARD:
        return _PATH_LOCKS.setdefault(key, threading.RLock())


def error_kind(error: BaseException) -> str:
    """``busy``, ``damaged``, ``read-only`` or ``other`` for an ``sqlite3.Error``."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    text = str(error).lower()
    for kind, names, _words in _KINDS:
        if name and any(name.startswith(prefix) for prefix in names):
            return kind
    for kind, _names, words in _KINDS:
        if any(word in text for word in words):
            return kind
    return "other"


class StoreLock:
    """A ``flock`` on ``<database>.lock``: shared while a store is open, exclusive only while opening.

    Where ``flock`` does not exist (Windows) the lock is a no-op that counts as exclusive: there
    the system itself refuses to move a file that another program has open.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        self.exclusive = False

    def acquire(self) -> None:
        """Exclusive if nobody else holds the store, else shared (waiting for an opener to finish)."""
        if sys.platform == "win32" or self._fd is None:
            self.exclusive = self._fd is not None
            return
        import fcntl

        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.exclusive = True
        except BlockingIOError:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def share(self) -> None:
        """Keep holding the store, letting other processes open it too."""
        if sys.platform == "win32" or self._fd is None or not self.exclusive:
            return
        import fcntl

        fcntl.flock(self._fd, fcntl.LOCK_SH)
        self.exclusive = False

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return f"{path.resolve().as_uri()}?{query}"


@dataclass
class OpenedDatabase:
    """A database ready for use: how to connect to it, and what opening it found."""

    path: Path
    read_only: bool = False
    immutable: bool = False
    recovered_from: Path | None = None
    lock: StoreLock | None = field(default=None, repr=False)
    schema: int = SCHEMA_VERSION
    """The schema version as found: older only when a read-only store could not be migrated."""

    def connect(self) -> sqlite3.Connection:
        """A fresh connection (callers close it). Never creates a file: a vanished one is an error."""
        if not self.read_only:
            uri = _uri(self.path, mode="rw")
        elif self.immutable:
            uri = _uri(self.path, immutable="1")
        else:
            uri = _uri(self.path, mode="ro")
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(cannot_open(self.path, error)) from error
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if self.read_only:
            connection.execute("PRAGMA query_only = ON")
        else:
            connection.execute("PRAGMA foreign_keys = ON")
            # Every commit on disk before it returns (the WAL synced): a confirmed edit survives a power
            # cut too, not only a killed process.
            connection.execute("PRAGMA synchronous = FULL")
        return connection

    def close(self) -> None:
        if self.lock is not None:
            self.lock.close()
            self.lock = None


def cannot_open(path: Path, error: BaseException) -> str:
    return (
        f"Cannot open the timeline database {path}: {error}. "
        "Check that the folder exists and is writable, or set TIMELINE_DATA_DIR to another folder."
    )


def _busy(path: Path) -> str:
    return (
        f"The timeline database {path} is in use by another program that has not let go of it for "
        f"{BUSY_TIMEOUT_S:.0f} seconds. Try again in a moment."
    )


def _retry_busy(step: Callable[[], T]) -> T:
    """``step()``, again while SQLite answers busy without waiting itself (a journal-mode switch)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            return step()
        except sqlite3.Error as error:
            if error_kind(error) != "busy" or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _prepare_writable(path: Path) -> None:
    """WAL mode and this schema in ``path`` (created if new); raises what SQLite or the schema says."""
    connection = sqlite3.connect(
        _uri(path, mode="rwc"), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None
    )
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _retry_busy(lambda: prepare_schema(connection))  # first: a file that is not ours stays as it is
        _retry_busy(lambda: connection.execute("PRAGMA journal_mode = WAL").fetchone())
    finally:
        connection.close()


def _damage(path: Path) -> str | None:
    """Why ``path`` is damaged (not SQLite, or failing the integrity check), or None if it is sound."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"it cannot be read ({error})"
    if header and header != SQLITE_HEADER:
        return "it is not a SQLite database"
    try:
        connection = sqlite3.connect(_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        if error_kind(error) == "busy":
            return None
        return f"the integrity check failed ({error})"
    if [tuple(row) for row in rows] != [("ok",)]:
        return f"the integrity check failed ({rows[0][0] if rows else 'no answer'})"
    return None


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


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_database(path: Path) -> OpenedDatabase:
    """Make ``path`` a ready store (creating it if missing) and hold it; see the module docstring."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if not path.parent.is_dir():
            raise StoreError(cannot_open(path, error)) from error
    lock: StoreLock | None = None
    try:
        if _writable(path):
            try:
                lock = StoreLock(path)
            except OSError:
                lock = None
        if lock is not None:
            lock.acquire()
            opened = _open_writable(path, lock)
            lock.share()  # never keep others waiting, whichever way it is opened
            if opened is not None:
                return opened
        return _open_read_only(path, lock)
    except BaseException:
        if lock is not None:
            lock.close()
        raise


def _open_writable(path: Path, lock: StoreLock) -> OpenedDatabase | None:
    """The store opened for writing, a damaged file set aside first if it has to be; None if SQLite
    cannot write here after all (open it read-only)."""
    try:
        _prepare_writable(path)
        return OpenedDatabase(path, lock=lock)
    except NewerSchema as error:
        raise StoreError(f"The timeline database {path} cannot be used: {error}. Update the app.") from error
    except NotThisSchema as error:
        reason = str(error)
    except sqlite3.Error as error:
        kind = error_kind(error)
        if kind == "busy":
            raise StoreError(_busy(path)) from error
        if kind == "read-only":
            return None
        if kind != "damaged":
            raise StoreError(cannot_open(path, error)) from error
        reason = _damage(path) or ""
        if not reason:
            raise StoreError(cannot_open(path, error)) from error
    if not lock.exclusive:
        raise StoreError(
            f"The timeline database {path} looks damaged ({reason}), but another program has it open, "
            "so it was left in place. Close the other timeline windows or programs and reload."
        )
    try:
        target = _set_aside(path)
    except OSError as move_error:
        raise StoreError(
            f"The timeline database {path} is damaged ({reason}) and could not be moved aside "
            f"({move_error}). Move it away by hand, or set TIMELINE_DATA_DIR to another folder."
        ) from move_error
    try:
        _prepare_writable(path)
    except sqlite3.Error as error:
        raise StoreError(cannot_open(path, error)) from error
    return OpenedDatabase(path, recovered_from=target, lock=lock)


def _open_read_only(path: Path, lock: StoreLock | None) -> OpenedDatabase:
    if not path.exists():
        raise StoreError(
            f"Cannot create the timeline database {path}: the folder cannot be written. "
            "Set TIMELINE_DATA_DIR to a writable folder."
        )
    last: BaseException | None = None
    for immutable in (False, True):
        opened = OpenedDatabase(path, read_only=True, immutable=immutable, lock=lock)
        try:
            connection = opened.connect()
            try:
                opened.schema = check_schema(connection, older=True)
                connection.execute("SELECT COUNT(*) FROM events").fetchone()
            finally:
                connection.close()
            return opened
        except (sqlite3.Error, StoreError) as error:
            last = error
        except (NotThisSchema, NewerSchema) as error:
            last = error
            break
    raise StoreError(
        f"The timeline database {path} cannot be read ({last}), and its folder cannot be written, so it "
        "cannot be rebuilt there. Set TIMELINE_DATA_DIR to a writable folder."
    ) from last
