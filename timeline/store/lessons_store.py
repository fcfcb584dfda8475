"""A teacher's lessons: ordered slides of events, each with a note, and an optional teacher's date span.

A lesson is found by its ``slug`` (made from its first title, unique in the collection and kept when the
lesson is renamed, so a shared ``?lesson=<slug>`` link keeps working). A slide names its event by id and
by anchor (``timeline.corrections.Anchor``), so it finds its event again after re-extraction like an
edit does (``lesson_events``); a slide whose event is gone is shown as missing, never dropped silently.
Every change is one ``BEGIN IMMEDIATE`` transaction. Lessons are the teacher's working material, not a
record of corrections, so they are changed in place (unlike edits).
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuids
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from timeline.corrections import Anchor, EditError, EventIndex, anchor_of
from timeline.model import Event
from timeline.store import slugs
from timeline.store.edits_store import write_transaction
from timeline.store.event_store import EventStore
from timeline.store.rows import parse_day
from timeline.store.schema import now_iso

MAX_LESSON_TITLE = 120
MAX_NOTE_CHARS = 4000
MAX_SLIDES = 200


@dataclass(frozen=True, slots=True)
class Slide:
    position: int
    event_id: str
    anchor: Anchor | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Lesson:
    slug: str
    title: str
    slides: tuple[Slide, ...] = ()
    span_from: date | None = None
    span_to: date | None = None
    created_at: str = ""
    updated_at: str = ""
    uuid: str = ""


def slugify(text: str) -> str:
    """A lesson's slug from its title ("Iran–Iraq War 1980–88" -> "iran-iraq-war-1980-88")."""
    return slugs.slugify(text, "lesson")


def _title(text: str) -> str:
    title = " ".join(str(text or "").split())
    if not title:
        raise EditError("A lesson needs a title.")
    if len(title) > MAX_LESSON_TITLE:
        raise EditError(f"A lesson's title can have at most {MAX_LESSON_TITLE} characters.")
    return title


def _note(text: str) -> str:
    note = str(text or "").strip()
    if len(note) > MAX_NOTE_CHARS:
        raise EditError(f"A slide's note can have at most {MAX_NOTE_CHARS} characters.")
    return note


