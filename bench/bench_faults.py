"""Fault benchmark: two editors saving edits at once while their processes are killed with ``kill -9``.

Two writer processes save title edits into one store through the store's API
(``timeline.store.edits_store.save_edit``, one ``BEGIN IMMEDIATE`` transaction each, with a uuid per
edit). A writer sends ``<uuid>`` down its pipe only after ``save_edit`` returned; only then does the edit
count as confirmed (as a form says "saved" only then). Both write to the same events, so they also
conflict: a writer that gets a ``Conflict`` takes the other's edit as seen and saves again (as an editor
choosing their own value would), so conflicts exercise the same path.

The parent waits for a random number (1-8) of confirmations (state, not time), then kills one writer or
both with SIGKILL at whatever point they are in their next save, and forks them again; a restarted
writer first saves again the edit it was saving when killed, under the same uuid (it must not be
stored twice). It stops after ``--saves`` confirmed edits (at least 200) or ``--max-rounds`` kills.
Then it reopens the store and checks: every confirmed edit is there (0 lost), no uuid is there twice
and each stored edit is whole (0 duplicated, 0 damaged), and ``PRAGMA integrity_check`` is ok (also
checked after every kill).

The peer, run the same way in the same run: the same writers keeping their edits in a JSON file
rewritten in place (``open(..., "w")`` + ``json.dump``, no transaction, no rename) with a lock file
against each other: what an app that "just saves a file" does. Its losses are the ratio's other side.

Bounded: local files in a temporary folder, at most ``--max-rounds`` kills, a time-out per wait.

usage: .venv/bin/python bench/bench_faults.py [--saves N] [--max-rounds R] [--seed S] [--skip-peer]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

import timeline.store.edits_store  # noqa: F401  (imported once here: forked writers start at once)

FORK = multiprocessing.get_context("fork")

EVENTS = 8
"""Both writers edit the titles of these few events, so they do get in each other's way."""
WAIT_S = 120.0
"""Only a guard against a hung writer (the machine is shared); nothing is timed."""


# -- the writers (forked child processes) ----------------------------------------------------------


def _no_pipeline() -> object:
    """The writers never sync: a pipeline that is never called."""
    from timeline.store import Pipeline

    def never(*_args: object) -> object:
        raise AssertionError("the benchmark's store never extracts")

    return Pipeline(never, never, never, never)  # type: ignore[arg-type]


def _store_writer(database: Path, name: str, start: int, confirmed: Connection) -> None:
    from timeline.corrections import Edit
    from timeline.store import EventStore
    from timeline.store.edits_store import Conflict, save_edit

    store = EventStore(database, pipeline=_no_pipeline())  # type: ignore[arg-type]
    seen: dict[str, int | None] = {}
    number = start
    while True:
        key = f"{name}-{number}"
        event_id = f"ev-{number % EVENTS}"
        edit = Edit(field="title", new=f"Title {key}", event_id=event_id, author=name)
        result = save_edit(store, edit, seen.get(event_id), uuid=key)
        while isinstance(result, Conflict):  # the other editor saved since: keep mine over theirs
            confirmed.send("conflict")
            result = save_edit(store, edit, result.theirs.id, uuid=key)
        seen[event_id] = result.edit.id
        confirmed.send(key)
        number += 1


