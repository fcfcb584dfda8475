"""Writing files so that a crash (``kill -9``, power loss) leaves the old file or the new one, never half.

``write_atomic`` writes a temporary file beside the target, flushes it to disk (``fsync``), renames it
over the target (``os.replace``, atomic on POSIX and Windows) and flushes the folder, so the rename
itself is on disk before the caller goes on. ``folder_lock`` serialises writers of one folder across
processes (``flock``) and across the threads of one process (Streamlit sessions).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TEMP_PREFIX = ".tmp-"
"""Temporary files start with a dot: the folder sync never reads hidden files."""

_THREAD_LOCKS: dict[str, threading.Lock] = {}
_GUARD = threading.Lock()


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename or a new file) to disk; a no-op where folders cannot be opened."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` whole (see the module docstring); the folder must exist."""
    descriptor, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def write_json_atomic(path: Path, data: Any) -> None:
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a writer that was killed (call only while holding ``folder_lock``)."""
    for leftover in folder.glob(TEMP_PREFIX + "*.part"):
        leftover.unlink(missing_ok=True)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``<folder>/.lock`` exclusively: one writer at a time in this folder, across processes."""
    folder.mkdir(parents=True, exist_ok=True)
    key = str(folder.resolve())
    with _GUARD:
        thread_lock = _THREAD_LOCKS.setdefault(key, threading.Lock())
    with thread_lock:
        descriptor = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the flock
