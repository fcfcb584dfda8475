"""Downloads of the current view: CSV, JSON, TimelineJS JSON and a self-contained chart HTML.

- ``to_csv(events)``: the events of the view, one row per event, written by the same writer as
  ``timeline extract --csv`` (``timeline.events.export.write_csv``: lists joined with " | ", each
  article cited by title, outlet, date and address, cells a spreadsheet would run as a formula,
  starting with = + - @ or a tab or CR, prefixed with an apostrophe), as UTF-8 with a BOM so spreadsheet
  programs pick the right encoding; its last column, ``edited``, says what a teacher changed by hand.
- ``to_json(events)``: a JSON **array** of ``Event.to_json()`` objects (the same records the CLI's
  ``--json`` writes, as one document rather than JSON Lines, so it opens in any JSON viewer), each with
  ``edited`` (the list of what was changed by hand; TimelineJS slides and the chart's hover say it too).
- ``to_timelinejs(events)``: a TimelineJS3 timeline (``timeline.view.timelinejs``: dates where their
  modifiers put them, a title slide with the view's summary, groups by lane, the quote and its source
  as media; every piece of article text HTML-escaped). ``timelinejs_bytes``: the same as a file.
- ``to_html(fig, events=...)``: the chart as one offline HTML file with plotly.js inlined, showing
  the quote and source of a clicked event (``timeline.view.offline_html``).
- ``lane_groups(df, lane_by)``: each event's lane in the chart, for TimelineJS's groups.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from timeline.corrections.shown import edited_fields, edited_text
from timeline.events.export import csv_text
from timeline.model import Event
from timeline.view.chart_lanes import LaneBy, lane_of_rows, lane_order
from timeline.view.offline_html import to_html
from timeline.view.timelinejs import DEFAULT_TITLE, summary, timelinejs_bytes, to_timelinejs

__all__ = [
    "DEFAULT_TITLE",
    "EDITED_COLUMN",
    "lane_groups",
    "summary",
    "timelinejs_bytes",
    "to_csv",
    "to_html",
    "to_json",
    "to_timelinejs",
]

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


def lane_groups(df: pd.DataFrame, lane_by: LaneBy) -> dict[str, str]:
    """Event id -> the lane the chart draws it in (its main actor or category, or "Other")."""
    if df.empty:
        return {}
    lanes = lane_of_rows(df, lane_by, lane_order(df, lane_by))
    return dict(zip(df["id"].astype(str), lanes.astype(str), strict=True))
