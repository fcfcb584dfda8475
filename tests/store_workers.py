"""The worker processes of ``test_store_concurrency`` (a module of its own, light to import: each
spawned worker imports it, and neither pytest nor the test module)."""

from __future__ import annotations

import traceback
from datetime import date
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from timeline.model import Document, Event, Mention, Source
from timeline.store import DATABASE_NAME, EventStore, Pipeline

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


def work(worker: int, base: str, barrier: Barrier, results: Any) -> None:
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
