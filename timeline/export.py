"""Downloads of the current view: CSV, JSON, TimelineJS JSON and a self-contained chart HTML.

- ``to_csv(events)``: the events of the view, one row per event, written by the same writer as
  ``timeline extract --csv`` (``timeline.events.export.write_csv``: lists joined with " | ", cells a
  spreadsheet would run as a formula, starting with = + - @ or a tab or CR, prefixed with an
  apostrophe), as UTF-8 with a BOM so spreadsheet programs pick the right encoding; its last column,
  ``edited``, says what a teacher changed by hand.
- ``to_json(events)``: a JSON **array** of ``Event.to_json()`` objects (the same records the CLI's
  ``--json`` writes, as one document rather than JSON Lines, so it opens in any JSON viewer), each with
  ``edited`` (the list of what was changed by hand; TimelineJS slides and the chart's hover say it too).
- ``to_timelinejs(events)``: a TimelineJS3 timeline (``timelinejs_bytes``: the same as a file).
  TimelineJS renders ``headline``/``text`` as HTML, so every piece of article text is HTML-escaped
  here; only the markup we add ourselves is HTML.
- ``to_html(fig)``: the chart as one offline HTML file with plotly.js inlined.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import plotly.graph_objects as go

from timeline.corrections.shown import edited_fields, edited_text
from timeline.events.export import csv_text
from timeline.model import Event

DEFAULT_TITLE = "Timeline"
EDITED_COLUMN = "edited"
"""The CSV column and JSON field saying what a teacher changed by hand (empty for an event as extracted)."""


def to_csv(events: Sequence[Event]) -> bytes:
    """The events (those of the current view, in its order) as CSV bytes: the CLI's format and writer,
    plus an ``edited`` column saying what a teacher changed by hand ("title | date", "added by hand")."""
    extra = {EDITED_COLUMN: lambda event: edited_text(event, " | ")}
    return ("\ufeff" + csv_text(events, extra)).encode("utf-8")


def _record(event: Event) -> dict[str, Any]:
    return {**event.to_json(), EDITED_COLUMN: edited_fields(event)}


def to_json(events: Sequence[Event]) -> bytes:
    """A JSON array of the events' records (plus ``edited``: what was changed by hand), one per line."""
    # One compact record per line: readable, and the C encoder (json's indent= falls back to Python).
    lines = ",\n".join(json.dumps(_record(event), ensure_ascii=False) for event in events)
    return f"[\n{lines}\n]\n".encode() if lines else b"[]\n"


def _timelinejs_date(day: Any, precision: str) -> dict[str, int]:
    parts = {"year": day.year}
    if precision in {"year", "decade", "century"}:
        return parts
    parts["month"] = day.month
    if precision == "month":
        return parts
    parts["day"] = day.day
    return parts


def _safe_link(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in {"http", "https"} and parsed.netloc else None


def _slide_text(event: Event) -> str:
    esc = html.escape
    paragraphs = [f"<p>“{esc(event.sentence)}”</p>"] if event.sentence else []
    for source in event.sources:
        label = ", ".join(
            part
            for part in (
                source.title or source.doc,
                source.outlet,
                source.published.isoformat() if source.published else "no publication date",
            )
            if part
        )
        link = _safe_link(source.url)
        cited = f'<a href="{esc(link)}">{esc(label)}</a>' if link else esc(label)
        paragraphs.append(f"<p>Source: {cited}</p>")
    edited = edited_text(event)
    if edited:
        paragraphs.append(f"<p><em>Edited by hand: {esc(edited)}</em></p>")
    return "".join(paragraphs)


def to_timelinejs(events: Sequence[Event], *, title: str = DEFAULT_TITLE, intro: str = "") -> dict[str, Any]:
    """A TimelineJS3 JSON document of the events that have a date (unanchored ones cannot be placed)."""
    slides: list[dict[str, Any]] = []
    for event in events:
        if event.start is None:
            continue
        slide: dict[str, Any] = {
            "start_date": _timelinejs_date(event.start, event.precision),
            "display_date": html.escape(event.display_date),
            "text": {"headline": html.escape(event.title), "text": _slide_text(event)},
            "group": html.escape(event.actors[0] if event.actors else event.category),
            "unique_id": event.id,
        }
        end = event.end or event.start
        if end != event.start and event.precision not in {"month", "year", "decade", "century"}:
            slide["end_date"] = _timelinejs_date(end, event.precision)
        slides.append(slide)
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(intro)}},
        "events": slides,
    }


def timelinejs_bytes(events: Sequence[Event], *, title: str = DEFAULT_TITLE, intro: str = "") -> bytes:
    """``to_timelinejs`` as a UTF-8 file, one slide per line (compact, so json's fast encoder is used)."""
    document = to_timelinejs(events, title=title, intro=intro)
    slides = ",\n".join(json.dumps(slide, ensure_ascii=False) for slide in document["events"])
    head = json.dumps(document["title"], ensure_ascii=False)
    return f'{{"title": {head},\n"events": [\n{slides}\n]}}\n'.encode()


def to_html(fig: go.Figure, *, title: str = DEFAULT_TITLE) -> str:
    """The figure as a complete HTML page that works offline (plotly.js inlined, no CDN)."""
    page: str = fig.to_html(
        include_plotlyjs=True,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height="100%",
    )
    # Plotly writes no <title>; give the saved file a readable one.
    return page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)
