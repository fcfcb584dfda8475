"""A copy of the bundle's costly part kept next to the store, so a restarted server skips rebuilding it.

Reading 10,000 stored events, applying the teachers' edits and building their frame (hover labels,
salience) takes about as long as the rest of a first page run together. The result is the same for
every start until the store, its edits or the code change, so ``timeline.ui.state`` keeps it in one
file beside the database (``timeline.sqlite3.view-shown.pickle``, and ``-all`` for editors showing
hidden events) and a restarted server reads it back instead.

The file is the app's own cache, never a source of truth: its first line is the key it was written
for (the database file's identity, the events generation, the newest edit, the hidden switch, and the
versions of the code that shaped it: a digest of the ``timeline`` package's sources and data files,
Python's, pandas' and numpy's), and it is read only when that key is the current one. A stale,
damaged or unreadable file is ignored and replaced; it is written after the page is sent (a thread),
atomically (a temporary file renamed over it); a folder it cannot be written to just means no copy.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import pickle
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline.model import Event

LOG = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]
"""The ``timeline`` package: its sources and data files are part of every key."""

FORMAT = 1
"""Bumped when the file's layout changes."""


@dataclass(frozen=True)
class Snapshot:
    """The corrected events shown (hidden ones left out unless asked for), their frame, and what the
    edits left over (``AppData.orphans``, ``hidden``, ``hidden_articles``)."""

    events: tuple[Event, ...]
    frame: pd.DataFrame
    orphans: tuple[Any, ...]
    hidden: int
    hidden_articles: frozenset[str]


def snapshot_path(database: Path, with_hidden: bool) -> Path:
    return database.with_name(f"{database.name}.view-{'all' if with_hidden else 'shown'}.pickle")


@functools.cache
def code_version() -> str:
    """A digest of everything that decides what a snapshot holds: the package's files and the libraries
    that pickled it (an upgrade of any of them makes every snapshot stale)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    versions = (sys.version, pd.__version__, np.__version__, pickle.HIGHEST_PROTOCOL)
    digest.update(repr(versions).encode("utf-8"))
    return digest.hexdigest()


def snapshot_key(database: Path, edits_key: tuple[int, int], with_hidden: bool) -> str:
    """The key a snapshot of ``database`` in this state must carry to be read: the file's identity (a
    rebuilt or replaced database starts its generations again), ``edits_key`` (events generation,
    newest edit id), the hidden switch and ``code_version``."""
    status = database.stat()
    return json.dumps(
        [FORMAT, status.st_dev, status.st_ino, *edits_key, with_hidden, code_version()], separators=(",", ":")
    )


def load_snapshot(database: Path, key: str, with_hidden: bool) -> Snapshot | None:
    """The snapshot written for ``key``, or None (none yet, another key, unreadable)."""
    path = snapshot_path(database, with_hidden)
    try:
        with path.open("rb") as file:
            if file.readline().rstrip(b"\n") != key.encode("utf-8"):
                return None
            snapshot = pickle.load(file)  # (the app's own file, read only under its own key)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged copy is only a cache: build the bundle as without it
        LOG.warning("Ignoring the unreadable view snapshot %s", path, exc_info=True)
        return None
    return snapshot if isinstance(snapshot, Snapshot) else None


def save_snapshot(database: Path, key: str, with_hidden: bool, snapshot: Snapshot) -> threading.Thread:
    """Write ``snapshot`` under ``key`` in a thread (it is read-only: the pages never change it); the
    thread is returned for tests to join."""
    writer = threading.Thread(
        target=_write, args=(snapshot_path(database, with_hidden), key, snapshot), daemon=True
    )
    writer.start()
    return writer


STALE_PART_S = 600
"""A temporary file older than this was left by a server stopped while writing: removed."""


def _write(path: Path, key: str, snapshot: Snapshot) -> None:
    temporary: Path | None = None
    try:
        _remove_stale_parts(path)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        ) as file:
            temporary = Path(file.name)
            file.write(key.encode("utf-8") + b"\n")
            pickle.dump(snapshot, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # a read-only or full folder: the next start builds the bundle again
        LOG.warning("Could not write the view snapshot %s", path, exc_info=True)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _remove_stale_parts(path: Path) -> None:
    now = time.time()
    for part in path.parent.glob(f".{path.name}.*.part"):
        try:
            if now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
        except OSError:
            pass  # another server removed or is finishing it


def forget_snapshots(database: Path) -> None:
    """Remove the snapshots of ``database`` (a reload asked for: the next build reads the store)."""
    for with_hidden in (False, True):
        try:
            snapshot_path(database, with_hidden).unlink(missing_ok=True)
        except OSError:
            LOG.warning("Could not remove a view snapshot of %s", database, exc_info=True)
