"""Many processes opening one new store at the same moment: nothing is set aside, nothing fails;
a locked store is waited for, never taken for damaged.

Eight worker processes (spawned, as a second server or a CLI run would be) meet at a barrier before
each round, then all open the same new database at once, write one event each and read them back.
After every round the folder must hold exactly the database (no ``.corrupt`` copy) with every
worker's event in it. The workers wait on a barrier, never on time.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import traceback
from contextlib import closing
from datetime import date
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest

from timeline.model import Document, Event, Mention, Source
from timeline.store import DATABASE_NAME, EventStore, Pipeline, StoreError, database

WORKERS = 8
ROUNDS = 50
JOIN_TIMEOUT = 600.0
"""Only a guard against a hung worker (the machine is shared and slow); nothing is timed."""


def _event(worker: int) -> Event:
    text = f"Worker {worker} reported talks on 2020-01-0{worker % 9 + 1}."
    day = date(2020, 1, worker % 9 + 1)
    mention = Mention(f"doc-{worker}", (0, len(text)), text, text, (0, len(text)))
    source = Source(f"doc-{worker}", None, None, None, None)
    return Event(f"ev-{worker}", day, day, "day", str(day), str(day), "Talks", text, (mention,), (source,))


def _no_document(path: Path, catalog: object) -> Document:
    raise AssertionError("the workers' articles folders are empty")


PIPELINE = Pipeline(
    load_catalog=lambda folder: None,
    load_document=_no_document,
    extract_events=lambda document: [],
    merge_events=list,  # a rebuild shows exactly the stored records
)


def _worker(worker: int, base: str, barrier: Barrier, results: Any) -> None:
    empty_sources = Path(base) / f"sources-{worker}"
    empty_sources.mkdir()
    for round_number in range(ROUNDS):
        barrier.wait(JOIN_TIMEOUT)
        outcome: tuple[str, int | str]
        try:
            store = EventStore(Path(base) / f"round-{round_number}" / DATABASE_NAME, pipeline=PIPELINE)
            report = store.sync(empty_sources)
            store.import_events([_event(worker)])
            outcome = (
                "set aside" if store.recovered_from or report.recovered_from else "ok",
                len(store.events()),
            )
            store.close()
        except BaseException:  # reported to the test, which fails on it
            outcome = ("error", traceback.format_exc())
        results.put((worker, round_number, *outcome))


def test_eight_processes_opening_one_new_store_at_once(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(worker, str(tmp_path), barrier, results))
        for worker in range(WORKERS)
    ]
    for process in workers:
        process.start()
    try:
        outcomes = [results.get(timeout=JOIN_TIMEOUT) for _ in range(WORKERS * ROUNDS)]
        for process in workers:
            process.join(JOIN_TIMEOUT)
    finally:
        for process in workers:
            if process.is_alive():
                process.kill()
    assert [process.exitcode for process in workers] == [0] * WORKERS

    problems = [outcome for outcome in outcomes if outcome[2] != "ok"]
    assert problems == [], problems[:3]
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round-{round_number}"
        leftovers = sorted(path.name for path in folder.iterdir() if ".corrupt" in path.name)
        assert leftovers == [], (round_number, leftovers)
        store = EventStore(folder / DATABASE_NAME, pipeline=PIPELINE)
        assert sorted(event.id for event in store.events()) == [f"ev-{worker}" for worker in range(WORKERS)]
        assert store.recovered_from is None
        store.close()


def test_a_locked_database_is_waited_for_and_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store in rollback-journal mode (as an older app or another tool may leave it) that another
    connection holds with an exclusive lock: opening it waits, then says it is busy; nothing moves."""
    path = tmp_path / DATABASE_NAME
    EventStore(path, pipeline=PIPELINE).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    before = path.read_bytes()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="in use by another program"):
            EventStore(path, pipeline=PIPELINE)
    finally:
        holder.close()
    assert sorted(item.name for item in tmp_path.iterdir()) == [DATABASE_NAME, DATABASE_NAME + ".lock"]
    assert path.read_bytes() == before
    store = EventStore(path, pipeline=PIPELINE)  # once let go, it opens as it was
    assert store.recovered_from is None and store.events() == []
    store.close()
