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
from contextlib import closing
from pathlib import Path

import pytest
from store_workers import JOIN_TIMEOUT, PIPELINE, ROUNDS, WORKERS, work

from timeline.store import DATABASE_NAME, EventStore, StoreError, database


def test_eight_processes_opening_one_new_store_at_once(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    results = context.Queue()
    workers = [
        context.Process(target=work, args=(worker, str(tmp_path), barrier, results))
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