def _file_writer(path: Path, name: str, start: int, confirmed: Connection) -> None:
    lock = path.with_name(path.name + ".lock")
    number = start
    while True:
        key = f"{name}-{number}"
        with open(lock, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                edits = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
            except ValueError:
                edits = []  # what such an app does with a file it cannot read: start again
            if not any(edit["uuid"] == key for edit in edits):
                edits.append({"uuid": key, "title": f"Title {key}", "event": f"ev-{number % EVENTS}"})
            with open(path, "w", encoding="utf-8") as out:
                json.dump(edits, out)
        confirmed.send(key)
        number += 1


# -- the parent -----------------------------------------------------------------------------------


@dataclass
class Writer:
    name: str
    next_number: int = 0
    process: BaseProcess | None = None
    pipe: Connection | None = None


@dataclass
class Outcome:
    kind: str
    confirmed: set[str] = field(default_factory=set)
    found: list[str] = field(default_factory=list)
    damaged: int = 0
    integrity: str = "ok"
    kills: int = 0
    restarts: int = 0
    conflicts: int = 0
    seconds: float = 0.0

    @property
    def lost(self) -> int:
        return len(self.confirmed - set(self.found))

    @property
    def duplicated(self) -> int:
        return len(self.found) - len(set(self.found))


def _start(kind: str, target: Path, writer: Writer) -> None:
    """Fork a writer (the parent has imported the store already, so a restart takes milliseconds)."""
    receiver, sender = FORK.Pipe(duplex=False)
    function = _store_writer if kind == "store" else _file_writer
    writer.process = FORK.Process(target=function, args=(target, writer.name, writer.next_number, sender))
    writer.process.start()
    sender.close()
    writer.pipe = receiver


def _take(writer: Writer, outcome: Outcome, key: str) -> None:
    if key == "conflict":
        outcome.conflicts += 1
        return
    outcome.confirmed.add(key)
    writer.next_number = int(key.rsplit("-", 1)[1]) + 1


def _wait_one(writers: list[Writer], outcome: Outcome) -> None:
    """Wait for the next confirmation from any writer."""
    pipes = {id(writer.pipe): writer for writer in writers if writer.pipe is not None}
    ready = wait([writer.pipe for writer in writers if writer.pipe is not None], WAIT_S)
    if not ready:
        raise RuntimeError("the writers stopped confirming")
    for pipe in ready:
        writer = pipes[id(pipe)]
        assert writer.pipe is not None
        try:
            _take(writer, outcome, writer.pipe.recv())
        except EOFError:
            raise RuntimeError(f"writer {writer.name} died by itself") from None


def _kill(writer: Writer, outcome: Outcome) -> None:
    process, pipe = writer.process, writer.pipe
    assert process is not None and pipe is not None and process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    while pipe.poll(0):  # sent before the kill: confirmed too
        try:
            _take(writer, outcome, pipe.recv())
        except EOFError:
            break
    pipe.close()
    writer.process = writer.pipe = None
    outcome.kills += 1


def _check_store(database: Path, outcome: Outcome) -> None:
    with closing(sqlite3.connect(database)) as connection:
        outcome.integrity = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        rows = connection.execute("SELECT uuid, new, event_id FROM edits").fetchall()
    outcome.found = [str(row[0]) for row in rows]
    outcome.damaged = sum(1 for key, new, _event in rows if json.loads(new) != f"Title {key}")


def _check_file(path: Path, outcome: Outcome) -> None:
    try:
        edits = json.loads(path.read_text(encoding="utf-8"))
        outcome.integrity = "ok"
    except (OSError, ValueError) as error:
        edits = []
        outcome.integrity = f"unreadable ({type(error).__name__})"
    outcome.found = [str(edit["uuid"]) for edit in edits]
    outcome.damaged = sum(1 for edit in edits if edit["title"] != f"Title {edit['uuid']}")


def run(kind: str, folder: Path, saves: int, max_rounds: int, rng: random.Random) -> Outcome:
    outcome = Outcome(kind)
    began = time.monotonic()
    if kind == "store":
        target = folder / "timeline.sqlite3"
        from timeline.store import EventStore

        EventStore(target, pipeline=_no_pipeline()).close()  # type: ignore[arg-type]
    else:
        target = folder / "edits.json"
    writers = [Writer("ana"), Writer("bo")]
    for writer in writers:
        _start(kind, target, writer)
    rounds = 0
    while len(outcome.confirmed) < saves and rounds < max_rounds:
        rounds += 1
        for _ in range(rng.randint(1, 8)):
            _wait_one(writers, outcome)
        victims = writers if rng.random() < 0.25 else [rng.choice(writers)]
        for victim in victims:
            _kill(victim, outcome)
        if kind == "store":
            with closing(sqlite3.connect(target)) as connection:
                if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    outcome.integrity = "failed after a kill"
        for victim in victims:
            _start(kind, target, victim)
            outcome.restarts += 1
    for writer in writers:
        _kill(writer, outcome)
    if kind == "store":
        _check_store(target, outcome)
    else:
        _check_file(target, outcome)
    outcome.seconds = time.monotonic() - began
    return outcome


def report(outcome: Outcome, label: str) -> None:
    print(
        f"{label:<34} confirmed {len(outcome.confirmed):>4}  found {len(set(outcome.found)):>4}  "
        f"lost {outcome.lost:>4}  duplicated {outcome.duplicated}  damaged {outcome.damaged}  "
        f"integrity {outcome.integrity}  ({outcome.kills} kills, {outcome.restarts} restarts, "
        f"{outcome.conflicts} conflicts, "
        f"{outcome.seconds:.0f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300, help="confirmed edits to reach (default 300)")
    parser.add_argument("--max-rounds", type=int, default=400, help="at most this many kill rounds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-peer", action="store_true", help="only the store, not the JSON-file peer")
    parser.add_argument(
        "--writer", nargs=4, metavar=("KIND", "TARGET", "NAME", "START"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.writer:
        kind, target, name, start = args.writer
        (_store_writer if kind == "store" else _file_writer)(Path(target), name, int(start))
        return 0
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as folder:
        (Path(folder) / "store").mkdir()
        (Path(folder) / "file").mkdir()
        store = run("store", Path(folder) / "store", max(args.saves, 1), args.max_rounds, rng)
        report(store, "store (save_edit, BEGIN IMMEDIATE)")
        if not args.skip_peer:
            peer = run(
                "file", Path(folder) / "file", max(args.saves, 1), args.max_rounds, random.Random(args.seed)
            )
            report(peer, "peer (JSON file rewritten in place)")
            print(f"lost per 100 confirmed: store {100 * store.lost / max(len(store.confirmed), 1):.1f}, "
                  f"peer {100 * peer.lost / max(len(peer.confirmed), 1):.1f}")  # fmt: skip
    sound = store.lost == 0 and store.duplicated == 0 and store.damaged == 0 and store.integrity == "ok"
    print("verdict:", "0 lost, 0 duplicated, integrity ok" if sound else "FAILED")
    return 0 if sound else 1


if __name__ == "__main__":
    sys.exit(main())
