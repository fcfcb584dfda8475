"""A small, real-enough pipeline for the workspace tests (store edits, collections, backup, CLI).

Each sentence of an article that holds an ISO date (YYYY-MM-DD) is one event; the event's id follows
the date's character offset (as the real extractor's ids do), so rewriting an article around a sentence
moves the id while the sentence, and so the anchor, stays. Events on one day from several articles merge.
Light to import: the spawned worker processes of the kill tests import it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from timeline.model import Document, Event, Mention, Source
from timeline.store import Pipeline

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def load_catalog(folder: Path) -> dict[str, Any] | None:
    path = folder / "catalog.json"
    if not path.exists():
        return None
    return dict(json.loads(path.read_text(encoding="utf-8")).get("articles", {}))


def load_document(path: Path, catalog: Any) -> Document:
    entry = (catalog or {}).get(path.name, {})
    published = date.fromisoformat(entry["published"]) if entry.get("published") else None
    return Document(
        doc_id=path.name,
        text=path.read_text(encoding="utf-8"),
        title=entry.get("title"),
        outlet=entry.get("outlet"),
        url=entry.get("url"),
        published=published,
        mode=entry.get("mode") or "news",
        path=str(path),
    )


def extract_events(document: Document) -> list[Event]:
    source = Source(document.doc_id, document.title, document.outlet, document.url, document.published)
    events = []
    for sentence in SENTENCE.finditer(document.text):
        found = ISO_DATE.search(sentence.group())
        if not found:
            continue
        start = sentence.start() + found.start()
        span = (start, start + len(found.group()))
        day = date.fromisoformat(found.group())
        text = sentence.group().strip()
        mention = Mention(document.doc_id, span, found.group(), text, (sentence.start(), sentence.end()))
        title = text.split(",")[0][:60]
        events.append(
            Event(
                f"{document.doc_id}:{span[0]}",
                day,
                day,
                "day",
                str(day),
                str(day),
                title,
                text,
                (mention,),
                (source,),
            )
        )
    return events


def merge_events(events: Sequence[Event]) -> list[Event]:
    by_day: dict[date | None, list[Event]] = {}
    for event in events:
        by_day.setdefault(event.start, []).append(event)
    merged = []
    for group in by_day.values():
        first = group[0]
        if len(group) == 1:
            merged.append(first)
            continue
        merged.append(
            Event(
                first.id,
                first.start,
                first.end,
                "day",
                first.value,
                first.display_date,
                first.title,
                first.sentence,
                tuple(m for e in group for m in e.mentions),
                tuple(s for e in group for s in e.sources),
            )
        )
    return merged


PIPELINE = Pipeline(load_catalog, load_document, extract_events, merge_events)


def add_articles_forever(data_dir: str, confirmed: Any) -> None:
    """A writer process: adds articles to the collection "war" until killed, sending each name once
    ``add_article`` has returned."""
    from timeline.documents.intake import Draft
    from timeline.workspace import add_article, get_collection

    war = get_collection("war", Path(data_dir))
    number = 0
    while True:
        number += 1
        text = f"Article {number} reports talks on 2001-01-{number % 28 + 1:02d}."
        confirmed.send(add_article(war, Draft("n", text)).path.name)


def save_edits_forever(database: str, writer: str, start: int, confirmed: Any) -> None:
    """A writer process: saves title edits through ``save_edit`` until killed, sending each uuid once
    ``save_edit`` has returned ``Saved``. It starts at edit ``start`` (the first one not confirmed,
    saved again under the same uuid after a kill: it must not be stored twice)."""
    from timeline.corrections import Edit
    from timeline.store import EventStore
    from timeline.store.edits_store import Saved, save_edit

    store = EventStore(Path(database), pipeline=PIPELINE)
    number = start
    while True:
        key = f"{writer}-{number}"
        edit = Edit(field="title", new=f"Title {key}", event_id=f"ev-{key}", author=writer)
        result = save_edit(store, edit, None, uuid=key)
        if not isinstance(result, Saved):
            raise AssertionError(f"unexpected conflict on {key}")
        confirmed.send(key)
        number += 1


def sync_reporting(database: str, folder: str, extracted: Any) -> None:
    """A process syncing ``folder`` into the store, sending each article's name as its extraction
    starts (the parent kills it in the middle), then "done"."""
    from timeline.store import EventStore

    store = EventStore(Path(database), pipeline=PIPELINE)
    store.sync(Path(folder), lambda done, total, name: extracted.send(name))
    extracted.send("done")


def race_saves(database: str, writer: str, rounds: int, barrier: Any, results: Any) -> None:
    """One of two editors: each round, both save a title on the same event having seen no edit on it
    (the barrier lines them up); reports Saved or Conflict per round."""
    from timeline.corrections import Edit
    from timeline.store import EventStore
    from timeline.store.edits_store import Saved, save_edit

    store = EventStore(Path(database), pipeline=PIPELINE)
    for number in range(rounds):
        edit = Edit(field="title", new=f"{writer} {number}", event_id=f"ev-{number}", author=writer)
        barrier.wait(120)
        result = save_edit(store, edit, None)
        results.put((number, writer, "saved" if isinstance(result, Saved) else "conflict"))
