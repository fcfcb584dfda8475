"""The every-type output of the tagger (``tag_dates(..., all_types=True)``): the duration, set and
reference rules beside the date rules, and the passes that join what TimeML draws as one expression,
give TIMEX3 TIME values, anchor durations and draw extents as TimeML does."""

from __future__ import annotations

from timeline.dates.all_types_joins import join_expressions
from timeline.dates.extents import timeml_extents
from timeline.dates.patterns_types import all_trigger_classes, type_rules
from timeline.dates.resolve import durations, refs, sets  # noqa: F401  (registers the handlers)
from timeline.dates.resolve.durations import anchor_durations, fiscal_years_as_durations, later_as_durations
from timeline.dates.resolve.times import time_values
from timeline.model import TimeMention

__all__ = ["all_trigger_classes", "finish_all_types", "type_rules"]


def finish_all_types(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    joined = fiscal_years_as_durations(text, join_expressions(text, mentions))
    return timeml_extents(text, anchor_durations(text, later_as_durations(time_values(joined))))
