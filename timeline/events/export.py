"""Write event records as JSON Lines (the app's and scorer's format), CSV, or a readable table.

``write_csv`` is the one CSV writer: ``timeline extract --csv`` and the app's download
(``timeline.view.export.to_csv``) both use it, so both defuse the cells a spreadsheet would run as a formula.
Each row cites its articles as a reader would (``source_titles``, ``outlets``, ``published``, ``urls``:
one entry per source, in the same order), besides the file names and offsets (``docs``, ``spans``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import TextIO

from timeline.model import Event

CSV_COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "display_date",
    "title",
    "category",
    "actors",
    "planned",
    "anchored",
    "confidence",
    "sentence",
    "docs",
    "spans",
    "time_texts",
    "source_titles",
    "outlets",
    "published",
    "urls",
    "value",
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula (or turns into one) in Excel, LibreOffice or Sheets."""


def write_jsonl(events: Iterable[Event], out: TextIO) -> None:
    """One ``Event.to_json`` object per line."""
    for event in events:
        out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")


def csv_row(event: Event) -> dict[str, str]:
    """A flat row: lists joined with " | " so each record stays one line of a spreadsheet."""

    def joined(values: Iterable[object]) -> str:
        return " | ".join(str(value) for value in values)

    return {
        "id": event.id,
        "start": event.start.isoformat() if event.start else "",
        "end": event.end.isoformat() if event.end else "",
        "precision": event.precision,
        "display_date": event.display_date,
        "title": event.title,
        "category": event.category,
        "actors": joined(event.actors),
        "planned": "yes" if event.planned else "no",
        "anchored": "yes" if event.anchored else "no",
        "confidence": f"{event.confidence:.2f}",
        "sentence": event.sentence,
        "docs": joined(mention.doc for mention in event.mentions),
        "spans": joined(f"{mention.span[0]}-{mention.span[1]}" for mention in event.mentions),
        "time_texts": joined(mention.time_text for mention in event.mentions),
        "source_titles": joined(source.title or source.doc for source in event.sources),
        "outlets": joined(source.outlet or "" for source in event.sources),
        "published": joined(
            source.published.isoformat() if source.published else "" for source in event.sources
        ),
        "urls": joined(source.url or "" for source in event.sources),
        "value": event.value,
    }


def defused(cell: str) -> str:
    """``cell``, with a leading apostrophe when a spreadsheet would run it as a formula (it then shows
    the text as written, the apostrophe hidden)."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def write_csv(
    events: Iterable[Event], out: TextIO, extra: Mapping[str, Callable[[Event], str]] | None = None
) -> None:
    """A header row, then one ``csv_row`` per event, every cell defused; ``extra`` adds columns after
    the standard ones (name -> the cell of an event).

    Rows end with CRLF (RFC 4180), so a cell holding a line break or a lone CR is quoted and stays one cell.
    """
    added = dict(extra or {})
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CSV_COLUMNS, *added])
    for event in events:
        row = csv_row(event)
        cells = [row[column] for column in CSV_COLUMNS] + [cell(event) for cell in added.values()]
        writer.writerow([defused(cell) for cell in cells])


def csv_text(events: Iterable[Event], extra: Mapping[str, Callable[[Event], str]] | None = None) -> str:
    """``write_csv`` into a string."""
    buffer = io.StringIO()
    write_csv(events, buffer, extra)
    return buffer.getvalue()


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(events: Iterable[Event], out: TextIO) -> None:
    """A plain-text table for reading in a terminal: date, category, headline, source."""
    rows = [
        (
            event.display_date + (" (planned)" if event.planned else ""),
            event.category,
            event.title,
            ", ".join(sorted({mention.doc for mention in event.mentions})),
        )
        for event in events
    ]
    if not rows:
        out.write("No dated events found.\n")
        return
    date_width = min(32, max(len(row[0]) for row in rows))
    category_width = max(len(row[1]) for row in rows)
    for when, category, title, docs in rows:
        out.write(
            f"{_clip(when, date_width):<{date_width}}  {category:<{category_width}}  "
            f"{_clip(title, 90)}  [{docs}]\n"
        )
    out.write(f"{len(rows)} events\n")
