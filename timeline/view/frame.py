"""Events as a pandas DataFrame: one row per event, the shape the filters, chart and exports use.

Columns (all always present, also for an empty list of events):

==============  ==============================================================================
id              event id (str)
start, end      ``datetime64[s]``, the event's inclusive interval; ``NaT`` for an unanchored event
                (a relative date with nothing to anchor it); ``end`` falls back to ``start``. Seconds,
                not nanoseconds: a nanosecond column only holds 1678–2262, and the year 800 must stay 800
precision       "day", "week", "month", ... (str)
display_date    the date as a reader should see it (str)
title           short title (str); ``sentence`` the quoted sentence (str)
actors          tuple of actor names; ``primary_actor`` the first one, or ``NO_ACTOR``
category        str; ``planned`` bool; ``anchored`` bool; ``confidence`` float
n_sources       number of distinct articles reporting the event (int)
sources         tuple of doc ids; ``outlets`` their outlets joined with "; " (str)
published       ``datetime64[s]`` publication date of the first source (``NaT`` if unknown)
search_text     lowercased title + sentence, for the text filter
actors_key      "|a|b|": the actors joined with sentinels, so "any actor matches" is one vectorised
sources_key     substring test per chosen value (see ``timeline.view.filters``); same for doc ids
salience        the engine's salience of the event (``timeline.events.salience.event_salience``), for
                the chart's key events (computed once here, not on every rerun)
edited          bool: a teacher corrected or added the event by hand (``timeline.corrections``)
hover           ready hover label, every article-derived part HTML-escaped:
                "<b>title</b><br>display date (planned)<br>n sources: outlets" (built once here
                so a chart rerun need not escape 100k strings again)
==============  ==============================================================================
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
import pandas as pd

from timeline.events.salience import event_salience
from timeline.model import Event

NO_ACTOR = "No actor"
"""Lane label for an event that names no actor."""

KEY_SEPARATOR = "|"

COLUMNS: tuple[str, ...] = (
    "id",
    "start",
    "end",
    "precision",
    "display_date",
    "title",
    "sentence",
    "actors",
    "primary_actor",
    "category",
    "planned",
    "anchored",
    "n_sources",
    "sources",
    "outlets",
    "published",
    "confidence",
    "search_text",
    "actors_key",
    "sources_key",
    "salience",
    "edited",
    "hover",
)

HOVER_TITLE_CHARS = 110
HOVER_OUTLETS_CHARS = 80


def membership_key(values: Iterable[str]) -> str:
    """ "|a|b|": every value wrapped in separators, so ``"|a|"`` in the key means "a" is a member."""
    cleaned = [value.replace(KEY_SEPARATOR, "/") for value in values]
    return KEY_SEPARATOR + KEY_SEPARATOR.join(cleaned) + KEY_SEPARATOR if cleaned else ""


def membership_token(value: str) -> str:
    """The substring whose presence in a ``membership_key`` means ``value`` is a member."""
    return KEY_SEPARATOR + value.replace(KEY_SEPARATOR, "/") + KEY_SEPARATOR


DATETIME_UNIT = "datetime64[s]"
"""The unit of the frame's dates: seconds span ±2.9e11 years (nanoseconds only 1678–2262)."""


def _datetimes(days: Sequence[date | None]) -> np.ndarray:
    # Day numbers through numpy are ~50x faster than pd.to_datetime on a list of date objects.
    ordinal_epoch = date(1970, 1, 1).toordinal()
    missing = np.iinfo(np.int64).min
    numbers = np.fromiter(
        ((day.toordinal() - ordinal_epoch) if day is not None else missing for day in days),
        dtype=np.int64,
        count=len(days),
    )
    as_days = numbers.view("datetime64[D]")
    result: np.ndarray = as_days.astype(DATETIME_UNIT)
    result[numbers == missing] = np.datetime64("NaT")
    return result


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hover_label(event: Event, outlets: str, n_sources: int) -> str:
    """The chart's hover text for one event; article text is escaped (Plotly renders some HTML)."""
    title = html.escape(_shorten(event.title, HOVER_TITLE_CHARS))
    planned = " (planned)" if event.planned else ""
    count = f"{n_sources} source" if n_sources == 1 else f"{n_sources} sources"
    cited = f"{count}: {html.escape(_shorten(outlets, HOVER_OUTLETS_CHARS))}" if outlets else count
    edited = EDITED_HOVER if _edited(event) else ""
    return f"<b>{title}</b><br>{html.escape(event.display_date)}{planned}<br>{cited}{edited}"


EDITED_HOVER = "<br><i>edited by hand</i>"
"""Added to the hover label of an event a teacher corrected or added (our own markup, no article text)."""


def _edited(event: Event) -> bool:
    """Whether a teacher changed or added the event (the tags ``timeline.corrections`` leaves)."""
    return "edited" in event.tags or "added by hand" in event.tags


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _salience(events: Sequence[Event]) -> np.ndarray:
    scores = event_salience(events) if events else {}
    return np.fromiter((scores.get(event.id, 0.0) for event in events), dtype=float, count=len(events))


def events_frame(events: Sequence[Event]) -> pd.DataFrame:
    """One row per event with the columns listed in the module docstring, in ``COLUMNS`` order."""
    source_ids = [_distinct(source.doc for source in event.sources) for event in events]
    outlets = ["; ".join(_distinct(s.outlet for s in event.sources if s.outlet)) for event in events]
    data: dict[str, object] = {
        "id": [event.id for event in events],
        "start": _datetimes([event.start for event in events]),
        "end": _datetimes([event.end or event.start for event in events]),
        "precision": [event.precision for event in events],
        "display_date": [event.display_date for event in events],
        "title": [event.title for event in events],
        "sentence": [event.sentence for event in events],
        "actors": pd.Series([tuple(event.actors) for event in events], dtype=object),
        "primary_actor": [event.actors[0] if event.actors else NO_ACTOR for event in events],
        "category": [event.category for event in events],
        "planned": np.fromiter((event.planned for event in events), dtype=bool, count=len(events)),
        "anchored": np.fromiter(
            (event.anchored and event.start is not None for event in events), dtype=bool, count=len(events)
        ),
        "n_sources": np.fromiter((max(len(ids), 1) for ids in source_ids), dtype=np.int64, count=len(events)),
        "sources": pd.Series(source_ids, dtype=object),
        "outlets": outlets,
        "published": _datetimes([event.sources[0].published if event.sources else None for event in events]),
        "confidence": np.fromiter((event.confidence for event in events), dtype=float, count=len(events)),
        "search_text": [f"{event.title}\n{event.sentence}".lower() for event in events],
        "actors_key": [membership_key(event.actors) for event in events],
        "sources_key": [membership_key(ids) for ids in source_ids],
        "salience": _salience(events),
        "edited": np.fromiter((_edited(event) for event in events), dtype=bool, count=len(events)),
        "hover": [
            hover_label(event, outlet, max(len(ids), 1))
            for event, outlet, ids in zip(events, outlets, source_ids, strict=True)
        ],
    }
    frame = pd.DataFrame(data, columns=list(COLUMNS))
    string_columns = [
        "id",
        "precision",
        "display_date",
        "title",
        "sentence",
        "primary_actor",
        "category",
        "outlets",
        "search_text",
        "actors_key",
        "sources_key",
        "hover",
    ]
    # pandas' "str" dtype (Arrow-backed) keeps substring search and isin vectorised.
    return frame.astype({column: "str" for column in string_columns})
