"""The every-type output of the tagger (``tag_dates(..., all_types=True)``): the candidates of the
duration, set and reference rules, and the passes that give TIMEX3 TIME values, anchor durations and
draw extents as TimeML does."""

from __future__ import annotations

import re

from timeline.dates.extents import timeml_extents
from timeline.dates.patterns_types import type_rules, type_windows
from timeline.dates.resolve import durations, refs, sets  # noqa: F401  (registers the handlers)
from timeline.dates.resolve.durations import anchor_durations
from timeline.dates.resolve.times import time_values
from timeline.model import TimeMention

Candidate = tuple[int, int, int, re.Match[str]]


def type_candidates(text: str, first_index: int) -> list[Candidate]:
    """Matches of ``type_rules()`` near their trigger words; rule indices count from ``first_index``."""
    windows = type_windows(text)
    found: dict[tuple[int, int, int], re.Match[str]] = {}
    for offset, rule in enumerate(type_rules()):
        index = first_index + offset
        for window_start, window_end in windows.get(rule.trigger, ()):
            for m in rule.regex.finditer(text, window_start, min(window_end, len(text))):
                if m.end() > m.start():
                    found.setdefault((m.start(), m.end(), index), m)
    return [(start, end, index, m) for (start, end, index), m in found.items()]


def finish_all_types(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    return timeml_extents(text, anchor_durations(text, time_values(mentions)))