def _day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _lesson_id(connection: sqlite3.Connection, slug: str) -> int:
    row = connection.execute("SELECT id FROM lessons WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        raise EditError(f"There is no lesson {slug!r}.")
    return int(row[0])


def _read(connection: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[Lesson]:
    lessons: list[Lesson] = []
    rows = connection.execute(
        f"SELECT id, slug, title, span_from, span_to, created_at, updated_at, uuid FROM lessons {where} "
        "ORDER BY created_at, id",
        tuple(params),
    ).fetchall()
    for row in rows:
        slides = tuple(
            Slide(int(position), str(event_id or ""), _anchor(anchor), str(note or ""))
            for position, event_id, anchor, note in connection.execute(
                "SELECT position, event_id, anchor, note FROM lesson_slides WHERE lesson_id = ? "
                "ORDER BY position",
                (row[0],),
            )
        )
        lessons.append(
            Lesson(
                slug=str(row[1]),
                title=str(row[2]),
                slides=slides,
                span_from=parse_day(row[3]),
                span_to=parse_day(row[4]),
                created_at=str(row[5] or ""),
                updated_at=str(row[6] or ""),
                uuid=str(row[7] or ""),
            )
        )
    return lessons


def _anchor(text: Any) -> Anchor | None:
    try:
        return Anchor.from_json(json.loads(text)) if text else None
    except (TypeError, ValueError):
        return None


def lessons(store: EventStore) -> list[Lesson]:
    """Every lesson, oldest first (none on a read-only store of the old schema)."""
    if store.schema < 2:
        return []
    with store.connection() as connection:
        return _read(connection, "", ())


def lesson(store: EventStore, slug: str) -> Lesson | None:
    if store.schema < 2:
        return None
    with store.connection() as connection:
        found = _read(connection, "WHERE slug = ?", (slug,))
    return found[0] if found else None


def create_lesson(
    store: EventStore, title: str, *, slug: str | None = None, uuid: str | None = None
) -> Lesson:
    """A new, empty lesson; its slug comes from the title (numbered when taken) unless given."""
    clean = _title(title)
    with write_transaction(store) as connection:
        base = slugify(slug or clean)
        chosen, counter = base, 2
        while connection.execute("SELECT 1 FROM lessons WHERE slug = ?", (chosen,)).fetchone():
            chosen, counter = f"{base}-{counter}", counter + 1
        now = now_iso()
        connection.execute(
            "INSERT INTO lessons(uuid, slug, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (uuid or uuids.uuid4().hex, chosen, clean, now, now),
        )
    found = lesson(store, chosen)
    assert found is not None
    return found


def _touch(connection: sqlite3.Connection, lesson_id: int) -> None:
    connection.execute("UPDATE lessons SET updated_at = ? WHERE id = ?", (now_iso(), lesson_id))


def rename_lesson(store: EventStore, slug: str, title: str) -> Lesson:
    """A new title; the slug (and so the lesson's link) stays."""
    clean = _title(title)
    with write_transaction(store) as connection:
        lesson_id = _lesson_id(connection, slug)
        connection.execute("UPDATE lessons SET title = ? WHERE id = ?", (clean, lesson_id))
        _touch(connection, lesson_id)
    return _found(store, slug)


def set_span(store: EventStore, slug: str, span_from: date | None, span_to: date | None) -> Lesson:
    """The teacher's date span shown for the lesson (either end may be open); EditError if reversed."""
    if span_from and span_to and span_to < span_from:
        raise EditError("The lesson's span ends before it starts.")
    with write_transaction(store) as connection:
        lesson_id = _lesson_id(connection, slug)
        connection.execute(
            "UPDATE lessons SET span_from = ?, span_to = ? WHERE id = ?",
            (_day(span_from), _day(span_to), lesson_id),
        )
        _touch(connection, lesson_id)
    return _found(store, slug)


def delete_lesson(store: EventStore, slug: str) -> None:
    """Remove a lesson and its slides (the events and edits are untouched)."""
    with write_transaction(store) as connection:
        connection.execute("DELETE FROM lessons WHERE id = ?", (_lesson_id(connection, slug),))


def _positions(connection: sqlite3.Connection, lesson_id: int) -> list[tuple[str, str | None, str]]:
    return [
        (str(row[0]), row[1], str(row[2]))
        for row in connection.execute(
            "SELECT event_id, anchor, note FROM lesson_slides WHERE lesson_id = ? ORDER BY position",
            (lesson_id,),
        )
    ]


def _rewrite(
    connection: sqlite3.Connection, lesson_id: int, slides: list[tuple[str, str | None, str]]
) -> None:
    connection.execute("DELETE FROM lesson_slides WHERE lesson_id = ?", (lesson_id,))
    connection.executemany(
        "INSERT INTO lesson_slides(lesson_id, position, event_id, anchor, note) VALUES (?, ?, ?, ?, ?)",
        ((lesson_id, position, *slide) for position, slide in enumerate(slides)),
    )
    _touch(connection, lesson_id)


def _slide_change(store: EventStore, slug: str, change: Any) -> Lesson:
    with write_transaction(store) as connection:
        lesson_id = _lesson_id(connection, slug)
        slides = _positions(connection, lesson_id)
        _rewrite(connection, lesson_id, change(slides))
    return _found(store, slug)


def _index(slides: Sequence[object], position: int) -> int:
    if not 0 <= position < len(slides):
        raise EditError(f"The lesson has no slide {position + 1}.")
    return position


def add_slide(
    store: EventStore, slug: str, event: Event, note: str = "", position: int | None = None
) -> Lesson:
    """Put ``event`` in the lesson at ``position`` (0-based; default: last)."""
    anchor = anchor_of(event)
    entry = (event.id, json.dumps(anchor.to_json()) if anchor else None, _note(note))

    def change(slides: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
        if len(slides) >= MAX_SLIDES:
            raise EditError(f"A lesson can have at most {MAX_SLIDES} slides.")
        at = len(slides) if position is None else max(0, min(position, len(slides)))
        return [*slides[:at], entry, *slides[at:]]

    return _slide_change(store, slug, change)


def remove_slide(store: EventStore, slug: str, position: int) -> Lesson:
    return _slide_change(
        store, slug, lambda slides: [s for i, s in enumerate(slides) if i != _index(slides, position)]
    )


def move_slide(store: EventStore, slug: str, position: int, to: int) -> Lesson:
    """Move slide ``position`` to ``to`` (both 0-based; ``to`` is clamped to the ends)."""

    def change(slides: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
        moved = slides.pop(_index(slides, position))
        slides.insert(max(0, min(to, len(slides))), moved)
        return slides

    return _slide_change(store, slug, change)


def set_slide_note(store: EventStore, slug: str, position: int, note: str) -> Lesson:
    clean = _note(note)

    def change(slides: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
        event_id, anchor, _old = slides[_index(slides, position)]
        slides[position] = (event_id, anchor, clean)
        return slides

    return _slide_change(store, slug, change)


def _found(store: EventStore, slug: str) -> Lesson:
    found = lesson(store, slug)
    if found is None:
        raise EditError(f"There is no lesson {slug!r}.")
    return found


def lesson_events(lesson: Lesson, events: Sequence[Event]) -> list[tuple[Slide, Event | None]]:
    """Each slide with its event among ``events`` (the corrected ones), found by id then anchor;
    None when the event no longer exists (show the slide as missing)."""
    index = EventIndex.build(list(events))
    return [(slide, index.locate(slide.event_id, slide.anchor)) for slide in lesson.slides]


def lesson_to_json(item: Lesson) -> dict[str, Any]:
    """One lesson as a backup keeps it (``lessons.json``)."""
    return {
        "uuid": item.uuid,
        "slug": item.slug,
        "title": item.title,
        "span_from": _day(item.span_from),
        "span_to": _day(item.span_to),
        "created_at": item.created_at,
        "slides": [
            {
                "event_id": slide.event_id,
                "anchor": slide.anchor.to_json() if slide.anchor else None,
                "note": slide.note,
            }
            for slide in item.slides
        ],
    }


def import_lessons(store: EventStore, items: Sequence[Any]) -> tuple[int, int]:
    """Add the lessons of a backup that are not here yet (by uuid), in one transaction; a slug already
    taken by another lesson is numbered. Returns (added, already there); ValueError on a bad record."""
    added = skipped = 0
    with write_transaction(store) as connection:
        for data in items:
            if not isinstance(data, dict) or not isinstance(data.get("uuid"), str) or not data["uuid"]:
                raise ValueError("a lesson without its uuid")
            if connection.execute("SELECT 1 FROM lessons WHERE uuid = ?", (data["uuid"],)).fetchone():
                skipped += 1
                continue
            title = _title(str(data.get("title") or ""))
            base = slugify(str(data.get("slug") or title))
            chosen, counter = base, 2
            while connection.execute("SELECT 1 FROM lessons WHERE slug = ?", (chosen,)).fetchone():
                chosen, counter = f"{base}-{counter}", counter + 1
            now = now_iso()
            cursor = connection.execute(
                "INSERT INTO lessons(uuid, slug, title, span_from, span_to, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    data["uuid"], chosen, title,
                    _day(parse_day(data.get("span_from"))), _day(parse_day(data.get("span_to"))),
                    str(data.get("created_at") or now), now,
                ),
            )  # fmt: skip
            slides = data.get("slides") or []
            if not isinstance(slides, list):
                raise ValueError(f"lesson {title!r} has no list of slides")
            rows = []
            for slide in slides[:MAX_SLIDES]:
                if not isinstance(slide, dict):
                    raise ValueError(f"lesson {title!r} has a bad slide")
                anchor = Anchor.from_json(slide.get("anchor"))
                rows.append((
                    str(slide.get("event_id") or ""),
                    json.dumps(anchor.to_json()) if anchor else None,
                    _note(str(slide.get("note") or "")),
                ))  # fmt: skip
            _rewrite(connection, int(cursor.lastrowid or 0), rows)
            added += 1
    return added, skipped
