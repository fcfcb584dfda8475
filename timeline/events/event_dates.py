"""The time expressions the event stage dates events by: the tagger's dates and times, and the durations
the text anchors to a date ("the eight-year war that began in 1980" covers 1980-1987), so an event that
lasted is drawn as the span it covered.

A duration with no anchor ("for three years") dates nothing and is left out, as are sets and reference
words: they are TIMEX3s, not points on a timeline. The second (all-types) pass costs about as much as
the first, a small part of the event stage next to the parser; it also knows the sets, whose days are
no dates of events.
"""

from __future__ import annotations

from datetime import date

from timeline.dates import tag_dates
from timeline.model import Mode, TimeMention


def event_dates(text: str, dct: date | None, mode: Mode = "news") -> list[TimeMention]:
    """``tag_dates(text, dct, mode)`` with the anchored durations added and the dates inside a set left
    out ("every Friday" is no one Friday), in reading order."""
    dates = tag_dates(text, dct, mode)
    every_type = tag_dates(text, dct, mode, all_types=True)
    sets = [mention.span for mention in every_type if mention.type == "SET"]
    dates = [mention for mention in dates if not _overlaps(mention.span, sets)]
    taken = [mention.span for mention in dates]
    spans = [
        mention
        for mention in every_type
        if is_anchored_duration(mention) and not _overlaps(mention.span, taken)
    ]
    return sorted(dates + spans, key=lambda mention: mention.span)


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def is_anchored_duration(mention: TimeMention) -> bool:
    """A duration the text ties to a date, so it has an interval to draw."""
    return mention.type == "DURATION" and mention.start is not None and mention.end is not None
